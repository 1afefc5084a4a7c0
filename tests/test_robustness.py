"""The PDF variant of evaluation/robustness.py: which texts it typesets, and that it keeps their paragraphs."""
import pytest

from evaluation.robustness import as_pdf, hard_wrap, is_text_layer

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
