"""ONNX files of the converted encoder, through optimum (export, int8 dynamic quantisation) and
sentence-transformers' ONNX backend (cosine checks, sentences/s)."""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import numpy as np

FP32 = "onnx/model.onnx"
INT8 = "onnx/model_qint8_avx512_vnni.onnx"


def _quiet() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from transformers.utils import logging

    logging.set_verbosity_error()


@contextmanager
def exporters_silenced():
    """No English chatter from the exporters on the user's terminal while the build runs (it logs its own
    steps): warnings and log records up to WARNING are held back, whatever levels the libraries set on import
    (optimum sets its own), and let through again afterwards."""
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module=r"transformers\.|torch\.|optimum\.")
            yield
    finally:
        logging.disable(previous)


def export(path: Path) -> str:
    """`onnx/model.onnx`: the checkpoint exported by optimum (feature extraction)."""
    _quiet()
    from optimum.onnxruntime import ORTModelForFeatureExtraction

    with tempfile.TemporaryDirectory() as tmp:
        ORTModelForFeatureExtraction.from_pretrained(path, export=True).save_pretrained(tmp)
        (path / "onnx").mkdir(exist_ok=True)
        shutil.move(Path(tmp) / "model.onnx", path / FP32)
    return FP32


def with_layers(path: Path, layer: int = 8) -> str:
    """`onnx/encoder_layers.onnx`: the fp32 graph that also returns the hidden state of `layer` (the
    output of encoder block `layer - 1`), for the span tagger (models/encoder.py). Its weights
    go to a file of their own (LAYERS_DATA), which ONNX Runtime maps instead of reading into memory."""
    import onnx

    from .encoder import LAYERS_DATA, LAYERS_ONNX, ONNX_OUTPUTS

    model = onnx.load(str(path / FP32))
    inner = f"/encoder/layer.{layer - 1}/output/LayerNorm/LayerNormalization_output_0"
    if not any(inner in node.output for node in model.graph.node):
        raise ValueError(f"{FP32} không có tensor {inner} (bộ xuất ONNX khác phiên bản)")
    model.graph.node.append(onnx.helper.make_node("Identity", [inner], [ONNX_OUTPUTS[0]]))
    model.graph.output.append(onnx.helper.make_tensor_value_info(
        ONNX_OUTPUTS[0], onnx.TensorProto.FLOAT, ["batch_size", "sequence_length", 384]))
    (path / LAYERS_DATA).unlink(missing_ok=True)          # onnx appends to an existing data file
    onnx.save(model, str(path / LAYERS_ONNX), save_as_external_data=True, all_tensors_to_one_file=True,
              location=Path(LAYERS_DATA).name, size_threshold=1024)
    return LAYERS_ONNX


def layers_difference(path: Path, texts: list[str]) -> float:
    """Largest absolute difference between the ONNX and the torch token features on `texts`."""
    from .encoder import OnnxFeaturizer, TorchFeaturizer

    ours = OnnxFeaturizer(path).features(texts)
    reference = TorchFeaturizer(path).features(texts)
    worst = 0.0
    for (a, offsets_a), (b, offsets_b) in zip(ours, reference):
        if list(offsets_a) != list(offsets_b):
            return float("inf")
        worst = max(worst, float(np.abs(a - b.numpy()).max()) if len(offsets_a) else 0.0)
    return round(worst, 6)


def quantize(path: Path) -> str:
    """`onnx/model_qint8_avx512_vnni.onnx`: dynamic int8 weights, per channel (optimum's
    avx512_vnni preset, as sentence-transformers' export_dynamic_quantized_onnx_model)."""
    _quiet()
    from optimum.onnxruntime import ORTQuantizer
    from optimum.onnxruntime.configuration import AutoQuantizationConfig

    config = AutoQuantizationConfig.avx512_vnni(is_static=False)
    with tempfile.TemporaryDirectory() as tmp:
        ORTQuantizer.from_pretrained(path, file_name=FP32).quantize(
            save_dir=tmp, quantization_config=config, file_suffix="qint8_avx512_vnni")
        shutil.move(Path(tmp) / Path(INT8).name, path / INT8)
    return INT8


def load(path: Path, file: str | None):
    """A SentenceTransformer on the ONNX backend (file given) or on torch (file None), on CPU."""
    _quiet()
    from sentence_transformers import SentenceTransformer

    if file is None:
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)
    return SentenceTransformer(str(path), device="cpu", backend="onnx", local_files_only=True,
                               model_kwargs={"file_name": file})


def encode(model, texts: list[str]) -> np.ndarray:
    return model.encode(texts, prompt_name="passage", batch_size=16, normalize_embeddings=True,
                        convert_to_numpy=True, show_progress_bar=False)


def cosines(path: Path, files: list[str], texts: list[str]) -> dict[str, float]:
    """Least cosine of each ONNX file's embeddings to the torch checkpoint's on `texts`."""
    reference = encode(load(path, None), texts)
    return {f: round(float(np.min(np.sum(encode(load(path, f), texts) * reference, axis=1))), 5)
            for f in files}


def measure(path: Path, files: list[str], texts: list[str], repeats: int = 2) -> dict[str, float]:
    """Sentences per second of each file on this machine (best of `repeats`)."""
    out = {}
    for f in files:
        model = load(path, f)
        encode(model, texts[:8])
        best = min(_timed(model, texts) for _ in range(repeats))
        out[f] = round(len(texts) / best, 1)
    return out


def _timed(model, texts: list[str]) -> float:
    began = time.perf_counter()
    encode(model, texts)
    return time.perf_counter() - began
