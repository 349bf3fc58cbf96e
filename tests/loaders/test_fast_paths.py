"""The fast paths of the extraction helpers give exactly what the plain Python/regex forms give."""
from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.extract import agencies, models, people, places, practices
from loaders.extract import quote_features as qf
from loaders.extract.quote_features import QuoteView
from loaders.extract.script import _table, fold_script
from loaders.extract.text_utils import (
    CLAUSE_END,
    SENTENCE_END,
    digit_runs,
    finditer_at,
    finditer_in_runs,
    line_starts,
    literal_starts,
    run_start,
    stop_positions,
)
from loaders.read import normalize

# characters the rules care about: hanzi (simplified and traditional), 、 and other stops, digits,
# spaces, a character past the BMP, latin
_ALPHABET = list("社区區會黨街道等个个、，。；\n 　1２a王明主任市民政局领导小组专班和及与") + ["𠀀", "\U0002a6a5"]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60))) for _ in range(n)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80))
def test_fold_script_is_translate(text):
    assert fold_script(text) == text.translate(_table())


def test_fold_script_keeps_a_simplified_text_itself():
    text = "濮阳市民政局关于加强社区治理的答复"
    assert fold_script(text) is text
    assert fold_script("區會黨𠀀") == "区会党𠀀"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=80))
def test_stop_positions_are_the_stop_characters(text):
    for stops in (SENTENCE_END, CLAUSE_END, "\n", "，,；;：:"):
        want = [m.start() for m in re.finditer("[" + re.escape(stops) + "]", text)]
        assert stop_positions(text, stops) == want


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=60), st.integers(min_value=-2, max_value=62))
def test_run_start_is_the_last_stop_before(text, pos):
    for stops in (SENTENCE_END, "，,；;：:"):
        before = [i for i, ch in enumerate(text[:max(pos, 0)]) if ch in stops]
        assert run_start(text, pos, stops) == (pos if pos <= 0 else before[-1] + 1 if before else 0)


def _plain_runs(rx, text, key, run):
    """finditer_in_runs as first written: the run walked back one character at a time."""
    last_run_end = -1
    for k in key.finditer(text):
        if k.start() < last_run_end:
            continue
        lo = k.start()
        while lo > 0 and run.fullmatch(text, lo - 1, lo):
            lo -= 1
        hi = run.match(text, k.end()).end()
        last_run_end = hi
        yield from rx.finditer(text, lo, hi)


def test_finditer_in_runs_matches_the_whole_text_scan():
    jobs = [(places._LIST_LOCAL, places._LIST_LOCAL_KEY, places._LIST_LOCAL_RUN, "、", None),
            (places._LIST_LOCAL, places._LIST_LOCAL_KEYS, places._LIST_LOCAL_RUN, "、", None),  # keys as characters
            # only the keys followed by what every match holds after them
            (places._LIST_LOCAL, places._LIST_LOCAL_KEYS, places._LIST_LOCAL_RUN, "、", places._LIST_LOCAL_TAIL),
            (agencies._DEPT_LIST, agencies._DEPT_LIST_KEY, agencies._CJK_LIST_RUN, "、", None),
            (agencies._GROUP, agencies._GROUP_KEY, agencies._CJK_RUN, "", None)]
    rng = random.Random(5)
    pieces = ["等", "个", "1", "２", "城市", "农村", "城乡", "社区", "村", "街道", "镇", "、", "和", "大庆", "温馨", "海", "，"]
    lists = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(3000)]
    texts = _texts(3000, 11) + lists + ["大庆、温馨、海馨、依林和金裕5个社区", "市民政局、财政局、人社局等部门", "成立工作专班",
                                         "东城、西城等城乡社区", "甲乙、丙丁等３个农村社区和戊己、庚辛等村"]
    for text in texts:
        for rx, key, run, needs, after in jobs:
            fast = [(m.span(), m.groups()) for m in finditer_in_runs(rx, text, key, run, needs, after)]
            plain_key = re.compile("[" + key + "]") if isinstance(key, str) else key
            assert fast == [(m.span(), m.groups()) for m in _plain_runs(rx, text, plain_key, run)], text
            assert fast == [(m.span(), m.groups()) for m in rx.finditer(text)], text


def test_name_before_title_tests_the_lookbehind_after_the_surname():
    plain = re.compile(r"(?<![\u4e00-\u9fff])(" + people._NAME + r"?)" + people._TITLE + r"(?=[，,、。；;\s参主带]|$)")
    texts = _texts(3000, 12) + ["王明主任", "a王明主任，", "市王明主任", "王明主任王明主任，王明市长"]
    for text in texts:
        assert ([(m.span(), m.groups()) for m in people._NAME_TITLE.finditer(text)]
                == [(m.span(), m.groups()) for m in plain.finditer(text)]), text


def test_detail_test_counts_hanzi_up_to_the_minimum():
    from loaders.extract import lead_paragraphs as lp

    for text in _texts(3000, 13) + ["社" * 14 + "a", "社" * 15, "a，" * 20 + "社" * 15]:
        for lo in range(0, len(text) + 1, 7):
            assert bool(lp._DETAIL.match(text, lo, len(text))) == (lp._cjk_count(text[lo:]) >= lp._MIN_DETAIL)


def test_body_class_is_the_lookahead_form():
    """agencies._BODY, one class of ranges, takes exactly the hanzi the lookahead form took."""
    plain = re.compile(r"(?:(?![" + agencies._NOT_BODY + r"])[\u4e00-\u9fff])")
    fast = re.compile(agencies._BODY)
    for cp in range(0x3000, 0xA100):
        ch = chr(cp)
        assert bool(plain.fullmatch(ch)) == bool(fast.fullmatch(ch)), ch


# text the normalizer's pre-scans judge: hanzi, word characters, spaces of three kinds, line ends
_LAYOUT = list("社区市民政局答复关于。，、 　\t\na1_-")


