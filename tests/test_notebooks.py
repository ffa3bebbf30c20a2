"""The notebooks: in sync with their sources, saved executed, and free of errors and machine paths.

nbval (through pytest's --nbval option in pyproject.toml) re-runs every notebook and compares
its outputs; these tests check what nbval does not.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
sys.path.insert(0, str(REPO / "tools"))

import build_notebooks  # noqa: E402


def test_there_are_notebooks():
    assert any(p.name == "00-start-here.ipynb" for p in NOTEBOOKS)


def test_notebooks_match_their_sources():
    assert build_notebooks.check() == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_saved_executed_without_errors(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["execution_count"] is not None for c in code), "run all cells before saving"
    for c in code:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", "".join(c["source"])[:80]
            assert out.get("name") != "stderr", f"stderr output in: {''.join(c['source'])[:80]}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_shows_no_machine_paths(path):
    text = path.read_text(encoding="utf-8")
    for marker in (str(REPO), "/home/", "/Users/", "/tmp/", "/root/"):
        assert marker not in text, f"{path.name} contains {marker!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_stores_kernel_metadata_but_no_widget_state(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"], "widget state is not stored (the saved view shows the static fallback)"
    # the full language_info the kernel reports: without it JupyterLab marks an untouched notebook modified
    assert {"name", "version", "mimetype", "file_extension"} <= set(nb["metadata"]["language_info"])
    assert all(c["id"] == f"cell-{i:03d}" for i, c in enumerate(nb["cells"])), "stable cell ids"


def test_parse_percent_format():
    cells = build_notebooks.parse('# %% [markdown]\n# # Title\n#\n# text\n\n# %% tags=["nbval-skip"]\nx = 1\n')
    assert [c.cell_type for c in cells] == ["markdown", "code"]
    assert cells[0].source == "# Title\n\ntext"
    assert cells[1].metadata["tags"] == ["nbval-skip"] and cells[1].source == "x = 1"
