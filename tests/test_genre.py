"""What a document is decides what counts as its work and its targets (service/genre.py)."""
import pytest

from service.genre import genre
from service.pipeline import analyze_text

ARTICLE = """Nhìn lại 5 năm xây dựng nông thôn mới ở vùng trung du
1. Vài nét về vùng trung du
Đến cuối năm 2025, tỷ lệ xã đạt chuẩn nông thôn mới của vùng đạt 62%.
2. Một số giải pháp
Các tỉnh cần phấn đấu đến năm 2030 có 90% số xã đạt chuẩn nông thôn mới.
"""

RULES = """QUYẾT ĐỊNH
Về việc quy định mức thu phí tham quan di tích trên địa bàn tỉnh
Điều 1. Mức thu phí tham quan: người lớn 20.000 đồng/lượt; trẻ em giảm 50% mức thu.
Điều 2. Giao Sở Văn hóa, Thể thao và Du lịch hướng dẫn, kiểm tra việc thu phí.
"""

PLAN = """KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2027
1. Phấn đấu năm 2027 đón 50.000 lượt khách du lịch cộng đồng.
2. Tổ chức 03 lớp tập huấn kỹ năng làm du lịch cho hộ dân.
"""


def test_the_three_genres():
    assert [genre(analyze_text(t).metadata) for t in (ARTICLE, RULES, PLAN)] == ["article", "rules", "act"]


def test_only_the_aims_of_an_article_are_targets():
    doc = analyze_text(ARTICLE)
    assert [t.value for t in doc.targets] == [90]          # the 62% it reports is a result


def test_the_terms_of_a_rule_are_not_targets():
    assert analyze_text(RULES).targets == []
    assert 50000 in [t.value for t in analyze_text(PLAN).targets]


MANDATE = """QUYẾT ĐỊNH
Quy định vị trí, chức năng và cơ cấu tổ chức của Trung tâm Khuyến nông tỉnh
Điều 1. Trung tâm Khuyến nông tỉnh có các nhiệm vụ sau:
1. Xây dựng kế hoạch khuyến nông hằng năm trình Sở Nông nghiệp và Môi trường phê duyệt;
2. Tổ chức tập huấn kỹ thuật cho nông dân;
3. Quản lý viên chức, tài sản theo phân cấp.
Điều 2. Giao Giám đốc Trung tâm Khuyến nông tỉnh ban hành Quy chế làm việc của Trung tâm trong tháng 3 năm 2027.
"""


def test_an_agencys_remit_is_no_task_but_work_assigned_on_top_is():
    doc = analyze_text(MANDATE)
    assert genre(doc.metadata) == "mandate"
    assert [t.text[:25] for t in doc.tasks] == ["Giao Giám đốc Trung tâm K"]


def test_a_circular_sets_rules():
    """A legal act whose title carries its kind name (first-line titles; a header "THÔNG TƯ" line alone is not
    told apart from other acts of kind khac yet)."""
    text = ("Thông tư hướng dẫn chế độ báo cáo thống kê ngành xây dựng\nCăn cứ Luật Thống kê ngày 23 tháng 11 năm 2015;\n"
            "Điều 1. Báo cáo thống kê được lập theo mẫu tại Phụ lục của Thông tư.\n"
            "Điều 2. Sở Xây dựng có trách nhiệm tổng hợp báo cáo gửi Bộ Xây dựng trước ngày 15 tháng 1 hằng năm.\n")
    doc = analyze_text(text)
    assert genre(doc.metadata) == "rules"
    assert [t.text[:12] for t in doc.tasks] == ["Sở Xây dựng "]


@pytest.mark.parametrize("title", ["Về việc đẩy mạnh chuyển đổi số trong các cơ quan nhà nước",
                                   "Về tiết kiệm chi phí hành chính", "Về nâng cao tỷ lệ người dân tham gia bảo hiểm y tế",
                                   "Về chế độ tự chủ tài chính của đơn vị sự nghiệp"])
def test_work_titles_are_not_rules(title):
    from service.document import Metadata
    assert genre(Metadata(kind="quyet_dinh", title=title)) == "act"
