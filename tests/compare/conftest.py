"""Fixtures for the copy-check tests: a small hand-written upper/lower pair."""
import pytest

from service.pipeline import analyze_text

HEADER = "{issuer} | ĐẢNG CỘNG SẢN VIỆT NAM\n* | \nSố {number} | Lào Cai, ngày 17 tháng 01 năm 2025\n\n{kind}\nthực hiện chuyển đổi số\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"

UPPER_TASKS = [
    "Tiếp tục hoàn thiện cơ chế phối hợp giữa các cơ quan trong quản lý, chia sẻ dữ liệu; khắc phục tình trạng cục bộ, khép kín dữ liệu.",
    "Rà soát, sửa đổi, bổ sung những văn bản của tỉnh không còn phù hợp, gây cản trở hoạt động chuyển đổi số; hoàn thành trong năm 2025.",
    "Chỉ đạo Sở Thông tin và Truyền thông xây dựng Bộ chỉ số đánh giá mức độ chuyển đổi số của các sở, ngành, địa phương; công bố kết quả đánh giá hằng năm.",
    "Hỗ trợ hợp tác xã, chủ thể OCOP đưa sản phẩm lên sàn thương mại điện tử.",
    "Mở chuyên mục chuyển đổi số trên Báo Lào Cai, phát sóng định kỳ hằng tháng.",
]
LOWER_TASKS = [  # (text, expected class)
    ("Rà soát, sửa đổi, bổ sung những văn bản của huyện không còn phù hợp, gây cản trở hoạt động chuyển đổi số; hoàn thành trong năm 2026.", "verbatim"),
    ("Chỉ đạo Phòng Văn hóa và Thông tin xây dựng Bộ chỉ số đánh giá mức độ chuyển đổi số của các phòng, ban, xã, thị trấn; công bố kết quả đánh giá hằng năm.", "verbatim"),
    ("Hỗ trợ 24 hợp tác xã, chủ thể OCOP của huyện đưa sản phẩm lên sàn thương mại điện tử, hoàn thành trước ngày 30/9/2025.", "adapted"),
    ("Tổ chức Hội thi văn nghệ quần chúng chào mừng ngày thành lập Đảng tại thị trấn Phố Lu.", "new"),
]


def plan(issuer: str, number: str, kind: str, tasks: list[str]) -> str:
    items = "\n".join(f"{i}. {t}" for i, t in enumerate(tasks, 1))
    return HEADER.format(issuer=issuer, number=number, kind=kind) + items + "\n"


UPPER_TEXT = plan("TỈNH ỦY LÀO CAI", "41-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG", UPPER_TASKS)
LOWER_TEXT = plan("HUYỆN ỦY BẢO THẮNG", "87-KH/HU", "KẾ HOẠCH", [t for t, _ in LOWER_TASKS])


@pytest.fixture(scope="session")
def upper_doc():
    return analyze_text(UPPER_TEXT, "upper.txt")


@pytest.fixture(scope="session")
def lower_doc():
    return analyze_text(LOWER_TEXT, "lower.txt")


@pytest.fixture
def plan_files(tmp_path):
    lower, upper = tmp_path / "lower.txt", tmp_path / "upper.txt"
    lower.write_text(LOWER_TEXT, encoding="utf-8")
    upper.write_text(UPPER_TEXT, encoding="utf-8")
    return lower, upper


@pytest.fixture(scope="session")
def lower_tasks():
    """(text, expected class) of the hand-written lower plan."""
    return LOWER_TASKS


@pytest.fixture(scope="session")
def make_plan():
    """plan(issuer, number, kind, tasks) -> TXT in the samples' convention."""
    return plan
