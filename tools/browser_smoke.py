"""Real-browser smoke test: open every notebook in JupyterLab, run it, and check what a learner sees.

Starts ``jupyter lab`` on a scratch copy of the repository (so JupyterLab can never save over the
committed notebooks; autosave is also switched off), drives Debian's Chromium through Playwright,
and for each notebook: opens it in its own workspace (``?reset``), clears the outputs, runs all
cells, waits for every cell, then checks that no cell shows an error, that the tables, images and
widgets of the saved notebook are rendered again, and that no widget says "Error displaying
widget". A screenshot of each notebook is saved (default: ``screenshots/``, git-ignored).

Then, for the notebooks in :data:`SCENARIOS`, it acts as a learner would and checks each result
against what the data says: in notebook 05 a participant with a Cyrillic name answers items, the
kernel is restarted, she types her name again and gets her answers back, presses "Clear for the next
person", and a second participant codes (the sheets are read from the scratch copy's disk); in
``explore.ipynb`` every control is changed (an article and its highlights, a search term and the
match-case option, a filter, an actor and an issue, a topic, a second article) and the result is
compared with figures computed here from the kit's data. The same app is then served with Voilà
(``voila notebooks/explore.ipynb``), checked to show no code, and driven the same way.
Kernels and Voilà import the scratch copy (``PYTHONPATH``), so the coding sheets they write stay there.

Run:  python tools/browser_smoke.py [NOTEBOOK-NAME-PREFIX ...]

Requires the pip package ``playwright`` and ``/usr/bin/chromium`` (``apt-get install chromium``);
Playwright's own browser download is not used.
"""

from __future__ import annotations

import asyncio
import json
import os
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

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: JupyterLab user settings for the run: no autosave, every cell attached to the page, no news pop-ups.
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"checkForUpdates": False, "fetchNews": "false"},
}
IGNORE = shutil.ignore_patterns(
    ".git", "screenshots", "__pycache__", ".ipynb_checkpoints", "*.egg-info", ".pytest_cache", "scratch"
)


@dataclass
class Result:
    """What one notebook showed in the browser."""

    notebook: str
    seconds: float = 0.0
    cells: int = 0
    errors: list[str] = field(default_factory=list)
    expected: dict = field(default_factory=dict)  # tables, images, widgets in the saved notebook
    rendered: dict = field(default_factory=dict)  # the same, counted in the browser
    widget_errors: int = 0
    screenshot: str = ""
    checks: list[str] = field(default_factory=list)  # what a scenario (clicks, typing) verified
    projector: dict = field(default_factory=dict)  # at 1024 x 768, file browser hidden: tables, those that scroll

    @property
    def ok(self) -> bool:
        return (
            not self.errors
            and not self.widget_errors
            and all(self.rendered.get(k, 0) >= v for k, v in self.expected.items())
        )


