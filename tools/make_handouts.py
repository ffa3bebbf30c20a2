"""Export every notebook to a static HTML handout that works offline.

Usage::

    python tools/make_handouts.py                 # every notebook -> handouts/NN-name.html
    python tools/make_handouts.py 00 05           # only notebooks whose names start with 00 or 05
    python tools/make_handouts.py --out DIR       # write into DIR instead of handouts/

A handout is the saved notebook (text, code and results) as one HTML file with its styles and
pictures inside it. It loads nothing from the internet: nbconvert's own templates fetch
require.js, MathJax, Mermaid and the widget manager from CDNs, so every ``<script>`` is removed
(a handout needs none) and any stylesheet link to an outside address is dropped. Interactive
widgets cannot work without a running notebook; each is replaced by the static view saved with it
(its ``text/html`` output, else its ``text/plain`` one). The notebooks are read, never changed.
The ``handouts/`` folder is ignored by git: make the handouts again whenever the notebooks change.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "handouts"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

_SCRIPT_RE = re.compile(r"<script\b[^>]*>.*?</script\s*>|<script\b[^>]*/>", re.IGNORECASE | re.DOTALL)
_EXTERNAL_LINK_RE = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>", re.IGNORECASE)
_EXTERNAL_IMPORT_RE = re.compile(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//[^;]*;", re.IGNORECASE)


def static_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of the notebook with every widget output replaced by its static fallback.

    The saved widget state (notebook metadata) is dropped too, so the exporter does not add the
    widget manager's script.
    """
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            data = out.get("data")
            if not data or WIDGET_VIEW not in data:
                continue
            del data[WIDGET_VIEW]
            if "text/html" not in data and "text/plain" not in data:
                data["text/plain"] = "(an interactive widget: run the notebook to use it)"
    return nb


def offline_html(body: str) -> str:
    """Remove every script, and every stylesheet link or CSS import that points to another site."""
    body = _SCRIPT_RE.sub("", body)
    body = _EXTERNAL_LINK_RE.sub("", body)
    return _EXTERNAL_IMPORT_RE.sub("", body)


def export(nb_path: Path, out_dir: Path = OUT) -> Path:
    """Export one notebook to ``out_dir/<name>.html`` and return the file written."""
    nb_path = Path(nb_path)
    nb = static_notebook(nbformat.read(nb_path, as_version=4))
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
    note = (f'<p style="font-family:sans-serif;font-size:0.85em;color:#555;margin:1em 2em">Handout made from '
            f'<code>notebooks/{nb_path.name}</code> of the Istanbul-talks study kit. Interactive parts are shown '
            f'as static tables; open the notebook in JupyterLab to use them.</p>')
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + note, offline_html(body), count=1)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (nb_path.stem + ".html")
    target.write_text(body, encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    out_dir = OUT
    if "--out" in argv:
        i = argv.index("--out")
        if i + 1 >= len(argv):
            print("usage: python tools/make_handouts.py [NN ...] [--out DIR]", file=sys.stderr)
            return 2
        out_dir = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    paths = [p for p in sorted(NOTEBOOKS.glob("*.ipynb")) if not argv or any(p.stem.startswith(a) for a in argv)]
    if not paths:
        print("no notebook matches", file=sys.stderr)
        return 1
    for p in paths:
        target = export(p, out_dir)
        try:
            shown = target.relative_to(ROOT)
        except ValueError:
            shown = target
        print(f"{p.name} -> {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
