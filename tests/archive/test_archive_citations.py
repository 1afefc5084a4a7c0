"""find-source: a citation whose number finds nothing is matched by kind, date and issuer; a later
or lower-level document is never offered as the upper; a sibling ranks below its parent."""
from service.archive import Archive, find_sources
from service.pipeline import analyze_text

TASKS = ["Rà soát, sửa đổi các văn bản không còn phù hợp, gây cản trở hoạt động chuyển đổi số của địa phương.",
         "Xây dựng kho dữ liệu dùng chung, kết nối, chia sẻ dữ liệu giữa các cơ quan nhà nước.",
         "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức và người dân ở các thôn, bản."]


def document(issuer: str, number: str | None, day: str, kind: str, basis: str = "") -> str:
    head = f"{issuer.upper()} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    head += (f"Số: {number} | " if number else "Số:      | ") + f"Điện Biên, ngày {day}\n\n{kind}\nvề chuyển đổi số\n\n"
    head += (basis + "\n\n" if basis else "") + "II. NHIỆM VỤ\n"
    return head + "\n".join(f"{i}. {t}" for i, t in enumerate(TASKS, 1)) + "\n"


def test_citation_by_kind_date_issuer_and_never_a_later_or_lower_document(tmp_path):
    archive = Archive.open(tmp_path / "store")
    upper = analyze_text(document("Ủy ban nhân dân tỉnh Điện Biên", None, "12 tháng 3 năm 2025", "KẾ HOẠCH"), "upper.txt")
    later = analyze_text(document("Ủy ban nhân dân tỉnh Điện Biên", "99/KH-UBND", "20 tháng 9 năm 2025",
                                  "KẾ HOẠCH"), "later.txt")
    district = analyze_text(document("Ủy ban nhân dân huyện Tuần Giáo", "5/KH-UBND", "01 tháng 4 năm 2025",
                                     "KẾ HOẠCH"), "district.txt")
    for doc, name in ((upper, "upper.txt"), (later, "later.txt"), (district, "district.txt")):
        archive.add(doc, name)
    archive.save()
    query = analyze_text(document(
        "Sở Tài chính tỉnh Điện Biên", "12/KH-STC", "02 tháng 6 năm 2025", "KẾ HOẠCH",
        "Thực hiện Kế hoạch số 41/KH-UBND ngày 12/3/2025 của Ủy ban nhân dân tỉnh Điện Biên về chuyển đổi số."),
        "query.txt")
    assert query.metadata.basis and query.metadata.basis[0].issued_on is not None
    found = find_sources(query, archive, top=5)
    assert found[0].path == "upper.txt" and found[0].cited          # its number was never read
    assert "later.txt" not in {c.path for c in found}                # issued after the query
    assert "district.txt" not in {c.path for c in found}             # a lower level
