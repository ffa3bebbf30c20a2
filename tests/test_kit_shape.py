"""The shape of the kit: notebook cells a learner can read, and no case-specific names in kit/ code."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import jupytext
import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))

import case_in_code  # noqa: E402

SOURCES = sorted((REPO / "tools" / "notebook-sources").glob("*.py"))
PLUMBING = re.compile(r"\bwhen_coded\b|\bkit_corpus_only\b|\blambda\b")


def _code_cells(path: Path) -> list[str]:
    nb = jupytext.reads(path.read_text(encoding="utf-8"), fmt="py:percent")
    return [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_notebook_cells_are_plain_calls(path):
    cells = _code_cells(path)
    plumbing = [c for c in cells if PLUMBING.search(c)]
    assert not plumbing, f"cells with when_coded / kit_corpus_only / lambda: {plumbing[:2]}"
    lines = [len([ln for ln in c.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]) for c in cells]
    short = sum(n <= 3 for n in lines)
    assert short >= 0.8 * len(cells), f"only {short} of {len(cells)} code cells have one to three lines"


def test_a_plumbing_cell_would_be_found():
    assert PLUMBING.search("helpers.when_coded(helpers.positions)")
    assert not PLUMBING.search("helpers.positions(corpus)")


def test_kit_code_names_no_article_outlet_person_or_date():
    terms = case_in_code.case_terms()
    assert "cgtn-2025-05-14" in terms and "Global Times" in terms  # the check knows what to look for
    hits = [h for f in sorted((REPO / "kit").glob("*.py")) for h in case_in_code.hits(f, terms)]
    assert not hits, "\n".join(hits[:20])


def test_the_case_check_finds_a_planted_name(tmp_path):
    planted = tmp_path / "planted.py"
    planted.write_text('"""Docstrings may say cgtn-2025-05-14."""\nHELD_OUT = ("cgtn-2025-05-14",)\n', encoding="utf-8")
    hits = case_in_code.hits(planted, case_in_code.case_terms())
    assert len(hits) == 1 and hits[0].startswith("planted.py:2:")
