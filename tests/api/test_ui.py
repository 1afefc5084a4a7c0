"""The web UI pages, assets and the endpoints they use (the browser test is tests/ui)."""
from __future__ import annotations

from pathlib import Path

SAMPLES = Path(__file__).parents[2] / "corpora" / "samples"


def test_ui_pages_and_assets(api):
    client = api.client
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui"
    index = client.get("/ui").text
    assert "Kéo thả tệp vào đây" in index and 'data-view="index"' in index and "boot.js" in index
    page = client.get("/ui/documents/abc").text
    assert 'data-view="document" data-args=\'["abc"]\'' in page and "Phiếu thẩm định" in page and "Chủ trì" in page
    script = client.get("/ui/static/app.js")
    assert script.status_code == 200 and "X-Rasoat-UI" in script.text and "localStorage" not in script.text
    assert client.get("/ui/static/app.css").status_code == 200
    assert "/ui" not in client.get("/openapi.json").json()["paths"]


def test_ui_pages_for_comparison_and_draft_check(api):
    page = api.client.get("/ui/compare", params={"lower": "a", "upper": "b"}).text
    assert 'data-view="compare" data-args=\'["a", "b"]\'' in page and 'id="comparison"' in page and "iframe" not in page
    check = api.client.get("/ui/check").text
    assert "Kiểm tra dự thảo" in check and 'id="upper-id"' in check and "check.js" in check
    assert api.get("/v1/me").json() == {"name": "bootstrap-admin", "role": "admin"}
    assert api.get("/v1/me", headers={}).status_code == 401


def test_comparison_as_html_for_the_ui(api):
    upper = api.upload("tinh-uy-ctr-chuyen-doi-so.txt")
    lower = api.upload("huyen-uy-kh-chuyen-doi-so.txt")
    html = api.post("/v1/compare", params={"format": "html"}, json={"lower_id": lower, "upper_id": upper})
    assert html.headers["content-type"].startswith("text/html") and "<mark>" in html.text
    check = api.post("/v1/check-draft", files={"file": ("d.txt", (SAMPLES / "huyen-uy-kh-chuyen-doi-so.txt").read_bytes())},
                     data={"upper_id": upper}).json()
    page = api.get(f"/v1/jobs/{check['job_id']}/comparison")
    assert page.status_code == 200 and "41-CTr/TU" in page.text and "<ins>" in page.text
    alone = api.post("/v1/check-draft", files={"file": ("x.txt", "Dự thảo không có căn cứ.".encode())}).json()
    assert api.get(f"/v1/jobs/{alone['job_id']}/comparison").status_code == 404
