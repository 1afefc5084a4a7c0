// Document page: metadata, levels and what is missing (counts that filter the table), tasks
// highlighted with their level and fix hint, exports, the chosen upper document and the full text.
// Corrections (corrections.js) hook into each row's "Hiệu chỉnh" button.
rasoat.document = async (docId) => {
  const {$, esc, fold, row, status, json, paint, vnDate, kindName, missingName, level, levelTag} = rasoat;
  const name = (b) => b.canonical || b.name;
  const tags = (items, cls) => items.map((x) => `<span class="${cls}">${esc(x)}</span>`).join("; ");
  const spans = (t) => [
    ...t.lead.map((b) => ({start: b.start, end: b.end, cls: "owner"})),
    ...(t.deadline ? [{start: t.deadline.char_start, end: t.deadline.char_end, cls: "deadline"}] : []),
    ...t.targets.map((x) => ({start: x.start, end: x.end, cls: "target"})),
    ...(t.vagueness?.cues || []).map((c) => ({start: c.start, end: c.end, cls: "vague"}))];
  const EXPORTS = {report: `/documents/${docId}/report`, "report-pdf": `/documents/${docId}/report?format=pdf`,
    gold: `/documents/${docId}/gold`};
  const exportPath = (kind) => EXPORTS[kind] || `/documents/${docId}/export?format=${kind}`;
  const page = {doc: null, corrected: {}};

  document.querySelectorAll("[data-export]").forEach((b) => b.addEventListener("click", () => {
    const kind = b.dataset.export, ext = {report: "docx", "report-pdf": "pdf", gold: "json"}[kind] || kind;
    rasoat.download(exportPath(kind), `van-ban-${docId}.${ext}`);
  }));
  $("#compare-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const upper = new FormData(e.target).get("upper");
    if (upper) location.href = `/ui/compare?lower=${encodeURIComponent(docId)}&upper=${encodeURIComponent(upper)}`;
  });

  function taskCell(t) {
    const hint = t.vagueness?.hint ? `<p class="hint">Gợi ý sửa: ${esc(t.vagueness.hint)}</p>` : "";
    const mark = page.corrected[t.id] ? `<p class="corrected">✎ ${esc(page.corrected[t.id])}</p>` : "";
    return paint(t.text, t.start, spans(t)) + hint + mark;
  }

  function missingCounts(doc) {
    const counts = doc.vagueness_summary?.missing_counts || {};
    const filters = {owner: "noowner", deadline: "nodeadline"};
    return ["owner", "deadline", "target", "output", "budget"].map((part) => {
      const n = counts[part] || 0, text = `Thiếu ${missingName(part)}: ${n}/${doc.tasks.length} nhiệm vụ`;
      return `<li>${filters[part] && n ? `<a href="#task-table" data-filter="${filters[part]}">${text}</a>` : text}</li>`;
    }).join("");
  }

  function header(doc) {
    const m = doc.document;
    $("#doc-number").textContent = [kindName(m.kind), m.number ? `số ${m.number}` : "(không số)"].join(" ");
    $("#doc-title").textContent = m.title || doc.source.name;
    $("#doc-meta").textContent = [m.issuer, m.issued_on && "ngày " + vnDate(m.issued_on), `${doc.tasks.length} nhiệm vụ`].filter(Boolean).join(" · ");
    const d = doc.vagueness_summary?.distribution || {};
    $("#levels").innerHTML = `Mức cụ thể của nhiệm vụ: <span class="level level-specific">cụ thể ${d.specific || 0}</span> · `
      + `<span class="level level-mixed">cần làm rõ ${d.mixed || 0}</span> · <span class="level level-vague">chung chung ${d.vague || 0}</span>`;
    $("#missing-counts").innerHTML = missingCounts(doc);
    const form = $("#meta-form");
    for (const field of ["number", "issuer", "title"]) form.elements[field].value = m[field] || "";
    form.elements.kind.value = m.kind; form.elements.issued_on.value = vnDate(m.issued_on);
  }

  function render() {
    const doc = page.doc, f = Object.fromEntries(new FormData($("#filters")));
    const rows = doc.tasks.filter((t) =>
      (!f.text || fold(t.text).includes(fold(f.text))) &&
      (!f.owner || t.lead.some((b) => fold(name(b)).includes(fold(f.owner)))) &&
      (!f.vague || level(t.vagueness?.score)?.band === "vague") &&
      (!f.nodeadline || !t.deadline) && (!f.noowner || !t.lead.length));
    $("#task-count").textContent = `Đang hiện ${rows.length} trên ${doc.tasks.length} nhiệm vụ`;
    $("#task-table tbody").innerHTML = rows.map((t) => row([
      esc(t.id), taskCell(t), tags(t.lead.map(name), "owner"), esc(t.support.map(name).join("; ")),
      tags(t.deadline ? [t.deadline.text] : [], "deadline"), levelTag(t.vagueness),
      `<button type="button" class="edit" data-task="${esc(t.id)}">Hiệu chỉnh</button>`]).replace("<tr>", `<tr data-task="${esc(t.id)}">`)).join("");
  }

  async function load() {
    try {
      page.doc = await json(`/documents/${docId}`);
      const made = await json(`/documents/${docId}/corrections`);
      page.corrected = Object.fromEntries(made.filter((c) => c.task_id).map((c) =>
        [c.task_id, `đã hiệu chỉnh bởi ${c.actor}, ${vnDate(c.at)} ${c.at.slice(11, 16)}`]));
    } catch (e) { status(e.message); return; }
    header(page.doc);
    render();
    $("#fulltext div").innerHTML = paint(page.doc.text, 0, page.doc.tasks.flatMap(spans));
    sources();
  }

  async function sources() {
    try {
      const found = await json(`/documents/${docId}/sources`);
      if (!found.length) return;
      $("#compare-form select").innerHTML = found.map((d) =>
        `<option value="${esc(d.id)}">${esc(d.number || d.filename)} — ${esc(kindName(d.kind))} ${esc(d.issuer || "")}</option>`).join("");
      $("#upper-why").textContent = `Đề xuất: ${found[0].number || found[0].filename} vì ${found[0].reason}.`;
    } catch (e) { status(e.message); }
  }

  $("#filters").oninput = () => page.doc && render();
  $("#missing-counts").addEventListener("click", (e) => {
    const link = e.target.closest("[data-filter]");
    if (!link) return;
    $("#filters").elements[link.dataset.filter].checked = true; render();
  });
  rasoat.reloadDocument = load;
  window.addEventListener("rasoat-login", load);
  await rasoat.ready;
  load();
};
