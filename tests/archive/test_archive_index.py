"""`index`: every readable file stored once, a corrupt file reported, known sha256 skipped."""
from service.archive import Archive, index_folder
from service.archive.signature import number_key


def test_index_reports_corrupt_file_and_stores_the_rest(indexed):
    store, report = indexed
    assert sorted(p.rsplit("/", 1)[-1] for p in report.added) == [
        "cong-van-trien-khai.txt", "tinh-uy-ctr-chuyen-doi-so.txt", "ubnd-chi-thi.txt"]
    assert [p.rsplit("/", 1)[-1] for p, _ in report.failed] == ["broken.pdf"]
    archive = Archive.open(store)
    assert len(archive) == 3
    (rec,) = archive.by_number("41-ctr/tu ")
    assert rec.kind == "chuong_trinh" and rec.issued_on == "2025-01-17"
    assert rec.tasks and all("<" in t or t for t in rec.tasks)
    assert (store / "lsh.pkl").exists()


def test_reindex_skips_known_documents(indexed, sample_dir):
    store, _ = indexed
    archive = Archive.open(store)
    again = index_folder(sample_dir, archive)
    assert again.added == [] and len(again.skipped) == 3 and len(again.failed) == 1
    assert len(archive) == 3


def test_normalised_tasks_use_level_placeholders(indexed):
    store, _ = indexed
    (rec,) = Archive.open(store).by_number("41-CTr/TU")
    joined = " ".join(rec.tasks)
    assert "<unit>" in joined or "<agency>" in joined


def test_number_key_folds_case_spaces_and_dashes():
    assert number_key(" 41 - CTr/TU") == number_key("41–ctr/tu") == "41-CTR/TU"
    assert number_key(None) is None
