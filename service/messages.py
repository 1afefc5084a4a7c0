"""The Vietnamese message catalogue (service/lexicons/messages.yaml): `say(code, **values)` for
messages, `kind_name`, `level_name`, `scale_text` and `vn_date` for what users read. Codes stay
English in the API (`error.code`); every text shown to a user comes from here."""
from __future__ import annotations

from datetime import date, datetime

from .lexicons import load


def catalogue() -> dict:
    return load("messages")


def say(code: str, **values: object) -> str:
    """The Vietnamese message of `code`, filled in with `values`."""
    return catalogue()["messages"][code].format(**values)


def kind_name(kind: str | None) -> str:
    """'nghi_quyet' → 'Nghị quyết' (an unknown code is returned as is)."""
    return catalogue()["kinds"].get(kind or "khac", kind or "")


def missing_name(part: str) -> str:
    return catalogue()["missing"].get(part, part)


def level_name(band: str) -> str:
    """'specific' | 'mixed' | 'vague' → 'cụ thể' | 'cần làm rõ' | 'chung chung'."""
    return catalogue()["levels"][band]


def vn_date(value: date | datetime | str | None) -> str:
    """dd/mm/yyyy ('' for None); ISO strings are accepted."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")
