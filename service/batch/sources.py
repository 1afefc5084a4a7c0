"""The documents of a batch SOURCE: a folder (recursively) or a ZIP file, read lazily.

ZIP members go through service/jobs/limits.py's checks before anything is expanded: unsafe names
(`../x`, `/x`), file count, declared total size and per-member compression ratio; each member is
read with a bound on its real size.
"""
from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import CorruptFileError, RasoatError
from ..jobs.limits import MB, SKIPPED, ZipBombError, _check_member, _read_bounded, safe_name

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
            yield Item(name, None, digest(name.encode()), CorruptFileError(f"unreadable: {error}"))
            continue
        yield Item(name, data, digest(data))


def _zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Members worth reading, after the archive-wide checks (names, count, declared size)."""
    members = [i for i in archive.infolist() if not i.is_dir() and _wanted(i.filename)]
    for info in members:
        safe_name(info.filename)
    if len(members) > ZIP_MAX_FILES:
        raise ZipBombError(f"archive holds {len(members)} files; the limit is {ZIP_MAX_FILES}")
    declared = sum(i.file_size for i in members)
    if declared > ZIP_MAX_TOTAL:
        raise ZipBombError(f"archive expands to {declared / MB:.0f} MB; the limit is {ZIP_MAX_TOTAL / MB:.0f} MB")
    return members


def zip_items(path: Path) -> Iterator[Item]:
    """Every document member of a ZIP; a member that cannot be read comes with its error."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise CorruptFileError(f"not a readable ZIP archive: {error}") from error
    with archive:
        budget = ZIP_MAX_TOTAL
        for info in _zip_members(archive):
            name = safe_name(info.filename)
            _check_member(info, ZIP_MAX_RATIO)
            try:
                data = _read_bounded(archive, info, budget)
            except (zipfile.BadZipFile, RuntimeError, OSError, zlib.error) as error:
                yield Item(name, None, digest(name.encode()), CorruptFileError(f"unreadable member: {error}"))
                continue
            budget -= len(data)
            yield Item(name, data, digest(data))


def source_items(source: Path) -> Iterator[Item]:
    """The documents of a folder or a ZIP file."""
    if source.is_dir():
        return folder_items(source)
    if source.is_file() and zipfile.is_zipfile(source):
        return zip_items(source)
    raise CorruptFileError(f"not a folder nor a ZIP archive: {source}")


def count_items(source: Path) -> int:
    """How many documents the source holds (names only; nothing is read)."""
    if source.is_dir():
        return sum(1 for p in source.rglob("*") if p.is_file() and _wanted(p.name))
    with zipfile.ZipFile(source) as archive:
        return sum(1 for i in archive.infolist() if not i.is_dir() and _wanted(i.filename))
