"""What the comparison shows: copied spans with a content word, additions as whole owners, deadlines
and figures (a cited document's date is no deadline, a document number no figure)."""
from service.compare.model import Addition, Item, Span
from service.compare.shown import content_spans, shown_additions

TEXT = ("Phòng Văn hóa chủ trì tổ chức quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 và lồng ghép "
        "vào kế hoạch công tác năm 2025 của đơn vị, hoàn thành trước ngày 30/6/2026.")


def _item(additions):
    return Item(task_id="t1", text=TEXT, **{"class": "adapted"},
                local_additions=[Addition(kind=k, text=t) for k, t in additions])


def test_stop_words_are_never_marked_as_copied():
    def span(word):
        start = TEXT.index(word)
        return Span(start=start, end=start + len(word))
    kept = content_spans(TEXT, [span("và"), span(" của "), span("tổ chức quán triệt")])
    assert [TEXT[s.start:s.end] for s in kept] == ["tổ chức quán triệt"]


def test_additions_are_whole_owners_deadlines_and_figures():
    item = _item([("owner", "Phòng Văn hóa"), ("deadline", "ngày 22/12/2024"),
                  ("deadline", "vào kế hoạch công tác năm 2025 của đơn vị"), ("deadline", "trước ngày 30/6/2026"),
                  ("figure", "số 57-NQ/TW ngày 22"), ("words", "lồng ghép"), ("figure", "35 lớp")])
    assert [(a.kind, a.text) for a in shown_additions(item)] == [
        ("owner", "Phòng Văn hóa"), ("deadline", "trước ngày 30/6/2026"), ("figure", "35 lớp")]
