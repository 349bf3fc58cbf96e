"""The learning links the extraction finds reach the explorer's ``learning_network``, each with the sentence it cites."""
from __future__ import annotations

from loaders.extract.pipeline import extract_text
from queries import registry
from tests.support.stores import loaded_alone

TEXT = ("襄阳市民政局关于市政协第5号提案的答复\n\n尊敬的张委员：\n您提出的提案收悉，现答复如下：\n"
        "一是我市从浙江省宁波市海曙区引进“81890”服务模式。\n"
        "二是在江苏省太仓市，考察组参观了两个社区，听取了政社互动情况介绍。\n"
        "三是先后接待了十堰市等地考察团来我市参观学习。\n")


def test_new_learning_links_are_shown_with_their_sentence():

    rec = extract_text(TEXT, "t.txt")
    store = loaded_alone([rec])
    rows = [r for r in registry.run(store, "learning_network", {}) if r["section"] == "learned_from"]
    by_pair = {(r["learner"], r["source"]): r for r in rows}
    cited = {("襄阳市", "宁波市海曙区"): "从浙江省宁波市海曙区引进“81890”服务模式",
             ("襄阳市", "太仓市"): "考察组参观了两个社区",
             ("十堰市", "襄阳市"): "接待了十堰市等地考察团来我市参观学习"}
    assert set(by_pair) == set(cited)
    for pair, words in cited.items():
        row = by_pair[pair]
        assert row["doc_id"] == rec.doc_id and words in row["quote"], (pair, row["quote"])
        assert TEXT[row["start"]:row["end"]] in row["quote"]
