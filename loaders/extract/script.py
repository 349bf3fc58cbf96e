"""Traditional and simplified characters: rules match on one script, records keep the document's own.

Many mirror and repost pages serve community-governance texts in traditional characters (區, 會, 黨).
The extraction rules, the gazetteer and the taxonomy are written in simplified characters, so the
pipeline runs every step over a *scan text*: the document folded to simplified characters one
character for one character (OpenCC's ``TSCharacters`` table, first candidate). Because the fold never
changes the length, every offset found in the scan text is an offset into the original text.

After the steps, :func:`restore_script` puts the document's own script back into the strings a record
copies out of the text (as-written forms, titles, model names, summaries) and into the names it composes
(places under their parents, agencies with their place's name, owners, the subject place: 東興市,
仙桃市婦聯), character for character as the document writes each one; the practices of the taxonomy stay
as the taxonomy spells them. Simplified documents pass through untouched. The graph keys every name by its
simplified form (``graph.model.name_key``), so a mirror page and the original name the same nodes.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from loaders.extract.text_utils import code_units

if TYPE_CHECKING:
    from loaders.record import ExtractionRecord

__all__ = ["fold_name", "fold_script", "restore_script"]


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional → simplified, single characters only (length-preserving), from OpenCC's data."""
    path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        first = values.split(" ", 1)[0]
        if len(key) == 1 and len(first) == 1 and key != first:
            table[ord(key)] = first
    # corner quotes, the traditional texts' quotation marks (「三零」, 『…』 inside): the marks the rules read
    table.update({ord("「"): "“", ord("」"): "”", ord("『"): "‘", ord("』"): "’"})
    return table


@lru_cache(maxsize=1)
def _fold_array():
    """The fold as an array over code points (index → code point), identity outside the table."""
    import numpy as np

    table = _table()
    size = max(table, default=0) + 1
    fold = np.arange(size + 1, dtype=np.uint32)
    for key, value in table.items():
        fold[key] = ord(value)
    return fold, size


@lru_cache(maxsize=1)
def _bmp_keys():
    """True at each code point of the Basic Multilingual Plane that the fold changes."""
    import numpy as np

    keys = np.zeros(0x10000, dtype=bool)
    for key in _table():
        if key < 0xFFFF:
            keys[key] = True
    return keys


