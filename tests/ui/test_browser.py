"""End-to-end in headless Chromium: log in with a key, upload a sample, read the highlighted tasks,
export XLSX, open the side-by-side copy view and check a draft. Screenshots go to the tmp dir
(RASOAT_UI_SHOTS=dir keeps them)."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

from service.vagueness import VAGUE_FROM

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"
ITC = "Sở Thông tin và Truyền thông"
ADMIN = "ui-test-admin-key-0123456789"      # the key conftest gives the server


def by(css: str):
    from selenium.webdriver.common.by import By
    return By.CSS_SELECTOR, css


def wait(browser, css: str, seconds: float = 30, text: str = ""):
    """The first visible element matching `css` (and containing `text`)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    def found(driver):
        for el in driver.find_elements(*by(css)):
            if el.is_displayed() and text in el.text:
                return el
        return False
    return WebDriverWait(browser, seconds, 0.1, (StaleElementReferenceException,)).until(found, f"no {css} with {text!r}")


def shot(browser, tmp_path_factory, name: str, at: str = "") -> Path:
    """A screenshot (scrolled to the element `at`) in the tmp dir or $RASOAT_UI_SHOTS."""
    if at:
        browser.execute_script("document.querySelector(arguments[0]).scrollIntoView()", at)
    folder = Path(os.environ.get("RASOAT_UI_SHOTS") or tmp_path_factory.getbasetemp())
    folder.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(folder / f"{name}.png"))
    return folder / f"{name}.png"


def api_upload(server: str, name: str) -> str:
    """Upload a sample through the API (not the browser) and return its document id."""
    headers = {"X-API-Key": ADMIN}
    job_id = httpx.post(f"{server}/v1/documents", headers=headers,
                        files={"file": (name, (SAMPLES / name).read_bytes())}).json()["job_id"]
    for _ in range(300):
        job = httpx.get(f"{server}/v1/jobs/{job_id}", headers=headers).json()
        if job["status"] in ("done", "failed"):
            assert job["status"] == "done", job
            return job["document_id"]
        time.sleep(0.1)
    raise AssertionError(f"{name} was not analysed")


def login(browser, key: str) -> None:
    field = wait(browser, "#api-key")
    field.clear()
    field.send_keys(key)
    browser.find_element(*by("#login button[type=submit]")).click()


@pytest.fixture
def ui(server, browser):
    """The browser logged in with the admin key (an HttpOnly session cookie)."""
    browser.get(server + "/ui")
    login(browser, ADMIN)
    wait(browser, "#whoami", text="(quản trị)")
    return browser


def test_wrong_key_is_explained_then_login(server, browser):
    browser.get(server + "/ui")
    login(browser, "not-a-key")
    assert "khóa API" in wait(browser, "#status", text="khóa").text
    login(browser, ADMIN)
    wait(browser, "#whoami", text="(quản trị)")
    assert browser.find_element(*by("#api-key")).get_attribute("value") == ""
    browser.refresh()                                      # the session cookie is kept
    wait(browser, "#whoami", text="(quản trị)")
    assert ADMIN not in browser.execute_script("return document.cookie + JSON.stringify(localStorage)")


