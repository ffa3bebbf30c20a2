"""The student edition shows none of the kit's answers to the coding round.

The check here is deliberately cruder than the one the builder uses: around every mention of a
round item (its id, its span or its question) in the student notebook 05 and in its handout, it
looks at the surrounding text (a window of characters, across cells and table rows) and fails if the
kit's code for that item is there. Lists of allowed codes (the form, "yes/no") are taken out first,
and so is section 2, the codebook, which coders are meant to read. (Its example for `outlet_relay`,
"according to the Washington Post", is item sp04's own span: a hint notebook 05 may want to change.)
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import make_student_edition as mse  # noqa: E402
import notebook_sections as ns  # noqa: E402

WINDOW = 200


@pytest.fixture(scope="module")
def items():
    return ns.round_items()


@pytest.fixture(scope="module")
def edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("student")
    mse.build(["05", "03"], out, quiet=True)
    return out


def _plain(text: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).replace("\u2011", "-")


def _notebook_text(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        parts.extend(t for t, _ in ns.cell_texts(cell))
    return _plain("\n".join(parts))


def _without_codebook(text: str) -> str:
    a, b = text.find("2. The codes"), text.find("3. Code the sample")
    assert 0 <= a < b, "notebook 05 should have sections '2. The codes' and '3. Code the sample'"
    return text[:a] + text[b:]


def _leaks(text: str, items) -> list[str]:
    found = []
    text = _without_codebook(text)
    for generic in ("yes/no", "`yes` or `no`", "yes or no"):
        text = text.replace(generic, " ")
    for it in items:
        cleaned = text
        for sep in (" | ", ", "):
            cleaned = cleaned.replace(sep.join(it.allowed), " ")
        code = re.compile(rf"(?<![\w-]){re.escape(it.code)}(?![\w-])")
        if code.search(it.own_words):
            continue  # the item's own words contain the code word ("spokesperson Lin Jian said")
        for ref in it.refs:
            pattern = rf"(?<![\w-]){re.escape(ref)}(?![\w-])" if ref == it.item_id else re.escape(ref)
            for m in re.finditer(pattern, cleaned):
                window = cleaned[max(0, m.start() - WINDOW) : m.end() + WINDOW]
                window = re.sub(rf"\| `{re.escape(it.code)}` \|", " ", window)  # a codebook definition row
                if code.search(window):
                    found.append(f"{it.item_id} ({it.code}) near {window[:120]!r}")
                    break
    return found


def test_the_teacher_copy_of_05_shows_the_kits_answers(items):
    """Without the edition the check fails: notebook 05 as stored prints the kit's codes."""
    assert len(_leaks(_notebook_text(ns.NOTEBOOKS / "05-code-it-yourself.ipynb"), items)) >= 5


def test_student_notebook_05_has_no_kit_answer(edition, items):
    leaks = _leaks(_notebook_text(edition / "notebooks" / "05-code-it-yourself.ipynb"), items)
    assert not leaks, "\n".join(leaks)


def test_student_handout_05_has_no_kit_answer(edition, items):
    leaks = _leaks(_plain((edition / "handouts" / "05-code-it-yourself.html").read_text(encoding="utf-8")), items)
    assert not leaks, "\n".join(leaks)


def test_student_05_still_has_every_item_to_code(edition, items):
    text = _plain((edition / "handouts" / "05-code-it-yourself.html").read_text(encoding="utf-8"))
    missing = [it.item_id for it in items if not any(r in text for r in it.refs)]
    assert not missing


