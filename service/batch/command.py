"""`rasoat batch SOURCE --out DIR`: the archive-scale run from the command line."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..cli_support import check_extractor, prepare_default_extractor
from ..errors import RasoatError
from ..messages import say

SUMMARY_LABELS = {"files": "Số tệp", "analysed": "Đã phân tích", "skipped": "Bỏ qua (đã có)", "failed": "Lỗi",
                  "workers": "Số tiến trình", "pass_seconds": "Thời gian phân tích (giây)",
                  "archive_seconds": "Thời gian xử lý kho (giây)"}


def _date(text: str | None) -> date | None:
    """dd/mm/yyyy or yyyy-mm-dd."""
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date() if text else None
        except ValueError:
            continue
    raise typer.BadParameter(say("bad_date", text=text))


def batch_command(
    source: Path = typer.Argument(..., help="thư mục hoặc tệp ZIP chứa văn bản PDF, DOCX, TXT, HTML"),
    out: Path = typer.Option(..., "--out", help="thư mục kết quả (docs/, các bảng, tóm tắt)"),
    scheduler: str = typer.Option(None, "--scheduler", help="bộ điều phối Dask, ví dụ tcp://host:8786 "
                                  "(mặc định DASK_SCHEDULER_ADDRESS, nếu không có thì một cụm cục bộ)"),
    workers: int = typer.Option(None, "--workers", min=1, help="số tiến trình cục bộ (mặc định: số lõi)"),
    as_of: str = typer.Option(None, "--as-of", help="ngày tính quá hạn (mặc định hôm nay)"),
    load_db: bool = typer.Option(False, "--load-db", help="lưu cả kết quả vào cơ sở dữ liệu của dịch vụ"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="phân tích lại các tệp đã lỗi"),
    threads: bool = typer.Option(False, "--threads", hidden=True, help="local workers as threads"),
    extractor: str = typer.Option(None, "--extractor", help="rules | model | hybrid (mặc định: theo danh mục mô hình)"),
) -> None:
    """Phân tích mọi văn bản của SOURCE (Dask), rồi liên kết, kiểm tra sao chép và tóm tắt cả kho."""
    from . import count_items, run_batch

    from ..cli_support import fail

    err = Console(stderr=True)
    check_extractor(extractor)
    if not source.exists():
        fail(say("no_folder_or_file", path=source), "file_not_found")
    if extractor is None:
        prepare_default_extractor()
    try:
        total = count_items(source)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err) as bar:
            task = bar.add_task(say("batch_analysing"), total=total)
            summary = run_batch(source, out, scheduler, workers, _date(as_of), load_db, not threads,
                                retry_failed, lambda r: bar.update(task, completed=r.done), extractor=extractor)
            bar.update(task, completed=total)
    except RasoatError as error:
        fail(error.message, error.code)
    print_summary(summary, Console())


def print_summary(summary: dict, console: Console) -> None:
    table = Table(title=f"rasoat batch → {summary['out']}", show_header=False)
    for key, label in SUMMARY_LABELS.items():
        table.add_row(label, str(summary[key]))
    table.add_row("Văn bản trùng", str(len(summary["duplicates"])))
    for name, rows in summary["rows"].items():
        table.add_row(f"Số dòng bảng {name}", str(rows))
    if "loaded_into_db" in summary:
        table.add_row("Đã lưu vào cơ sở dữ liệu", str(summary["loaded_into_db"]))
    console.print(table)