def _plain_join_wraps(text: str) -> str:
    """Hard wraps re-joined as first written: the line end searched over the whole line, every
    non-blank line measured for the margin test."""
    lines = text.split("\n")
    candidates = [i for i in range(len(lines) - 1)
                  if lines[i] and lines[i + 1] and normalize._WRAP_END.search(lines[i])
                  and normalize._WRAP_START.match(lines[i + 1]) and not normalize._ITEM_START.match(lines[i + 1])]
    if len(candidates) < 3:
        return text
    widths = Counter(normalize.display_width(lines[i]) for i in candidates)
    best = None
    for high in widths:
        if not 16 <= high <= 160:
            continue
        low = high - max(3, high // 10)
        count = sum(n for w, n in widths.items() if low <= w <= high)
        if best is None or (count, high) > (best[0], best[1]):
            best = (count, high, low)
    if best is None or best[0] < 3 or best[0] < 0.4 * len(candidates):
        return text
    _count, high, low = best
    margin = high + max(3, high // 10)
    nonblank = [line for line in lines if line]
    if sum(1 for line in nonblank if normalize.display_width(line) > margin) > 0.05 * len(nonblank):
        return text
    joins = {i for i in candidates if low <= normalize.display_width(lines[i]) <= high}
    out: list[str] = []
    for i, line in enumerate(lines):
        if i - 1 in joins:
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def _plain_pass(text: str) -> str:
    """One normalization pass as first written: every substitution run over the whole text."""
    text = normalize._TRAILING.sub("", text)
    text = normalize._SPACED.sub(normalize._collapse_spaced, text)
    text = _plain_join_wraps(text)
    text = normalize._BLANK_RUN.sub("\n\n\n", text)
    return unicodedata.normalize("NFC", text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_LAYOUT), max_size=120))
def test_normalize_pass_skips_only_substitutions_that_cannot_apply(text):
    assert normalize._pass(text) == _plain_pass(text)


# hard-wrapped looking text: lines of hanzi and punctuation, some of a wide (full-width) margin
_WRAPPED = st.lists(st.text(alphabet=st.sampled_from(list("社区治理居民议事会，、。“《（1a ")), max_size=40),
                    max_size=14).map("\n".join)


@settings(max_examples=500, deadline=None)
@given(_WRAPPED)
def test_hard_wraps_are_joined_as_the_plain_form_joins_them(text):
    assert normalize._join_wraps(text) == _plain_join_wraps(text)
    assert normalize._pass(text) == _plain_pass(text)


def test_a_hard_wrapped_paragraph_is_joined():
    text = "\n".join(["社区治理居民议事会社区治理居民议事会社区"] * 5 + ["完。"])
    assert normalize._join_wraps(text) == _plain_join_wraps(text) != text


def test_normalize_pre_scans_see_spaced_headers_and_trailing_spaces():
    for text in ("潜 江 市 民 政 局", "答  复\n正文", "标题 \n正文", "正文\u3000", "a\n\n\n\n\nb", "x 答 复"):
        assert normalize._pass(text) == _plain_pass(text) != text


def _plain_spaced_pair(text: str) -> bool:
    """A CJK character not after a word character, 1–3 spaces, a CJK character: read run by run."""
    for m in re.finditer("[ \u3000]+", text):
        start, end = m.start(), m.end()
        if end - start <= 3 and start and normalize.is_cjk(text[start - 1]) and end < len(text) \
                and normalize.is_cjk(text[end]) and (start == 1 or not re.match(r"\w", text[start - 2])):
            return True
    return False


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_LAYOUT), max_size=40))
def test_spaced_pair_key_is_the_run_by_run_test(text):
    assert normalize._has_spaced_pair(text) == _plain_spaced_pair(text)


# digits of several scripts (ASCII, full-width, Arabic-Indic, one past the BMP) and what figures need
_FIGURES = list("0123456789０５٣.-/年 　万亿余多个人“”社区元至~号第") + ["\U0001d7d8"]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FIGURES), max_size=40))
def test_digit_runs_and_figure_patterns_tried_at_run_starts(text):
    from loaders.extract import metrics

    starts, ends = digit_runs(text)
    assert list(zip(starts, ends)) == [m.span() for m in re.finditer(r"\d+", text)]
    years = [e - 4 for s, e in zip(starts, ends) if e - s >= 4]
    for rx, at in ((metrics._YEAR_RE, years), (metrics._FIG_RE, starts), (metrics._BARE_RE, starts),
                   (metrics._QUOTED_COUNT_RE, starts)):
        assert [(m.span(), m.groups()) for m in finditer_at(rx, text, at)] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)]


_KEYED = list("全我中国家层面人民政府一二三四五是十 ，。协届党央和、落实省次会议市区")


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_KEYED), max_size=30))
def test_patterns_tried_around_a_literal_key(text):
    from loaders.extract import measures, metrics

    for rx, key, offsets in ((metrics._NATIONAL, "国", (0, 1)), (agencies._GOV_BETWEEN, "政府", (0, 2)),
                             (measures._INLINE_CORE, "是", (1, 2, 3)), (agencies._BARE_SESSION, "政协", (0,)),
                             (agencies._CENTRE, "中央", (0,))):
        assert [(m.span(), m.groups()) for m in finditer_at(rx, text, literal_starts(text, key, offsets))] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)]
    if "届人大" not in text and "届政协" not in text:  # (the session pattern is tried only where one stands)
        assert agencies._SESSION_BODY.search(text) is None


_FIRSTS = list("我本全市区县省街道镇关于“”《》在方面联系人经办主管领导：:王明\n 收悉建议的") + ["𠀀"]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FIRSTS), max_size=40))
def test_patterns_tried_where_their_first_character_stands(text):
    from loaders.extract import attribution, models, policies, practices, subject

    assert stop_positions(text, models._QUOTE_CHARS) == [m.start() for m in models._QUOTE_MARKS.finditer(text)]
    assert stop_positions(text, policies._BRACKET_CHARS) == [m.start() for m in policies._BRACKETS.finditer(text)]
    for rx, firsts in ((places._SELF, places._SELF_FIRST), (subject._SELF, subject._SELF_FIRST),
                       (attribution._SELF_ANY, "我本全"), (practices._REQUEST_QUOTE, "“《关"),
                       (people._CONTACT, "联经主")):
        assert [(m.span(), m.groups()) for m in finditer_at(rx, text, stop_positions(text, firsts))] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)]


_VISITS = ["先后", "相继", "来", "到", "赴", "我", "本", "市", "街道", "社区", "考察", "学习", "，", "\n", "河源市", "、"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_VISITS), max_size=20))
def test_visit_pattern_tried_around_its_pronoun(parts):
    from loaders.extract import learning

    text = "".join(parts)
    keys = stop_positions(text, learning._VISITED_KEY)
    starts = sorted({k - o for k in keys for o in (1, 3) if k >= o})
    assert [m.span() for m in finditer_at(learning._VISITED, text, starts)] == \
        [m.span() for m in learning._VISITED.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("市局长，的 兴建路街办事处和\n")), max_size=30))
def test_bodies_after_a_boundary_tried_at_their_literal(text):
    for rx, key, offsets in ((agencies._CITY_COUNTERPART, "市局", (0,)),
                             (agencies._ROAD_OFFICE, "办事处", (2, 3, 4, 5))):
        assert [(m.span(), m.groups()) for m in finditer_at(rx, text, literal_starts(text, key, offsets))] == \
            [(m.span(), m.groups()) for m in rx.finditer(text)]



