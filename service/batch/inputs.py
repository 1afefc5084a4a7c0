"""The documents of a batch SOURCE: a folder (recursively) or a ZIP file, read lazily.

ZIP members go through service/jobs/limits.py's checks before anything is expanded: unsafe names
(`../x`, `/x`), file count, declared total size and per-member compression ratio; each member is
read with a bound on its real size.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorruptFileError, RasoatError
from ..jobs.limits import MB, SKIPPED, ZipBombError, ZipBudget, member_chunks, open_zip, zip_members
from ..messages import say

SUFFIXES = {".pdf", ".docx", ".txt", ".html", ".htm"}
ZIP_MAX_FILES = 1_000_000
ZIP_MAX_TOTAL = 64 * 1024 * MB      # declared uncompressed bytes; members are read one by one
ZIP_MAX_RATIO = 100.0


@dataclass
class Item:
    """One document of the source: its name, bytes (or why they could not be read) and hash."""

    name: str
    data: bytes | None
    sha256: str
    error: RasoatError | None = None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _wanted(name: str) -> bool:
    return Path(name).suffix.lower() in SUFFIXES and not any(s in name for s in SKIPPED)


def folder_items(folder: Path) -> Iterator[Item]:
    """Every readable document file under `folder`, sorted by path."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and _wanted(p.name)):
        name = str(path.relative_to(folder))
        try:
            data = path.read_bytes()
        except OSError as error:
            yield Item(name, None, digest(name.encode()), CorruptFileError(say("batch_unreadable", detail=error)))
            continue
        yield Item(name, data, digest(data))


def _budget() -> ZipBudget:
    return ZipBudget(ZIP_MAX_FILES, ZIP_MAX_TOTAL, ZIP_MAX_RATIO)


def zip_items(path: Path) -> Iterator[Item]:
    """Every document member of a ZIP, one in memory at a time; a member that cannot be read comes
    with its error (a bomb or an unsafe name stops the archive)."""
    budget = _budget()
    with open_zip(path) as archive:
        for name, info in zip_members(archive, budget, _wanted):
            try:
                data = b"".join(member_chunks(archive, info, budget))
            except ZipBombError:
                raise
            except RasoatError as error:
                yield Item(name, None, digest(name.encode()), error)
                continue
            yield Item(name, data, digest(data))


def source_items(source: Path) -> Iterator[Item]:
    """The documents of a folder or a ZIP file."""
    if source.is_dir():
        return folder_items(source)
    if source.is_file():
        return zip_items(source)
    raise CorruptFileError(f"Không phải thư mục hay tệp ZIP: {source}")


def count_items(source: Path) -> int:
    """How many documents the source holds (names only; nothing is read)."""
    if source.is_dir():
        return sum(1 for p in source.rglob("*") if p.is_file() and _wanted(p.name))
    with open_zip(source) as archive:
        return len(zip_members(archive, _budget(), _wanted))
