"""The comparison result (schema rasoat/comparison@1): one entry per lower task."""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA = "rasoat/comparison@1"
CopyClass = Literal["verbatim", "adapted", "new"]


class Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class DocRef(Model):
    """Which document was compared (from its metadata)."""

    kind: str | None = None
    number: str | None = None
    issuer: str | None = None
    issued_on: date | None = None


class Span(Model):
    """A character span of a task text (copied words, for highlighting)."""

    start: int
    end: int


class UpperMatch(Model):
    """An upper passage the lower task draws on: a task, or another sentence (objective, heading)."""

    task_id: str                          # the task's id, or O1, O2 … for other sentences
    text: str
    kind: str = "task"                    # task, objective, heading
    similarity: float                     # combined lexical (and semantic) similarity, 0–1
    lexical: float = 0.0                  # share of the lower task's tokens aligned to this task
    semantic: float | None = None         # cosine of the embeddings, when the encoder was asked
                                          # (only for tasks the lexical signal leaves open)
    copied_spans: list[Span] = []         # spans of this upper text that the lower task copies
    upper_coverage: float = 0.0           # share of this passage's tokens the lower task takes over


class CopiedTarget(Model):
    """A target (chỉ tiêu) taken over with the same value and unit as an upper target."""

    text: str
    value: float | None = None
    unit: str | None = None
    upper_task_id: str


class Addition(Model):
    """Something the lower task adds to what it took: an owner, a deadline, a figure, words."""

    kind: Literal["owner", "deadline", "figure", "words"]
    text: str


class Item(Model):
    """One lower task, its class and its upper counterparts."""

    task_id: str
    text: str
    class_: CopyClass = Field(alias="class")
    upper: list[UpperMatch] = []
    copied_targets: list[CopiedTarget] = []
    local_additions: list[Addition] = []
    copied_spans: list[Span] = []         # spans of the lower text found in the upper text
    reason: str = ""                      # why, in words a reviewer reads
    signals: dict[str, float] = {}        # the values the class was decided on


class UpperTask(Model):
    task_id: str
    text: str


class Method(Model):
    """Which signals ran, so a lexical-only result says so."""

    lexical: bool = True
    semantic: bool = False
    encoder: str | None = None
    thresholds: dict[str, float] = {}


class Comparison(Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    lower: DocRef
    upper: DocRef
    copy_ratio: float                     # share of the lower task text in verbatim tasks
    coverage: float                       # share of upper tasks that some lower task takes up
    items: list[Item] = []
    uncovered_upper: list[UpperTask] = []
    method: Method = Method()
    notes: list[str] = []
    timings: dict[str, float] = {}

    def to_json(self, **kwargs) -> str:
        """The comparison JSON (schema rasoat/comparison@1)."""
        return self.model_dump_json(by_alias=True, **kwargs)

    def counts(self) -> dict[str, int]:
        """How many lower tasks fall in each class."""
        out = {"verbatim": 0, "adapted": 0, "new": 0}
        for item in self.items:
            out[item.class_] += 1
        return out