@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["案由", "案 由", "提案人", "建议人", " ", "\u3000", "\n", "关于", "社区", "："]), max_size=12))
def test_proposal_header_tried_at_line_starts(parts):
    text = "".join(parts)
    got = next(finditer_at(practices._PROPOSAL_HEADER, text, line_starts(text)), None)
    want = practices._PROPOSAL_HEADER.search(text)
    assert (got and got.span()) == (want and want.span())


_LEVELS = ["自治区", "自治州", "地区", "省", "市", "区", "县", "州", "旗", "盟", "自治", "委", "政府", "人大", "常委会", "政协",
           "民政局", "党委", "组织部", "妇联", "领导小组", "社区", "，", "\n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LEVELS), max_size=14))
def test_agency_grammar_opens_with_literal_level_characters(parts):
    text = "".join(parts)
    plain = re.compile(agencies._AGENCY.pattern.replace("(?P<lv>自治区|自治州|地区|省|市|区|县|州|旗|盟)",
                                                        "(?P<lv>自治区|自治州|地区|[省市区县州旗盟])", 1))
    assert plain.pattern != agencies._AGENCY.pattern
    assert [(m.span(), m.groupdict()) for m in agencies._AGENCY.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["居民", "代表", "大家", "建议", "希望", "期盼", "盼望", "要求", "“", "，", "。", "社区", "活动",
                                 "场所", "有"]), max_size=14))
def test_asked_before_holds_an_asking_word(parts):
    text = "".join(parts)
    for lo in range(0, len(text) + 1, 3):
        found = practices._ASKED_BEFORE.search(text, lo)
        assert found is None or practices._ASK_WORD.search(text, lo, found.end()) is not None


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), min_size=257, max_size=700),
       st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
def test_stop_positions_of_a_long_text_survive_a_short_one(text, short):
    # a long text goes through the table pass, a short one is read as it is: asking about a short
    # text in between leaves the long text's answer as it was
    for stops in (SENTENCE_END, CLAUSE_END, "等个"):
        want = [m.start() for m in re.finditer("[" + re.escape(stops) + "]", text)]
        assert stop_positions(text, stops) == want
        assert stop_positions(short, stops) == [m.start() for m in re.finditer("[" + re.escape(stops) + "]", short)]
        assert stop_positions(text + "", stops) == want


def _plain_merge(pairs):
    """agencies._merge_abbreviations as first written: every name against every other."""
    def subseq(short, long):
        it = iter(long)
        return all(ch in it for ch in short)

    def head(name):
        return name[:-2] if name.endswith("委员会") else name

    out = {}
    for a, pa in pairs:
        for b, pb in pairs:
            ha, hb = head(a), head(b)
            if pa == pb and pa and len(a) < len(b) and ha[-1] == hb[-1] and subseq(ha, hb) \
                    and len(b) - len(a) <= 8 and len(a) - len(pa) >= 3 \
                    and b.endswith(("中心", "小组", "专班", "局", "委员会")) \
                    and not set("省市区县") & set((Counter(b.replace("城市", "城")) - Counter(a)).elements()) \
                    and len(out.get(a, "")) < len(b):
                out[a] = b
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["甲市", "乙县", "丙区", ""]),
                          st.lists(st.sampled_from(["城市", "城", "管理", "管", "和", "综合", "执法", "发展", "改革", "发改",
                                                    "房地产", "人力资源", "社会保障", "人社", "区"]), min_size=1, max_size=4),
                          st.sampled_from(["局", "中心", "委", "委员会", "小组", "办"])), max_size=12))
def test_abbreviations_merge_as_every_pair_compared(items):
    pairs = sorted({(place + "".join(words) + end, place or None) for place, words, end in items}, key=str)
    assert agencies._merge_abbreviations(pairs) == _plain_merge(pairs)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["“全覆盖”", "“零距离”", "“一张网”", "管理", "服务", "覆盖", "、", "，", "社区"]), max_size=16))
def test_parallel_series_needs_two_list_marks(parts):
    text = "".join(parts)
    for m in re.finditer("“[^“”]+”", text):
        start, end = m.start(), m.end()
        lo, hi = max(0, start - 48), min(len(text), end + 48)
        plain = any(x.start() <= start and end <= x.end() for rx in models._PARALLEL for x in rx.finditer(text, lo, hi))
        assert models._in_parallel(text, start, end) == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["全省", "我省", "本省", "该区", "该社区", "本村", "这个镇", "这里", "这儿", "街道", "社区", "乡",
                                 "镇", "村", "还", "推出", "省委", "，", "“", "我", "全"]), max_size=10))
def test_clause_subject_patterns_open_with_their_first_characters(parts):
    # the clause-subject rules try each pattern only where one of these characters stands
    text = "".join(parts)
    for rx, firsts in ((models._WHOLE_PROVINCE, "全我本"), (re.compile(r"该[区县市旗]"), "该"), (models._HERE, "这"),
                       (models._ANAPHOR, "该本这街社村镇乡"), (re.compile(r"街道|社区|乡|镇|村"), "街社乡镇村")):
        for i in range(len(text)):
            if rx.match(text, i):
                assert text[i] in firsts


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["该", "本", "出", "了", "街道", "社区", "村", "镇", "区", "\n", "“", "省", "政府"]), max_size=8))
def test_level_word_before_a_quote_ends_it_or_a_line_break_there(parts):
    text = "".join(parts)
    for q0 in range(len(text) + 1):
        if models._ANAPHOR_BEFORE.search(text, max(0, q0 - 4), q0):
            assert text[q0 - 1:q0] in ("道", "区", "村", "镇", "\n")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("社区 \t　\n\u00a0\u2003\x1c1２a𠀀")), max_size=60))
def test_squeezed_spaces_are_the_characters_that_are_not_space(text):
    from loaders.extract.text_utils import squeeze_spaces

    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    assert squeeze_spaces(text) == ("".join(ch for _i, ch in kept), [i for i, _ch in kept])


def test_document_number_prefix_tried_before_its_bracket():
    from loaders.extract import subject

    rng = random.Random(3)

    def piece() -> str:
        if rng.random() < 0.4:
            return ("".join(rng.choice("营委办发民政根据以的") for _ in range(rng.randint(0, 10)))
                    + rng.choice(["", " ", "　", "\n"]) + rng.choice("〔[［(（【﹝") + rng.choice(["", " "])
                    + rng.choice(["2023", "1999", "2100", "20"]) + rng.choice(["", " "]) + rng.choice("〕]］)）】﹞")
                    + rng.choice(["", " "]) + rng.choice(["1", "12", "12345", ""]) + rng.choice(["号", "", " 号"]))
        return rng.choice(["，", "。", "a", "1", " ", "营", "〔", "号", "\n", "𠀀"])

    found = 0
    for _ in range(4000):
        text = "".join(piece() for _ in range(rng.randint(0, 6)))
        want = [(m.span(), m.groups()) for m in subject._DOC_PREFIX.finditer(text)]
        got = [(m.span(), m.groups()) for m in finditer_at(subject._DOC_PREFIX, text, subject._doc_prefix_starts(text))]
        assert got == want, text
        found += len(want)
    assert found > 300


