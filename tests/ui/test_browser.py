"""End-to-end in headless Chromium: log in with a key, upload a sample, read the highlighted tasks,
export XLSX, open the side-by-side copy view and check a draft. Screenshots go to the tmp dir
(RASOAT_UI_SHOTS=dir keeps them)."""
from __future__ import annotations

import os
import time
from pathlib import Path

import httpx
import pytest
from openpyxl import load_workbook

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
    wait(browser, "#whoami", text="(admin)")
    return browser


def test_wrong_key_is_explained_then_login(server, browser):
    browser.get(server + "/ui")
    login(browser, "not-a-key")
    assert "khóa API" in wait(browser, "#status", text="khóa").text
    login(browser, ADMIN)
    wait(browser, "#whoami", text="(admin)")
    assert browser.find_element(*by("#api-key")).get_attribute("value") == ""
    browser.refresh()                                      # the session cookie is kept
    wait(browser, "#whoami", text="(admin)")
    assert ADMIN not in browser.execute_script("return document.cookie + JSON.stringify(localStorage)")


def test_upload_document_view_and_xlsx_export(server, ui, downloads, tmp_path_factory):
    browser = ui
    browser.get(server + "/ui")
    wait(browser, "#whoami", text="(admin)")
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
    assert "38/KH-UBND" in browser.find_element(*by("#doc-title")).text
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
    wait(ui, "#whoami", text="(admin)")
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
    from selenium.webdriver.support.ui import Select
    Select(browser.find_element(*by("#compare-form select"))).select_by_value(upper)
    browser.find_element(*by("#compare-form button")).click()
    frame = wait(browser, "iframe#comparison")
    browser.switch_to.frame(frame)
    try:
        wait(browser, "h1", text="So sánh nhiệm vụ cấp dưới với cấp trên")
        assert browser.find_elements(*by("td mark")) and browser.find_elements(*by("td ins"))
        assert wait(browser, "h2", text="chưa được triển khai")
    finally:
        browser.switch_to.default_content()
    shot(browser, tmp_path_factory, "compare")


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
    frame = wait(browser, "iframe#comparison")
    shot(browser, tmp_path_factory, "check")
    shot(browser, tmp_path_factory, "check-tasks", at="#draft-tasks")
    shot(browser, tmp_path_factory, "check-compare", at="#comparison")
    browser.switch_to.frame(frame)
    try:
        assert browser.find_elements(*by("td.verbatim")) and browser.find_elements(*by("td mark"))
    finally:
        browser.switch_to.default_content()


@pytest.fixture(autouse=True)
def _no_foreign_traffic(server):
    assert server.startswith("http://127.0.0.1:")
