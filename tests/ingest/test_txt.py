from __future__ import annotations

import codecs

import pytest

from service.errors import EncodingError
from service.ingest import read_bytes, read_file
from service.ingest.charsets import legacy_table

SAMPLE = ("Kế hoạch phát triển du lịch cộng đồng gắn với bảo tồn văn hóa các dân tộc thiểu số\n"
          "Các sở, ngành và địa phương chủ động triển khai nhiệm vụ được giao; Ủy ban nhân dân các xã "
          "gửi báo cáo về Sở Văn hóa, Thể thao và Du lịch trước ngày 15 tháng 11 hằng năm.\n"
          "Bảo đảm đúng tiến độ, hiệu quả; tăng cường kiểm tra, đôn đốc, kịp thời tháo gỡ vướng mắc.\n")

# A plan exported from HTML, as users send it: header cells joined by " | ", the signature block
# beside the recipients, then an annex whose assignment table has six columns and a row that
# continues the one above (empty number cell). Our own text, modelled on Nghị định 30/2020/NĐ-CP.
HTML_EXPORT = """ỦY BAN NHÂN DÂN
TỈNH TUYÊN QUANG
------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 318/KH-UBND | Tuyên Quang, ngày 16 tháng 10 năm 2026

KẾ HOẠCH
Triển khai Đề án phát triển du lịch cộng đồng tỉnh Tuyên Quang năm 2027
I. MỤC ĐÍCH, YÊU CẦU
Cụ thể hóa các nhiệm vụ của Đề án; phân công rõ cơ quan chủ trì, thời hạn hoàn thành.
II. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

Nơi nhận:
- Các sở, ban, ngành tỉnh;
- UBND các xã, phường;
- Lưu: VT, VX. | TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Trần Văn Minh

PHỤ LỤC
NHIỆM VỤ TRIỂN KHAI ĐỀ ÁN
(Kèm theo Kế hoạch số 318/KH-UBND ngày 16 tháng 10 năm 2026 của UBND tỉnh)
TT | Nhiệm vụ | Kết quả đầu ra | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành
1 | Khảo sát, lựa chọn các bản có tiềm năng phát triển du lịch cộng đồng | Báo cáo | Sở Văn hóa, Thể thao và Du lịch | UBND các xã | Quý I/2027
2 | Xây dựng bộ tiêu chí homestay đạt chuẩn | Quyết định của UBND tỉnh | Sở Văn hóa, Thể thao và Du lịch | Sở Xây dựng, Sở Y tế | Quý II/2027
3 | Hỗ trợ hộ gia đình cải tạo nhà ở truyền thống để đón khách | Nhiệm vụ | UBND các xã | Sở Tài chính | Năm 2027
 | Lập danh mục nhà ở truyền thống cần bảo tồn | Danh mục | UBND các xã | Sở Xây dựng | Quý II/2027
4 | Đào tạo kỹ năng phục vụ khách cho người dân | Lớp tập huấn | Trường Cao đẳng Tuyên Quang | Hội Liên hiệp Phụ nữ tỉnh | Hằng năm
5 | Quảng bá sản phẩm du lịch cộng đồng trên nền tảng số | Chuyên trang | Trung tâm Thông tin và Xúc tiến du lịch | Báo và Phát thanh, Truyền hình Tuyên Quang | Thường xuyên
6 | Sơ kết, đánh giá kết quả thực hiện | Báo cáo | Sở Văn hóa, Thể thao và Du lịch | Các sở, ngành liên quan | Tháng 12/2027
"""


def _encode_legacy(text: str, name: str) -> bytes:
    """Encode through our own table in reverse (first spelling of each letter wins)."""
    reverse: dict[str, str] = {}
    for source, letter in legacy_table(name).items():
        reverse.setdefault(letter, source)
    if name == "tcvn3":  # TCVN3 has no uppercase toned letters: .VnTimeH reused the lowercase codes
        text = "".join(c if c in reverse or c.isascii() else c.lower() for c in text)
    return "".join(reverse.get(c, c) for c in text).encode("latin-1")