# the windows the named-model rules test: words that open, close or stand inside the patterns
# combined by ``any_of`` (and others)
_MODEL_WORDS = ["等", "的", "困扰", "变", "为", "主题", "大赛", "称号", "优势", "一份", "2024", "这一", "像", "一样",
                "什么", "3.5", "化", "关于", "建议", "全国", "示范区", "三", "百米", "作用", "问题", "解决", "实现",
                "构成", "组成", "由", "、", "，", "“", "”", "即", "+", "党建", "模式", "打造", "品牌", "\n", " ", "a"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MODEL_WORDS), max_size=10))
def test_combined_tests_are_any_of_their_patterns(parts):
    text = "".join(parts)
    for combined, members in (
            (models._REJECTED_AFTER, (models._TROUBLE_AFTER, models._BECOMES_AFTER, models._THEME_AFTER,
                                      models._AWARD_AFTER, models._TRAIT_AFTER)),
            (models._ROLE_OR_PROBLEM_AFTER, (models._NEG_AFTER, models._PROBLEM_AFTER)),
            (models._NAMING_BEFORE, (models._VERB_BEFORE, models._APPOSITION_BEFORE))):
        assert bool(combined.match(text)) == any(rx.match(text) for rx in members)
        assert bool(combined.search(text)) == any(rx.search(text) for rx in members)
    assert bool(models._REJECTED_BEFORE.search(text)) == bool(
        models._ONE_INSTANCE_BEFORE.search(text) or re.search(r"\d{4}$", text))
    assert bool(models._NAME_SHAPE.search(text)) == bool(
        models._JOINED.search(text) or models._NUM_LEAD.match(text) or re.search(r"\d", text))
    never = bool(re.search(r"[。！？!?；;]", text) or models._SIMILE.search(text) or models._CHANGES.search(text)
                 or models._POST.search(text) or models._QUESTION.search(text)
                 or models._DECIMAL.search(text) or models._DESCRIPTOR.fullmatch(text) or models._REQUEST.search(text)
                 or models._DESIGNATION.search(text) or models._UNIT_METAPHOR.match(text))
    assert bool(models._NEVER_A_NAME.search(text)) == never


def test_any_of_refuses_what_it_cannot_combine():
    from loaders.extract.text_utils import any_of

    with pytest.raises(ValueError):
        any_of(re.compile(r"(a)\1"), re.compile("b"))
    with pytest.raises(ValueError):
        any_of(re.compile("a", re.IGNORECASE), re.compile("b"))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "\u3000", "\n", "—", "--", "-", "《", "（", "(", "三", "12", "）", ")", "、", ".",
                                 "2020年", "5月", "3日", "以来", "上午", "日前", "据悉", "近年来", "今年", "同时", "此外",
                                 "，", ",", "市", "社区", "推行", "“", "a"]), max_size=10))
def test_head_skip_tests_its_opening_characters_first(parts):
    text = "".join(parts)
    plain = re.compile(f"(?:{models._HEAD_SKIP_ONE})*")
    for i in range(len(text) + 1):
        assert models._HEAD_SKIP.match(text, i).end() == plain.match(text, i).end()


def test_opening_class_holds_every_first_character():
    from loaders.extract.text_utils import opening_class

    assert re.compile(opening_class(r"\s*届")).fullmatch("届")  # (\s* can match nothing: 届 opens too)
    cls = opening_class(r"(?<![省市])政协|[0-9]+年|\s+届|(?:下|今)?后")
    rx = re.compile(cls)
    for s in ("政", "0", "9", " ", "\u3000", "下", "今", "后"):
        assert rx.fullmatch(s)
    for s in ("协", "年", "届", "省", "a"):
        assert not rx.fullmatch(s)
    assert opening_class(r"[^a]b") is None and opening_class(r"(?=a)a") is None and opening_class(r".") is None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["下一步", "今后", "计划", "按计划", "拟", "力争", "预计", "目标", "明确目标", "到", "至",
                                 "2025年", "年底前", "即将", "规划到", "将", "将再", "将以", "要", "应达到", "须", "需",
                                 "已", "完成了", "“", "”", "《", "》", "，", "社区", "建成", "100", "%", " "]), max_size=14))
def test_plan_words_read_only_where_one_can_open(parts):
    from loaders.extract import attribution

    text = "".join(parts)
    for lo in range(0, len(text) + 1, 3):
        for pos in range(lo, len(text) + 1, 2):
            fast = attribution.states_plan(text, lo, pos, 2024)
            saved = attribution._PLAN_OPENS
            attribution._PLAN_OPENS = None  # (every window searched)
            try:
                assert fast == attribution.states_plan(text, lo, pos, 2024)
            finally:
                attribution._PLAN_OPENS = saved


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["《通知》", "该", "文件", "意见", "中", "明确", "要求", "规定", "提出", "，", "：", "。", "；",
                                 "\n", " ", "社区", "必须", "已"]), max_size=16))
def test_a_document_requirement_holds_its_key(parts):
    """required_spans skips the lines without :data:`attribution._REQUIRES_KEY`: every match holds it."""
    from loaders.extract import attribution

    text = "".join(parts)
    for s in range(len(text) + 1):
        found = attribution._DOCUMENT_REQUIRES.match(text, s)
        assert found is None or attribution._REQUIRES_KEY.search(text, s, found.end()) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("虽然但却社区？?。；;！!\n，") + ["尽管", "是", "的夙愿", "成立了业委会"]),
                max_size=160).map("".join))
def test_question_and_concession_read_the_sentence_end_the_loop_finds(text):
    """practice_mentions' sentence end (bisected over the stop offsets) is the character loop's."""
    from loaders.extract import practice_mentions as pm

    def plain_end(pos: int) -> int:
        end = pos
        while end < len(text) and text[end] not in "。；;！？!?\n":
            end += 1
        return end

    for pos in range(len(text) + 1):
        end = plain_end(pos)
        assert pm._asked(text, pos) == (end < len(text) and text[end] in "？?")
        wished = pm._WISHED.search(text, 0, end) is not None
        conceded = pm._CONCESSION.search(text, 0, pos) is not None and pm._BUT.search(text, pos, end) is not None
        assert pm._conceded(text, 0, pos) == (wished or conceded)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["下阶段，我局将加快建设，重点做好以下工作：", "今年主要做了以下工作：", "一是建成小区12个。",
                                 "二是计划投入资金30万元，完善平台。", "（一）完善平台，依据标准，联合业委会检查。", "1.已完成改造。",
                                 "社区建成驿站3个。", "今年将新建社区5个。依据标准，联合业委会检查。", ""]),
                max_size=12).map("\n".join),
       st.randoms(use_true_random=False))
