"""Vague-wording score per task and per document: cues, missing parts and a rewrite hint.

`score_vagueness(doc)` is the pipeline stage; see score.py for how the score is made and
service/lexicons/vague_cues.yaml for the cues and their context conditions.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..document import Document
from .cues import find_cues, load_rules
from .score import VAGUE_FROM, band, is_vague, score_document, score_task, summarise


def score_vagueness(doc: Document, disabled: Iterable[str] = ()) -> Document:
    """Score every task's vagueness and summarise the document; `disabled` switches cue ids off."""
    return score_document(doc, load_rules(frozenset(disabled)))


__all__ = ["score_vagueness", "score_task", "summarise", "find_cues", "load_rules", "band", "is_vague",
           "VAGUE_FROM"]
