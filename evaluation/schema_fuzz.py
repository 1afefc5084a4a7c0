"""Schemathesis against the OpenAPI schema of `rasoat serve` (issue 11), default settings, on a
fresh data directory holding two analysed documents:

1. the schemathesis CLI (`st run`): examples, coverage (boundary and invalid values) and fuzzing
   phases, check `not_a_server_error`;
2. tests/reliability/test_schema_fuzz.py's property at --examples cases per operation: no 5xx, and
   every error answer is the JSON error format with a code.

    python evaluation/schema_fuzz.py [--examples 200] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

from reliability_helpers import ADMIN, rasoat_serve  # noqa: E402


def cli(url: str, examples: int, report: Path) -> dict:
    st = Path(sys.executable).parent / "st"
    command = [str(st), "run", f"{url}/openapi.json", "--header", f"X-API-Key: {ADMIN}",
               "--checks", "not_a_server_error", "--max-examples", str(examples), "--workers", "2",
               "--phases", "examples,coverage,fuzzing", "--no-color", "--request-timeout", "120",
               "--generation-database", "none", "--report", "ndjson", "--report-ndjson-path", str(report),
               "--suppress-health-check", "all"]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    tail = done.stdout[-3000:]
    return {"exit_code": done.returncode, "seconds": round(seconds, 1), "summary": _summary(done.stdout),
            "cases_in_report": _count_cases(report), "output_tail": tail}


def _summary(output: str) -> dict:
    """Numbers of the CLI's closing summary (operations, test cases, failures)."""
    found = {}
    for label, pattern in (("operations_tested", r"Tested: (\d+)"), ("test_cases", r"(\d+) generated"),
                           ("passed", r"generated, (\d+) passed"), ("failed", r"generated,.*?(\d+) failed")):
        match = re.search(pattern, output)
        if match:
            found[label] = int(match.group(1))
    return found


def _count_cases(report: Path) -> int | None:
    if not report.exists():
        return None
    count = 0
    for line in report.read_text(encoding="utf-8").splitlines():
        count += line.count('"ScenarioFinished"')
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=200, help="cases per operation")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from test_schema_fuzz import run_operations, stored

    figures: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {"RASOAT_DATA_DIR": str(Path(tmp) / "data"), "RASOAT_ADMIN_KEY": ADMIN, "HF_HUB_OFFLINE": "1",
               "RASOAT_SEMANTIC": "false"}
        with rasoat_serve(env) as (url, proc):
            ids = stored(url)
            figures["schemathesis_cli"] = cli(url, args.examples, Path(tmp) / "report.ndjson")
            began = time.perf_counter()
            try:
                cases = run_operations(url, args.examples, ids)
                figures["property"] = {"operations": len(cases), "cases": sum(cases.values()),
                                       "server_errors": 0, "non_json_errors": 0, "failures": []}
            except AssertionError as failure:
                figures["property"] = {"failures": str(failure).splitlines()[:50]}
            figures["property"]["seconds"] = round(time.perf_counter() - began, 1)
            figures["server_up_after"] = proc.poll() is None
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
