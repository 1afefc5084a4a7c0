"""Diacritic-insensitive search with filters; CSV, XLSX, JSON exports; the DOCX review report."""
from __future__ import annotations

import csv
import io
import json

from docx import Document as Docx
from openpyxl import load_workbook


def test_search_ignores_diacritics_and_filters(api):
    plan = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    chi_thi = api.upload("ubnd-chi-thi.txt")
    found = api.get("/v1/search", params={"q": "ke hoach"}).json()
    assert plan in [d["id"] for d in found["documents"]]
    assert api.get("/v1/search", params={"q": "KẾ HOẠCH", "kind": "ke_hoach"}).json()["documents"][0]["id"] == plan
    assert api.get("/v1/search", params={"q": "giai ngan", "year": 2024}).json()["documents"] == []
    tasks = api.get("/v1/search", params={"q": "giai ngan", "issuer": "uy ban nhan dan"}).json()["tasks"]
    assert tasks and {t["document_id"] for t in tasks} == {chi_thi}
    owned = api.get("/v1/search", params={"owner": "so tai chinh"}).json()["tasks"]
    assert owned and all("Tài chính" in t["lead"] for t in owned)
    dated = api.get("/v1/search", params={"deadline_from": "2025-01-01", "deadline_to": "2025-03-31"}).json()
    assert dated["tasks"] and all("2025-01-01" <= t["deadline_end"] <= "2025-03-31" for t in dated["tasks"])


def test_exports_csv_xlsx_json(api):
    doc_id = api.upload("ubnd-kh-phan-cong.txt")
    tasks = api.get(f"/v1/documents/{doc_id}/tasks").json()
    csv_text = api.get(f"/v1/documents/{doc_id}/export", params={"format": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0][3] == "Nội dung nhiệm vụ" and len(rows) == len(tasks) + 1
    response = api.get(f"/v1/documents/{doc_id}/export", params={"format": "xlsx"})
    assert response.headers["content-disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet["D"]][1:] == [t["text"] for t in tasks]
    data = json.loads(api.get(f"/v1/documents/{doc_id}/export", params={"format": "json"}).content)
    assert [r["task_id"] for r in data] == [t["id"] for t in tasks]
    search_csv = api.get("/v1/search/export", params={"q": "so tai chinh", "format": "xlsx"})
    assert load_workbook(io.BytesIO(search_csv.content)).active.max_row > 1
    exports = [e for e in api.get("/v1/audit").json() if e["action"] == "export"]
    assert len(exports) == 4


def test_docx_review_report(api):
    api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    lower = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    response = api.get(f"/v1/documents/{lower}/report")
    assert response.status_code == 200
    text = "\n".join(p.text for p in Docx(io.BytesIO(response.content)).paragraphs)
    assert "PHIẾU THẨM ĐỊNH" in text and "87-KH/HU" in text
    assert "Nhiệm vụ chung chung" in text and "sao chép nguyên văn từ 41-CTr/TU" in text
    doc = api.get(f"/v1/documents/{lower}").json()
    vague = [t for t in doc["tasks"] if t["vagueness"] and t["vagueness"]["score"] >= 0.6]
    assert vague and all(t["text"] in text for t in vague[:3])
