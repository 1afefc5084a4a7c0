"""Task scores, missing parts, hints and the document summary."""
from service.document import Document
from service.vagueness import VAGUE_FROM, is_vague, score_task, score_vagueness, summarise


def test_slogan_only_is_vague(task):
    v = score_task(task("Tiếp tục đẩy mạnh công tác tuyên truyền, tích cực vận động nhân dân tham gia."))
    assert v.score >= 0.9 and is_vague(v.score)
    assert v.missing == ["owner", "deadline", "target", "output", "budget"]


def test_slogan_verb_with_owner_target_and_deadline_is_specific(task):
    t = task("Sở Xây dựng chủ trì nâng cao tỷ lệ hộ dùng nước sạch lên 95% vào năm 2025.",
             lead="Sở Xây dựng", deadline="vào năm 2025", target="tỷ lệ hộ dùng nước sạch lên 95%")
    v = score_task(t)
    assert v.score < 0.2 and not is_vague(v.score)
    assert v.cues == [] and v.hint is None
    assert v.missing == ["output", "budget"]


def test_owner_output_deadline_is_specific(task):
    t = task("Sở Tài chính chủ trì xây dựng Kế hoạch thực hiện, trình Ủy ban nhân dân tỉnh trước ngày 25/6/2025.",
             lead="Sở Tài chính", deadline="trước ngày 25/6/2025", output="Kế hoạch thực hiện")
    assert score_task(t).score == 0.0


def test_inherited_owner_counts(task):
    t = task("Xây dựng Kế hoạch chuyển đổi số, ban hành trong quý II/2025.", inherited_lead="Sở Nội vụ",
             deadline="trong quý II/2025", output="Kế hoạch chuyển đổi số")
    assert "owner" not in score_task(t).missing


def test_owner_without_anything_checkable_is_mixed(task):
    t = task("Sở Nội vụ chủ trì rà soát biên chế cán bộ chuyên trách.", lead="Sở Nội vụ")
    v = score_task(t)
    assert not is_vague(v.score) and v.score > 0.2


def test_owner_with_slogans_is_vague(task):
    t = task("Sở Y tế tăng cường công tác quản lý, nâng cao chất lượng khám chữa bệnh.", lead="Sở Y tế")
    assert is_vague(score_task(t).score)


def test_missing_owner_is_vague_per_annotation_rule(task):
    t = task("Hoàn thành dự thảo Luật Thư viện, trình Chính phủ trong tháng 9 năm 2025.", deadline="trong tháng 9 năm 2025",
             output="dự thảo Luật")
    v = score_task(t)
    assert v.missing == ["owner", "target", "budget"]
    assert v.score >= VAGUE_FROM


def test_a_measured_figure_counts_as_target(task):
    v = score_task(task("Sở Công Thương chủ trì hỗ trợ 100% hợp tác xã đưa sản phẩm lên sàn.", lead="Sở Công Thương"))
    assert "target" not in v.missing


def test_hint_names_what_is_missing(task):
    v = score_task(task("Tiếp tục đẩy mạnh công tác tuyên truyền."))
    assert v.hint.startswith("Nêu rõ cơ quan chủ trì, sản phẩm đầu ra")
    assert "thời hạn hoàn thành" in v.hint and "«[Cơ quan] chủ trì" in v.hint
    assert "đẩy mạnh" in v.hint or "tiếp tục" in v.hint


def test_score_in_range(task):
    for text in ("Đẩy mạnh, tăng cường, nâng cao, tích cực, chủ động, quyết liệt, kịp thời công tác các mặt.", "x"):
        assert 0.0 <= score_task(task(text)).score <= 1.0


def test_summary(task):
    vague = task("Tăng cường công tác kiểm tra, giám sát.")
    specific = task("Sở Tài chính chủ trì xây dựng Kế hoạch thực hiện trước ngày 25/6/2025.",
                    lead="Sở Tài chính", deadline="trước ngày 25/6/2025", output="Kế hoạch thực hiện")
    specific.id = "t2"
    doc = score_vagueness(Document(tasks=[vague, specific]))
    summary = doc.vagueness_summary
    assert summary.distribution == {"specific": 1, "mixed": 0, "vague": 1}
    assert summary.worst_tasks == ["t1"]
    assert summary.missing_counts["owner"] == 1 and summary.missing_counts["budget"] == 2
    assert summary.score == round((vague.vagueness.score + specific.vagueness.score) / 2, 3)


def test_empty_document():
    assert summarise([]).score == 0.0


def test_the_refitting_script_scores_as_the_service_does(task):
    """evaluation/vagueness_weights.py scores a table of tasks at once; with the shipped weights each row
    is the task's own score, and lighter weights lower it."""
    import numpy as np

    from evaluation.vagueness_weights import SHIPPED, Table
    from service.vagueness.cues import find_hits
    from service.vagueness.score import cue_sums, missing_flags

    tasks = [task("Đẩy mạnh, tăng cường, nâng cao hơn nữa công tác tuyên truyền trong toàn tỉnh."),
             task("Sở Tài chính chủ trì tham mưu bố trí kinh phí thực hiện Kế hoạch.", lead="Sở Tài chính"),
             task("Công an tỉnh tăng cường tuần tra, kiểm soát trong quý III/2026.", lead="Công an tỉnh",
                  deadline="trong quý III/2026")]
    sums = [cue_sums(find_hits(t)) for t in tasks]
    categories = sorted({c for s in sums for c in s})
    table = Table.__new__(Table)                     # the script's table, filled from these tasks
    table.missing = np.array([missing_flags(score_task(t).missing) for t in tasks], dtype=float)
    table.cues = np.array([[s.get(c, 0.0) for c in categories] for s in sums])
    rows = np.arange(len(tasks))
    scores = table.scores(SHIPPED, rows)
    assert np.allclose(scores, [score_task(t).score for t in tasks], atol=1e-3)
    assert scores[0] >= VAGUE_FROM > scores[2]
    lighter = table.scores((0.1, 0.1, 0.1) + SHIPPED[3:], rows)
    assert (lighter < scores).all() and lighter[0] < 1.0
