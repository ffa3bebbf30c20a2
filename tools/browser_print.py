"""Print the kit's paper to PDF in Chromium and find anything wider than the page.

For each HTML page (handouts, reading copies, the reader, worksheets, the answer sheet), Chromium
lays it out as for printing on A4 (print media, the page's own ``@page`` margins), lists every
element that sticks out past the printable width or hides part of its content (scrolled or clipped
boxes), and saves the PDF. ``--png`` renders every PDF page to PNG (with ``pdftoppm`` if installed)
so that the pages can be looked at.

Usage::

    python tools/browser_print.py                     # make handouts and paper into scratch/print, print all
    python tools/browser_print.py FILE.html ...       # print these files
    python tools/browser_print.py --png               # also PNGs of every page (scratch/print/png/)
    python tools/browser_print.py --news              # check that JupyterLab started in the kit asks no news question
    python tools/browser_print.py --projector         # on screen at 1024 px and 592 px wide: tables that scroll
                                                      # sideways, charts shrunk below their size (figures only)

Requires the pip package ``playwright`` and ``/usr/bin/chromium`` (Playwright's own browser download
is not used). Launch flags as in ``tools/browser_smoke.py``.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from browser_smoke import CHROMIUM, FLAGS, missing_requirements  # noqa: E402

OUT = ROOT / "scratch" / "print"
A4_WIDTH_MM = 210
#: the print stylesheet's left and right page margins (tools/paper/print.css: @page margin)
MARGIN_MM = 12
PX_PER_MM = 96 / 25.4
PRINT_WIDTH_PX = int((A4_WIDTH_MM - 2 * MARGIN_MM) * PX_PER_MM)  # 703 px

# Every visible element that reaches past the printable width, or whose content is cut off inside it.
_OVERFLOW_JS = """(width) => {
  const out = [];
  const describe = (el) => {
    const cls = (typeof el.className === 'string' && el.className) ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
    return el.tagName.toLowerCase() + cls;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const st = getComputedStyle(el);
    if (st.display === 'none' || st.visibility === 'hidden' || st.position === 'fixed') continue;
    const text = (el.innerText || el.textContent || '').trim().slice(0, 60);
    if (r.right > width + 1 || r.left < -1) {
      out.push({kind: 'wider than the page', el: describe(el), left: Math.round(r.left), right: Math.round(r.right), text});
      continue;
    }
    const clips = ['hidden', 'auto', 'scroll', 'clip'].includes(st.overflowX);
    if (clips && el.scrollWidth > el.clientWidth + 2 && el.tagName !== 'HTML' && el.tagName !== 'BODY') {
      out.push({kind: 'content cut off', el: describe(el), left: el.clientWidth, right: el.scrollWidth, text});
    }
  }
  // report the innermost offenders only: drop an element whose child is already listed for the same reason
  return out;
}"""


@dataclass
class Printed:
    source: str
    pdf: str = ""
    pages: int = 0
    too_wide: list[dict] = field(default_factory=list)
    pngs: list[str] = field(default_factory=list)


def _count_pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def _innermost(found: list[dict]) -> list[dict]:
    """Keep one report per distinct text, so a wide table is one entry, not one per ancestor."""
    seen, out = set(), []
    for f in reversed(found):
        key = (f["kind"], f["text"][:30])
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return list(reversed(out))


def print_pages(files, out_dir: Path = OUT, *, png: bool = False) -> list[Printed]:
    """Print every HTML file to ``out_dir/<name>.pdf``; return what each showed."""
    from playwright.sync_api import sync_playwright

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results, used = [], set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page(viewport={"width": PRINT_WIDTH_PX, "height": 1100})
        page.emulate_media(media="print")
        for f in files:
            f = Path(f).resolve()
            res = Printed(str(f))
            page.goto(f.as_uri(), wait_until="load")
            res.too_wide = _innermost(page.evaluate(_OVERFLOW_JS, PRINT_WIDTH_PX))
            name = f.stem
            if name in used:  # e.g. the kit's and the student edition's handout of the same notebook
                name = f"{f.parent.parent.name}-{f.parent.name}-{f.stem}"
            used.add(name)
            pdf = out_dir / (name + ".pdf")
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
            res.pdf, res.pages = str(pdf), _count_pages(pdf)
            if png:
                res.pngs = to_png(pdf, out_dir / "png")
            results.append(res)
        browser.close()
    return results


def to_png(pdf: Path, out_dir: Path, dpi: int = 60) -> list[str]:
    """Render a PDF's pages to PNG with pdftoppm; [] if pdftoppm is not installed."""
    if not shutil.which("pdftoppm"):
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    prefix = out_dir / Path(pdf).stem
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(prefix)], check=True)
    return sorted(str(p) for p in out_dir.glob(Path(pdf).stem + "-*.png"))


