// Draft check: upload a draft, choose or upload its upper document, read tasks, vagueness,
// what is missing and the side-by-side copy comparison (POST /v1/check-draft).
rasoat.check = () => {
  const {$, esc, row, status, json, upload, waitJob, paintWords, kindName, missingName, vnDate, levelTag} = rasoat;
  const words = (t) => [...t.lead.map((w) => ({word: w, cls: "owner"})), {word: t.deadline?.text, cls: "deadline"},
    ...t.targets.map((w) => ({word: w, cls: "target"})), ...(t.vagueness?.cues || []).map((c) => ({word: c.text, cls: "vague"}))];

  async function uppers() {
    try {
      const docs = await json("/documents?limit=200");
      $("#upper-id").innerHTML = '<option value="">Tự tìm theo căn cứ ban hành của dự thảo</option>' + docs.map((d) =>
        `<option value="${esc(d.id)}">${esc(d.number || d.filename)} — ${esc(kindName(d.kind))} ${esc(d.issuer || "")}</option>`).join("");
    } catch (e) { status(e.message); }
  }

  function missingList(result) {
    const m = result.missing, items = [];
    for (const field of ["owner", "deadline", "target"]) {
      const links = m[field].map((id) => `<a href="#task-${esc(id)}">${esc(id)}</a>`).join(", ");
      if (m[field].length) items.push(`<details><summary>Thiếu ${missingName(field)}: ${m[field].length}/${result.tasks.length} nhiệm vụ</summary>${links}</details>`);
    }
    if (m.upper_not_covered?.length) items.push(`<details><summary>Nhiệm vụ cấp trên chưa được triển khai: `
      + `${m.upper_not_covered.length}</summary><ul>${m.upper_not_covered.map((u) => `<li>${esc(u.task_id)}: ${esc(u.text)}</li>`).join("")}</ul></details>`);
    return items.map((i) => `<li>${i}</li>`).join("") || "<li>Không thiếu nội dung nào.</li>";
  }

  async function show(result, jobId) {
    const d = result.document;
    $("#draft-title").textContent = [d.number || "Dự thảo", d.title].filter(Boolean).join(" — ");
    $("#draft-meta").textContent = [kindName(d.kind), d.issuer, d.issued_on && "ngày " + vnDate(d.issued_on),
      `${result.tasks.length} nhiệm vụ`].filter(Boolean).join(" · ");
    const dist = result.vagueness_summary?.distribution || {};
    $("#levels").innerHTML = `Mức cụ thể của nhiệm vụ: <span class="level level-specific">cụ thể ${dist.specific || 0}</span> · `
      + `<span class="level level-mixed">cần làm rõ ${dist.mixed || 0}</span> · <span class="level level-vague">chung chung ${dist.vague || 0}</span>`;
    const c = result.upper_choice;
    $("#upper-choice").textContent = !c ? "" : c.how === "none" ? `Không so sánh với văn bản cấp trên: ${c.reason}.`
      : `Văn bản cấp trên dùng để so sánh: ${[kindName(c.kind), c.number, c.issuer, c.issued_on && "ngày " + vnDate(c.issued_on)].filter(Boolean).join(" ")} — lý do: ${c.reason}.`;
    $("#missing").innerHTML = missingList(result);
    $("#draft-tasks tbody").innerHTML = result.tasks.map((t) => row([esc(t.id), paintWords(t.text, words(t)),
      esc(t.lead.join("; ")), esc(t.deadline?.text), levelTag(t.vagueness),
      esc(t.missing.map(missingName).join(", ")), t.vagueness?.hint ? `<p class="hint">${esc(t.vagueness.hint)}</p>` : ""])
      .replace("<tr>", `<tr id="task-${esc(t.id)}">`)).join("");
    $("#result").hidden = false;
    $("#no-upper").hidden = !!result.comparison;
    $("#comparison").hidden = true;
    if (result.comparison) { rasoat.renderComparison($("#comparison"), result.comparison); $("#comparison").hidden = false; }
  }

  async function submit(e) {
    e.preventDefault();
    const form = new FormData(e.target), bar = $("#check-progress");
    if (!form.get("upper_id")) form.delete("upper_id");
    if (!form.get("upper")?.name) form.delete("upper");
    bar.hidden = false; bar.removeAttribute("value"); $("#check-submit").disabled = true; status("Đang kiểm tra dự thảo…");
    try {
      let {body} = await upload("/check-draft", form, (x) => { bar.value = x; });
      if (!body.schema) {
        const job = await waitJob(body.job_id, (j) => { bar.value = j.progress; });
        if (job.status === "failed") throw new Error(job.error.message);
        body = {...job.result, job_id: job.id};
      }
      await show(body, body.job_id);
      status("");
    } catch (err) { status(err.message); }
    finally { bar.hidden = true; $("#check-submit").disabled = false; }
  }

  $("#check").addEventListener("submit", submit);
  document.querySelectorAll(".chosen").forEach((span) => $("#" + span.dataset.for).addEventListener("change", (e) => {
    span.textContent = e.target.files[0]?.name || "chưa chọn tệp";
  }));
  window.addEventListener("rasoat-login", uppers);
  rasoat.ready.then(uppers);
};
