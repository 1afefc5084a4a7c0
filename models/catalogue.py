"""Read catalogue.yaml: every model rasoat loads or builds, with the sha256 of each file."""
from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

CATALOGUE = Path(os.environ.get("RASOAT_MODEL_CATALOGUE") or str(files(__package__) / "catalogue.yaml"))


@cache
def load_catalogue() -> dict:
    """The whole catalogue (read once per process)."""
    return yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))


def catalogue_entry(name: str = "multilingual-e5-small") -> dict:
    """The record of model `name` (LookupError when it is not catalogued)."""
    if not CATALOGUE.exists():
        raise LookupError(f"model catalogue not found: {CATALOGUE}")
    for entry in load_catalogue()["models"]:
        if entry["name"] == name:
            return entry
    raise LookupError(f"{name} is not in {CATALOGUE}")


@cache
def _sha256(path: str, size: int, mtime: float) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of(path: str | Path) -> str:
    """Checksum of a file, computed once per process for a given size and modification time."""
    stat = Path(path).stat()
    return _sha256(str(path), stat.st_size, stat.st_mtime)
