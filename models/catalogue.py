"""Read catalogue.yaml: every model rasoat loads or builds, with the sha256 of each file."""
from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

STAMP = ".sha256"                  # beside a large built file: its size, mtime and digest
STAMP_FROM = 8 << 20               # smaller files, and files outside the models folder, are simply hashed
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


def models_dir() -> Path:
    """Where built models live: $RASOAT_MODELS_DIR, else the user's cache folder."""
    if os.environ.get("RASOAT_MODELS_DIR"):
        return Path(os.environ["RASOAT_MODELS_DIR"])
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "rasoat" / "models"


@cache
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    stamp = Path(path + STAMP)
    stamped = size >= STAMP_FROM and Path(path).resolve().is_relative_to(models_dir().resolve())
    if stamped and (recorded := _stamped(stamp, size, mtime_ns)):
        return recorded
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    if stamped:
        try:                              # best effort: a read-only cache hashes again next time
            stamp.write_text(json.dumps({"size": size, "mtime_ns": mtime_ns, "sha256": digest.hexdigest()}),
                             encoding="utf-8")
        except OSError:
            pass
    return digest.hexdigest()


def _stamped(stamp: Path, size: int, mtime_ns: int) -> str | None:
    """The digest a stamp recorded for this very size and modification time, if any."""
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        if recorded["size"] == size and recorded["mtime_ns"] == mtime_ns:
            return str(recorded["sha256"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def sha256_of(path: str | Path) -> str:
    """Checksum of a file, read once per size and modification time: for a large file in the models
    folder the digest is kept beside it (`<file>.sha256`), so later processes skip hashing the 470 MB
    of encoder weights unless the file changed."""
    stat = Path(path).stat()
    return _sha256(str(path), stat.st_size, stat.st_mtime_ns)
