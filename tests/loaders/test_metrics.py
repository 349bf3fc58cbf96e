"""Metric extraction: a golden table of figures in the way such documents write them."""
from __future__ import annotations

import pytest

from loaders.extract.metrics import find_metrics
from loaders.extract.pipeline import extract_text


def _status(text: str, written: str) -> str | None:
    """The status of the figure written ``written`` in the record ``govkg extract`` makes of ``text``."""
    return {m.as_written: m.status for m in extract_text(text, "t.txt").metrics}[written]


@pytest.mark.parametrize("text,as_written,value,unit", [
    ("全区注册志愿者12万余人。", "12万余人", 12, "万人"),
    ("新增财政资金 3500 余万元用于保障。", "3500 余万元", 3500, "万元"),
    ("投入2.5亿元改造老旧小区。", "2.5亿元", 2.5, "亿元"),
    ("社区工作者人均报酬约4200元/月。", "4200元/月", 4200, "元/月"),
    ("覆盖率达到98.6%以上。", "98.6%", 98.6, "%"),
    ("移交用房面积近 8 万平米。", "8 万平米", 8, "万平方米"),
    ("配备专职网格员2名。", "2名", 2, "人"),
    ("每名党员包联8-12户。", "8-12户", 8, "户"),
    ("每名网格员负责200到300户。", "200到300户", 200, "户"),   # (到 joins a range as 至 does)
    ("培训社区干部900多人次。", "900多人次", 900, "人次"),
    ("建成36“邻里驿站”。", "36“邻里驿站”", 36, "个"),
])
def test_figures(text, as_written, value, unit):
    got = find_metrics(text)
    assert [(m.as_written, m.value, m.unit) for m in got] == [(as_written, value, unit)]
    m = got[0]
    assert text[m.start:m.end] == m.as_written


@pytest.mark.parametrize("text", [
    "市委第45期《工作简报》刊发。",
    "荣获第七届大赛奖项，连续3年获奖，5年来成效明显。",
    "实现“4个100%”目标。",
    "从3个方面提出，呈现5个特点。",
    "截至2015年全国已有300所高校开设该专业。",
    "濮发[2021]4号文件；联系电话6687818。",
    "2020年5月上旬完成。",
])
def test_not_figures(text):
    assert find_metrics(text) == []


def test_subject_and_year_from_the_clause():
    (m,) = find_metrics("2020年，全市新成立社区社会组织113个，运行良好。")
    assert m.year == 2020
    assert "社区社会组织" in (m.subject or "")


def test_same_figure_in_different_places_is_kept_twice():
    got = find_metrics("预算100万元；运转经费提标至100万元。")
    assert [m.as_written for m in got] == ["100万元", "100万元"]


def test_restated_figure_in_same_words_is_kept_once():
    got = find_metrics("小区444个(含单位管理15个),已有442个成立(含单位管理15个)。")
    assert [m.as_written for m in got] == ["444个", "15个", "442个"]


@pytest.mark.parametrize("text,as_written,subject", [
    # the phrase after the unit stops at the next figure (digits, not a literal "\d")
    ("共有31个社区472个小区。", "31个", "社区"),
    ("覆盖31个社区472个小区。", "31个", "覆盖社区"),    # (units covered: audit 25)
    ("主城区381个网格均配备1名专职人员。", "381个", "网格"),
    # a figure before the number is cut off the subject
    ("主城区33个社区共有小区444个。", "444个", "社区共有小区"),
    # the same things counted in two units share the subject
    ("提出问题和建议50项372条，已转交。", "372条", "提出问题和建议"),   # (both items: audit 17)
    ("提出问题和建议50项372条，已转交。", "50项", "提出问题和建议"),
])
def test_subjects(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text,as_written,value,unit", [
    # units other places write, and a figure per something
    ("补种香樟30余株，添置健身器材12组。", "30余株", 30, "株"),
    ("下拨图书60箱、2400余册。", "2400余册", 2400, "册"),
    ("现场有80多位居民参加。", "80多位", 80, "人"),
    ("按社区规模划分为5类。", "5类", 5, "类"),
    ("办理意外保险320份。", "320份", 320, "份"),
    ("运转经费由12万元/个提高到20万元/个。", "12万元/个", 12, "万元/个"),
    ("村干部年报酬仅有4-6千元。", "4-6千元", 4, "千元"),
    # 万 with no unit: money or people by the words around it
    ("项目总投资资金300余万，已完工。", "300余万", 300, "万元"),
    ("全市常住人口超860万，流动人口众多。", "860万", 860, "万人"),
])
def test_more_figures(text, as_written, value, unit):
    got = [(m.as_written, m.value, m.unit) for m in find_metrics(text)]
    assert (as_written, value, unit) in got


@pytest.mark.parametrize("text", [
    "征求意见时间为7个工作日，此前调研了3个月。",
    "不到25分钟的时间里留言不断。",
    "辖区60岁以上老年人较多。",
    "评论 0人参与，0条评论，快来抢沙发吧！",
    "时间:2023-05-06 09:12:41人气:5120",
    "抄送：市政协提案委员会（2份）",
    "2024“邻里文化节”在社区举行。",
    "抽样调查的数额为3万，仅供参考。",
])
def test_more_not_figures(text):
    assert find_metrics(text) == []


def test_the_upper_end_of_a_written_range_is_not_a_second_figure():
    got = find_metrics("一般在300户至900户的范围内设立社区。")
    assert [(m.as_written, m.value, m.subject) for m in got] == [("300户至900户", 300, "设立社区的范围")]


@pytest.mark.parametrize("text,as_written,subject", [
    # the noun phrase after the unit stops before a new predicate
    # (units given a role are those given it: audits 22–24 read a bare 市直部门 as every department of the city)
    ("28个市直单位为成员单位领导小组办公室设在市民政局。", "28个", "为成员单位的市直单位"),
    # a per-unit rate keeps what it is per
    ("每个小区配备2名专职网格员。", "2名", "每个小区配备专职网格员"),
    ("对不达标的社区按照每个社区8万元进行补助。", "8万元", "每个社区补助"),
    # time, place and quantity words in front say when and where, not what
    ("截至目前，全县累计建成村级综治中心126个。", "126个", "建成村级综治中心"),
    ("近五年来累计建成社区服务站43个。", "43个", "建成社区服务站"),
    ("2022年，办公经费提高到2600元的标准。", "2600元", "办公经费"),
    # the figure after 提高到 counts the same thing as the one before
    ("补贴由120元/月提高到160元/月。", "160元/月", "补贴"),
    ("共有52名村(社区)工作人员报名参加考试。", "52名", "村(社区)工作人员"),
    # a running total after what was added counts the total, not the additions
    ("今年新增智能门禁1.5万个，累计达到3.8万个。", "3.8万个", "累计智能门禁"),
    ("今年新增智能门禁1.5万个，累计达到3.8万个。", "1.5万个", "新增智能门禁"),
    ("2024年新增调解员60名,总计410名。", "410名", "累计调解员"),
    ("今年新增充电桩860个，累计达到1.2万个。", "1.2万个", "累计充电桩"),     # whatever the multiplier
    # a part of a sum counts what the sum counts
    ("下拨帮扶资金300万元中的120万元用于修路。", "120万元", "下拨帮扶资金"),
    # X是N…: what the figure equals is not what it counts, unless X names a quantity; those counted in a
    # wish are those who wish, not the wish (the households are theirs, written straight before them)
    ("修一条通组公路是46户210名群众的心愿。", "46户", "群众"),
    ("修一条通组公路是46户210名群众的心愿。", "210名", "群众"),
    ("今年报名参加培训的人数是320名。", "320名", "报名参加培训的人数"),
    # a modifier before the figure does not name what is counted (…下拨的120箱、…图书); an adverb ends the
    # noun after it (…试点也位列其中); a short quoted modifier is part of it (30家“双优”物业企业)
    ("街道将区里下拨的120箱、5000余册图书发到各社区。", "120箱", None),
    ("我镇的9个示范点也位列其中。", "9个", "示范点"),
    ("重点扶持30家“双优”物业企业，推动成立党支部。", "30家", "“双优”物业企业"),
    # a month is when (仅5月份就投入…): the verb is what is left; a quoted rule's modal and its 以上 are
    # no part of what it counts, nor the quote mark a label cuts through
    ("街道结合环境整治，仅5月份就投入3.5万元对老旧小区进行绿化改造。", "3.5万元", "投入"),
    ("按照“每个社区一般应达到1500户以上”及“每百户拥有服务设施面积不低于20平方米”的要求。", "1500户", "每个社区"),
    ("按照“每个社区一般应达到1500户以上”及“每百户拥有服务设施面积不低于20平方米”的要求。", "20平方米",
     "每百户拥有服务设施面积"),
    # a one-character noun counted after a list (…、41个村。), not the noun before it; a level of a list of
    # levels is not counted alone (3位市、县级领导: those leaders)
    ("全镇辖12个社区、41个村。", "41个", "村"),
    ("由3位市、县级领导担任组长。", "3位", "市、县级领导"),
    # 在 of 在职 is part of the noun; a dash, an ellipsis, 全部 and 对 before those it is for end it
    ("社区有党员120人，其中在职党员75人。", "75人", "在职党员"),
    ("社区还有260名编外网格员——住在小区的退休干部。", "260名", "编外网格员"),
    ("老年人占比超过28%……问题交织，任务繁重。", "28%", "老年人占比"),
    ("全区21个社区全部建成睦邻中心。", "21个", "建成睦邻中心的社区"),   # (audit 20: those that did it)
    ("308个车位对小区居民实行错时共享。", "308个", "对小区居民实行错时共享的车位"),   # (audit 18: the spaces so shared)
    ("街道组织460名在职党员进社区认领岗位。", "460名", "在职党员"),
    ("92个小区3700个车位实行了错时和临停并存的模式。", "3700个", "车位"),
    ("全县86个村(社区)全面推行积分制。", "86个", "村(社区)"),
    ("全市120个城市社区中，老旧小区占一半。", "120个", "城市社区"),
    # a fall or a rise is a change, not a level: the label says which
    ("群众来访量下降35%，满意度提升到98%。", "35%", "群众来访量下降"),
    ("群众来访量下降35%，满意度提升到98%。", "98%", "满意度"),
    # 和 straight after the classifier opens the name counted; a join needs a second figure after it
    ("全镇已建成6个和美村落示范点，覆盖农户三千余户。", "6个", "和美村落示范点"),
    ("去年新评出4个和谐社区。", "4个", "和谐社区"),
    ("新建党群服务站5个和文化广场3个。", "5个", "新建党群服务站"),
])
def test_subject_labels(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text,as_written,value,unit", [
    # kinds counted as 大类, ages as 周岁, temperatures
    ("签订协议，明确就业、养老等6大类共建内容。", "6大类", 6, "类"),
    ("招聘35周岁以下社区工作者。", "35周岁", 35, "岁"),
    ("夏季平均气温21摄氏度。", "21摄氏度", 21, "摄氏度"),
    # 全国 as the yardstick of a ranking is not a national statistic
    ("空气质量位居全国前列，每年接待游客8000余人。", "8000余人", 8000, "人"),
    # 全国/中国 inside a name is no national statistic
    ("为庆祝中国共产党成立周年，社区开展文艺活动50场。", "50场", 50, "场"),
    ("据第七次全国人口普查数据，全市常住人口120万人。", "120万人", 120, "万人"),
    ("社区书记当选全国人大代表，带领居民建成小区12个。", "12个", 12, "个"),
    # a quote holding only the figure marks it, it is no name
    ("实现党组织覆盖率两个“100%”。", "100%", 100, "%"),
    # a quoted standard is a sentence, not a name
    ("按照“每个社区服务用房不低于300平方米”的要求。", "300平方米", 300, "平方米"),
    # words someone said are a sentence, not a name
    ("“我们一共搬迁了1800余户，大家都很满意。”社区主任说。", "1800余户", 1800, "户"),
    # an age as an average or a limit
    ("社区干部平均年龄34岁。", "34岁", 34, "岁"),
    # distances
    ("社区距离河岸仅150米。", "150米", 150, "米"),
])
def test_figures_found_in_other_wordings(text, as_written, value, unit):
    got = find_metrics(text)
    assert [(m.as_written, m.value, m.unit) for m in got] == [(as_written, value, unit)]


