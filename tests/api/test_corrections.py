"""Corrections: accept, edit and reject a task's owner, deadline, the task itself and the metadata;
stored with who and when, shown in the analysis, the exports and the gold export (ANNOTATION.md)."""
import io
import json

from openpyxl import load_workbook


def _task(api, doc_id, task_id):
    return next(t for t in api.get(f"/v1/documents/{doc_id}").json()["tasks"] if t["id"] == task_id)


def test_correct_owner_deadline_task_and_metadata(api):
    doc_id = api.upload("ubnd-kh-phan-cong.txt")
    first = api.get(f"/v1/documents/{doc_id}").json()["tasks"][0]
    url = f"/v1/documents/{doc_id}/corrections"
    owner = api.post(url, json={"task_id": first["id"], "field": "owner", "action": "edit",
                                "value": "Sở Nội vụ; Sở Tài chính"})
    assert owner.status_code == 201, owner.text
    made = owner.json()
    assert made["actor"] == "bootstrap-admin" and made["at"] and made["previous"] == [b["name"] for b in first["lead"]]
    assert [b["name"] for b in made["task"]["lead"]] == ["Sở Nội vụ", "Sở Tài chính"]
    deadline = api.post(url, json={"task_id": first["id"], "field": "deadline", "action": "edit",
                                   "value": "trước ngày 30/6/2026"}).json()
    assert deadline["task"]["deadline"]["end"] == "2026-06-30"
    stored = _task(api, doc_id, first["id"])
    assert stored["deadline"]["text"] == "trước ngày 30/6/2026" and "deadline" not in stored["vagueness"]["missing"]
    second = api.get(f"/v1/documents/{doc_id}").json()["tasks"][1]
    assert api.post(url, json={"task_id": second["id"], "field": "task", "action": "reject"}).status_code == 201
    assert all(t["id"] != second["id"] for t in api.get(f"/v1/documents/{doc_id}").json()["tasks"])
    assert api.post(url, json={"field": "issued_on", "action": "edit", "value": "25/02/2025"}).status_code == 201
    assert api.get(f"/v1/documents/{doc_id}").json()["document"]["issued_on"] == "2025-02-25"
    listed = api.get(url).json()
    assert [(c["field"], c["action"]) for c in listed] == [("owner", "edit"), ("deadline", "edit"),
                                                           ("task", "reject"), ("issued_on", "edit")]
    sheet = load_workbook(io.BytesIO(api.get(f"/v1/documents/{doc_id}/export", params={"format": "xlsx"}).content)).active
    head = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[head.index("Mã nhiệm vụ")] == first["id"])
    assert row[head.index("Chủ trì")] == "Sở Nội vụ; Sở Tài chính" and row[head.index("Thời hạn")] == "trước ngày 30/6/2026"
    assert row[head.index("Đã hiệu chỉnh")] == "có"
    gold = json.loads(api.get(f"/v1/documents/{doc_id}/gold").content)
    assert gold["meta"]["issued_on"] == "2025-02-25" and gold["meta"]["number"] == "38/KH-UBND"
    task = next(t for t in gold["tasks"] if t["lead"] == ["Sở Nội vụ", "Sở Tài chính"])
    assert task["deadline"] == {"text": "trước ngày 30/6/2026", "end": "2026-06-30", "recurrence": None}
    assert set(task) >= {"quote", "lead", "support", "deadline", "targets", "output"} and "  " not in task["quote"]
    assert gold["reviewed"]["by"] == ["bootstrap-admin"] and len(gold["reviewed"]["corrections"]) == 4
    lines = api.get("/v1/gold").text.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["meta"]["number"] == "38/KH-UBND"


def test_bad_corrections_are_refused_in_vietnamese(api):
    doc_id = api.upload("ubnd-chi-thi.txt")
    url = f"/v1/documents/{doc_id}/corrections"
    bad = api.post(url, json={"task_id": "t999", "field": "owner", "action": "edit", "value": "Sở Y tế"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_correction"
    assert "không có nhiệm vụ t999" in bad.json()["error"]["message"]
    date = api.post(url, json={"field": "issued_on", "action": "edit", "value": "ngày mai"})
    assert date.status_code == 422 and "dd/mm/yyyy" in date.json()["error"]["message"]
    reader = api.key("reader")
    denied = api.post(url, headers=reader, json={"field": "title", "action": "accept"})
    assert denied.status_code == 403
    assert api.get(url).json() == []