def test_planned_at_keeps_the_answers_of_a_sentence_and_a_line(text, rnd):
    """``Attribution.planned_at`` keeps carries_plan per sentence start and plan_list_start per line start:
    asked at every position, in any order, it answers as the plain composition of the three tests does."""
    from loaders.extract import attribution as at
    from loaders.extract.context import Context

    ctx = Context(text=text, source="t.txt")
    att = at.Attribution(ctx)
    positions = list(range(len(text) + 1)) * 2
    rnd.shuffle(positions)
    for pos in positions:
        lo = att.sentence_start(pos)
        plain = any(a <= pos < b for a, b in att._plan_sections) or at.states_plan(text, lo, pos, att.year) \
            or at.carries_plan(text, lo, att.year) or at.plan_list_start(text, pos, att.year) is not None
        assert att.planned_at(pos) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("，,；;：:。！？!?\n社区建成") + ["成立业委会", "12个"]), max_size=80).map("".join))
def test_figure_measures_clause_is_the_character_loops(text):
    """figure_measures' clause bounds (bisected over the cached stop offsets) are those of the loop that
    walked back one character at a time and the search forward for the next stop."""
    from loaders.extract import figure_measures as fm

    stops = re.compile(r"[，,；;：:。！？!?\n]")
    for pos in range(len(text) + 1):
        lo = pos
        while lo > 0 and not stops.match(text, lo - 1):
            lo -= 1
        found = stops.search(text, pos)
        assert fm._clause(text, pos) == (lo, found.start() if found else len(text))


def test_a_short_text_is_scanned_once_and_the_documents_scan_stays(monkeypatch):
    # the document step scans a headline or a lead sentence for its units and again for its place
    # chains: the second scan is the first one's hits, and many short texts scanned in between leave the
    # document's own scan kept
    from loaders.extract.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    scanned: list[str] = []
    plain = gaz._scan
    monkeypatch.setattr(gaz, "_scan", lambda text: scanned.append(text) or plain(text))
    document = "湖北省咸宁市咸安区温泉街道办事处推进“红色物业”，赴建安考察。" * 3
    lines = [f"第{i}条：长沙市望城区雷锋街道赴建安考察" for i in range(100)]
    assert tuple(gaz.scan(document)) == plain(document)
    for line in lines:
        assert tuple(gaz.scan(line)) == plain(line)
        assert tuple(gaz.scan(line)) == plain(line)
    assert tuple(gaz.scan(document)) == plain(document)
    assert scanned == [document, *lines]


_CREDITS = ["转载自", "转自", "转", "摘自", "稿件", "信息", "内容", "文章", "来源", "来", "：", ":", " ", "综合整理", "自",
            "某市办公室", "。", "\n", "、"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CREDITS), max_size=16))
def test_credit_lines_are_the_plain_patterns(parts):
    # the optional word before 来源 written out as alternatives: the same matches as the pattern as first written
    text = "".join(parts)
    plain = re.compile(r"(?:转载自|转自|摘自|(?:稿件|信息|内容|文章)?来源\s*[:：]|综合整理(?:自)?)[^。\n]{0,120}")
    assert [m.span() for m in practices._CREDIT.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # every alternative opens with a literal: what lets the engine skip ahead to their first characters
    from re import _constants as C
    from re import _parser as P

    op, av = P.parse(practices._CREDIT.pattern)[0]  # (the group itself is not kept: it captures nothing)
    assert op is C.BRANCH and all(alt[0][0] is C.LITERAL for alt in av[1])


_GOING = ["深入", "深", "入", "走进", "来到", "来", "先后来到", "先后到", "先后", "前往", "赴", "了", "社区", "服务中心", "实地",
          "调研", "考察", "等地", "等处", "，", "。", "、"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_GOING), max_size=20))
def test_visits_tried_at_their_going_words(parts):
    # the visit pattern tried only where one of its going words starts: the same matches as the whole scan
    text = "".join(parts)
    starts = [k.start() for k in practices._VISIT_KEY.finditer(text)]
    assert [(m.span(), m.groups()) for m in finditer_at(practices._VISITED, text, starts)] == \
        [(m.span(), m.groups()) for m in practices._VISITED.finditer(text)]


# pieces of bureau names, whole stems and their overlaps (交通运输局, 交通局, 运输局, 民政民政局)
_BUREAU_PIECES = ["民政", "交通", "运输", "交通运输", "住建", "住房和城乡建设", "城管", "执法", "局", "局长", "市", "、",
                  "和", "自然资源", "和规划", "数据", "大数据", "发改", "发展和改革", "王", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BUREAU_PIECES), max_size=24).map("".join))
def test_bare_bureau_spans_are_the_patterns_matches(text):
    assert agencies.bare_bureau_spans(text) == [m.span() for m in agencies._BARE_BUREAU.finditer(text)]


# quoted names and the words around them: numerals, digits, separators, speech, scheme words, spaces
_QUOTE_PIECES = ["社区", "议事", "会", "三", "双", "一线", "1", "+", "＋", "、", "，", ",", "。", "？", "我们", "了", "的",
                 "·", "—", " ", "破解", "成为", "说：", "获评", "总书记", "为", "作", "模式", "机制", "难题", "红色", "物业"]


def _plain_leading_count(name):
    m = re.match(r"^([一二两双三四五六七八九十])", name)
    return models._CN_NUM.get(m.group(1)) if m else None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=8).map("".join),
       st.lists(st.sampled_from(_QUOTE_PIECES), max_size=8).map("".join),
       st.lists(st.sampled_from(_QUOTE_PIECES), max_size=8).map("".join), st.booleans(), st.integers(1, 5))
def test_quote_features_kept_per_name_are_the_plain_features(name, before, after, flag, chain):
    # the features that read the name alone are kept per name: the same list, in the same order (the
    # classifier sums weights in that order), as the function computing every feature each time
    v = QuoteView(name, before[-16:], after[:16], before)
    v.rule_accepted, v.rule_neg, v.type_after, v.chain_len, v.repeats = flag, "category" if flag else "", after[:2], chain, chain
    assert qf.quote_features(v) == _plain_quote_features(v)
    assert qf.quote_features(v) == _plain_quote_features(v)  # (the second time from the kept features)
    assert models._leading_count(name) == _plain_leading_count(name)
    parts = models.split_list(name)
    assert models._numbered_or_list(name, parts) == \
        bool(parts or models._NUM_LEAD.match(name) or re.search(r"\d", name))


