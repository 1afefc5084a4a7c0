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
Ban hành Kế hoạch thực hiện Chỉ thị số 13/CT-TTg ngày 02/5/2024 của Thủ tướng Chính phủ
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Chỉ thị số 13/CT-TTg ngày 02 tháng 5 năm 2024 của Thủ tướng Chính phủ;
Theo đề nghị của Giám đốc Sở Tài nguyên và Môi trường tại Tờ trình số 245/TTr-STNMT ngày 20/5/2025.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 13/CT-TTg.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố chịu trách nhiệm thi hành Quyết định này./.
Nơi nhận:
- Như Điều 3;
- Lưu: VT, TNMT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình

KẾ HOẠCH
Thực hiện Chỉ thị số 13/CT-TTg ngày 02/5/2024 của Thủ tướng Chính phủ
(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 05/6/2025 của Chủ tịch Ủy ban nhân dân tỉnh)
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: Triển khai kịp thời, hiệu quả Chỉ thị số 13/CT-TTg.
2. Yêu cầu: Xác định rõ nội dung, thời hạn, trách nhiệm của các cơ quan.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Tài nguyên và Môi trường
a) Chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn rà soát tiềm năng tín chỉ các-bon từ rừng trên địa bàn tỉnh, hoàn thành trong quý IV năm 2025.
b) Tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch giảm phát thải khí nhà kính của tỉnh giai đoạn 2025-2030, trình trước ngày 30/9/2025.
2. Sở Nông nghiệp và Phát triển nông thôn
Chủ trì xây dựng cơ sở dữ liệu rừng, phấn đấu đến năm 2030 tỷ lệ che phủ rừng đạt 63%.
3. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch; kinh phí thực hiện từ nguồn ngân sách tỉnh.
4. Ủy ban nhân dân các huyện, thị xã, thành phố
- Tuyên truyền, phổ biến Chỉ thị đến người dân;
- Báo cáo kết quả thực hiện về Sở Tài nguyên và Môi trường trước ngày 15/12 hằng năm.
III. TỔ CHỨC THỰC HIỆN
Sở Tài nguyên và Môi trường theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh.
"""


def test_decision_metadata_and_title_in_sentence_case():
    meta = analyze_text(DECISION).metadata
    assert (meta.kind, meta.number, meta.issuer) == ("quyet_dinh", "1234/QĐ-UBND", "Ủy ban nhân dân tỉnh Yên Bái")
    assert meta.issued_on == date(2025, 6, 5)
    assert meta.title == "Ban hành Kế hoạch thực hiện Chỉ thị số 13/CT-TTg ngày 02/5/2024 của Thủ tướng Chính phủ"
    assert [c.number for c in meta.basis] == ["13/CT-TTg"]
    assert meta.signer == "Trần Văn Bình"


def test_basis_lines_and_attached_title_are_not_tasks():
    texts = [t.text for t in analyze_text(DECISION).tasks]
    assert not any(t.startswith(("Căn cứ", "Theo đề nghị", "Thực hiện Chỉ thị", "(Ban hành kèm")) for t in texts)
    assert not any(t.startswith(("Ban hành kèm theo Quyết định này", "Quyết định này có hiệu lực")) for t in texts)
    assert not any(t.startswith("Chánh Văn phòng") for t in texts)     # the executing clause (Điều 3)
    assert texts[0].startswith("Chủ trì, phối hợp") and len(texts) == 7


def test_plan_tasks_take_heading_owners_targets_and_budget():
    tasks = analyze_text(DECISION).tasks
    by_start = {t.text[:14]: t for t in tasks}
    forest = by_start["Chủ trì xây dự"]
    assert [b.name for b in forest.lead] == ["Sở Nông nghiệp và Phát triển nông thôn"]
    assert [(t.value, t.unit, t.year) for t in forest.targets] == [(63.0, "%", 2030)]
    finance = by_start["Sở Tài chính: "]
    assert [b.name for b in finance.lead] == ["Sở Tài chính"] and finance.budget.source == "ngân sách tỉnh"
