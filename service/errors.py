"""Errors a user can act on. Each has a stable `code` for the API and a Vietnamese-friendly message."""
from __future__ import annotations


class RasoatError(Exception):
    """Base of every error this package raises on purpose."""

    code = "error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class IngestError(RasoatError):
    """The file cannot be read into text."""

    code = "ingest_error"


class EmptyFileError(IngestError):
    code = "empty_file"


class UnsupportedFormatError(IngestError):
    code = "unsupported_format"


class CorruptFileError(IngestError):
    code = "corrupt_file"


class NoTextLayerError(IngestError):
    """A scanned PDF or image: there is no text to read without OCR."""

    code = "no_text_layer"


class EncodingError(IngestError):
    code = "encoding_error"


class FileTooLargeError(IngestError):
    code = "file_too_large"


class EncryptedFileError(IngestError):
    """A password-protected file (tệp có mật khẩu)."""

    code = "encrypted_file"
