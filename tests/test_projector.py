"""Real-browser projector test of the handouts: every notebook's handout in a 1024 x 768 window, with no table
output that needs sideways scrolling and no chart shown smaller than it was drawn; at 592 px the charts are still
shown at their size. (JupyterLab itself at 1024 x 768 with the file browser hidden is measured by
tests/test_browser.py.) Skipped, with the reason, when Chromium or Playwright is missing. Driver:
``tools/browser_print.py`` (``python tools/browser_print.py --projector`` prints the same figures).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import browser_print  # noqa: E402
import make_handouts  # noqa: E402

WHY = browser_print.missing_requirements()
pytestmark = pytest.mark.skipif(bool(WHY), reason=f"real-browser test skipped: {WHY}")
NOTEBOOKS = sorted((REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))


@pytest.fixture(scope="module")
def on_screen(tmp_path_factory):
    out = tmp_path_factory.mktemp("projector")
    files = [make_handouts.export(nb, out) for nb in NOTEBOOKS]
    return browser_print.projector_report(files)


def test_every_notebook_is_measured(on_screen):
    assert {name for name, _ in on_screen} == {f"{nb.stem}.html" for nb in NOTEBOOKS}
    assert sum(r["tables"] for r in on_screen.values()) > 50 and sum(r["images"] for r in on_screen.values()) >= 10


@pytest.mark.parametrize("nb", [nb.stem for nb in NOTEBOOKS])
def test_no_table_scrolls_and_no_chart_shrinks_at_1024(on_screen, nb):
    r = on_screen[(f"{nb}.html", 1024)]
    assert r["scrolled"] == 0, f"{nb}: {r['scrolled']} table output(s) need sideways scrolling at 1024 px"
    assert r["shrunk"] == 0, f"{nb}: {r['shrunk']} chart(s) shown below 75% of their size at 1024 px"


def test_charts_keep_their_size_with_the_file_browser_open(on_screen):
    shrunk = {name: r["shrunk"] for (name, w), r in on_screen.items() if w == 592 and r["shrunk"]}
    assert not shrunk, shrunk


def test_the_measure_catches_a_wide_table(tmp_path):
    page = tmp_path / "wide.html"
    page.write_text(
        "<html><body><div class='jp-OutputArea-output' style='overflow:auto'>"
        "<table style='width:1500px'><tr><td>x</td></tr></table></div></body></html>",
        encoding="utf-8",
    )
    r = browser_print.projector_report([page])[("wide.html", 1024)]
    assert r == {"tables": 1, "scrolled": 1, "images": 0, "shrunk": 0}
