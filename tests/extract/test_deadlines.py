"""Deadline patterns (cases shared with evaluation/deadline_patterns.yaml), negatives and offsets."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from service.extract.deadlines import find_deadline, find_deadlines, parse_deadline

CASES = yaml.safe_load((Path(__file__).parents[2] / "evaluation" / "deadline_patterns.yaml")
                       .read_text(encoding="utf-8"))["cases"]
POSITIVE = [c for c in CASES if c.get("deadline", True)]
NEGATIVE = [c for c in CASES if not c.get("deadline", True)]
RECURRENCES = {"yearly", "half_yearly", "quarterly", "monthly", "continuous", "on_demand"}


def _params(cases: list[dict]) -> list:
    """One pytest param per case; a known gap of the extractor is a strict xfail, never hidden."""
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True, reason=c["known_gap"])]
                         if c.get("known_gap") else []) for c in cases]


def _run(case: dict):
    fn = parse_deadline if case["mode"] == "parse" else find_deadline
    return fn(case["text"], default_year=case.get("default_year"))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def test_enough_patterns():
    """The shared cases cover every form the genre uses, and the known gaps stay a minority."""
    assert len(POSITIVE) >= 55 and len(NEGATIVE) >= 15
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert {c["mode"] for c in POSITIVE} == {c["mode"] for c in NEGATIVE} == {"find", "parse"}
    assert {c["recurrence"] for c in POSITIVE} == RECURRENCES | {None}
    dated = [c for c in POSITIVE if c["end"]]
    assert len(dated) >= 40 and any(c["start"] is None for c in dated) and any(c.get("default_year") for c in dated)
    assert any(c["end"] is None and c["recurrence"] is None for c in POSITIVE)        # a bare duration
    assert sum(bool(c.get("known_gap")) for c in CASES) <= len(CASES) // 10


@pytest.mark.parametrize("case", _params(POSITIVE))
def test_pattern(case):
    got = _run(case)
    assert got is not None, case["text"]
    assert (_iso(got.start), _iso(got.end), got.recurrence) == \
        (case["start"], case["end"], case["recurrence"])
    assert got.text and got.text in case["text"]


@pytest.mark.parametrize("case", _params(NEGATIVE))
def test_not_a_deadline(case):
    assert _run(case) is None
    assert find_deadlines(case["text"], default_year=case.get("default_year")) == []


def test_offsets_point_into_text():
    text = "Sở Tài chính chủ trì, hoàn thành trong quý II/2026; báo cáo trước ngày 15/12 hằng năm."
    found = find_deadlines(text, offset=100)
    assert [d.text for d in found] == ["hoàn thành trong quý II/2026", "trước ngày 15/12 hằng năm"]
    for d in found:
        assert text[d.char_start - 100:d.char_end - 100] == d.text
    assert found[0].end == date(2026, 6, 30) and found[1].recurrence == "yearly"


def test_first_dated_deadline_wins():
    text = "Thường xuyên theo dõi; hoàn thành trước ngày 30/9/2025."
    got = find_deadline(text, offset=7)
    assert got.end == date(2025, 9, 30)
    assert (got.char_start, got.char_end) == (text.index("hoàn thành") + 7, len(text) - 1 + 7)


def test_a_due_date_takes_the_reporting_rhythm_of_another_clause():
    # "theo dõi … định kỳ 6 tháng báo cáo …; hết năm 2027, tổng kết": due at the end of 2027, reported half-yearly
    text = "Vụ Tổng hợp theo dõi việc thực hiện, định kỳ 6 tháng báo cáo Bộ trưởng; hết năm 2027, tổ chức tổng kết."
    got = find_deadline(text)
    assert (got.end, got.recurrence) == (date(2027, 12, 31), "half_yearly")
    assert got.text == "hết năm 2027"
    got = find_deadline("Các xã hoàn thành rà soát trong quý II/2027; báo cáo kết quả về Sở Nội vụ định kỳ hằng quý.")
    assert (got.end, got.recurrence) == (date(2027, 6, 30), "quarterly")
    # a rhythm of other work than a report (a report in another clause included), or a standing manner, leaves
    # the due date alone
    got = find_deadline("Tiếp nhận báo cáo của các xã, hằng quý kiểm tra tại cơ sở; hoàn thành rà soát trước ngày "
                        "30/9/2027.")
    assert (got.end, got.recurrence) == (date(2027, 9, 30), None)
    got = find_deadline("Hằng quý các xã rà soát danh sách; hoàn thành cập nhật phần mềm trước ngày 30/9/2027.")
    assert (got.end, got.recurrence) == (date(2027, 9, 30), None)
    got = find_deadline("Thường xuyên kiểm tra; hoàn thành việc rà soát trước ngày 30/9/2027.")
    assert (got.end, got.recurrence) == (date(2027, 9, 30), None)


def test_cell_offset_skips_whitespace():
    got = parse_deadline("  Quý IV, năm 2022 ", offset=40)
    assert got.text == "Quý IV, năm 2022"
    assert (got.char_start, got.char_end) == (42, 58)
    assert got.end == date(2022, 12, 31)


def test_cell_without_time_is_none():
    assert parse_deadline("Theo tiến độ dự án") is None
    assert parse_deadline("IOC kết nối 9/9 huyện", default_year=2025) is None
    assert parse_deadline("") is None


def test_cited_date_then_deadline():
    text = ("triển khai Thông tư số 12/2025/TT-BYT ngày 16 tháng 5 năm 2025 của Bộ Y tế, "
            "trình Ủy ban nhân dân tỉnh trước ngày 15 tháng 9 năm 2026.")
    got = find_deadline(text)
    assert got.text == "trước ngày 15 tháng 9 năm 2026" and got.end == date(2026, 9, 15)
    assert [d.text for d in find_deadlines(text)] == [got.text]


def test_the_period_a_heading_names_needs_no_cue():
    from service.extract.deadlines import named_period

    assert named_period("Kế hoạch công tác quý II năm 2027").end == date(2027, 6, 30)
    assert named_period("Nhiệm vụ trọng tâm của Sở") is None


def test_a_time_phrase_that_opens_the_text_ends_before_the_subject():
    from service.extract.deadlines import leading_time_end

    text = "Định kỳ 6 tháng, hằng năm các trường báo cáo kết quả."
    assert text[leading_time_end(text):].strip() == "các trường báo cáo kết quả."
    assert leading_time_end("Các trường báo cáo hằng năm.") is None
