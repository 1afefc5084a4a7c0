"""The whole pipeline on our sample documents, in every format, and its isolation of bad files."""
from pathlib import Path

import pytest

from service.errors import CorruptFileError, EmptyFileError, RasoatError
from service.pipeline import analyze_file, analyze_many

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"


@pytest.mark.parametrize("name", ["tinh-uy-ctr-chuyen-doi-so", "huyen-uy-kh-chuyen-doi-so", "ubnd-chi-thi"])
def test_formats_agree(name):
    docs = {ext: analyze_file(SAMPLES / f"{name}.{ext}") for ext in ("txt", "docx", "pdf")}
    reference = docs["txt"]
    assert reference.tasks, "the sample has tasks"
    for ext, doc in docs.items():
        assert doc.source.format == ext
        assert doc.metadata.number == reference.metadata.number
        assert doc.metadata.issued_on == reference.metadata.issued_on
        assert [t.text for t in doc.tasks] == [t.text for t in reference.tasks], ext
        assert [[b.name for b in t.lead] for t in doc.tasks] == [[b.name for b in t.lead] for t in reference.tasks]


def test_assignment_table_in_pdf_spans_pages():
    txt = analyze_file(SAMPLES / "ubnd-kh-phan-cong.txt")
    pdf = analyze_file(SAMPLES / "ubnd-kh-phan-cong.pdf")
    rows = lambda d: [(t.text, [b.name for b in t.lead], t.deadline and t.deadline.end)  # noqa: E731
                      for t in d.tasks if t.origin == "table"]
    assert len(rows(txt)) == 18
    assert rows(pdf) == rows(txt)
    assert len(pdf.tables) >= 2 and pdf.tasks[-1].page > pdf.tasks[0].page


def test_province_programme_content():
    doc = analyze_file(SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt")
    assert doc.metadata.kind == "chuong_trinh" and doc.metadata.issuer == "Tỉnh ủy Lào Cai"
    assert [c.number for c in doc.metadata.basis] == ["57-NQ/TW"]
    assert any(t.unit == "%" and t.year == 2030 for t in doc.targets)
    owners = {b.name for t in doc.tasks for b in t.lead}
    assert "Ban Tuyên giáo Tỉnh ủy" in owners


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    good = SAMPLES / "cong-van-trien-khai.txt"
    results = dict(analyze_many([empty, broken, good]))
    assert isinstance(results[empty], EmptyFileError)
    assert isinstance(results[broken], CorruptFileError)
    assert not isinstance(results[good], RasoatError) and results[good].tasks


def test_gaps_are_flagged_as_warnings():
    from service.pipeline import analyze_text

    doc = analyze_text("Một đoạn văn bản không có tiêu đề, không số, không ngày.\n")
    codes = {w.code for w in doc.warnings}
    assert {"missing_number", "missing_issued_on", "unknown_kind", "no_tasks"} <= codes
    clean = analyze_file(SAMPLES / "ubnd-chi-thi.txt")
    assert not {w.code for w in clean.warnings} & {"missing_number", "missing_issued_on", "no_tasks"}
