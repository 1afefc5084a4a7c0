"""Self-contained side-by-side HTML report: each lower task beside its upper counterpart, copied
words highlighted (<mark>), local additions marked (<ins>), upper tasks left out listed.
No external URL: the style sheet is inline."""
from __future__ import annotations

from html import escape

from ..report import KIND_NAMES
from .shown import content_spans, shown_additions
from .model import Comparison, DocRef, Item, Span

CSS = """
body{font-family:"Times New Roman",serif;margin:1.5em;color:#222}
h1{font-size:1.3em} table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
th{background:#f3f3f3} mark{background:#ffd6d6} ins{background:#d8f5d8;text-decoration:none}
.verbatim{color:#b00020;font-weight:bold}.adapted{color:#946200;font-weight:bold}
.new{color:#17732d;font-weight:bold} .meta{color:#555} .sim{color:#777;font-size:.85em}
.why{color:#444;font-style:italic;margin:.3em 0}
"""
LABELS = {"verbatim": "sao chép nguyên văn", "adapted": "cụ thể hóa", "new": "nhiệm vụ mới"}
ADDITION_LABELS = {"owner": "chủ trì", "figure": "số liệu", "deadline": "thời hạn"}


def marked(text: str, spans: list[Span], tag: str = "mark") -> str:
    """`text` escaped, with each span wrapped in <tag>."""
    out, last = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start < last:
            continue
        out += [escape(text[last:span.start]), f"<{tag}>", escape(text[span.start:span.end]), f"</{tag}>"]
        last = span.end
    out.append(escape(text[last:]))
    return "".join(out)


def _ref(ref: DocRef) -> str:
    date = ref.issued_on.strftime("%d/%m/%Y") if ref.issued_on else ""
    kind = KIND_NAMES.get(ref.kind or "", ref.kind)
    return escape(" ".join(p for p in (kind, ref.number, ref.issuer, date) if p))


def _lower_cell(item: Item) -> str:
    """Copied words marked; for adapted and new tasks, the uncopied words marked as local."""
    copied = content_spans(item.text, item.copied_spans)
    if item.class_ == "verbatim":
        return marked(item.text, copied)
    gaps, last = [], 0
    for span in sorted(item.copied_spans, key=lambda s: s.start):
        if span.start > last and item.text[last:span.start].strip(" ,.;:"):
            gaps.append(Span(start=last, end=span.start))
        last = max(last, span.end)
    if item.text[last:].strip(" ,.;:"):
        gaps.append(Span(start=last, end=len(item.text)))
    tagged = [(s, "mark") for s in copied] + [(s, "ins") for s in gaps]
    out, last = [], 0
    for span, tag in sorted(tagged, key=lambda x: x[0].start):
        out += [escape(item.text[last:span.start]), f"<{tag}>", escape(item.text[span.start:span.end]),
                f"</{tag}>"]
        last = span.end
    out.append(escape(item.text[last:]))
    return "".join(out)


def _upper_cell(item: Item) -> str:
    if not item.upper:
        return "<em>(không có nhiệm vụ tương ứng ở cấp trên)</em>"
    return "<hr>".join(f'<div class="sim">{escape(m.task_id)} · giống {m.similarity:.0%}</div>'
                       f"{marked(m.text, m.copied_spans)}" for m in item.upper)


def _additions(item: Item) -> str:
    rows = [f"<li><b>{escape(ADDITION_LABELS.get(a.kind, a.kind))}</b>: <ins>{escape(a.text)}</ins></li>"
            for a in shown_additions(item)]
    rows += [f"<li><b>chỉ tiêu giữ nguyên của cấp trên</b>: {escape(t.text)}</li>" for t in item.copied_targets]
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def render_html(result: Comparison) -> str:
    """The whole report as one HTML page."""
    counts = result.counts()
    signals = "từ ngữ và ngữ nghĩa (mô hình câu)" if result.method.semantic \
        else "so khớp từ ngữ"
    rows = "".join(
        f'<tr><td>{escape(i.task_id)}</td><td class="{i.class_}">{LABELS[i.class_]}</td>'
        f'<td>{_lower_cell(i)}<p class="why">{escape(i.reason)}</p>{_additions(i)}</td>'
        f"<td>{_upper_cell(i)}</td></tr>" for i in result.items)
    left_out = "".join(f"<li>{escape(t.task_id)}: {escape(t.text)}</li>" for t in result.uncovered_upper)
    notes = "".join(f"<li>{escape(n)}</li>" for n in result.notes)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>So sánh kế hoạch với chương trình cấp trên</title>
<style>{CSS}</style></head><body>
<h1>So sánh nhiệm vụ cấp dưới với cấp trên</h1>
<p class="meta">Cấp dưới: {_ref(result.lower)}<br>Cấp trên: {_ref(result.upper)}<br>
Tỷ lệ sao chép: <b>{result.copy_ratio:.0%}</b> ·
Độ bao phủ: <b>{result.coverage:.0%}</b> ·
sao chép {counts['verbatim']}, cụ thể hóa {counts['adapted']}, mới {counts['new']} · phương pháp: {signals}</p>
<ul class="meta">{notes}</ul>
<p class="meta"><mark>chữ chép từ cấp trên</mark> · <ins>nội dung bổ sung của cấp dưới</ins></p>
<table><tr><th>#</th><th>Loại</th><th>Nhiệm vụ cấp dưới</th><th>Nhiệm vụ cấp trên tương ứng</th></tr>
{rows}</table>
<h2>Nhiệm vụ cấp trên chưa được triển khai ({len(result.uncovered_upper)})</h2>
<ul>{left_out}</ul>
</body></html>
"""
