"""Upload limits and safe ZIP expansion (file count, total size, compression ratio, path names),
enforced while members stream, one member at a time."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath
from typing import BinaryIO

from ..errors import CorruptFileError, EncryptedFileError, FileTooLargeError, IngestError, RasoatError

MB = 1024 * 1024
SKIPPED = ("__MACOSX/", ".DS_Store", "Thumbs.db")


class ZipBombError(FileTooLargeError):
    """An archive that expands too far: too many files, too many bytes or too high a ratio."""

    code = "zip_bomb"


class UnsafeArchivePathError(IngestError):
    """A member name that would escape the archive (../x, /etc/x, C:\\x)."""

    code = "unsafe_archive_path"


ZIP_ERRORS = (zipfile.BadZipFile, RuntimeError, OSError, zlib.error, EOFError, ValueError, struct.error)
RATIO_FLOOR = 64 * 1024      # members are checked for their compression ratio past this many bytes
CHUNK = 256 * 1024


def check_size(size: int, limit: int, name: str = "file") -> None:
    if size > limit:
        raise FileTooLargeError(f"{name}: {size / MB:.1f} MB, vượt giới hạn {limit / MB:.1f} MB "
                                "(tệp quá lớn, RASOAT_MAX_UPLOAD_MB).")


def safe_name(name: str) -> str:
    """The member name, or UnsafeArchivePathError when it is absolute or climbs out."""
    path = PurePosixPath(name.replace("\\", "/"))
    if name.startswith(("/", "\\")) or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise UnsafeArchivePathError(f"Tên tệp không an toàn trong tệp nén: {name!r}")
    return str(path)


@dataclass
class ZipBudget:
    """What one archive may expand to: members, total bytes, ratio per member, bytes per member."""

    max_files: int
    max_total: int
    max_ratio: float
    max_member: int | None = None
    used: int = 0


def open_zip(source: BinaryIO | bytes | PurePath) -> zipfile.ZipFile:
    """A ZipFile over bytes, a path or a seekable file; CorruptFileError when it is not a readable ZIP."""
    try:
        return zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except ZIP_ERRORS as error:
        raise CorruptFileError(f"Tệp nén ZIP bị hỏng hoặc không phải ZIP (not a readable ZIP archive): {error}") \
            from error


def zip_members(archive: zipfile.ZipFile, budget: ZipBudget,
                wanted: Callable[[str], bool] = lambda name: True) -> list[tuple[str, zipfile.ZipInfo]]:
    """(safe name, info) of the members to read, after the archive-wide checks: names, count and
    declared total size (a lie in the declared sizes is caught while reading)."""
    members = [i for i in archive.infolist()          # a member without a name holds no document: skipped
               if i.filename and not i.is_dir() and not any(s in i.filename for s in SKIPPED) and wanted(i.filename)]
    names = [safe_name(i.filename) for i in members]
    if len(members) > budget.max_files:
        raise ZipBombError(f"Tệp nén có {len(members)} tệp (files), vượt giới hạn {budget.max_files} "
                           "(RASOAT_ZIP_MAX_FILES).")
    declared = sum(i.file_size for i in members)
    if declared > budget.max_total:
        raise ZipBombError(f"Tệp nén giải nén ra {declared / MB:.0f} MB, vượt giới hạn "
                           f"{budget.max_total / MB:.0f} MB (RASOAT_ZIP_MAX_TOTAL_MB).")
    return list(zip(names, members))


def member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: ZipBudget) -> Iterator[bytes]:
    """A member's bytes in chunks, checked as they stream: never more than declared, than the
    archive's remaining budget or than max_member, never a ratio over max_ratio. ZipBombError for
    a lying or over-compressed member; FileTooLargeError for an honest one over max_member;
    CorruptFileError or EncryptedFileError for one that cannot be read."""
    if budget.max_member is not None:
        check_size(info.file_size, budget.max_member, info.filename)
    limit = min(info.file_size, budget.max_total - budget.used)
    read = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(CHUNK):
                read += len(chunk)
                if read > limit:
                    raise ZipBombError(f"{info.filename}: giải nén vượt kích thước khai báo hoặc giới hạn "
                                       "của tệp nén (zip bomb).")
                if read > RATIO_FLOOR and read > budget.max_ratio * max(info.compress_size, 1):
                    raise ZipBombError(f"{info.filename}: tỷ lệ nén (compression ratio) vượt {budget.max_ratio:.0f}:1 "
                                       "(RASOAT_ZIP_MAX_RATIO).")
                yield chunk
    except ZIP_ERRORS as error:
        kind = EncryptedFileError if "encrypt" in str(error).lower() else CorruptFileError
        raise kind(f"{info.filename}: không đọc được tệp này trong tệp nén (unreadable archive member).") from error
    finally:
        budget.used += read


def expand_zip(source: BinaryIO | bytes, max_files: int, max_total: int, max_ratio: float,
               max_member: int | None = None) -> Iterator[tuple[str, bytes | RasoatError]]:
    """(name, bytes) of each member in turn, one in memory at a time; an unreadable or oversized
    member comes with its error instead of bytes (a per-file failure); a bomb or an unsafe name
    stops the whole archive."""
    budget = ZipBudget(max_files, max_total, max_ratio, max_member)
    with open_zip(source) as archive:
        for name, info in zip_members(archive, budget):
            try:
                content: bytes | RasoatError = b"".join(member_chunks(archive, info, budget))
            except ZipBombError:
                raise
            except RasoatError as error:
                content = error
            yield name, content
