"""Build the notebooks from their sources and run them, so they are stored with outputs.

Each notebook's source is a plain Python file in jupytext's "percent" format
(``tools/notebook-sources/NAME.py``): ``# %% [markdown]`` starts a Markdown cell (its lines written
as comments, ``# text``), ``# %%`` starts a code cell, and tags can follow:
``# %% tags=["kit-answer"]``. The sources are the reviewed form; ``jupytext.toml`` at the top of
the repository pairs them with ``notebooks/NAME.ipynb``, so JupyterLab with jupytext installed keeps
both in step when a notebook is saved.

Usage::

    python tools/build_notebooks.py            # build and execute every notebook
    python tools/build_notebooks.py 00 02      # only those whose names start with 00 or 02
    python tools/build_notebooks.py --check    # exit 1 if a notebook's cells differ from its source

What is stored: the outputs, the kernel's full metadata (so that opening an untouched notebook in
JupyterLab does not mark it modified) and stable cell ids; not the widgets' state (the saved
views show each widget's static fallback instead), so a rebuild gives a small diff. The test suite
runs the ``--check`` comparison so a notebook edited in JupyterLab cannot silently drift from its
source (or the other way round).
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "notebook-sources"
NOTEBOOKS = ROOT / "notebooks"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def parse(source: str) -> list[nbformat.NotebookNode]:
    """Turn a percent-format source into notebook cells (with jupytext)."""
    return jupytext.reads(source, fmt="py:percent").cells


def cell_signature(cells) -> list[tuple[str, str, tuple]]:
    return [(c.cell_type, c.source, tuple(c.get("metadata", {}).get("tags", []))) for c in cells]


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _clean(nb: nbformat.NotebookNode) -> None:
    """Drop what changes from run to run or machine to machine and is not needed to read the notebook."""
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("jupytext", None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:03d}"
        cell.metadata.pop("execution", None)
        if cell.cell_type == "markdown":
            cell.pop("attachments", None)
        for j, out in enumerate(cell.get("outputs", [])):
            view = out.get("data", {}).get(WIDGET_VIEW)
            if view:  # a widget's id is new at every run; the saved state is dropped, so any fixed id will do
                view["model_id"] = f"{i:016x}{j:016x}"


def build(src: Path, execute: bool = True) -> Path:
    nb = jupytext.reads(src.read_text(encoding="utf-8"), fmt="py:percent")
    nb.metadata = {"kernelspec": dict(KERNELSPEC)}
    out = NOTEBOOKS / (src.stem + ".ipynb")
    if execute:
        client = NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        )
        client.execute()  # fills in the kernel's full language_info
    _clean(nb)
    nbformat.write(nb, out)
    return out


def check() -> list[str]:
    """Names of notebooks whose cells differ from their sources (or that are missing)."""
    bad = []
    for src in sorted(SOURCES.glob("*.py")):
        nb_path = NOTEBOOKS / (src.stem + ".ipynb")
        if not nb_path.exists():
            bad.append(f"{nb_path.name}: missing")
            continue
        nb = nbformat.read(nb_path, as_version=4)
        if cell_signature(nb.cells) != cell_signature(parse(src.read_text(encoding="utf-8"))):
            bad.append(f"{nb_path.name}: cells differ from tools/notebook-sources/{src.name}")
    return bad


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--check":
        bad = check()
        for b in bad:
            print(b)
        return 1 if bad else 0
    for src in sorted(SOURCES.glob("*.py")):
        if argv and not any(src.stem.startswith(a) for a in argv):
            continue
        print("building", src.stem, flush=True)
        build(src)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