@pytest.mark.parametrize("text", [
    "全国共有社区工作者430万人。",
    "辖区60岁以上老年人较多。",
    "社区有70周岁以上的老人。",
    "推行“3个100%”工作法。",
    # the age of a person met in a story
    "72岁的张大爷笑着说。",
    "“我80岁了，身体还好。”",
    # a team's make-up spelled out with +
    "组建先锋队，即1名楼长+3名党员+1名网格员。",
    # web-page furniture of template sites
    "社区工作总结(模板12篇)",
    # a national leader's own deeds
    "总书记先后8次深入基层社区考察。",
])
def test_still_not_figures(text):
    assert find_metrics(text) == []


def test_the_other_half_of_a_ratio_is_not_a_count():
    got = find_metrics("原则上按照每300户居民配备1名社区工作者。")
    assert [m.as_written for m in got] == ["300户"]
    # an each-one phrase has no figure after 每: the count after it stays
    assert [m.as_written for m in find_metrics("每个社区配备2名专职网格员。")] == ["2名"]


def test_a_mirror_pages_pinyin_does_not_merge_two_figures():
    text = "設施覆蓋率達(dá)100%;自助服務覆蓋率達(dá)100%。"
    assert [m.as_written for m in find_metrics(text)] == ["100%", "100%"]


def test_a_pinyin_gloss_does_not_cut_a_figures_subject():
    """Mirror pages print pinyin after some characters (經(jīng)費); the subject reads on past the gloss
    and is given as the page writes it."""
    from loaders.extract.pipeline import extract_text

    rec = extract_text("某縣社區(qū)工作總結\n\n對社區(qū)陣地及社區(qū)辦公設(shè)備投入30萬元，設(shè)立50人的社區(qū)公益性崗位。\n", "t.txt")
    subjects = {m.as_written: m.subject for m in rec.metrics}
    assert subjects["30萬元"] == "社區(qū)陣地及社區(qū)辦公設(shè)備"     # (both items it is spent on: audit 17)
    assert subjects["50人"] == "社區(qū)公益性崗位"


@pytest.mark.parametrize("text,as_written,value,unit", [
    ("活动室面积从原来80㎡扩大到", "80㎡", 80.0, "平方米"),   # the one-character square metre
    ("今年化解矛盾纠纷23起,群众满意", "23起", 23.0, "起"),     # cases
    ("为居民书屋征订图书460本,供借阅", "460本", 460.0, "本"),  # volumes
])
def test_square_metre_sign_cases_and_volumes(text, as_written, value, unit):
    got = find_metrics(text)
    assert [(m.as_written, m.value, m.unit) for m in got] == [(as_written, value, unit)]


