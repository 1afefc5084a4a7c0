"""Draft checks (sync, async, upper by id, upload or citation), comparison, upper sources."""
from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"
DRAFT = (SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt").read_bytes()


def _check(api, **kw):
    return api.post("/v1/check-draft", files={"file": ("draft.txt", DRAFT)} | kw.pop("files", {}), **kw)


def test_check_draft_with_upper_id_in_one_response(api):
    upper = api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    response = _check(api, data={"upper_id": upper})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["schema"] == "rasoat/draft-check@1" and body["upper_id"] == upper
    assert len(body["tasks"]) >= 30 and all("vagueness" in t and "missing" in t for t in body["tasks"])
    assert body["vagueness_summary"]["distribution"]
    counts = {c: sum(i["class"] == c for i in body["comparison"]["items"]) for c in ("verbatim", "new")}
    assert counts["verbatim"] >= 8 and counts["new"] >= 1
    assert body["missing"]["upper_not_covered"] and isinstance(body["missing"]["owner"], list)
    assert "check_draft" in [e["action"] for e in api.get("/v1/audit").json()]


def test_check_draft_finds_the_cited_upper_or_takes_an_upload(api):
    alone = _check(api).json()
    assert alone["comparison"] is None and alone["upper_choice"]["how"] == "none"        # nothing stored yet
    assert "kho chưa có" in alone["upper_choice"]["reason"]
    upper_file = {"upper": ("ctr.txt", (SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt").read_bytes())}
    uploaded = _check(api, files=upper_file).json()
    assert uploaded["comparison"]["upper"]["number"] == "41-CTr/TU" and uploaded["upper_choice"]["how"] == "uploaded"
    upper = api.upload("tinh-uy-ctr-chuyen-doi-so.pdf")
    cited = _check(api).json()
    assert cited["upper_id"] == upper and cited["comparison"]["coverage"] > 0
    choice = cited["upper_choice"]                                 # the page names it and says why
    assert (choice["how"], choice["id"], choice["number"]) == ("found", upper, "41-CTr/TU")
    assert "được dẫn trong căn cứ ban hành (41-CTr/TU)" in choice["reason"]


def test_check_draft_async_returns_a_job(api):
    response = _check(api, params={"wait": "false"})
    assert response.status_code == 202
    job = api.wait(response.json()["job_id"])
    assert job["status"] == "done" and job["result"]["tasks"]
    bad = api.post("/v1/check-draft", files={"file": ("x.pdf", b"%PDF-1.4 junk")})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "corrupt_file"
    assert _check(api, data={"upper_id": "missing"}).status_code == 404


def test_compare_and_sources(api):
    upper = api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    lower = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    other = api.upload("cong-van-trien-khai.txt")
    response = api.post("/v1/compare", json={"lower_id": lower, "upper_id": upper})
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "rasoat/comparison@1" and body["upper"]["number"] == "41-CTr/TU"
    assert 0 < body["copy_ratio"] < 1 and len(body["items"]) >= 30
    sources = api.get(f"/v1/documents/{lower}/sources").json()
    assert sources[0]["id"] == upper and sources[0]["cited"] and "41-CTr/TU" in sources[0]["reason"]
    assert 0.8 <= sources[0]["score"] <= 1.0
    assert other not in [s["id"] for s in sources[:1]]
    assert api.post("/v1/compare", json={"lower_id": lower, "upper_id": "nope"}).status_code == 404
