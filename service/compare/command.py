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
    lower: Path = typer.Argument(..., help="văn bản cấp dưới (PDF, DOCX, TXT, HTML)"),
    upper: Path = typer.Argument(..., help="văn bản cấp trên mà nó triển khai"),
    format: CompareFormat = typer.Option(CompareFormat.text, "--format", "-f", help="text, json hoặc html"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="ghi ra tệp này thay vì màn hình"),
    semantic: bool = typer.Option(True, "--semantic/--lexical-only",
                                  help="dùng mô hình câu (so ngữ nghĩa) khi đã cài"),
) -> None:
    """So nhiệm vụ của kế hoạch với văn bản cấp trên: sao chép, cụ thể hóa hay mới."""
    from ..cli_support import STDIN, analyze_or_exit, fail
    from ..messages import say
    from . import compare
    from .report_terminal import print_report
    from .report_html import render_html

    if str(lower) == str(upper) == STDIN:     # standard input runs dry after the first read
        fail(say("stdin_twice"), "stdin_twice")
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
