"""People: proposer, signatory, officials with titles, contacts."""
from __future__ import annotations

import pytest

from loaders.extract.context import Context
from loaders.extract.people import extract_people, find_contacts, find_officials
from loaders.record import DocumentMeta


@pytest.mark.parametrize("text,expected", [
    ("市委副书记、市长陈平在澜湖社区检查指导工作。", ["陈平"]),
    ("省人大常委会党组书记、常务副主任王玲在市委书记孙兵的陪同下调研。", ["王玲", "孙兵"]),
    ("黄守玺副市长参加，王坤副秘书长主持。", ["黄守玺", "王坤"]),
    ("局长左振汉同志部署安排", ["左振汉"]),
    ("成立由分管副局长任组长的工作专班", []),
    ("市委常委会研究部署", []),
])
def test_officials(text, expected):
    assert find_officials(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("（联系人：刘伟胜            电话：6687818）", [("刘伟胜", "contact")]),
    ("经办人姓名 揭志刚 联系电话 8139937", [("揭志刚", "contact")]),
    ("主管领导 黄志敏 联系电话 8139891", [("黄志敏", "official")]),
])
def test_contacts(text, expected):
    assert find_contacts(text) == expected


def test_roles_from_the_document_come_first():
    ctx = Context(text="局长左振汉同志部署。", source="t",
                  document=DocumentMeta(addressee="王娟", addressee_role="委员", signatory="左振汉"))
    extract_people(ctx)
    assert [(p.name, p.role) for p in ctx.people] == [("王娟", "proposer"), ("左振汉", "signatory")]