def test_upload_document_view_and_xlsx_export(server, ui, downloads, tmp_path_factory):
    browser = ui
    browser.get(server + "/ui")
    wait(browser, "#whoami", text="(quản trị)")
    browser.find_element(*by("#file")).send_keys(str(SAMPLES / "ubnd-kh-phan-cong.docx"))
    wait(browser, "#uploads a.done", seconds=40).click()
    wait(browser, "#task-table tbody tr")
    assert wait(browser, "#task-table td span.owner", text=ITC)                 # the Chủ trì column
    in_text = {c: [e.text for e in browser.find_elements(*by(f"#task-table td:nth-child(2) span.{c}"))]
               for c in ("owner", "deadline", "vague")}
    assert "Sở Tài chính" in in_text["owner"] and "Các sở, ban, ngành" in in_text["vague"]
    assert in_text["deadline"]
    browser.find_element(*by("#fulltext summary")).click()                    # the whole text, marked
    assert wait(browser, ".fulltext span.owner", text=ITC)
    assert wait(browser, ".fulltext span.deadline", text="Trước ngày 31/12/2025")
    assert "Kế hoạch số 38/KH-UBND" in browser.find_element(*by("#doc-number")).text
    assert wait(browser, "#task-table .level", text="chung chung") and wait(browser, "#task-table .hint")
    assert f"từ {VAGUE_FROM:g}".replace(".", ",") + " trở lên" in browser.find_element(*by(".scale")).text
    assert_vietnamese(browser)
    shot(browser, tmp_path_factory, "document")
    shot(browser, tmp_path_factory, "document-text", at=".fulltext")
    browser.find_element(*by("[data-export=xlsx]")).click()
    path = _downloaded(downloads, ".xlsx")
    cells = [c for r in load_workbook(path).active.iter_rows(values_only=True) for c in r if isinstance(c, str)]
    assert any(c.startswith("Các sở, ban, ngành, Ủy ban nhân dân các huyện") for c in cells)
    assert any(ITC in c for c in cells)


DROP = """
const file = new File([arguments[0]], arguments[1], {type: "text/plain"});
const data = new DataTransfer(); data.items.add(file);
document.querySelector("#drop").dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true}));
"""


def test_drag_and_drop_upload(server, ui):
    ui.get(server + "/ui")
    wait(ui, "#whoami", text="(quản trị)")
    text = (SAMPLES / "ubnd-chi-thi.txt").read_text(encoding="utf-8")
    ui.execute_script(DROP, text, "chi-thi-keo-tha.txt")
    assert wait(ui, "#uploads li", text="chi-thi-keo-tha.txt")
    wait(ui, "#uploads a.done", seconds=40)
    assert wait(ui, "#documents td", text="chi-thi-keo-tha.txt")


def _downloaded(folder: Path, suffix: str, seconds: float = 15) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == suffix]
        if done and not any(p.suffix == ".crdownload" for p in folder.iterdir()):
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"no {suffix} in {list(folder.iterdir())}")


def test_side_by_side_copy_view(server, ui, tmp_path_factory):
    browser = ui
    upper = api_upload(server, "tinh-uy-ctr-chuyen-doi-so.docx")
    lower = api_upload(server, "ubnd-kh-phan-cong.docx")          # a duplicate: the stored one
    browser.get(f"{server}/ui/documents/{lower}")
    wait(browser, "#compare-form option", text="41-CTr/TU")
    assert "41-CTr/TU" in wait(browser, "#upper-why", text="vì").text
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(*by("#compare-form select"))).select_by_value(upper)
    browser.find_element(*by("#compare-form button")).click()
    wait(browser, "#comparison .cmp-summary", text="Tỷ lệ sao chép")        # drawn in the page, no frame
    assert not browser.find_elements(*by("iframe"))
    rows = browser.find_elements(*by("#comparison details.cmp-row"))
    assert rows and wait(browser, "#comparison h2", text="chưa được triển khai")
    browser.find_element(*by("#comparison [data-open]")).click()
    assert browser.find_elements(*by("#comparison .cmp-row mark"))
    marked = {m.text.strip().lower() for m in browser.find_elements(*by("#comparison .cmp-row mark"))}
    assert not marked & {"và", "về", "các", "của"}                     # stop words are never marked as copied
    classes = {r.get_attribute("data-class") for r in rows}
    first = sorted(classes)[0]
    browser.find_element(*by(f"#comparison .cmp-filter input[name={first}]")).click()   # filter by class
    assert all(not r.is_displayed() for r in rows if r.get_attribute("data-class") == first)
    shot(browser, tmp_path_factory, "compare")
    assert_vietnamese(browser)