def all_notebooks() -> list[str]:
    """Every notebook of the kit: the numbered lessons, then the apps (``explore.ipynb``)."""
    return sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def missing_requirements() -> str:
    """Why the smoke test cannot run here ('' if it can)."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} not found (install it with: apt-get install chromium)"
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (pip install playwright)"
    return ""


def expected_outputs(nb_path: Path) -> dict:
    """Count the tables, images and widgets in a saved notebook's outputs."""
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    counts = {"tables": 0, "images": 0, "widgets": 0}
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                counts["widgets"] += 1
            elif "text/html" in data and "<table" in "".join(data["text/html"]):
                counts["tables"] += "".join(data["text/html"]).count("<table")
            elif "image/png" in data:
                counts["images"] += 1
    return counts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(scratch: Path, **extra) -> dict:
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(scratch / ".jupyter-runtime"), **extra)
    env.pop("KIT_DATA_DIR", None)
    # kernels import the scratch copy's kit, so whatever a notebook writes (coding sheets, notes) stays there
    env["PYTHONPATH"] = os.pathsep.join([str(scratch), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def _wait_for_server(proc: subprocess.Popen, port: int, log: Path, what: str) -> None:
    """Wait until the server accepts connections on ``port``."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited: " + log.read_text()[-2000:])
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError(f"{what} did not start within 60 s")


def start_voila(scratch: Path, token: str, port: int, notebook: str = "notebooks/explore.ipynb") -> subprocess.Popen:
    """Serve one notebook of the scratch copy as an app with Voilà (no code shown); return once it answers."""
    cmd = [
        sys.executable,
        "-m",
        "voila",
        notebook,
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--token={token}",
    ]
    log = scratch / ".voila.log"
    proc = subprocess.Popen(cmd, cwd=scratch, env=_env(scratch), stdout=open(log, "w"), stderr=subprocess.STDOUT)
    _wait_for_server(proc, port, log, "voila")
    return proc


def start_lab(scratch: Path, token: str, port: int) -> subprocess.Popen:
    """Start JupyterLab on the scratch copy; return the process once the server answers."""
    settings = scratch / ".lab-settings"
    for rel, value in SETTINGS.items():
        f = settings / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value), encoding="utf-8")
    env = _env(
        scratch, JUPYTERLAB_SETTINGS_DIR=str(settings), JUPYTERLAB_WORKSPACES_DIR=str(scratch / ".lab-workspaces")
    )
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
        "--LabApp.expose_app_in_browser=True",
        "--ServerApp.open_browser=False",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    log = open(scratch / ".jupyter-lab.log", "w")
    proc = subprocess.Popen(cmd, cwd=scratch, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("jupyter lab exited: " + (scratch / ".jupyter-lab.log").read_text()[-2000:])
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("jupyter lab did not start within 60 s")


# The open notebook's cells as the browser holds them: type and outputs (nbformat JSON).
_FIND = """const w = Array.from(window.jupyterapp.shell.widgets('main')).find(
    x => x.context && x.context.path === path);"""

_CELLS_JS = (
    """(path) => {
  """
    + _FIND
    + """
  return Array.from(w.content.model.cells).map(c => ({
    type: c.type, outputs: c.type === 'code' ? c.outputs.toJSON() : []}));
}"""
)

# 'idle:0' once the kernel is idle and every non-empty code cell has run.
_STATE_JS = (
    """(path) => {
  """
    + _FIND
    + """
  if (!w || !w.sessionContext || !w.content || !w.content.model) return 'no-notebook';
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  const pending = Array.from(w.content.model.cells).filter(
      c => c.type === 'code' && c.sharedModel.getSource().trim() && c.executionCount === null).length;
  return (k ? k.status : 'no-kernel') + ':' + pending;
}"""
)

_OPEN_JS = """async (path) => {
  const app = window.jupyterapp;
  await app.restored;
  const w = await app.commands.execute('docmanager:open', {path: path, factory: 'Notebook', activate: true});
  app.shell.activateById(w.id);
}"""

_READY_JS = (
    """(path) => {
  """
    + _FIND
    + """
  return !!(w && w.sessionContext && w.sessionContext.isReady && window.jupyterapp.shell.currentWidget === w
            && w.content && w.content.widgets.length > 0);
}"""
)

_CLOSE_JS = (
    """async (path) => {
  """
    + _FIND
    + """
  if (!w || !w.sessionContext) return;
  await w.sessionContext.shutdown();
  w.context.model.dirty = false;  // nothing is saved: close without asking
  w.dispose();
}"""
)


_RESTART_JS = (
    """async (path) => {
  """
    + _FIND
    + """
  await w.sessionContext.restartKernel();
}"""
)


async def run_all(page, path: str, ms: float) -> None:
    """Clear the open notebook's outputs, run every cell, wait until all have run."""
    await page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    await page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    await page.wait_for_function(f"(path) => ({_STATE_JS})(path) === 'idle:0'", arg=path, timeout=ms, polling=200)
    await page.wait_for_timeout(400)  # let the last outputs and widgets render


async def restart_and_run_all(page, path: str, ms: float) -> None:
    """Restart the notebook's kernel (as Kernel > Restart does) and run every cell again."""
    await page.evaluate(_RESTART_JS, path)
    await page.wait_for_function(f"(path) => ({_STATE_JS})(path).startsWith('idle')", arg=path, timeout=ms, polling=200)
    await run_all(page, path, ms)


_WIDE_TABLES_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  let tables = 0; const wide = [];
  for (const o of panel.querySelectorAll('.jp-OutputArea-output')) {
    const t = o.querySelector('table'); if (!t) continue; tables++;
    if (o.scrollWidth > o.clientWidth + 2) wide.push(o.scrollWidth + ' px in ' + o.clientWidth + ' px: '
      + Array.from(t.querySelectorAll('thead th')).map(th => th.textContent.trim()).join(' | ').slice(0, 100));
  }
  return {tables, wide};
}"""


async def on_projector(page) -> dict:
    """Tables and those that scroll sideways in the open notebook as a projector shows it: a 1024 x 768 window,
    JupyterLab's file browser hidden, 100% zoom (what docs/facilitator-guide.md tells the presenter to do)."""
    size = page.viewport_size
    await page.set_viewport_size({"width": 1024, "height": 768})
    if not await page.evaluate("() => window.jupyterapp.shell.leftCollapsed"):
        await page.evaluate("() => window.jupyterapp.commands.execute('application:toggle-left-area')")
    await page.wait_for_timeout(600)  # let the notebook lay out at the new width
    found = await page.evaluate(_WIDE_TABLES_JS)
    await page.set_viewport_size(size)
    return found


async def run_notebook(page, name: str, shots: Path, timeout: float, scratch: Path | None = None) -> Result:
    """Open one notebook in the page's JupyterLab, run it from clean, check and photograph it.

    If :data:`SCENARIOS` has a scenario for the notebook, it then drives the notebook's
    widgets as a learner would (typing, choosing, clicking, restarting) and records what it
    verified in ``Result.checks``; a failed check is an error.
    """
    res = Result(name, expected=expected_outputs(ROOT / "notebooks" / name))
    t0 = time.monotonic()
    path = f"notebooks/{name}"
    ms = timeout * 1000
    try:
        await page.evaluate(_OPEN_JS, path)
        await page.wait_for_function(_READY_JS, arg=path, timeout=ms, polling=100)
        await run_all(page, path, ms)
        cells = await page.evaluate(_CELLS_JS, path)
        res.cells = sum(1 for c in cells if c["type"] == "code")
        for i, c in enumerate(cells):
            for out in c["outputs"]:
                if out.get("output_type") == "error":
                    res.errors.append(f"cell {i}: {out.get('ename')}: {str(out.get('evalue'))[:200]}")
        panel = page.locator(".jp-NotebookPanel:visible")
        area = ".jp-OutputArea-output"
        res.rendered = {
            "tables": await panel.locator(f"{area} table").count(),
            "images": await panel.locator(f"{area} img").count(),
            "widgets": await panel.locator(f"{area} .jupyter-widgets, {area}.jupyter-widgets").count(),
        }
        res.widget_errors = await panel.get_by_text("Error displaying widget").count()
        res.projector = await on_projector(page)
        for sel in (".jupyter-widgets", "img", "table"):  # show a widget if there is one
            target = panel.locator(f"{area} {sel}").first
            if await target.count():
                await target.scroll_into_view_if_needed()
                break
        scenario = SCENARIOS.get(name)
        if scenario is not None and not res.errors:
            await scenario(page, path, scratch, res, ms)
    except Exception as exc:  # a notebook that does not finish is a failure, reported with the others
        try:
            state = await page.evaluate(_STATE_JS, path)
        except Exception:
            state = "unknown"
        res.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]} (kernel:cells not run = {state})")
    try:
        shot = shots / (Path(name).stem + ".png")
        await page.screenshot(path=str(shot))
        res.screenshot = str(shot)
        await page.evaluate(_CLOSE_JS, path)
    except Exception as exc:
        res.errors.append(f"after the run: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
    res.seconds = time.monotonic() - t0
    return res


async def _run(
    base: str, token: str, names, shots: Path, profile: Path, parallel: int, timeout: float, scratch: Path | None = None
):
    """``parallel`` pages, each one JupyterLab that runs notebooks from a shared queue, one at a time."""
    from playwright.async_api import async_playwright

    queue: asyncio.Queue = asyncio.Queue()
    for n in names:
        queue.put_nowait(n)
    results = {}

    async with async_playwright() as p:
        context = await p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS, viewport={"width": 1280, "height": 1400}
        )

        async def worker(i: int):
            page = await context.new_page()
            # the token logs the browser in (it becomes a cookie); each page has its own workspace
            await page.goto(f"{base}/lab/workspaces/smoke{i}?token={token}&reset", timeout=timeout * 1000)
            await page.wait_for_function(
                "() => window.jupyterapp && window.jupyterapp.shell && "
                "window.jupyterapp.commands.hasCommand('docmanager:open')",
                timeout=timeout * 1000,
            )
            await page.evaluate("async () => { await window.jupyterapp.restored; }")
            while not queue.empty():
                name = queue.get_nowait()
                results[name] = await run_notebook(page, name, shots, timeout, scratch)
            await page.close()

        try:
            await asyncio.gather(*(worker(i) for i in range(max(1, min(parallel, len(names))))))
        finally:
            await context.close()
    return [results[n] for n in names]