def _plain_quote_features(v):
    name = v.name
    core = name.replace(" ", "")
    f = ["bias", "len=" + qf._len_bin(len(core))]
    seps = len(qf._INNER_SEP.findall(name))
    if seps:
        f.append("seps=" + ("1" if seps == 1 else "2" if seps == 2 else "3+"))
        if "，" in name or "," in name:
            f.append("comma")
    if qf._SENT_PUNCT.search(name):
        f.append("sent_punct")
    if name[-1:] in "。！？!?":
        f.append("ends_stop")
    parts = [x for x in qf._INNER_SEP.split(core) if x]
    if len(parts) >= 2:
        f.append("parts_parallel" if len({len(x) for x in parts}) == 1 else "parts_uneven")
    if qf._QUESTION.search(core):
        f.append("question")
    if qf._PROBLEM_VERB.search(v.before):
        f.append("problem_verb")
    if qf.FIGURE_VERB.search(v.before):
        f.append("figure_verb")
    if " " in name.strip():
        f.append("space")
    if "·" in name or "•" in name:
        f.append("dot")
    if "+" in name or "＋" in name:
        f.append("plus")
    if qf._DASH.search(name):
        f.append("dash")
    if core[:1] in qf._CN_NUM:
        f.append("num_cn_lead")
    elif qf._CN_NUM_ANY.search(core):
        f.append("num_cn_inside")
    if qf._DIGIT.search(core):
        f.append("digit_lead" if core[:1].isdigit() else "digit")
    speech = len(qf._SPEECH_WORDS.findall(core))
    if speech:
        f.append("speech_words" if speech == 1 else "speech_words2")
    if core.count("的") >= 1 and len(core) > 4:
        f.append("de_inside")
    if 2 <= len(core) <= 4 and qf.is_common_word(core):
        f.append("common_word")
    entry = qf.lexicon_entry(core) if len(core) <= 8 else None
    if entry:
        f.append("lex=" + entry[1][:1])  # a dictionary word (n, v, i for an idiom, l for a set phrase…)
    if len(core) <= 8:
        f.append("z=" + core[-1:])
        if len(core) >= 3:
            f.append("zz=" + core[-2:])
    before, after = v.before[-2:].translate(qf._WIDTH), v.after[:2].translate(qf._WIDTH)
    b1, a1 = before[-1:], after[:1]
    f.append("b1=" + (b1 if b1 and not b1.isspace() else "^"))
    f.append("f1=" + (a1 if a1 and not a1.isspace() else "$"))
    if len(before) >= 2 and not before.isspace():
        f.append("b2=" + before)
    if len(after) >= 2:
        f.append("f2=" + after)
    if v.type_after:
        f.append("ta=" + v.type_after)
    if v.tail_type:
        f.append("chain_tail_type")
    if v.rule_accepted:
        f.append("rule_acc")
    if v.rule_neg:
        f.append("rule_neg=" + v.rule_neg)
    if v.chain_len > 1:
        f.append("chain" if v.chain_len < 4 else "chain4+")
        if v.chain_rule:
            f.append("chain_rule")
    if v.place_before:
        f.append("place_before")
    if v.line_head:
        f.append("line_head")  # a caption or heading that opens with the quote
    if v.in_title:
        f.append("title")
    if v.nested:
        f.append("nested")
    if v.repeats > 1:
        f.append("repeats")
    if qf._SPEECH_BEFORE.search(v.before):
        f.append("speech_before")
    if qf._AWARD.search(v.clause_before):
        f.append("award")
    if qf._LEADER.search(v.clause_before):
        f.append("leader")
    if v.after[:1] == "为" or (v.after[:1] in "作" and v.after[1:2] == "为"):
        f.append("as_x")
    return f


# pieces of sentences about compounds, stations and the past (invented): the words each key looks for, the words
# around them, stops and digits
_GUARD_PIECES = ["阳光", "花园", "小区", "小", "区", "院落", "楼院", "小院", "派出所", "警务站", "司法所", "位于", "建于", "是",
                 "共有", "有", "肩负着", "那时", "那时候", "当时", "以前", "过去", "过去三年", "十年前", "3年前", "年前", "，", "：",
                 "“", "。", " ", "的", "提出", "理念", "问题", "活动", "场所", "12", "户", "居民", "”"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_GUARD_PIECES), max_size=14).map("".join))
def test_literal_guards_never_hide_a_match(text):
    # a window where the key is not found holds no match of its pattern, so skipping the pattern there changes nothing
    from loaders.extract import metrics

    pairs = [(metrics._HOLDER, metrics._HOLDER_KEY), (metrics._HOLDER_SUBJECT, metrics._HOLDER_SUBJECT_KEY),
             (metrics._PAST, metrics._PAST_KEY)]
    for lo in range(len(text) + 1):
        for hi in range(lo, len(text) + 1):
            for rx, key in pairs:
                if key.search(text, lo, hi) is None:
                    assert rx.search(text, lo, hi) is None
        # (a cue's end: 是 within 5 characters of it for _IS_A_PROBLEM, 的 within 10 for _IDEA_AFTER)
        if text.find("是", lo, lo + 5) < 0:
            assert practices._IS_A_PROBLEM.match(text, lo) is None
        if text.find("的", lo, lo + 10) < 0:
            assert practices._IDEA_AFTER.match(text, lo) is None


def test_guarded_holder_and_past_keep_their_verdicts():
    from loaders.extract import metrics

    text = "目前阳光花园小区位于城东，建于1998年，共有住户120户。那时候社区只有3名干部。"
    assert metrics._compound_holder(text, 0, text.index("120")) == "阳光花园小区"
    assert metrics._compound_holder("社区共有住户120户。", 0, 6) is None


# label tails (invented): the words _TAIL_TRIM trims, the words before them, a newline
_TAIL_PIECES = ["社区", "志愿者", "共", "共有", "累计", "达到", "达", "约", "近", "船只", "只", "仅", "由原来", "合并前的", "较去年",
                "同比", "提高到", "为", "占", "以上", "却", "\n", " ", "的", "人"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_TAIL_PIECES), max_size=8).map("".join))
def test_tail_trim_is_the_pattern(text):
    from loaders.extract import metrics

    assert metrics._tail_trim(text) == metrics._TAIL_TRIM.sub("", text)