def test_draft_check_page(server, ui, tmp_path_factory):
    browser = ui
    upper = api_upload(server, "tinh-uy-ctr-chuyen-doi-so.docx")
    browser.get(server + "/ui/check")
    wait(browser, "#upper-id option", text="41-CTr/TU")
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(*by("#upper-id"))).select_by_value(upper)
    browser.find_element(*by("#draft")).send_keys(str(SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt"))
    browser.find_element(*by("#check-submit")).click()
    wait(browser, "#draft-tasks tbody tr", seconds=40)
    assert len(browser.find_elements(*by("#draft-tasks tbody tr"))) >= 30
    assert browser.find_elements(*by("#draft-tasks span.owner"))
    assert "chưa được triển khai" in browser.find_element(*by("#missing")).text
    assert "41-CTr/TU" in wait(browser, "#upper-choice", text="lý do").text      # names the upper and why
    assert wait(browser, "#missing summary", text="Thiếu") and browser.find_elements(*by("#draft-tasks .level"))
    wait(browser, "#comparison .cmp-summary")
    shot(browser, tmp_path_factory, "check")
    shot(browser, tmp_path_factory, "check-tasks", at="#draft-tasks")
    shot(browser, tmp_path_factory, "check-compare", at="#comparison")
    assert browser.find_elements(*by("#comparison .cmp-row.verbatim"))
    assert_vietnamese(browser)


NAMES = ("bootstrap-admin", "ui-test-admin-key")
# What the documents themselves say (their words are theirs, not the UI's): texts, titles, names.
DOCUMENT_TEXT = (".fulltext, .lower, .upper, .uncovered, .cmp-row summary, #doc-title, #draft-title, "
                 "#task-table td:nth-child(2) > :not(.hint), #draft-tasks td:nth-child(2), #tasks td, #documents td, "
                 "#months td, #overdue td, option, textarea, .chosen, #uploads b")


def click(browser, element) -> None:
    """Click `element` after scrolling it to the middle (the status bar sits at the bottom)."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def assert_vietnamese(browser) -> None:
    """No English word in the page's visible text (codes, names and file names aside)."""
    from tests.english import english_words

    text = browser.execute_script(
        "const main = document.querySelector('main').cloneNode(true);"
        "main.querySelectorAll(arguments[0]).forEach((e) => e.remove());"
        "document.body.append(main); const text = main.innerText; main.remove();"
        "return text + ' ' + document.querySelector('header nav').innerText", DOCUMENT_TEXT)
    for name in NAMES:
        text = text.replace(name, " ")
    assert not english_words(text), (browser.current_url, english_words(text)[:20])


SELECT = """const range = document.createRange(); range.selectNodeContents(document.querySelector(arguments[0]));
const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
document.dispatchEvent(new Event("selectionchange"));"""


def _clear(folder: Path) -> None:
    for path in folder.iterdir():
        path.unlink()


def test_correct_owner_and_deadline_then_export_and_gold(server, ui, downloads, tmp_path_factory):
    browser = ui
    doc_id = api_upload(server, "ubnd-chi-thi.docx")
    browser.get(f"{server}/ui/documents/{doc_id}")
    first = wait(browser, "#task-table tbody tr")
    task_id = first.get_attribute("data-task")
    click(browser, first.find_element(*by("button.edit")))
    owner = wait(browser, "tr.editor [data-field=owner] input")
    owner.clear()
    owner.send_keys("Sở Nội vụ; Sở Tài chính")
    click(browser, browser.find_element(*by("tr.editor [data-field=owner] [data-action=edit]")))
    wait(browser, f"#task-table tr[data-task={task_id}] span.owner", text="Sở Nội vụ")
    click(browser, wait(browser, f"#task-table tr[data-task={task_id}] button.edit"))
    deadline = wait(browser, "tr.editor [data-field=deadline] input")
    deadline.clear()
    deadline.send_keys("trước ngày 30/6/2026")
    click(browser, browser.find_element(*by("tr.editor [data-field=deadline] [data-action=edit]")))
    wait(browser, f"#task-table tr[data-task={task_id}] span.deadline", text="trước ngày 30/6/2026")
    assert wait(browser, f"#task-table tr[data-task={task_id}] .corrected", text="đã hiệu chỉnh")
    click(browser, wait(browser, f"#task-table tr[data-task={task_id}] button.edit"))     # a span taken from the text
    wait(browser, "tr.editor [data-field=support] input")
    browser.execute_script(SELECT, f"#task-table tr[data-task={task_id}] td:nth-child(2) span.owner")
    click(browser, browser.find_element(*by("tr.editor [data-field=support] [data-pick]")))
    picked = browser.find_element(*by("tr.editor [data-field=support] input")).get_attribute("value")
    assert picked and picked in browser.find_element(*by(f"#task-table tr[data-task={task_id}] td:nth-child(2)")).text
    click(browser, browser.find_element(*by("tr.editor [data-close]")))
    meta = browser.find_element(*by("#meta-edit"))
    click(browser, meta.find_element(*by("summary")))
    issued = meta.find_element(*by("input[name=issued_on]"))
    issued.clear()
    issued.send_keys("21/02/2025")
    click(browser, meta.find_element(*by("button")))
    wait(browser, "#doc-meta", text="ngày 21/02/2025")
    shot(browser, tmp_path_factory, "corrected")
    _clear(downloads)
    browser.find_element(*by("[data-export=xlsx]")).click()
    sheet = load_workbook(_downloaded(downloads, ".xlsx")).active
    head = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[head.index("Mã nhiệm vụ")] == task_id)
    assert row[head.index("Chủ trì")] == "Sở Nội vụ; Sở Tài chính"
    assert row[head.index("Thời hạn")] == "trước ngày 30/6/2026" and row[head.index("Hạn cuối")].month == 6
    _clear(downloads)
    browser.find_element(*by("[data-export=gold]")).click()
    gold = json.loads(_downloaded(downloads, ".json").read_text(encoding="utf-8"))
    task = next(t for t in gold["tasks"] if t["lead"] == ["Sở Nội vụ", "Sở Tài chính"])
    assert task["deadline"]["end"] == "2026-06-30" and gold["reviewed"]["by"] == ["bootstrap-admin"]
    assert_vietnamese(browser)


def test_document_list_sort_filter_and_calendar(server, ui, tmp_path_factory):
    browser = ui
    for name in ("ubnd-kh-phan-cong.docx", "tinh-uy-ctr-chuyen-doi-so.docx", "ubnd-chi-thi.docx"):
        api_upload(server, name)
    browser.get(server + "/ui")
    wait(browser, "#documents tbody tr")
    header = browser.find_element(*by("#documents th[data-key=number]"))
    header.click()
    numbers = [td.text for td in browser.find_elements(*by("#documents tbody td:first-child"))]
    assert numbers == sorted(numbers, key=lambda n: n.lower()) and len(numbers) >= 3
    header.click()
    assert [td.text for td in browser.find_elements(*by("#documents tbody td:first-child"))] == numbers[::-1]
    assert wait(browser, "#documents td", text="Kế hoạch")                  # kind names as users write them
    browser.find_element(*by("#doc-filter input[name=filter]")).send_keys("ctr/tu")
    rows = browser.find_elements(*by("#documents tbody tr"))
    assert 1 <= len(rows) < len(numbers) and all("41-CTr/TU" in r.text for r in rows)
    assert "Chỉ thị" not in " ".join(r.text for r in rows)
    shot(browser, tmp_path_factory, "list")
    assert_vietnamese(browser)
    browser.get(server + "/ui/calendar")
    wait(browser, "#months h3", text="Tháng")
    assert browser.find_elements(*by("#months td")) and wait(browser, "#overdue details summary", text="quá hạn")
    shot(browser, tmp_path_factory, "calendar")
    browser.find_element(*by("#calendar-form input[name=as_of]")).send_keys("01/01/2024")     # dd/mm/yyyy
    browser.find_element(*by("#calendar-form button")).click()
    assert wait(browser, "#overdue p", text="Không có nhiệm vụ quá hạn tính đến ngày 01/01/2024")
    assert_vietnamese(browser)


@pytest.fixture(autouse=True)
def _no_foreign_traffic(server):
    assert server.startswith("http://127.0.0.1:")
