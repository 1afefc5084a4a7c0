"""Property-based and mutation fuzzing of every reader (issue 11), a bounded slice of
evaluation/fuzz.py: whatever the bytes, reading (and analysing) ends in a Document or a RasoatError
with a code, never another exception. Pages are rendered and frames decoded, but Tesseract is
stubbed (it is slow); the limits that guard OCR have their own cases in test_hostile_inputs.py."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.fuzz import inputs, run_one, seeds
from service.errors import RasoatError
from service.ingest import read_bytes
from service.pipeline import run_stages

FAMILIES = seeds()
def fast(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))


@pytest.fixture(autouse=True)
def stub_ocr(monkeypatch):
    """Scanned pages are rendered and image frames decoded under the limits; Tesseract is not run."""
    from service.ingest.ocr import reader as ocr
    from service.ingest.ocr import tesseract

    monkeypatch.setattr(tesseract, "binary", lambda: "tesseract")
    monkeypatch.setattr(ocr, "ocr_page", lambda image, number, dpi=300, deadline=None: ocr.PageOcr(number))


@fast(250)
@given(inputs(FAMILIES))
def test_mutated_files_end_in_a_result_or_a_coded_error(item):
    family, name, data = item
    outcome = run_one(family, name, data, analyse=True)       # any other exception fails the test
    assert outcome == "ok" or outcome.islower()


@fast(150)
@given(st.binary(max_size=4096), st.sampled_from(["a.pdf", "a.docx", "a.txt", "a.html", "a.png", "a", "a.zip"]))
def test_any_bytes_under_any_name(data, name):
    try:
        run_stages(read_bytes(data, name))
    except RasoatError as error:
        assert error.code and error.message


@fast(150)
@given(st.lists(st.text(max_size=120), max_size=30), st.sampled_from(["txt", "html"]))
def test_any_text_as_plain_text_or_html(lines, kind):
    paragraphs = "".join(f"<p>{x}</p>" for x in lines)
    body = "\n".join(lines) if kind == "txt" else f"<html><body>{paragraphs}</body></html>"
    try:
        doc = run_stages(read_bytes(body.encode("utf-8", "surrogatepass"), f"a.{kind}"))
    except RasoatError as error:
        assert error.code
    else:
        for task in doc.tasks:                                  # offsets stay inside the text
            assert 0 <= task.start <= task.end <= len(doc.text)
