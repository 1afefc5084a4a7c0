"""GET /sources and check-draft's automatic upper use service.archive.find_sources over the stored
documents: the province programme ranks first for the district plan by citation and, for a plan
that does not cite it, by content; a deleted document leaves the ranking; documents stored before
the signature table are backfilled; the ranking equals the local archive's."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete

from service.archive import Archive, find_sources
from service.pipeline import analyze_file
from service.store import make_engine
from service.store.models import SignatureRow
from service.store.sources import backfill

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"
DISTRICT = SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt"
FIELDS = {"id", "number", "kind", "issuer", "issued_on", "score", "cited", "content_score", "reason",
          "filename", "title"}


def uncited_plan() -> bytes:
    """The district plan with its citation of 41-CTr/TU removed and another number."""
    text = DISTRICT.read_text(encoding="utf-8")
    text = text.replace("Chương trình hành động số 41-CTr/TU ngày 17/01/2025 của Ban Thường vụ Tỉnh ủy",
                        "chủ trương của cấp trên").replace("41-CTr/TU", "chương trình")
    return text.replace("Số 87-KH/HU", "Số 90-KH/HU").encode("utf-8")


def sources(api, doc_id: str) -> list[dict]:
    response = api.get(f"/v1/documents/{doc_id}/sources")
    assert response.status_code == 200, response.text
    return response.json()


def test_programme_first_by_content_then_by_citation_and_delete(api):
    programme = api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    api.upload("ubnd-chi-thi.txt")
    api.upload("cong-van-trien-khai.txt")
    quiet = api.upload("plan-90.txt", uncited_plan())
    ranked = sources(api, quiet)
    assert set(ranked[0]) >= FIELDS and ranked[0]["id"] == programme and not ranked[0]["cited"]
    assert ranked[0]["content_score"] >= 0.5 and ranked[0]["reason"].startswith("nội dung giống")
    assert quiet not in [c["id"] for c in ranked]

    assert api.delete(f"/v1/documents/{quiet}").status_code == 204     # a near copy of the next plan
    plan = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    first = sources(api, plan)[0]
    assert first["id"] == programme and first["number"] == "41-CTr/TU"
    assert first["cited"] and 0.8 <= first["score"] <= 1 and "được dẫn trong căn cứ" in first["reason"]

    assert api.delete(f"/v1/documents/{programme}").status_code == 204
    assert programme not in [c["id"] for c in sources(api, plan)]


def test_check_draft_picks_the_upper_by_content(api):
    programme = api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    api.upload("ubnd-chi-thi.txt")
    response = api.post("/v1/check-draft", files={"file": ("draft.txt", uncited_plan())})
    assert response.status_code == 200, response.text
    assert response.json()["upper_id"] == programme
    assert api.delete(f"/v1/documents/{programme}").status_code == 204
    again = api.post("/v1/check-draft", files={"file": ("draft.txt", uncited_plan())}).json()
    assert again["upper_id"] is None and again["comparison"] is None


def test_documents_without_signatures_are_backfilled(api):
    programme = api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    plan = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    engine = make_engine(api.settings.database_url or f"sqlite:///{api.settings.data_dir / 'rasoat.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(delete(SignatureRow))
    assert backfill(engine) == 2 and backfill(engine) == 0
    engine.dispose()
    assert sources(api, plan)[0]["id"] == programme


def test_same_ranking_as_the_local_archive(api, tmp_path):
    names = ["tinh-uy-ctr-chuyen-doi-so.txt", "ubnd-chi-thi.txt", "cong-van-trien-khai.txt"]
    ids = {api.upload(name): name for name in names}
    plan = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    archive = Archive.open(tmp_path / "archive")
    for name in names:
        archive.add(analyze_file(SAMPLES / name), name)
    local = find_sources(analyze_file(DISTRICT), archive, top=10)
    served = sources(api, plan)
    assert [ids[c["id"]] for c in served] == [c.path for c in local]
    assert [c["score"] for c in served] == [c.score for c in local]
