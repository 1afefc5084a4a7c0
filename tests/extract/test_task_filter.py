"""The learned task filter: what it describes, what it drops, what it protects, and that the rules
extractor never sees it."""
import numpy as np
import pytest

from service.document import Body, Deadline, Document, Section, Task, Target
from service.extract import task_filter
from service.pipeline import analyze_text

PLAN = ("KẾ HOẠCH\nThực hiện chuyển đổi số trong cơ quan nhà nước năm 2027\n"
        "1. Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng UBND tỉnh triển khai nền tảng "
        "họp trực tuyến đến cấp xã, hoàn thành trước ngày 30/6/2027.\n"
        "2. Sở Nội vụ chủ trì rà soát, chuẩn hóa 100% hồ sơ cán bộ, công chức trên phần mềm quản lý; "
        "báo cáo kết quả trước ngày 15/11/2027.\n"
        "3. UBND các huyện, thị xã bố trí cán bộ chuyên trách công nghệ thông tin tại 100% các xã trong năm 2027.\n")


ARTICLE = ("Bước chuyển mình của nông thôn miền núi\n"
           "Những năm qua, huyện vùng cao đã có nhiều đổi thay rõ rệt nhờ các chương trình mục tiêu quốc gia.\n"
           "- Đường giao thông nông thôn được cứng hóa, xe ô tô đã về tới trung tâm các xã.\n"
           "- Nhiều hộ dân mạnh dạn chuyển đổi cây trồng, đưa giống chè chất lượng cao vào sản xuất.\n"
           "- Trường học, trạm y tế được đầu tư xây mới khang trang, đáp ứng nhu cầu của người dân.\n"
           "Theo ông Nguyễn Văn A, Chủ tịch UBND huyện, thời gian tới huyện sẽ tiếp tục huy động nguồn lực "
           "để phát triển du lịch cộng đồng.\n")


def _doc(*tasks: Task, text: str = "x" * 400) -> Document:
    return Document(text=text, tasks=list(tasks))


def _task(i: int, start: int, **fields) -> Task:
    return Task(id=f"t{i}", text=f"Nhiệm vụ số {i} của kế hoạch", start=start, end=start + 40, **fields)


def test_describe_has_one_row_per_task_with_what_the_rules_found():
    doc = _doc(_task(1, 0, lead=[Body(name="Sở Y tế", start=0, end=7)]), _task(2, 100))
    vectors = np.stack([np.full(task_filter.DIM, 1.0), np.full(task_filter.DIM, 3.0)]).astype(np.float32)
    rows = task_filter.describe(doc, vectors)
    assert rows.shape == (2, task_filter.features_count())
    assert rows[0, 0] == 1.0 and rows[1, 0] == 0.0                 # first column: a lead was found
    own, mean = rows[:, -2 * task_filter.DIM:-task_filter.DIM], rows[:, -task_filter.DIM:]
    assert np.allclose(own[0], 1.0) and np.allclose(own[1], 3.0)  # the item's own vector
    assert np.allclose(mean, 2.0)                                  # then the document's mean vector


def _sections(*headings: tuple[str, str, str | None]) -> dict:
    return {i: Section(id=i, heading=h, level=1, start=0, end=1, parent=parent) for i, h, parent in headings}


@pytest.mark.parametrize("heading, under", [
    ("I. KẾT QUẢ THỰC HIỆN NĂM 2026", [1, 1, 0, 0]),                # what was done: reported, not work
    ("I. MỤC ĐÍCH, YÊU CẦU", [0, 1, 0, 0]),                         # purpose and requirements
    ("Chức năng, nhiệm vụ của Trung tâm", [0, 0, 1, 1]),           # a standing mandate (says "nhiệm vụ" too)
    ("II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", [0, 0, 0, 1]),            # work to do
])
def test_the_filter_sees_what_kind_of_heading_an_item_stands_under(heading, under):
    sections = _sections(("s1", heading.split(". ", 1)[-1], None), ("s2", "Về chuyển đổi số", "s1"))
    task = _task(1, 0, section="s2")
    context = task_filter.heading_context(task, sections)
    assert context[:4] == under
    assert context[4:] == [2 / 5, 0.0]                              # two headings above, not outside all


