"""Real-browser print test: every handout, reading copy, the reader, the worksheets and the answer sheet
printed to PDF on A4 in Chromium, with nothing wider than the page; and JupyterLab started with the
kit's settings asks no question about Jupyter news.

Heavy (about 40 s): run it with the browser tests, not the quick suite
(``pytest -q --deselect tests/test_browser.py --deselect tests/test_print.py`` for the quick one).
Skipped, with the reason, when Chromium or Playwright is missing. Driver: ``tools/browser_print.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import browser_print  # noqa: E402

WHY = browser_print.missing_requirements()
pytestmark = pytest.mark.skipif(bool(WHY), reason=f"real-browser test skipped: {WHY}")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("print")
    files = browser_print.make_all(out)
    return {Path(r.source).relative_to(out).as_posix(): r for r in browser_print.print_pages(files, out / "pdf")}


def test_everything_is_printed(printed):
    names = set(printed)
    for nb in sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        assert f"handouts/{nb.stem}.html" in names and f"handouts/{nb.stem}.reading.html" in names
    for paper in (
        "reader",
        "answer-sheet",
        "worksheet-45",
        "worksheet-90",
        "worksheet-2x90-session-1",
        "worksheet-2x90-session-2",
    ):
        assert f"paper/{paper}.html" in names
    assert "student-edition/handouts/05-code-it-yourself.html" in names
    assert all(r.pages >= 1 for r in printed.values())
    assert printed["paper/code-card.html"].pages == 1, "the code card must fit on one page"


def test_nothing_is_wider_than_the_page(printed):
    bad = {name: r.too_wide[:3] for name, r in printed.items() if r.too_wide}
    assert not bad, bad


def test_the_reading_copy_hides_the_code(printed):
    """Over all the notebooks, the reading copies (no code) take fewer pages than the full handouts."""
    reading = {n: r.pages for n, r in printed.items() if n.startswith("handouts/") and n.endswith(".reading.html")}
    full = {n.replace(".reading", ""): printed[n.replace(".reading", "")].pages for n in reading}
    assert len(reading) >= 6 and sum(reading.values()) < sum(full.values()), (reading, full)


def test_the_check_catches_a_page_that_is_too_wide(tmp_path):
    page = tmp_path / "wide.html"
    page.write_text(
        "<html><body><table style='width:1200px'><tr><td>x</td></tr></table>"
        "<pre style='overflow:auto;white-space:pre'>" + "word " * 300 + "</pre></body></html>",
        encoding="utf-8",
    )
    r = browser_print.print_pages([page], tmp_path)[0]
    kinds = {w["kind"] for w in r.too_wide}
    assert kinds == {"wider than the page", "content cut off"}


def test_no_news_question_with_the_kits_settings(tmp_path):
    # plain `jupyter lab` in this environment: requirements.txt installed the kit's setting (jupyter-config/)
    assert not browser_print.news_prompt_shown(None)
    # the control: the same start with JupyterLab's own default put back asks (else this test proves nothing)
    (tmp_path / "labconfig").mkdir()
    (tmp_path / "labconfig" / "default_setting_overrides.json").write_text(
        '{"@jupyterlab/apputils-extension:notification": {"fetchNews": "none"}}', encoding="utf-8"
    )
    assert browser_print.news_prompt_shown(str(tmp_path)), "JupyterLab's default should ask"
