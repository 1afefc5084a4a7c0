"""The probe's hostile files (issue 11) as regression cases: each ends in a clean, coded error (or a
result), never an unhandled exception, and the expensive step (rendering, OCR) is never reached."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from corpora import hostile
from ocr_helpers import SCAN, needs_tesseract
from service import limits
from service.cli import app
from service.errors import (CorruptFileError, DecodedTooLargeError, ImageTooLargeError, NoTextLayerError,
                            OcrTimeLimitError, OcrTooManyPagesError, PageTooLargeError, TooDeeplyNestedError,
                            TooManyFramesError, TooManyPagesError)
from service.ingest.ocr import reader as ocr_reader
from service.ingest import read_bytes
from service.jobs.limits import expand_zip


@pytest.fixture
def no_rendering(monkeypatch):
    """Fail the test if a page is rendered or OCR'd."""
    def refuse(*_args, **_kw):
        raise AssertionError("rendered or OCR'd although a limit should have refused the file first")
    monkeypatch.setattr(ocr_reader, "render", refuse)
    monkeypatch.setattr(ocr_reader, "ocr_images", refuse)


@needs_tesseract
def test_huge_page_is_refused_before_rendering(no_rendering):
    data = hostile.huge_page_pdf()
    assert len(data) < 1024
    with pytest.raises(PageTooLargeError, match="25.8 m²"):
        read_bytes(data, "nho.pdf")


def test_two_thousand_page_scan_is_refused_by_the_page_limit(no_rendering):
    with pytest.raises(TooManyPagesError, match="2000 trang"):
        read_bytes(hostile.scan_pdf(2000), "quet.pdf")


@needs_tesseract
def test_ocr_page_limit(no_rendering):
    with pytest.raises(OcrTooManyPagesError, match="150 trang"):
        read_bytes(hostile.scan_pdf(150), "quet.pdf")                 # the default: 100 pages
    with limits.using(limits.Limits(ocr_max_pages=5)), pytest.raises(OcrTooManyPagesError, match="12 trang"):
        read_bytes(hostile.scan_pdf(12), "quet.pdf")


def test_huge_pages_are_rendered_at_a_lower_dpi():
    a4 = limits.ocr_dpi(595, 842)
    assert a4 == 300                                          # 8.7 megapixels: under the cap
    a0 = limits.ocr_dpi(2384, 3370)                           # 1 m²: 300 DPI would be 139 megapixels
    assert a0 < 300 and (2384 / 72 * a0) * (3370 / 72 * a0) <= limits.current().ocr_max_pixels * 1.0001
    with pytest.raises(PageTooLargeError):
        limits.ocr_dpi(14400, 14400)
    assert limits.ocr_scale(1000, 1000, 72) == pytest.approx(300 / 72)     # a small 72-DPI scan grows
    assert limits.ocr_scale(20000, 9000, 72) < 1                            # a huge one only shrinks


@needs_tesseract
def test_many_frames_are_refused_before_ocr(no_rendering):
    with pytest.raises(TooManyFramesError, match="300 khung"):
        read_bytes(hostile.frames_gif(300), "dong.gif")


@needs_tesseract
def test_image_pixel_bomb():
    with pytest.raises(ImageTooLargeError):
        read_bytes(hostile.big_png(20000), "lon.png")
    with limits.using(limits.Limits(max_image_pixels=1000)), pytest.raises(ImageTooLargeError, match="megapixel"):
        read_bytes(hostile.frames_gif(1, side=64), "nho.gif")


@needs_tesseract
def test_ocr_seconds_per_document():
    with limits.using(limits.Limits(ocr_max_seconds=0.05)), pytest.raises(OcrTimeLimitError):
        read_bytes(SCAN.read_bytes(), "quet.pdf")


def test_deep_html_and_odd_charsets():
    with pytest.raises(TooDeeplyNestedError):
        read_bytes(hostile.deep_html(100_000), "sau.html")
    page = '<html><head><meta charset="undefined"></head><body><p>Kế hoạch số 12</p></body></html>'
    assert read_bytes(page.encode("utf-8"), "a.html").blocks[0].text == "Kế hoạch số 12"


def test_decoded_text_limit():
    text = ("1. Sở Tài chính chủ trì rà soát kinh phí.\n" * 200).encode("utf-8")
    assert read_bytes(text, "a.txt").blocks
    with limits.using(limits.Limits(max_text_chars=1000)), pytest.raises(DecodedTooLargeError, match="ký tự"):
        read_bytes(text, "a.txt")


def test_zip_declaring_version_18_7_is_a_corrupt_file():
    with pytest.raises(CorruptFileError, match="18.7"):
        list(expand_zip(hostile.zip_version(), 10, 10**7, 100))
    docx = hostile.zip_version("word/document.xml", "<w:document/>")
    with pytest.raises(CorruptFileError):
        read_bytes(docx, "ke-hoach.docx")


def test_many_small_compressible_members_are_a_bomb():
    from service.jobs.limits import ZipBombError

    with pytest.raises(ZipBombError, match="ratio"):
        list(expand_zip(hostile.zip_members(450), 500, 500 * 2**20, 100))


def test_zip_member_without_a_name_is_skipped_and_the_others_are_read():
    """Found by the fuzzer: zipfile's is_dir() raised IndexError on an empty member name."""
    assert [name for name, _ in expand_zip(hostile.zip_nameless(), 10, 10**7, 100)] == ["ke-hoach.txt"]


def test_batch_of_a_file_that_is_not_a_zip(tmp_path):
    fake = tmp_path / "lo.zip"
    fake.write_bytes(b"this is not a zip archive at all")
    version = tmp_path / "v.zip"
    version.write_bytes(hostile.zip_version())
    for source in (fake, version):
        result = CliRunner().invoke(app, ["batch", str(source), "--out", str(tmp_path / "out")])
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.output
        assert "corrupt_file" in result.output


@needs_tesseract
def test_tiff_without_dimensions_found_by_the_fuzzer():
    """evaluation/fuzz.py --ocr found it: Pillow raised TypeError("Missing dimensions")."""
    from pathlib import Path

    data = (Path(__file__).parent / "data" / "broken-dimensions.tif").read_bytes()
    with pytest.raises(NoTextLayerError, match="Ảnh quét bị hỏng"):
        read_bytes(data, "scan.tif")