# --------------------------------------------------------------------------------------------
# Scenarios: a learner's clicks and typing, and what must follow from them
# --------------------------------------------------------------------------------------------


class CheckFailed(AssertionError):
    """A scenario step whose result is not what the data says."""


def check(res: Result, ok: bool, what: str) -> None:
    if not ok:
        raise CheckFailed(what)
    res.checks.append(what)


async def _text(locator) -> str:
    return " ".join((await locator.inner_text()).replace("\xa0", " ").split(" ")).strip()


async def wait_text(page, locator, needle: str, ms: float = 15000) -> str:
    """Wait until ``locator`` (its first match) shows ``needle``; return its text."""
    t0 = time.monotonic()
    needle = needle.replace("\xa0", " ")
    while True:
        if await locator.count():
            text = await _text(locator.first)
            if needle in text:
                return text
        if (time.monotonic() - t0) * 1000 > ms:
            shown = await _text(locator.first) if await locator.count() else "(nothing)"
            raise CheckFailed(f"expected {needle!r}, the page shows {shown[:300]!r}")
        await page.wait_for_timeout(100)


def _sheet(scratch: Path, stem: str) -> dict:
    """{item_id: code} of a coding sheet the form wrote in the scratch copy."""
    import csv

    f = scratch / "participant-notes" / "coding-round" / f"{stem}.csv"
    if not f.exists():
        return {}
    with open(f, encoding="utf-8", newline="") as fh:
        return {r["item_id"]: r["code"] for r in csv.DictReader(fh) if r["code"]}