def test_an_item_under_no_heading_and_a_lead_in_sentence_are_told_apart():
    assert task_filter.heading_context(_task(1, 0), {})[4:] == [0.0, 1.0]
    long_lead_in = ("Để hoàn thành sớm các nội dung của đề án trong năm 2027, Chủ tịch thành phố đề nghị "
                    "các phòng chuyên môn và các phường, xã bám sát hướng dẫn, làm tốt những việc sau đây:")
    task = _task(1, 0, section="s1")
    assert task_filter.heading_context(task, _sections(("s1", long_lead_in, None)))[:4] == [0, 0, 0, 0]


def test_drop_tasks_removes_only_the_named_items_and_keeps_document_targets():
    target = Target(text="100% xã", indicator="xã", value=100, unit="%", start=110, end=117)
    doc = _doc(_task(1, 0), _task(2, 100, targets=[target]), _task(3, 200))
    doc.targets = [target]
    doc = task_filter.drop_tasks(doc, ["t2"])
    assert [t.id for t in doc.tasks] == ["t1", "t3"]
    assert doc.targets == [target]


def _decision(*tasks: Task) -> Document:
    doc = _doc(*tasks)
    doc.metadata.kind, doc.metadata.number = "quyet_dinh", "15/2027/QĐ-UBND"
    doc.metadata.title = "Ban hành Quy định quản lý cụm công nghiệp trên địa bàn tỉnh"
    return doc


@pytest.mark.parametrize("protect, kept", [("none", [False, False, True, False]),
                                           ("deadline", [True, False, True, True]),
                                           ("lead_deadline", [True, True, True, True]),
                                           ("lead_and_deadline", [False, False, True, True]),
                                           ("lead_and_deadline_or_named", [False, True, True, True])])
def test_protection_keeps_items_whose_owner_or_deadline_the_rules_found(protect, kept):
    doc = _decision(_task(1, 0, deadline=Deadline(text="trước ngày 30/6/2027")),
                    _task(2, 100, lead=[Body(name="Sở Nội vụ", start=100, end=109)]), _task(3, 200),
                    _task(4, 300, lead=[Body(name="Sở Tư pháp", start=300, end=310)],
                          deadline=Deadline(text="trong quý II/2027")))
    assert task_filter.keep_mask(doc, np.array([0.1, 0.2, 0.9, 0.1]), 0.5, protect) == kept


def test_a_press_article_naming_a_body_that_acts_is_not_protected():
    """An article reports what bodies do: "Sở X triển khai …" there is no assignment the filter must keep."""
    item = _item("Sở Công Thương triển khai chương trình đưa hàng Việt về nông thôn.", "Sở Công Thương")
    assert task_filter.keep_mask(_decision(item), np.array([0.1]), 0.5, "lead_and_deadline_or_named") == [True]
    assert task_filter.keep_mask(_doc(item), np.array([0.1]), 0.5, "lead_and_deadline_or_named") == [False]


def _item(text: str, lead: str, at: int | None = None) -> Task:
    """An item at offset 1000 whose lead is named at `at` (default: where it occurs in the item)."""
    start = 1000 + text.index(lead) if at is None else at
    return Task(id="t", text=text, start=1000, end=1000 + len(text),
                lead=[Body(name=lead, start=start, end=start + len(lead))])


def test_a_lead_named_in_the_item_and_followed_by_what_it_does_is_named():
    assert task_filter.named_lead(_item("Sở Tài chính có trách nhiệm hướng dẫn các huyện lập dự toán.",
                                        "Sở Tài chính"))
    assert task_filter.named_lead(_item("Giao Sở Xây dựng thẩm định thiết kế cơ sở các dự án nhóm C.",
                                        "Sở Xây dựng"))
    assert task_filter.named_lead(_item("Sở Y tế chủ trì.", "Sở Y tế"))


