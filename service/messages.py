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


def level_of(score: float) -> str:
    """The Vietnamese level of a vagueness score."""
    from .vagueness.score import band

    return level_name(band(score))


def scale_text() -> str:
    """The sentence that states the vagueness scale and its cut points."""
    from .vagueness.score import SPECIFIC_BELOW, VAGUE_FROM

    return catalogue()["levels"]["scale"].format(mixed_from=f"{SPECIFIC_BELOW:g}".replace(".", ","),
                                                 vague_from=f"{VAGUE_FROM:g}".replace(".", ","))


def vn_date(value: date | datetime | str | None) -> str:
    """dd/mm/yyyy ('' for None); ISO strings are accepted."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return value.strftime("%d/%m/%Y")
