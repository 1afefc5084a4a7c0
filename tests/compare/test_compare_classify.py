"""verbatim / adapted / new on small hand-written pairs (lexical signal, calibrated thresholds)."""
from service.compare import compare
from service.compare.classify import Thresholds, decide


def test_classes_of_the_hand_written_pair(lower_doc, upper_doc, lower_tasks):
    result = compare(lower_doc, upper_doc, semantic=False)
    assert [i.class_ for i in result.items] == [c for _, c in lower_tasks]


def test_adapted_task_lists_its_local_additions(lower_doc, upper_doc):
    item = compare(lower_doc, upper_doc, semantic=False).items[2]
    kinds = {a.kind for a in item.local_additions}
    assert "figure" in kinds and "deadline" in kinds
    assert item.upper and item.upper[0].text.startswith("Hỗ trợ hợp tác xã")


def test_new_task_has_no_counterpart(lower_doc, upper_doc):
    item = compare(lower_doc, upper_doc, semantic=False).items[3]
    assert item.upper == [] and item.copied_spans == []


def test_ratios(lower_doc, upper_doc, lower_tasks):
    result = compare(lower_doc, upper_doc, semantic=False)
    verbatim = sum(len(t) for t, c in lower_tasks if c == "verbatim")
    assert abs(result.copy_ratio - verbatim / sum(len(t) for t, _ in lower_tasks)) < 0.01
    assert result.coverage == 0.6
    assert len(result.uncovered_upper) == 2


def test_decide_rules():
    th = Thresholds(verbatim=0.9, adapted=0.5, semantic=0.9, semantic_min_lexical=0.0)
    assert decide(1.0, 0.95, None, False, th) == "verbatim"
    assert decide(1.0, 0.95, None, True, th) == "adapted"       # a local owner, figure or deadline
    assert decide(0.6, 0.6, None, False, th) == "adapted"
    assert decide(0.1, 0.1, 0.95, False, th) == "adapted"       # reworded, close in meaning
    assert decide(0.1, 0.1, 0.5, False, th) == "new"
    assert decide(0.1, 0.1, None, False, th) == "new"


def test_copied_target(make_plan):
    from service.pipeline import analyze_text
    plan = make_plan
    lower = analyze_text(plan("HUYỆN ỦY BẢO THẮNG", "1-KH/HU", "KẾ HOẠCH", [
        "Hỗ trợ 100% hợp tác xã đưa sản phẩm lên sàn thương mại điện tử."]))
    upper = analyze_text(plan("TỈNH ỦY LÀO CAI", "2-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG", [
        "Hỗ trợ 100% hợp tác xã, chủ thể OCOP đưa sản phẩm lên sàn thương mại điện tử."]))
    item = compare(lower, upper, semantic=False).items[0]
    assert item.class_ != "new"
    assert [(t.value, t.unit) for t in item.copied_targets] == [(100.0, "%")]


def test_additions_are_the_extracted_fields_and_citations_are_no_figures(make_plan):
    plan = make_plan
    from service.compare.align import prepare
    from service.compare.classify import additions
    from service.pipeline import analyze_text

    upper = analyze_text(plan("TỈNH ỦY LÀO CAI", "41-CTr/TU", "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                              ["Rà soát, sửa đổi các văn bản không còn phù hợp với chuyển đổi số."]))
    lower = analyze_text(plan("HUYỆN ỦY BẢO THẮNG", "87-KH/HU", "KẾ HOẠCH", [
        "Rà soát, sửa đổi các văn bản không còn phù hợp với chuyển đổi số theo Chương trình số "
        "41-CTr/TU, hoàn thành trước ngày 30/9/2025."]))
    task = lower.tasks[0]
    vocab: dict = {}
    unit, up = prepare(task.id, task.text, vocab), prepare("u", upper.tasks[0].text, vocab)
    hits = set(range(len(up.toks)))                      # the copied opening, token for token
    found = additions(unit, hits, task, [upper.tasks[0]])
    assert not any(a.kind == "figure" for a in found)
    assert [a.text for a in found if a.kind == "deadline"] == [task.deadline.text]
