"""Readable terminal summary of an analysed document (rich), for any terminal width: a table of
tasks where it fits (no column narrower than MIN_COLUMN), one card per task below TABLE_FROM
columns; `full=True` prints task texts whole."""
from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table

from .document import Document, Task
from .messages import catalogue, kind_name, missing_name, say, vn_date
from .vagueness.bands import level_of, scale_text
from .vagueness import VAGUE_FROM, band

KIND_NAMES = catalogue()["kinds"]
MIN_COLUMN = 6          # no table column is narrower than this
TABLE_FROM = 80         # below this width, one card per task
WIDE_FROM = 120         # from this width, the support and target columns too
SHORT = 160             # task text shown (characters) without --full


def print_summary(doc: Document, console: Console, full: bool = False) -> None:
    """Metadata, the tasks (table or cards), the counts of what is missing, the levels, warnings."""
    meta = doc.metadata
    head = f"[bold]{kind_name(meta.kind)}[/] {escape(meta.number or say('no_number'))}"
    where = ", ".join(x for x in (meta.issuer, meta.place, vn_date(meta.issued_on)) if x)
    console.print(head + (f" — {escape(where)}" if where else ""), highlight=False)
    if meta.title:
        console.print(f"[italic]{escape(meta.title)}[/]", highlight=False)
    if meta.basis:
        console.print(say("basis") + ": " + escape("; ".join(c.number or c.text for c in meta.basis)), highlight=False)
    if meta.signer:
        console.print(f"{say('signer')}: {escape(meta.signer)}", highlight=False)
    console.print(say("summary_counts", sections=len(doc.sections), tasks=len(doc.tasks),
                      targets=len(doc.targets)) + "\n", highlight=False)
    if doc.tasks:                   # no tasks: the warnings below say so, no empty table
        _print_tasks(doc, console, full)
    for problem in shown_warnings(doc.warnings):
        console.print(f"[yellow]{say('cli_warning')}[/]: {escape(problem.message)}", highlight=False)


def shown_warnings(warnings: list) -> list:
    """The warnings a reader needs: "missing_number" goes where "unreadable_number" says more (the
    JSON keeps both codes for machines)."""
    codes = {w.code for w in warnings}
    return [w for w in warnings if not (w.code.startswith("missing_")
                                        and w.code.replace("missing_", "unreadable_", 1) in codes)]


def _print_tasks(doc: Document, console: Console, full: bool) -> None:
    """The tasks (table or cards), the counts of what is missing, the levels."""
    if console.width >= TABLE_FROM:
        console.print(task_table(doc.tasks, full, console.width >= WIDE_FROM, console.width))
    else:
        console.print(task_cards(doc.tasks, full))
    console.print(say("summary_missing", lead=sum(not t.lead for t in doc.tasks),
                      deadline=sum(t.deadline is None for t in doc.tasks)), highlight=False)
    if (summary := doc.vagueness_summary) is not None:
        bands = summary.distribution
        console.print(say("summary_levels", specific=bands.get("specific", 0), mixed=bands.get("mixed", 0),
                          vague=bands.get("vague", 0)), highlight=False)
        console.print(f"[dim]{scale_text()}[/]", highlight=False)


def _marked(task: Task, full: bool) -> str:
    """The task text (shortened unless `full`), with a vague task's cues in bold yellow."""
    text = task.text if full or len(task.text) <= SHORT else task.text[:SHORT - 1] + "…"
    v = task.vagueness
    if v is None or v.score < VAGUE_FROM:
        return escape(text)
    out, pos = [], 0
    for cue in v.cues:
        start, end = cue.start - task.start, min(cue.end - task.start, len(text))
        if start < pos or start >= len(text):
            continue
        out += [escape(text[pos:start]), f"[bold yellow]{escape(text[start:end])}[/]"]
        pos = end
    return "".join(out + [escape(text[pos:])])


def _level(task: Task) -> str:
    if task.vagueness is None:
        return ""
    name = level_of(task.vagueness.score)
    return f"[red]{name}[/]" if band(task.vagueness.score) == "vague" else name


def _names(bodies) -> str:
    return escape(", ".join(b.name for b in bodies))


def column_widths(width: int, wide: bool) -> dict[str, int]:
    """Widths that fill `width`: fixed id, deadline and level columns, the rest shared by the text
    (60 %) and the owners (and support, targets when `wide`)."""
    fixed = {"#": MIN_COLUMN, "Thời hạn": 14, "Mức": 11}
    names = ["#", "Nhiệm vụ", "Chủ trì"] + (["Phối hợp"] if wide else []) + ["Thời hạn"] \
        + (["Chỉ tiêu"] if wide else []) + ["Mức"]
    rest = max(width - (3 * len(names) + 1) - sum(fixed.values()), 0)
    shared = [n for n in names if n not in fixed and n != "Nhiệm vụ"]
    each = max(MIN_COLUMN, int(rest * 0.4) // len(shared))
    widths = fixed | {n: each for n in shared}
    widths["Nhiệm vụ"] = max(MIN_COLUMN, rest - each * len(shared))
    return {n: widths[n] for n in names}


def task_table(tasks: list[Task], full: bool = False, wide: bool = False, width: int = TABLE_FROM) -> Table:
    """Columns: #, task, lead, deadline, level (and support, targets when `wide`)."""
    table = Table(show_lines=full)
    for name, size in column_widths(width, wide).items():
        table.add_column(name, width=size, no_wrap=name == "#")
    for task in tasks:
        cells = [escape(task.id), _marked(task, full), _names(task.lead) or "[red]—[/]"]
        if wide:
            cells.append(_names(task.support))
        cells.append(escape(task.deadline.text) if task.deadline else "[red]—[/]")
        if wide:
            cells.append(escape("; ".join(t.text for t in task.targets)))
        table.add_row(*cells, _level(task))
    return table


def task_cards(tasks: list[Task], full: bool = False) -> Group:
    """One short block per task for narrow terminals."""
    cards = []
    for task in tasks:
        lines = [f"[bold]{escape(task.id)}[/] {_marked(task, full)}",
                 f"  Chủ trì: {_names(task.lead) or '[red]—[/]'}"]
        if task.support:
            lines.append(f"  Phối hợp: {_names(task.support)}")
        lines.append(f"  Thời hạn: {escape(task.deadline.text) if task.deadline else '[red]—[/]'}")
        if task.targets:
            lines.append(f"  Chỉ tiêu: {escape('; '.join(t.text for t in task.targets))}")
        if task.vagueness is not None:
            lacking = ", ".join(missing_name(p) for p in task.vagueness.missing if p != "budget")
            lines.append(f"  Mức: {_level(task)}" + (f" · thiếu {lacking}" if lacking else ""))
        cards.append("\n".join(lines) + "\n")
    return Group(*cards)
