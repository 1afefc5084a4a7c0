"""The web UI pages and assets are served (the browser end-to-end test is not written yet)."""
from __future__ import annotations


def test_ui_pages_and_assets(api):
    client = api.client
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui"
    index = client.get("/ui").text
    assert "Kéo thả tệp vào đây" in index and "rasoat.index()" in index
    page = client.get("/ui/documents/abc").text
    assert 'rasoat.document("abc")' in page and "Phiếu thẩm định" in page and "Chủ trì" in page
    script = client.get("/ui/static/app.js")
    assert script.status_code == 200 and "X-API-Key" in script.text
    assert client.get("/ui/static/app.css").status_code == 200
    assert "/ui" not in client.get("/openapi.json").json()["paths"]
