"""Upper passages: everything in an upper document a lower task may take over.

A lower plan reworks the upper's tasks, but also its objectives ("Phấn đấu đến năm 2030…"), target
sentences and the lead sentences of its headings. Every task is a passage; so is every sentence of
the body outside the tasks (split at full stops and semicolons) that has enough words, except the
header, the basis, the recipients and the signature block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..document import Document
from ..lexicons import load

MIN_WORDS = 6
_SENTENCE = re.compile(r"[^.;]+(?:[.;](?!\d)|$)")
_TABLE = "|"


@dataclass(frozen=True)
class Passage:
    """A piece of the upper document: a task, or a sentence of another kind."""

    id: str
    text: str
    kind: str              # task, objective (a sentence outside tasks), heading


@cache
def _skip() -> re.Pattern:
    """Lines of the header, basis, recipients or signature block (synonyms.yaml `skip_lines`)."""
    return re.compile(r"^\s*(?:" + "|".join(load("synonyms")["skip_lines"]) + ")", re.I)


def _covered(doc: Document) -> bytearray:
    mask = bytearray(len(doc.text))
    for task in doc.tasks:
        mask[task.start:task.end] = b"\x01" * max(0, min(task.end, len(doc.text)) - task.start)
    return mask


def _body_start(doc: Document) -> int:
    """Where the header ends: the first section, or the start of the text."""
    return min((s.start for s in doc.sections), default=0)


def sentences_outside_tasks(doc: Document) -> list[tuple[str, str]]:
    """(kind, sentence) for every sentence of the body that no task covers."""
    if not doc.text:
        return []
    covered, start = _covered(doc), _body_start(doc)
    headings = {s.start for s in doc.sections}
    out: list[tuple[str, str]] = []
    pos = 0
    for line in doc.text.split("\n"):
        begin, pos = pos, pos + len(line) + 1
        if begin < start or _TABLE in line or _skip().match(line) or any(covered[begin:begin + len(line)]):
            continue
        kind = "heading" if begin in headings else "objective"
        for m in _SENTENCE.finditer(line):
            sentence = m.group().strip(" .;")
            if len(sentence.split()) >= MIN_WORDS:
                out.append((kind, sentence))
    return out


def passages(doc: Document) -> list[Passage]:
    """The document's tasks, then its other sentences (ids O1, O2 …), in order."""
    out = [Passage(t.id, t.text, "task") for t in doc.tasks]
    seen = {t.text for t in doc.tasks}
    for k, (kind, text) in enumerate(sentences_outside_tasks(doc), 1):
        if text not in seen:
            seen.add(text)
            out.append(Passage(f"O{k}", text, kind))
    return out