def test_a_lead_handed_down_or_an_item_of_names_only_is_not_named():
    handed_down = _item("Rà soát quy hoạch sử dụng đất của cấp huyện.", "Sở Tài nguyên và Môi trường", at=400)
    names_only = _item("Trung tâm Dịch vụ việc làm tỉnh và các đơn vị trực thuộc;", "Trung tâm Dịch vụ việc làm tỉnh")
    assert not task_filter.named_lead(handed_down) and not task_filter.named_lead(names_only)
    assert not task_filter.named_lead(Task(id="t", text="Tổ chức tập huấn.", start=0, end=17))


def test_scope_leaves_acts_issuing_work_alone_and_filters_the_rest():
    plan = Document(text="x", tasks=[_task(1, 0)])
    plan.metadata.kind, plan.metadata.title, plan.metadata.number = "ke_hoach", "Triển khai chuyển đổi số", "12/KH-UBND"
    article = Document(text="x", tasks=[_task(1, 0)])
    low = np.array([0.01])
    assert task_filter.keep_mask(plan, low, 0.5, "none", "beyond_work_acts") == [True]
    assert task_filter.keep_mask(article, low, 0.5, "none", "beyond_work_acts") == [False]
    assert task_filter.keep_mask(plan, low, 0.5, "none", "all") == [False]


def test_a_task_without_tokens_gets_a_zero_vector_as_in_training():
    doc = _doc(_task(1, 0), _task(2, 100))
    doc._task_vectors = {"t1": np.ones(task_filter.DIM, np.float32)}
    vectors = task_filter.vectors_of(doc)
    assert vectors.shape == (2, task_filter.DIM) and vectors[0].sum() == task_filter.DIM and not vectors[1].any()


def test_the_shipped_coefficients_fit_the_features_the_code_describes():
    pytest.importorskip("torch")
    model = task_filter.shipped()
    assert model is not None and len(model.coef) == task_filter.features_count()
    assert model.protect in task_filter.PROTECT and model.scope in task_filter.SCOPES


def test_the_rules_extractor_never_filters():
    doc = analyze_text(ARTICLE, extractor="rules")
    assert len(doc.tasks) >= 1 and "task_filter" in doc.timings


def test_without_a_catalogue_entry_the_filter_does_nothing_and_says_nothing(monkeypatch):
    pytest.importorskip("torch")
    monkeypatch.setattr(task_filter, "shipped", lambda: None)
    doc = analyze_text(ARTICLE, extractor="hybrid")
    assert len(doc.tasks) == len(analyze_text(ARTICLE, extractor="rules").tasks)
    assert not [w for w in doc.warnings if w.stage == "task_filter"]


def test_a_filter_that_does_not_match_the_catalogue_keeps_every_item_with_a_warning(monkeypatch):
    pytest.importorskip("torch")

    def broken():
        raise RuntimeError("task_filter.json does not match the sha256 in the model catalogue")
    monkeypatch.setattr(task_filter, "shipped", broken)
    doc = analyze_text(ARTICLE, extractor="hybrid")
    assert len(doc.tasks) == len(analyze_text(ARTICLE, extractor="rules").tasks)
    warning = [w for w in doc.warnings if w.stage == "task_filter"]
    assert [w.code for w in warning] == ["task_filter_unavailable"]
    assert warning[0].message.startswith("Bộ lọc nhiệm vụ (mô hình) không khớp danh mục")


def test_the_default_extractor_keeps_every_task_of_a_plan():
    pytest.importorskip("torch")
    doc = analyze_text(PLAN)
    assert doc.extractor == "hybrid"
    assert [t.text[:24] for t in doc.tasks] == [t.text[:24] for t in analyze_text(PLAN, extractor="rules").tasks]


def test_hybrid_drops_the_reported_results_of_an_article_that_the_rules_keep():
    pytest.importorskip("torch")
    rules, hybrid = analyze_text(ARTICLE, extractor="rules"), analyze_text(ARTICLE, extractor="hybrid")
    assert rules.metadata.kind == "khac" and len(rules.tasks) >= 1
    assert hybrid.tasks == [] and "no_tasks" in [w.code for w in hybrid.warnings]
