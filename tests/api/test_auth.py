"""API key roles: reader reads, reviewer uploads and exports, admin manages keys, webhooks, deletes."""
from __future__ import annotations


def test_roles_hold(api):
    reader, reviewer = api.key("reader"), api.key("reviewer")
    doc_id = api.upload("cong-van-trien-khai.txt")
    upload = {"file": ("x.txt", "Kế hoạch thử".encode())}
    assert api.get(f"/v1/documents/{doc_id}", headers=reader).status_code == 200
    assert api.get("/v1/search", headers=reader).status_code == 200
    denied = api.post("/v1/documents", files=upload, headers=reader)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "forbidden"
    assert api.get(f"/v1/documents/{doc_id}/export", headers=reader).status_code == 403
    assert api.post("/v1/documents", files=upload, headers=reviewer).status_code == 202
    assert api.get(f"/v1/documents/{doc_id}/export", headers=reviewer).status_code == 200
    for call in (lambda h: api.delete(f"/v1/documents/{doc_id}", headers=h),
                 lambda h: api.get("/v1/audit", headers=h),
                 lambda h: api.get("/v1/keys", headers=h),
                 lambda h: api.post("/v1/webhooks", json={"url": "http://127.0.0.1:9/h", "secret": "s" * 8}, headers=h)):
        assert call(reviewer).status_code == 403
    assert api.get("/v1/keys").status_code == 200


def test_missing_unknown_and_revoked_keys(api):
    assert api.get("/v1/documents", headers={}).json()["error"]["code"] == "unauthorized"
    assert api.get("/v1/documents", headers={"X-API-Key": "wrong"}).status_code == 401
    created = api.post("/v1/keys", json={"name": "temp", "role": "reader"}).json()
    header = {"X-API-Key": created["key"]}
    assert api.get("/v1/documents", headers=header).status_code == 200
    assert api.delete(f"/v1/keys/{created['id']}").status_code == 204
    assert api.get("/v1/documents", headers=header).status_code == 401
    listed = api.get("/v1/keys").json()
    assert all("key" not in k and "key_hash" not in k for k in listed)
    assert api.post("/v1/keys", json={"name": "x", "role": "god"}).status_code == 422
