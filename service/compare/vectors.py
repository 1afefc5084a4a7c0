"""Embeddings stored with a document: one row per upper passage (engine.upper_passages), kept as
float16 with the encoder's name, so comparing a draft against a stored upper embeds only the draft.
A stored matrix is used only when the encoder's name and the passage count still match."""
from __future__ import annotations

import numpy as np

from ..document import Document
from .embed import Encoder
from .passages import passages


def passage_vectors(doc: Document, encoder: Encoder) -> bytes:
    """The document's passage embeddings, packed (float16, row-major)."""
    texts = [p.text for p in passages(doc)]
    vectors = encoder.encode(texts) if texts else np.zeros((0, 0), dtype=np.float32)
    return np.asarray(vectors, dtype=np.float16).tobytes()


def unpack(blob: bytes | None, stored_by: str | None, doc: Document, encoder: Encoder | None) -> np.ndarray | None:
    """The stored matrix, when it was made by `encoder` for this document's passages; else None."""
    if not blob or encoder is None or stored_by != encoder.name:
        return None
    rows = len(passages(doc))
    flat = np.frombuffer(blob, dtype=np.float16)
    if rows == 0 or flat.size % rows:
        return None
    return flat.reshape(rows, -1).astype(np.float32)
