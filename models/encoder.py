"""The frozen encoder's token features for the span tagger: the hidden states of LAYERS, concatenated,
and the character offsets of each text's subword tokens (special tokens dropped).

Two backends give the same numbers (within float rounding, checked when the model is built):
- ONNX Runtime over `onnx/encoder_layers.onnx` (`rasoat models build` writes it; its weights in a file
  beside it, which ONNX Runtime maps from disk instead of copying) with the `tokenizers` library:
  neither torch nor transformers is imported, and the session opens in a fraction of a second;
- torch and transformers over the checkpoint: training, and a directory built without ONNX.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

MAX_TOKENS = 256
LAYERS = (8, 12)          # hidden states used: a middle layer (token detail) and the last (context)
DIM = 384 * len(LAYERS)
LAYERS_ONNX = "onnx/encoder_layers.onnx"
LAYERS_DATA = "onnx/encoder_layers.onnx.data"    # its weights, apart: ONNX Runtime maps them from disk
ONNX_OUTPUTS = ("hidden_states_8", "last_hidden_state")   # in the order of LAYERS


def _longest_first(texts: list[str], batch: int) -> list[list[int]]:
    """Indices of `texts` in batches of similar length (less padding), longest first."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    return [order[at:at + batch] for at in range(0, len(order), batch)]


class OnnxFeaturizer:
    """Token features from ONNX Runtime; the tokenizer is the checkpoint's tokenizer.json."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id("<pad>"), pad_token="<pad>")
        self.session = ort.InferenceSession(str(path / LAYERS_ONNX), _session_options(ort),
                                            providers=["CPUExecutionProvider"])

    def features(self, texts: list[str], batch: int = 16) -> list[tuple[np.ndarray, list[tuple[int, int]]]]:
        """(tokens × DIM array, offsets) per text."""
        out: list = [None] * len(texts)
        for chunk in _longest_first(texts, batch):
            encodings = self.tokenizer.encode_batch([texts[i] for i in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            states = self.session.run(list(ONNX_OUTPUTS), {"input_ids": ids, "attention_mask": mask})
            hidden = np.concatenate(states, axis=-1)
            for row, i in enumerate(chunk):
                keep = [k for k, (a, b) in enumerate(encodings[row].offsets) if b > a]
                out[i] = (hidden[row, keep], [encodings[row].offsets[k] for k in keep])
        return out


def _session_options(ort):
    """ONNX Runtime sizes its thread pool to the cores and ignores OMP_NUM_THREADS, which Dask sets to 1
    in each single-threaded worker: honour it, so two workers on two cores do not run four threads."""
    options = ort.SessionOptions()
    threads = os.environ.get("OMP_NUM_THREADS", "")
    if threads.isdigit() and int(threads) > 0:
        options.intra_op_num_threads = int(threads)
    return options


class TorchFeaturizer:
    """Token features from torch and transformers (tensors: training back-propagates through the head)."""

    def __init__(self, path: Path) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self.encoder = AutoModel.from_pretrained(str(path)).eval()

    def features(self, texts: list[str], batch: int = 16) -> list[tuple[object, list[tuple[int, int]]]]:
        """(tokens × DIM tensor, offsets) per text."""
        out: list = [None] * len(texts)
        for chunk in _longest_first(texts, batch):
            enc = self.tokenizer([texts[i] for i in chunk], truncation=True, max_length=MAX_TOKENS,
                                 padding=True, return_offsets_mapping=True, return_tensors="pt")
            with self.torch.inference_mode():
                states = self.encoder(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"],
                                      output_hidden_states=True).hidden_states
                hidden = self.torch.cat([states[i] for i in LAYERS], dim=-1)
            for row, i in enumerate(chunk):
                offsets = [tuple(o) for o in enc["offset_mapping"][row].tolist()]
                keep = [k for k, (a, b) in enumerate(offsets) if b > a]
                out[i] = (hidden[row, keep].clone(), [offsets[k] for k in keep])
        return out


def has_onnx_layers(path: Path) -> bool:
    """Whether the built directory holds the checked ONNX graph and onnxruntime can run it."""
    import json
    from importlib.util import find_spec

    manifest = path / "build.json"
    if not manifest.exists() or find_spec("onnxruntime") is None or find_spec("tokenizers") is None:
        return False
    files = json.loads(manifest.read_text(encoding="utf-8")).get("onnx", {}).get("files", {})
    return LAYERS_ONNX in files and LAYERS_DATA in files


def load_featurizer(path: Path, onnx: bool) -> OnnxFeaturizer | TorchFeaturizer:
    """ONNX Runtime when the directory has its graph (`has_onnx_layers`), torch otherwise."""
    return OnnxFeaturizer(path) if onnx else TorchFeaturizer(path)
