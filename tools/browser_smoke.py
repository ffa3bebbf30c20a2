"""Real-browser smoke test: open every notebook in JupyterLab, run it, and check what a learner sees.

Starts ``jupyter lab`` on a scratch copy of the repository (so JupyterLab can never save over the
committed notebooks; autosave is also switched off), drives Debian's Chromium through Playwright,
and for each notebook: opens it in its own workspace (``?reset``), clears the outputs, runs all
cells, waits for every cell, then checks that no cell shows an error, that the tables, images and
widgets of the saved notebook are rendered again, and that no widget says "Error displaying
widget". A screenshot of each notebook is saved (default: ``screenshots/``, git-ignored).

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
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: JupyterLab user settings for the run: no autosave, every cell attached to the page, no news pop-ups.
SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"checkForUpdates": False,
                                                                         "fetchNews": "false"},
}
IGNORE = shutil.ignore_patterns(".git", "screenshots", "__pycache__", ".ipynb_checkpoints", "*.egg-info",
                                ".pytest_cache", "scratch")


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

    @property
    def ok(self) -> bool:
        return (not self.errors and not self.widget_errors
                and all(self.rendered.get(k, 0) >= v for k, v in self.expected.items()))


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


def start_lab(scratch: Path, token: str, port: int) -> subprocess.Popen:
    """Start JupyterLab on the scratch copy; return the process once the server answers."""
    settings = scratch / ".lab-settings"
    for rel, value in SETTINGS.items():
        f = settings / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(json.dumps(value), encoding="utf-8")
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(scratch / ".lab-workspaces"),
               JUPYTER_RUNTIME_DIR=str(scratch / ".jupyter-runtime"))
    env.pop("KIT_DATA_DIR", None)
    # kernels import the scratch copy's kit, so whatever a notebook writes (coding sheets, notes) stays there
    env["PYTHONPATH"] = os.pathsep.join([str(scratch), *filter(None, [os.environ.get("PYTHONPATH")])])
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ip=127.0.0.1",
           f"--port={port}", f"--ServerApp.token={token}", f"--ServerApp.root_dir={scratch}",
           "--LabApp.expose_app_in_browser=True", "--ServerApp.open_browser=False",
           "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
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

_CELLS_JS = """(path) => {
  """ + _FIND + """
  return Array.from(w.content.model.cells).map(c => ({
    type: c.type, outputs: c.type === 'code' ? c.outputs.toJSON() : []}));
}"""

# 'idle:0' once the kernel is idle and every non-empty code cell has run.
_STATE_JS = """(path) => {
  """ + _FIND + """
  if (!w || !w.sessionContext || !w.content || !w.content.model) return 'no-notebook';
  const k = w.sessionContext.session && w.sessionContext.session.kernel;
  const pending = Array.from(w.content.model.cells).filter(
      c => c.type === 'code' && c.sharedModel.getSource().trim() && c.executionCount === null).length;
  return (k ? k.status : 'no-kernel') + ':' + pending;
}"""

_OPEN_JS = """async (path) => {
  const app = window.jupyterapp;
  await app.restored;
  const w = await app.commands.execute('docmanager:open', {path: path, factory: 'Notebook', activate: true});
  app.shell.activateById(w.id);
}"""

_READY_JS = """(path) => {
  """ + _FIND + """
  return !!(w && w.sessionContext && w.sessionContext.isReady && window.jupyterapp.shell.currentWidget === w
            && w.content && w.content.widgets.length > 0);
}"""

_CLOSE_JS = """async (path) => {
  """ + _FIND + """
  if (!w || !w.sessionContext) return;
  await w.sessionContext.shutdown();
  w.context.model.dirty = false;  // nothing is saved: close without asking
  w.dispose();
}"""


_RESTART_JS = """async (path) => {
  """ + _FIND + """
  await w.sessionContext.restartKernel();
}"""


async def run_all(page, path: str, ms: float) -> None:
    """Clear the open notebook's outputs, run every cell, wait until all have run."""
    await page.evaluate("() => window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    await page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    await page.wait_for_function(f"(path) => ({_STATE_JS})(path) === 'idle:0'", arg=path, timeout=ms, polling=200)
    await page.wait_for_timeout(400)  # let the last outputs and widgets render


async def restart_and_run_all(page, path: str, ms: float) -> None:
    """Restart the notebook's kernel (as Kernel > Restart does) and run every cell again."""
    await page.evaluate(_RESTART_JS, path)
    await page.wait_for_function(f"(path) => ({_STATE_JS})(path).startsWith('idle')", arg=path, timeout=ms,
                                 polling=200)
    await run_all(page, path, ms)


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


async def _run(base: str, token: str, names, shots: Path, profile: Path, parallel: int, timeout: float,
               scratch: Path | None = None):
    """``parallel`` pages, each one JupyterLab that runs notebooks from a shared queue, one at a time."""
    from playwright.async_api import async_playwright

    queue: asyncio.Queue = asyncio.Queue()
    for n in names:
        queue.put_nowait(n)
    results = {}

    async with async_playwright() as p:
        context = await p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 1400})

        async def worker(i: int):
            page = await context.new_page()
            # the token logs the browser in (it becomes a cookie); each page has its own workspace
            await page.goto(f"{base}/lab/workspaces/smoke{i}?token={token}&reset", timeout=timeout * 1000)
            await page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell && "
                                         "window.jupyterapp.commands.hasCommand('docmanager:open')",
                                         timeout=timeout * 1000)
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
    return (await locator.inner_text()).strip()


async def wait_text(page, locator, needle: str, ms: float = 15000) -> str:
    """Wait until ``locator`` (its first match) shows ``needle``; return its text."""
    t0 = time.monotonic()
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
    check(res, sheet == {"st01": "proposes", "st02": "demands", "sp01": "academic_expert"},
          f"the three answers are on disk in Олена.csv without pressing Save ({sheet})")

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
    check(res, _sheet(scratch, "Дмитро") == {"st01": "rejects"} and _sheet(scratch, "Олена") == sheet,
          "the next person gets a sheet of his own; the first sheet is unchanged")
    await panel.locator(".kit-name").scroll_into_view_if_needed()


#: Notebook name -> scenario coroutine ``(page, path, scratch, result, ms)``.
SCENARIOS = {"05-code-it-yourself.ipynb": coding_round}


def smoke(names=None, *, shots: Path | None = None, parallel: int = 2, timeout: float = 120) -> list[Result]:
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
        proc = start_lab(scratch, token, port)
        try:
            base = f"http://127.0.0.1:{port}"
            return asyncio.run(_run(base, token, names, shots, Path(tmp) / "profile", parallel, timeout, scratch))
        finally:
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
        print(f"{'OK  ' if r.ok else 'FAIL'} {r.notebook}: {r.cells} code cells in {r.seconds:.1f} s; "
              f"expected {r.expected}, rendered {r.rendered}; widget errors {r.widget_errors}; "
              f"screenshot {Path(r.screenshot).name}")
        for c in r.checks:
            print(f"     checked: {c}")
        for e in r.errors:
            print(f"     {e}")
    print(f"total {time.monotonic() - t0:.1f} s")
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
