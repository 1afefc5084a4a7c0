"""The PDF and scan variants of evaluation/robustness.py: which texts they typeset, and that they keep
their paragraphs."""
import io
import sys
from pathlib import Path

import pytest

from evaluation.robustness import as_pdf, as_scan, hard_wrap, is_text_layer, typed

sys.path.insert(0, str(Path(__file__).parent / "ocr"))
from ocr_helpers import needs_tesseract  # noqa: E402

TYPED_OUT = """Để nâng cao chất lượng dịch vụ công trực tuyến năm 2027, Ủy ban nhân dân huyện yêu cầu:
- Văn phòng Ủy ban nhân dân huyện rà soát quy trình tiếp nhận hồ sơ trực tuyến, báo cáo trước ngày 31/3/2027.
- Phòng Văn hóa, Khoa học và Thông tin hướng dẫn các xã số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.
- Ủy ban nhân dân các xã bố trí công chức hỗ trợ người dân nộp hồ sơ trực tuyến tại bộ phận một cửa.
"""


def test_a_typed_out_text_is_typeset_and_a_text_layer_is_not():
    pytest.importorskip("reportlab")
    assert not is_text_layer(TYPED_OUT)
    assert as_pdf(TYPED_OUT, "plan.txt") is not None
    layer = hard_wrap(TYPED_OUT * 3, 60)
    assert is_text_layer(layer) and as_pdf(layer, "plan.txt") is None


def test_the_typeset_pdf_reads_back_paragraph_for_paragraph():
    pytest.importorskip("reportlab")
    from service.ingest import read_bytes

    data, name = as_pdf(TYPED_OUT, "plan.txt")
    assert name == "plan.pdf" and data.startswith(b"%PDF")
    paragraphs = [b.text for b in read_bytes(data, name).blocks if b.kind == "paragraph"]
    assert paragraphs == [line for line in TYPED_OUT.splitlines() if line]


def test_spaced_punctuation_is_set_as_a_typist_sets_it():
    segmented = "Sở Nội vụ làm đầu mối , cùng các sở , ngành ( nếu cần ) ; tỷ lệ đạt 95 % ."
    assert typed(segmented) == "Sở Nội vụ làm đầu mối, cùng các sở, ngành (nếu cần); tỷ lệ đạt 95%."
    assert typed("1 / Sửa đổi Chỉ thị 05-CT / TU : tăng 8 % / năm") == "1/ Sửa đổi Chỉ thị 05-CT/TU: tăng 8%/năm"
    assert typed("Công văn số 45 / KH-UBND về \" Ngày hội \" ; 2 / 3 số xã") == \
        "Công văn số 45/KH-UBND về \"Ngày hội\"; 2/3 số xã"
    assert typed("12 / KH-UBND ngày 5 / 6") == "12/KH-UBND ngày 5/6"
    assert typed("Iii .\nnhiệm vụ\n2 . \nSở Tư pháp hướng dẫn .") == "III. nhiệm vụ\n2. Sở Tư pháp hướng dẫn."
    assert typed("a)\nb) Sở Y tế") == "a)\nb) Sở Y tế"


@needs_tesseract
def test_the_scan_has_no_text_layer_and_reads_back_by_ocr():
    pytest.importorskip("reportlab")
    import pdfplumber

    from service.ingest import read_bytes

    data, name = as_scan(TYPED_OUT, "plan.txt")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.pages and not any(page.chars for page in pdf.pages)
    parsed = read_bytes(data, name)
    assert len(parsed.source.ocr_pages) == parsed.source.pages
    items = [b.text for b in parsed.blocks if b.text.startswith("- ")]
    assert len(items) == 3 and "31/3/2027" in items[0] and "bộ phận một cửa" in items[2]
