// Document page (tasks highlighted, filters, exports, full text) and the side-by-side copy view.
rasoat.document = async (docId) => {
  const {$, esc, fold, row, status, json, paint} = rasoat;
  const name = (b) => b.canonical || b.name;
  const tags = (items, cls) => items.map((x) => `<span class="${cls}">${esc(x)}</span>`).join("; ");
  const spans = (t) => [
    ...t.lead.map((b) => ({start: b.start, end: b.end, cls: "owner"})),
    ...(t.deadline ? [{start: t.deadline.char_start, end: t.deadline.char_end, cls: "deadline"}] : []),
    ...t.targets.map((x) => ({start: x.start, end: x.end, cls: "target"})),
    ...(t.vagueness?.cues || []).map((c) => ({start: c.start, end: c.end, cls: "vague"}))];
  const exportPath = (kind) => kind === "report" ? `/documents/${docId}/report` : `/documents/${docId}/export?format=${kind}`;

  document.querySelectorAll("[data-export]").forEach((b) => b.addEventListener("click", () =>
    rasoat.download(exportPath(b.dataset.export), `nhiem-vu-${docId}.${b.dataset.export === "report" ? "docx" : b.dataset.export}`)));
  $("#compare-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const upper = new FormData(e.target).get("upper");
    if (upper) location.href = `/ui/compare?lower=${encodeURIComponent(docId)}&upper=${encodeURIComponent(upper)}`;
  });

  async function load() {
    let doc;
    try { doc = await json(`/documents/${docId}`); } catch (e) { status(e.message); return; }
    const m = doc.document;
    $("#doc-title").textContent = `${m.number || "(không số)"} — ${m.title || doc.source.name}`;
    $("#doc-meta").textContent = [m.issuer, m.issued_on && "ngày " + m.issued_on, `${doc.tasks.length} nhiệm vụ`,
      doc.vagueness_summary && `điểm chung chung trung bình ${doc.vagueness_summary.score}`].filter(Boolean).join(" · ");
    const render = () => {
      const f = Object.fromEntries(new FormData($("#filters")));
      const rows = doc.tasks.filter((t) =>
        (!f.text || fold(t.text).includes(fold(f.text))) &&
        (!f.owner || t.lead.some((b) => fold(name(b)).includes(fold(f.owner)))) &&
        (!f.vague || (t.vagueness && t.vagueness.score >= 0.45)) &&
        (!f.nodeadline || !t.deadline) && (!f.noowner || !t.lead.length));
      $("#task-count").textContent = `${rows.length}/${doc.tasks.length} nhiệm vụ`;
      $("#task-table tbody").innerHTML = rows.map((t) => row([
        esc(t.id), paint(t.text, t.start, spans(t)), tags(t.lead.map(name), "owner"),
        esc(t.support.map(name).join("; ")), tags(t.deadline ? [t.deadline.text] : [], "deadline"),
        t.vagueness ? `<span class="${t.vagueness.score >= 0.45 ? "score-high" : ""}" title="${esc(t.vagueness.hint)}">${t.vagueness.score}</span>` : ""])).join("");
    };
    $("#filters").oninput = render;
    render();
    $("#fulltext div").innerHTML = paint(doc.text, 0, doc.tasks.flatMap(spans));
    sources();
  }

  async function sources() {
    try {
      const found = await json(`/documents/${docId}/sources`);
      if (found.length) $("#compare-form select").innerHTML = found.map((d) =>
        `<option value="${esc(d.id)}">${esc(d.number || d.filename)} — ${esc(d.title || "")} (${esc(d.reason || d.score)})</option>`).join("");
    } catch (e) { status(e.message); }
  }

  window.addEventListener("rasoat-login", load);
  await rasoat.ready;
  load();
};

rasoat.compare = async (lower, upper) => {
  let html = "";
  async function load() {
    try {
      const response = await rasoat.api("/compare?format=html", {method: "POST",
        headers: {"Content-Type": "application/json"}, body: JSON.stringify({lower_id: lower, upper_id: upper})});
      html = await response.text();
      rasoat.showComparison(rasoat.$("#comparison"), html);
      rasoat.status("");
    } catch (e) { rasoat.status(e.message); }
  }
  rasoat.$("#save-html").addEventListener("click", () => html && rasoat.save(new Blob([html], {type: "text/html"}), `so-sanh-${lower}.html`));
  window.addEventListener("rasoat-login", load);
  await rasoat.ready;
  load();
};
