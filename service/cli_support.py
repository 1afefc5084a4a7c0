"""What every command shares: analyse a file, or print the error on stderr and exit with code 2."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from .document import Document
from .errors import RasoatError


def analyze_or_exit(path: Path) -> Document:
    """`analyze_file(path)`; an ingest error or a missing file ends the command with exit code 2."""
    from .pipeline import analyze_file

    err = Console(stderr=True)
    try:
        return analyze_file(path)
    except RasoatError as error:
        err.print(f"[bold red]error[/] ({error.code}): {error.message}")
    except FileNotFoundError:
        err.print(f"[bold red]error[/]: no such file: {path}")
    raise typer.Exit(2)
