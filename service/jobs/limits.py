"""Upload limits and safe ZIP expansion (file count, total size, compression ratio, path names)."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePosixPath

from ..errors import CorruptFileError, EncryptedFileError, FileTooLargeError, IngestError, RasoatError

MB = 1024 * 1024
SKIPPED = ("__MACOSX/", ".DS_Store", "Thumbs.db")


class ZipBombError(FileTooLargeError):
    """An archive that expands too far: too many files, too many bytes or too high a ratio."""

    code = "zip_bomb"


class UnsafeArchivePathError(IngestError):
    """A member name that would escape the archive (../x, /etc/x, C:\\x)."""

    code = "unsafe_archive_path"


def check_size(size: int, limit: int, name: str = "file") -> None:
    if size > limit:
        raise FileTooLargeError(f"{name}: {size / MB:.1f} MB exceeds the limit of {limit / MB:.1f} MB")


def safe_name(name: str) -> str:
    """The member name, or UnsafeArchivePathError when it is absolute or climbs out."""
    path = PurePosixPath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise UnsafeArchivePathError(f"unsafe path in archive: {name!r}")
    return str(path)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """Read a member without trusting its declared size."""
    limit = min(info.file_size, budget)
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ZipBombError(f"{info.filename}: expands beyond its declared size or the archive budget")
    return data


def _check_member(info: zipfile.ZipInfo, max_ratio: float) -> None:
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > MB and ratio > max_ratio:
        raise ZipBombError(f"{info.filename}: compression ratio {ratio:.0f}:1 exceeds {max_ratio:.0f}:1")


def expand_zip(data: bytes, max_files: int, max_total: int,
               max_ratio: float) -> list[tuple[str, bytes | RasoatError]]:
    """(name, bytes) of every file in a ZIP, after checking it is not a bomb nor a traversal;
    an unreadable member comes with its error instead of bytes (a per-file failure)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise CorruptFileError(f"not a readable ZIP archive: {error}") from error
    with archive:
        members = [i for i in archive.infolist()
                   if not i.is_dir() and not any(s in i.filename for s in SKIPPED)]
        names = [safe_name(i.filename) for i in members]
        if len(members) > max_files:
            raise ZipBombError(f"archive holds {len(members)} files; the limit is {max_files}")
        declared = sum(i.file_size for i in members)
        if declared > max_total:
            raise ZipBombError(f"archive expands to {declared / MB:.0f} MB; the limit is {max_total / MB:.0f} MB")
        out, budget = [], max_total
        for name, info in zip(names, members):
            _check_member(info, max_ratio)
            try:
                content: bytes | RasoatError = _read_bounded(archive, info, budget)
                budget -= len(content)
            except (zipfile.BadZipFile, RuntimeError, OSError, zlib.error) as error:
                kind = EncryptedFileError if "encrypt" in str(error) else CorruptFileError
                content = kind(f"{name}: unreadable archive member ({error})")
            out.append((name, content))
        return out
