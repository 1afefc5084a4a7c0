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
    response = api.get(f"/v1/documents/{lower}/report",
                       params={"agency": "Sở Tư pháp tỉnh Lào Cai", "place": "Lào Cai", "reviewer": "Nguyễn Văn An"})
    assert response.status_code == 200
    assert 'filename="phieu-tham-dinh-87-KH-HU.docx"' in response.headers["content-disposition"]
    report = Docx(io.BytesIO(response.content))
    section = report.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)   # A4
    normal = report.styles["Normal"].font
    assert normal.name == "Times New Roman" and 13 <= normal.size.pt <= 14
    runs = [r for p in report.paragraphs for r in p.runs if r.text.strip()]
    assert all(r.font.name in (None, "Times New Roman") for r in runs)
    cells = [c.text for t in report.tables for row in t.rows for c in row.cells]
    text = "\n".join([p.text for p in report.paragraphs] + cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "SỞ TƯ PHÁP TỈNH LÀO CAI" in text and "Lào Cai, ngày" in text
    assert "PHIẾU THẨM ĐỊNH" in text and "87-KH/HU" in text
    assert "Ý KIẾN CỦA NGƯỜI THẨM ĐỊNH" in text and "NGƯỜI THẨM ĐỊNH" in cells[-1] and "Nguyễn Văn An" in cells[-1]
    tasks = next(t for t in report.tables if len(t.columns) == 6)
    assert [c.text for c in tasks.rows[0].cells] == ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Thời hạn", "Vấn đề",
                                                     "Kiến nghị"]
    doc = api.get(f"/v1/documents/{lower}").json()
    assert len(tasks.rows) == len(doc["tasks"]) + 1
    vague = [t for t in doc["tasks"] if t["vagueness"] and t["vagueness"]["score"] >= 0.6]
    assert vague and all(t["text"] in text for t in vague[:3])
    assert "Mức chung chung" in text and "Sao chép nguyên văn từ 41-CTr/TU" in text


def test_xlsx_numbers_dates_wrap_and_filter(api):
    doc_id = api.upload("ubnd-kh-phan-cong.txt")
    response = api.get(f"/v1/documents/{doc_id}/export", params={"format": "xlsx"})
    assert 'filename="nhiem-vu-38-KH-UBND.xlsx"' in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    head = [c.value for c in sheet[1]]
    assert {"Mục", "Hạn cuối", "Điểm chung chung (0–1)", "Mức cụ thể", "Còn thiếu", "Chỉ tiêu", "Kinh phí",
            "Sản phẩm"} <= set(head)
    column = {name: [row[i] for row in sheet.iter_rows(min_row=2)] for i, name in enumerate(head)}
    scores = [c.value for c in column["Điểm chung chung (0–1)"] if c.value is not None]
    assert scores and all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in scores)
    ends = [c for c in column["Hạn cuối"] if c.value is not None]
    assert ends and all(c.is_date and c.number_format == "DD/MM/YYYY" for c in ends)
    assert any(c.value.year == 2025 and c.value.month == 12 and c.value.day == 31 for c in ends)
    assert {c.value for c in column["Mức cụ thể"]} <= {"cụ thể", "cần làm rõ", "chung chung", None}
    assert not any(str(c.value).startswith("s") and str(c.value)[1:].isdigit() for c in column["Mục"])
    assert all(c.alignment.wrap_text for c in column["Nội dung nhiệm vụ"])
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:") and sheet.freeze_panes == "A2"


def test_report_as_pdf_where_libreoffice_is_installed(api):
    from service.api.docx_to_pdf import soffice

    doc_id = api.upload("ubnd-chi-thi.txt")
    response = api.get(f"/v1/documents/{doc_id}/report", params={"format": "pdf"})
    if soffice() is None:
        assert response.status_code == 422 and response.json()["error"]["code"] == "pdf_unavailable"
        assert "LibreOffice" in response.json()["error"]["message"]
    else:
        assert response.status_code == 200 and response.content.startswith(b"%PDF")
        assert response.headers["content-disposition"].endswith('.pdf"')
