"""Batches: a ZIP with a corrupt file inside, several files, zip bombs and path traversal."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from service.jobs.limits import UnsafeArchivePathError, ZipBombError, expand_zip

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_zip_batch_with_a_corrupt_file_inside(api):
    archive = _zip({"docs/chi-thi.txt": (SAMPLES / "ubnd-chi-thi.txt").read_bytes(),
                    "docs/hong.pdf": b"%PDF-1.5 not really",
                    "docs/cong-van.docx": (SAMPLES / "cong-van-trien-khai.docx").read_bytes()})
    response = api.post("/v1/batches", files={"files": ("lo.zip", archive)})
    assert response.status_code == 202 and response.json()["files"] == 3
    job = api.wait(response.json()["job_id"])
    assert job["status"] == "done" and job["progress"] == 1.0
    files = {f["name"]: f for f in job["result"]["files"]}
    assert files["docs/hong.pdf"]["status"] == "failed"
    assert files["docs/hong.pdf"]["error"]["code"] == "corrupt_file"
    assert files["docs/chi-thi.txt"]["status"] == files["docs/cong-van.docx"]["status"] == "done"
    assert api.get(f"/v1/documents/{files['docs/cong-van.docx']['document_id']}").status_code == 200
    assert job["result"]["counts"] == {"done": 2, "duplicate": 0, "failed": 1}


def test_batch_of_several_files_and_an_oversized_one(api):
    files = [("files", ("a.txt", (SAMPLES / "cong-van-trien-khai.txt").read_bytes())),
             ("files", ("b.txt", (SAMPLES / "cong-van-trien-khai.txt").read_bytes())),
             ("files", ("huge.txt", b"x" * (1024 * 1024 + 1)))]
    job = api.wait(api.post("/v1/batches", files=files).json()["job_id"])
    statuses = [(f["name"], f["status"]) for f in job["result"]["files"]]
    assert statuses == [("a.txt", "done"), ("b.txt", "duplicate"), ("huge.txt", "failed")]
    assert job["result"]["files"][2]["error"]["code"] == "file_too_large"


def test_zip_bomb_is_refused(api):
    bomb = _zip({"bomb.txt": b"\0" * (25 * 1024 * 1024)})        # over the 20 MB budget
    response = api.post("/v1/batches", files={"files": ("bomb.zip", bomb)})
    assert response.status_code == 413 and response.json()["error"]["code"] == "zip_bomb"


def test_path_traversal_is_refused(api):
    evil = _zip({"../../etc/cron.d/x.txt": b"hello", "ok.txt": b"hello"})
    response = api.post("/v1/batches", files={"files": ("evil.zip", evil)})
    assert response.status_code == 422 and response.json()["error"]["code"] == "unsafe_archive_path"
    assert "../../etc/cron.d/x.txt" in response.json()["error"]["message"]


@pytest.mark.parametrize("name", ["/abs/x.txt", "a/../../x.txt", "..\\..\\x.txt", "C:/x.txt"])
def test_unsafe_names(name):
    with pytest.raises(UnsafeArchivePathError):
        list(expand_zip(_zip({name: b"x"}), 10, 10**7, 100))


def test_ratio_and_count_limits():
    with pytest.raises(ZipBombError, match="ratio"):
        list(expand_zip(_zip({"z.txt": b"\0" * (3 * 1024 * 1024)}), 10, 10**9, 100))
    with pytest.raises(ZipBombError, match="files"):
        list(expand_zip(_zip({f"{i}.txt": b"x" for i in range(11)}), 10, 10**9, 100))
    assert list(expand_zip(_zip({"__MACOSX/._a": b"x", "a.txt": b"y"}), 10, 10**9, 100)) == [("a.txt", b"y")]
