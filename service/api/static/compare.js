// The comparison drawn natively (no frame): a sticky summary, filters by class, one collapsible row
// per lower task with its copied words marked (stop words never), the upper passages it draws on,
// and what it adds as whole spans (owners, deadlines, figures; a cited document's date is no deadline).
rasoat.renderComparison = (box, cmp) => {
  const {esc, kindName, vnDate} = rasoat;
  const CLASSES = {verbatim: "Sao chép nguyên văn", adapted: "Cụ thể hóa", new: "Mới"};
  const ADDED = {owner: "chủ trì", deadline: "thời hạn", figure: "số liệu"};
  // The lexicon of service/lexicons/display.yaml (the same rules as service/compare/shown.py).
  const DISPLAY = rasoat.LEVELS.display || {stop_words: [], time_openers: []};
  const STOP = new Set(DISPLAY.stop_words);
  const TIME = new RegExp(`^(${[...DISPLAY.time_openers].sort((a, b) => b.length - a.length).join("|")})(?![\\p{L}])`, "iu");
  const CITED = /(\d+\s*[-/]\s*[A-ZĐ][\wĐđ-]*\/[A-ZĐ][\wĐđ-]*|số\s+\d+[^,;.]{0,20})\s*,?\s*(ngày|năm)?\s*$/;
  const short = (t) => t.length <= 140 ? t : t.slice(0, t.lastIndexOf(" ", 140)) + " …";   // whole words only
  const ref = (d) => [kindName(d.kind), d.number, d.issuer, d.issued_on && "ngày " + vnDate(d.issued_on)].filter(Boolean).join(" ");

  function marked(text, spans) {
    const keep = spans.filter((s) => text.slice(s.start, s.end).toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => w.length > 1 && !STOP.has(w)));
    let out = "", at = 0;
    for (const s of keep.sort((a, b) => a.start - b.start)) {
      if (s.start < at) continue;
      out += esc(text.slice(at, s.start)) + `<mark>${esc(text.slice(s.start, s.end))}</mark>`; at = s.end;
    }
    return out + esc(text.slice(at));
  }

  function additions(item) {
    return item.local_additions.filter((a) => {
      if (!ADDED[a.kind] || a.text.trim().split(/\s+/).length < 1) return false;
      if (a.kind === "figure" && (!/\d/.test(a.text) || /\d+-[A-ZĐ]+\//.test(a.text))) return false;
      if (a.kind === "deadline" && !TIME.test(a.text.trim())) return false;     // "vào kế hoạch năm 2025" is no deadline
      const at = item.text.indexOf(a.text);
      return !(a.kind === "deadline" && at >= 0 && CITED.test(item.text.slice(Math.max(0, at - 40), at)));
    }).map((a) => `<li><ins>${esc(ADDED[a.kind])}: ${esc(a.text)}</ins></li>`).join("");
  }

  function row(item) {
    const upper = item.upper.map((u) => `<li>${esc(u.task_id)} (giống ${Math.round(u.similarity * 100)}%): ${esc(u.text)}</li>`).join("");
    const added = additions(item);
    return `<details class="cmp-row ${item.class}" data-class="${item.class}"><summary><b>${esc(item.task_id)}</b> · ${CLASSES[item.class]} — ${esc(short(item.text))}</summary>
      <p class="lower">${marked(item.text, item.copied_spans)}</p><p class="why">${esc(item.reason)}</p>
      ${upper ? `<p>Văn bản cấp trên:</p><ul class="upper">${upper}</ul>` : ""}${added ? `<p>Bổ sung ở cấp dưới:</p><ul>${added}</ul>` : ""}</details>`;
  }

  const counts = {verbatim: 0, adapted: 0, new: 0};
  cmp.items.forEach((i) => { counts[i.class] += 1; });
  const left = cmp.uncovered_upper.map((u) => `<li>${esc(u.task_id)}: ${esc(u.text)}</li>`).join("");
  box.innerHTML = `<div class="cmp-summary"><p><b>Cấp dưới:</b> ${esc(ref(cmp.lower))} · <b>Cấp trên:</b> ${esc(ref(cmp.upper))}</p>
    <p>Tỷ lệ sao chép ${Math.round(cmp.copy_ratio * 100)}% lời văn nhiệm vụ · độ bao phủ ${Math.round(cmp.coverage * 100)}% nhiệm vụ cấp trên</p>
    <form class="cmp-filter">${Object.entries(CLASSES).map(([k, v]) => `<label><input type="checkbox" name="${k}" checked> ${v} (${counts[k]})</label>`).join(" ")}
    <button type="button" data-open>Mở tất cả</button> <button type="button" data-shut>Thu gọn</button></form></div>
    <div class="cmp-rows">${cmp.items.map(row).join("")}</div>
    <h2>Nhiệm vụ cấp trên chưa được triển khai (${cmp.uncovered_upper.length})</h2><ul class="uncovered">${left || "<li>Không có.</li>"}</ul>`;
  const form = box.querySelector(".cmp-filter");
  form.addEventListener("change", () => box.querySelectorAll(".cmp-row").forEach((r) => { r.hidden = !form.elements[r.dataset.class].checked; }));
  form.querySelector("[data-open]").onclick = () => box.querySelectorAll(".cmp-row").forEach((r) => { r.open = true; });
  form.querySelector("[data-shut]").onclick = () => box.querySelectorAll(".cmp-row").forEach((r) => { r.open = false; });
};

rasoat.compare = async (lower, upper) => {
  const {$, api, status} = rasoat;
  const body = JSON.stringify({lower_id: lower, upper_id: upper}), headers = {"Content-Type": "application/json"};
  async function load() {
    try {
      rasoat.renderComparison($("#comparison"), await (await api("/compare", {method: "POST", headers, body})).json());
      status("");
    } catch (e) { status(e.message); }
  }
  $("#save-html").addEventListener("click", async () => {
    try {
      const html = await (await api("/compare?format=html", {method: "POST", headers, body})).text();
      rasoat.save(new Blob([html], {type: "text/html"}), `so-sanh-${lower}.html`);
    } catch (e) { status(e.message); }
  });
  window.addEventListener("rasoat-login", load);
  await rasoat.ready;
  load();
};
