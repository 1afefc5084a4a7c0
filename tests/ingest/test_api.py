from __future__ import annotations

import io
import zipfile

import pytest

from service.errors import (EmptyFileError, FileTooLargeError, IngestError, NoTextLayerError,
                            UnsupportedFormatError)
from service.ingest import read_bytes, read_file


@pytest.mark.parametrize("content", [b"", b"  \r\n\t \n", b"\xef\xbb\xbf \n", "  \n".encode("utf-16")])
def test_empty_files(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyFileError, match="Tệp rỗng|không có nội dung"):
        read_file(path)


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Nghi quyet\n" * 200)
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("file was read"))
    with pytest.raises(FileTooLargeError, match="Tệp quá lớn"):
        read_file(path, max_bytes=1000)
    with pytest.raises(FileTooLargeError):
        read_bytes(b"x" * 1001, "big.txt", max_bytes=1000)


def test_missing_file(tmp_path):
    with pytest.raises(IngestError, match="Không tìm thấy tệp"):
        read_file(tmp_path / "none.pdf")


@pytest.mark.parametrize("data, error", [
    (bytes(range(256)) * 8, UnsupportedFormatError),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, UnsupportedFormatError),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, NoTextLayerError),
])
def test_binary_files_are_refused(data, error):
    with pytest.raises(error):
        read_bytes(data, "file.txt")


def test_zip_that_is_not_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match="docx"):
        read_bytes(buffer.getvalue(), "sheet.xlsx")


@pytest.mark.parametrize("name, data, fmt", [
    ("a.txt", b"<!DOCTYPE html><html><body><p>Xin chao</p></body></html>", "html"),
    ("a.html", "Kế hoạch số 09".encode(), "html"),
    ("noext", "Kế hoạch số 09".encode(), "txt"),
    ("a.htm", b"<div>Xin chao</div>", "html"),
])
def test_format_sniffing_then_suffix(name, data, fmt):
    doc = read_bytes(data, name)
    assert doc.source.format == fmt and doc.source.name == name
    assert doc.blocks[0].text in ("Xin chao", "Kế hoạch số 09")
    assert doc.text == "" and doc.sections == []
