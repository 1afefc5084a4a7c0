"""Readable text report of a comparison (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..messages import kind_name
from .model import Comparison, DocRef, Item
from .shown import content_spans, shown_additions

STYLES = {"verbatim": "bold red", "adapted": "yellow", "new": "green"}
LABELS = {"verbatim": "sao chép", "adapted": "cụ thể hóa", "new": "mới"}
ADDITIONS = {"owner": "chủ trì", "deadline": "thời hạn", "figure": "số liệu", "target": "chỉ tiêu",
             "content": "nội dung", "output": "sản phẩm", "budget": "kinh phí"}


def _ref(ref: DocRef) -> str:
    parts = [kind_name(ref.kind) if ref.kind else "?", ref.number or "(không số)", ref.issuer or "",
             ref.issued_on.strftime("%d/%m/%Y") if ref.issued_on else ""]
    return " ".join(p for p in parts if p)


def _highlighted(item: Item, width: int = 160) -> Text:
    """The lower task with the words copied from the upper level underlined in red."""
    text = Text(item.text[:width] + ("…" if len(item.text) > width else ""))
    for span in content_spans(item.text, item.copied_spans):
        if span.start < width:
            text.stylize("red", span.start, min(span.end, width))
    return text


def _row(item: Item) -> tuple:
    upper = "\n".join(f"{m.task_id} {m.similarity:.0%}" for m in item.upper) or "—"
    added = "; ".join(f"{ADDITIONS.get(a.kind, a.kind)}: {a.text}" for a in shown_additions(item))
    why = Text(item.reason, style="dim") + Text(f"\n{added}" if added else "")
    return (item.task_id, Text(LABELS[item.class_], style=STYLES[item.class_]), _highlighted(item),
            upper, why)


def print_report(result: Comparison, console: Console | None = None) -> None:
    """Summary figures, one row per lower task, then the upper tasks left out."""
    console = console or Console()
    counts = result.counts()
    console.print(f"[bold]Cấp dưới[/]: {_ref(result.lower)}")
    console.print(f"[bold]Cấp trên[/]: {_ref(result.upper)}")
    console.print(f"Tỷ lệ sao chép: [bold]{result.copy_ratio:.0%}[/] lời văn nhiệm vụ · "
                  f"độ bao phủ: [bold]{result.coverage:.0%}[/] nhiệm vụ cấp trên · "
                  f"sao chép {counts['verbatim']}, cụ thể hóa {counts['adapted']}, mới {counts['new']}")
    signals = "từ ngữ và ngữ nghĩa (mô hình câu)" if result.method.semantic else "chỉ so từ ngữ"
    console.print(f"Cách so: {signals}")
    for note in result.notes:
        console.print(f"[dim]Ghi chú: {note}[/]")
    table = Table(show_lines=False, expand=True)
    for column, kwargs in (("#", {"no_wrap": True, "min_width": 6}), ("Loại", {"min_width": 9}),
                           ("Nhiệm vụ cấp dưới (chữ đỏ: chép từ cấp trên)", {"ratio": 5}),
                           ("Cấp trên", {"min_width": 12, "no_wrap": True}),
                           ("Lý do · nội dung bổ sung", {"ratio": 3})):
        table.add_column(column, **kwargs)
    for item in result.items:
        table.add_row(*_row(item))
    console.print(table)
    if result.uncovered_upper:
        console.print(f"[bold]Nhiệm vụ cấp trên chưa được triển khai ({len(result.uncovered_upper)}):[/]")
        for task in result.uncovered_upper:
            console.print(f"  {task.task_id}: {task.text[:140]}")