def test_closing_chars_of_end_anchored_patterns():
    from loaders.extract.text_utils import closing_chars

    assert closing_chars(r"(?:ab|c)+$") == "bc"
    assert closing_chars(r"a(?<!x)\Z") == "a"
    assert set(closing_chars(r"(?:一[条场]$)|(?:x$)")) == {"条", "场", "x"}
    assert closing_chars(r"abc") is None            # not anchored at the end
    assert closing_chars(r"\d+$") is None           # a class of no single characters
    assert closing_chars(r"(?m)ab$") is None        # $ at every line's end


def _class_led_patterns():
    from loaders.extract import measures, metrics, policies

    # (attribution._FLOOR_BEFORE, practice_mentions._FIGURE and quote_features._SPEECH_BEFORE now open with literals
    # or a class of their own: test_keyed_window_tests_are_the_plain_patterns)
    return [metrics._AFTER_SPLIT, metrics._AFTER_LIST_END, metrics._BEFORE_CUT,
            metrics._BEFORE_TRIM, metrics._TAIL_TRIM, models._REJECTED_BEFORE,
            models._HEADING_POINT, models._PROBLEM_PART, practices._GROUPS_END,
            measures._PLANNED, policies._NEWS_BEFORE]


# words of labels, figures and plans (invented), stops, digits, a newline
_LED_PIECES = ["至少", "配备", "确保", "每个", "网格", "1", "2024", "名", "个", "人", "、", "和", "等", "涉及", "按照", "根据", "由",
               "下一步", "将", "拟", "模拟", "计划", "说", "：", "表示", "一条", "报道", "难", "不足", "无", "共有", "达到", "约",
               "工作", "小组", "专班", "\n", " ", "（", "一", "、", "关于", "在", "。", "社区", "文章"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LED_PIECES), max_size=12).map("".join))
def test_class_led_patterns_are_the_plain_patterns(text):
    # (?=CLASS) before a pattern that cannot match empty: the same matches, by search, match, finditer and sub
    for led in _class_led_patterns():
        got = re.fullmatch(r"\(\?=(\[.*?\])\)\(\?:(.*)\)", led.pattern, re.DOTALL)
        assert got is not None, led.pattern
        plain = re.compile(got.group(2), led.flags)
        assert [(m.span(), m.groups()) for m in led.finditer(text)] == [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert led.sub("", text) == plain.sub("", text)
        for pos in range(len(text) + 1):
            a, b = led.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span())
            a, b = led.search(text, 0, pos), plain.search(text, 0, pos)
            assert (a and a.span()) == (b and b.span())


def test_closing_chars_none_where_a_match_may_be_empty():
    from loaders.extract.text_utils import closing_chars

    assert closing_chars(r"(?:ab|c)*$") is None


# window tests keyed by the characters their matches need (invented pieces: the patterns' words, parts of them,
# stops, figures)
_KEYED_PIECES = ["标准", "标", "不低于", "不少于", "不超过", "最低", "最高不超过", "按照", "按", "的标准", "要求", "规定", "达到",
                 "控制在", "每", "至少", "配备", "确保", "保证", "了", "有限", "不足", "缺乏", "缺少", "没有", "难以", "多、",
                 "较差", "居民", "建议", "希望", "呼吁", "的目标", "目标任务", "年度", "，", "。", "；", "\n", " ", "社区",
                 "10", "万元", "个", "人", "为", "执行", "3.5", "余", "家", "%", "说", "表示", "：", ":", "坦言"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_KEYED_PIECES), max_size=14).map("".join))
def test_keyed_window_tests_are_the_plain_patterns(text):
    """states_standard, a cue hit's problem test and a figure's target test look for what their match needs in the
    window first; _FLOOR_BEFORE, practice_mentions' _FIGURE and quote_features' _SPEECH_BEFORE are written to open
    with a literal or a class: the same verdicts and matches as the plain forms."""
    from loaders.extract import attribution as at
    from loaders.extract import metrics
    from loaders.extract import practice_mentions as pm
    from loaders.extract import quote_features as qf

    floor = re.compile(r"至少(?:要|应|须)?(?:配备|配置|配齐|设置|设立|安排|有)\s*$"
                       r"|(?:确保|保证)(?!了)[^。；;！？!?\n]{0,40}?至少[^。；;！？!?\n]{0,30}$")

    def plain_standard(start: int, end: int) -> bool:
        return bool(at._STANDARD_AFTER.match(text[end:end + 12]) or at._STANDARD_BEFORE.search(text, max(0, start - 12), start)
                    or (at._BY_STANDARD_BEFORE.search(text, max(0, start - 40), start)
                        and at._STANDARD_AHEAD.match(text[end:end + 44]))
                    or at._REQUIRED_BEFORE.search(text, max(0, start - 60), start)
                    or floor.search(text, max(0, start - 60), start))

    pairs = [(at._FLOOR_BEFORE, floor),
             (pm._FIGURE, re.compile(r"\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?\s*(?:余|多)?\s*(?:个|家|名|人|户|支|项|次|件|场|所"
                                     r"|处|条|座|间|元|%)")),
             (qf._SPEECH_BEFORE, re.compile(r"(?:[：:]|说|表示|道|讲|称|感慨|坦言|笑言|告诉记者)[\s]{0,2}$"))]
    for fast, plain in pairs:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for start in range(len(text) + 1):
        for fast, plain in pairs:
            a, b = fast.search(text, 0, start), plain.search(text, 0, start)
            assert (a and a.span()) == (b and b.span())
        for end in range(start, min(len(text), start + 4) + 1):
            assert at.states_standard(text, start, end) == plain_standard(start, end)
        # (a cue hit ending at ``start``; a figure ending there)
        if practices._PROBLEM_OPENING.search(text, start, start + 5) is None:
            assert practices._PROBLEM_AFTER.match(text, start) is None
        if text.find(metrics._TARGET_KEY, start, start + metrics._TARGET_REACH) < 0:
            assert metrics._TARGET_AFTER.match(text, start) is None


def test_plan_sections_union_is_the_spans():
    from bisect import bisect_right

    from loaders.extract.attribution import _union_of

    rng = random.Random(5)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 6)) for a in (rng.randint(0, 30) for _ in range(rng.randint(0, 6)))]
        starts, ends = _union_of(spans)
        for pos in range(-1, 40):
            k = bisect_right(starts, pos) - 1
            assert (k >= 0 and pos < ends[k]) == any(a <= pos < b for a, b in spans)


_GLOSS_PIECES = ["社", "區", "(qū)", "(qu)", "(", ")", "（", "）", "經", "(jīng)", "a", "ǎ", "费", "，", " ", "“", "”", "个",
                 "县", "市", "、", "社区", "网格", "3", "的"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_GLOSS_PIECES), max_size=14).map("".join))
