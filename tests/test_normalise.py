"""Normalise: NFC, spaces, OCR zeros, one line per block with cell offsets."""
import unicodedata

import pytest

from service.document import Block, Document
from service.normalise import clean_line, normalise


@pytest.mark.parametrize("raw, clean", [
    ("Số: 2Ø24/KH-UBND", "Số: 2024/KH-UBND"),
    ("trước ngày 3Ø/6/2025", "trước ngày 30/6/2025"),
    ("Z32Ø/BTC-QLCS", "Z320/BTC-QLCS"),
    ("năm 2O25", "năm 2025"),
    ("Ổn định  đời\u00a0sống\tngười dân", "Ổn định đời sống người dân"),
    ("Ban hành\u00ad kế hoạch", "Ban hành kế hoạch"),
    ("Ông Bảo", "Ông Bảo"),
])
def test_clean_line(raw, clean):
    assert clean_line(raw) == clean


def test_nfc():
    decomposed = unicodedata.normalize("NFD", "Kế hoạch")
    assert clean_line(decomposed) == "Kế hoạch"


def test_blocks_become_lines_with_cell_offsets():
    doc = normalise(Document(blocks=[
        Block(text="KẾ HOẠCH", page=1, bold=True),
        Block(kind="table", rows=[["TT", "Nội dung"], ["1", "Xây dựng  đề án"]], page=2),
    ]))
    assert doc.text == "KẾ HOẠCH\nTT | Nội dung\n1 | Xây dựng đề án\n"
    cell = doc.tables[0].rows[1].cells[1]
    assert doc.text[cell.start:cell.end] == "Xây dựng đề án"
    assert [(p.number, doc.text[p.start:p.end]) for p in doc.pages] == [(1, "KẾ HOẠCH\n"), (2, doc.text[9:])]
    assert doc.bold_lines == [0]


@pytest.mark.parametrize("old, new", [("Uỷ ban", "Ủy ban"), ("hoà bình", "hòa bình"), ("Thuỷ lợi", "Thủy lợi"),
                                      ("quý II", "quý II"), ("quỹ đầu tư", "quỹ đầu tư"), ("hoàn thành", "hoàn thành")])
def test_tone_placement(old, new):
    from service.text import fold_tone_placement

    assert fold_tone_placement(old) == new