def fold_script(text: str) -> str:
    """``text`` with traditional characters replaced by simplified ones; same length, same offsets.

    The same as ``text.translate(_table())``, done over the code points as an array (a tenth of the
    time); a text with nothing to fold is returned as it is, found so in a 64 KB table over the code
    points the extraction steps read anyway (``code_units``)."""
    import numpy as np

    units, wide = code_units(text)
    if not wide and not _bmp_keys().take(units).any():
        return text
    fold, size = _fold_array()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    clipped = np.minimum(codes, size)  # code points past the table all index its last (identity) slot
    folded = fold[clipped]
    changed = folded != clipped
    if not changed.any():
        return text
    return np.where(changed, folded, codes).astype(np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


@lru_cache(maxsize=1)
def _folded_chars() -> frozenset[str]:
    """The characters the fold changes."""
    return frozenset(map(chr, _table()))


def fold_name(name: str) -> str:
    """A name or key folded to simplified characters (``str.translate``: no array set-up for a short
    string), so 《湖北省志愿服務條例》 and 《湖北省志愿服务条例》 are one policy in the graph. A string with
    nothing to fold (most) is returned as it is, found so by a set test (a sentence of 200 characters: ~20 µs,
    the translation ~150 µs)."""
    if name.isascii() or _folded_chars().isdisjoint(name):
        return name
    return name.translate(_table())


_MAX_RESPACED = 200


def _respaced(value: str, scan: str, original: str) -> str:
    """``value`` copied from ``scan`` with whitespace dropped or collapsed (a squeezed title): find it
    with any whitespace between its characters and take the original's characters at the same places."""
    if len(value) > _MAX_RESPACED:
        return value
    chars = [c for c in value if not c.isspace()]
    if not chars:
        return value
    found = re.search(r"\s*".join(map(re.escape, chars)), scan)
    if found is None:
        return value
    out = []
    for ch in original[found.start():found.end()]:
        if ch.isspace():
            continue
        out.append(ch)
    # put back the spaces ``value`` kept, character for character
    restored, k = [], 0
    for ch in value:
        if ch.isspace():
            restored.append(ch)
        else:
            restored.append(out[k])
            k += 1
    return "".join(restored)


def _restorer(scan: str, original: str):
    def restore(value: str | None, near: int | None = None) -> str | None:
        """The original-script form of ``value`` where it is copied from the scan text."""
        if not value:
            return value
        pos = -1
        if near is not None:
            pos = scan.find(value, max(0, near - len(value)))
        if pos < 0:
            pos = scan.find(value)
        if pos >= 0:
            return original[pos:pos + len(value)]
        return _respaced(value, scan, original)

    return restore


def restore_script(record: ExtractionRecord, scan: str) -> None:
    """Give ``record`` (extracted from ``scan``) the script of ``record.text``, in place.

    Spans are unchanged (the fold preserves length); text copied out of the document is re-read from
    the original at the same place; canonical names stay as the gazetteer and taxonomy spell them.
    """
    original = record.text
    if scan == original:
        return
    restore = _restorer(scan, original)
    doc = record.document
    for key in ("title", "session", "doc_number", "proposal_number", "addressee", "signatory"):
        setattr(doc, key, restore(getattr(doc, key)))
    for ent in (*record.places, *record.agencies, *record.policies, *record.named_models):
        for m in ent.mentions:
            if m.as_written is not None:
                m.as_written = original[m.start:m.end]
    for pol in record.policies:
        near = pol.mentions[0].start if pol.mentions else None
        pol.title = restore(pol.title, near) or pol.title
        pol.doc_number = restore(pol.doc_number, near)
    renamed: dict[str, str] = {}
    for nm in record.named_models:
        near = nm.mentions[0].start if nm.mentions else None
        renamed[nm.name] = nm.name = restore(nm.name, near) or nm.name
        nm.components = [restore(c, near) or c for c in nm.components]
        nm.definition = restore(nm.definition, near)
    for ms in record.measures:
        ms.summary = restore(ms.summary, ms.span.start) or ms.summary
        ms.named_models = [renamed.get(n, n) for n in ms.named_models]
    for lr in record.learning:
        lr.what = restore(lr.what, lr.span.start if lr.span else None)
    for mt in record.metrics:
        mt.as_written = original[mt.start:mt.end]
        mt.subject = restore(mt.subject, mt.start)
    for person in record.people:
        person.name = restore(person.name) or person.name
    # the names the record composes (a place under its parent, an agency with its place's name:
    # 仙桃市婦聯 from 市婦聯) in the document's script, each character as the document writes it
    to_doc = _script_of(scan, original)
    if not to_doc:
        return

    def name(value: str | None) -> str | None:
        return value.translate(to_doc) if value else value

    doc.issuer, doc.subject_place, doc.province = name(doc.issuer), name(doc.subject_place), name(doc.province)
    for place in record.places:
        place.name, place.parent = name(place.name) or place.name, name(place.parent)
    for agency in record.agencies:
        agency.name, agency.place = name(agency.name) or agency.name, name(agency.place)
    for pol in record.policies:
        pol.issuer = name(pol.issuer)
    for nm in record.named_models:
        nm.owner = name(nm.owner)
    for ms in record.measures:
        ms.place, ms.agencies = name(ms.place), [name(a) or a for a in ms.agencies]
    for lr in record.learning:
        lr.learner, lr.source = name(lr.learner) or lr.learner, name(lr.source) or lr.source
    for mt in record.metrics:
        mt.place = name(mt.place)


def _script_of(scan: str, original: str) -> dict[int, str]:
    """simplified → the document's own character, for each Chinese character the document writes in
    another script more often than as the simplified one (a simplified page quoting one traditional
    title keeps its simplified names)."""
    pairs = Counter((s, o) for s, o in zip(scan, original) if s != o and "\u4e00" <= s <= "\u9fff")
    if not pairs:
        return {}
    best: dict[str, tuple[str, int]] = {}
    for (s, o), n in pairs.most_common():
        best.setdefault(s, (o, n))
    kept = Counter(c for c in original if c in best)
    return {ord(s): o for s, (o, n) in best.items() if n > kept[s]}
