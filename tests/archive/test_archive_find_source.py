"""`find_sources` and `rasoat find-source`: the province programme ranks first for the district
plan, by its citation and, with the basis stripped, by content alone."""
import json
from pathlib import Path

from typer.testing import CliRunner

from service.archive import Archive, SourceCandidate, find_sources, likely_upper
from service.archive.rank import MIN_CONTENT
from service.cli import app
from service.pipeline import analyze_file

SAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "samples"

DISTRICT = SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt"


def test_cited_programme_ranks_first(indexed):
    store, _ = indexed
    found = find_sources(analyze_file(DISTRICT), Archive.open(store))
    assert isinstance(found[0], SourceCandidate)
    assert found[0].number == "41-CTr/TU" and found[0].cited
    assert 0.8 <= found[0].score <= 1 and "được dẫn trong căn cứ" in found[0].reason


def test_content_alone_finds_the_programme(indexed):
    store, _ = indexed
    doc = analyze_file(DISTRICT)
    doc.metadata.basis = []
    found = find_sources(doc, Archive.open(store))
    assert found[0].number == "41-CTr/TU" and not found[0].cited
    assert found[0].content_score >= 0.5 and found[0].reason.startswith("nội dung giống")
    assert all(c.score <= found[0].score for c in found)


def test_document_is_not_its_own_source(indexed):
    store, _ = indexed
    found = find_sources(analyze_file(SAMPLES / "tinh-uy-ctr-chuyen-doi-so.txt"), Archive.open(store))
    assert all(c.number != "41-CTr/TU" for c in found)


def test_cli_json(indexed):
    store, _ = indexed
    result = CliRunner().invoke(app, ["find-source", str(DISTRICT), "--store", str(store),
                                      "--top", "2", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["number"] == "87-KH/HU" and len(data["candidates"]) <= 2
    best = data["candidates"][0]
    assert best["number"] == "41-CTr/TU" and best["cited"] is True
    assert set(best) >= {"id", "path", "number", "kind", "issuer", "issued_on", "score", "cited",
                         "content_score", "reason"}


def test_cli_index_and_text_output(sample_dir, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["index", str(sample_dir), "--store", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Đã lập chỉ mục 3 văn bản" in result.stdout and "lỗi 1" in result.stdout
    result = runner.invoke(app, ["find-source", str(DISTRICT), "--store", str(tmp_path)])
    assert result.exit_code == 0 and "41-CTr/TU" in result.stdout


def test_cli_missing_file(tmp_path):
    result = CliRunner().invoke(app, ["find-source", str(tmp_path / "nope.txt"), "--store", str(tmp_path)])
    assert result.exit_code == 2


def test_find_source_without_archive_says_how_to_make_one_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["find-source", str(DISTRICT)])
    assert result.exit_code == 2
    assert "Chưa có kho văn bản" in result.stderr and "rasoat index" in result.stderr
    assert list(tmp_path.iterdir()) == []                       # no ./.rasoat left behind


def test_likely_upper_needs_a_citation_or_enough_content(indexed):
    store, _ = indexed
    archive = Archive.open(store)
    assert likely_upper(find_sources(analyze_file(DISTRICT), archive)).number == "41-CTr/TU"
    weak = SourceCandidate(id="x", path="", score=0.1, content_score=MIN_CONTENT / 2)
    assert likely_upper([weak]) is None and likely_upper([]) is None
    assert likely_upper([weak.model_copy(update={"cited": True})]).id == "x"
