"""Entity resolution rules: canonical names for places, agencies and policy titles, and the
gazetteer lookup that gives places a stable 6-digit adcode where the extraction did not (the one
gazetteer is the extraction's, :func:`loaders.extract.gazetteer.load_gazetteer`).

Rules describe how Chinese official names are written, not particular documents:
a bare province/city name lacks its suffix (上海 = 上海市), party committees carry an optional
``中共`` prefix, ``人民政府`` is often shortened to ``政府``, and a policy title often starts with its
issuer before ``关于``.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from graph.model import name_key, norm
from loaders.reference import load_gazetteer

__all__ = [
    "LEVEL_BY_SUFFIX",
    "canonical_agency_name",
    "canonical_place_name",
    "guess_level",
    "official_place_name",
    "place_code",
    "same_policy_title",
    "split_policy_title",
]

PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "社区", "省", "市", "区",
                  "县", "州", "盟", "旗", "镇", "乡", "村")

LEVEL_BY_SUFFIX: tuple[tuple[str, str], ...] = (
    ("特别行政区", "province"), ("自治区", "province"), ("自治州", "city"), ("自治县", "county"),
    ("自治旗", "county"), ("街道", "street"), ("社区", "community"), ("省", "province"), ("盟", "city"),
    ("旗", "county"), ("州", "city"), ("区", "district"), ("县", "county"), ("镇", "street"),
    ("乡", "street"), ("村", "community"),
)


def guess_level(name: str) -> str:
    """Administrative level from how the name ends (市 is ambiguous: returns ``city``)."""
    for suffix, level in LEVEL_BY_SUFFIX:
        if name.endswith(suffix):
            return level
    return "city" if name.endswith("市") else "other"


def place_code(name: str, parent_code: str | None = None) -> str | None:
    """The adcode of ``name`` (tried as written, then with 市/省 added), or None when the name
    is unknown or ambiguous and the parent's code does not decide it."""
    by_name = load_gazetteer().by_name
    name = name_key(name)  # the gazetteer's own script
    for candidate in (name, name + "市", name + "省"):
        codes = by_name.get(candidate)
        if not codes:
            continue
        if parent_code:
            prefix = parent_code[:2] if parent_code.endswith("0000") else parent_code[:4]
            codes = [c for c in codes if c.startswith(prefix) and c != parent_code]
        return codes[0] if len(codes) == 1 else None
    return None


def canonical_place_name(name: str) -> str:
    """A bare name completed with its suffix where the gazetteer knows exactly one: 上海 → 上海市."""
    name = norm(name)
    by_name = load_gazetteer().by_name
    if name in by_name or name.endswith(PLACE_SUFFIXES):
        return name
    for suffix in ("市", "省"):
        if name + suffix in by_name:
            return name + suffix
    return name


def official_place_name(name: str, adcode: str | None) -> str:
    """The name a place with an administrative code is shown by: the gazetteer's, in its simplified
    script, when it is the same name as ``name`` written in either script (嶽陽市嶽陽縣 → 岳阳市岳阳县,
    so one place has one name whichever document was loaded last, and a search for 岳阳 finds it);
    ``name`` itself otherwise (a place the gazetteer names differently, or one with no code)."""
    gaz = load_gazetteer()
    if not adcode or adcode not in gaz.by_code:
        return name
    official = gaz.full_name(adcode)
    return official if name_key(official) == name_key(name) else name


_AGENCY_PREFIX = re.compile(r"^中国共产党|^中共")


_ORGAN = re.compile(r"^(委|政府|政协|人大)|(局|委|厅|办|部|办公室|中心|政府)$")


def canonical_agency_name(name: str) -> str:
    """中共濮阳市委组织部 → 濮阳市委组织部; 濮阳市人民政府 → 濮阳市政府; 上海民政局 → 上海市民政局."""
    name = norm(name)
    name = _AGENCY_PREFIX.sub("", name)
    name = name.replace("人民政府", "政府")
    by_name = load_gazetteer().by_name
    # a bare place prefix (上海民政局): complete it when the gazetteer knows the completed name and
    # the rest reads as an organ (委/政府/…局), so 中山大学 is not taken for 中山市
    for cut in range(min(len(name) - 1, 4), 1, -1):
        head, rest = name[:cut], name[cut:]
        if head in by_name or rest.startswith(("市", "省")) or not _ORGAN.search(rest):
            continue
        for suffix in ("市", "省"):
            if head + suffix in by_name:
                return head + suffix + rest
    return name


_ISSUER_BEFORE_ABOUT = re.compile(r"^(?P<issuer>[^关]{2,40}?(?:部|委|院|厅|局|办|府|会|室|组|办公厅|中央))关于(?P<rest>.+)$")


def split_policy_title(title: str) -> tuple[str, str | None]:
    """(title, issuer written in front of 关于 or None): 国务院办公厅关于… → (关于…, 国务院办公厅).
    Several issuers joined by spaces/、 (中共中央 国务院关于…) are kept together as written. The title
    is shown as the text writes it, without 《》: its quotation marks and spaces stay
    (《“三方联动”机制四项制度细则》 → “三方联动”机制四项制度细则, as the annotations write it); the
    key (:func:`graph.model.policy_id`) is normalised."""
    raw = title.strip().strip("《》").strip()
    m = _ISSUER_BEFORE_ABOUT.match(raw)
    if not m:
        return raw, None
    issuer = re.sub(r"\s+", "、", unicodedata.normalize("NFKC", m.group("issuer")).strip())
    return "关于" + m.group("rest"), issuer


def same_policy_title(a: str, b: str, threshold: float = 95.0) -> bool:
    """Two titles that differ only by spacing, quotation marks or a character or two of punctuation/typos."""
    a, b = norm(a), norm(b)
    return a == b or fuzz.ratio(a, b) >= threshold
