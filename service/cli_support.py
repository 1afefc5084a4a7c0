"""What every command shares: check and analyse a file, or print a Vietnamese error on stderr and
exit with code 2 (a folder, a missing file, a file type we do not read, an unreadable file)."""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from .document import Document
from .errors import RasoatError
from .messages import say

# File types the command line accepts (the API sniffs content; a name is all a shell user sees).
SUFFIXES = {".pdf", ".docx", ".txt", ".text", ".md", ".html", ".htm", ".xhtml",
            ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif"}


def fail(text: str, code: str | None = None) -> None:
    """Print `Lỗi (code): text` on stderr and end the command with exit code 2."""
    label = say("cli_error") + (f" ({code})" if code else "")
    Console(stderr=True).print(f"[bold red]{label}[/]: {escape(text)}", highlight=False)
    raise typer.Exit(2)


def check_input(path: Path) -> None:
    """Refuse a missing path, a folder or a file whose type we do not read (exit code 2)."""
    if path.is_dir():
        fail(say("is_directory", path=path), "is_directory")
    if not path.is_file():
        fail(say("file_not_found", path=path), "file_not_found")
    if path.suffix and path.suffix.lower() not in SUFFIXES:
        fail(say("unsupported_suffix", name=path.name, suffix=path.suffix), "unsupported_format")


EXTRACTORS = ("rules", "model", "hybrid")


@cache
def prepare_default_extractor() -> None:
    """First use: build the encoder the default extractor needs, saying so on stderr (once per process)."""
    from .extract.stages import prepare_default

    err = Console(stderr=True)
    prepare_default(lambda text: err.print(f"[dim]{escape(text)}[/]", highlight=False))


def check_extractor(extractor: str | None) -> None:
    """An unknown --extractor ends the command with a Vietnamese message and exit code 2."""
    if extractor is not None and extractor not in EXTRACTORS:
        fail(say("unknown_extractor", choices=", ".join(EXTRACTORS), given=extractor), "unknown_extractor")


STDIN = "-"        # the usual name for standard input: `… | rasoat analyze -`


def analyze_or_exit(path: Path, extractor: str | None = None) -> Document:
    """`analyze_file(path)` after `check_input`, or the bytes of standard input when the path is "-" (the format
    sniffed from the content); an ingest error ends the command with exit code 2."""
    from .ingest import MAX_BYTES
    from .pipeline import analyze_bytes, analyze_file

    piped = str(path) == STDIN
    if not piped:
        check_input(path)
    check_extractor(extractor)
    if extractor is None:
        prepare_default_extractor()
    try:
        if piped:                        # at most one byte over the limit is read: enough to refuse it
            data = sys.stdin.buffer.read(MAX_BYTES + 1) if sys.stdin is not None else b""
            return analyze_bytes(data, say("stdin_name"), extractor)
        return analyze_file(path, extractor)
    except RasoatError as error:
        fail(error.message, error.code)
    except FileNotFoundError:
        fail(say("file_not_found", path=path), "file_not_found")
    raise AssertionError("unreachable")
