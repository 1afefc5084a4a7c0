"""`rasoat index DIR` and `rasoat find-source FILE`: the archive from the command line."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from ..messages import kind_name, say, vn_date
from .location import DEFAULT_STORE

STORE_HELP = "thư mục kho văn bản (tệp SQLite và chỉ mục LSH)"


class SourceFormat(str, Enum):
    text = "text"
    json = "json"


def index_command(
    folder: Path = typer.Argument(..., help="thư mục chứa văn bản PDF, DOCX, TXT hoặc HTML"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
) -> None:
    """Phân tích mọi văn bản trong FOLDER và thêm văn bản mới vào kho."""
    from ..cli_support import fail, prepare_default_extractor
    from . import Archive, index_folder

    err = Console(stderr=True)
    if not folder.is_dir():
        fail(say("not_a_folder", path=folder), "not_a_folder")
    prepare_default_extractor()
    archive = Archive.open(store)
    report = index_folder(folder, archive)
    total = len(archive)
    archive.close()
    for path, reason in report.failed:
        err.print(f"[yellow]{say('index_failed')}[/] {path}: {reason}", highlight=False)
    Console().print(say("index_done", added=len(report.added), skipped=len(report.skipped),
                        failed=len(report.failed), total=total, store=store), highlight=False)


def find_source_command(
    file: Path = typer.Argument(..., help="văn bản cấp dưới (PDF, DOCX, TXT, HTML)"),
    store: Path = typer.Option(DEFAULT_STORE, "--store", help=STORE_HELP),
    top: int = typer.Option(5, "--top", min=1, help="số ứng viên"),
    format: SourceFormat = typer.Option(SourceFormat.text, "--format", "-f", help="text hoặc json"),
) -> None:
    """Xếp hạng văn bản trong kho mà FILE có thể triển khai: trích dẫn trong căn cứ, rồi theo nội dung."""
    from ..cli_support import analyze_or_exit, fail
    from . import Archive, find_sources

    if not (store / "archive.sqlite").is_file():          # never create an archive here
        fail(say("no_archive", store=store), "no_archive")
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
    console.print(say("sources_header", lsh=stats.get("lsh_candidates", 0), archive=stats.get("archive", 0)),
                  highlight=False)
    if not found:
        console.print(say("no_source"))
    for rank, c in enumerate(found, 1):
        parts = (c.number, kind_name(c.kind) if c.kind else None, c.issuer, vn_date(c.issued_on))
        head = " · ".join(str(x) for x in parts if x)
        console.print(f"{rank}. [bold]{c.score:.2f}[/] {head or c.id} — {c.reason}", highlight=False)
        console.print(f"   {c.path}", highlight=False, soft_wrap=True)