def make_all(out_dir: Path = OUT) -> list[Path]:
    """Handouts (full and reading), the student edition's handouts, and the paper, into ``out_dir``."""
    import make_handouts
    import make_paper
    import make_student_edition

    files: list[Path] = []
    for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        files.append(make_handouts.export(nb, out_dir / "handouts"))
        files.append(make_handouts.export(nb, out_dir / "handouts", reading=True))
    written = make_student_edition.build(["05"], out_dir / "student-edition", quiet=True)
    files += [p for p in written if p.suffix == ".html"]
    files += make_paper.build(out_dir / "paper")
    return files


# ---------------------------------------------------------------------------------------------
# On the projector (screen media): what scrolls sideways or shrinks
# ---------------------------------------------------------------------------------------------

_SCREEN_JS = """() => {
  const outs = Array.from(document.querySelectorAll('.jp-OutputArea-output'));
  let scrolled = 0, tables = 0, images = 0, shrunk = 0;
  for (const o of outs) {
    for (const t of o.querySelectorAll('table')) { tables++; if (o.scrollWidth > o.clientWidth + 2) { scrolled++; break; } }
    for (const im of o.querySelectorAll('img')) { images++; if (im.naturalWidth && im.width < 0.75 * im.naturalWidth) shrunk++; }
  }
  return {tables, scrolled, images, shrunk};
}"""


def projector_report(files, widths=(1024, 592)) -> dict:
    """For each handout and width: output tables that need sideways scrolling, images shown below 75%."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        for w in widths:
            page = browser.new_page(viewport={"width": w, "height": 768})
            for f in files:
                page.goto(Path(f).resolve().as_uri(), wait_until="load")
                out[(Path(f).name, w)] = page.evaluate(_SCREEN_JS)
            page.close()
        browser.close()
    return out


# ---------------------------------------------------------------------------------------------
# JupyterLab's news question
# ---------------------------------------------------------------------------------------------

NEWS_TEXT = "Jupyter news"


def news_prompt_shown(config_path: str | None, timeout: float = 60) -> bool:
    """Start JupyterLab (fresh user settings) and say whether it asks about Jupyter news.

    ``config_path`` is put first on ``JUPYTER_CONFIG_PATH`` (the kit's ``jupyter-config`` folder),
    or nothing is added (``None``), to compare.
    """
    from playwright.sync_api import sync_playwright

    scratch = Path(tempfile.mkdtemp(prefix="kit-news-"))
    port = _free_port()
    token = secrets.token_hex(8)
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(scratch / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(scratch / "rt"),
    )
    env.pop("JUPYTER_CONFIG_PATH", None)
    if config_path:
        env["JUPYTER_CONFIG_PATH"] = str(config_path)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--allow-root",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={scratch}",
    ]
    log = open(scratch / "lab.log", "w")
    proc = subprocess.Popen(cmd, cwd=scratch, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(port, token, proc, timeout)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
            page = browser.new_page(viewport={"width": 1024, "height": 768})
            page.goto(f"http://127.0.0.1:{port}/lab?token={token}&reset", timeout=timeout * 1000)
            page.wait_for_selector("#jp-main-dock-panel", timeout=timeout * 1000)
            deadline = time.monotonic() + 12  # the question appears a few seconds after start
            shown = False
            while time.monotonic() < deadline and not shown:
                shown = NEWS_TEXT in page.inner_text("body")
                page.wait_for_timeout(500)
            page.screenshot(path=str(scratch / "lab.png"))
            browser.close()
        return shown
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(scratch, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, token: str, proc, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("jupyter lab exited")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("jupyter lab did not start")


def main(argv: list[str]) -> int:
    if "-h" in argv or "--help" in argv:
        print((__doc__ or "").strip())
        return 0
    why = missing_requirements()
    if why:
        print(f"cannot print: {why}", file=sys.stderr)
        return 2
    if "--news" in argv:
        kit = news_prompt_shown(str(ROOT / "jupyter-config"))
        plain = news_prompt_shown(None)
        print(
            f"news question with the kit's settings: {'shown' if kit else 'not shown'}; "
            f"without them: {'shown' if plain else 'not shown'}"
        )
        return 1 if kit else 0
    if "--projector" in argv:
        import make_handouts

        files = [
            make_handouts.export(nb, OUT / "handouts") for nb in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
        ]
        for (name, w), r in projector_report(files).items():
            print(
                f"{name} at {w} px: {r['scrolled']} of {r['tables']} table outputs scroll sideways; "
                f"{r['shrunk']} of {r['images']} charts below 75% of their size"
            )
        return 0
    png = "--png" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or make_all()
    bad = 0
    for r in print_pages(files, png=png):
        name = Path(r.source).relative_to(ROOT) if Path(r.source).is_relative_to(ROOT) else r.source
        print(
            f"{name}: {r.pages} pages, {len(r.too_wide)} element(s) wider than the page"
            + (f", {len(r.pngs)} PNG" if png else "")
        )
        for w in r.too_wide[:5]:
            print(f"    {w['kind']}: {w['el']} ({w['left']}–{w['right']} px) {w['text']!r}")
        bad += bool(r.too_wide)
    print(json.dumps({"printable_width_px": PRINT_WIDTH_PX, "files_with_problems": bad}))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
