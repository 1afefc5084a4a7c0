"""Content-addressed store for original files: `<root>/ab/cdef…` named by the SHA-256 of the bytes."""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    """Write-once blobs keyed by their SHA-256."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or not all(c in "0123456789abcdef" for c in digest):
            raise ValueError(f"not a sha256 digest: {digest!r}")
        return self.root / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        """Store `data` (atomically, once) and return its digest."""
        digest = sha256(data)
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        return digest

    def put_stream(self, chunks: Iterable[bytes]) -> tuple[str, int]:
        """Store bytes as they stream in (hashed on the way, never all in memory): (digest, size).
        When `chunks` raises (a size limit, a cut upload), nothing is left behind."""
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-")
        hasher, size = hashlib.sha256(), 0
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    hasher.update(chunk)
                    size += len(chunk)
                    handle.write(chunk)
            target = self.path(hasher.hexdigest())
            if target.exists():
                os.unlink(tmp)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return hasher.hexdigest(), size

    def digests(self) -> Iterator[tuple[str, Path]]:
        """(digest, path) of every stored file."""
        for folder in self.root.iterdir():
            if folder.is_dir() and len(folder.name) == 2:
                for path in folder.iterdir():
                    if len(path.name) == 62 and not path.name.startswith("."):
                        yield folder.name + path.name, path

    def sweep(self, referenced: set[str], older_than: float = 600.0) -> int:
        """Delete temporary files and stored files nothing refers to (uploads cut before their job
        was created), when older than `older_than` seconds; how many were deleted."""
        cutoff, removed = time.time() - older_than, 0
        temporary = [p for p in self.root.rglob(".tmp-*") if p.is_file()]
        orphans = [p for digest, p in self.digests() if digest not in referenced]
        for path in temporary + orphans:
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except FileNotFoundError:
                pass
        return removed

    def get(self, digest: str) -> bytes:
        return self.path(digest).read_bytes()

    def exists(self, digest: str) -> bool:
        return self.path(digest).exists()

    def delete(self, digest: str) -> None:
        self.path(digest).unlink(missing_ok=True)
