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