@pytest.mark.parametrize("text,as_written,subject", [
    # the same amount before and after a raise, its “/个” left off once: the label carries over
    ("农村社区运转经费由8万元/个提高到12万元/个，城区社区已经由10万元提高到15万元/个。", "15万元/个", "城区社区"),
    ("社区运转经费由8万元提高到12万元/个。", "12万元/个", "社区运转经费"),
    # 的基础上 says what kind of figure it is
    ("在保障社区原有人员不低于3000元的办公经费的基础上，增设专项经费。", "3000元", "办公经费"),
    # a share: X占Y的N%
    ("全县搬迁总人数占到了全县农业人口的12%。", "12%", "搬迁总人数占全县农业人口"),
])
def test_labels_carried_over_and_shares(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_share_of_another_whole_is_not_a_running_total():
    # 是…总量的N%: another whole, and 总量 is no running total of nothing
    got = {m.as_written: m.subject for m in find_metrics("全县搬迁人数占全县人口的12%，是全市搬迁任务总量的8.5%。")}
    assert got["8.5%"] in (None, "")


def test_a_value_raised_from_one_area_to_another_is_labelled_by_what_is_raised():
    # 从原来A提升到B: both figures measure the thing named before 从 (neither 从原来 nor the first figure is a label); the
    # first is what it was (audit 18: 原来)
    rec = extract_text("某街道新闻\n活动场地从原来60㎡提升到320㎡。\n", "t.txt")
    assert [(m.subject, m.as_written) for m in rec.metrics] == [("原来活动场地", "60㎡"), ("活动场地", "320㎡")]


def test_the_items_of_a_standard_introduced_by_anzhao_are_standards():
    # 按照每个乡镇10—20人、村10—15人的标准: every item is what units must reach, not a result
    rec = extract_text("某区新闻\n该区按照每个乡镇10—20人、每个村10—15人的标准，组织群众加入志愿者队伍。\n", "t.txt")
    assert [m.status for m in rec.metrics] == ["planned", "planned"], rec.metrics


def test_jiejin_before_a_figure_is_no_part_of_its_label():
    # 接近100% (nearly): 接近 is trimmed whole, as 近 was (the label ended in 接)
    rec = extract_text("某区新闻\n目前，物业管理费缴交率接近100%。\n", "t.txt")
    assert [m.subject for m in rec.metrics] == ["物业管理费缴交率"]


@pytest.mark.parametrize("text,labels", [
    # a value that rises or falls to another: both labelled by what changes, not by the verb of the change
    ("去年以来，群众满意度从不足50%跃升至96%以上。", {"50%": "群众满意度", "96%": "群众满意度"}),
    ("目前，物业费收缴率攀升至88%，成效明显。", {"88%": "物业费收缴率"}),
    ("社区志愿者由120人增至460人。", {"120人": "社区志愿者", "460人": "社区志愿者"}),
    # a comparison names no thing counted; 参与 is no list join (参与率 is one word)
    ("目前已有楼栋议事会14个，较去年增至19个。", {"14个": "楼栋议事会", "19个": "楼栋议事会"}),
    ("居民参与率上升到75%。", {"75%": "居民参与率"}),
])
def test_a_value_changed_to_another_is_labelled_by_what_changes(text, labels):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert {k: got.get(k) for k in labels} == labels


@pytest.mark.parametrize("text,as_written,subject", [
    # a list the figure counts is its label whole where it is short, never its last or first item alone
    ("组织党员、楼栋长、热心居民共320多人担任网格员。", "320多人", "组织党员、楼栋长、热心居民"),
    ("开展垃圾分类、文明创建、助老助残等志愿活动150多次。", "150多次", "开展垃圾分类、文明创建、助老助残等志愿活动"),
    ("召集辖区干部、志愿者和商户代表等60余人深入各小区走访。", "60余人", "召集辖区干部、志愿者和商户代表等"),
    # (…等N人统一编入…: where they are put, not what they are; a list too long to give whole keeps its first item and 等)
    ("党政干部、党代表、人大代表、政协委员、基干民兵和网格员、联户长等3.2万余人统一编入“8+”机制工作力量。", "3.2万余人", "党政干部等"),
    ("把30多位人大代表、律师和住建局、城管局等部门负责人请到一起。", "30多位", "人大代表等"),
    ("分别由4位市、区级干部担任组长。", "4位", "市、区级干部"),
    # figures that each count their own thing stay apart
    ("全市建成党群服务中心78个、活动室56个。", "56个", "活动室"),
    # a label never begins inside a title: what stands after it is kept
    ("制定《关于深化城市社区网格化服务管理改革推进共建共治的实施办法》等配套文件12个。", "12个", "配套文件"),
])
def test_a_list_or_a_title_the_figure_counts_is_labelled_whole(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_named_compounds_totals_are_labelled_with_the_compound():
    # the figures a named compound holds (某街道某某苑小区有N户，M位居民) are the compound's, not the street's whose
    # page shows them: the label names the compound; a kind of compound (老旧小区) is no name
    got = {m.as_written: m.subject for m in find_metrics("目前，城东街道丽景苑小区有960户，2310位居民。")}
    assert got["2310位"] == "丽景苑小区居民" and got["960户"].endswith("丽景苑小区")
    got = {m.as_written: m.subject for m in find_metrics("全区老旧小区有86个，均已改造。")}
    assert got == {"86个": "老旧小区"}


def test_a_named_compound_followed_by_its_total_holds_the_figures():
    # 某某小区共N栋楼、M户居民: the compound's buildings and households, not those of the district whose page shows them
    # (共 alone, no 有, says what it holds, as 共有 does)
    got = {m.as_written: m.subject for m in find_metrics("城南街道翠柳苑小区共6栋楼、240户居民。")}
    assert got == {"6栋": "翠柳苑小区楼", "240户": "翠柳苑小区居民"}, got
    got = {m.as_written: m.subject for m in find_metrics("全区老旧小区共86个。")}
    assert got == {"86个": "老旧小区"}, got


@pytest.mark.parametrize("text,as_written,subject", [
    # a short bracket glossing the word before it (书记(主任), 村(社区)) ends no clause: the label reads through it
    ("目前，社区书记(主任)月工资为4100元，高于全省平均水平。", "4100元", "社区书记(主任)月工资"),
    ("今年推荐进入事业编制的村（社区）党组织书记12名。", "12名", "推荐进入事业编制的村（社区）党组织书记"),
    # (nothing after the bracket names what is counted: no label is made of the bracket alone)
    ("城区社区(居委会)已经由10万元提高到15万元。", "10万元", None),
    ("将离任村(社区)干部补贴由100元/月提高到150元/月。", "100元/月", "离任村(社区)干部补贴"),
])
def test_a_short_bracket_inside_the_noun_is_read_through(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


def test_a_running_total_does_not_carry_a_holder_over_another_named_with_a_gloss():
    # the next clause names its own holder (城区的社区(居委会)): what was counted carries over, not whose it was
    got = {m.as_written: m.subject for m in find_metrics(
        "乡镇社区(居委会)办公经费由8万元/个提高到12万元/个，城区的社区(居委会)已经由10万元提高到15万元/个。")}
    assert got == {"8万元/个": "乡镇社区(居委会)办公经费", "12万元/个": "乡镇社区(居委会)办公经费",
                   "10万元": "办公经费", "15万元/个": "办公经费"}, got


def test_a_police_station_holds_the_figures_of_its_charge():
    # 某边境派出所肩负着守护其中N公里边境线的重任，…服务着辖区内M户家庭: the station's charge, not the county's whose page
    # shows them — the label names the station, as it names a compound
    got = {m.as_written: m.subject for m in find_metrics(
        "某县西部与邻国接壤。城西边境派出所肩负着守护其中30公里边境线的重任，服务着辖区内8000户家庭。")}
    assert got == {"30公里": "城西边境派出所边境线", "8000户": "城西边境派出所家庭"}, got
    # (the station the sentence opens with holds every figure of its charge, however far into the sentence)
    got = {m.as_written: m.subject for m in find_metrics(
        "城西边境派出所肩负着守护其中30公里边境线的重任，还承担着600平方公里范围内的治安管理任务，服务着辖区内8000户家庭。")}
    assert got["8000户"] == "城西边境派出所家庭", got


@pytest.mark.parametrize("text,as_written,subject", [
    # dividing, calling and complaining, and 按 before a basis, open the predicate after the noun counted
    ("将56个自然村划分为“小网格”。", "56个", "自然村"),
    ("120位委员按地域划分为8个小组。", "120位", "委员"),
    ("一名农民工带着15名工友拨打热线投诉欠薪。", "15名", "工友"),
    # how many times, then what was done (先后5次提高…待遇): nothing before names it, what was done does
    ("2015年以来，先后5次提高网格员的补贴标准。", "5次", "提高网格员的补贴标准"),
    ("全县80名科级干部包片统筹、260名网格指导员包干督导。", "260名", "网格指导员"),
    # an adverb of how few ends no label (充电车位仅1600个), nor does a from–to's now (…的75人到如今的1043人)
    ("小区有3000辆电动车，充电车位仅900个。", "900个", "充电车位"),
    ("队伍从成立之初的50人到如今的800人。", "50人", None),
])
def test_a_predicate_after_the_noun_counted_ends_its_label(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


def test_a_task_still_to_be_done_is_a_target():
    # 今年内要完成N个…任务: what is to be done this year, not a result; 已完成 after it is one
    rec = extract_text("某市答复\n根据政府工作报告，今年内要完成16个老旧小区改造任务，目前已完成了6个小区的改造。\n", "t.txt")
    assert [(m.as_written, m.status) for m in rec.metrics] == [("16个", "planned"), ("6个", "done")], rec.metrics


def test_what_a_span_of_years_is_to_bring_is_a_target():
    # 3年实现…100个社区…全覆盖: a target; the years it took (近三年完成, 用2年实现了) and a year (2005年建成) are no span to come
    rec = extract_text("某区新闻\n某区启动志愿服务行动 3年实现80个社区志愿服务全覆盖\n近三年完成改造小区12个。\n"
                       "用2年实现了60个小区物业全覆盖。\n支持2001-2005年建成的小区改造，已改造15个。\n", "t.txt")
    assert [(m.as_written, m.status) for m in rec.metrics] == [
        ("80个", "planned"), ("12个", "done"), ("60个", "done"), ("15个", "done")], rec.metrics


def test_what_is_put_into_a_plan_is_planned():
    # 6个整治项目，全部纳入今年的整治计划: projects in a plan are to be done, not done; a figure not put into one is done
    rec = extract_text("某区答复\n今年全区涉及4个街道7个整治项目，全部纳入今年的老旧小区整治计划，已完成3个小区的改造。\n", "t.txt")
    assert [(m.as_written, m.status) for m in rec.metrics] == [("4个", "planned"), ("7个", "planned"), ("3个", "done")], rec.metrics


def test_a_fee_standard_per_period_is_labelled_by_the_fee_and_is_a_standard():
    # 物业费标准执行为每月N元/㎡: the fee is what the figure is, the period only its rate; a standard, not a result
    rec = extract_text("某区答复\n小区交付后，物业费标准执行为每月0.9元/㎡。\n", "t.txt")
    assert [(m.subject, m.status) for m in rec.metrics] == [("物业费标准", "planned")], rec.metrics
    got = {m.as_written: m.subject for m in find_metrics("按照每个社区10万元进行补助。")}
    assert got["10万元"] == "每个社区补助"


@pytest.mark.parametrize("text,as_written,subject", [
    # a figure ending its clause after those who have or lack something: they are what it counts
    ("全区社区工作者中持有社会工作者证书的860人。", "860人", "社区工作者中持有社会工作者证书的"),
    ("全区共有小区96个，其中没有物业管理的41个。", "41个", "没有物业管理的"),
])
def test_those_who_have_or_lack_something_label_the_figure_that_counts_them(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_compound_a_sentence_is_about_labels_what_it_holds():
    # 某某小区位于…，建成于…，共N栋…M户: the compound's, not the street's whose page shows it; a one-character noun
    # before 的 is counted (117个村的…群众)
    got = {m.as_written: m.subject for m in find_metrics("居民所住的丽景小区位于城东街道学府路，建成于2001年，共6栋楼房240户。")}
    assert got["6栋"].startswith("丽景小区") and got["240户"].startswith("丽景小区"), got
    got = {m.as_written: m.subject for m in find_metrics("来自全县12个乡镇96个村的5200多名群众在这里安家。")}
    assert got["96个"] == "村"


@pytest.mark.parametrize("text,labels", [
    # figures given respectively for a list's items: each labelled by its own item
    ("其中，村、社区“一肩挑”比例分别为96.1%、92.4%。", {"96.1%": "村“一肩挑”比例", "92.4%": "社区“一肩挑”比例"}),
    ("城市、农村社区服务设施覆盖率分别达到100%和87%。", {"100%": "城市社区服务设施覆盖率", "87%": "农村社区服务设施覆盖率"}),
    # (three or more after a verb alone, no 分别: still each its own item's)
    ("减挂牌、减台账、减会议平均达到8项、15项和20余项。", {"8项": "减挂牌平均", "15项": "减台账平均", "20余项": "减会议平均"}),
])
def test_figures_given_respectively_are_labelled_by_their_own_items(text, labels):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert {k: got.get(k) for k in labels} == labels


def test_percentage_points_are_the_unit_not_the_label():
    # 拉动…指标8个百分点: the unit is 个百分点 (the gold writes it so); what is raised labels it, never 百分点
    got = {m.as_written: (m.subject, m.unit) for m in find_metrics("同时，拉动全区服务业指标8个百分点以上。")}
    assert got == {"8个百分点": ("拉动全区服务业指标", "个百分点")}, got
    got = {m.as_written: (m.subject, m.unit) for m in find_metrics("居民满意度提高3.5百分点。")}
    assert got == {"3.5百分点": ("居民满意度提高", "百分点")}, got


def test_a_compound_said_to_be_one_of_a_kind_labels_what_it_holds_and_its_build_year_dates_nothing():
    # 某某小区是某社区一个建于1998年的小区，共2个楼幢: the compound's buildings, not the city's whose page shows them;
    # the year it was built in is no year of the count
    got = {m.as_written: (m.subject, m.year) for m in find_metrics("旭日小区是城东街道某社区一个建于1998年的商品房小区，共2个楼幢、9个单元。")}
    assert got["2个"] == ("旭日小区楼幢", None) and got["9个"] == ("旭日小区单元", None), got
    got = {m.as_written: (m.subject, m.year) for m in find_metrics("2020年，全区建成党群服务站120个。")}
    assert got["120个"] == ("建成党群服务站", 2020), got


@pytest.mark.parametrize("text,as_written,subject", [
    # a list too long to give whole: its first item and 等 with what follows 等, never its last item alone
    ("收集居民需求、矛盾纠纷、安全隐患、环境卫生、物业服务、停车管理等问题120余个。", "120余个", "收集居民需求等问题"),
    ("常态化组织村寨党员开展“一月一课一片一实践”主题党日、助农惠农志愿服务等活动等120余次。", "120余次",
     "助农惠农志愿服务等活动等"),     # (a first item too long for the label: as before, what stands nearest)
    # what follows 涉及 is what the figure is of (涉及 joins no list); a mirror page's doubled mark (,、) does not end the
    # clause
    ("居民提出了涉及环境卫生、消防安全、垃圾堆放等问题6个。", "6个", "提出的环境卫生、消防安全、垃圾堆放等问题"),   # (audit 20: those raised)
    ("居民提出了涉及环境卫生,、消防安全,、垃圾堆放等问题6个。", "6个", "提出的环境卫生、消防安全、垃圾堆放等问题"),
    ("整个涉及到整治的建筑面积达到150万平方米。", "150万平方米", "整治的建筑面积"),
    ("某镇的集中安置点涉及易地扶贫搬迁乡7个。", "7个", "易地扶贫搬迁乡"),
    # kinds, then how many of them: the kinds are of what the next figure counts (not the verb 梳理出)
    ("梳理出6大类66条群众诉求。", "6大类", "群众诉求"),
])
def test_long_lists_doubled_marks_and_kinds_are_labelled_by_what_is_counted(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


@pytest.mark.parametrize("text,as_written,subject", [
    # a value cut down to another (由合并前的1408个精减到目前的504个): both labelled by what changes, never 精减到目前; the
    # first as what it was before the change (audit 18)
    ("农村社区数量由合并前的1408个精减到目前的504个。", "1408个", "合并前农村社区数量"),
    ("农村社区数量由合并前的1408个精减到目前的504个。", "504个", "农村社区数量"),
    # a quoted name the figure counts, ending its phrase: the name, not the verb before the figure
    ("全县新建9个“口袋公园”，32个电瓶车驿站投入使用。", "9个", "口袋公园"),
])
def test_values_cut_down_and_quoted_names_counted(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


def test_one_thing_counted_in_two_units_shares_its_label():
    # 常住人口4214户、11670人: the same residents in households and in people; a second figure of the same unit, or
    # one with words of its own, keeps its own label
    got = {m.as_written: m.subject for m in find_metrics("社区面积0.33平方公里，常住人口4214户、11670人，流动人口357人。")}
    assert got["11670人"] == "常住人口" and got["357人"] == "流动人口", got
    got = {m.as_written: m.subject for m in find_metrics("全市建成综治中心86个、网格320个。")}
    assert got["320个"] == "网格", got


def test_a_national_statistics_bureau_figure_is_a_national_statistic():
    # 国家统计局：4月份社会消费品零售总额增长2.3% (a page's ticker or spam line): the nation's figure, no place's work
    assert find_metrics("加入立即玩国家统计局:4月份社会消费品零售总额增长2.3%") == []
    assert [m.as_written for m in find_metrics("某市4月份社会消费品零售总额增长2.3%。")] == ["2.3%"]


@pytest.mark.parametrize("text,as_written,subject", [
    # 户 of 户籍 after a year (2023年户籍人口) is no unit: the label is not cut inside the word (籍人口)
    ("某县地处三省交界处，2023 年户籍人口 8.2 万人，少数民族占比 61.5%。", "8.2 万人", "户籍人口"),
    ("某县地处山区，2022年户籍人口12.6万人。", "12.6万人", "户籍人口"),
    # a value made finer or larger (从9个细化到19个, 由5个扩大到12个): both labelled by what changes
    ("社区网格从6个细化到15个，由网格员组成巡逻队。", "6个", "社区网格"),
    ("社区网格从6个细化到15个，由网格员组成巡逻队。", "15个", "社区网格"),
    ("服务站点由5个扩大到12个。", "12个", "服务站点"),
    # …的实际 / …的现状 say what kind of fact the figure is part of: the share is labelled by what it is of
    ("针对老城区党员占全镇党员总数63.2%的实际，该镇坚持党建引领。", "63.2%", "老城区党员占全镇党员总数"),
    # a duty or task the figure is part of (守护其中18公里边境线的重任): what is counted is before 的
    ("某派出所肩负着守护其中18公里边境线的重任。", "18公里", "边境线"),
    # a predicate after the noun counted (…工作组推动资源下沉, …物业公司结对负责…) is no part of the label
    ("统筹6个工作组推动资源下沉。", "6个", "工作组"),
    ("3名网格员联合5个物业公司结对负责分包网格内的大小事情。", "5个", "物业公司"),
    ("同时在甲区、乙市2个县区积极推进社工站建设。", "2个", "县区"),
    # 对外 of 对外开放 is part of the noun (设立…6个对外开放活动区), not a preposition opening a new phrase
    ("设立便民服务大厅和6个对外开放活动区。", "6个", "对外开放活动区"),
    # figures given item by item before what they share: each the item's (农村社区2公里的便民生活服务圈)
    ("建立起城镇社区10分钟、乡村社区3公里的便民生活服务圈。", "3公里", "乡村社区便民生活服务圈"),
    # people counted, then what they came to (共计45人参加此次会议): the figure counts those taking part
    ("某社区召开居民代表大会，共计45人参加此次会议。", "45人", "参加此次会议"),
])
def test_labels_of_audit_13(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


def test_a_national_title_the_place_holds_is_no_national_statistic():
    # 作为全国民族团结进步示范县，某县…8个乡镇均设立社工站: the county's title, its own figures after it
    got = [m.as_written for m in find_metrics("作为全国民族团结进步示范县，某县全县8个乡镇均设立社工站，投入16万元开展服务。")]
    assert got == ["8个", "16万元"], got
    assert find_metrics("全国共有示范社区300个。") == []


def test_households_then_people_count_residents():
    # 共计1558户5357人: nothing names them, the pair counts residents in households and in people (was the values alone)
    got = {m.as_written: m.subject for m in find_metrics("某社区共有5个小区、3个物业公司，共计1260户4180人。")}
    assert got["1260户"] == "居民" and got["4180人"] == "居民", got
    # households before people labelled: the households are theirs (某小区建于1990年，1栋楼，52户，160多位居民)
    got = {m.as_written: m.subject for m in find_metrics("某小区建于1990年，1栋楼，52户，160多位居民。")}
    assert got["52户"] == "居民" and got["160多位"] == "居民", got
    # a labelled pair keeps its labels
    got = {m.as_written: m.subject for m in find_metrics("面积0.3平方公里，常住人口4214户、11670人，流动人口357人。")}
    assert got["4214户"] == "常住人口" and got["11670人"] == "常住人口", got


@pytest.mark.parametrize("text,expected", [
    # the same residents after a comma (常住人口3000多户，1.6万余人)
    ("某社区居住着12个民族的群众,现有常住人口2600多户,1.2万余人。", {"2600多户": "现有常住人口", "1.2万余人": "现有常住人口"}),
    # the parts after 其中: one character says what is counted (男/女)
    ("共安置1200户5100人(其中:男 2600 人,女 2500 人)。", {"2600 人": "男", "2500 人": "女"}),
])
def test_residents_after_a_comma_and_their_parts(text, expected):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert {k: got.get(k) for k in expected} == expected, got



@pytest.mark.parametrize("text,as_written,subject", [
    # households, then people named in the next clause (共计2082户，常住人口4845人): the households are theirs
    ("共计1980户,常住人口4620人,住宅面积约26万平米。", "1980户", "常住人口"),
])
def test_households_of_the_people_named_next(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


@pytest.mark.parametrize("text,as_written,subject", [
    # a list of what qualifies the noun counted (抓项目、抓招商成效显著、抓治理突出的干部): the whole list, not its last item
    ("今年，先后提拔重实绩、敢担当、抓基层治理突出的干部36名。", "36名", "提拔重实绩、敢担当、抓基层治理突出的干部"),
    # a list the figures cut stays cut (78个社区、56个村的…)
    ("全县78个社区、56个村的干部300名。", "78个", "社区"),
    # units chosen as pilots (确定…5个乡镇为试点): the pilots are counted, not every such unit
    ("某县确定沿线5个乡镇为试点，推进产业发展。", "5个", "试点乡镇"),
    ("选取3个社区为示范点开展创建。", "3个", "示范社区"),
    ("全区12个社区为老旧小区。", "12个", "社区"),
])
def test_labels_of_audit_14(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject, got


@pytest.mark.parametrize("text,as_written,subject", [
    # an age that bounds who is meant is labelled as the limit it is, not as the words before it
    ("今年招聘30周岁以下、大专以上学历的社区工作者56名。", "30周岁", "招聘年龄上限"),
    ("面向社会招募18周岁以上志愿者200名。", "18周岁", "志愿者年龄下限"),
    # an age labelled as an age keeps its label
    ("社区干部平均年龄34岁。", "34岁", "社区干部平均年龄"),
])
def test_an_age_limit_is_labelled_as_a_limit(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_the_totals_of_a_list_a_central_body_publishes_are_national():
    text = ("5日，民政部办公厅公布年度社区治理先进典型名单，共评选出示范社区50个、优秀案例40个。"
            "其中，某某社区入选示范社区。社区今年新建议事点3个。")
    assert [m.as_written for m in find_metrics(text)] == ["3个"]
    # a central body's funds the place receives are the place's figure
    assert [m.as_written for m in find_metrics("民政部向我市下拨资金500万元，用于社区建设。")] == ["500万元"]


@pytest.mark.parametrize("text,as_written,subject", [
    # a 、 inside a quote joins the quoted words, not the sentence's items; a label too long to give whole keeps
    # what follows the quotes, never a piece of one
    ("街道开展“节约用水、从我做起”“共建美丽城、同做好居民”主题活动30余次。", "30余次", "主题活动"),
    ("社区开展“邻里守望、互帮互助”活动12场。", "12场", "社区开展“邻里守望、互帮互助”活动"),
])
def test_a_quote_is_not_cut_into_a_label(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text,as_written,subject", [
    # what the things counted then do or become ends the label
    ("新建120个充电桩解决停车难问题。", "120个", "充电桩"),
    ("拆除围墙后，3个院落整合成一个小区。", "3个", "整合院落"),     # (the courtyards merged: test_units_achieving…)
    ("9个兴趣小组告别无处活动的日子。", "9个", "兴趣小组"),
    ("推动12个有党员的商户单独或联合成立党组织。", "12个", "成立党组织的有党员的商户"),   # (audit 20: what they set up)
    # the unit before 的 is what the measure word counts, not its things (X的Y)
    ("全县37个村的道路已硬化。", "37个", "村"),
    ("帮助260户住户的房屋完成加固。", "260户", "住户"),
    # a field before the pilots they are chosen as
    ("确定城南社区等4个社区为垃圾分类试点单位。", "4个", "试点社区"),
    # a list straight before the figure, with no 等: every item
    ("选出单元长、楼长36名。", "36名", "选出单元长、楼长"),
    ("组织青年参加植树、清扫等公益活动及读书会活动300余次。", "300余次", "组织青年参加植树、清扫等公益活动及读书会活动"),
    ("今年以来，该镇组织全体党员和入党积极分子参与植树、清扫等公益活动及读书会活动300余次。", "300余次",
     "清扫等公益活动及读书会活动"),
])
def test_labels_of_audit_17(text, as_written, subject):
    assert (as_written, subject) in [(m.as_written, m.subject) for m in find_metrics(text)]


def test_a_share_whose_clause_opens_with_zhan_is_of_what_the_figure_before_counts():
    got = {m.as_written: m.subject for m in find_metrics("全镇登记志愿者超过3000人，占常住人口比例12.5%。")}
    assert got["12.5%"] == "登记志愿者占常住人口比例"
    got = {m.as_written: m.subject for m in find_metrics("他负责联系、走访周边18户。")}
    assert got["18户"] != "他负责联系、走访周边"


def test_the_sizes_a_plan_sets_are_planned():
    from loaders.extract.pipeline import extract_text

    rec = extract_text("某市新型农村社区建设\n全市首批50个试点社区总体规划占地3万亩，整合120个行政村，集聚人口近30万人。\n", "t.txt")
    got = {m.as_written: (m.subject, m.status) for m in rec.metrics}
    assert got["50个"] == ("试点社区", "done")
    assert got["3万亩"][1] == got["120个"][1] == got["30万人"][1] == "planned"


@pytest.mark.parametrize("text,as_written,subject", [
    # a short noun glossed by a bracket holding a list (县(市、区)): the 、 inside joins no list, the label keeps the gloss
    ("推动9个县(市、区)全部建立志愿服务站。", "9个", "县(市、区)"),
    ("目前已有23个县（市、区）建立社区工作准入制度。", "23个", "建立社区工作准入制度的县（市、区）"),
    ("确保每个网格至少配备1名民(辅)警和1名党员。", "1名", "每个网格至少配备民(辅)警"),
])
def test_a_glossed_noun_keeps_its_gloss(text, as_written, subject):
    assert (as_written, subject) in [(m.as_written, m.subject) for m in find_metrics(text)]


def test_units_changed_are_labelled_with_the_change():
    # 调整4个社区: the communities whose size was adjusted, not all the city's communities
    got = {m.as_written: m.subject for m in find_metrics("同意新建3个社区，调整5个社区，撤并2个村。")}
    assert got["5个"] == "调整社区" and got["2个"] == "撤并村" and got["3个"] == "社区"


@pytest.mark.parametrize("text,as_written,subject", [
    # units counted, then what they achieved, all their clause says: those that achieved it, not every such unit
    ("截至10月底，某区推动41个小区新建党组织，318个小区实现党组织覆盖，治理体系更加完善。", "318个", "实现党组织覆盖的小区"),
    ("27个社区实现“两委”班子交叉任职。", "27个", "实现“两委”班子交叉任职的社区"),
    # units merged into one: the units merged
    ("拆除围墙后，6个小区整合成一个小区，实行统一物业管理。", "6个", "整合小区"),
    # units of two ranks listed after the figure: both
    ("关于同意某某街道等5个街道、镇新建社区的批复", "5个", "街道、镇"),
    # not where the clause goes on past what they achieved, nor all of them (全部实现), nor a unit then its part (镇辖内)
    ("全县21个社区全部实现书记、主任一肩挑。", "21个", "社区"),
    ("城区街道辖内70%的社区、镇辖内50%的社区达到标准。", "70%", "社区"),
])
def test_units_achieving_or_merged_are_labelled_with_it(text, as_written, subject):
    assert (as_written, subject) in [(m.as_written, m.subject) for m in find_metrics(text)]


def test_a_figure_told_as_the_past_is_labelled_as_the_past():
    """A recollection (“那时候社区就两个干部，服务800多名居民。”) or a story (十年前…) counts what was then, not what the place
    has now: 过去 before its label. Not the recent years whose results are told (过去一年…), nor a clause back in the
    present (如今…)."""
    got = {m.as_written: m.subject for m in find_metrics(
        "老主任回忆说：“那时候社区就两个干部，服务800多名居民。”如今社区有工作人员15名。过去一年，街道新建社区6个。")}
    assert got["800多名"] == "过去居民"
    assert not (got["15名"] or "").startswith("过去")
    assert not got["6个"].startswith("过去")


@pytest.mark.parametrize("text,as_written,subject", [
    # a one-character unit, then 与 the other party: the unit (not the figure before's label)
    ("该县共有5个乡镇21个村与邻省接壤。", "21个", "村"),
    # N个民族的群众 counts peoples; what a thing counted does or is worth after 的 is not what is measured
    ("社区居住着汉族、回族等11个民族的群众。", "11个", "民族"),
    ("盘活了800平方米党群服务阵地的效能。", "800平方米", "党群服务阵地"),
    # a density, then the area it is per
    ("山区人口密度每平方公里不足8人。", "8人", "山区人口密度"),
    # the state before a change
    ("社区数量由合并前的312个精减到目前的120个。", "312个", "合并前社区数量"),
    # units counted, then the arrangement made for them
    ("35个小区4200个车位对小区业主实行了错时共享。", "4200个", "对小区业主实行错时共享的车位"),
])
def test_labels_of_audit_18(text, as_written, subject):
    assert (as_written, subject) in [(m.as_written, m.subject) for m in find_metrics(text)]


def test_the_figure_a_target_sets_is_planned():
    """全市年度盘活12000个停车位的目标任务，…: the target, not a result; without 的目标任务 the same count is done."""
    assert _status("郑州市新闻\n全市年度盘活12000个停车位的目标任务。\n", "12000个") == "planned"
    assert _status("郑州市新闻\n全市年度盘活12000个停车位。\n", "12000个") == "done"


@pytest.mark.parametrize("text, as_written, subject", [
    # the figure straight after a short bracket glossing its noun: that noun, not the figure before's label
    ("某县成立业主委员会12个、建立党支部(党小组)8个。", "8个", "建立党支部(党小组)"),
    ("该县成功创建无疫小区(组)15个。", "15个", "成功创建无疫小区(组)"),
    # a share of things, then what they achieved; people counted, then what they took up: all their clause says
    ("目前，超85%矛盾纠纷实现就地化解，群众满意度持续提升。", "85%", "实现就地化解的矛盾纠纷"),
    ("该县3000余名党员积极融入志愿服务，为群众办实事。", "3000余名", "融入志愿服务的党员"),
    # units counted after a verb of visiting and the places visited: those visited
    ("调研组用10天时间深入全县2区5镇、近20个社区，通过座谈了解情况。", "20个", "深入社区"),
    # a compound the sentence is about, then the list of what it holds: each figure of the list is the compound's
    ("某花园小区是某街道一个建于2001年的老旧小区，共3个楼栋、8个单元，156户居民，常住人口约400人。", "156户", "某花园小区居民"),
    # units counted, then an adverb of all of them and what they set up (audit 20): those that did it
    ("全县12个街道均设立社工站，覆盖老年人等群体。", "12个", "设立社工站的街道"),
    ("全区18个社区都建立了议事会。", "18个", "建立议事会的社区"),
    ("全市20个社区全部开展了这项活动。", "20个", "社区"),    # (what 这项 is lies before: not read)
    # a share of things, then within what time they became what (audit 20): all their clause says
    ("全区90%的诉求在48小时内得到办结。", "90%", "在48小时内得到办结的诉求"),
    ("目前，80%的问题得到解决。", "80%", "得到解决的问题"),
    ("全市65%的居民在城区。", "65%", "居民"),
    # posts counted after 其中 are the body's whose members the figure before counts (audit 20)
    ("业主投票选举出7名业主委员会委员，其中主任1名、副主任2名。", "1名", "业主委员会主任"),
    ("业主投票选举出7名业主委员会委员，其中主任1名、副主任2名。", "2名", "业主委员会副主任"),
    ("选举产生委员5名，其中主任1名。", "1名", "主任"),
    # figures given respectively after 分别 and what became of each (audit 20): each item then that
    ("全县治安案件数、矛盾纠纷数分别同比下降12.5%、6.3%。", "12.5%", "治安案件数同比下降"),
    ("全县治安案件数、矛盾纠纷数分别同比下降12.5%、6.3%。", "6.3%", "矛盾纠纷数同比下降"),
    ("城市、农村居民人均可支配收入分别增长6.1%和7.2%。", "6.1%", "城市居民人均可支配收入增长"),
    ("治安案件數(shù)、矛盾糾紛數分別同比下降12.5%、6.3%。", "12.5%", "治安案件數同比下降"),   # (a mirror's gloss)
    # a list cut to its first item and 等, then what they took part in (audit 20): those who took part
    ("县人大代表、县民政局干部、村务监督委员、居民代表等12人参加会议。", "12人", "参加会议的县人大代表等"),
    # units counted, then what they set up alone or together (audit 20)
    ("推动9个快递网点单独成立党支部。", "9个", "成立党支部的快递网点"),
    ("12家企业单独核算。", "12家", "企业"),
    # a run of figures each before its own noun, then what they all took part in (audit 20): each label carries it
    ("引导12个社会组织、8家驻区企业参与社区治理。", "12个", "参与社区治理的社会组织"),
    ("引导12个社会组织、8家驻区企业参与社区治理。", "8家", "参与社区治理的驻区企业"),
    # a group's share written X占N%: of the people the sentence counted before it, else a share (audit 20)
    ("全县户籍人口8万人，其中汉族占60%，回族占30%。", "30%", "回族占户籍人口比例"),
    ("全区社区工作者中大专学历占38.5%。", "38.5%", "社区工作者中大专学历占比"),
    # the problems or views raised, listed before their count (audit 20): those raised
    ("会上居民代表提出了涉及路灯维修、楼道清理等问题5个。", "5个", "提出的路灯维修、楼道清理等问题"),
    ("全区共有路灯维修、楼道清理等问题5个。", "5个", "路灯维修、楼道清理等问题"),
])
def test_labels_keep_what_makes_the_figure_true(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_sentence_of_many_figures_is_read_for_the_past_once_not_once_per_figure(monkeypatch):
    """Where no word of the past stands before a figure in its sentence, the sentence is not scanned for one: a clause
    of 3,000 figures was scanned 3,000 times from its start (quadratic: 10,000 figures took ~18 s)."""
    import re

    from loaders.extract import metrics

    calls = []
    plain = metrics._PAST

    class Counting:
        def finditer(self, *args):
            calls.append(args[1:])
            return re.Pattern.finditer(plain, *args)

    monkeypatch.setattr(metrics, "_PAST", Counting())
    text = "2023年，" + "".join(f"新建议事点{i}个、" for i in range(1, 3001)) + "全部投入使用。"
    assert len(find_metrics(text)) == 3000
    assert calls == []
    # where such a word stands, the figures after it are still read as the past's
    text = "老主任回忆说：“那时候社区就两个干部，服务800多名居民、600多户家庭。”"
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got["800多名"] == "过去居民" and got["600多户"].startswith("过去")


def test_figures_read_for_the_past_with_and_without_the_scan_skipped(monkeypatch):
    """The skip changes no label: drawn sentences of figures and words of the past and present, read both ways."""
    import random

    from loaders.extract import metrics

    rng = random.Random(7)
    pieces = ["那时候", "当时", "以前", "过去", "过去一年", "十年前", "3年前", "早年", "如今", "现在", "，", "：", "“",
              "社区有干部", "服务", "居民", "2个", "800多名", "15户", "建成小区", "今年", "。", "年前", "那会儿"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(800)]
    fast = [[(m.start, m.subject) for m in find_metrics(t)] for t in texts]
    monkeypatch.setattr(metrics, "_past_key_starts", lambda text: list(range(len(text))))   # every place may hold one
    assert [[(m.start, m.subject) for m in find_metrics(t)] for t in texts] == fast


@pytest.mark.parametrize("text, as_written, subject", [
    # items counted by a classifier, then what they belong to: the items, of it (not 功能的…)
    ("全镇建成党群驿站12个，打造具有便民服务、文体活动等15项功能的“幸福小屋”。", "15项", "“幸福小屋”功能"),
    ("每天至少更新2条这样的社区服务信息。", "2条", "每天至少更新这样的社区服务信息"),
    # a list of levels glossed one by one, then a quoted name and its kind: the named kind
    ("推动完成老旧小区改造、智慧社区建设等9个市、县(区)、乡(镇)“书记领办”项目。", "9个", "“书记领办”项目"),
])
def test_labels_name_what_the_classifier_counts(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # people counted, then what they serve as: those serving, not every such person (nor the verb alone, 选聘)
    ("某社区选聘8名辖区单位党组织负责人兼任社区党委委员，共商共建。", "8名", "兼任社区党委委员的辖区单位党组织负责人"),
    ("全镇200多名党员担任小区楼栋长。", "200多名", "担任小区楼栋长的党员"),
])
def test_people_counted_then_what_they_serve_as(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # glossed units, then what they set up: those that did it; a bare share straight after a count: of what it counts
    ("目前全省已有8个市出台社区减负清单、占40%，已有60个县(市、区)建立社区准入制度、占75%。", "60个", "建立社区准入制度的县(市、区)"),
    ("目前全省已有8个市出台社区减负清单、占40%，已有60个县(市、区)建立社区准入制度、占75%。", "40%", "市出台社区减负清单占比"),
])
def test_a_bare_share_after_a_count_is_of_what_it_counts(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # bodies counted, then 已 and what they set up (audit 21): those that did it, not every such body of the place
    ("目前，某街道有6家物业公司已单独组建党支部；", "6家", "组建党支部的物业公司"),
    ("全区9个社区已建立议事会。", "9个", "建立议事会的社区"),
    # a run of figures joined by 和, then what they all reached (audit 21): each label carries it
    ("全县120家物业企业和300个业委会实现了党组织全覆盖。", "120家", "实现党组织全覆盖的物业企业"),
    ("全县120家物业企业和300个业委会实现了党组织全覆盖。", "300个", "实现党组织全覆盖的业委会"),
    # units counted straight after 实现, then what covers them all (audit 21): the units covered
    ("通过单独组建和联合组建，实现了88个小区党组织全覆盖。", "88个", "实现党组织全覆盖的小区"),
    # units or bodies counted, then what they took up, completed or won, to their clause's end (audit 22): those that did it
    ("近年来，在城区30个社区开展背街小巷整治，建成绿地5公顷。", "30个", "开展背街小巷整治的社区"),
    ("全县共有45个小区纳入物业管理。", "45个", "纳入物业管理的小区"),
    ("全区6家物业企业获得省级表彰。", "6家", "获得省级表彰的物业企业"),
    ("全市20个社区全部开展了这项活动。", "20个", "社区"),      # (what 这项 is lies before: not read)
    ("全市共有45个小区，其中12个纳入物业管理。", "45个", "小区"),   # (a stock)
    # a compound put into a plan, then what the plan involves (audit 22): the compound's, not the street's
    ("可合并的小区有和平小区、幸福小区，其中和平小区已列入2024年老旧小区改造计划，涉及改造户数80户，资金60余万。", "80户",
     "和平小区改造户数"),
    ("可合并的小区有和平小区、幸福小区，其中和平小区已列入2024年老旧小区改造计划，涉及改造户数80户，资金60余万。", "60余万",
     "和平小区资金"),
    # a compound the sentence's work is done on, then what was done there (audit 22): the compound's
    ("某物业公司党支部投入3万元对和平小区进行绿化改造，补植草坪1200平方米，补栽树木30余株。", "1200平方米", "和平小区补植草坪"),
    ("某物业公司党支部投入3万元对和平小区进行绿化改造，补植草坪1200平方米，补栽树木30余株。", "30余株", "和平小区补栽树木"),
    # units counted, then their things a second figure counts and what became of those (audit 21): the units whose things did
    ("全年12个小区80台电梯更新，惠及居民。", "12个", "电梯更新的小区"),
    ("全市300个小区5000个车位对业主实行了错时共享。", "300个", "车位对业主实行错时共享的小区"),
    ("全市300个小区5000个车位。", "300个", "小区"),       # (nothing became of them: a stock)
    # an adverb of time after the noun counted (陆续, 相继) opens the predicate (audit 21's re-draw): not in the label
    ("来自全县的3200多名搬迁群众陆续在新区安家落户。", "3200多名", "搬迁群众"),
    # the condition a thing counted is in, after 的 (audit 22): the thing is what is counted
    ("改善200亩茶园和500亩果园的灌溉条件。", "500亩", "果园"),
    # the things counted, then 中 and the first of those named among them (audit 22): the things counted
    ("全镇4个安置点中东坡、西岭两个安置点已通水。", "4个", "安置点"),
    ("全市建成3个党群服务中心、5个驿站。", "3个", "党群服务中心"),
    # a place's figure after 其中, after the figure of the whole (audit 22): the place's part of that whole
    ("全县共有96个老旧小区，其中东城区40个，西城区56个。", "40个", "东城区老旧小区"),
    ("全县共有96个老旧小区，其中东城区40个，西城区56个。", "56个", "西城区老旧小区"),
    # a demonstrative inside the label (audit 22): what is counted follows it, not the sentence's verb before it
    ("古树荫蔽着这座常住人口超300万、经济发达的城市。", "300万", "常住人口"),
    # … and 如期 (audit 22): the households before the people then take the people's label, no longer shown by their value
    ("通过易地搬迁，全县累计1.2万户、5.1万困难群众如期搬入新居。", "5.1万", "困难群众"),
    ("通过易地搬迁，全县累计1.2万户、5.1万困难群众如期搬入新居。", "1.2万户", "困难群众"),
    # households counted straight after the buildings or groups they live in (audit 21's second draw): the holder's households
    ("某某所住的和平小区位于某路，建成于2001年，共5栋楼房210户，属于安置房。", "210户", "和平小区户数"),
    ("全村共有12个村民小组860户。", "860户", "户数"),
    # a list closed by 等, then what the listed did (audit 21's second draw): the list whole, not its first item and 等
    ("会同辖区18家单位、非公企业、社会组织等成立治理领导小组。", "18家", "单位、非公企业、社会组织等"),
    ("组织辖区12家企业、学校等共同开展志愿服务。", "12家", "企业、学校等"),
    # a sentence opening with the bare word 小区 in a paragraph that named one compound (audit 21's second draw): that compound's
    ("和平小区业主委员会由退休职工组成。小区按月收缴管理费，目前小区管理费收缴率达95%。", "95%", "和平小区管理费收缴率"),
    ("和平小区环境优美。全市小区物业覆盖率达80%。", "80%", "小区物业覆盖率"),
    # a speaker's words opening with the bare word 小区, then the compound where they were said (audit 21, follow-up): that
    # compound's figures, not the city's
    ("“小区新增了8个路灯、3个充电桩，还聘请了保洁员。”近日，在某某县某某镇和平小区，业委会主任介绍道。", "8个", "和平小区路灯"),
    ("“小区新增了8个路灯、3个充电桩。”近日，在某某县某某镇和平小区，业委会主任介绍道。", "3个", "和平小区充电桩"),
    ("“小区新增了8个路灯。”近日，在某某镇，居民介绍道。", "8个", "路灯"),            # (no compound named: as before)
    ("“小区所在的全市新增了8个路灯。”近日，在和平小区，居民介绍道。", "8个", "路灯"),  # (a wider scope in the words)
])
def test_labels_of_audit_21_keep_what_was_done(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # people counted, then what they were taken into, won or became (audit 23): those it happened to
    ("某市定向招录了4名社区干部进入乡镇公务员队伍，48名社区党组织书记纳入事业岗位管理。", "48名", "纳入事业岗位管理的社区党组织书记"),
    ("某市定向招录了4名社区干部进入乡镇公务员队伍。", "4名", "进入乡镇公务员队伍的社区干部"),
    ("某市吸纳了103名优秀社区工作者进入了党组织。", "103名", "进入党组织的优秀社区工作者"),
    # a figure carrying the label over keeps who they are, not what the first did (and, audit 25, says what they did)
    ("某区有12名干部获得市级表彰，8人入选人才库。", "8人", "入选人才库的干部"),
    ("8家物业企业获得省级表彰、3家获得市级表彰。", "8家", "获得省级表彰的物业企业"),
    ("8家物业企业获得省级表彰、3家获得市级表彰。", "3家", "物业企业"),
    # a compound the sentence opens with, when it was built, then a list of counts (a mirror page's traditional characters
    # too): the compound's, not its community's
    ("和平小区建于1991年,1栋楼,4个单元,67户,200多位居民。", "4个", "和平小区单元"),
    ("和平小區建于1991年,1棟樓,4個單元,67戶,200多位居民。", "200多位", "和平小區居民"),
    ("和平小区位于某路，居民反映停车难，12个车位被占用。", "12个", "车位被占用"),
    # a bare kind of count after the events the figure before counts: of those events; a rule's verb is no part of a label
    ("自开馆以来，共接待党史参观学习813场，人数18325人次。", "18325人次", "接待党史参观学习人数"),
    ("全村共有农户300户，人数1200人。", "1200人", "人数"),
    ("某街道制定积分管理办法，明确年度积分不少于20分的底线要求。", "20分", "年度积分"),
    # a rate paid to a post, or for a certificate held, written before its period: whose pay it is
    ("某区规定取得初级社工职业证书每年补贴1000元，取得中级社工职业证书每年补贴2000元。", "2000元", "中级社工职业证书每年补贴"),
    ("市级财政全额保障小区党支部书记每月200元工作补助。", "200元", "小区党支部书记每月工作补助"),
    ("物业费标准执行为每月1.5元。", "1.5元", "物业费标准"),
    # things counted, then what is not yet done to them: those left
    ("某街道登记了260个问题，仍有46个问题未能及时解决。", "46个", "未能及时解决的问题"),
    ("某县3个村尚未成立业委会。", "3个", "尚未成立业委会的村"),
])
def test_labels_of_audit_23_keep_what_was_done(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a digit inside a name (4G, 5G) counts nothing: the label keeps the name
    ("全县4G用户达到12.5万户，4G用户占比达到61.2%。", "61.2%", "4G用户占比"),
    ("全县4G用户达到12.5万户，4G用户占比达到61.2%。", "12.5万户", "4G用户"),
    # what a rule must reach, or what was mostly reached: the modal and the adverb are no part of what is measured
    ("新建的社区服务站建筑面积必须达到300平方米以上。", "300平方米", "新建的社区服务站建筑面积"),
    ("到2015年，使得全县村委会办公用房基本达到60平方米以上。", "60平方米", "村委会办公用房"),
    # a ceiling straight before the figure: the most one may get, not a sum paid (最低 says itself)
    ("对验收合格的给予奖励，市、区两级奖励最高达10万元。", "10万元", "市、区两级奖励上限"),
    ("每户补贴最高不超过3000元。", "3000元", "每户补贴上限"),
    ("每个社区工作经费最低5万元。", "5万元", "每个社区工作经费最低"),
    # 及 of a bound (及以上, 及以下) joins no list: the label keeps the whole noun
    ("全县60岁及以上老年人1.2万人。", "1.2万人", "60岁及以上老年人"),
    ("全市新增千兆及以上端口800个，累计达到3000个。", "800个", "新增千兆及以上端口"),
    # a span of years alone before a sum, after a yearly one: that sum over the years
    ("某县每年安排社区工作经费300万元，三年共计900万元。", "900万元", "三年安排社区工作经费"),
])
def test_labels_of_audit_24(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # units counted, then the standard they reached: those that reached it, by the standard's last words
    ("目前，某区12个社区居委会组织健全，7个社区居委会达到或超过国家和省规定的300平方米标准。", "7个",
     "达到300平方米标准的社区居委会"),
    ("全区5个社区达到省级标准。", "5个", "达到省级标准的社区"),
    # units counted, then the role they are given: those given it
    ("市委成立社区治理工作领导小组，32个市直部门为成员单位，办公室设在民政局。", "32个", "为成员单位的市直部门"),
    # a run of figures on the make-up of people: a label naming only a kind of figure is of the people the run opens with
    ("全县社区专职工作人员本科以上学历占52.3%、大专学历占41.2%,平均年龄37岁,队伍实现了年轻化。", "41.2%",
     "社区专职工作人员大专学历占比"),
    ("全县社区专职工作人员本科以上学历占52.3%、大专学历占41.2%,平均年龄37岁,队伍实现了年轻化。", "37岁",
     "社区专职工作人员平均年龄"),
    ("全市社区工作者中党员占62%、女性占比70%，平均年龄38岁。", "38岁", "社区工作者平均年龄"),
    ("全县社区专职工作人员本科以上学历占52.3%。社区平均面积500平方米。", "500平方米", "社区平均面积"),
])
def test_labels_of_audit_25(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a sum labelled only by the verb of spending it: what the clause after it says it is for
    ("2019年以来,先后投入3亿元,在城区20个社区开展老旧小区整治和改造。", "3亿元", "开展老旧小区整治和改造的投入"),
    ("其中,安排资金120万元,在某镇某组安置点实施2公里道路硬化,解决出行难问题。", "120万元", "实施2公里道路硬化的资金"),
    ("2020年，财政共筹集拨付1500万元用于支持社区治理工作，其中市级财政筹措资金800万元。", "1500万元",
     "用于支持社区治理工作的资金"),
    ("某区投入社区建设资金500万元，在10个社区开展改造。", "500万元", "某区投入社区建设资金"),   # (named: kept)
    # units after a verb of covering or completing: those covered or done
    ("目前已建成面积12平方公里,覆盖21个社区372个小区,服务居民30万余人。", "21个", "覆盖社区"),
    ("目前已建成面积12平方公里,覆盖21个社区372个小区,服务居民30万余人。", "372个", "覆盖小区"),
    ("截至目前,老旧小区改造已完成12个小区,同步配套已完成绿地1000平方米。", "12个", "完成小区"),
    ("某集团223名党员,完成58个社区的报到工作。", "58个", "社区"),
    # a count joined by 和 to a second whose label goes on to what both did: the first did it too
    ("社区组织体系日趋完善，5个街道和3个城关镇成立“大工委”，80个城市社区建成“大党委”。", "5个", "街道成立“大工委”"),
    ("某市300余家机关企事业单位党组织和2.1万名党员干部到居住地小区报到。", "300余家", "机关企事业单位党组织到居住地小区报到"),
    ("全市有街道5个和社区30个。", "5个", "街道"),
    # some of those counted before, then what they did: those who did
    ("2020年,全区120名社区工作者报名参加社工考试,其中45人通过考试,持证人数占比近30%。", "45人", "通过考试的社区工作者"),
    ("2020年,全区120名社区工作者报名参加社工考试,其中45人通过考试,持证人数占比近30%。", "120名",
     "报名参加社工考试的社区工作者"),
    # a long list qualifying the noun, closed by 等: its first item and 等…, not its last item alone
    ("收集基础设施建设、产业发展、乡村旅游、儿童关爱等方面的意见建议17条。", "17条", "收集基础设施建设等方面的意见建议"),
    # a glossed unit that opens a list the label goes on with (市(区)、街道分别开展…): the whole list
    ("出台考核办法,市(区)、街道分别开展各类社区实务培训20多期,培训社区工作者1400多人次。", "20多期",
     "市(区)、街道分别开展各类社区实务培训"),
])
def test_labels_of_audit_25_draws(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a passive clause straight after the figure: what was done to those the unit counts
    ("某镇推进村改居，共有520户、1630人被村屋取代,12个村委会改为居委会。", "1630人", "被村屋取代的人"),
    ("某街道今年有36户被征收房屋。", "36户", "被征收房屋的户"),
    ("共有3户被评为文明家庭。", "3户", "被评"),                       # (not the whole clause: left as it was)
    # a bare 人均 after a clause closing with what is paid out: a share of that
    ("设立20人的公益性岗位。财政承担20人的工资及社会保障资金，人均到1.2万元，保障队伍稳定。", "1.2万元",
     "人均工资及社会保障资金"),
    # a list of duties before their count: whose and which, as its first item and 等 give them
    ("并明确了组长议事协调、信息收集、矛盾调处等5项职责,楼长反馈民意、监督卫生等3项职责。", "5项", "组长议事协调等职责"),
    ("并明确了组长议事协调、信息收集、矛盾调处等5项职责,楼长反馈民意、监督卫生等3项职责。", "3项", "楼长反馈民意等职责"),
    # a budget labelled by its payer alone, then what it is for: labelled by its use
    ("2021年初市县财政预算安排1200万元用于支持社区治理工作开展，成效明显。", "1200万元", "用于支持社区治理工作开展的资金"),
    # … or its use after a clause of the means
    ("推进社区综合服务设施建设。市政府投入预算1.2亿元,采取利用闲置资产、改扩建等方式,对城市社区综合服务设施进行升级改造。",
     "1.2亿元", "对城市社区综合服务设施进行升级改造的资金"),
    # units after 对, then 进行 and what was done to them: those it was done to
    ("争取省拨资金100万元用于对30个规范化社区进行奖补。", "30个", "奖补的规范化社区"),
    ("对20个老旧小区进行改造提升和绿化美化，惠及居民。", "20个", "老旧小区"),     # (more than a short verb: left)
    # a rate per period opening a label goes on to the next clause's figure
    ("组织党员认领服务项目，年均落地共建项目120个，服务群众1.2万人次。", "1.2万人次", "年均服务群众"),
    ("组织党员认领服务项目，年均落地共建项目120个，累计服务群众1.2万人次。", "1.2万人次", "服务群众"),  # (its own: not carried)
    # units then the honour they won: those that won it, by its quoted name
    ("2020年,有4个项目荣获某省第六届公益创投(志愿服务)项目交流展示大赛“双十佳”(省十佳项目)。", "4个", "荣获“双十佳”的项目"),
    # people then the quoted state they reached: who reached it
    ("通过实施易地扶贫搬迁，全州累计5.2万户、21.6万贫困群众如期全面实现“一步跨千年”的历史巨变。", "21.6万",
     "实现“一步跨千年”的贫困群众"),
    ("通过实施易地扶贫搬迁，全州累计5.2万户、21.6万贫困群众如期全面实现“一步跨千年”的历史巨变。", "5.2万户",
     "实现“一步跨千年”的贫困群众"),     # (the households before them: the same people's)
    # units, then what they were changed into: those changed
    ("共有520户、1630人被村屋取代,12个村委会正式改为居委会。", "12个", "改为居委会的村委会"),
    ("5个村改为社区，新增居民3000人。", "5个", "改为社区的村"),
    # a hedge alone (a law's range): no label of the hedge — the range is labelled by what is set up in it (audit 29)
    ("按照便于联系服务的原则,一般在30户至50户的范围内设立。", "30户至50户", "设立的范围"),
    ("按照便于联系服务的原则,一般在30户至50户之间。", "30户至50户", None),
    # a span of time and an adverb of how soon: no label
    ("居民踊跃留言，记者统计仅在不到30分钟的时间就有48位", "48位", None),
])
def test_labels_of_audit_26(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text,as_written,subject", [
    # a bare kind of area in a bracket straight after a count: the counted units' area, by the count's label or, where it
    # has none, by what the words after the bracket say of them
    ("某物业公司已接管9个(建筑面积3.21万平米,)40个(建筑面积56.7万平米)尚未移交。", "3.21万平米", "某物业公司已接管的建筑面积"),
    ("某物业公司已接管9个(建筑面积3.21万平米,)40个(建筑面积56.7万平米)尚未移交。", "56.7万平米", "尚未移交的建筑面积"),
    ("全县共有老旧小区30个（总面积20万平方米）。", "20万平方米", "老旧小区的总面积"),
    ("全县老旧小区总建筑面积20万平方米。", "20万平方米", "老旧小区总建筑面积"),     # (no bracket: its own label)
])
def test_labels_of_audit_28(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_proposals_own_suggestions_are_labelled_so():
    """Audit 25's left: a proposal as filed (案由…提案人…建议：…) asks for its numbers — the proposer's, labelled 建议 and
    planned, not the county's plan; its reasons' figures (理由：) and a text with no proposal header are left as they were."""
    text = ("政协某县委员提案第12号\n案 由:关于提高村干部待遇的提案\n提案人:张某(某镇人民政府)\n"
            "理 由:村干部年工资报酬仅有4千元。\n建 议:\n1、村干部工资年标准提高至2万元左右。\n审查意见:请县财政局办理。\n")
    got = {m.as_written: (m.subject, m.status) for m in extract_text(text, "t.txt").metrics}
    assert got["2万元"] == ("建议村干部工资年标准", "planned")
    assert got["4千元"][0] == "村干部年工资报酬"
    plain = text.replace("提案人", "联系人").replace("案 由", "标 题")
    assert {m.as_written: m.subject for m in extract_text(plain, "t.txt").metrics}["2万元"] == "村干部工资年标准"


@pytest.mark.parametrize("text,as_written,subject", [
    # units counted, then what is started in them (在城区8个孵化基地启动…申报工作): the units, not who starts it
    ("近日，某市民政局在城区8个社区社会组织孵化培育基地启动微公益创投项目申报工作。", "8个", "社区社会组织孵化培育基地"),
    ("争取启动资金300万元。", "300万元", "争取启动资金"),        # (a sum to start with: 启动 opens its noun)
    # a list of the fields where something was done, closed by 等方面: what was done there, not the list's last items
    ("全市社区在小区养犬、停车、护绿、楼道整理等方面通过民主协商制定“微公约”2544个。", "2544个", "通过民主协商制定“微公约”"),
    ("在环境、停车等方面的问题12个。", "12个", "环境、停车等方面的问题"),
    # a total of a list too long to give whole: its first item's noun and 等, not its last item (audit 26's left)
    ("寻找到了反映我县社区建设历程的重要资料、文件、照片和街道在各社区征集到的有关资料总计60余份，工作圆满完成。",
     "60余份", "重要资料等"),
    ("收集到居民意见、建议和问题总计60余条。", "60余条", "收集到居民意见、建议和问题总计"),   # (short: the whole list)
])
def test_labels_of_audit_27(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_figures_of_a_change_that_must_first_be_approved_are_planned():
    """Audit 29: a reply saying what a proposed change would take (划出某社区5个居民小组…组成一个新社区涉及居委会的范围调整，
    须先召开居民会议讨论通过) counts what is proposed, not what was done: the figures of a sentence whose later clause says
    what must come first are planned; a sentence reporting the change made stays done."""
    proposed = ("某县民政局关于某某提案的复函\n据此，从某某社区划出北片、南片等4个居民小组另设一个社区，涉及现有居委会"
                "辖区变动，须先召开居民会议讨论通过。\n")
    assert _status(proposed, "4个") == "planned"
    made = "某县民政局关于某某提案的复函\n去年，从某某社区划出北片、南片等4个居民小组另设一个社区，居民会议已讨论通过。\n"
    assert _status(made, "4个") == "done"


@pytest.mark.parametrize("text, as_written, subject", [
    # audit 29: a count with no label before a bracket, then what those counted are (…137个(建筑面积…)未纳入物业管理)
    ("某公司已接管5个(建筑面积2.1万平米,)96个(建筑面积80.5万平米)未纳入物业管理。", "96个", "未纳入物业管理"),
    # a count with no label joined by 、 to one a passive clause labels (共有7310户、19981人被村屋取代)
    ("共有4120户、11230人被新区取代，9个村委会随之撤销。", "4120户", "被新区取代的户"),
    # a sum labelled by the verb of spending it, then the work a verb straight after starts with it
    ("在此基础上，安排资金180万元启动了村(社区)干部养老保险。", "180万元", "启动村(社区)干部养老保险的资金"),
])
def test_labels_of_audit_29(text, as_written, subject):
    assert (as_written, subject) in [(m.as_written, m.subject) for m in find_metrics(text)]


def test_figures_inside_a_quoted_rule_are_planned():
    """Audit 29: a rule a reply quotes as its criterion (关于“新建住宅居民入住率达到50%的，要及时纳入社区管理”…的精神) asks for
    its figures, it reports none done: a figure inside a quote holding a provision (要, 应, 不低于) or followed by the rule's
    spirit, requirement or standard is planned; a resident's quoted words reporting a result stay done."""
    rule = ("某区民政局关于增设某社区的建议的答复\n依照《关于推进城市社区规范化建设的实施意见》关于“新建住宅小区交付入住率超过"
            "60%的，要及时纳入社区管理”的规定，经摸底，某片区三个小区符合新设社区的条件。\n")
    assert _status(rule, "60%") == "planned"
    said = "某社区新闻\n“驿站开门半个月，已经和12名居民加了微信、交了朋友。”某书记说。\n"
    assert _status(said, "12名") == "done"


@pytest.mark.parametrize("text, as_written, subject", [
    # a standard someone set, with no label of its own: whose standard it is, never the value itself (audit 29)
    ("某县社区服务用房均达到或超过省里规定的300平方米标准。", "300平方米", "省里规定的标准"),
    ("新建社区综合服务用房面积不低于市民政局要求的500平方米标准，", "500平方米", "市民政局要求的标准"),
    ("全镇社区办公场所面积都符合国家规定的200平方米标准。", "200平方米", "国家规定的标准"),
    # a standard named by no one who set it stays unlabelled, as does any other figure with nothing before it
    ("全镇达到300平方米标准的社区有12个。", "300平方米", None),
])
def test_labels_of_audit_29_standards(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a list joined by 和 before 分别: each figure its own item's, as after a list joined by 、 (audit 29's last two items)
    ("全县商务楼宇和专业市场党组织覆盖率分别达到76.4%和88.2%。", "76.4%", "商务楼宇党组织覆盖率"),
    ("全县商务楼宇和专业市场党组织覆盖率分别达到76.4%和88.2%。", "88.2%", "专业市场党组织覆盖率"),
    ("城市、农村和牧区社区服务设施覆盖率分别达到100%、90%和80%。", "90%", "农村社区服务设施覆盖率"),
    ("城市、农村和牧区社区服务设施覆盖率分别达到100%、90%和80%。", "80%", "牧区社区服务设施覆盖率"),
    # two changes after the list they pair with, with no 分别 (刑事案件、治安案件同比下降N%、M%): each item's
    ("全县刑事案件、治安案件同比下降12.5%、20.3%。", "12.5%", "刑事案件同比下降"),
    ("全县刑事案件、治安案件同比下降12.5%、20.3%。", "20.3%", "治安案件同比下降"),
    # (an item that already ends with the words the last one shares keeps them once)
    ("今年以来，受理纠纷案件、“邻里矛盾”案件同比下降11.2%、36.5%。", "11.2%", "受理纠纷案件同比下降"),
    # figures given item by item after a long list (…、楼道墙面彩绘600平方米，公示栏90个): the last item's alone
    ("增设休息座椅、晾衣架、信报箱、照明路灯、楼道墙面彩绘600平方米，公示栏90个等。", "600平方米", "楼道墙面彩绘"),
    ("新建停车位、充电桩、快递柜300个、宣传栏120个。", "300个", "快递柜"),
    # (a short list the figure counts whole stays whole)
    ("推选街巷长、楼栋长48名，组建志愿队5支。", "48名", "推选街巷长、楼栋长"),
])
def test_labels_audit_29_left_lists(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a per-head figure of people named before it: theirs (社区工作者人均报酬), not a bare 人均报酬
    ("全县社区工作者人均报酬约3500元/月。", "3500元/月", "社区工作者人均报酬"),
    ("网格员人均补贴达2000元。", "2000元", "网格员人均补贴"),
    # a bare post (正职, 副职) in a run after a label naming whose posts they are: the same people's
    ("调整方案执行后，全县村干部正职达到3600元，副职3200元，其他村干部2800元；扣除社保个人部分，正职3100元，副职2700元。",
     "3200元", "村干部副职"),
    ("调整方案执行后，全县村干部正职达到3600元，副职3200元，其他村干部2800元；扣除社保个人部分，正职3100元，副职2700元。",
     "3100元", "村干部正职"),
    ("调整方案执行后，全县村干部正职达到3600元，副职3200元，其他村干部2800元；扣除社保个人部分，正职3100元，副职2700元。",
     "2700元", "村干部副职"),
    # (…正职 and what is paid, 报酬 or 年工资, after it: the same pay of the other post)
    ("全县村干部正职报酬为3000元，副职2500元。", "2500元", "村干部副职报酬"),
    # a bare area after a count (…小区96个，总建筑面积520万平方米): the area of what is counted; of the whole where parts
    # were given in between (其中东城区50个…)
    ("已交付使用的住宅小区96个，总建筑面积520万平方米，其中成立业委会的有60个。", "520万平方米", "交付使用的住宅小区总建筑面积"),
    ("全县共有老旧小区120个，其中东城区50个，西城区70个，总建筑面积98.5万平方米。", "98.5万平方米", "老旧小区总建筑面积"),
    # … or after the room its clause ends with (…的社区办公室，面积150平方米): that room's; a place's own area stays bare
    ("2014年某社区搬入位于某某路的社区办公室，面积150平方米，配备办公设备。", "150平方米", "社区办公室面积"),
    ("社区位于某路，面积0.8平方公里。", "0.8平方公里", "面积"),
])
def test_labels_audit_29_left_bare_kinds(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a figure with no label of its own is labelled by what the sentence says of it, never shown as its own label:
    # households, then 共 and the people (社区常住人口3500户共10230人) — the same residents
    ("社区常住人口3500户共10230人，流动人口800人。", "10230人", "社区常住人口"),
    # (people after households labelled as a number of households: the number of people, not 户数)
    ("社区共有5个居民小区，总户数4629户、13642人。", "13642人", "总人数"),
    # a share of a piece of work done (已完成了主体工程的60%)
    ("两个中心已经完成了主体工程的60%，年底即可投用。", "60%", "完成主体工程的比例"),
    ("目前已完成工作任务的98%。", "98%", "完成工作任务的比例"),
    # (a share of another whole stays unlabelled: 是全省总量的25.6%)
    ("安置人数占到了全县农业人口的18%，是全市安置任务总量的9.4%。", "9.4%", None),
])
def test_labels_audit_29_left_values_alone(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_range_written_out_is_one_figure_labelled_by_what_it_bounds():
    """一般在30户至50户的范围内设立: the range whole, labelled by what is set up within it — never 100户 alone, and never
    the value as its own label (audit 29)."""
    text = "楼栋党小组根据党员分布情况，一般在30户至50户的范围内设立。"
    got = [(m.as_written, m.value, m.unit, m.subject) for m in find_metrics(text)]
    assert got == [("30户至50户", 30, "户", "楼栋党小组设立的范围")]
    assert all(text[m.start:m.end] == m.as_written for m in find_metrics(text))


@pytest.mark.parametrize("text, as_written, subject", [
    # a list closed by 等 and what its items are, too long to give whole: its first item and 等…, never its last items
    ("目前，已注册登记阳光社工、同心社工、和美社工等专业社工机构21家。", "21家", "注册登记阳光社工等专业社工机构"),
    ("今年我县东关镇、西河乡、南山镇、北湖镇、青石镇等乡镇新建社区服务中心5个。", "5个", "东关镇等乡镇新建社区服务中心"),
    # (a short one stays whole)
    ("全市东城区、西城区等城区新建社区服务中心8个。", "8个", "东城区、西城区等城区新建社区服务中心"),
])
def test_labels_audit_30_lists_closed_by_deng(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a count straight after a longer bracket saying what the noun before it is: that noun (在建…: under construction,
    # 在 no preposition), and the area after the count is its area
    ("在建保障性住房小区(由开发企业代管)14个，总建筑面积85万平方米。", "14个", "在建保障性住房小区"),
    ("在建保障性住房小区(由开发企业代管)14个，总建筑面积85万平方米。", "85万平方米", "在建保障性住房小区总建筑面积"),
    # (a short gloss stays in the label, as before)
    ("新建党支部(党小组)31个。", "31个", "新建党支部(党小组)"),
])
def test_labels_audit_30_count_after_a_long_bracket(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a bare kind of people at work, a grade or a total, after a figure of its sentence that says what is counted: of that
    ("全镇核编网格员45人，截至今年5月在职41人，今年拟退休4人。", "41人", "在职网格员"),
    ("全镇核编网格员45人，截至今年5月在职41人，今年拟退休4人。", "4人", "拟退休网格员"),
    ("全县取得社工师资格52人，其中中级6人，初级46人。", "6人", "取得中级社工师资格"),
    ("全县取得社工师资格52人，其中中级6人，初级46人。", "46人", "取得初级社工师资格"),
    ("目前改作租赁住房的闲置厂房为9个，合计2400间。", "2400间", "改作租赁住房的闲置厂房合计"),
    # (nothing before it in the sentence to take: left as it is)
    ("截至今年6月在岗72人。", "72人", "在岗"),
    # (whatever time word opens it: 上月底, 明年 as 今年)
    ("全镇核编网格员45人，截至上月底在职41人，明年拟退休4人。", "41人", "在职网格员"),
    ("全镇核编网格员45人，截至上月底在职41人，明年拟退休4人。", "4人", "拟退休网格员"),
])
def test_labels_audit_30_bare_kinds_of_the_sentence(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


@pytest.mark.parametrize("text, as_written, subject", [
    # a list of names at a label's head is one word the limit never cuts: all of them, a few characters over it, not the
    # last ones alone (nor a name cut in half)
    ("第三组的省、某某市、某某县政协委员参与该村“议事坝坝会”12余场次。", "12余场次", "省、某某市、某某县政协委员参与该村“议事坝坝会”"),
    # (a label within the limit as before)
    ("某某市、某某县政协委员参与“议事坝坝会”12余场次。", "12余场次", "某某市、某某县政协委员参与“议事坝坝会”"),
    # people counted in 名 are a figure the label is cut after, as 人 is (never read from inside the number: 25名… of 225名…)
    ("目前，316名小区党员累计开展“红心帮帮团”结对活动274次。", "274次", "小区党员累计开展“红心帮帮团”结对活动"),
    ("800余名机关党员到小区认领志愿岗位950余个。", "950余个", "机关党员到小区认领志愿岗位"),
])
def test_labels_audit_30_names_at_a_labels_head(text, as_written, subject):
    got = {m.as_written: m.subject for m in find_metrics(text)}
    assert got[as_written] == subject


def test_a_traditional_text_gives_the_figures_of_its_simplified_form():
    """A mirror page in traditional characters (戶, 個, 萬, 處, 餘, 項, 場, 臺, 歲): the same figures, units and labels as the
    simplified page, the labels and as-written forms in the page's own script, offsets into the original text."""
    from loaders.extract.script import fold_name

    simplified = ("小区常住人口1820户、5360人，流动人口190人；有3个共建单位和76家沿街商户。安排资金126万元，新建活动室8处，"
                  "惠及居民1200余人，开展活动30余场，解决问题15项，更新电梯6台，60岁以上老人820人。")
    traditional = ("小區常住人口1820戶、5360人，流動人口190人；有3個共建單位和76家沿街商戶。安排資金126萬元，新建活動室8處，"
                   "惠及居民1200餘人，開展活動30餘場，解決問題15項，更新電梯6臺，60歲以上老人820人。")
    assert len(traditional) == len(simplified)
    want = [(m.start, m.end, m.value, m.unit, m.subject) for m in extract_text(simplified, "s.txt").metrics]
    got = extract_text(traditional, "t.txt").metrics
    assert [(m.start, m.end, m.value, m.unit, fold_name(m.subject or "") or None) for m in got] == want
    assert len(want) == 12      # (60岁以上老人: an age band naming a group, no figure)
    for m in got:
        assert traditional[m.start:m.end] == m.as_written
        assert m.subject is None or m.subject in traditional


def test_a_count_of_the_set_the_place_is_one_of_is_labelled_by_the_set_within_its_scope():
    """Audit 31 (a community's page showing ``2家 2家`` and ``…试点之一 5个``): the count of the set the place is one of,
    its scope written before it, is the wider unit's count of its peers — labelled by the set within that scope."""
    labels = {m.as_written: m.subject for m in find_metrics(
        "某社区被确定为全省6个省级绿色社区试点之一，建成服务站1个。某社区被团市委确定为青年之家建设试点单位(全市仅3家)。")}
    assert labels["6个"] == "全省省级绿色社区试点"
    assert labels["3家"] == "全市青年之家建设试点单位"
    assert labels["1个"] == "建成服务站"
    # a count with no set the place is one of keeps its own label
    assert {m.as_written: m.subject for m in find_metrics("全市10个社区完成换届。")}["10个"] != "全市社区"


@pytest.mark.parametrize("text,written,label", [
    # audit 31: a conjunction opening the label (而…), a 的 left by the cut at the figure before, the watchword after a verb of
    # aim taken for what is counted
    ("座椅增加至60个，而广场晨练居民达300余人。", "300余人", "广场晨练居民"),
    ("座谈中得知，有的网格员月补贴不足1500元。", "1500元", "网格员月补贴"),
    ("某县人大9个乡镇代表联络站紧扣“代表为民、监督有力”主线，常态开展接待。", "9个", "乡镇代表联络站"),
    # a one-character noun ended by the next figure (audit 31: 乡镇 of the figure before)
    ("安置群众覆盖某乡、某镇等9个乡镇86个村1200户4000人。", "86个", "村"),
    # units counted, then the quoted way they took (audit 31: those that took it, not every such unit)
    ("甲、乙、丙3个社区为“全民直接选举”方式，丁、戊2个社区为“户代表选举”方式。", "3个", "全民直接选举的社区"),
    # a change of value to (改为, 变为): the label ends before it, whole (audit 31: …停放费用改)
    ("业主大会决定，电梯维护费用改为30元/户。", "30元/户", "电梯维护费用"),
    # a figure a space parts from the next words ends its line (a headline's: audit 31), labelled by what stands before it
    ("某街道调解中心化解信访积案300余件 街巷整洁、秩序井然。", "300余件", "某街道调解中心化解信访积案"),
    # 按就近 opens what is done with those counted, 一共 is how many in all (audit 31: 队员按就近原则, …提案一)
    ("社区将20名楼长按就近原则分到各个楼栋。", "20名", "楼长"),
    ("今年我局承办人大建议一共17件。", "17件", "我局承办人大建议"),
    # a value changing between years is the thing before 从 in each year, never the verb of the change (audit 31)
    ("产业兴旺，商住小区从2017年的70个猛增至2024年的150个。", "70个", "2017年商住小区"),
    ("产业兴旺，商住小区从2017年的70个猛增至2024年的150个。", "150个", "2024年商住小区"),
])
def test_a_label_opens_with_no_conjunction_nor_de_and_counts_no_watchword(text, written, label):
    assert {m.as_written: m.subject for m in find_metrics(text)}[written] == label


def test_a_bound_defining_a_kind_is_its_threshold_and_a_change_to_a_year_is_reported():
    """Audit 31 (惠州市's ``大型社区达 4000户`` shown planned): in ``从2017年的12个增至2023年的40个，其中超2000人的大型小区达6个``
    the rise to a year is reported, not planned; 2000人 bounds the kind the next figure counts."""
    text = "某县新闻\n某县安置小区从2017年的12个增至2023年的40个，其中超2000人的大型小区达6个。\n"
    got = {m.as_written: (m.subject, m.status) for m in extract_text(text, "t.txt").metrics}
    assert got["2000人"] == ("大型小区的人数门槛", "done")
    assert got["6个"] == ("超2000人的大型小区", "done")
    assert got["40个"][1] == "done"
    assert _status("某区新闻\n某区力争到2026年小区增至200个。\n", "200个") == "planned"


def test_units_a_central_body_sets_up_in_its_clause_are_a_national_count():
    """Audit 31 (a county's cell quantified by the ministry's nationwide pilots): 民政部…设立了26个“全国…实验区” counts units
    set up nationwide — a national statistic, no figure of the place; a place's own figure after the ministry names it
    in another clause stays."""
    assert find_metrics("上世纪90年代，民政部首先选择在甲、乙等城市设立了20个“全国社区建设实验区”，随后各地掀起热潮。") == []
    assert [m.as_written for m in find_metrics("民政部确定某市为试点，某市建成社区服务站100个。")] == ["100个"]


def test_a_time_of_day_and_a_number_whose_unit_is_on_the_next_line_are_no_figures():
    """Audit 31 (``30分 30分`` and ``44名`` on place pages): the minutes of 7时30分 or 14:27:18 分享 are no score, and 14:44
    then 名称 on the next line counts no people; a score and a spaced unit on one line stay."""
    assert find_metrics("10月26日7时30分，社区网格员开始巡护。作者：某某 2022-09-23 14:27:18 分享：") == []
    assert find_metrics("发布日期: 2023-11-21 14:44\n名称: 关于某某建议答复的函") == []
    assert [m.as_written for m in find_metrics("考核得分95分，新增资金 3500 余万元。")] == ["95分", "3500 余万元"]


def test_a_part_in_a_bracket_named_by_a_word_qualifying_the_totals_noun_is_that_part():
    """Audit 31 (a province's ``备案 59262家``): in a bracket after a total whose noun a word qualifies, a part labelled by that
    word alone is that part of the noun; parts with names of their own keep them."""
    labels = {m.as_written: m.subject for m in find_metrics("全市注册认证的志愿团队共有420支(注册300支、认证120支)。")}
    assert labels["300支"] == "注册的志愿团队" and labels["120支"] == "认证的志愿团队"
    labels = {m.as_written: m.subject for m in find_metrics("全县共有社会组织600家(社会团体250家、民办非企业单位350家)。")}
    assert labels["250家"] == "社会团体"


def test_the_count_of_one_part_named_alone_is_labelled_with_the_part():
    """Audit 31 (a city's ``老旧小区 30多个`` of one street): ``仅某街道就有N个…`` counts that part, not the place."""
    labels = {m.as_written: m.subject for m in find_metrics("全县有零散楼院80多处，其中仅东关镇就有40余处零散楼院。")}
    assert labels["40余处"] == "东关镇零散楼院"
