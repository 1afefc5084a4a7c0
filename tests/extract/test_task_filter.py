"""The learned task filter: what it describes, what it drops, what it protects, and that the rules
extractor never sees it."""
import numpy as np
import pytest

from service.document import Body, Deadline, Document, Task, Target
from service.extract import task_filter
from service.pipeline import analyze_text

PLAN = ("KẾ HOẠCH\nThực hiện chuyển đổi số trong cơ quan nhà nước năm 2027\n"
        "1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng UBND tỉnh triển khai nền tảng "
        "họp trực tuyến đến cấp xã, hoàn thành trước ngày 30/6/2027.\n"
        "2. Sở Nội vụ chủ trì rà soát, chuẩn hóa 100% hồ sơ cán bộ, công chức trên phần mềm quản lý; "
        "báo cáo kết quả trước ngày 15/11/2027.\n"
        "3. UBND các huyện, thị xã bố trí cán bộ chuyên trách công nghệ thông tin tại 100% các xã trong năm 2027.\n")


def _doc(*tasks: Task, text: str = "x" * 400) -> Document:
    return Document(text=text, tasks=list(tasks))


def _task(i: int, start: int, **fields) -> Task:
    return Task(id=f"t{i}", text=f"Nhiệm vụ số {i} của kế hoạch", start=start, end=start + 40, **fields)


def test_describe_has_one_row_per_task_with_what_the_rules_found():
    doc = _doc(_task(1, 0, lead=[Body(name="Sở Y tế", start=0, end=7)]), _task(2, 100))
    rows = task_filter.describe(doc, np.ones((2, task_filter.DIM), np.float32))
    assert rows.shape[0] == 2
    assert rows[0, 0] == 1.0 and rows[1, 0] == 0.0              # first column: a lead was found
    assert np.allclose(rows[:, -task_filter.DIM:], 1.0)         # the document's mean vector closes the row


def test_drop_tasks_removes_only_the_named_items_and_keeps_document_targets():
    target = Target(text="100% xã", indicator="xã", value=100, unit="%", start=110, end=117)
    doc = _doc(_task(1, 0), _task(2, 100, targets=[target]), _task(3, 200))
    doc.targets = [target]
    doc = task_filter.drop_tasks(doc, ["t2"])
    assert [t.id for t in doc.tasks] == ["t1", "t3"]
    assert doc.targets == [target]


@pytest.mark.parametrize("protect, kept", [("none", [False, False, True]),
                                           ("deadline", [True, False, True]),
                                           ("lead_deadline", [True, True, True])])
def test_protection_keeps_items_whose_owner_or_deadline_the_rules_found(protect, kept):
    doc = _doc(_task(1, 0, deadline=Deadline(text="trước ngày 30/6/2027")),
               _task(2, 100, lead=[Body(name="Sở Nội vụ", start=100, end=109)]), _task(3, 200))
    assert task_filter.keep_mask(doc, np.array([0.1, 0.2, 0.9]), 0.5, protect) == kept


def test_the_rules_extractor_keeps_every_segmented_item():
    doc = analyze_text(PLAN, extractor="rules")
    assert len(doc.tasks) == 3 and "task_filter" in doc.timings


def test_a_filter_that_does_not_match_the_catalogue_keeps_every_item_with_a_warning(monkeypatch):
    pytest.importorskip("torch")

    def broken():
        raise RuntimeError("task_filter.json does not match the sha256 in the model catalogue")
    monkeypatch.setattr(task_filter, "_coefficients", broken)
    doc = analyze_text(PLAN, extractor="hybrid")
    assert len(doc.tasks) == 3
    warning = [w for w in doc.warnings if w.stage == "task_filter"]
    assert [w.code for w in warning] == ["task_filter_unavailable"]
    assert warning[0].message.startswith("Không dùng được bộ lọc nhiệm vụ")


def test_hybrid_keeps_the_owned_dated_tasks_of_a_plan():
    pytest.importorskip("torch")
    doc = analyze_text(PLAN, extractor="hybrid")
    assert doc.extractor == "hybrid"
    assert [t.text[:20] for t in doc.tasks] == [t.text[:20] for t in analyze_text(PLAN, extractor="rules").tasks]


ARTICLE = ("Bước chuyển mình của nông thôn miền núi\n"
           "Những năm qua, huyện vùng cao đã có nhiều đổi thay rõ rệt nhờ các chương trình mục tiêu quốc gia.\n"
           "- Đường giao thông nông thôn được cứng hóa, xe ô tô đã về tới trung tâm các xã.\n"
           "- Nhiều hộ dân mạnh dạn chuyển đổi cây trồng, đưa giống chè chất lượng cao vào sản xuất.\n"
           "- Trường học, trạm y tế được đầu tư xây mới khang trang, đáp ứng nhu cầu của người dân.\n"
           "Theo ông Nguyễn Văn A, Chủ tịch UBND huyện, thời gian tới huyện sẽ tiếp tục huy động nguồn lực "
           "để phát triển du lịch cộng đồng.\n")


def test_hybrid_drops_the_reported_results_of_an_article_that_the_rules_keep():
    pytest.importorskip("torch")
    rules, hybrid = analyze_text(ARTICLE, extractor="rules"), analyze_text(ARTICLE, extractor="hybrid")
    assert rules.metadata.kind == "khac" and len(rules.tasks) >= 1
    assert hybrid.tasks == [] and "no_tasks" in [w.code for w in hybrid.warnings]


def test_shipped_scores_are_probabilities_for_every_task():
    pytest.importorskip("torch")
    doc = analyze_text(PLAN, extractor="rules")
    scores = task_filter.task_scores(doc, np.zeros((len(doc.tasks), task_filter.DIM), np.float32))
    assert scores.shape == (3,) and ((scores >= 0) & (scores <= 1)).all()