def test_run_all_cannot_bring_the_answers_back(edition):
    nb = nbformat.read(edition / "notebooks" / "05-code-it-yourself.ipynb", as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    for call in ("show_disagreements(examples", "most_disagreed(examples", "kit_codings("):
        assert call not in code, f"a code cell still calls {call}"


def test_a_cell_tagged_kit_answer_is_left_out(items):
    nb = nbformat.v4.new_notebook()
    secret = nbformat.v4.new_markdown_cell("The kit's answer: the speaker is a negotiator.")
    secret.metadata["tags"] = [mse.ANSWER_TAG]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), secret]
    out = mse.student_notebook(nb, "04", items)
    assert "negotiator" not in "\n".join(c.source for c in out.cells)
    assert out.cells[1].source == mse.REMOVED_NOTE


def test_a_cell_tagged_kit_teacher_is_left_out(items):
    nb = nbformat.v4.new_notebook()
    note = nbformat.v4.new_markdown_cell("> Teacher note: hand out a clean copy.")
    note.metadata["tags"] = [mse.TEACHER_TAG]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), note, nbformat.v4.new_markdown_cell("Text.")]
    out = mse.student_notebook(nb, "05", items)
    assert [c.source for c in out.cells] == ["# Title", "Text."]


def test_sections_showing_round_answers_carry_a_warning_in_03(edition):
    nb = nbformat.read(edition / "notebooks" / "03-positions-by-side.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert text.count(mse.ROUND_WARNING) == 4  # §2, §3, §4 and §7


def test_the_edition_folder_is_ignored_by_git():
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8").split()
    assert "/student-edition/" in ignored


def test_before_the_round_03_shows_no_stance_code(tmp_path, items):
    mse.build(["03"], tmp_path, quiet=True, before_round=True)
    student = tmp_path / "notebooks" / "03-positions-by-side.ipynb"
    assert ns.leaks_by_section(ns.NOTEBOOKS / "03-positions-by-side.ipynb", items), "03 should show stance codes"
    assert not ns.leaks_by_section(student, items)
    nb = nbformat.read(student, as_version=4)
    assert sum(c.source == mse.BEFORE_ROUND_CODE for c in nb.cells) >= 8
    assert any("voice_summary" in c.source for c in nb.cells)  # section 1 is kept


def test_the_teacher_note_of_05_is_not_in_the_student_edition(edition):
    kit = nbformat.read(ns.NOTEBOOKS / "05-code-it-yourself.ipynb", as_version=4)
    assert any("Teacher note" in c.source for c in kit.cells), "the kit's own 05 should keep its teacher note"
    student = nbformat.read(edition / "notebooks" / "05-code-it-yourself.ipynb", as_version=4)
    assert not any("Teacher note" in c.source for c in student.cells)


def test_a_stance_only_edition_asks_for_the_stance_items_only(items):
    kit = nbformat.read(ns.NOTEBOOKS / "05-code-it-yourself.ipynb", as_version=4)
    out = mse.student_notebook(kit, "05", items, task="stance")
    forms = [c for c in out.cells if c.cell_type == "code" and "coding_form" in c.source]
    assert forms and all('task="stance"' in c.source for c in forms)
    assert all(not c.outputs for c in forms)
    with pytest.raises(ValueError, match="unknown task"):
        mse.student_notebook(kit, "05", items, task="stances")


def test_before_the_round_01_shows_no_speaker_type(tmp_path, items):
    """Notebook 01 prints each speaker's type: the speaker-type answers of the round."""
    assert ns.leaks_by_section(ns.NOTEBOOKS / "01-who-speaks.ipynb", items).get("3"), "01 §3 shows speaker types"
    mse.build(["01"], tmp_path, quiet=True, before_round=True)
    assert not ns.leaks_by_section(tmp_path / "notebooks" / "01-who-speaks.ipynb", items)


@pytest.mark.parametrize("tool", ["make_student_edition", "make_handouts"])
def test_help_prints_the_usage_and_writes_nothing(tool, tmp_path, capsys):
    module = __import__(tool)
    out = tmp_path / "out"
    assert module.main(["--help", "--out", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"usage: python tools/{tool}.py") and not out.exists()
    assert module.main(["--bogus", "--out", str(out)]) == 2 and not out.exists()
