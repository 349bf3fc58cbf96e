"""The full-text field the Cypher stores keep on each Document and searchable entity, and the backend
queries that narrow a search to the items that can match.

The search's meaning is defined in ``queries/fulltext.py``: an item matches a term when the term occurs
in its folded text (:func:`fold`) as a substring. Neither backend's own analyzer gives that for
Chinese text as it is (FalkorDB's RediSearch splits on punctuation only; Neo4j's ``cjk`` analyzer
keeps only the bigrams of a run of two or more Chinese characters, and Latin words whole), so the
stores index a pre-segmented field instead: :func:`grams`, every distinct unigram and bigram of each
run of Chinese characters, Latin letters and digits of the folded text, separated by spaces (on a
Document its title and text; on an entity of ``ENTITY_FIELDS`` its searchable text,
:func:`entity_grams` of the node's final properties, set by each load batch that touches it). A term's runs are substrings of the text's runs, so an item holding the term holds
every gram of :func:`term_grams`: the items holding all the grams of at least one term are a
superset of the items that match, and the search then checks and ranks only those (the same hits,
in the same order, as scanning every item).

Both query languages are written from grams only, and a gram is made of word characters (Chinese,
``a-z``, ``0-9``) that neither query syntax gives a meaning to, so no text of the user's reaches a
query string except as such grams.
"""
from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["ENTITY_FIELDS", "FORMAT", "FULL_WIDTH", "LUCENE_STOP_WORDS", "entity_grams", "entity_text", "falkordb_query",
           "fold", "fold_free", "grams", "lucene_query", "searchable_text", "term_grams"]

#: the format of :func:`grams`, recorded in a graph whose every Document and searchable entity was
#: written with it (2: documents only; 3: documents and the entities of ``ENTITY_FIELDS``)
FORMAT = 3

#: the searchable entities: label -> (name property, definition property, items property); their
#: searchable text is :func:`entity_text`
ENTITY_FIELDS: dict[str, tuple[str, str | None, str | None]] = {
    "NamedModel": ("name", "definition", "components"),
    "Measure": ("summary", None, "practices"),
    "Policy": ("title", "issuer", None),
    "Agency": ("name", None, None),
    "Place": ("name", None, "aliases"),
    "Practice": ("name", None, None),
}

FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
FULL_WIDTH[0x3000] = 0x20

_RUN = re.compile(r"[0-9a-z\u3400-\u9fff\uf900-\ufaff]+")


def fold(text: str) -> str:
    """The form both sides of a comparison take: full-width Latin/digits to half-width, lower case.

    Length-preserving (one character in, one out), so positions found in the folded text are
    positions in the original.
    """
    folded = text.translate(FULL_WIDTH).lower()
    return folded if len(folded) == len(text) else text.translate(FULL_WIDTH)


def _run_grams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]


# the full-width characters that fold into a run's characters (digits and letters)
_FULL_WIDTH_WORD = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")


def _folded_runs(text: str) -> list[str]:
    """The runs of :func:`fold` (``text``), each once, in order: where ``text`` holds no full-width digit or
    letter, without the translation (the other full-width characters it maps fold into punctuation and
    spaces, which no run holds, so the runs are the same; a quarter of the time of a document's grams)."""
    if _FULL_WIDTH_WORD.search(text) is None:
        folded = text.lower()
        return list(dict.fromkeys(_RUN.findall(folded if len(folded) == len(text) else text)))
    return list(dict.fromkeys(_RUN.findall(fold(text))))


def grams(text: str) -> str:
    """Distinct unigrams and bigrams of every run of Chinese characters, letters and digits of the
    folded ``text``, space-separated (the indexed field)."""
    # each run's characters, then its bigrams (in C), all into one dict: a third less time than a dict
    # update per run and kind (the order, first occurrence, is the same; a run written twice adds nothing)
    return " ".join(dict.fromkeys(itertools.chain.from_iterable(
        [itertools.chain(run, map(operator.add, run, run[1:])) for run in _folded_runs(text)])))


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def searchable_text(name: Any, definition: Any, items: Any) -> str:
    """An entity's searchable text from its name, definition and items (a list, one value or None):
    the non-empty ones, one per line (what ``queries/search.cypher`` assembles as ``text``)."""
    parts = [name, definition, *(str(i) for i in _items(items))]
    return "\n".join(p for p in parts if p)


def entity_text(props: Mapping[str, Any], kind: str) -> str:
    """:func:`searchable_text` of an entity of label ``kind`` from its properties (``ENTITY_FIELDS``)."""
    name, definition, items = ENTITY_FIELDS[kind]
    return searchable_text(props.get(name), props.get(definition) if definition else None,
                           props.get(items) if items else None)


