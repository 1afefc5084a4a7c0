"""Extract stage: per-task targets, budget and output, and the document's list of targets."""
from __future__ import annotations

import re
from functools import cache

from ..document import Document, Target
from ..genre import genre
from ..zones import skip_zones
from ..lexicons import load
from ..text import lines
from .budget import find_budget
from .outputs import find_output
from .target_tables import measure_table, table_targets
from .targets import find_targets

# "Tầm nhìn đến năm 2045", and the year of a plan's targets ("Các chỉ tiêu chủ yếu năm 2028")
_HORIZON = re.compile(r"(?:(?:đến|tới)\s+năm|\b(?:chỉ tiêu|mục tiêu)(?:\s+(?:chủ yếu|cụ thể|chính|kế hoạch))*\s+năm)"
                      r"\s+(\d{4})(?!\s*[-–]\s*\d)", re.IGNORECASE)


def extract_fields(doc: Document) -> Document:
    """Fill targets, budget and output of every task, and `doc.targets`."""
    doc.targets = document_targets(doc)
    for task in doc.tasks:
        task.targets = [t for t in doc.targets if task.start <= t.start and t.end <= task.end]
        if task.budget is None and task.origin != "table":
            task.budget = find_budget(task.text, task.start)
        if task.output is None and task.origin != "table":
            task.output = find_output(task.text, task.start)
    if genre(doc.metadata) != "act":   # an article's figures are reported, a rule's are its terms
        doc.targets = [t for task in doc.tasks for t in task.targets]
    return doc


def document_targets(doc: Document) -> list[Target]:
    """Every target of the body (header, basis and signature left out), each once."""
    skip = skip_zones(doc.text) + _report_sections(doc) + _target_tables(doc)
    lists = _target_lists(doc)
    found: list[Target] = table_targets(doc)
    for start, end, line in lines(doc.text):
        if not line.strip() or any(a <= start < b for a, b in skip):
            continue
        year = _context_year(doc, start)
        found.extend(find_targets(line, start, context_year=year, issued_year=doc.metadata.issued_year,
                                  aimed=any(a <= start < b for a, b in lists)))
    return _unique(found)


def _report_sections(doc: Document) -> list[tuple[int, int]]:
    """Sections that report what was done ("KẾT QUẢ THỰC HIỆN NĂM 2025"): their figures are results. Under a heading
    that joins aims to the results ("KẾT QUẢ NĂM 2026 VÀ CHỈ TIÊU NĂM 2027"), the sub-sections naming aims ("2. Chỉ
    tiêu năm 2027") are read; the rest stays the report's."""
    openers = tuple(load("structure")["report_headings"])
    aim_words, aims = _aim_patterns()

    def report(section) -> bool:
        return section.heading.strip().lower().startswith(openers)

    def aimed(section) -> bool:
        return not report(section) and bool(aim_words.search(section.heading))

    spans = []
    for s in (s for s in doc.sections if report(s)):
        kept = [c for c in doc.sections if c.parent == s.id and aimed(c)] if aims.search(s.heading) else []
        start = s.start                 # results and aims, each under a sub-section: the aims' are read
        for c in sorted(kept, key=lambda c: c.start):
            spans.append((start, c.start))
            start = c.end + 1
        spans.append((start, s.end + 1))
    return spans


@cache
def _aim_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Aim words in a heading, and the same joined by "và" to a report's ("… VÀ CHỈ TIÊU …")."""
    words = "|".join(map(re.escape, load("structure")["report_and_aims"]))
    return re.compile(rf"\b(?:{words})\b", re.I), re.compile(rf"\bvà\s+(?:{words})\b", re.I)


def _target_lists(doc: Document) -> list[tuple[int, int]]:
    """Sections headed as a list of targets ("2. Chỉ tiêu", "Mục tiêu cụ thể")."""
    openers = tuple(load("structure")["target_list_headings"])
    return [(s.start, s.end + 1) for s in doc.sections if s.heading.strip().lower().startswith(openers)]


def _target_tables(doc: Document) -> list[tuple[int, int]]:
    """Target tables (bảng chỉ tiêu) are read by column, not line by line."""
    return [(t.start, t.end + 1) for t in doc.tables
            if not t.columns and t.rows and measure_table([c.text for c in t.rows[0].cells])]


def _context_year(doc: Document, offset: int) -> int | None:
    """The horizon of the innermost section heading around `offset` ("Tầm nhìn đến năm 2045", "Các chỉ tiêu chủ yếu
    năm 2028")."""
    year = None
    for section in doc.sections:
        if section.start <= offset < section.end:
            match = _HORIZON.search(section.heading)
            if match:
                year = int(match.group(1))
    return year


def _unique(targets: list[Target]) -> list[Target]:
    seen: set[tuple] = set()
    out = []
    for target in targets:
        tail = " ".join((target.indicator or "").lower().split()[-2:])
        key = (tail, target.value, target.value_max, target.unit, target.year)
        if key not in seen:
            seen.add(key)
            out.append(target)
    return out
