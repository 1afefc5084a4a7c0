// rasoat web UI: calls the /v1 API with the key kept in localStorage.
const rasoat = (() => {
  const $ = (sel) => document.querySelector(sel);
  const keyInput = $("#api-key");
  keyInput.value = localStorage.getItem("rasoat-key") || "";
  keyInput.addEventListener("change", () => localStorage.setItem("rasoat-key", keyInput.value.trim()));
  const status = (text) => { $("#status").textContent = text; };
  const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
  const fold = (s) => String(s ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

  async function api(path, options = {}) {
    const response = await fetch("/v1" + path, {...options, headers: {"X-API-Key": keyInput.value.trim(), ...(options.headers || {})}});
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`);
    }
    return response;
  }

  async function waitJob(id, li) {
    for (;;) {
      const job = await (await api(`/jobs/${id}`)).json();
      if (job.status === "done") { li.innerHTML = `${esc(li.dataset.name)}: <a href="/ui/documents/${job.document_id}">xong — xem</a>`; return; }
      if (job.status === "failed") { li.textContent = `${li.dataset.name}: lỗi ${job.error.code} — ${job.error.message}`; return; }
      li.textContent = `${li.dataset.name}: đang xử lý (${Math.round(job.progress * 100)}%)`;
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  async function upload(files) {
    for (const file of files) {
      const li = document.createElement("li");
      li.dataset.name = file.name; li.textContent = `${file.name}: đang tải lên`;
      $("#uploads").append(li);
      const form = new FormData(); form.append("file", file);
      try {
        const job = await (await api("/documents", {method: "POST", body: form})).json();
        waitJob(job.job_id, li).then(listDocuments);
      } catch (e) { li.textContent = `${file.name}: ${e.message}`; }
    }
  }

  function row(cells) { return "<tr>" + cells.map((c) => `<td>${c}</td>`).join("") + "</tr>"; }

  async function listDocuments(params) {
    try {
      const query = new URLSearchParams(params || {});
      const found = params ? await (await api(`/search?${query}`)).json() : {documents: await (await api("/documents")).json(), tasks: []};
      $("#documents tbody").innerHTML = found.documents.map((d) => row([
        `<a href="/ui/documents/${d.id}">${esc(d.number || "(không số)")}</a>`, esc(d.kind), esc(d.issuer), esc(d.issued_on), d.task_count, esc(d.filename)])).join("");
      $("#tasks tbody").innerHTML = found.tasks.map((t) => row([
        `<a href="/ui/documents/${t.document_id}">${esc(t.document_number)}</a>`, esc(t.text), esc(t.lead), esc(t.deadline)])).join("");
      status("");
    } catch (e) { status(e.message); }
  }

  function index() {
    const drop = $("#drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); upload(e.dataTransfer.files); });
    $("#file").addEventListener("change", (e) => upload(e.target.files));
    $("#search").addEventListener("submit", (e) => {
      e.preventDefault();
      const params = Object.fromEntries([...new FormData(e.target)].filter(([, v]) => v));
      listDocuments(params);
    });
    listDocuments();
  }

  function highlight(task) {
    // Offsets in the analysis index the document text; a task's own text starts at task.start.
    const marks = new Array(task.text.length).fill("");
    const paint = (start, end, cls) => { for (let i = Math.max(0, start - task.start); i < Math.min(task.text.length, end - task.start); i++) marks[i] = cls; };
    task.lead.forEach((b) => paint(b.start, b.end, "owner"));
    if (task.deadline) paint(task.deadline.char_start, task.deadline.char_end, "deadline");
    task.targets.forEach((t) => paint(t.start, t.end, "target"));
    (task.vagueness?.cues || []).forEach((c) => paint(c.start, c.end, "vague"));
    let html = "", i = 0;
    while (i < marks.length) {
      let j = i; while (j < marks.length && marks[j] === marks[i]) j++;
      const part = esc(task.text.slice(i, j));
      html += marks[i] ? `<span class="${marks[i]}">${part}</span>` : part;
      i = j;
    }
    return html;
  }

  async function download(docId, kind) {
    const path = kind === "report" ? `/documents/${docId}/report` : `/documents/${docId}/export?format=${kind}`;
    try {
      const blob = await (await api(path)).blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = kind === "report" ? `phieu-tham-dinh-${docId}.docx` : `nhiem-vu-${docId}.${kind}`;
      a.click();
    } catch (e) { status(e.message); }
  }

  async function document_(docId) {
    let doc;
    try { doc = await (await api(`/documents/${docId}`)).json(); } catch (e) { status(e.message); return; }
    const m = doc.document;
    $("#doc-title").textContent = `${m.number || "(không số)"} — ${m.title || doc.source.name}`;
    $("#doc-meta").textContent = `${m.issuer || ""} ${m.issued_on ? "· ngày " + m.issued_on : ""} · ${doc.tasks.length} nhiệm vụ`
      + (doc.vagueness_summary ? ` · điểm chung chung trung bình ${doc.vagueness_summary.score}` : "");
    document.querySelectorAll("[data-export]").forEach((b) => b.addEventListener("click", () => download(docId, b.dataset.export)));
    const render = () => {
      const f = Object.fromEntries(new FormData($("#filters")));
      const rows = doc.tasks.filter((t) =>
        (!f.text || fold(t.text).includes(fold(f.text))) &&
        (!f.owner || t.lead.some((b) => fold(b.canonical || b.name).includes(fold(f.owner)))) &&
        (!f.vague || (t.vagueness && t.vagueness.score >= 0.45)) &&
        (!f.nodeadline || !t.deadline) && (!f.noowner || !t.lead.length));
      $("#task-table tbody").innerHTML = rows.map((t) => row([
        esc(t.id), highlight(t), esc(t.lead.map((b) => b.canonical || b.name).join("; ")),
        esc(t.support.map((b) => b.canonical || b.name).join("; ")), esc(t.deadline?.text),
        t.vagueness ? `<span class="${t.vagueness.score >= 0.45 ? "score-high" : ""}">${t.vagueness.score}</span>` : ""])).join("");
    };
    $("#filters").addEventListener("input", render);
    render();
  }

  return {index, document: document_};
})();
