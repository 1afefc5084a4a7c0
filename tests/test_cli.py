"""`rasoat analyze`: readable output, the JSON contract, and clear errors."""
import json
import re
from pathlib import Path

from typer.testing import CliRunner

from service.cli import app
from tests.english import english_words

SAMPLES = Path(__file__).resolve().parents[1] / "corpora" / "samples"
runner = CliRunner()


def test_json_contract():
    result = runner.invoke(app, ["analyze", str(SAMPLES / "ubnd-kh-phan-cong.docx"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "rasoat/analysis@1"
    assert set(data["document"]) >= {"kind", "number", "issuer", "issued_on", "place", "title", "basis",
                                     "recipients", "signer"}
    text = data["text"]
    for task in data["tasks"]:
        assert set(task) >= {"id", "section", "text", "start", "end", "page", "lead", "support", "deadline",
                             "targets", "budget", "output"}
        assert text[task["start"]:task["end"]] == task["text"]
        for body in task["lead"] + task["support"]:
            assert set(body) == {"name", "canonical", "start", "end", "source", "score"}
            assert body["source"] in ("rule", "model", "both") and 0 <= body["score"] <= 1
        if task["deadline"]:
            assert set(task["deadline"]) >= {"text", "start", "end", "recurrence", "source", "score"}
    assert data["extractor"] in ("rules", "model", "hybrid")
    assert "blocks" not in data


def test_standard_input_is_read_when_the_file_is_a_dash():
    docx = (SAMPLES / "ubnd-kh-phan-cong.docx").read_bytes()
    from_file = json.loads(runner.invoke(app, ["analyze", str(SAMPLES / "ubnd-kh-phan-cong.docx"), "-f", "json"]).stdout)
    piped = runner.invoke(app, ["analyze", "-", "-f", "json"], input=docx)
    assert piped.exit_code == 0, piped.output
    data = json.loads(piped.stdout)
    assert data["source"]["format"] == "docx" and data["source"]["sha256"] == from_file["source"]["sha256"]
    assert [t["text"] for t in data["tasks"]] == [t["text"] for t in from_file["tasks"]]
    text = runner.invoke(app, ["analyze", "-"], input="KẾ HOẠCH\n1. Sở Tài chính thẩm định dự toán trước ngày 30/6/2027.\n")
    assert text.exit_code == 0 and "Sở Tài chính" in text.stdout
    empty = runner.invoke(app, ["analyze", "-"], input=b"")
    assert empty.exit_code == 2 and "Tệp rỗng: đầu vào chuẩn" in empty.stderr


def test_a_closed_standard_input_reads_as_empty(monkeypatch, capsys):
    import sys

    import typer

    from service.cli_support import analyze_or_exit

    monkeypatch.setattr(sys, "stdin", None)
    try:
        analyze_or_exit(Path("-"), "rules")
    except typer.Exit as stop:
        assert stop.exit_code == 2
    else:
        raise AssertionError("no exit")
    assert "Tệp rỗng: đầu vào chuẩn" in capsys.readouterr().err


def test_readable_summary_lists_tasks():
    result = runner.invoke(app, ["analyze", str(SAMPLES / "ubnd-chi-thi.txt")], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "03/CT-UBND" in result.stdout
    assert "Sở Kế hoạch và Đầu tư" in result.stdout
    assert "nhiệm vụ" in result.stdout


def test_errors_are_vietnamese_and_exit_2(tmp_path):
    cases = {
        "empty.txt": (b"", "tệp rỗng"),
        "broken.pdf": (b"%PDF-1.4\n1 0 obj\n", "hỏng"),
        "latin.txt": ("Répertoire général des données économiques".encode("cp1252") * 5, "bảng mã"),
        "notes.xyz": ("Kế hoạch triển khai nhiệm vụ năm 2026.".encode(), "không được hỗ trợ"),
    }
    for name, (data, words) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = runner.invoke(app, ["analyze", str(path)])
        assert result.exit_code == 2, name
        assert words in result.stderr.lower() and result.stderr.startswith("Lỗi"), (name, result.stderr)
        assert not english_words(result.stderr.split(":", 1)[1]), result.stderr
    missing = runner.invoke(app, ["analyze", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2 and "Không tìm thấy tệp" in missing.stderr
    folder = runner.invoke(app, ["analyze", str(tmp_path)])
    assert folder.exit_code == 2 and "là thư mục" in folder.stderr and "rasoat batch" in folder.stderr


def _column_widths(output: str) -> list[int]:
    """Widths of the task table's columns, read off its top border (┏━━┳━━┓)."""
    top = next(line for line in output.splitlines() if line.startswith("┏"))
    return [len(part) for part in top.strip("┏┓").split("┳")]


def test_80_columns_no_column_narrower_than_6_and_full_text():
    path = str(SAMPLES / "ubnd-kh-phan-cong.docx")
    result = runner.invoke(app, ["analyze", path], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    widths = _column_widths(result.stdout)
    assert len(widths) == 5 and min(widths) >= 6, widths
    assert "31/12/2025" in result.stdout                       # deadlines are never cut mid-token
    assert "chung chung" in result.stdout and "Thang đo" in result.stdout
    short = result.stdout.count("…")
    full = runner.invoke(app, ["analyze", path, "--full"], env={"COLUMNS": "80"})
    assert full.exit_code == 0 and full.stdout.count("…") < short


def test_a_document_without_tasks_prints_no_empty_table(tmp_path):
    report = tmp_path / "bao-cao.txt"
    report.write_text("ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nBÁO CÁO\nKết quả trồng rừng năm 2025\n"
                      "Năm 2025, toàn tỉnh đã trồng mới 1.200 ha rừng tập trung, đạt 105% kế hoạch.\n",
                      encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(report)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "0 nhiệm vụ" in result.stdout and "Không tìm thấy nhiệm vụ" in result.stdout
    assert "┏" not in result.stdout and "Thiếu chủ trì" not in result.stdout
    assert "Ủy ban nhân dân tỉnh Yên Bái\n" in result.stdout      # the kind line is not part of the issuer


def test_a_blank_number_and_date_are_warned_about_once_each(tmp_path):
    decision = tmp_path / "quyet-dinh.txt"
    decision.write_text("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                        "TỈNH ĐIỆN BIÊN | Độc lập - Tự do - Hạnh phúc\n"
                        "Số:       /QĐ-UBND | Điện Biên, ngày      tháng 4 năm 2026\n"
                        "QUYẾT ĐỊNH\nVề việc rà soát hồ sơ hành nghề y\n"
                        "Điều 1. Sở Y tế chủ trì rà soát hồ sơ cấp phép hành nghề y, xong trước ngày 30/6/2026.\n",
                        encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(decision)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    printed = " ".join(result.stdout.split())
    assert printed.count("Dòng số ký hiệu có ký hiệu nhưng không có số") == 1
    assert printed.count("Dòng ngày ban hành để trống") == 1
    assert "Không tìm thấy số, ký hiệu văn bản" not in printed and "Không tìm thấy ngày ban hành" not in printed
    codes = {w["code"] for w in json.loads(runner.invoke(app, ["analyze", str(decision), "-f", "json"]).stdout)["warnings"]}
    assert {"missing_number", "unreadable_number", "missing_issued_on", "unreadable_issued_on"} <= codes


def test_narrow_terminal_prints_cards():
    result = runner.invoke(app, ["analyze", str(SAMPLES / "ubnd-kh-phan-cong.docx")], env={"COLUMNS": "60"})
    assert result.exit_code == 0
    assert "┏" not in result.stdout and "  Chủ trì: Sở Tài chính" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_scanned_pdf_says_ocr_is_needed(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(50, 50, 400, 600, fill=1)
    page.save()
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 2
    assert "ocr" in result.stderr.lower()


def test_the_cli_imports_no_heavy_extras():
    """`rasoat analyze` starts fast and runs without the batch, API or model extras."""
    import subprocess
    import sys

    code = ("import sys, service.cli; heavy = {'dask', 'distributed', 'pyarrow', 'torch', 'fastapi', 'uvicorn',"
            " 'datasketch', 'sqlalchemy'}; print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_and_usage_errors_are_vietnamese():
    """A user who mistypes a command reads what is wrong in Vietnamese, with the right option suggested and,
    where click knows the command, how to get its help."""
    cases = {("analyze",): ("Thiếu tham số 'file'", "rasoat analyze"),
             ("analyze", "kh.pdf", "--formt", "json"): ("Không có tùy chọn --formt. Có phải ý bạn là: --format?",
                                                        "rasoat analyze"),
             ("analyze", "kh.pdf", "--format", "xml"): ("Chọn một trong: text, json", "rasoat analyze"),
             ("analyze", "kh.pdf", "thua.pdf"): ("Thừa tham số: thua.pdf", "rasoat analyze"),
             ("find-source", "kh.pdf", "--top", "0"): ("Giá trị không hợp lệ cho '--top'. Cần một số từ 1 trở lên.",
                                                       "rasoat find-source"),
             ("analyze", "kh.pdf", "--format"): ("Tùy chọn '--format' cần một giá trị.", None),
             ("analyzee", "kh.pdf"): ("Không có lệnh “analyzee”. Có phải ý bạn là: analyze?", "rasoat")}
    for args, (expected, command) in cases.items():
        result = runner.invoke(app, list(args), prog_name="rasoat")
        assert result.exit_code == 2
        text = " ".join(result.output.split())
        assert expected in text, text
        said = re.sub(r"'[^']*'|“[^”]*”|(?:một trong|ý bạn là): [^.?]*", "", text.split("Lỗi", 1)[1])  # names aside
        assert said.strip(" │╮╰─") and english_words(said) == [], text
        assert command is None or f"Gõ '{command} --help' để xem hướng dẫn." in text
    shown = runner.invoke(app, ["analyze", "--help"]).output
    assert "Hiện hướng dẫn này rồi thoát." in shown and "[mặc định: text]" in shown
    assert "Tham số" in shown and "Tùy chọn" in shown and "Lệnh" in runner.invoke(app, ["--help"]).output
    assert "Show this message" not in shown and "[default" not in shown
