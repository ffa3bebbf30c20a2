"""Is this computer ready for a session? ``python -m helpers doctor`` checks and says what to fix.

It checks, in this order: the Python version; the packages of ``requirements.txt`` (installed, and
whether the version is the tested one); the Jupyter kernel the notebooks use (and that it can import
the kit); the widgets extension of JupyterLab (without it the pickers show "Error displaying
widget"); the corpus (every file the notebooks read, as ``python -m helpers check`` does); that a
participant's work can be saved (``participant-notes/``); and the kit's JupyterLab settings (no
question about Jupyter news on first start). It ends with ``ready`` or with the list of what to fix.

``python -m helpers doctor --fix`` also installs the kit's JupyterLab settings into this Python
environment (``<environment>/etc/jupyter/labconfig/``), for people who start JupyterLab with plain
``jupyter lab``; ``python -m helpers lab`` starts JupyterLab with them without installing anything.
Nothing here needs the internet.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
KIT_JUPYTER_CONFIG = ROOT / "jupyter-config"
LAB_DEFAULTS = KIT_JUPYTER_CONFIG / "labconfig" / "default_setting_overrides.json"
NEWS_PLUGIN = "@jupyterlab/apputils-extension:notification"
MIN_PYTHON = (3, 11)

__all__ = ["Check", "run_checks", "doctor", "install_lab_settings", "start_lab"]


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True  # a failed optional check is a warning: the session can still run

    def line(self) -> str:
        mark = "ok  " if self.ok else ("FIX " if self.required else "note")
        text = f"[{mark}] {self.name}: {self.detail}"
        return text + (f"\n       -> {self.fix}" if not self.ok and self.fix else "")


def check_python(version=None) -> Check:
    v = tuple(version or sys.version_info[:3])
    shown = ".".join(str(x) for x in v)
    if v[:2] >= MIN_PYTHON:
        return Check("Python", True, f"{shown} ({sys.executable})")
    return Check(
        "Python",
        False,
        f"{shown} is too old; the kit needs {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer",
        "install Python 3.11 or newer (docs/setup.md, step 1), then make the environment again",
    )


def _pins(requirements: Path) -> list[tuple[str, str]]:
    pins = []
    for line in Path(requirements).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;#]+)", line)
        if m:
            pins.append((m.group(1), m.group(2)))
    return pins


def check_packages(requirements: Path = REQUIREMENTS) -> list[Check]:
    missing, other = [], []
    for name, pinned in _pins(requirements):
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            missing.append(name)
            continue
        if have != pinned:
            other.append(f"{name} {have} (tested: {pinned})")
    out = [
        Check(
            "packages",
            not missing,
            "all installed" if not missing else f"missing: {', '.join(missing)}",
            "in the kit's folder, with the environment active: pip install -r requirements.txt",
        )
    ]
    if other:
        out.append(
            Check(
                "package versions",
                False,
                "; ".join(other),
                "the notebooks may look slightly different; for the tested versions: pip install -r requirements.txt",
                required=False,
            )
        )
    return out


def check_kernel() -> Check:
    try:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    except ImportError:
        return Check("kernel", False, "jupyter_client is not installed", "pip install -r requirements.txt")
    try:
        spec = KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        return Check("kernel", False, "no 'python3' kernel", "python -m ipykernel install --sys-prefix")
    exe = spec.argv[0]
    if exe in ("python", "python3"):
        exe = sys.executable  # how Jupyter starts its own Python kernel
    try:
        res = subprocess.run(
            [exe, "-c", "import ipykernel, helpers"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=str(ROOT / "notebooks"),
            env=_kernel_env(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("kernel", False, f"cannot start {exe}: {exc}", "python -m ipykernel install --sys-prefix")
    if res.returncode != 0:
        last = (res.stderr.strip().splitlines() or ["?"])[-1]
        return Check(
            "kernel",
            False,
            f"the kernel's Python ({exe}) cannot import the kit: {last}",
            "in the kit's folder, with the environment active: pip install -r requirements.txt",
        )
    return Check("kernel", True, f"python3 ({exe}) imports the kit")


def _kernel_env() -> dict:
    return dict(os.environ)


def check_widgets() -> Check:
    try:
        from jupyter_core.paths import jupyter_path
    except ImportError:
        return Check("widgets", False, "jupyter_core is not installed", "pip install -r requirements.txt")
    found = [
        p
        for p in jupyter_path("labextensions")
        if (Path(p) / "@jupyter-widgets" / "jupyterlab-manager" / "package.json").exists()
    ]
    if found:
        return Check("widgets", True, f"JupyterLab's widget manager found ({found[0]})")
    return Check(
        "widgets",
        False,
        "JupyterLab's widget extension is missing: the pickers would show 'Error displaying widget'",
        "pip install jupyterlab_widgets==3.0.17 (or pip install -r requirements.txt)",
    )


def check_corpus(folder=None) -> Check:
    from kit.byo import check_folder
    from kit.core import data_dir

    path = data_dir(folder)
    try:
        problems = check_folder(path)
    except Exception as exc:  # a corpus too broken to check is itself the finding
        problems = [f"{type(exc).__name__}: {exc}"]
    if not problems:
        return Check("corpus", True, f"{path} checked, no problems")
    first = "; ".join(str(p) for p in problems[:3])
    return Check(
        "corpus",
        False,
        f"{len(problems)} problem(s) in {path}: {first}",
        f"python -m helpers check {path}  (lists every problem with its file, row and fix)",
    )


def check_notes_folder(root: Path = ROOT) -> Check:
    folder = Path(root) / "participant-notes"
    try:
        folder.mkdir(exist_ok=True)
        probe = folder / ".doctor-write-test"
        probe.write_text("ok", encoding="utf-8")
        probe.unlink()
    except OSError as exc:
        return Check(
            "saving work",
            False,
            f"cannot write in {folder}: {exc}",
            "copy the kit to a folder you can write to (e.g. your Documents) and open it from there",
        )
    return Check("saving work", True, f"participants' answers and notes can be saved in {folder}")


def _lab_overrides() -> dict:
    """The default setting overrides JupyterLab would see, started from here with plain ``jupyter lab``."""
    try:
        from jupyter_server.services.config.manager import ConfigManager
    except ImportError:
        return {}
    return ConfigManager(config_dir_name="labconfig").get("default_setting_overrides")


def check_lab_settings() -> Check:
    news = _lab_overrides().get(NEWS_PLUGIN, {}).get("fetchNews")
    if news == "false":
        return Check("JupyterLab settings", True, "no question about Jupyter news on first start")
    return Check(
        "JupyterLab settings",
        False,
        "started with plain `jupyter lab`, JupyterLab will ask every participant about Jupyter news",
        "start JupyterLab with `python -m helpers lab`, or run `python -m helpers doctor --fix` once "
        "to install the kit's settings into this environment",
        required=False,
    )


def run_checks(*, folder=None, requirements: Path = REQUIREMENTS, version=None) -> list[Check]:
    """Every check, in order (see the module docstring)."""
    checks = [check_python(version), *check_packages(requirements)]
    checks += [check_kernel(), check_widgets(), check_corpus(folder), check_notes_folder(), check_lab_settings()]
    return checks


def install_lab_settings(prefix: str | None = None) -> Path:
    """Merge the kit's JupyterLab defaults into ``<prefix>/etc/jupyter/labconfig/`` (this environment)."""
    target = Path(prefix or sys.prefix) / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(target.read_text(encoding="utf-8")) if target.exists() else {}
    for plugin, values in json.loads(LAB_DEFAULTS.read_text(encoding="utf-8")).items():
        current.setdefault(plugin, {}).update(values)
    target.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
    return target


def start_lab(extra_args=()) -> int:
    """Start JupyterLab in the kit's folder with the kit's settings, opening notebook 00."""
    env = dict(os.environ)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        [str(KIT_JUPYTER_CONFIG)] + ([env["JUPYTER_CONFIG_PATH"]] if env.get("JUPYTER_CONFIG_PATH") else [])
    )
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        f"--ServerApp.root_dir={ROOT}",
        "notebooks/00-start-here.ipynb",
        *extra_args,
    ]
    return subprocess.call(cmd, cwd=str(ROOT), env=env)


def doctor(argv=()) -> int:
    """Print every check; return 0 if ready, 1 if something must be fixed."""
    argv = list(argv)
    if "--fix" in argv:
        print(f"installed the kit's JupyterLab settings: {install_lab_settings()}")
    checks = run_checks()
    for c in checks:
        print(c.line())
    must = [c for c in checks if not c.ok and c.required]
    if must:
        print(
            f"\nnot ready: {len(must)} thing(s) to fix, listed above with '->'. "
            "docs/setup.md, 'Troubleshooting', has more."
        )
        return 1
    notes = sum(not c.ok for c in checks)
    print("\nready" + (f" ({notes} note(s) above)" if notes else ""))
    return 0
