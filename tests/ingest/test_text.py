from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from service.errors import EncodingError
from service.ingest import read_bytes, read_file
from service.ingest.charsets import legacy_table

SAMPLE = ("Nghị quyết về định hướng chiến lược địa chất, khoáng sản và công nghiệp khai khoáng\n"
          "Các bộ, ngành và địa phương tổ chức triển khai thực hiện nhiệm vụ được giao; "
          "Ủy ban nhân dân tỉnh báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 hằng năm.\n"
          "Đảm bảo tiến độ, chất lượng; tăng cường kiểm tra, giám sát, xử lý vi phạm.\n")
REAL = Path("/work/shared/corpus/real/docs/B2_NQ-88-NQ-CP_2022-07-22_ChinhPhu_CTrHD.txt")


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
    text = ("Số: 88/NQ-CP | Hà Nội, ngày 22 tháng 7 năm 2022\n\n"
            "TT | Nội dung | Chủ trì | Thời gian   \n"
            "1 | Hoàn thành Luật | Bộ Tài chính | Quý III năm 2022\n"
            " | Thống kê tài nguyên | Bộ Công Thương | Năm 2025\n"
            "Tổ chức thực hiện  \n")
    blocks = read_bytes(text.encode(), "t.txt").blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "paragraph"]
    assert blocks[0].text == "Số: 88/NQ-CP | Hà Nội, ngày 22 tháng 7 năm 2022"
    assert blocks[1].rows == [["TT", "Nội dung", "Chủ trì", "Thời gian"],
                              ["1", "Hoàn thành Luật", "Bộ Tài chính", "Quý III năm 2022"],
                              ["", "Thống kê tài nguyên", "Bộ Công Thương", "Năm 2025"]]
    assert blocks[2].text == "Tổ chức thực hiện"


def test_markdown_table_with_separator_and_emphasis():
    text = ("| Số: 13/CT-TTg | *Hà Nội, ngày 02 tháng* *5 năm 2024* |\n"
            "| --- | --- |\n"
            "\n"
            "| TT | Nhiệm vụ |\n"
            "|:---|---:|\n"
            "| 1. | Rà soát |\n"
            "*(Ban hành kèm theo Kế hoạch)*\n"
            "**CHỈ THỊ**\n")
    blocks = read_bytes(text.encode(), "t.md").blocks
    assert [b.kind for b in blocks] == ["table", "table", "paragraph", "paragraph"]
    assert blocks[0].rows == [["Số: 13/CT-TTg", "Hà Nội, ngày 02 tháng 5 năm 2024"]]
    assert blocks[1].rows == [["TT", "Nhiệm vụ"], ["1.", "Rà soát"]]
    assert (blocks[2].text, blocks[2].bold) == ("(Ban hành kèm theo Kế hoạch)", False)
    assert (blocks[3].text, blocks[3].bold) == ("CHỈ THỊ", True)


@pytest.mark.skipif(not REAL.exists(), reason="real corpus not available")
def test_real_resolution_assignment_table():
    doc = read_file(REAL)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 20 and {len(r) for r in rows} == {6}
    assert rows[0][0] == "TT" and rows[0][-1] == "Thời gian trình"
    assert rows[6][:3] == ["", "Thống kê, kiểm kê nguồn lực tài nguyên khoáng sản trong phạm vi cả nước", "Đề án"]
    assert rows[-1][0] == "18"
    assert "Số: 88/NQ-CP | Hà Nội, ngày 22 tháng 7 năm 2022" in [b.text for b in doc.blocks]
