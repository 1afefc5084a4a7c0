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
from .cli_help import use_vietnamese
from .cli_support import analyze_or_exit
from .models.command import app as models_app

use_vietnamese()        # typer's help panels and usage errors (click's own "Usage:" line stays as it is)

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Rà soát văn bản: đọc nghị quyết, chương trình, kế hoạch và cho biết nội dung, nhiệm vụ, chỗ còn thiếu.")


class Format(str, Enum):
    text = "text"
    json = "json"


@app.callback()
def main() -> None:
    """Rà soát văn bản: phân tích nghị quyết, chương trình, kế hoạch."""


@app.command()
def analyze(
    file: Path = typer.Argument(..., help="tệp văn bản PDF, DOCX, TXT hoặc HTML; - để đọc từ đầu vào chuẩn"),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text (dễ đọc) hoặc json"),
    full: bool = typer.Option(False, "--full", help="in toàn văn nhiệm vụ, không rút gọn"),
    extractor: str = typer.Option(None, "--extractor", help="rules | model | hybrid (mặc định: theo danh mục mô hình)"),
) -> None:
    """Trích thông tin văn bản, cấu trúc và từng nhiệm vụ với chủ trì, phối hợp, thời hạn, chỉ tiêu."""
    from .report import print_summary

    doc = analyze_or_exit(file, extractor)
    if format is Format.json:
        sys.stdout.write(doc.to_json(indent=1) + "\n")
    else:
        print_summary(doc, Console(), full=full)


app.command("compare")(compare_command)
app.command("index")(index_command)
app.command("find-source")(find_source_command)
app.command("batch")(batch_command)
app.add_typer(models_app, name="models")

if __name__ == "__main__":
    app()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="địa chỉ lắng nghe"),
    port: int = typer.Option(8000, help="cổng TCP"),
    workers: int = typer.Option(None, help="số tiến trình xử lý việc (mặc định RASOAT_WORKERS hoặc 2; "
                                           "RASOAT_RUNNER=threads để dùng luồng)"),
) -> None:
    """Chạy dịch vụ REST và giao diện web (tài liệu API tại /docs); cấu hình qua biến môi trường RASOAT_*."""
    import uvicorn

    from .api.app import create_app
    from .cli_support import prepare_default_extractor
    from .config import Settings

    prepare_default_extractor()
    settings = Settings()
    if workers:
        settings.workers = workers
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
