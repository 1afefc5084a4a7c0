"""The message catalogue and the rendered UI pages are Vietnamese: no English word outside codes
and names (tests/english.py says what counts); kind names and dates as users write them."""
from datetime import date

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from service.messages import catalogue, kind_name, say, vn_date
from service.vagueness.bands import level_of, scale_text
from service.vagueness.score import SPECIFIC_BELOW, VAGUE_FROM
from tests.english import english_words


def _texts(node) -> list[str]:
    if isinstance(node, dict):
        return [t for k, v in node.items() if k != "version" for t in _texts(v)]
    return [node] if isinstance(node, str) else []


def test_the_detector_finds_english_and_spares_vietnamese_and_codes():
    assert english_words("File not found (không tìm thấy tệp)") == ["File", "not", "found"]
    assert english_words("Unknown binary file: expected PDF") == ["Unknown", "binary", "file", "expected"]
    assert english_words("Tệp PDF có mật khẩu: dùng rasoat index THƯ_MỤC --store kho; mã not_found.") == []


def test_catalogue_has_no_english_word():
    found = {text: english_words(text) for text in _texts(catalogue())}
    assert not {t: w for t, w in found.items() if w}


def test_kind_names_levels_and_dates():
    assert kind_name("nghi_quyet") == "Nghị quyết" and kind_name("ke_hoach") == "Kế hoạch"
    assert vn_date(date(2026, 3, 5)) == "05/03/2026" and vn_date("2025-12-31") == "31/12/2025"
    assert [level_of(s) for s in (0.1, 0.55, 0.6)] == ["cụ thể", "cần làm rõ", "chung chung"]
    cuts = [f"{cut:g}".replace(".", ",") for cut in (SPECIFIC_BELOW, VAGUE_FROM)]
    assert f"dưới {cuts[0]} là cụ thể" in scale_text() and f"từ {cuts[1]} trở lên là chung chung" in scale_text()
    assert say("file_not_found", path="a.pdf") == "Không tìm thấy tệp: a.pdf"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from service.api.app import create_app
    from service.config import Settings

    settings = Settings(data_dir=tmp_path_factory.mktemp("data"), admin_key="k" * 24, workers=1,
                        runner="threads", semantic=False)
    with TestClient(create_app(settings)) as c:
        yield c


PAGES = ["/ui", "/ui/check", "/ui/documents/abc", "/ui/compare?lower=a&upper=b", "/ui/calendar"]


@pytest.mark.parametrize("path", PAGES)
def test_rendered_pages_have_no_english_word(client, path):
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    visible = [soup.get_text(" ")] + [el[attr] for attr in ("placeholder", "title", "aria-label")
                                      for el in soup.find_all(attrs={attr: True})]
    assert not [w for text in visible for w in english_words(text)], path


def test_api_errors_are_vietnamese_with_codes(client):
    missing = client.get("/v1/documents/d0c1", headers={"X-API-Key": "k" * 24}).json()["error"]
    assert missing["code"] == "not_found" and not english_words(missing["message"])
    route = client.get("/v1/no-such-route", headers={"X-API-Key": "k" * 24}).json()["error"]
    assert route["code"] == "not_found" and not english_words(route["message"])


def test_api_docs_are_served_offline(client):
    for page, asset in (("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")):
        html = client.get(page).text
        assert f"/docs-static/{asset}" in html
        assert "cdn." not in html and "fonts.googleapis" not in html and "https://" not in html.split("<body")[0]
        script = client.get(f"/docs-static/{asset}")
        assert script.status_code == 200 and len(script.content) > 100_000
    assert client.get("/docs-static/swagger-ui.css").status_code == 200
    assert client.get("/openapi.json").json()["info"]["title"] == "rasoat"
