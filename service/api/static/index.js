// Home page: drag-and-drop upload with progress, the stored documents, search and its exports.
rasoat.index = () => {
  const {$, esc, row, status, json, upload, waitJob} = rasoat;
  const percent = (x) => `${Math.round(x * 100)}%`;
  const searchForm = () => new URLSearchParams([...new FormData($("#search"))].filter(([, v]) => v));

  async function send(file) {
    const li = document.createElement("li");
    const say = (text) => { li.innerHTML = `<b>${esc(file.name)}</b>: ${text}`; };
    $("#uploads").append(li);
    const form = new FormData(); form.append("file", file);
    try {
      say('đang tải lên <progress max="1" value="0"></progress>');
      const {body} = await upload("/documents", form, (x) => { li.querySelector("progress").value = x; });
      say('đang phân tích <progress max="1" value="0"></progress>');
      const job = body.status === "done" ? body
        : await waitJob(body.job_id, (j) => { li.querySelector("progress").value = j.progress; say(`đang phân tích ${percent(j.progress)} <progress max="1" value="${j.progress}"></progress>`); });
      if (job.status === "failed") { say(`<span class="error">lỗi: ${esc(job.error.message)}</span>`); return; }
      say(`<a class="done" href="/ui/documents/${job.document_id}">xong${body.duplicate ? " (đã có)" : ""} — xem</a>`);
      list();
    } catch (e) { say(`<span class="error">${esc(e.message)}</span>`); }
  }

  const view = {docs: [], key: "issued_on", dir: -1};
  const SAVED = "rasoat-saved-filters";
  const saved = () => JSON.parse(localStorage.getItem(SAVED) || "[]");

  function showDocs() {
    // Sort by the chosen column, filter by the words typed (diacritics ignored), as in paperless-ngx.
    const words = rasoat.fold($("#doc-filter").elements.filter.value).split(/\s+/).filter(Boolean);
    const text = (d) => rasoat.fold([d.number, d.kind_name, d.issuer, d.title, d.filename].join(" "));
    const docs = view.docs.filter((d) => words.every((w) => text(d).includes(w)))
      .sort((a, b) => view.dir * String(a[view.key] ?? "").localeCompare(String(b[view.key] ?? ""), "vi", {numeric: true}));
    const admin = document.body.dataset.role === "admin";
    $("#documents tbody").innerHTML = docs.map((d) => row([
      `<a href="/ui/documents/${d.id}">${esc(d.number || "(không số)")}</a>`, esc(d.kind_name || rasoat.kindName(d.kind)),
      esc(d.issuer), esc(rasoat.vnDate(d.issued_on)), esc(d.title), d.task_count, esc(d.filename),
      admin ? `<button type="button" class="delete" data-id="${esc(d.id)}">Xóa</button>` : ""])).join("");
    $("#doc-count").textContent = `${docs.length}/${view.docs.length} văn bản`;
    document.querySelectorAll("#documents th.sortable").forEach((th) => {
      th.classList.toggle("sorted-asc", th.dataset.key === view.key && view.dir === 1);
      th.classList.toggle("sorted-desc", th.dataset.key === view.key && view.dir === -1);
    });
  }

  function showSaved() {
    $("#doc-filter").elements.saved.innerHTML = '<option value="">—</option>' + saved().map((f) => `<option>${esc(f)}</option>`).join("");
  }

  async function list(params) {
    try {
      const found = params ? await json(`/search?${params}`) : {documents: await json("/documents?limit=500"), tasks: []};
      view.docs = found.documents;
      showDocs();
      $("#tasks tbody").innerHTML = found.tasks.map((t) => row([
        `<a href="/ui/documents/${t.document_id}">${esc(t.document_number)}</a>`, esc(t.text), esc(t.lead), esc(t.deadline)])).join("");
      status("");
    } catch (e) { status(e.message); }
  }

  document.querySelectorAll("#documents th.sortable").forEach((th) => th.addEventListener("click", () => {
    view.dir = view.key === th.dataset.key ? -view.dir : 1; view.key = th.dataset.key; showDocs();
  }));
  $("#doc-filter").elements.filter.addEventListener("input", showDocs);
  $("#doc-filter").addEventListener("submit", (e) => e.preventDefault());
  $("#doc-filter").elements.saved.addEventListener("change", (e) => { $("#doc-filter").elements.filter.value = e.target.value; showDocs(); });
  $("#save-filter").addEventListener("click", () => {
    const value = $("#doc-filter").elements.filter.value.trim();
    if (value && !saved().includes(value)) localStorage.setItem(SAVED, JSON.stringify([...saved(), value]));
    showSaved();
  });
  $("#documents").addEventListener("click", async (e) => {
    const button = e.target.closest("button.delete");
    if (!button || !confirm("Xóa văn bản này cùng các nhiệm vụ của nó?")) return;
    try { await rasoat.api(`/documents/${button.dataset.id}`, {method: "DELETE"}); list(); } catch (err) { status(err.message); }
  });
  showSaved();

  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); [...e.dataTransfer.files].forEach(send); });
  $("#file").addEventListener("change", (e) => { [...e.target.files].forEach(send); e.target.value = ""; });
  $("#search").addEventListener("submit", (e) => { e.preventDefault(); list(searchForm()); });
  document.querySelectorAll("#search [data-export]").forEach((b) => b.addEventListener("click", () =>
    rasoat.download(`/search/export?${searchForm()}&format=${b.dataset.export}`, `tim-kiem.${b.dataset.export}`)));
  window.addEventListener("rasoat-login", () => list());
  rasoat.ready.then(() => list());
};
