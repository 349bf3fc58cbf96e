"""The region a page's credited outlet serves (loaders/extract/outlets.py): invented credits."""
from __future__ import annotations

import pytest

from loaders.extract.gazetteer import load_gazetteer
from loaders.extract.outlets import outlet_region


@pytest.mark.parametrize(("text", "region"), [
    ("某标题\n\n来源：福州日报\n近日，…", "福州市"),
    ("某标题\n\n中国甘肃网12月3日讯（记者 马某）近日，…", "甘肃省"),
    ("某标题\n\n包头日报讯（记者 李某）今年以来，…", "包头市"),
    ("某标题\n\n中新网西宁8月1日电（记者 李某）近年来，…", "西宁市"),
    ("某标题\n\n来源：福建日报\n福州日报讯 近日，…", "福州市"),            # a city's paper and its province's site agree
    ("某标题\n\n来源：富县融媒体中心\n近日，…", "延安市"),                  # a county's outlet stands for its city
    # no region: a national outlet, outlets named for no place (光明 and 江南 are districts' short forms only),
    # credits that disagree, a paper that calls itself 本报
    ("某标题\n\n来源：光明日报\n近日，…", None),
    ("某标题\n\n来源: 江南都市报 | 日期: 2024-01-01\n近日，…", None),
    ("某标题\n\n来源：福建日报\n西宁晚报讯 近日，…", None),
    ("某标题\n\n本报讯（记者 王某）近日，…", None),
])
def test_outlet_region(text, region):
    gaz = load_gazetteer()
    found = outlet_region(text, gaz)
    assert (gaz.full_name(found) if found else None) == region