def _lines(doc):
    return [b.text for b in doc.blocks]


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_font_encodings(encoding):
    data = _encode_legacy(SAMPLE, encoding)
    assert data.decode("latin-1") != SAMPLE
    doc = read_bytes(data, "legacy.txt")
    assert doc.source.encoding == encoding
    expected = SAMPLE if encoding == "vni" else SAMPLE.replace("Ủy", "ủy")
    assert _lines(doc) == expected.splitlines()


def test_windows_1258(encode_cp1258):
    doc = read_bytes(encode_cp1258(SAMPLE), "cp.txt")
    assert doc.source.encoding == "cp1258"
    assert _lines(doc) == SAMPLE.splitlines()


@pytest.mark.parametrize("data, encoding", [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
    (SAMPLE.encode("utf-16"), "utf-16"),
])
def test_unicode_encodings(data, encoding):
    doc = read_bytes(data, "u.txt")
    assert doc.source.encoding == encoding and doc.source.format == "txt"
    assert _lines(doc) == SAMPLE.splitlines()


def test_undecodable_text():
    data = "Ceci est un texte français très différent, où l'été dure".encode("cp1252") * 5
    with pytest.raises(EncodingError, match="UTF-8"):
        read_bytes(data, "fr.txt")


def test_bare_pipe_table_and_header_lines():
    text = ("Số: 215/KH-UBND | Lào Cai, ngày 18 tháng 3 năm 2026\n\n"
            "TT | Nội dung | Chủ trì | Thời gian   \n"
            "1 | Ban hành Quy chế | Sở Nội vụ | Quý II năm 2026\n"
            " | Kiểm kê tài sản công | Sở Tài chính | Năm 2027\n"
            "Tổ chức thực hiện  \n")
    blocks = read_bytes(text.encode(), "t.txt").blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[0].text == "Số: 215/KH-UBND | Lào Cai, ngày 18 tháng 3 năm 2026"
    assert blocks[1].rows == [["TT", "Nội dung", "Chủ trì", "Thời gian"],
                              ["1", "Ban hành Quy chế", "Sở Nội vụ", "Quý II năm 2026"],
                              ["", "Kiểm kê tài sản công", "Sở Tài chính", "Năm 2027"]]
    assert blocks[2].text == "Tổ chức thực hiện"


def test_markdown_table_with_separator_and_emphasis():
    text = ("| Số: 07/CT-UBND | *Lào Cai, ngày 09 tháng* *4 năm 2026* |\n"
            "| --- | --- |\n"
            "\n"
            "| TT | Nhiệm vụ |\n"
            "|:---|---:|\n"
            "| 1. | Rà soát |\n"
            "*(Ban hành kèm theo Kế hoạch)*\n"
            "**CHỈ THỊ**\n")
    blocks = read_bytes(text.encode(), "t.md").blocks
    assert [b.kind for b in blocks] == ["table", "table", "paragraph", "paragraph"]
    assert blocks[0].rows == [["Số: 07/CT-UBND", "Lào Cai, ngày 09 tháng 4 năm 2026"]]
    assert blocks[1].rows == [["TT", "Nhiệm vụ"], ["1.", "Rà soát"]]
    assert (blocks[2].text, blocks[2].bold) == ("(Ban hành kèm theo Kế hoạch)", False)
    assert (blocks[3].text, blocks[3].bold) == ("CHỈ THỊ", True)


def test_html_export_with_an_annex_assignment_table(tmp_path):
    path = tmp_path / "ke-hoach-318.txt"
    path.write_text(HTML_EXPORT, encoding="utf-8")
    doc = read_file(path)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 8 and {len(r) for r in rows} == {6}
    assert rows[0][0] == "TT" and rows[0][-1] == "Thời hạn hoàn thành"
    assert rows[4][:4] == ["", "Lập danh mục nhà ở truyền thống cần bảo tồn", "Danh mục", "UBND các xã"]
    assert rows[-1][0] == "6" and rows[-1][-1] == "Tháng 12/2027"
    texts = [b.text for b in doc.blocks]
    assert "Số: 318/KH-UBND | Tuyên Quang, ngày 16 tháng 10 năm 2026" in texts
    assert "- Lưu: VT, VX. | TM. ỦY BAN NHÂN DÂN" in texts
