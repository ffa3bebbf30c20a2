"""Every notebook follows the kit's structure (STYLE.md) and has a solutions file.

Opening, in this order: a single ``#`` title; **Questions**; **Objectives**; a **Prerequisites**
table (concept | importance | notes); **Time** with teaching and exercise minutes; ``## About these
sources`` before the first code cell; ``## Setup``. Closing, in this order: ``## Key points``,
``## Discussion questions``, ``## Exercises``, ``## Further reading``.

The app notebooks (names without a number, e.g. ``explore.ipynb``, served with Voilà) are not
lessons: they show controls and results only. They have their own, shorter checks below.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
APPS = sorted(p for p in (REPO / "notebooks").glob("*.ipynb") if p not in NOTEBOOKS)
CLOSING = ["Key points", "Discussion questions", "Exercises", "Further reading"]
_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_TIME = re.compile(r"\*\*Time\*\*:?\s*(\d+)\s*minutes? teaching,\s*(\d+)\s*minutes? exercises", re.IGNORECASE)


def _cells(path):
    return nbformat.read(path, as_version=4).cells


def _headings(cells):
    """(cell index, level, text) of every Markdown heading, code fences ignored."""
    out = []
    for i, c in enumerate(cells):
        if c.cell_type != "markdown":
            continue
        for line in _FENCE.sub("", c.source).splitlines():
            m = re.match(r"^(#{1,6})\s+(.*\S)\s*$", line)
            if m:
                out.append((i, len(m.group(1)), m.group(2)))
    return out


def _first_code(cells):
    return next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))


def _opening_text(cells):
    """The Markdown before the first code cell, in one string."""
    return "\n".join(c.source for c in cells[: _first_code(cells)] if c.cell_type == "markdown")


def test_notebook_00_exists():
    assert any(p.name == "00-start-here.ipynb" for p in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_single_title_first(path):
    cells = _cells(path)
    assert cells[0].cell_type == "markdown" and cells[0].source.lstrip().startswith("# "), (
        "the first cell must open with a '# ' title"
    )
    titles = [h for h in _headings(cells) if h[1] == 1]
    assert len(titles) == 1, f"exactly one '#' title expected, found {[t[2] for t in titles]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_opening_blocks_in_order(path):
    text = _opening_text(_cells(path))
    marks = ["**Questions**", "**Objectives**", "**Prerequisites**", "**Time**"]
    pos = [text.find(m) for m in marks]
    missing = [m for m, p in zip(marks, pos) if p < 0]
    assert not missing, f"missing before the first code cell: {missing}"
    assert pos == sorted(pos), f"opening blocks out of order: {marks}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_prerequisites_table(path):
    text = _opening_text(_cells(path))
    after = text[text.find("**Prerequisites**") :]
    header = re.search(r"^\|\s*concept\s*\|\s*importance\s*\|\s*notes\s*\|\s*$", after, re.MULTILINE | re.IGNORECASE)
    assert header, "the Prerequisites table needs the header | concept | importance | notes |"
    rows = [ln for ln in after[header.end() :].splitlines() if ln.startswith("|")]
    assert len(rows) >= 2, "the Prerequisites table needs at least one row under its separator"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_time_block(path):
    m = _TIME.search(_opening_text(_cells(path)))
    assert m, "write the time as '**Time**: N minutes teaching, N minutes exercises.'"
    assert int(m.group(1)) > 0 and int(m.group(2)) > 0


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_about_sources_and_setup(path):
    cells = _cells(path)
    heads = {text: i for i, level, text in _headings(cells) if level == 2}
    assert "About these sources" in heads, "a '## About these sources' section is needed"
    assert heads["About these sources"] < _first_code(cells), "'## About these sources' must come before any code"
    assert "Setup" in heads, "a '## Setup' section is needed"
    assert heads["About these sources"] < heads["Setup"]
    setup_code = next((c for c in cells[heads["Setup"] :] if c.cell_type == "code"), None)
    assert setup_code is not None and "import helpers" in setup_code.source, "the Setup cell imports helpers"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_closing_sections_in_order(path):
    level2 = [text for _, level, text in _headings(_cells(path)) if level == 2]
    found = [t for t in level2 if t in CLOSING]
    assert found == CLOSING, f"closing sections must be exactly {CLOSING} in this order, found {found}"
    assert level2[-len(CLOSING) :] == CLOSING, "the closing sections come last"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_solutions_file_exists(path):
    sol = REPO / "solutions" / (path.stem + ".md")
    assert sol.exists(), f"solutions/{sol.name} is missing"
    assert sol.read_text(encoding="utf-8").strip(), f"solutions/{sol.name} is empty"


def test_checks_fail_on_a_bad_notebook(tmp_path):
    """The checks above are not vacuous: a notebook without the blocks fails them."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("## Not a title\n\n**Questions**"),
        nbformat.v4.new_code_cell("import helpers"),
        nbformat.v4.new_markdown_cell("## Key points\n\n## Exercises"),
    ]
    path = tmp_path / "99-bad.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(AssertionError):
        test_single_title_first(path)
    with pytest.raises(AssertionError):
        test_opening_blocks_in_order(path)
    with pytest.raises(AssertionError):
        test_time_block(path)
    with pytest.raises(AssertionError):
        test_about_sources_and_setup(path)
    with pytest.raises(AssertionError):
        test_closing_sections_in_order(path)
    with pytest.raises(AssertionError):
        test_solutions_file_exists(path)


# ---------------------------------------------------------------------------------------------
# app notebooks (Voilà): a title, what to do, then one control per section, no code to read
# ---------------------------------------------------------------------------------------------


def test_explore_app_exists():
    assert [p.name for p in APPS] == ["explore.ipynb"]


@pytest.mark.parametrize("path", APPS, ids=lambda p: p.name)
def test_app_notebook_shape(path):
    cells = _cells(path)
    test_single_title_first(path)
    code = [c for c in cells if c.cell_type == "code"]
    assert code and code[0].source.strip() == "import helpers", "the first code cell only imports helpers"
    for c in code[1:]:
        lines = [ln for ln in c.source.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        assert len(lines) == 1 and lines[0].startswith("helpers.explore_"), f"one control per cell: {c.source!r}"
    for c in cells:
        assert "kit-answer" not in c.get("metadata", {}).get("tags", []), "an app shows no answers to hide"
    # every control of kit.explore appears once
    import kit.explore as explore

    controls = {n for n in explore.__all__ if n.startswith("explore_")}
    used = {c.source.strip().split("(")[0].removeprefix("helpers.") for c in code[1:]}
    assert used == controls


def test_app_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for p in APPS:
        assert f"voila notebooks/{p.name}" in readme
