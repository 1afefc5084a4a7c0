// Corrections on the document page: under a task, accept, edit or reject its owner, deadline and
// text (or reject the task); a selection in the task text can be taken as the owner or deadline,
// as in span-labelling tools. The metadata form corrects the document's fields. Every change goes
// to POST /v1/documents/{id}/corrections, which keeps who and when.
(() => {
  const {$, esc, status, api} = rasoat;
  const FIELDS = [["owner", "Chủ trì (nhiều đơn vị cách nhau bằng ;)"], ["support", "Phối hợp (cách nhau bằng ;)"],
    ["deadline", "Thời hạn"], ["targets", "Chỉ tiêu (cách nhau bằng ;)"], ["text", "Nội dung"]];
  const docId = () => JSON.parse(document.body.dataset.args || "[]")[0];
  let selection = "";
  document.addEventListener("selectionchange", () => {
    const text = String(window.getSelection() || "").trim();
    if (text) selection = text;
  });

  async function send(body) {
    try {
      await api(`/documents/${docId()}/corrections`, {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify(body)});
      status("Đã lưu hiệu chỉnh.");
      await rasoat.reloadDocument();
    } catch (e) { status(e.message); }
  }

  function value(task, field) {
    if (field === "owner") return task.lead.map((b) => b.name).join("; ");
    if (field === "support") return task.support.map((b) => b.name).join("; ");
    if (field === "targets") return task.targets.map((t) => t.text).join("; ");
    if (field === "deadline") return task.deadline?.text || "";
    return task.text;
  }

  function editor(task) {
    const rows = FIELDS.map(([field, label]) => `<div class="correct" data-field="${field}"><label>${label}
      ${field === "text" ? `<textarea rows="3">${esc(value(task, field))}</textarea>` : `<input value="${esc(value(task, field))}">`}</label>
      ${field !== "text" ? '<button type="button" data-pick>← lấy đoạn đang chọn</button>' : ""}
      <button type="button" data-action="accept">Đúng</button> <button type="button" data-action="edit">Lưu sửa</button>
      ${field !== "text" ? '<button type="button" data-action="reject">Xóa</button>' : ""}</div>`).join("");
    return `<tr class="editor"><td></td><td colspan="6">${rows}
      <p><button type="button" data-reject-task>Không phải nhiệm vụ (loại bỏ)</button>
      <button type="button" data-close>Đóng</button></p></td></tr>`;
  }

  document.addEventListener("click", (e) => {
    const open = e.target.closest("button.edit");
    if (open) {
      const tr = open.closest("tr"), next = tr.nextElementSibling;
      if (next?.classList.contains("editor")) { next.remove(); return; }
      fetchTask(open.dataset.task).then((task) => { tr.insertAdjacentHTML("afterend", editor(task)); tr.nextElementSibling.dataset.task = task.id; });
      return;
    }
    const box = e.target.closest("tr.editor");
    if (!box) return;
    const taskId = box.dataset.task, line = e.target.closest(".correct");
    if (e.target.matches("[data-close]")) box.remove();
    else if (e.target.matches("[data-reject-task]")) send({task_id: taskId, field: "task", action: "reject"});
    else if (e.target.matches("[data-pick]") && selection) line.querySelector("input").value = selection;
    else if (e.target.dataset.action) {
      const input = line.querySelector("input, textarea"), action = e.target.dataset.action;
      send({task_id: taskId, field: line.dataset.field, action, value: action === "edit" ? input.value : null});
    }
  });

  async function fetchTask(id) {
    const tasks = await (await api(`/documents/${docId()}/tasks`)).json();
    return tasks.find((t) => t.id === id);
  }

  $("#meta-form")?.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.target));
    const before = (await (await api(`/documents/${docId()}`)).json()).document;
    const iso = (s) => s.split("/").reverse().map((x) => x.padStart(2, "0")).join("-");
    for (const [field, val] of Object.entries(data)) {
      const old = field === "issued_on" ? before.issued_on || "" : before[field] || "";
      const now = field === "issued_on" && val ? iso(val) : val;
      if (now !== old) await send({field, action: val ? "edit" : "reject", value: val || null});
    }
  });
})();
