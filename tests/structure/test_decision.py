"""A Quyết định that issues an attached Kế hoạch: the decision's articles, then the plan's tasks."""
from datetime import date

from service.pipeline import analyze_text

DECISION = """ỦY BAN NHÂN DÂN
TỈNH YÊN BÁI
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 1234/QĐ-UBND
Yên Bái, ngày 05 tháng 6 năm 2025

QUYẾT ĐỊNH
Ban hành Kế hoạch tổ chức thực hiện Chỉ thị số 21/CT-TTg ngày 18/4/2025 của Thủ tướng Chính phủ
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;
Căn cứ Chỉ thị số 21/CT-TTg ngày 18 tháng 4 năm 2025 của Thủ tướng Chính phủ;
Theo đề nghị của Sở Nông nghiệp và Môi trường tại Tờ trình số 245/TTr-SNNMT ngày 20/5/2025.
QUYẾT ĐỊNH:
Điều 1. Ban hành Kế hoạch tổ chức thực hiện Chỉ thị số 21/CT-TTg kèm theo Quyết định này.
Điều 2. Quyết định này có hiệu lực từ ngày 05/6/2025.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Xây dựng, Chủ tịch Ủy ban nhân dân các huyện có khu dân cư thuộc vùng nguy cơ sạt lở chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Thường trực Tỉnh ủy;
- Như Điều 3;
- Lưu: VT, NLN.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

KẾ HOẠCH
Thực hiện Chỉ thị số 21/CT-TTg ngày 18/4/2025 về phòng, chống sạt lở đất, lũ quét
(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 05/6/2025 của Chủ tịch UBND tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: Chủ động phòng ngừa, giảm thiệt hại do sạt lở đất, lũ quét.
2. Yêu cầu: Xác định rõ nội dung, thời hạn, trách nhiệm của các cơ quan.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Nông nghiệp và Môi trường
a) Rà soát các khu dân cư có nguy cơ sạt lở đất, lũ quét, phối hợp với Đài Khí tượng Thủy văn tỉnh lập bản đồ cảnh báo, hoàn thành trong quý IV năm 2025.
b) Tham mưu UBND tỉnh ban hành Kế hoạch di dời hộ dân khỏi vùng nguy hiểm giai đoạn 2025-2030, trình trước ngày 30/9/2025.
2. Đài Khí tượng Thủy văn tỉnh
Chủ trì xây dựng hệ thống cảnh báo sớm, phấn đấu đến năm 2030 tỷ lệ xã có trạm đo mưa tự động đạt 90%.
3. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch; kinh phí thực hiện từ nguồn ngân sách tỉnh.
4. Ủy ban nhân dân các huyện, thị xã, thành phố
- Tuyên truyền, hướng dẫn người dân kỹ năng ứng phó với sạt lở đất;
- Báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày 15/12 hằng năm.
III. TỔ CHỨC THỰC HIỆN
Sở Nông nghiệp và Môi trường theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh.
"""


def test_decision_metadata_and_title_in_sentence_case():
    meta = analyze_text(DECISION).metadata
    assert (meta.kind, meta.number, meta.issuer) == ("quyet_dinh", "1234/QĐ-UBND", "Ủy ban nhân dân tỉnh Yên Bái")
    assert meta.issued_on == date(2025, 6, 5)
    assert meta.title == "Ban hành Kế hoạch tổ chức thực hiện Chỉ thị số 21/CT-TTg ngày 18/4/2025 của Thủ tướng Chính phủ"
    assert [c.number for c in meta.basis] == ["21/CT-TTg"]
    assert meta.signer == "Trần Văn Bình"


def test_basis_lines_and_attached_title_are_not_tasks():
    texts = [t.text for t in analyze_text(DECISION).tasks]
    assert not any(t.startswith(("Căn cứ", "Theo đề nghị", "Thực hiện Chỉ thị", "(Ban hành kèm")) for t in texts)
    assert not any(t.startswith(("Ban hành Kế hoạch tổ chức thực hiện", "Quyết định này có hiệu lực")) for t in texts)
    assert not any(t.startswith("Chánh Văn phòng") for t in texts)     # the executing clause (Điều 3)
    assert texts[0].startswith("Rà soát các khu dân cư") and len(texts) == 7


def test_plan_tasks_take_heading_owners_targets_and_budget():
    tasks = analyze_text(DECISION).tasks
    by_start = {t.text[:14]: t for t in tasks}
    warning = by_start["Chủ trì xây dự"]
    assert [b.name for b in warning.lead] == ["Đài Khí tượng Thủy văn tỉnh"]
    assert [(t.value, t.unit, t.year) for t in warning.targets] == [(90.0, "%", 2030)]
    finance = by_start["Sở Tài chính: "]
    assert [b.name for b in finance.lead] == ["Sở Tài chính"] and finance.budget.source == "ngân sách tỉnh"
