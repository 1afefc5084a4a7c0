"""`rasoat index DIR` and `rasoat find-source FILE`: the archive from the command line."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from .location import DEFAULT_STORE

STORE_HELP = "archive directory (SQLite file and LSH index)"


class SourceFormat(str, Enum):
    text = "text"
    json = "json"


def index_command(
    folder: Path = typer.Argument(..., help="folder of PDF, DOCX, TXT or HTML documents"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
) -> None:
    """Analyse every document in FOLDER and add the new ones to the archive."""
    from . import Archive, index_folder

    err = Console(stderr=True)
    if not folder.is_dir():
        err.print(f"[bold red]error[/]: not a folder: {folder}")
        raise typer.Exit(2)
    archive = Archive.open(store)
    report = index_folder(folder, archive)
    total = len(archive)
    archive.close()
    for path, reason in report.failed:
        err.print(f"[yellow]failed[/] {path}: {reason}")
    Console().print(f"indexed {len(report.added)}, skipped {len(report.skipped)} already stored, "
                    f"failed {len(report.failed)}; archive holds {total} documents ({store})")


def find_source_command(
    file: Path = typer.Argument(..., help="the lower-level plan (PDF, DOCX, TXT, HTML)"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
    top: int = typer.Option(5, "--top", min=1, help="how many candidates"),
    format: SourceFormat = typer.Option(SourceFormat.text, "--format", "-f", help="text or json"),
) -> None:
    """Rank the archived documents that FILE may implement: cited in its basis, then by content."""
    from ..cli_support import analyze_or_exit
    from . import Archive, find_sources

    doc = analyze_or_exit(file)
    archive = Archive.open(store)
    stats: dict = {}
    found = find_sources(doc, archive, top=top, stats=stats)
    archive.close()
    if format is SourceFormat.json:
        body = {"file": str(file), "number": doc.metadata.number, "stats": stats,
                "candidates": [c.model_dump(mode="json") for c in found]}
        sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=1) + "\n")
        return
    print_candidates(found, stats, Console())


def print_candidates(found: list, stats: dict, console: Console) -> None:
    """One line per candidate, best first, its path below."""
    console.print(f"{stats.get('lsh_candidates', 0)} LSH candidates in an archive of "
                  f"{stats.get('archive', 0)} documents")
    if not found:
        console.print("no candidate source")
    for rank, c in enumerate(found, 1):
        head = " · ".join(str(x) for x in (c.number, c.kind, c.issuer, c.issued_on) if x)
        console.print(f"{rank}. [bold]{c.score:.2f}[/] {head or c.id} — {c.reason}", highlight=False)
        console.print(f"   {c.path}", highlight=False, soft_wrap=True)
