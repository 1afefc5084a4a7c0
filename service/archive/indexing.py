"""Index a directory: analyse every PDF/DOCX/TXT/HTML file (one bad file never stops the rest) and
store the new ones; files whose content sha256 is already stored are skipped before analysis."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Document
from ..errors import RasoatError
from ..pipeline import analyze_many
from .store import Archive

SUFFIXES = {".pdf", ".docx", ".txt", ".html", ".htm"}


@dataclass
class IndexReport:
    added: list[str] = field(default_factory=list)          # paths
    skipped: list[str] = field(default_factory=list)        # already stored (same sha256)
    failed: list[tuple[str, str]] = field(default_factory=list)   # (path, reason)


def document_files(folder: Path) -> list[Path]:
    """The files of `folder` (recursively) the pipeline can read, sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _analyse(path: Path) -> Document | str:
    """The analysed document, or why it failed (an unexpected error is reported too)."""
    try:
        _, result = next(analyze_many([path]))
    except Exception as error:                      # noqa: BLE001 - one file must not stop the rest
        return f"{type(error).__name__}: {error}"
    return f"{result.code}: {result.message}" if isinstance(result, RasoatError) else result


def index_paths(paths: list[Path], archive: Archive) -> IndexReport:
    """Analyse and store `paths`; report what was added, skipped and what failed."""
    report = IndexReport()
    todo = []
    for path in paths:
        try:
            known = archive.has(file_sha256(path))
        except OSError as error:
            report.failed.append((str(path), str(error)))
            continue
        if known:
            report.skipped.append(str(path))
        else:
            todo.append(path)
    for path in todo:
        result = _analyse(path)
        if isinstance(result, str):
            report.failed.append((str(path), result))
        elif archive.add(result, path) is None:
            report.skipped.append(str(path))
        else:
            report.added.append(str(path))
    archive.save()
    return report


def index_folder(folder: Path, archive: Archive) -> IndexReport:
    return index_paths(document_files(folder), archive)