async def coding_round(page, path: str, scratch: Path, res: Result, ms: float) -> None:
    """Notebook 05: a participant with a Cyrillic name answers, the kernel restarts, she comes back;
    then the next person, after "Clear for the next person"."""
    panel = page.locator(".jp-NotebookPanel:visible")
    name = panel.locator(".kit-name input")
    count = panel.locator(".kit-count")
    await name.fill("Олена")
    await name.press("Enter")
    await wait_text(page, panel.locator(".kit-status"), "Answering as Олена")
    await panel.locator(".kit-item-st01 select").select_option("proposes")
    await panel.locator(".kit-item-st02 select").select_option("demands")
    await wait_text(page, count, "2 of 50 answered")
    await panel.get_by_role("button", name="Speaker type (15)").click()
    await panel.locator(".kit-item-sp01 select").select_option("academic_expert")
    await wait_text(page, count, "3 of 50 answered")
    check(res, await panel.locator(".kit-item-st01").count() == 0, "one task at a time: stance items hidden")
    await page.wait_for_timeout(300)
    sheet = _sheet(scratch, "Олена")
    check(
        res,
        sheet == {"st01": "proposes", "st02": "demands", "sp01": "academic_expert"},
        f"the three answers are on disk in Олена.csv without pressing Save ({sheet})",
    )

    await restart_and_run_all(page, path, ms)
    name = panel.locator(".kit-name input")
    await name.fill("Олена")
    await name.press("Enter")
    await wait_text(page, panel.locator(".kit-status"), "already exists (3 of 50 answered)")
    await panel.get_by_role("button", name="Yes, it is mine: continue it").click()
    await wait_text(page, count, "3 of 50 answered")
    value = await panel.locator(".kit-item-st01 select").input_value()
    check(res, value == "proposes", "after a kernel restart, typing the name again loads the answers back")
    check(res, _sheet(scratch, "Олена") == sheet, "the restart did not replace the sheet with an empty one")

    await panel.get_by_role("button", name="Clear for the next person").click()
    await wait_text(page, count, "0 of 50 answered")
    await page.wait_for_timeout(300)
    shown = (await name.input_value(), await panel.locator(".kit-item-st01 select").input_value())
    check(res, shown == ("", "(not answered)"), f"Clear empties the name and the items (name, st01: {shown})")
    await name.fill("Дмитро")
    await name.press("Enter")
    await wait_text(page, panel.locator(".kit-status"), "Answering as Дмитро")
    await panel.locator(".kit-item-st01 select").select_option("rejects")
    await wait_text(page, count, "1 of 50 answered")
    await page.wait_for_timeout(300)
    check(
        res,
        _sheet(scratch, "Дмитро") == {"st01": "rejects"} and _sheet(scratch, "Олена") == sheet,
        "the next person gets a sheet of his own; the first sheet is unchanged",
    )
    await panel.locator(".kit-name").scroll_into_view_if_needed()


