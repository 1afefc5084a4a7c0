// Deadline calendar: tasks by month (dd/mm/yyyy), overdue ones marked, and the overdue view per owner.
rasoat.calendar = () => {
  const {$, esc, row, status, json, vnDate} = rasoat;
  const line = (t) => row([esc(vnDate(t.deadline_end)), `<a href="/ui/documents/${esc(t.document_id)}">${esc(t.document_number || "(không số)")}</a>`,
    esc(t.text), esc(t.lead), t.overdue ? '<span class="overdue">quá hạn</span>' : ""]);
  const table = (tasks) => `<table><thead><tr><th>Hạn cuối</th><th>Văn bản</th><th>Nhiệm vụ</th><th>Chủ trì</th><th></th></tr></thead><tbody>${tasks.map(line).join("")}</tbody></table>`;

  async function load() {
    const typed = $("#calendar-form").elements.as_of.value.trim().split("/");       // dd/mm/yyyy
    const asOf = typed.length === 3 ? `${typed[2]}-${typed[1].padStart(2, "0")}-${typed[0].padStart(2, "0")}` : "";
    try {
      const cal = await json(`/calendar${asOf ? `?as_of=${asOf}` : ""}`);
      const owners = Object.entries(cal.overdue);
      $("#overdue").innerHTML = owners.length ? owners.map(([owner, tasks]) =>
        `<details class="owner-overdue"><summary>${esc(owner)}: ${tasks.length} nhiệm vụ quá hạn</summary>${table(tasks)}</details>`).join("")
        : `<p>Không có nhiệm vụ quá hạn tính đến ngày ${esc(vnDate(cal.as_of))}.</p>`;
      $("#months").innerHTML = Object.entries(cal.months).map(([month, tasks]) =>
        `<h3>Tháng ${esc(month.slice(5))}/${esc(month.slice(0, 4))} (${tasks.length})</h3>${table(tasks)}`).join("") || "<p>Chưa có nhiệm vụ nào có thời hạn.</p>";
      status("");
    } catch (e) { status(e.message); }
  }
  $("#calendar-form").addEventListener("submit", (e) => { e.preventDefault(); load(); });
  window.addEventListener("rasoat-login", load);
  rasoat.ready.then(load);
};
