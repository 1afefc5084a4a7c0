"""The one typed document model that flows through every stage of the pipeline.

ingest fills `source` and `blocks`; normalise builds `text`, `pages` and `tables`;
structure fills `metadata`, `sections` and `tasks`; extract fills each task's fields and
`targets`. Every span (`start`, `end`) is a character offset into `text`.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA = "rasoat/analysis@1"

DocumentKind = Literal[
    "nghi_quyet", "chuong_trinh", "ke_hoach", "chi_thi", "ket_luan", "quyet_dinh",
    "cong_van", "bao_cao", "thong_bao", "huong_dan", "khac",
]
Recurrence = Literal["yearly", "half_yearly", "quarterly", "monthly", "continuous", "on_demand"]
Comparator = Literal[">=", "<=", "=", "range"]
TaskOrigin = Literal["list", "table", "sentence"]
FieldSource = Literal["rule", "model", "both"]   # who found an extracted field (issue 13)
Extractor = Literal["rules", "model", "hybrid"]


class Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Found(Model):
    """An extracted field: who found it (rules, the span tagger or both) and how sure it is (the
    tagger's mean token probability; 1.0 for a rule alone)."""

    source: FieldSource = "rule"
    score: float = 1.0


# ---------------------------------------------------------------- ingest output
class Block(Model):
    """One paragraph or table as read from the file, before normalisation."""

    kind: Literal["paragraph", "table"] = "paragraph"
    text: str = ""                       # paragraph text (kind == "paragraph")
    rows: list[list[str]] = []           # cell texts (kind == "table")
    page: int | None = None              # 1-based page number where the format has pages
    bold: bool = False                   # the whole paragraph is bold (a bold-only heading)
    indent: int | None = None            # leading spaces of a plain-text line (layout text), else None
    blank_before: bool = False           # a blank line comes before it (plain text): a paragraph break


class OcrPage(Model):
    """A page read by OCR: its quality (share of valid Vietnamese syllables) and rotation."""

    number: int
    quality: float
    rotated: int = 0                     # degrees turned upright before recognition


class SourceFile(Model):
    name: str = ""
    format: Literal["pdf", "docx", "txt", "html", "image"] = "txt"
    sha256: str = ""
    size: int = 0
    encoding: str | None = None          # detected text encoding, for TXT/HTML
    pages: int | None = None
    ocr_pages: list[OcrPage] = []        # pages whose text came from OCR


# ---------------------------------------------------------------- layout
class Page(Model):
    number: int
    start: int
    end: int


class Cell(Model):
    text: str
    start: int
    end: int


class TableRow(Model):
    cells: list[Cell]
    start: int
    end: int


class Table(Model):
    """An assignment table (bảng phân công) or any other table, rendered row by row in `text`."""

    id: str
    start: int
    end: int
    page: int | None = None
    header: list[str] = []
    # column role -> index: content (nội dung), lead (chủ trì), support (phối hợp),
    # deadline (thời gian), output (sản phẩm), budget (kinh phí), number (TT)
    columns: dict[str, int] = {}
    rows: list[TableRow] = []


class Section(Model):
    """A heading and the text it governs (PHẦN / I. / 1. / 1.1. / a) / - / +)."""

    id: str
    heading: str
    level: int
    start: int
    end: int
    parent: str | None = None
    label: str | None = None             # the numbering as printed: "II", "1.2", "a"


# ---------------------------------------------------------------- extracted fields
class Body(Found):
    """An agency or office (cơ quan, đơn vị) named as lead or support."""

    name: str                            # as written
    canonical: str | None = None         # expanded, gazetteer form
    start: int
    end: int


class Deadline(Found):
    """A time limit (thời hạn). `start`/`end` are dates of the period; offsets are char_*."""

    text: str
    start: date | None = None
    end: date | None = None              # last day allowed
    recurrence: Recurrence | None = None
    char_start: int = 0
    char_end: int = 0


class Target(Found):
    """A measurable aim (chỉ tiêu)."""

    text: str
    indicator: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    comparator: Comparator = "="
    year: int | None = None
    start: int
    end: int


class Budget(Found):
    """Funding (kinh phí)."""

    text: str
    amount_vnd: float | None = None
    source: str | None = None            # nguồn: ngân sách nhà nước, xã hội hóa...
    start: int = 0
    end: int = 0


class Output(Found):
    """The product (sản phẩm) a task must deliver."""

    text: str
    start: int = 0
    end: int = 0


class Cue(Model):
    """A vague-wording cue in a task: slogan verb, intensifier, vague time, generic owner…"""

    text: str
    category: str
    start: int
    end: int


class Vagueness(Model):
    """How vague a task is (1 = slogan only) and what it lacks."""

    score: float                         # the transparent sum (service/vagueness/score.py)
    fitted: float | None = None          # the fitted score (vagueness/fitted.py), where the tagger ran
    cues: list[Cue] = []
    missing: list[str] = []              # of: owner, deadline, target, output, budget
    hint: str | None = None              # a short Vietnamese rewrite template


class VaguenessSummary(Model):
    score: float
    distribution: dict[str, int] = {}
    worst_tasks: list[str] = []
    missing_counts: dict[str, int] = {}


class Task(Model):
    """One unit of assigned work (nhiệm vụ)."""

    id: str
    section: str | None = None
    text: str
    start: int
    end: int
    page: int | None = None
    origin: TaskOrigin = "list"
    lead: list[Body] = []                # chủ trì
    support: list[Body] = []             # phối hợp
    deadline: Deadline | None = None
    targets: list[Target] = []
    budget: Budget | None = None
    output: Output | None = None
    vagueness: Vagueness | None = None


# ---------------------------------------------------------------- metadata
class Citation(Model):
    """A document cited as what this one implements (căn cứ, thực hiện)."""

    number: str | None = None
    kind: DocumentKind | None = None
    issued_on: date | None = None
    issuer: str | None = None
    text: str
    start: int = 0
    end: int = 0


class Metadata(Model):
    kind: DocumentKind = "khac"
    number: str | None = None            # số ký hiệu
    issuer: str | None = None            # cơ quan ban hành
    issued_on: date | None = None
    place: str | None = None             # địa danh
    title: str | None = None             # trích yếu
    basis: list[Citation] = []
    recipients: list[str] = []           # nơi nhận / kính gửi
    signer: str | None = None

    @property
    def issued_year(self) -> int | None:
        return self.issued_on.year if self.issued_on else None


class Problem(Model):
    """A warning or error recorded by a stage, without stopping the pipeline."""

    stage: str
    code: str
    message: str


class Document(Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    source: SourceFile = SourceFile()
    metadata: Metadata = Field(default_factory=Metadata, alias="document")
    text: str = ""
    pages: list[Page] = []
    sections: list[Section] = []
    tables: list[Table] = []
    tasks: list[Task] = []
    targets: list[Target] = []
    vagueness_summary: VaguenessSummary | None = None
    warnings: list[Problem] = []
    timings: dict[str, float] = {}
    extractor: Extractor | None = None   # rules | model | hybrid, as run (None: not yet extracted)
    blocks: list[Block] = Field(default=[], exclude=True)
    bold_lines: list[int] = Field(default=[], exclude=True)   # start offsets of wholly bold lines
    _span_docs: dict = PrivateAttr(default_factory=dict)      # task id -> spaCy Doc (rule/model spans)
    _task_vectors: dict = PrivateAttr(default_factory=dict)   # task id -> encoder sentence vector

    def to_json(self, **kwargs) -> str:
        """The analysis JSON (schema rasoat/analysis@1)."""
        return self.model_dump_json(by_alias=True, **kwargs)

    def page_at(self, offset: int) -> int | None:
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.number
        return None
