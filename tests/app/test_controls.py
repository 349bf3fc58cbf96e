"""Every control of every page, pressed as a user would (AppTest): each radio option, each select box
at its first and last option, multiselects filled, text boxes filled, then every button pressed and
every form submitted, on the bundled corpus. Any exception or error box fails, naming the page and
the control. (Issue 12: the 课程素材 form crashed on every click and no test submitted it.)"""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from app.ui import PAGE_FILES
from tests.app.conftest import open_page

SAMPLE_TEXT = "网格"          # a word every text box of the explorer can take (search, description, title)


def _problems(at: AppTest, where: str) -> list[str]:
    out = [f"{where}: exception {str(e.value)[:300]}" for e in at.exception]
    out += [f"{where}: error box {e.value[:300]}" for e in at.error]
    return out


def _fill(at: AppTest, in_form: bool) -> AppTest:
    """Choose something in every empty multiselect and type into every empty text box — those inside
    a form (``in_form``: their values reach the script only with the form's submission) or outside."""
    for w in [*at.multiselect, *at.text_input, *at.text_area]:
        if bool(getattr(w, "form_id", "")) != in_form or w.value:
            continue
        if w in at.multiselect:
            if w.options:
                w.set_value(list(w.options[:2]))
        else:
            w.input(SAMPLE_TEXT)
    return at


def _buttons(at: AppTest) -> list:
    return list(at.button)


def _press_every_button(at: AppTest, where: str) -> list[str]:
    problems: list[str] = []
    labels = [b.label for b in _buttons(at)]
    for label in labels:
        match = [b for b in _buttons(at) if b.label == label]
        if not match:
            continue
        if getattr(match[0], "form_id", ""):
            _fill(at, in_form=True)             # what the user typed into the form goes with the submission
        match[0].click()
        at.run()
        problems += _problems(at, f"{where} · 按钮「{label}」")
    return problems


def _variants(page: str) -> list[tuple[str, AppTest]]:
    """The page once per radio option, and with each select box at its first and last option."""
    at = open_page(page)
    out = [(f"{page}", at)]
    for i, radio in enumerate(at.radio):
        for option in radio.options[1:]:
            v = open_page(page)
            v.radio[i].set_value(option).run()
            out.append((f"{page} · {radio.label}={option}", v))
    for where, base in list(out):
        for i, box in enumerate(base.selectbox):
            if len(box.options) > 1:
                v = open_page(page)
                for j, radio in enumerate(base.radio):
                    v.radio[j].set_value(radio.value).run()
                if i < len(v.selectbox):
                    v.selectbox[i].select_index(len(v.selectbox[i].options) - 1).run()
                    out.append((f"{where} · {box.label}=最后一项", v))
    return out


@pytest.mark.parametrize("page", list(PAGE_FILES))
def test_every_control_on_every_page(govkg_home, page):
    problems: list[str] = []
    for where, at in _variants(page):
        problems += _problems(at, where)
        filled = _fill(at, in_form=False).run()
        problems += _problems(filled, f"{where} · 填写")
        problems += _press_every_button(filled, where)
    assert not problems, "\n".join(problems)


def test_coursepack_form_builds_a_pack_and_pdf(govkg_home):
    at = open_page("coursepack")
    at.multiselect[0].set_value(["网格化治理"])
    [submit] = [b for b in at.button if b.label == "生成案例"]
    submit.click().run()
    assert not _problems(at, "课程素材"), _problems(at, "课程素材")
    assert any(s.value.startswith("已生成") for s in at.success)
    pdf = [b for b in at.button if "PDF" in b.label]
    assert pdf, "a PDF button after the pack is built"
    pdf[0].click().run()
    assert not _problems(at, "课程素材 PDF"), _problems(at, "课程素材 PDF")
    # a second submission (another practice) replaces the pack without an error
    at.multiselect[0].set_value(["党建引领"])
    [submit] = [b for b in at.button if b.label == "生成案例"]
    submit.click().run()
    assert not _problems(at, "课程素材 again"), _problems(at, "课程素材 again")