def explore_expected() -> dict:
    """What the explore controls must show, computed here from the kit's data (not from the page)."""
    import re

    sys.path.insert(0, str(ROOT))
    import helpers
    from kit import core

    arts = helpers.load_articles()
    paras = helpers.paragraphs()
    paras = paras[paras.role.isin(core.TEXT_ROLES)]
    outlet = dict(zip(arts.article_id, arts.outlet))
    kyiv = dict.fromkeys(dict.fromkeys(arts.outlet), 0)
    for p in paras.itertuples():
        kyiv[outlet[p.article_id]] += len(re.findall(r"(?<!\w)Kyiv(?!\w)", p.text, re.IGNORECASE))
    att, ledger, terms = helpers.attributions(), helpers.positions(), helpers.term_counts()
    claims, codes = helpers.claims(), helpers.issues_codebook()
    gt = "globaltimes-2025-05-14"
    ukr = ledger[ledger.actor == "ukraine"].groupby("issue").size()
    labels = dict(zip(codes.issue, codes.label))
    return {
        "article": gt,
        "article_label": helpers.article_labels()[gt],
        "headline": arts.set_index("article_id").at[gt, "headline"],
        "speakers": int((att.article_id == gt).sum()),
        "terms": int(terms[terms.article_id == gt]["count"].sum()),
        "kyiv": kyiv,
        "direct": int((att.form == "direct_quote").sum()),
        "statements": len(att),
        "ukraine_issues": [f"{labels[c]} ({ukr[c]})" for c in codes.issue if c in ukr.index],
        "ukraine_ceasefire": int(ukr.get("ceasefire", 0)),
        "issue_all": int((ledger.issue == "prisoner_exchange").sum()),
        "issue_all_label": f"{labels['prisoner_exchange']} ({int((ledger.issue == 'prisoner_exchange').sum())})",
        "duration": [helpers.RELATIONS_TO_RECORD[r] for r in claims[claims.topic == "duration"].relation_to_record],
        "compare_b": "cgtn-2025-05-17",
        "compare_b_label": helpers.article_labels()["cgtn-2025-05-17"],
        "compare_n": int((att.article_id == "cgtn-2025-05-17").sum()),
    }


async def type_and_enter(page, box, text: str, shown, needle: str) -> str:
    """Type ``text`` in a text box and press Enter, until ``shown`` shows ``needle``.

    A heavily loaded machine can drop the first key event while the kernel is still echoing the
    previous value; the typing is then repeated (up to three times), and leaving the box (Tab)
    commits it as well. The check that follows is as strict as ever.
    """
    for attempt in range(3):
        await box.fill(text)
        await box.press("Enter" if attempt == 0 else "Tab")
        try:
            return await wait_text(page, shown, needle, ms=6000)
        except CheckFailed:
            if attempt == 2:
                raise
    return ""


async def _select(root, control: str, label: str) -> None:
    await root.locator(f".kit-c-{control} select").select_option(label=label)


