"""End to end on the sample programme of action (corpora/samples)."""
from pathlib import Path

import pytest

from service.pipeline import analyze_file
from service.vagueness import is_vague

SAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "samples" / "tinh-uy-ctr-chuyen-doi-so.txt"


@pytest.fixture(scope="module")
def doc():
    return analyze_file(SAMPLE)


def find(doc, start: str):
    return next(t for t in doc.tasks if t.text.startswith(start))


@pytest.mark.parametrize("start", ["Tiếp tục đẩy mạnh công tác tuyên truyền", "Nâng cao nhận thức, trách nhiệm",
                                   "Quan tâm phát triển đội ngũ", "Phát huy vai trò của Tổ công nghệ số",
                                   "Tăng cường công tác bảo đảm an toàn thông tin",
                                   "Triển khai đồng bộ các giải pháp"])
def test_slogan_items_are_vague(doc, start):
    task = find(doc, start)
    assert is_vague(task.vagueness.score) and task.vagueness.score >= 0.9
    assert any(c.category == "slogan_verb" or c.category == "empty_action" for c in task.vagueness.cues)
    assert task.vagueness.hint


@pytest.mark.parametrize("start", ["Ban Tuyên giáo Tỉnh ủy chủ trì", "Xây dựng Kế hoạch thực hiện",
                                   "Chỉ đạo Sở Thông tin và Truyền thông", "Chỉ đạo Sở Khoa học và Công nghệ",
                                   "Văn phòng Tỉnh ủy chủ trì"])
def test_specific_items_are_not_vague(doc, start):
    task = find(doc, start)
    assert not is_vague(task.vagueness.score)
    assert not any(c.category == "slogan_verb" for c in task.vagueness.cues)


def test_measured_items_rank_below_slogans(doc):
    measured = find(doc, "Triển khai bệnh án điện tử tại 100% bệnh viện")
    slogan = find(doc, "Tiếp tục đẩy mạnh công tác tuyên truyền")
    assert measured.vagueness.score < slogan.vagueness.score
    assert measured.vagueness.cues == []


def test_cue_spans_and_summary(doc):
    for task in doc.tasks:
        for cue in task.vagueness.cues:
            assert doc.text[cue.start:cue.end] == cue.text
    summary = doc.vagueness_summary
    assert sum(summary.distribution.values()) == len(doc.tasks)
    assert find(doc, "Tiếp tục đẩy mạnh công tác tuyên truyền").id in summary.worst_tasks
    assert "vagueness" in doc.timings
