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
      if (job.status === "failed") { say(`<span class="error">lỗi ${esc(job.error.code)} — ${esc(job.error.message)}</span>`); return; }
      say(`<a class="done" href="/ui/documents/${job.document_id}">xong${body.duplicate ? " (đã có)" : ""} — xem</a>`);
      list();
    } catch (e) { say(`<span class="error">${esc(e.message)}</span>`); }
  }

  async function list(params) {
    try {
      const found = params ? await json(`/search?${params}`) : {documents: await json("/documents"), tasks: []};
      $("#documents tbody").innerHTML = found.documents.map((d) => row([
        `<a href="/ui/documents/${d.id}">${esc(d.number || "(không số)")}</a>`, esc(d.kind), esc(d.issuer),
        esc(d.issued_on), d.task_count, esc(d.filename)])).join("");
      $("#tasks tbody").innerHTML = found.tasks.map((t) => row([
        `<a href="/ui/documents/${t.document_id}">${esc(t.document_number)}</a>`, esc(t.text), esc(t.lead), esc(t.deadline)])).join("");
      status("");
    } catch (e) { status(e.message); }
  }

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