def entity_grams(name: Any, definition: Any, items: Any, key: str) -> str:
    """The full-text field of an entity: :func:`grams` of its searchable text and of what its name is
    matched as (the search matches an entity without a name by its id). Cached by that text: a load
    computes it for the same entities again and again (86,437 times for 48,090 distinct texts over
    1,000 generated documents)."""
    text = searchable_text(name, definition, items)
    return _short_grams(text if name else text + "\n" + key)


_short_grams = functools.lru_cache(maxsize=1 << 16)(grams)


def term_grams(term: str) -> list[str]:
    """The grams every text holding ``term`` (already folded) holds: the bigrams of each of its runs,
    the character of a run of one. Empty when the term has no run (only punctuation, say): such a
    term cannot narrow the search."""
    out: dict[str, None] = {}
    for run in _RUN.findall(term):
        out.update(dict.fromkeys(_run_grams(run)))
    return list(out)


def _groups(terms: Sequence[str]) -> list[list[str]] | None:
    groups = [term_grams(t) for t in terms]
    return None if not groups or not all(groups) else groups


def falkordb_query(terms: Sequence[str]) -> str | None:
    """The RediSearch query (FalkorDB's ``db.idx.fulltext.queryNodes``) for documents holding every gram
    of at least one of ``terms``; None when some term has no gram (no narrowing is possible)."""
    groups = _groups(terms)
    if groups is None:
        return None
    return " | ".join("(" + " ".join(g) + ")" for g in groups)


#: English stop words Lucene's ``CJKAnalyzer`` (Neo4j's ``cjk``) may drop, as far as a gram (one or
#: two characters) can be one: its default stop set and the English one, together
LUCENE_STOP_WORDS = frozenset({"a", "an", "as", "at", "be", "by", "if", "in", "is", "it", "no", "of", "on", "or", "s", "t", "to"})

# the grams the cjk analyzer keeps as they are: Chinese ideographs (one gram, a unigram or bigram of
# them) or letters and digits (one word of StandardTokenizer), not stop words
_LUCENE_SAFE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,2}|[0-9a-z]{1,2}")


def _lucene_safe(gram: str) -> bool:
    return bool(_LUCENE_SAFE.fullmatch(gram)) and gram not in LUCENE_STOP_WORDS


def _lucene_grams(group: list[str]) -> list[str]:
    """A term's grams as the cjk analyzer keeps them: an unsafe bigram replaced by its safe characters."""
    out: dict[str, None] = {}
    for gram in group:
        if _lucene_safe(gram):
            out[gram] = None
        elif len(gram) > 1:
            out.update(dict.fromkeys(ch for ch in gram if _lucene_safe(ch)))
    return list(out)


def lucene_query(terms: Sequence[str]) -> str | None:
    """The same query in Lucene's syntax (Neo4j's ``db.index.fulltext.queryNodes`` over the field indexed
    with the ``cjk`` analyzer); None as for :func:`falkordb_query`, or when a term has no gram that
    analyzer is sure to keep. A bigram it could drop or split (an English stop word such as ``is``,
    a Chinese character beside a letter) is replaced by its characters, which the field holds as
    unigrams, and a character it could drop (``a``, a Yijing hexagram symbol) is left out: fewer
    required grams, so still every item holding the term (and the same query on an index with the
    ``whitespace`` analyzer, as a graph created before kept)."""
    groups = _groups(terms)
    if groups is None:
        return None
    kept = [_lucene_grams(group) for group in groups]
    if not all(kept):
        return None
    return " OR ".join("(" + " ".join("+" + gram for gram in g) + ")" for g in kept)


@functools.cache
def _preimages() -> dict[str, tuple[str, ...]]:
    """character -> the other characters of the Basic Multilingual Plane that :func:`fold` turns into it."""
    out: dict[str, list[str]] = {}
    for cp in range(0x10000):
        ch = chr(cp)
        folded = ch.translate(FULL_WIDTH).lower()
        if len(folded) == 1 and folded != ch:
            out.setdefault(folded, []).append(ch)
    return {k: tuple(v) for k, v in out.items()}


def fold_free(terms: Sequence[str]) -> bool:
    """Whether ``terms`` (folded) occur in a text exactly where they occur in its :func:`fold`: no
    character of theirs is what fold makes of another character (Chinese characters, most
    punctuation; not letters, digits or the half-width forms of full-width ones), so a text need not
    be folded to count them — the same counts at the same positions, in Python or in a store. A term
    not in lower case (a query with a character such as ``İ``, which stops fold lowering) is not."""
    preimages = _preimages()
    return all(t == t.lower() and fold(t) == t and not any(ch in preimages for ch in t) for t in terms)
