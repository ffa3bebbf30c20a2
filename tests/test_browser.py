"""Real-browser test: every notebook opened and run in JupyterLab in Chromium, and the app in Voilà.

What nbval cannot see: that the notebooks run in the program learners actually use, and that the
tables, charts and widgets appear there (a widget without its JupyterLab extension shows "Error
displaying widget" while nbval passes), and that clicking and typing give the results the data says
(``browser_smoke.SCENARIOS``: the coding form of notebook 05 through a kernel restart and a second
participant; every control of ``explore.ipynb`` in JupyterLab and in Voilà), and that on a projector's
1024 x 768, with the file browser hidden, no table scrolls sideways in JupyterLab. The driver is
``tools/browser_smoke.py``; it runs JupyterLab
on a scratch copy of the repository with autosave off, so committed notebooks are never touched.
Screenshots go to ``screenshots/`` (git-ignored). Skipped, with the reason, when Chromium or
Playwright is not installed.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import browser_smoke  # noqa: E402

NOTEBOOKS = browser_smoke.all_notebooks()
WHY = browser_smoke.missing_requirements()
pytestmark = pytest.mark.skipif(bool(WHY), reason=f"real-browser test skipped: {WHY}")


def _digests():
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((REPO / "notebooks").glob("*.ipynb"))}


@pytest.fixture(scope="module")
def results():
    before = _digests()
    out = {r.notebook: r for r in browser_smoke.smoke(NOTEBOOKS, parallel=2, timeout=150, voila=True)}
    assert _digests() == before, "running the notebooks in JupyterLab changed a committed notebook"
    return out


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(results, name):
    r = results[name]
    assert not r.errors, f"{name} shows errors in JupyterLab: {r.errors}"
    assert r.cells > 0
    assert r.widget_errors == 0, f"{name}: 'Error displaying widget' is shown {r.widget_errors} time(s)"
    for kind, n in r.expected.items():
        assert r.rendered.get(kind, 0) >= n, (
            f"{name}: the saved notebook has {n} {kind}, the browser shows {r.rendered.get(kind, 0)}"
        )
    assert Path(r.screenshot).is_file()
    wide = r.projector["wide"]
    assert r.projector.get("tables", 0) > 0 or not r.expected.get("tables")  # measured where there are tables
    assert not wide, f"{name} at 1024 x 768 in JupyterLab (file browser hidden): {len(wide)} table(s) scroll: {wide}"
    if name in browser_smoke.SCENARIOS:  # the clicks and typing of a learner were driven and verified
        assert r.checks, f"{name}: the scenario verified nothing"


def test_explore_app_in_voila(results):
    """The app as learners see it: ``voila notebooks/explore.ipynb``, no code, every control driven."""
    r = results["explore.ipynb (Voilà)"]
    assert not r.errors, f"the Voilà app: {r.errors}"
    assert r.widget_errors == 0
    assert any("no code is shown" in c for c in r.checks)
    driven = {c.split(": ")[1].split(",")[0].split(" ")[0] for c in r.checks if c.startswith("Voilà: ")}
    for control in ("reading", "search", "who", "positions", "claims", "compare"):
        assert control in driven, f"the Voilà scenario did not drive the {control} control: {sorted(driven)}"
