"""``python -m helpers doctor`` says "ready" on a working set-up and names the fix when something is wrong."""

from __future__ import annotations

import json

import helpers
import kit.doctor as doctor


def test_ready_here(capsys, monkeypatch):
    monkeypatch.delenv("KIT_DATA_DIR", raising=False)
    assert helpers.main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("ready")
    for name in ("Python", "packages", "kernel", "widgets", "corpus", "saving work", "JupyterLab settings"):
        assert f"] {name}:" in out


def test_an_old_python_is_named_with_its_fix():
    c = doctor.check_python((3, 9, 1))
    assert not c.ok and "3.9.1" in c.detail and "3.11" in c.fix


def test_a_missing_package_makes_it_not_ready(tmp_path, capsys, monkeypatch):
    req = tmp_path / "requirements.txt"
    req.write_text("pandas==0.0.1\nno-such-package-for-the-kit==1.0\n", encoding="utf-8")
    checks = doctor.check_packages(req)
    assert not checks[0].ok and "no-such-package-for-the-kit" in checks[0].detail
    assert "pip install -r requirements.txt" in checks[0].fix
    assert not checks[1].ok and not checks[1].required and "pandas" in checks[1].detail  # other version: a note
    monkeypatch.setattr(doctor, "REQUIREMENTS", req)
    monkeypatch.setattr(doctor, "run_checks", lambda **kw: doctor.check_packages(req))
    assert doctor.doctor([]) == 1
    assert "not ready: 1 thing(s) to fix" in capsys.readouterr().out


def test_a_broken_corpus_is_named(make_corpus):
    folder = make_corpus(
        {"a-2024-03-01": "Some text."},
        rows=[
            {
                "article_id": "a-2024-03-01",
                "file": "missing.txt",
                "outlet": "X",
                "headline": "H",
                "published": "2024-03-01",
            }
        ],
    )
    c = doctor.check_corpus(folder)
    assert not c.ok and "missing.txt" in c.detail and "python -m helpers check" in c.fix


def test_news_setting_seen_through_the_kits_config(monkeypatch, tmp_path):
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(doctor.KIT_JUPYTER_CONFIG))
    assert doctor.check_lab_settings().ok
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(tmp_path))
    monkeypatch.setattr("sys.prefix", str(tmp_path))
    monkeypatch.setattr(doctor, "_lab_overrides", lambda: {})
    c = doctor.check_lab_settings()
    assert not c.ok and not c.required and "python -m helpers lab" in c.fix


def test_fix_merges_the_kits_settings_into_an_environment(tmp_path):
    target = tmp_path / "etc" / "jupyter" / "labconfig" / "default_setting_overrides.json"
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"some/plugin:x": {"a": 1}}), encoding="utf-8")
    assert doctor.install_lab_settings(str(tmp_path)) == target
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["some/plugin:x"] == {"a": 1}
    assert data[doctor.NEWS_PLUGIN]["fetchNews"] == "false"


def test_lab_starts_jupyterlab_in_the_kit_with_its_settings(monkeypatch):
    seen = {}

    def fake_call(cmd, cwd=None, env=None):
        seen.update(cmd=cmd, cwd=cwd, env=env)
        return 0

    monkeypatch.setattr(doctor.subprocess, "call", fake_call)
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/elsewhere")
    assert helpers.main(["lab", "--port", "8890"]) == 0
    assert seen["cmd"][1:4] == ["-m", "jupyter", "lab"] and seen["cmd"][-2:] == ["--port", "8890"]
    assert "notebooks/00-start-here.ipynb" in seen["cmd"]
    paths = seen["env"]["JUPYTER_CONFIG_PATH"].split(__import__("os").pathsep)
    assert paths[0] == str(doctor.KIT_JUPYTER_CONFIG) and "/elsewhere" in paths
    assert (doctor.KIT_JUPYTER_CONFIG / "labconfig" / "default_setting_overrides.json").exists()


def test_missing_widgets_extension_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr("jupyter_core.paths.jupyter_path", lambda *a: [str(tmp_path)])
    c = doctor.check_widgets()
    assert not c.ok and "Error displaying widget" in c.detail and "jupyterlab_widgets" in c.fix
