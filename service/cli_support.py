"""What every command shares: analyse a file, or print the error on stderr and exit with code 2."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from .document import Document
from .errors import RasoatError


EXTRACTORS = ("rules", "model", "hybrid")


def check_extractor(extractor: str | None) -> None:
    """An unknown --extractor ends the command with a Vietnamese message and exit code 2."""
    if extractor is not None and extractor not in EXTRACTORS:
        Console(stderr=True).print(f"[bold red]lỗi[/]: --extractor phải là một trong {', '.join(EXTRACTORS)} "
                                   f"(nhận được '{extractor}')")
        raise typer.Exit(2)


def analyze_or_exit(path: Path, extractor: str | None = None) -> Document:
    """`analyze_file(path)`; an ingest error or a missing file ends the command with exit code 2."""
    from .pipeline import analyze_file

    err = Console(stderr=True)
    check_extractor(extractor)
    try:
        return analyze_file(path, extractor)
    except RasoatError as error:
        err.print(f"[bold red]error[/] ({error.code}): {error.message}")
    except FileNotFoundError:
        err.print(f"[bold red]error[/]: no such file: {path}")
    raise typer.Exit(2)