def test_gloss_and_quote_guards_are_the_plain_patterns(text):
    """A pinyin gloss is looked for only where a "(" stands, the three quote patterns of a figure's label only in a
    label holding “: the same answers as the patterns tried everywhere."""
    from loaders.extract import metrics
    from loaders.extract import text_utils as tu

    rx = tu._PINYIN_AFTER_HANZI
    assert tu.without_pinyin(text)[0] == rx.sub("", text)
    for pos in range(-2, len(text) + 1):
        m = rx.match(text, pos)
        if m is None and pos > 0 and text[pos - 1] == ")":
            m = next((g for g in rx.finditer(text, max(0, pos - 9), pos) if g.end() == pos), None)
        assert tu.gloss_span(text, pos) == ((m.start(), m.end()) if m else None)
    for rxq in (metrics._QUOTED_COUNTED, metrics._LEVELS_THEN_NAMED, metrics._QUOTED_MODIFIER):
        for pos in range(len(text) + 1):
            m = rxq.match(text, pos)
            assert m is None or "“" in m.group()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["并", "还", "同时", "希望", "要求", "鼓励", "指导", "督促", "社区", "案由", "案 由", "提案人",
                                 "提案者", "建议人", "建议", " ", "\t", "　", "\n", "：", "关于加强社区治理的提案"]),
                max_size=12).map("".join))
def test_asking_words_and_proposal_headers_tried_where_they_open(text):
    """A clause's asking words (which may match empty) are read only where one opens, a filed proposal's header
    only at the line starts whose first character can open it: the same ends and the same spans."""
    for pos in range(len(text) + 1):
        for q0 in range(pos, len(text) + 1):
            plain = models._ASKS.match(text, pos, q0).end()
            fast = models._ASKS.match(text, pos, q0).end() if text[pos:pos + 1] in models._ASKS_OPENS else pos
            assert fast == plain
    header = next(finditer_at(practices._PROPOSAL_HEADER, text, line_starts(text)), None)
    keyed = [s for s in line_starts(text) if text[s:s + 1] in practices._PROPOSAL_HEADER_OPENS]
    assert (header is None) == (next(finditer_at(practices._PROPOSAL_HEADER, text, keyed), None) is None)


def _guarded_matches():
    """(pattern, its opening characters) for each ``match`` tried behind a ``match_opening`` test."""
    from loaders.extract import attribution, learning, metrics
    return [
        (places._COMMUNITY_OWN_AFTER, places._COMMUNITY_OWN_OPENS),
        (metrics._STRUCTURAL_AFTER, metrics._STRUCTURAL_OPENS),
        (metrics._AFTER_BAD_HEAD, metrics._AFTER_BAD_HEAD_OPENS),
        (metrics._FIGURE_KIND, metrics._FIGURE_KIND_OPENS),
        (models._CATEGORY_AFTER, models._CATEGORY_OPENS),
        (models._ORIGIN_AFTER, models._ORIGIN_OPENS),
        (models._FRONTED, models._FRONTED_OPENS),
        (models._WRITTEN_AFTER, models._WRITTEN_OPENS),
        (agencies._COMPOUND_AFTER, agencies._COMPOUND_OPENS),
        (learning._VISITED, learning._VISITED_OPENS),
        (attribution._SELF_SUBJECT, attribution._SELF_OPENS),
        (attribution._SELF_PROVINCE, attribution._SELF_OPENS),
    ]


@pytest.mark.parametrize("rx,opens", _guarded_matches(), ids=lambda x: getattr(x, "pattern", "")[:12])
def test_a_match_opening_test_lets_every_match_through(rx, opens):
    # texts of the pattern's own words and characters (so that it matches), stops and others: wherever the
    # pattern matches, the character there is one the test lets through
    words = re.findall(r"[^\x00-\x7f]+", rx.pattern)
    pieces = words + [ch for w in words for ch in w] + list("，。、 \n社区市a1,/(\"")
    rng = random.Random(11)
    matched = 0
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for pos in range(len(text) + 1):
            if rx.match(text, pos) is not None:
                matched += 1
                assert text[pos:pos + 1] in opens
    assert matched  # (the texts do hold matches)


def test_match_opening_refuses_what_can_match_empty():
    from loaders.extract.text_utils import match_opening
    assert match_opening(re.compile("小区|大院")) == {"小", "大"}
    for rx in (re.compile("(?:小区)?"), re.compile("[^，]{0,4}小区"), re.compile("(?=小)小区")):
        with pytest.raises(ValueError):
            match_opening(rx)


def test_plan_words_give_the_engine_first_characters_to_skip_to():
    # every window before a figure, measure or cue is searched for plan words: with an alternative that opens
    # with a class or a group, the engine has no first characters to skip ahead to and tries every alternative
    # at every offset (write one alternative per opening character instead)
    from re import _compiler, _constants, _parser

    from loaders.extract.attribution import PLAN_WORDS
    code = _compiler._code(_parser.parse(PLAN_WORDS.pattern, PLAN_WORDS.flags), PLAN_WORDS.flags)
    assert code[0] == _constants.INFO
    assert code[2] & (_constants.SRE_INFO_PREFIX | _constants.SRE_INFO_CHARSET)


def test_learning_tail_searched_in_the_phrase_end_is_the_full_search():
    """``learning._what`` searches ``_WHAT_TAIL`` in the last 16 characters first: the start it keeps is the full
    search's on every window of random strings of the tail's own words, spaces and commas."""
    from loaders.extract import learning

    alphabet = list("方面的考察学习借鉴参观观摩调研成果结果 　，,\n社区经验")
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        lo = rng.randint(0, len(text))
        end = rng.randint(lo, len(text))
        full = learning._WHAT_TAIL.search(text, lo, end)
        assert learning._tail_start(text, lo, end) == (full.start() if full else None)


def test_label_guards_of_metrics_let_every_whole_match_through():
    """The character tests before ``_TIME_THEN``/``_HEDGE_ONLY``/``_RATE_OPENS`` and the set of duty nouns admit every
    label the patterns match (whole, or from the start for the rate)."""
    from loaders.extract import metrics

    alphabet = list("仅只短短在用不到足3个分钟小时天内里之就便即一般通常原则上大致体基本为是年均月日每平职责任务社区")
    rng = random.Random(11)
    for _ in range(40000):
        label = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        if metrics._TIME_THEN.fullmatch(label):
            assert label[-1] in "就便即"
        if metrics._HEDGE_ONLY.fullmatch(label):
            assert label[0] in metrics._HEDGE_FIRST
        if metrics._RATE_OPENS.match(label):
            assert label[:2] in metrics._RATE_OPENINGS
    for noun in ("职责", "職責", "任务", "任務", "责任", "責任"):
        assert noun in metrics._DUTY_NOUNS
