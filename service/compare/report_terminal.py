"""Readable text report of a comparison (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .model import Comparison, DocRef, Item

STYLES = {"verbatim": "bold red", "adapted": "yellow", "new": "green"}
LABELS = {"verbatim": "sao chép", "adapted": "cụ thể hóa", "new": "mới"}


def _ref(ref: DocRef) -> str:
    parts = [ref.kind or "?", ref.number or "(không số)", ref.issuer or "",
             ref.issued_on.strftime("%d/%m/%Y") if ref.issued_on else ""]
    return " ".join(p for p in parts if p)


def _highlighted(item: Item, width: int = 160) -> Text:
    """The lower task with the words copied from the upper level underlined in red."""
    text = Text(item.text[:width] + ("…" if len(item.text) > width else ""))
    for span in item.copied_spans:
        if span.start < width:
            text.stylize("red", span.start, min(span.end, width))
    return text


def _row(item: Item) -> tuple:
    upper = "\n".join(f"{m.task_id} {m.similarity:.2f}" for m in item.upper) or "—"
    added = "; ".join(f"{a.kind}: {a.text}" for a in item.local_additions if a.kind != "words")
    why = Text(item.reason, style="dim") + Text(f"\n{added}" if added else "")
    return (item.task_id, Text(LABELS[item.class_], style=STYLES[item.class_]), _highlighted(item),
            upper, why)


def print_report(result: Comparison, console: Console | None = None) -> None:
    """Summary figures, one row per lower task, then the upper tasks left out."""
    console = console or Console()
    counts = result.counts()
    console.print(f"[bold]Cấp dưới[/]: {_ref(result.lower)}")
    console.print(f"[bold]Cấp trên[/]: {_ref(result.upper)}")
    console.print(f"Tỷ lệ sao chép (copy_ratio): [bold]{result.copy_ratio:.0%}[/] of the task text · "
                  f"độ bao phủ (coverage): [bold]{result.coverage:.0%}[/] of upper tasks · "
                  f"verbatim {counts['verbatim']}, adapted {counts['adapted']}, new {counts['new']}")
    signals = "lexical + semantic (" + result.method.encoder + ")" if result.method.semantic else "lexical only"
    console.print(f"Signals: {signals}")
    for note in result.notes:
        console.print(f"[dim]note: {note}[/]")
    table = Table(show_lines=False, expand=True)
    for column, kwargs in (("task", {"no_wrap": True}), ("class", {"no_wrap": True}),
                           ("lower task (copied words in red)", {"ratio": 5}),
                           ("upper", {"min_width": 12, "no_wrap": True}), ("why · local additions", {"ratio": 3})):
        table.add_column(column, **kwargs)
    for item in result.items:
        table.add_row(*_row(item))
    console.print(table)
    if result.uncovered_upper:
        console.print(f"[bold]Upper tasks not taken up ({len(result.uncovered_upper)}):[/]")
        for task in result.uncovered_upper:
            console.print(f"  {task.task_id}: {task.text[:140]}")
