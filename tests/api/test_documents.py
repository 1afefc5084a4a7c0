"""Upload → job → analysis, tasks, targets, list, delete; dedup; ingest errors; error JSON."""
from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"


def test_upload_job_document_tasks_targets_delete(api):
    response = api.post("/v1/documents", files={"file": ("ctr.txt", (SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt").read_bytes())})
    assert response.status_code == 202
    assert response.headers["Location"] == f"/v1/jobs/{response.json()['job_id']}"
    job = api.wait(response.json()["job_id"])
    assert job["status"] == "done" and job["progress"] == 1.0 and job["finished_at"]
    doc_id = job["document_id"]
    doc = api.get(f"/v1/documents/{doc_id}").json()
    assert doc["schema"] == "rasoat/analysis@1" and doc["document"]["number"] == "41-CTr/TU"
    tasks = api.get(f"/v1/documents/{doc_id}/tasks").json()
    assert len(tasks) == len(doc["tasks"]) >= 30 and tasks[0]["text"]
    targets = api.get(f"/v1/documents/{doc_id}/targets").json()
    assert targets and targets == doc["targets"]
    assert [d["id"] for d in api.get("/v1/documents").json()] == [doc_id]
    assert api.delete(f"/v1/documents/{doc_id}").status_code == 204
    missing = api.get(f"/v1/documents/{doc_id}")
    assert missing.status_code == 404
    assert missing.json() == {"error": {"code": "not_found", "message": f"Không có văn bản mã {doc_id}."}}
    actions = [e["action"] for e in api.get("/v1/audit").json()]
    assert "upload" in actions and "delete" in actions


def test_reupload_returns_same_document_without_second_analysis(api):
    first = api.upload("ubnd-chi-thi.docx")
    again = api.post("/v1/documents", files={"file": ("renamed.docx", (SAMPLES / "ubnd-chi-thi.docx").read_bytes())})
    assert again.status_code == 200
    body = again.json()
    assert body["duplicate"] is True and body["document_id"] == first and body["status"] == "done"
    assert len(api.get("/v1/documents").json()) == 1


def test_ingest_errors_have_codes(api):
    empty = api.post("/v1/documents", files={"file": ("empty.txt", b"")})
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "empty_file"
    big = api.post("/v1/documents", files={"file": ("big.txt", b"a" * (1024 * 1024 + 10))})
    assert big.status_code == 413 and big.json()["error"]["code"] == "file_too_large"
    corrupt = api.post("/v1/documents", files={"file": ("bad.pdf", b"%PDF-1.7 broken")})
    job = api.wait(corrupt.json()["job_id"])
    assert job["status"] == "failed" and job["error"]["code"] == "corrupt_file"
    assert api.get("/v1/jobs/nope").json()["error"]["code"] == "not_found"


def test_openapi_lists_the_routes(api):
    paths = api.client.get("/openapi.json").json()["paths"]
    for path in ("/v1/documents", "/v1/jobs/{job_id}", "/v1/check-draft", "/v1/compare", "/v1/batches",
                 "/v1/search", "/v1/documents/{doc_id}/sources", "/v1/documents/{doc_id}/report"):
        assert path in paths