async def explore_controls(page, root, res: Result, exp: dict, where: str) -> None:
    """Drive every control of kit.explore inside ``root`` and check each result against ``exp``."""
    art = root.locator(".kit-explore-article")
    await _select(art, "article_id", exp["article_label"])
    await wait_text(page, art.locator(".kit-result h4"), exp["headline"][:40])
    n = await _text(art.locator(".kit-legend-speakers + b, .kit-legend b").first)
    check(res, n == str(exp["speakers"]), f"{where}: reading view, who speaks = {n} highlights ({exp['speakers']})")
    await art.locator(".kit-c-layer_terms input").check()
    await wait_text(page, art.locator(".kit-legend"), f"contested terms (the lexicon): {exp['terms']}")
    check(res, True, f"{where}: ticking contested terms shows {exp['terms']} term highlights")
    options = await art.locator(".kit-c-chosen option").all_inner_texts()
    await art.locator(".kit-c-chosen select").select_option(index=1)
    card = await wait_text(page, art.locator(".kit-annotation"), options[1].split(":")[0])
    check(res, "annotation" in card, f"{where}: choosing {options[1].split(':')[0]} shows its annotation")
    before = await art.locator(".kit-para-no").count()
    await art.locator(".kit-c-numbers input").uncheck()
    await page.wait_for_function("(el) => !el.querySelector('.kit-para-no')", arg=await art.element_handle())
    check(res, before > 0, f"{where}: paragraph numbers switch off ({before} before)")
    sizes = await page.evaluate(
        """(el) => {
        const px = (e) => e ? parseFloat(getComputedStyle(e).fontSize) : 0;
        const body = document.querySelector('.jp-RenderedMarkdown p') || document.body;
        return [px(el.querySelector('.kit-reader')), px(body)]; }""",
        await art.element_handle(),
    )
    check(res, sizes[0] >= sizes[1] > 0, f"{where}: article text {sizes[0]}px, body text {sizes[1]}px")

    search = root.locator(".kit-explore-search")
    box = search.locator(".kit-c-term input")
    total = sum(exp["kyiv"].values())
    await type_and_enter(page, box, "Kyiv", search.locator(".kit-search-total"), f"{total} occurrence(s) of Kyiv")
    bars = search.locator(".kit-search-counts .kit-bar")
    shown = {await b.get_attribute("data-key"): int(await b.get_attribute("data-count")) for b in await bars.all()}
    check(res, shown == exp["kyiv"], f"{where}: search 'Kyiv' per outlet {shown}")
    await search.locator(".kit-c-case input").check()
    await wait_text(page, search.locator(".kit-search-total"), "Kyiv (case-sensitive")
    await type_and_enter(
        page, box, "kyiv", search.locator(".kit-search-total"), "0 occurrence(s) of kyiv (case-sensitive"
    )
    check(res, True, f"{where}: 'match case' turns 'kyiv' into 0 occurrences")

    voices = root.locator(".kit-explore-voices")
    await _select(voices, "form", "direct_quote")
    await wait_text(page, voices.locator(".kit-voice-total"), f"{exp['direct']} of {exp['statements']} statements")
    check(res, True, f"{where}: who speaks, form = direct quote: {exp['direct']} of {exp['statements']}")

    pos = root.locator(".kit-explore-positions")
    await _select(
        pos,
        "actor",
        next(o for o in await pos.locator(".kit-c-actor option").all_inner_texts() if o.startswith("Ukraine")),
    )
    await page.wait_for_timeout(300)
    offered = await pos.locator(".kit-c-issue option").all_inner_texts()
    offered = [" ".join(o.replace("\xa0", " ").split()) for o in offered]
    check(
        res,
        offered == exp["ukraine_issues"],
        f"{where}: only Ukraine's {len(offered)} issues are offered, with their counts ({offered[0]}, ...)",
    )
    await _select(pos, "issue", next(o for o in offered if o.startswith("Ceasefire")))
    await wait_text(page, pos.locator(".kit-positions-total"), f"{exp['ukraine_ceasefire']} stated position(s)")
    await pos.locator(".kit-c-mode button", has_text="One issue, all outlets").click()
    await page.wait_for_timeout(300)
    await _select(pos, "issue", exp["issue_all_label"])
    await wait_text(page, pos.locator(".kit-positions-total"), "All outlets on")
    await wait_text(page, pos.locator(".kit-positions-total"), f"{exp['issue_all']} stated position(s)")
    check(
        res,
        True,
        f"{where}: positions, Ukraine on ceasefire = {exp['ukraine_ceasefire']}; all outlets on "
        f"prisoner exchange = {exp['issue_all']}",
    )

    cl = root.locator(".kit-explore-claims")
    await _select(
        cl,
        "topic",
        next(o for o in await cl.locator(".kit-c-topic option").all_inner_texts() if o.startswith("duration")),
    )
    await wait_text(page, cl.locator(".kit-claims-total"), "Topic duration")
    verdicts = await cl.locator(".kit-verdict").all_inner_texts()
    check(res, verdicts == exp["duration"], f"{where}: claims on duration, verdicts {verdicts}")

    cmp_ = root.locator(".kit-explore-compare")
    await _select(cmp_, "b", exp["compare_b_label"])
    await wait_text(page, cmp_.locator(".kit-result th").last, exp["compare_b_label"])
    n = await _text(cmp_.locator(".kit-compare-n").last)
    check(res, n == str(exp["compare_n"]), f"{where}: compare, {exp['compare_b_label']} has {n} statements")


async def explore_in_lab(page, path: str, scratch: Path, res: Result, ms: float) -> None:
    await explore_controls(page, page.locator(".jp-NotebookPanel:visible"), res, explore_expected(), "JupyterLab")


