"""`rasoat batch` on a small archive, on a local Dask cluster of two workers."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
from openpyxl import load_workbook
from typer.testing import CliRunner

from service.batch import run_batch
from service.cli import app

TABLES = ["documents", "tasks", "targets", "failures", "links", "copy", "overlaps", "calendar", "owners"]


def table(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / f"{name}.parquet").to_pylist()


def by_name(out: Path) -> dict[str, str]:
    """Document sha256 → file name."""
    return {r["sha256"]: Path(r["name"]).name for r in table(out, "documents")}


def _batch(source: Path, out: Path, *extra: str):
    args = ["batch", str(source), "--out", str(out), "--workers", "2", "--threads", "--as-of", "2025-06-30"]
    return CliRunner().invoke(app, args + list(extra))


def test_batch_writes_docs_tables_links_and_resumes(small_archive, tmp_path):
    out = tmp_path / "out"
    result = _batch(small_archive, out)
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["files"], summary["analysed"], summary["failed"]) == (7, 5, 1)
    assert len(summary["duplicates"]) == 1 and summary["workers"] == 2
    assert summary["duplicates"][0] in {"sub/copy-of-programme.txt", "tinh-uy-ctr-chuyen-doi-so.txt"}
    for name in TABLES:
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
    book = load_workbook(out / "summary.xlsx", read_only=True)
    assert book.sheetnames[-6:] == ["Tóm tắt", "Theo quý", "Đơn vị chủ trì", "Liên kết cấp trên", "Sao chép", "Tệp lỗi"]
    assert [c.value for c in next(book["Tóm tắt"].iter_rows(max_row=1))] == ["Mục", "Giá trị"]
    docs = table(out, "documents")
    assert len(docs) == 5 and len(list((out / "docs").glob("*.json"))) == 5
    assert all((out / "docs" / f"{d['sha256']}.json").exists() for d in docs)
    assert sum(d["tasks"] for d in docs) == len(table(out, "tasks")) > 50
    names = {sha: name.replace("copy-of-programme", "tinh-uy-ctr-chuyen-doi-so") for sha, name in by_name(out).items()}
    links = {names[r["sha256"]]: (names[r["parent_sha256"]], r["method"]) for r in table(out, "links")}
    assert links["huyen-uy-kh-chuyen-doi-so.txt"] == ("tinh-uy-ctr-chuyen-doi-so.txt", "citation")
    assert links["ubnd-kh-phan-cong.docx"][0] == "tinh-uy-ctr-chuyen-doi-so.txt"
    copy = {names[r["sha256"]]: r for r in table(out, "copy")}
    assert copy["huyen-uy-kh-chuyen-doi-so.txt"]["verbatim"] > 0 and len(copy) == len(links)
    assert table(out, "calendar") and any(r["overdue"] for r in table(out, "calendar"))
    assert any(r["owner"].startswith("Sở") for r in table(out, "owners"))

    before = {name: pq.read_table(out / f"{name}.parquet") for name in TABLES}
    again = _batch(small_archive, out)
    assert again.exit_code == 0, again.output
    second = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (second["analysed"], second["skipped"], second["failed"]) == (0, 6, 0)
    for name in TABLES:
        assert pq.read_table(out / f"{name}.parquet").equals(before[name]), name


def test_corrupt_file_is_isolated_in_failures(small_archive, tmp_path):
    out = tmp_path / "out"
    assert _batch(small_archive, out).exit_code == 0
    failures = table(out, "failures")
    assert [f["name"] for f in failures] == ["sub/broken.pdf"]
    assert failures[0]["code"] and failures[0]["message"]
    assert len(table(out, "documents")) == 5


def test_zip_source_loaded_into_db_and_unsafe_zip(small_archive, tmp_path, monkeypatch):
    archive = tmp_path / "archive.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in sorted(small_archive.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(small_archive).as_posix())
    out = tmp_path / "zip-out"
    monkeypatch.setenv("RASOAT_DATA_DIR", str(tmp_path / "service-data"))
    monkeypatch.delenv("RASOAT_DATABASE_URL", raising=False)
    summary = run_batch(archive, out, workers=2, processes=False, load=True)
    assert (summary["analysed"], summary["failed"], len(summary["duplicates"])) == (5, 1, 1)
    assert summary["loaded_into_db"] == 5
    assert len(table(out, "links")) >= 2
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../escape.txt", "KẾ HOẠCH\n1. Sở Tài chính chủ trì.")
    result = _batch(evil, tmp_path / "evil-out")
    assert result.exit_code == 2 and "unsafe" in result.output
