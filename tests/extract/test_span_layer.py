"""The spaCy span layer and the merge of rule and model spans (our own sentences, hand-made guesses)."""
import pytest

from service.document import Body, Task
from service.extract.combine import combine
from service.extract.tagger import SpanGuess

pytest.importorskip("spacy")

from service.extract.span_layer import model_guesses, nlp, side_by_side, to_docbin  # noqa: E402

TH = {"lead": 0.5, "support": 0.5, "deadline": 0.5, "output": 0.5, "fill_inherited": True}


def _task(text: str, start: int = 100, lead=(), support=()) -> Task:
    def body(name):
        at = text.index(name)
        return Body(name=name, canonical=name, start=start + at, end=start + at + len(name))
    return Task(id="t1", text=text, start=start, end=start + len(text), lead=[body(n) for n in lead],
                support=[body(n) for n in support])


def _guess(text: str, phrase: str, label: str, score: float = 0.9) -> SpanGuess:
    at = text.index(phrase)
    return SpanGuess(at, at + len(phrase), label, score)


def test_underthesea_tokens_keep_the_text():
    text = "Phòng Văn hóa và Thông tin  chủ trì,\nbáo cáo trước ngày 15/9/2026 (qua Văn phòng)."
    doc = nlp()(text)
    assert doc.text == text
    assert "15/9/2026" in [t.text for t in doc] and "Văn" in [t.text for t in doc]


def test_a_token_underthesea_rewrites_stays_as_written():
    text = "Rà soát các qui định về ðất đai."            # underthesea reads "quy", "đất"
    doc = nlp()(text)
    assert doc.text == text
    assert [(t.text, t.whitespace_) for t in doc][3:7] == [("qui", " "), ("định", " "), ("về", " "), ("ðất", " ")]
    assert all(text[t.idx:t.idx + len(t)] == t.text for t in doc)


def test_rule_and_model_spans_side_by_side_with_scores():
    text = "Trung tâm Y tế huyện chủ trì, phối hợp với Hội Chữ thập đỏ tổ chức đợt hiến máu."
    task = _task(text, lead=["Trung tâm Y tế huyện"])
    doc = side_by_side(task, [_guess(text, "Hội Chữ thập", "SUPPORT", 0.8)])
    assert [(s.text, s.label_) for s in doc.spans["rule"]] == [("Trung tâm Y tế huyện", "LEAD")]
    assert [(s.text, s.label_) for s in doc.spans["model"]] == [("Hội Chữ thập", "SUPPORT")]
    assert doc.spans["model"].attrs["scores"] == [0.8]
    assert model_guesses(doc) == [SpanGuess(text.index("Hội"), text.index(" đỏ"), "SUPPORT", 0.8)]


def test_a_subword_edge_is_snapped_to_whole_syllables():
    text = "Ban Quản lý rừng phòng hộ kiểm tra hiện trường."
    doc = side_by_side(_task(text), [SpanGuess(1, 13, "LEAD", 0.7)])      # "an Quản lý r"
    assert doc.spans["model"][0].text == "Ban Quản lý rừng"


def test_hybrid_fills_a_lead_the_rules_missed_and_marks_agreement():
    text = "Hợp tác xã nông nghiệp Tân Tiến rà soát diện tích lúa bị ngập, phối hợp với Trạm Khuyến nông."
    task = _task(text, support=["Trạm Khuyến nông"])
    guesses = [_guess(text, "Hợp tác xã nông nghiệp Tân Tiến", "LEAD"), _guess(text, "Trạm Khuyến nông", "SUPPORT")]
    combine(task, guesses, "hybrid", TH)
    assert [(b.name, b.source) for b in task.lead] == [("Hợp tác xã nông nghiệp Tân Tiến", "model")]
    assert [(b.name, b.source) for b in task.support] == [("Trạm Khuyến nông", "both")]
    assert task.lead[0].score == 0.9


def test_a_lead_the_model_finds_in_the_item_replaces_the_heading_s_and_drops_the_heading_s_support():
    heading = "1. Sở Công Thương là cơ quan chủ trì, cùng Sở Tài chính thực hiện các nội dung sau:"
    text = "a) Quỹ khuyến công tỉnh hỗ trợ các cơ sở sản xuất đổi mới thiết bị, phối hợp với Ngân hàng tỉnh."
    task = _task(text, start=len(heading) + 1, support=["Ngân hàng tỉnh"])
    task.lead = [Body(name="Sở Công Thương", canonical="Sở Công Thương", start=3, end=17)]     # handed down
    task.support.append(Body(name="Sở Tài chính", canonical="Sở Tài chính", start=heading.index("Sở Tài"),
                             end=heading.index(" thực")))
    combine(task, [_guess(text, "Quỹ khuyến công tỉnh", "LEAD")], "hybrid", TH)
    assert [b.name for b in task.lead] == ["Quỹ khuyến công tỉnh"]
    assert [b.name for b in task.support] == ["Ngân hàng tỉnh"]