#: Notebook name -> scenario coroutine ``(page, path, scratch, result, ms)``.
SCENARIOS = {"05-code-it-yourself.ipynb": coding_round, "explore.ipynb": explore_in_lab}


async def run_voila(base: str, token: str, shots: Path, profile: Path, timeout: float) -> Result:
    """Open the explore app in Voilà, check that no code shows, and drive every control."""
    from playwright.async_api import async_playwright

    res = Result("explore.ipynb (Voilà)")
    t0 = time.monotonic()
    async with async_playwright() as p:
        context = await p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS, viewport={"width": 1024, "height": 768}
        )
        page = await context.new_page()
        try:
            await page.goto(f"{base}/?token={token}", timeout=timeout * 1000)
            await page.locator(".kit-explore-compare .kit-result").wait_for(timeout=timeout * 1000)
            res.rendered = {"widgets": await page.locator(".jupyter-widgets").count()}
            res.widget_errors = await page.get_by_text("Error displaying widget").count()
            shown = await page.locator("body").inner_text()
            check(
                res,
                "import helpers" not in shown and "helpers.explore_" not in shown,
                "Voilà: no code is shown, only text, controls and results",
            )
            errors = await page.locator(".jp-OutputArea-output[data-mime-type*='error'], .output_error").count()
            check(res, errors == 0 and "Traceback" not in shown, "Voilà: no cell shows an error")
            await explore_controls(page, page.locator("body"), res, explore_expected(), "Voilà")
        except Exception as exc:
            res.errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:300]}")
        finally:
            shot = shots / "explore-voila.png"
            await page.locator(".kit-explore-article").scroll_into_view_if_needed()
            await page.screenshot(path=str(shot))
            res.screenshot = str(shot)
            await context.close()
    res.seconds = time.monotonic() - t0
    return res


def smoke(
    names=None, *, shots: Path | None = None, parallel: int = 2, timeout: float = 120, voila: bool = True
) -> list[Result]:
    """Run the notebooks in a real browser and return one :class:`Result` per notebook.

    Parameters
    ----------
    names : list of str, optional
        Notebook file names in ``notebooks/`` (default: all ``NN-*.ipynb``).
    shots : Path, optional
        Folder for the screenshots (default: ``screenshots/`` in the repository).
    parallel : int
        Notebooks run at once, each in its own page and kernel.
    timeout : float
        Seconds allowed for one notebook.
    voila : bool
        If ``explore.ipynb`` is among the notebooks, also serve it with Voilà and drive the app
        (one more result, ``"explore.ipynb (Voilà)"``).
    """
    why = missing_requirements()
    if why:
        raise RuntimeError(why)
    if names is None:
        names = all_notebooks()
    shots = Path(shots or ROOT / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kit-smoke-") as tmp:
        scratch = Path(tmp) / "repo"
        shutil.copytree(ROOT, scratch, ignore=IGNORE)
        token, port = secrets.token_hex(16), _free_port()
        procs = [start_lab(scratch, token, port)]
        try:
            app = "explore.ipynb" in names and voila
            if app:  # the app starts its own kernel while JupyterLab runs the notebooks
                vport = _free_port()
                procs.append(start_voila(scratch, token, vport))
            base = f"http://127.0.0.1:{port}"
            results = asyncio.run(_run(base, token, names, shots, Path(tmp) / "profile", parallel, timeout, scratch))
            if app:
                results.append(
                    asyncio.run(
                        run_voila(f"http://127.0.0.1:{vport}", token, shots, Path(tmp) / "profile-voila", timeout)
                    )
                )
            return results
        finally:
            for proc in procs:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()


def main(argv: list[str]) -> int:
    names = None
    if argv:
        names = [n for n in all_notebooks() if any(n.startswith(a) for a in argv)]
    t0 = time.monotonic()
    results = smoke(names)
    for r in results:
        print(
            f"{'OK  ' if r.ok else 'FAIL'} {r.notebook}: {r.cells} code cells in {r.seconds:.1f} s; "
            f"expected {r.expected}, rendered {r.rendered}; widget errors {r.widget_errors}; "
            f"screenshot {Path(r.screenshot).name}"
        )
        for c in r.checks:
            print(f"     checked: {c}")
        for e in r.errors:
            print(f"     {e}")
    print(f"total {time.monotonic() - t0:.1f} s")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
