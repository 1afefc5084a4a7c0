"""`rasoat batch SOURCE --out DIR`: the archive-scale run from the command line."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..cli_support import check_extractor
from ..errors import RasoatError


def _date(text: str | None) -> date | None:
    try:
        return datetime.strptime(text, "%Y-%m-%d").date() if text else None
    except ValueError:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {text}")


def batch_command(
    source: Path = typer.Argument(..., help="folder or ZIP of PDF, DOCX, TXT or HTML documents"),
    out: Path = typer.Option(..., "--out", help="output directory (docs/, tables, summary)"),
    scheduler: str = typer.Option(None, "--scheduler", help="Dask scheduler, e.g. tcp://host:8786 "
                                  "(default DASK_SCHEDULER_ADDRESS, else a local cluster)"),
    workers: int = typer.Option(None, "--workers", min=1, help="local cluster workers (default: cores)"),
    as_of: str = typer.Option(None, "--as-of", help="date for overdue deadlines (default today)"),
    load_db: bool = typer.Option(False, "--load-db", help="also store the analyses in the service DB"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="analyse recorded failures again"),
    threads: bool = typer.Option(False, "--threads", hidden=True, help="local workers as threads"),
    extractor: str = typer.Option(None, "--extractor", help="rules | model | hybrid (mặc định: theo danh mục mô hình)"),
) -> None:
    """Analyse every document of SOURCE on Dask, then link, copy-check and summarise the archive."""
    from . import count_items, run_batch

    err = Console(stderr=True)
    check_extractor(extractor)
    if not source.exists():
        err.print(f"[bold red]error[/]: no such folder or file: {source}")
        raise typer.Exit(2)
    try:
        total = count_items(source)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err) as bar:
            task = bar.add_task("analysing", total=total)
            summary = run_batch(source, out, scheduler, workers, _date(as_of), load_db, not threads,
                                retry_failed, lambda r: bar.update(task, completed=r.done), extractor=extractor)
            bar.update(task, completed=total)
    except RasoatError as error:
        err.print(f"[bold red]error[/] ({error.code}): {error.message}")
        raise typer.Exit(2)
    print_summary(summary, Console())


def print_summary(summary: dict, console: Console) -> None:
    table = Table(title=f"rasoat batch → {summary['out']}", show_header=False)
    for key in ("files", "analysed", "skipped", "failed", "workers", "pass_seconds", "archive_seconds"):
        table.add_row(key, str(summary[key]))
    table.add_row("duplicates", str(len(summary["duplicates"])))
    for name, rows in summary["rows"].items():
        table.add_row(f"{name} rows", str(rows))
    if "loaded_into_db" in summary:
        table.add_row("loaded into DB", str(summary["loaded_into_db"]))
    console.print(table)
