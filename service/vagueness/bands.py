"""Vagueness as the reviewer reads it: the Vietnamese level of a score and the sentence stating the scale."""
from __future__ import annotations

from ..messages import catalogue, level_name
from .score import SPECIFIC_BELOW, VAGUE_FROM, band


def level_of(score: float) -> str:
    """The Vietnamese level of a vagueness score ('cụ thể' | 'cần làm rõ' | 'chung chung')."""
    return level_name(band(score))


def scale_text() -> str:
    """The sentence that states the vagueness scale and its cut points."""
    return catalogue()["levels"]["scale"].format(mixed_from=f"{SPECIFIC_BELOW:g}".replace(".", ","),
                                                 vague_from=f"{VAGUE_FROM:g}".replace(".", ","))
