from __future__ import annotations

from service.ingest import read_bytes

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>Bỏ qua</title>
<style>p {{ color: red }}</style><script>var x = "Không lấy";</script></head>
<body><nav>Trang chủ | Tin tức</nav>
<h2>KẾ HOẠCH <span>thực hiện</span></h2>
<p>Căn cứ Nghị quyết số 88/NQ-CP;<br>Xét đề nghị của Bộ trưởng</p>
<div>Điều 1. <b>Phê duyệt</b> Kế hoạch</div>
<p><strong>I. MỤC TIÊU</strong></p>
<ul><li>Hoàn thành trước <i>Quý III</i></li><li>Báo cáo hằng năm</li></ul>
<table>
 <tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th></tr>
 <tr><td>1</td><td>Rà soát</td><td rowspan="2">Bộ Tài chính</td></tr>
 <tr><td>2</td><td>Đề án</td></tr>
 <tr><td colspan="2">Tổng cộng</td><td>2 nhiệm vụ</td></tr>
</table>
<!-- ghi chú --><p>Nơi nhận</p></body></html>"""


def _read(charset: str, encoding: str):
    return read_bytes(PAGE.format(charset=charset).encode(encoding), "page.html")


def test_blocks_bold_and_dropped_elements():
    doc = _read("utf-8", "utf-8")
    assert doc.source.format == "html" and doc.source.encoding == "utf-8"
    paragraphs = [(b.text, b.bold) for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs == [
        ("KẾ HOẠCH thực hiện", True),
        ("Căn cứ Nghị quyết số 88/NQ-CP;", False),
        ("Xét đề nghị của Bộ trưởng", False),
        ("Điều 1. Phê duyệt Kế hoạch", False),
        ("I. MỤC TIÊU", True),
        ("Hoàn thành trước Quý III", False),
        ("Báo cáo hằng năm", False),
        ("Nơi nhận", False),
    ]


def test_table_spans_leave_cells_empty():
    tables = [b for b in _read("utf-8", "utf-8").blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == [["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát", "Bộ Tài chính"],
                              ["2", "Đề án", ""], ["Tổng cộng", "", "2 nhiệm vụ"]]


def test_declared_legacy_charset_is_used(encode_cp1258):
    doc = read_bytes(encode_cp1258(PAGE.format(charset="windows-1258")), "page.htm")
    assert doc.source.encoding == "windows-1258"
    assert doc.blocks[0].text == "KẾ HOẠCH thực hiện"
    assert doc.blocks[-1].text == "Nơi nhận"


def test_undeclared_charset_falls_back_to_detection():
    page = "<html><body><p>Hoàn thành dự án luật khoáng sản trước tháng mười hai</p></body></html>"
    doc = read_bytes(page.encode("utf-16"), "x.html")
    assert doc.blocks[0].text == "Hoàn thành dự án luật khoáng sản trước tháng mười hai"
