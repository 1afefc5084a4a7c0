"""The wheel carries every file the package reads at run time.

Marked `wheel` (about 20 s: it builds the wheel and installs it, no download). The fresh venv gets
the wheel only; the dependencies are lent by the environment running the tests through a `.pth`
file, so its editable install of the source tree is not on the path.
"""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "samples" / "ubnd-kh-phan-cong.docx"
SOURCES = ["pyproject.toml", "setup.py", "README.md", "service", "models"]
CHECK = """
import sys
from importlib.resources import files
import service
from service.store.db import MIGRATIONS, make_engine, migrate
assert "site-packages" in service.__file__, service.__file__
data = [files("service.lexicons") / "bodies.yaml", files("service.models") / "catalogue.yaml",
        files("service.ingest") / "legacy_encodings.json", files("service.compare") / "thresholds.json",
        files("service.api") / "templates" / "base.html", files("service.api") / "static" / "app.js"]
assert all(p.is_file() for p in data), [str(p) for p in data if not p.is_file()]
migrate(make_engine("sqlite:///" + sys.argv[1]))
print(service.__file__)
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh venv holding only the wheel built from a copy of the sources."""
    work = tmp_path_factory.mktemp("wheel")
    (work / "src").mkdir()
    for name in SOURCES:       # a copy, so the build leaves no build/ or egg-info in the checkout
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, work / "src" / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, work / "src" / name)
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work / "dist"),
                    str(work / "src")], check=True, capture_output=True)
    wheel = next((work / "dist").glob("rasoat-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    target = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            check=True, capture_output=True, text=True).stdout.strip()
    (Path(target) / "lent_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    return venv / "bin"


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(command, cwd=cwd, env={**env, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True)


@pytest.mark.wheel
def test_the_installed_wheel_finds_its_data_and_migrations(installed, tmp_path):
    result = run([str(installed / "python"), "-c", CHECK, str(tmp_path / "db.sqlite3")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert str(installed.parent) in result.stdout


@pytest.mark.wheel
def test_rasoat_analyze_runs_from_the_installed_wheel(installed, tmp_path):
    result = run([str(installed / "rasoat"), "analyze", str(SAMPLE), "--format", "json"], tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "rasoat/analysis@1"
    assert data["document"]["kind"] == "ke_hoach" and data["tasks"]
    assert any(body["name"] for task in data["tasks"] for body in task["lead"])
