"""Command line: `rasoat analyze FILE` (readable summary or --format json)."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console

from .archive.command import find_source_command, index_command
from .batch.command import batch_command
from .compare.command import compare_command
from .cli_support import analyze_or_exit
from .models.command import app as models_app

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Rà soát: read Vietnamese resolutions and plans, report what is in them.")


class Format(str, Enum):
    text = "text"
    json = "json"


@app.callback()
def main() -> None:
    """Rà soát: analyse Vietnamese resolutions, programmes and plans."""


@app.command()
def analyze(
    file: Path = typer.Argument(..., help="PDF, DOCX, TXT or HTML document"),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (readable) or json"),
    extractor: str = typer.Option(None, "--extractor", help="rules | model | hybrid (mặc định: theo danh mục mô hình)"),
) -> None:
    """Extract metadata, structure and every task with its owners, deadline and targets."""
    from .report import print_summary

    doc = analyze_or_exit(file, extractor)
    if format is Format.json:
        sys.stdout.write(doc.to_json(indent=1) + "\n")
    else:
        print_summary(doc, Console())


app.command("compare")(compare_command)
app.command("index")(index_command)
app.command("find-source")(find_source_command)
app.command("batch")(batch_command)
app.add_typer(models_app, name="models")

if __name__ == "__main__":
    app()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="interface to listen on"),
    port: int = typer.Option(8000, help="TCP port"),
    workers: int = typer.Option(None, help="job workers: processes, or threads with RASOAT_RUNNER=threads "
                                           "(default RASOAT_WORKERS or 2)"),
) -> None:
    """Start the REST API (OpenAPI at /docs); settings from RASOAT_* environment variables."""
    import uvicorn

    from .api.app import create_app
    from .api.config import Settings

    settings = Settings()
    if workers:
        settings.workers = workers
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
