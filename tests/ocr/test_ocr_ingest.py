"""OCR in ingest: scans end to end, the per-page decision, images, and the error without Tesseract."""
import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from ocr_helpers import FONT, LINES, SAMPLES, SCAN, needs_tesseract
from service.cli import app
from service.errors import NoTextLayerError
from service.ingest import read_bytes, read_file


@needs_tesseract
def test_cli_analyzes_a_scanned_pdf():
    result = CliRunner().invoke(app, ["analyze", str(SCAN), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["number"] == "812/UBND-VX"
    assert data["document"]["issuer"] == "Ủy ban nhân dân tỉnh Lào Cai"
    leads = [t["lead"][0]["name"] for t in data["tasks"] if t["lead"]]
    assert leads[:5] == ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Thông tin và Truyền thông", "Sở Tài chính",
                         "Ủy ban nhân dân các huyện, thị xã, thành phố"]
    assert data["tasks"][0]["deadline"]["end"] == "2025-03-31"
    assert any(w["code"] == "ocr" and "(OCR) 1 trên 1 trang" in w["message"] for w in data["warnings"])


def _mixed_pdf(tmp_path, image):
    """Page 1 has a text layer; page 2 is only an image of text (a scanned page)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    path = tmp_path / "mixed.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("DejaVu", 11)
    pdf.drawString(60, 780, "Kế hoạch triển khai chuyển đổi số của tỉnh Lào Cai năm 2025")
    pdf.showPage()
    pdf.drawImage(ImageReader(image), 0, 842 - 168, width=595, height=168)
    pdf.showPage()
    pdf.save()
    return path


@needs_tesseract
def test_text_layer_kept_and_empty_page_ocred(tmp_path, text_image):
    doc = read_file(_mixed_pdf(tmp_path, text_image))
    page1 = [b.text for b in doc.blocks if b.page == 1]
    page2 = " ".join(b.text for b in doc.blocks if b.page == 2)
    assert page1 == ["Kế hoạch triển khai chuyển đổi số của tỉnh Lào Cai năm 2025"]
    assert "Sở Tài chính chủ trì" in page2 and "30/6/2025" in page2
    summary = [w for w in doc.warnings if w.code == "ocr"]
    assert summary and "(OCR) 1 trên 2 trang" in summary[0].message
    assert [p.number for p in doc.source.ocr_pages] == [2] and 0 < doc.source.ocr_pages[0].quality <= 1


@needs_tesseract
def test_png_image_is_read_by_ocr(text_image):
    buffer = io.BytesIO()
    text_image.save(buffer, "PNG", dpi=(300, 300))
    doc = read_bytes(buffer.getvalue(), "scan.png")
    text = " ".join(b.text for b in doc.blocks)
    assert LINES[0] in text and "Sở Y tế" in text
    assert doc.source.format == "image" and [p.number for p in doc.source.ocr_pages] == [1]


def test_without_tesseract_the_error_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)
    with pytest.raises(NoTextLayerError, match="apt-get install tesseract-ocr tesseract-ocr-vie"):
        read_file(SCAN)
    with pytest.raises(NoTextLayerError, match="apt-get install tesseract-ocr"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "scan.png")
    born_digital = read_file(SAMPLES / "ubnd-chi-thi.pdf")
    assert born_digital.blocks and not born_digital.warnings


def test_ocr_is_not_imported_for_born_digital_files():
    import subprocess
    import sys

    # the rules extractor: the span tagger's transformers import PIL for their own reasons, not for OCR
    code = ("import sys; from service.pipeline import analyze_file; analyze_file(sys.argv[1], 'rules'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'PIL' or m in ('service.ingest.ocr.reader', 'service.ingest.ocr.tesseract')))")
    out = subprocess.run([sys.executable, "-c", code, str(SAMPLES / "ubnd-chi-thi.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"

