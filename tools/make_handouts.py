"""Export every notebook to a static HTML handout that works offline.

Usage::

    python tools/make_handouts.py                 # every notebook -> handouts/NN-name.html
    python tools/make_handouts.py 00 05           # only notebooks whose names start with 00 or 05
    python tools/make_handouts.py --out DIR       # write into DIR instead of handouts/
    python tools/make_handouts.py --reading       # also write NN-name.reading.html: text and results, no code

A handout is the saved notebook (text, code and results) as one HTML file with its styles and
pictures inside it. It loads nothing from the internet: nbconvert's own templates fetch
require.js, MathJax, Mermaid and the widget manager from CDNs, so every ``<script>`` is removed
(a handout needs none) and any stylesheet link to an outside address is dropped. Interactive
widgets cannot work without a running notebook; each is replaced by the static view saved with it
(its ``text/html`` output, else its ``text/plain`` one). The notebooks are read, never changed.
The ``handouts/`` folder is ignored by git: make the handouts again whenever the notebooks change.

Every handout carries the kit's print stylesheet (``tools/paper/print.css``): A4, prompts hidden, code
and long words wrapped, tables at page width and allowed to break across pages, nothing cut off. The
*reading* variant hides every code cell's code (for participants who only read). The student edition
(``tools/make_student_edition.py``) uses the same export on notebooks with the answers removed.
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
PRINT_CSS = Path(__file__).resolve().parent / "paper" / "print.css"
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


_TABLE_RE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_TEXT_RE = re.compile(r">([^<]+)<")


def breakable_tables(body: str) -> str:
    """Let long identifiers in table cells break after ``_``, ``-``, ``/`` and ``.`` (a ``<wbr>``), so that
    a printed column keeps whole words without running past the page."""

    def text(m):
        return ">" + re.sub(r"(?<=[_/-])(?=\w)|(?<=\.)(?=[A-Za-z])", "<wbr>", m.group(1)) + "<"

    return _TABLE_RE.sub(lambda t: _TEXT_RE.sub(text, t.group(0)), body)


def print_style() -> str:
    """The kit's print stylesheet as a ``<style>`` element."""
    return "<style>\n" + PRINT_CSS.read_text(encoding="utf-8") + "\n</style>"


def export(nb_path: Path, out_dir: Path = OUT, *, reading: bool = False, edition: str | None = None) -> Path:
    """Export one notebook to ``out_dir/<name>.html`` (``<name>.reading.html`` with ``reading=True``).

    ``edition`` is named in the note at the top (e.g. "student edition").
    """
    nb_path = Path(nb_path)
    nb = static_notebook(nbformat.read(nb_path, as_version=4))
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": nb_path.stem}})
    kind = ", ".join(x for x in (edition, "reading copy: the code is hidden" if reading else None) if x)
    note = (
        f'<p style="font-family:sans-serif;font-size:0.85em;color:#555;margin:1em 2em">Handout made from '
        f"<code>notebooks/{nb_path.name}</code> of the Istanbul-talks study kit{f' ({kind})' if kind else ''}. "
        f"Interactive parts are shown as static tables; open the notebook in JupyterLab to use them.</p>"
    )
    body = breakable_tables(offline_html(body))
    body = body.replace("</head>", print_style() + "\n</head>", 1)
    if reading:
        body = re.sub(r"<body([^>]*)>", lambda m: _add_class(m.group(0), "kit-reading"), body, count=1)
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + note, body, count=1)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (nb_path.stem + (".reading" if reading else "") + ".html")
    target.write_text(body, encoding="utf-8")
    return target


def _add_class(tag: str, cls: str) -> str:
    m = re.search(r'class="([^"]*)"', tag)
    if m:
        return tag.replace(m.group(0), f'class="{m.group(1)} {cls}"', 1)
    return tag[:-1] + f' class="{cls}">'


_USAGE = "usage: python tools/make_handouts.py [NN ...] [--out DIR] [--reading]"


def help_or_refusal(argv: list[str], usage: str, options, about: str) -> int | None:
    """0 after printing the usage for ``-h``/``--help``, 2 for an option not in ``options``, else None (go on).
    Nothing is written in either case."""
    if "-h" in argv or "--help" in argv:
        print(usage)
        print(about)
        return 0
    unknown = [a for a in argv if a.startswith("-") and a not in options]
    if unknown:
        print(f"unknown option {unknown[0]}; {usage}", file=sys.stderr)
        return 2
    return None


def take_out_dir(argv: list[str], default: Path, usage: str) -> tuple[Path, list[str]] | None:
    """The folder after ``--out`` (else ``default``) and the other arguments; None (usage printed) if it is missing."""
    if "--out" not in argv:
        return default, argv
    i = argv.index("--out")
    if i + 1 >= len(argv):
        print(usage, file=sys.stderr)
        return None
    return Path(argv[i + 1]), argv[:i] + argv[i + 2 :]


def main(argv: list[str]) -> int:
    stop = help_or_refusal(argv, _USAGE, ("--out", "--reading"), (__doc__ or "").split("\n\n")[0])
    if stop is not None:
        return stop
    taken = take_out_dir(argv, OUT, _USAGE)
    if taken is None:
        return 2
    out_dir, argv = taken
    reading = "--reading" in argv
    argv = [a for a in argv if a != "--reading"]
    paths = [p for p in sorted(NOTEBOOKS.glob("*.ipynb")) if not argv or any(p.stem.startswith(a) for a in argv)]
    if not paths:
        print("no notebook matches", file=sys.stderr)
        return 1
    for p in paths:
        for target in [export(p, out_dir)] + ([export(p, out_dir, reading=True)] if reading else []):
            try:
                shown = target.relative_to(ROOT)
            except ValueError:
                shown = target
            print(f"{p.name} -> {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
