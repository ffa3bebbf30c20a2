"""Build the notebooks from their sources and run them, so they are stored with outputs.

Each notebook's source is a plain Python file in the "percent" format
(``tools/notebook-sources/NN-name.py``): a line ``# %% [markdown]`` starts a Markdown cell
(its lines are written as comments, ``# text``), a line ``# %%`` starts a code cell. Tags
can follow: ``# %% tags=["nbval-ignore-output"]``.

Usage::

    python tools/build_notebooks.py            # build and execute every notebook
    python tools/build_notebooks.py 00 02      # only those whose names start with 00 or 02
    python tools/build_notebooks.py --check    # exit 1 if a notebook's cells differ from its source

The test suite runs the ``--check`` comparison so a notebook edited in JupyterLab cannot
silently drift from its source (or the other way round).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "notebook-sources"
NOTEBOOKS = ROOT / "notebooks"
_HEADER = re.compile(r"^# %%(?P<md> \[markdown\])?(?:\s+tags=(?P<tags>\[.*\]))?\s*$")


def parse(source: str) -> list[nbformat.NotebookNode]:
    """Turn a percent-format source into notebook cells."""
    cells = []
    kind, tags, lines = None, [], []

    def flush():
        if kind is None:
            return
        body = "\n".join(lines).strip("\n")
        if kind == "markdown":
            body = "\n".join(re.sub(r"^# ?", "", ln) for ln in body.split("\n"))
            cell = nbformat.v4.new_markdown_cell(body)
        else:
            cell = nbformat.v4.new_code_cell(body)
        if tags:
            cell.metadata["tags"] = tags
        cells.append(cell)

    for line in source.split("\n"):
        m = _HEADER.match(line)
        if m:
            flush()
            kind = "markdown" if m.group("md") else "code"
            tags = json.loads(m.group("tags")) if m.group("tags") else []
            lines = []
        elif kind is not None:
            lines.append(line)
    flush()
    return cells


def cell_signature(cells) -> list[tuple[str, str, tuple]]:
    return [(c.cell_type, c.source, tuple(c.get("metadata", {}).get("tags", []))) for c in cells]


def build(src: Path, execute: bool = True) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = parse(src.read_text(encoding="utf-8"))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    out = NOTEBOOKS / (src.stem + ".ipynb")
    if execute:
        client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
        nb.metadata["language_info"] = {"name": "python"}  # drop the exact Python version
        # cell ids are random in new notebooks; make them stable so rebuilding does not churn the diff
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"cell-{i:03d}"
            cell.metadata.pop("execution", None)
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