def test_hybrid_keeps_the_rules_own_lead_and_ignores_weak_guesses():
    text = "Sở Xây dựng chủ trì, cùng với Sở Giao thông vận tải kiểm tra chất lượng công trình."
    task = _task(text, lead=["Sở Xây dựng"], support=["Sở Giao thông vận tải"])
    combine(task, [_guess(text, "Sở Giao thông vận tải", "LEAD", 0.95),
                   _guess(text, "chất lượng", "SUPPORT", 0.3)], "hybrid", TH)
    assert [(b.name, b.source) for b in task.lead] == [("Sở Xây dựng", "rule")]
    assert [b.name for b in task.support] == ["Sở Giao thông vận tải"]


def test_hybrid_widens_a_rule_body_to_the_taggers_longer_span():
    text = ("Các hợp tác xã dịch vụ nông nghiệp trên địa bàn huyện rà soát nhu cầu giống, "
            "phối hợp với Trạm Trồng trọt và Bảo vệ thực vật.")
    task = _task(text, lead=["Các hợp tác xã dịch vụ"], support=["Trạm Trồng trọt"])
    guesses = [_guess(text, "Các hợp tác xã dịch vụ nông nghiệp trên địa bàn huyện", "LEAD", 0.8),
               _guess(text, "Trạm Trồng trọt và Bảo vệ thực vật", "SUPPORT", 0.6)]
    combine(task, guesses, "hybrid", {**TH, "extend": 0.7})
    assert [(b.name, b.source) for b in task.lead] == [
        ("Các hợp tác xã dịch vụ nông nghiệp trên địa bàn huyện", "both")]
    assert task.lead[0].end - task.lead[0].start == len(task.lead[0].name)
    assert [b.name for b in task.support] == ["Trạm Trồng trọt"]            # 0.6 is below the threshold


def test_widening_swallows_the_parts_it_now_holds_and_never_shrinks():
    text = "Ban Chỉ huy quân sự xã và Công an xã tuần tra các điểm xung yếu ven sông."
    task = _task(text, lead=["Ban Chỉ huy quân sự", "Công an xã"])
    guesses = [_guess(text, "Ban Chỉ huy quân sự xã", "LEAD", 0.9), _guess(text, "Công an", "LEAD", 0.9)]
    combine(task, guesses, "hybrid", {**TH, "lead": 1.01, "extend": 0.5})
    assert [b.name for b in task.lead] == ["Ban Chỉ huy quân sự xã", "Công an xã"]


def test_model_extractor_uses_only_the_tagger_and_the_rules_normalise():
    text = "Đề nghị Chi cục Thủy lợi hoàn thành hồ sơ trước ngày 20/10/2026."
    task = _task(text, lead=["Chi cục Thủy lợi"])
    combine(task, [_guess(text, "trước ngày 20/10/2026", "DEADLINE", 0.8)], "model", TH)
    assert task.lead == []
    assert task.deadline.end.isoformat() == "2026-10-20" and task.deadline.source == "model"


def test_rules_extractor_changes_nothing():
    text = "Văn phòng Ủy ban nhân dân tổng hợp, báo cáo kết quả."
    task = _task(text, lead=["Văn phòng Ủy ban nhân dân"])
    before = task.model_dump()
    combine(task, [_guess(text, "kết quả", "LEAD")], "rules", TH)
    assert task.model_dump() == before


def test_training_examples_become_a_docbin():
    text = "Ủy ban nhân dân xã Hòa Bình lập danh sách hộ nghèo trong quý IV năm 2026."
    start = text.index("trong quý")
    bin_ = to_docbin([{"text": text, "spans": [(0, 26, "LEAD"), (start, len(text) - 1, "DEADLINE")]}], "gold")
    (doc,) = list(bin_.get_docs(nlp().vocab))
    assert [(s.text, s.label_) for s in doc.spans["gold"]] == [
        ("Ủy ban nhân dân xã Hòa Bình", "LEAD"), ("trong quý IV năm 2026", "DEADLINE")]
