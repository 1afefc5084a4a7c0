// rasoat web UI, shared part: logging in (the API key goes to an HttpOnly session cookie that this
// script never reads), API calls, uploads with progress, job polling, highlighting, downloads and the
// side-by-side comparison frame. Every call sends X-Rasoat-UI: 1, which the server wants with the cookie.
const rasoat = (() => {
  const $ = (sel) => document.querySelector(sel);
  const UI = {"X-Rasoat-UI": "1"};
  const keyInput = $("#api-key");
  const status = (text) => { $("#status").textContent = text; };
  const esc = (s) => String(s ?? "").replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]));
  const fold = (s) => String(s ?? "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const row = (cells) => "<tr>" + cells.map((c) => `<td>${c}</td>`).join("") + "</tr>";
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const ROLES = {admin: "quản trị", reviewer: "thẩm định", reader: "chỉ xem"};
  const LEVELS = JSON.parse(document.body.dataset.levels || "{}");
  const vnDate = (iso) => iso ? iso.slice(0, 10).split("-").reverse().join("/") : "";
  const kindName = (code) => (LEVELS.kinds || {})[code] || code || "";
  const missingName = (part) => (LEVELS.missing || {})[part] || part;
  function level(score) {
    // The Vietnamese level of a vagueness score: {band, name} (cụ thể / cần làm rõ / chung chung).
    if (score === null || score === undefined) return null;
    const band = score < LEVELS.specific_below ? "specific" : score < LEVELS.vague_from ? "mixed" : "vague";
    return {band, name: LEVELS.names[band]};
  }
  const levelTag = (v) => { const l = v && level(v.score); return l ? `<span class="level level-${l.band}">${l.name}</span>` : ""; };

  function explain(code, body) {
    if (code === 401) return "Chưa đăng nhập hoặc khóa API không đúng: nhập khóa ở góc trên.";
    if (code === 403) return "Khóa API này không đủ quyền cho thao tác (cần quyền người thẩm định hoặc quản trị).";
    return body.error ? body.error.message : `Lỗi máy chủ (mã ${code})`;
  }

  async function api(path, options = {}) {
    const response = await fetch("/v1" + path, {...options, credentials: "same-origin", headers: {...UI, ...(options.headers || {})}});
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      keyInput.classList.toggle("invalid", response.status === 401);
      throw new Error(explain(response.status, body));
    }
    return response;
  }
  const json = async (path, options) => (await api(path, options)).json();

  function upload(path, form, onProgress) {
    // XMLHttpRequest rather than fetch: it reports the upload's progress.
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/v1" + path);
      xhr.setRequestHeader("X-Rasoat-UI", "1");
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(new Error("Không kết nối được máy chủ"));
      xhr.onload = () => {
        const body = JSON.parse(xhr.responseText || "{}");
        if (xhr.status < 300) resolve({status: xhr.status, body});
        else { keyInput.classList.toggle("invalid", xhr.status === 401); reject(new Error(explain(xhr.status, body))); }
      };
      xhr.send(form);
    });
  }

  async function waitJob(id, onProgress) {
    for (;;) {
      const job = await json(`/jobs/${id}`);
      if (job.status === "done" || job.status === "failed") return job;
      onProgress(job);
      await sleep(400);
    }
  }

  async function session(method, body) {
    const response = await fetch("/ui/session", {method, credentials: "same-origin",
      headers: {...UI, "Content-Type": "application/json"}, body: body && JSON.stringify(body)});
    if (!response.ok && response.status !== 204) {
      const data = await response.json().catch(() => ({}));
      throw new Error(explain(response.status, data));
    }
  }

  async function whoami(quiet) {
    try {
      const me = await json("/me");
      $("#whoami").textContent = `${me.name} (${ROLES[me.role] || me.role})`;
      document.body.dataset.role = me.role;
      keyInput.classList.remove("invalid"); status("");
      return me;
    } catch (e) {
      $("#whoami").textContent = "chưa đăng nhập";
      if (!quiet) status(e.message);
      return null;
    }
  }

  async function login() {
    const key = keyInput.value.trim();
    keyInput.value = "";                       // the key lives only in the HttpOnly cookie now
    if (!key) return whoami(false);
    try { await session("POST", {key}); } catch (e) {
      keyInput.classList.add("invalid"); $("#whoami").textContent = ""; status(e.message); return null;
    }
    return whoami(false);
  }

  async function logout() {
    await session("DELETE").catch(() => null);
    return whoami(true);
  }

  function paint(text, offset, spans) {
    // `spans` index the document text; `text` starts at `offset` in it. Later spans win.
    const marks = new Array(text.length).fill("");
    for (const {start, end, cls} of spans) {
      for (let i = Math.max(0, start - offset); i < Math.min(text.length, end - offset); i++) marks[i] = cls;
    }
    let html = "", i = 0;
    while (i < marks.length) {
      let j = i; while (j < marks.length && marks[j] === marks[i]) j++;
      const part = esc(text.slice(i, j));
      html += marks[i] ? `<span class="${marks[i]}">${part}</span>` : part;
      i = j;
    }
    return html;
  }

  function paintWords(text, words) {
    // Highlight by finding each phrase in `text` (for results that carry no offsets).
    const spans = [];
    for (const {word, cls} of words) {
      const at = word ? text.indexOf(word) : -1;
      if (at >= 0) spans.push({start: at, end: at + word.length, cls});
    }
    return paint(text, 0, spans);
  }

  async function download(path, fallbackName) {
    try {
      const response = await api(path);
      const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "")?.[1] || fallbackName;
      save(await response.blob(), name);
    } catch (e) { status(e.message); }
  }

  function save(blob, name) {
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  function showComparison(frame, html) {
    // The comparison is report_html's self-contained page, shown in a script-less frame.
    frame.onload = () => { frame.style.height = frame.contentDocument.documentElement.scrollHeight + 20 + "px"; };
    frame.srcdoc = html; frame.hidden = false;
  }

  $("#login").addEventListener("submit", (e) => { e.preventDefault(); login().then(() => window.dispatchEvent(new Event("rasoat-login"))); });
  $("#logout").addEventListener("click", () => { logout(); });
  const ready = whoami(true);

  return {$, esc, fold, row, status, api, json, upload, waitJob, paint, paintWords, download, save, showComparison, ready,
    vnDate, kindName, missingName, level, levelTag, LEVELS};
})();
