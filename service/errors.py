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


class LimitError(IngestError):
    """The input is larger than a configured limit in some dimension (see service/limits.py)."""

    code = "limit_exceeded"


class TooManyPagesError(LimitError):
    code = "too_many_pages"


class TooManyFramesError(LimitError):
    code = "too_many_frames"


class ImageTooLargeError(LimitError):
    code = "image_too_large"


class PageTooLargeError(LimitError):
    code = "page_too_large"


class TooDeeplyNestedError(LimitError):
    code = "too_deeply_nested"


class DecodedTooLargeError(LimitError):
    code = "decoded_too_large"


class OcrTooManyPagesError(LimitError):
    code = "ocr_too_many_pages"


class OcrTimeLimitError(LimitError):
    code = "ocr_time_limit"


class JobFailedError(RasoatError):
    """A job whose worker process was stopped (limits) or died; its code says which."""

    code = "worker_crashed"


# Codes and Vietnamese messages of failures recorded without an exception of ours.
MESSAGES = {
    "internal_error": "Lỗi nội bộ khi xử lý yêu cầu; quản trị viên xem nhật ký máy chủ để biết chi tiết.",
    "worker_crashed": "Tiến trình phân tích bị dừng đột ngột khi xử lý tệp này (tệp có thể bị hỏng hoặc "
                      "gây lỗi thư viện đọc tệp); các việc khác không bị ảnh hưởng.",
    "job_time_limit": "Phân tích tệp này vượt quá thời gian cho phép ({seconds:.0f} giây) nên đã bị dừng.",
    "job_memory_limit": "Phân tích tệp này dùng quá bộ nhớ cho phép ({mb:.0f} MB) nên đã bị dừng.",
    "interrupted": "Việc bị gián đoạn {attempts} lần (máy chủ khởi động lại) nên được đánh dấu thất bại.",
}


def message(code: str, **values: object) -> str:
    """The Vietnamese message of a code in MESSAGES, filled in with `values`."""
    return MESSAGES[code].format(**values)
