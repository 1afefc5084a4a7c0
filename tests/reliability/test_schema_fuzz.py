"""Schemathesis against the OpenAPI schema of a live server (issue 11): whatever the generated
request, the answer is never a server error, and an error is the JSON error format with a code.
A bounded slice for CI; `python evaluation/schema_fuzz.py` runs the full set."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings as hypothesis_settings

from reliability_helpers import ADMIN, serving
from service.config import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"

EXAMPLES = 10


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    config = Settings(data_dir=tmp_path_factory.mktemp("schema-data"), admin_key=ADMIN, workers=1,
                      runner="threads", semantic=False, max_upload_mb=1.0)
    with serving(config) as url:
        yield url


def check(case, live: str, ids: dict[str, list[str]] | None = None, turn: int = 0) -> None:
    """One generated request: no 5xx; an error answer is JSON with a code. Every other case uses
    a stored document's or job's id (from `ids`) in place of the generated one, so the request
    gets past the 404 into the route's own logic."""
    for name, values in (ids or {}).items():
        if case.path_parameters and name in case.path_parameters and values and turn % 2:
            case.path_parameters[name] = values[turn % len(values)]
    response = case.call(base_url=live, headers={"X-API-Key": ADMIN}, timeout=60)
    assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:300])
    if response.status_code >= 400:
        kind = response.headers.get("content-type", [""])
        assert (kind[0] if isinstance(kind, list) else kind).startswith("application/json"), (case.method, case.path)
        assert response.json()["error"]["code"]


def run_operations(live: str, examples: int, ids: dict[str, list[str]] | None = None) -> dict[str, int]:
    """Every operation of the schema with `examples` generated cases each; failures raise at the end."""
    schema = schemathesis.openapi.from_url(live + "/openapi.json")
    failures, cases, seconds = [], {}, {}
    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        cases[label] = 0
        began = time.perf_counter()
        try:
            _property(operation, label, cases, live, examples, ids)()
        except Exception as error:          # keep going: report every failing operation
            failures.append(f"{label}: {error}"[:600])
        seconds[label] = round(time.perf_counter() - began, 2)
    print("seconds per operation:", seconds)
    assert not failures, "\n".join(failures)
    return cases


def _property(operation, label: str, cases: dict[str, int], live: str, examples: int, ids=None):
    from hypothesis import given

    @hypothesis_settings(max_examples=examples, deadline=None, database=None,
                         suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def property_(case):
        cases[label] += 1
        check(case, live, ids, cases[label])

    return property_


def stored(live: str) -> dict[str, list[str]]:
    """Analyse two samples; their document and job ids."""
    import httpx

    from reliability_helpers import wait_jobs

    jobs = []
    for name in ("tinh-uy-ctr-chuyen-doi-so.txt", "huyen-uy-kh-chuyen-doi-so.txt"):
        data = (SAMPLES / name).read_bytes()
        jobs.append(httpx.post(f"{live}/v1/documents", headers={"X-API-Key": ADMIN}, files={"file": (name, data)},
                               timeout=60).json()["job_id"])
    done = wait_jobs(live, jobs)
    return {"doc_id": [done[j]["document_id"] for j in jobs], "job_id": jobs}


def test_no_server_error_whatever_the_request(live):
    cases = run_operations(live, EXAMPLES, stored(live))
    assert len(cases) >= 20 and sum(cases.values()) >= 20 * EXAMPLES / 2
