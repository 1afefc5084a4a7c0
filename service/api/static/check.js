// Draft check: upload a draft, choose or upload its upper document, read tasks, vagueness,
// what is missing and the side-by-side copy comparison (POST /v1/check-draft).
rasoat.check = () => {
  const {$, esc, row, status, json, upload, waitJob, paintWords} = rasoat;
  const MISSING = {owner: "chủ trì", deadline: "thời hạn", target: "chỉ tiêu", output: "sản phẩm", budget: "kinh phí"};
  const words = (t) => [...t.lead.map((w) => ({word: w, cls: "owner"})), {word: t.deadline?.text, cls: "deadline"},
    ...t.targets.map((w) => ({word: w, cls: "target"})), ...(t.vagueness?.cues || []).map((c) => ({word: c.text, cls: "vague"}))];

  async function uppers() {
    try {
      const docs = await json("/documents?limit=200");
      $("#upper-id").innerHTML = '<option value="">Tự tìm theo căn cứ ban hành của dự thảo</option>' + docs.map((d) =>
        `<option value="${esc(d.id)}">${esc(d.number || d.filename)} — ${esc(d.title || d.issuer || "")}</option>`).join("");
    } catch (e) { status(e.message); }
  }

  function missingList(result) {
    const m = result.missing, items = [];
    for (const field of ["owner", "deadline", "target"]) {
      if (m[field].length) items.push(`Thiếu ${MISSING[field]}: ${m[field].length} nhiệm vụ (${esc(m[field].join(", "))})`);
    }
    if (m.upper_not_covered?.length) items.push(`<details><summary>Nhiệm vụ cấp trên chưa được triển khai: `
      + `${m.upper_not_covered.length}</summary><ul>${m.upper_not_covered.map((u) => `<li>${esc(u.task_id)}: ${esc(u.text)}</li>`).join("")}</ul></details>`);
    return items.map((i) => `<li>${i}</li>`).join("") || "<li>Không thiếu nội dung nào.</li>";
  }

  async function show(result, jobId) {
    const d = result.document;
    $("#draft-title").textContent = [d.number || "Dự thảo", d.title].filter(Boolean).join(" — ");
    $("#draft-meta").textContent = [d.issuer, `${result.tasks.length} nhiệm vụ`,
      result.vagueness_summary && `điểm chung chung trung bình ${result.vagueness_summary.score}`].filter(Boolean).join(" · ");
    $("#missing").innerHTML = missingList(result);
    $("#draft-tasks tbody").innerHTML = result.tasks.map((t) => row([esc(t.id), paintWords(t.text, words(t)),
      esc(t.lead.join("; ")), esc(t.deadline?.text),
      t.vagueness ? `<span class="${t.vagueness.score >= 0.45 ? "score-high" : ""}">${t.vagueness.score}</span>` : "",
      esc(t.missing.map((x) => MISSING[x] || x).join(", ")), esc(t.vagueness?.hint)])).join("");
    $("#result").hidden = false;
    $("#no-upper").hidden = !!result.comparison;
    $("#comparison").hidden = true;
    if (result.comparison) rasoat.showComparison($("#comparison"), await (await rasoat.api(`/jobs/${jobId}/comparison`)).text());
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
        if (job.status === "failed") throw new Error(`${job.error.code}: ${job.error.message}`);
        body = {...job.result, job_id: job.id};
      }
      await show(body, body.job_id);
      status("");
    } catch (err) { status(err.message); }
    finally { bar.hidden = true; $("#check-submit").disabled = false; }
  }

  $("#check").addEventListener("submit", submit);
  window.addEventListener("rasoat-login", uppers);
  rasoat.ready.then(uppers);
};
