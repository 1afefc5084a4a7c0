"""Readable terminal summary of an analysed document (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .document import Document, Task
from .vagueness import VAGUE_FROM

KIND_NAMES = {
    "nghi_quyet": "Nghị quyết", "chuong_trinh": "Chương trình", "ke_hoach": "Kế hoạch",
    "chi_thi": "Chỉ thị", "ket_luan": "Kết luận", "quyet_dinh": "Quyết định", "cong_van": "Công văn",
    "bao_cao": "Báo cáo", "thong_bao": "Thông báo", "huong_dan": "Hướng dẫn", "khac": "Khác",
}


def print_summary(doc: Document, console: Console) -> None:
    """Metadata, then a table of tasks with lead, support, deadline and targets."""
    meta = doc.metadata
    console.print(f"[bold]{KIND_NAMES[meta.kind]}[/] {meta.number or '(không số)'} — {meta.issuer or '?'}"
                  f", {meta.place or ''} {meta.issued_on or ''}")
    if meta.title:
        console.print(f"[italic]{meta.title}[/]")
    if meta.basis:
        console.print("Căn cứ: " + "; ".join(c.number or c.text for c in meta.basis))
    if meta.signer:
        console.print(f"Người ký: {meta.signer}")
    console.print(f"{len(doc.sections)} mục, {len(doc.tasks)} nhiệm vụ, {len(doc.targets)} chỉ tiêu\n")
    console.print(task_table(doc.tasks))
    missing_lead = sum(not t.lead for t in doc.tasks)
    missing_deadline = sum(t.deadline is None for t in doc.tasks)
    console.print(f"Thiếu chủ trì: {missing_lead} · Thiếu thời hạn: {missing_deadline}")
    if (summary := doc.vagueness_summary) is not None:
        bands = summary.distribution
        console.print(f"Mức mơ hồ: {summary.score:.2f} · cụ thể {bands.get('specific', 0)}, "
                      f"vừa {bands.get('mixed', 0)}, mơ hồ {bands.get('vague', 0)}")
    for problem in doc.warnings:
        console.print(f"[yellow]warning[/] {problem.stage}: {problem.message}")


def _marked(task: Task, limit: int = 160) -> str:
    """The task text (shortened), with a vague task's cues in bold yellow."""
    text = task.text if len(task.text) < limit else task.text[:limit - 3] + "…"
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


def _score(task: Task) -> str:
    if task.vagueness is None:
        return ""
    score = task.vagueness.score
    return f"[red]{score:.2f}[/]" if score >= VAGUE_FROM else f"{score:.2f}"


def task_table(tasks: list[Task]) -> Table:
    table = Table(show_lines=False, expand=True)
    for column, ratio in (("#", 1), ("Nhiệm vụ", 8), ("Chủ trì", 3), ("Phối hợp", 3), ("Thời hạn", 2),
                          ("Chỉ tiêu", 2), ("Mơ hồ", 1)):
        table.add_column(column, ratio=ratio, overflow="fold")
    for task in tasks:
        table.add_row(task.id, _marked(task), ", ".join(b.name for b in task.lead) or "[red]—[/]",
                      ", ".join(b.name for b in task.support),
                      task.deadline.text if task.deadline else "[red]—[/]",
                      "; ".join(t.text for t in task.targets), _score(task))
    return table
