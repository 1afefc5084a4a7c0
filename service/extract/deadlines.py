"""Deadlines (thời hạn): the time limit of a task item, or a deadline table cell, normalised.

Words come from service/lexicons/deadlines.yaml. In running text a time expression counts only
with a deadline cue (trước, chậm nhất, trong, hoàn thành…, or a completion verb before "vào/đến");
horizons (tầm nhìn, thời kỳ…), aims (mục tiêu…) and cited documents' dates are left out.
A table cell (`parse_deadline`) is read as a deadline as it stands.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from service.document import Deadline
from service.lexicons import alternation, load
from service.text import YEAR, cites_number

NUM = r"\d{1,2}(?!\d)"
SENTENCE_END = re.compile(r"[.;:\n](?!\d)")
_HOUR = re.compile(r"\s\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?\s*,?\s*$", re.I)
CLAUSE_END = re.compile(r"[.,;:\n(](?!\d)")
RHYTHM_REACH = 80        # characters between a rhythm and a day without a year that it makes recur
RHYTHM_JOIN = r"\s*(?:,|và|hoặc)\s*"     # between rhythms listed together ("6 tháng, hằng năm")


@dataclass(frozen=True)
class Hit:
    """A time expression, recurrence word or assembled deadline at text[a:b]."""

    a: int
    b: int
    kind: str
    start: date | None = None
    end: date | None = None
    yearless: bool = False
    recurrence: str | None = None
    relative: bool = False                  # its year is relative ("năm sau"): it recurs with a rhythm
    cued: bool = False                      # carries its own cue: "từ … đến …", a duration


def _alt(words) -> str:
    """A regex alternation of `words`, longest first, a space matching any run of spaces."""
    return "(?:" + alternation(words) + ")"


def _key(s: str) -> str:
    return " ".join(s.lower().split())


@cache
def _lex() -> dict:
    return load("deadlines")


@cache
def _rx(name: str, anchored: str = "") -> re.Pattern:
    """A compiled alternation of the cue list `name` ('' | 'end': anchored at the end | 'next': after optional
    spaces, to `match` right after a position)."""
    words = _lex()["cues"][name] if name in _lex()["cues"] else _lex()["recurrence"][name]
    body = rf"(?<!\w){_alt(words)}(?!\w)"
    return re.compile((r"\s*" if anchored == "next" else "") + body + (r"\s*$" if anchored == "end" else ""), re.I)


def ends_on_recurrence(text: str) -> bool:
    """The text ends on a rhythm ("… định kỳ hằng năm", "… hằng quý"): one of `recurrence.rhythm_order`'s lists."""
    return any(_rx(rhythm, "end").search(text) for rhythm in _lex()["recurrence"]["rhythm_order"])


def holds_event(text: str) -> bool:
    """An event held in `text` ("tổ chức", "phát động" … of the `events` cues) as a verb, not the noun "các tổ
    chức"."""
    return bool(_event_verb().search(text))


@cache
def _event_verb() -> re.Pattern:
    return re.compile(rf"(?<!các )(?<!những )(?<!mọi ){_rx('events').pattern}", re.I)


@cache
def _patterns() -> list[tuple[str, re.Pattern]]:
    """(kind, regex) for every time expression, assembled from the lexicon."""
    lx, w = _lex(), _lex()["words"]
    day, month, quarter, year = (_alt(w[k]) for k in ("day", "month", "quarter", "year"))
    rel, join = _alt(lx["relative_years"]), _alt(w["list_joiners"])
    q = rf"(?:{_alt(lx['roman'])}|[1-4])(?!\w)"
    tail = rf"(?:\s*[/,.\-]?\s*(?:{year}\s+)?(?P<y>{YEAR})|\s+{year}\s+(?P<rel>{rel})(?!\w))"
    monthly = _alt(lx["recurrence"]["monthly"])
    kinds = {
        "date": rf"(?:{day}\s+)?(?P<d>{NUM})\s*(?P<s>[/.\-])\s*(?P<m>{NUM})\s*(?P=s)\s*(?P<y>{YEAR})",
        "date_words": rf"{day}\s+(?P<d>{NUM})\s+{month}\s+(?P<m>{NUM})"
                      rf"(?:\s*,?\s*{year}\s+(?:(?P<y>{YEAR})|(?P<rel>{rel})(?!\w)))?",
        "date_words_bare": rf"(?P<d>{NUM})\s+{month}\s+(?P<m>{NUM})\s*,?\s*{year}\s+(?P<y>{YEAR})",
        "day_month": rf"(?P<day>{day}\s+)?(?P<d>{NUM})/(?P<m>{NUM})(?![/\d])",
        "day_only": rf"{day}\s+(?P<d>{NUM})(?=\s+(?:của\s+)?{monthly})",
        "month": rf"{month}\s+(?P<ms>{NUM}(?:\s*{join}\s*(?:{month}\s+)?{NUM})*){tail}?",
        "quarter": rf"(?:(?P<qpart>{_alt(lx['quarter_parts'])})\s+)?{quarter}\s+"
                   rf"(?P<qs>{q}(?:\s*{join}\s*(?:{quarter}\s+)?{q})*){tail}?",
        "part": rf"(?P<part>{_alt(lx['parts_of_year'])})(?:\s+(?P<y>{YEAR})|\s+(?P<rel>{rel})(?!\w))?",
        "range": rf"(?:{_alt(w['period'])}\s+)?(?:(?P<from>{_alt(w['range_from'])})\s+)?(?:{year}\s+)?"
                 rf"(?P<y1>{YEAR})\s*{_alt(w['range_dashes'] + w['range_words'])}\s*(?:{year}\s+)?(?P<y2>{YEAR})",
        "year": rf"{year}\s+(?:(?P<y>{YEAR})|(?P<rel>{rel})(?!\w))",
        "bare_year": rf"(?P<y>{YEAR})",
        "duration": rf"{_alt(lx['duration_lead'])}\s+\d+\s+{_alt(lx['duration_units'])}"
                    rf"(?!\s+{_alt(lx['duration_not_before'])}(?!\w))",
    }
    out = [(k, re.compile(rf"(?<![\w/.\-]){p}(?![\w/])", re.I)) for k, p in kinds.items()]
    for rec in ("yearly", "half_yearly", "quarterly", "monthly", "continuous", "on_demand"):
        out.append((f"rec:{rec}", _rx(rec)))
    return out + [("report", _report_rhythm())]


@cache
def _rhythm_words() -> dict[str, str]:
    """Rhythm word of a report → its recurrence ("6 tháng" → half_yearly)."""
    return {_key(w): rec for rec, words in _lex()["recurrence"]["report_rhythms"].items() for w in words}


@cache
def _report_rhythm() -> re.Pattern:
    """A report named by its rhythm, or by several ("báo cáo quý, 6 tháng và năm"); group `r` holds them."""
    rec = _lex()["recurrence"]
    rhythm = _alt(_rhythm_words())
    listed = rf"{rhythm}(?:{RHYTHM_JOIN}(?:{_alt(rec['report_rhythm_prefixes'])}\s+)?{rhythm})*"
    past = rf"{_alt(rec['report_past_words'])}(?!\s+(?:{_alt(_lex()['words']['day'])}|\d))"
    return re.compile(rf"(?<!\w){_alt(rec['report_nouns'])}\s+(?P<r>(?>{listed}))(?!\w)"
                      rf"(?!\s*(?:\d|[IVX]+(?!\w)|(?:{_alt(rec['report_not_before'])}|{past})(?!\w)))", re.I)


def _most_frequent(rhythms) -> str | None:
    """Of recurrences listed together, the most frequent ("hằng quý, 6 tháng và hằng năm" → quarterly)."""
    order = _lex()["recurrence"]["rhythm_order"]
    return min((r for r in rhythms if r in order), key=order.index, default=None)


def _report_hit(m: re.Match) -> Hit:
    said = re.findall(_alt(_rhythm_words()), m.group("r"), re.I)
    return Hit(m.start(), m.end(), "rec", recurrence=_most_frequent(_rhythm_words()[_key(w)] for w in said), cued=True)


def _day(y: int | None, m: int, d: int | None = None) -> date | None:
    """date(y, m, d), d=None meaning the month's last day; None when invalid or no year."""
    if y is None or not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    if d is not None and not 1 <= d <= last:
        return None
    return date(y, m, last if d is None else d)


def _numerals(s: str) -> list[int]:
    roman = _lex()["roman"]
    return [roman.get(t.lower()) or int(t) for t in re.findall(r"\b(?:[IVX]+|\d+)\b", s, re.I)
            if t.isdigit() or t.lower() in roman]


def _hit(kind: str, m: re.Match, dy: int | None) -> Hit | None:
    """The period a match names (dates completed with the document year `dy`)."""
    g = {k: v for k, v in m.groupdict().items() if v}
    if kind == "report":
        return _report_hit(m)
    if kind.startswith("rec:"):
        return Hit(m.start(), m.end(), "rec", recurrence=kind[4:], cued=True)
    yearless = "y" not in g and "rel" not in g and kind not in ("range", "duration")
    y = int(g["y"]) if "y" in g else None
    if "rel" in g and dy is not None:
        y = dy + int(_lex()["relative_years"][_key(g["rel"])])
    y = dy if yearless else y
    a, b = m.start(), m.end()
    kind = "date_words" if kind == "date_words_bare" else kind       # "15 tháng 4 năm 2027": no "ngày"
    if kind in ("date", "date_words", "day_month"):
        mo, dd = int(g["m"]), int(g["d"])
        d = _day(y, mo, dd) if 1 <= mo <= 12 and 1 <= dd <= 31 else None
        if d is None and (y is not None or not (1 <= mo <= 12 and 1 <= dd <= 31)):
            return None
        bare = kind == "day_month" and "day" not in g      # "30/6" needs "trước" before it
        return Hit(a, b, "bare_day" if bare else kind, d, d, yearless, relative="rel" in g)
    if kind in ("month", "quarter", "part"):
        if kind == "part":
            first, last = _lex()["parts_of_year"][_key(g["part"])]
        else:
            nums = _numerals(g["ms"] if kind == "month" else g["qs"])
            if kind == "quarter":
                nums = [3 * n for n in nums]
            first, last = (nums[0] - 2 if kind == "quarter" else nums[0]), nums[-1]
            if "qpart" in g and len(nums) == 1:           # "đầu quý I" is its first month, "cuối quý III" its last
                first = last = first + _lex()["quarter_parts"][_key(g["qpart"])] - 1
            if not (1 <= first <= last <= 12):
                return None
        return Hit(a, b, kind, _day(y, first, 1), _day(y, last), yearless)
    if kind in ("year", "bare_year"):
        return Hit(a, b, kind, _day(y, 1, 1), _day(y, 12)) if y else None
    if kind == "range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        return Hit(a, b, kind, date(y1, 1, 1), date(y2, 12, 31), cued="from" in g) if y1 < y2 <= y1 + 50 else None
    return Hit(a, b, kind, yearless=kind == "day_only", cued=kind == "duration")


def _scan(text: str, dy: int | None) -> list[Hit]:
    """Every time expression and recurrence word, longest first where they overlap."""
    found = [h for kind, rx in _patterns() for m in rx.finditer(text) if (h := _hit(kind, m, dy))]
    found.sort(key=lambda h: (h.a, -(h.b - h.a)))
    out: list[Hit] = []
    for h in found:
        if not out or h.a >= out[-1].b:
            out.append(h)
    return _from_to(text, out)


def _from_to(text: str, hits: list[Hit]) -> list[Hit]:
    """"từ tháng 6/2025 đến tháng 9/2025": two expressions joined into one period."""
    w = _lex()["words"]
    frm = re.compile(rf"(?<!\w){_alt(w['range_from'])}\s+$", re.I)
    to = re.compile(rf"\s*{_alt(w['range_dashes'] + w['range_words'])}\s*", re.I)
    out: list[Hit] = []
    for h in hits:
        x = out[-1] if out else None
        if x and x.kind not in ("rec", "range") and h.kind != "rec" and x.start and h.end \
                and to.fullmatch(text, x.b, h.a) and (m := frm.search(text, 0, x.a)):
            out[-1] = Hit(m.start(), h.b, "range", x.start, h.end, cued=True)
        else:
            out.append(h)
    return out


def _clause_start(text: str, a: int, ends: re.Pattern = SENTENCE_END) -> int:
    """Where the sentence (or clause) holding position `a` starts."""
    lo = max(0, a - 400)
    starts = [m.end() for m in ends.finditer(text, lo, a)]
    return starts[-1] if starts else lo


def _verb_near(pre: str) -> bool:
    """A completion verb ends `pre` within a few words, with no plan noun in between."""
    verbs = list(_rx("completion").finditer(pre))
    if not verbs:
        return False
    between = pre[verbs[-1].end():]
    return len(between.split()) <= _lex()["cues"]["weak_window"] and not _rx("plan_nouns").search(between)


def _closing(text: str, h: Hit, core: str, cue: str) -> bool:
    """"… của tỉnh đến năm 2026.": a closing weak cue ends the sentence or a lead-in ("…, gồm:"), no plan
    noun just before; "… vào quý I năm 2027.": a dated cue before a day, month or quarter of a year."""
    cues = _lex()["cues"]
    if not _closing_end().match(text, h.b):
        return False
    if re.fullmatch(_alt(cues["closing_dated"]), cue.strip(), re.I):
        return h.kind in ("date", "date_words", "month", "quarter") and not h.yearless and not cites_number(core) \
            and not _rx("closing_dated_vetoes").search(core)
    if not re.fullmatch(_alt(cues["closing"]), cue.strip(), re.I):
        return False
    return not _rx("plan_nouns").search(" ".join(core.split()[-cues["closing_window"]:]))


@cache
def _closing_end() -> re.Pattern:
    """The end of a sentence, or of a lead-in line ("…, gồm:" then a line break), maybe after the bracket that
    closes a note on the item ("… (triển khai trong giai đoạn đến năm 2028).")."""
    lead_in = _alt(_lex()["cues"]["closing_lead_in"])
    return re.compile(rf"\s*\)?\s*(?:[.;]|(?:,?\s*{lead_in})?\s*:[^\S\n]*(?:\n|$)|$)", re.I)


_UNTIL = re.compile(r"(?<!\w)(?:đến|tới)(?:\s+hết)?\s*$", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s*,?\s*có\s+(?:(?:trên|dưới|tối thiểu|ít nhất|khoảng|từ)\s+)?"
                          r"\d[\d.,]*\s*%", re.IGNORECASE)


def _aimed(text: str, a: int) -> bool:
    """An aim word (mục tiêu, hướng tới…) governs position `a` in its clause."""
    seg = text[_clause_start(text, a, CLAUSE_END):a]
    aims = list(_rx("target").finditer(seg))
    return bool(aims) and not _rx("completion").search(seg[aims[-1].end():])


def _cue(text: str, h: Hit) -> tuple[int, str] | None:
    """(start of the cue, cue words) when the expression `h` reads as a deadline, else None."""
    s0 = _clause_start(text, h.a)
    left = _HOUR.sub(" ", text[s0:h.a])              # "trước 16 giờ 00 ngày 12/6": the hour is no cue
    weak = _rx("weak", "end").search(left)
    core = left[:weak.start()] if weak else left
    if any(_rx("horizon", "end").search(c) for c in (left, core)) or _aimed(text, h.a):
        return None
    if h.kind == "year" and _UNTIL.search(left) and not _rx("completion").search(left) \
            and _SHARE_AFTER.match(text, h.b):
        return None           # "bảo đảm đến hết năm 2028 có 100% tuyến …": the year of an aim measured after it
    labelled = not left.strip() and re.search(rf"(?<!\w){_alt(_lex()['cues']['labels'])}\s*:\s*$",
                                               text[max(0, s0 - 60):s0], re.I)
    if labelled:
        return h.a, ""
    w = _lex()["words"]
    frm = re.search(rf"(?<!\w){_alt(w['range_from'])}\s*$", left, re.I)
    if frm and re.search(rf"\s{_alt(w['range_words'])}\s|\d\s*{_alt(w['range_dashes'])}\s*\d",
                         text[h.a:h.b], re.I):       # "từ tháng 6 đến tháng 9 năm 2025"
        return s0 + frm.start(), ""
    if strong := _rx("strong", "end").search(left):
        lead = re.search(rf"(?<!\w){_alt(_lex()['cues']['lead_in'])}\s*$", left[:strong.start()], re.I)
        return s0 + (lead or strong).start(), left[strong.start():].strip()
    if h.kind in ("bare_year", "bare_day"):
        return None
    if h.kind == "range" and (run := _rx("execution", "end").search(left)):
        return s0 + run.start(), run.group().strip()   # "… giai đoạn thực hiện 2026-2028"
    if h.kind == "range" and not left.strip(" :,") and _rx("period_actions").match(text[h.b:].lstrip(" ,:")):
        return h.a, ""                               # "Giai đoạn 2026-2028, đầu tư nâng cấp 5 chợ"
    if _named_period(text, h) and left.rstrip().endswith(",") and re.match(r"\s*(?:[.;]|$)", text[h.b:]):
        return h.a, ""                               # "… trước, rồi đến mỏ Y, giai đoạn 2026-2030."
    if weak and (_verb_near(core) or _closing(text, h, core, weak.group())):
        return s0 + weak.start(), weak.group().strip()
    if weak and h.kind in ("date", "date_words", "month", "quarter", "year") and not h.yearless \
            and weak.group().strip().lower() == "vào" \
            and holds_event(core) and not cites_number(core):
        return s0 + weak.start(), weak.group().strip()   # an event held then: "tổ chức … vào năm 2028"
    if h.cued and not _names_a_plan(text, h, left):
        return h.a, ""
    initial = re.fullmatch(r"\W*(?:\w{1,2}\)\W*)?", core)
    if initial and re.match(rf"\s*,?\s*{_rx('completion').pattern}", text[h.b:], re.I):
        return s0 + (weak.start() if weak else len(left)), weak.group().strip() if weak else ""
    return None


def _named_period(text: str, h: Hit) -> bool:
    """A range written with its period word ("giai đoạn 2026-2030")."""
    return h.kind == "range" and bool(re.match(_alt(_lex()["words"]["period"]), text[h.a:h.b], re.I))


def _names_a_plan(text: str, h: Hit, left: str) -> bool:
    """"Thông qua Đề án … giai đoạn từ năm 2026-2030": a period after a plan noun of its clause, with no
    completion verb after that noun, is the plan's span, not the item's deadline."""
    if not _named_period(text, h):
        return False
    plans = list(_rx("plan_nouns").finditer(left))
    return bool(plans) and not _rx("completion").search(left[plans[-1].end():])


def _bound(h: Hit, a: int, cue: str) -> Hit:
    """Apply the cue: "trước năm 2025" ends 2024-12-31; "trước/chậm nhất/đến" leave start open."""
    cues = _lex()["cues"]
    h = replace(h, a=a)
    if h.start and h.kind in ("year", "bare_year", "quarter", "month") \
            and re.search(rf"(?<!\w){_alt(cues['exclusive'])}$", cue, re.I):
        return replace(h, start=None, end=h.start - timedelta(days=1))
    if cue and re.search(rf"(?<!\w){_alt(cues['open_start'])}(?!\w)", cue, re.I):
        return replace(h, start=None)
    return h


def _join(text: str, x: Hit, y: Hit) -> Hit | None:
    """x and y (in order) as one deadline when one is a time and the other a recurrence next to it."""
    if x.kind == y.kind == "rec":
        return _join_rhythms(text, x, y)
    if (x.kind == "rec") == (y.kind == "rec") or (x.recurrence and y.recurrence):
        return None
    t, r = (y, x) if x.kind == "rec" else (x, y)
    gap = text[x.b:y.a]
    joiners = _alt(_lex()["recurrence"]["joiners"])
    ok = re.fullmatch(rf"\s*(?:{joiners})?\s*" if t is x else r"\s*[,(]?\s*", gap, re.I)
    if r.recurrence == "on_demand" and t is y and t.end and not SENTENCE_END.search(gap):
        return replace(t, a=r.a)                     # "ngay sau khi … ban hành trong năm 2024"
    if not ok:
        return None
    gone = t.yearless or t.relative                  # "trước ngày 15/12 hằng năm": no end
    return replace(t, a=x.a, b=y.b, recurrence=r.recurrence,
                   start=None if gone else t.start, end=None if gone else t.end)


def _join_rhythms(text: str, x: Hit, y: Hit) -> Hit | None:
    """Two rhythms listed together ("định kỳ 6 tháng, hằng năm") are one, the more frequent."""
    if not {x.recurrence, y.recurrence} <= set(_lex()["recurrence"]["rhythm_order"]) \
            or not re.fullmatch(RHYTHM_JOIN, text[x.b:y.a], re.I):
        return None
    return replace(x, b=y.b, recurrence=_most_frequent([x.recurrence, y.recurrence]))


def _rhythm_governs(text: str, x: Hit, y: Hit) -> bool:
    """A rhythm opening its sentence, or a report named by its rhythm, makes the day without a year later in
    the same clause recur ("Hằng năm, các sở gửi báo cáo trước ngày 15/12", "gửi báo cáo năm về Sở trước
    ngày 31/01 năm sau"); another clause or time expression between breaks it."""
    if x.kind != "rec" or x.recurrence not in _lex()["recurrence"]["rhythm_order"] or y.kind == "rec" \
            or not (y.yearless or y.relative) or y.recurrence or y.a - x.b > RHYTHM_REACH:
        return False
    opens = max((m.end() for m in SENTENCE_END.finditer(text, 0, x.a)), default=0)
    gap = re.sub(r"^\s*,", "", text[x.b:y.a])
    leads = bool(_MARKER.fullmatch(text, opens, x.a)) or bool(_report_rhythm().match(text, x.a))
    return leads and not CLAUSE_END.search(gap) and not _scan(gap, None)


def _merge(text: str, hits: list[Hit]) -> list[Hit]:
    """Join adjacent dates and recurrence words; "định kỳ" + a day without year recurs."""
    out: list[Hit] = []
    for h in hits:
        joined = _join(text, out[-1], h) if out else None
        if joined:
            out[-1] = joined
        else:
            out.append(h)
    for i in range(len(out) - 2, -1, -1):           # "trước ngày 10/6 và ngày 10/12 hằng năm"
        x, y = out[i], out[i + 1]
        if x.kind != "rec" and x.yearless and not x.recurrence and y.kind != "rec" \
                and y.recurrence and y.end is None and re.fullmatch(r"\s*(?:,|và)\s*", text[x.b:y.a]):
            out[i:i + 2] = [replace(y, a=x.a)]
    for i in range(len(out) - 2, -1, -1):           # "Hằng năm, các sở báo cáo trước ngày 15/12"
        x, y = out[i], out[i + 1]
        if _rhythm_governs(text, x, y):
            out[i:i + 2] = [replace(y, recurrence=x.recurrence, start=None, end=None)]
    periodic, relative_year = _rx("periodic"), _rx("relative_years", "next")
    for i, h in enumerate(out):
        if h.yearless and not h.recurrence and (periodic.match(text, h.a) or relative_year.match(text, h.b)):
            rec = "monthly" if h.kind == "day_only" else "yearly"
            out[i] = replace(h, recurrence=rec, start=None, end=None)
    return out


def _deadline(text: str, h: Hit, offset: int) -> Deadline:
    return Deadline(text=text[h.a:h.b], start=h.start, end=h.end, recurrence=h.recurrence,
                    char_start=h.a + offset, char_end=h.b + offset)


@cache
def _manner() -> re.Pattern:
    return re.compile(_alt(_lex()["recurrence"]["manner_after_verb"]), re.I)


_PHRASE_CLOSES = re.compile(r"\s*(?:[,.;:)]|$|(?:trong|và)(?!\w))", re.I)


def _vetoed(text: str, h: Hit) -> bool:
    """A recurrence word about money or averages ("chi thường xuyên", "bình quân hằng năm")."""
    words = _alt(_lex()["recurrence"]["veto_before"])
    if re.search(rf"(?<!\w){words}(?:\s+\S+)?\s*$", text[max(0, h.a - 40):h.a], re.I):
        return True
    if re.match(rf"\s+{_alt(_lex()['recurrence']['veto_after'])}(?!\w)", text[h.b:], re.I):
        return True
    if _manner().fullmatch(text, h.a, h.b) and _PHRASE_CLOSES.match(text, h.b):
        return True                                  # 'phục vụ sản xuất được liên tục.'
    clause = text[_clause_start(text, h.a, CLAUSE_END):h.a]
    return any(w in clause.lower() for w in _lex()["recurrence"]["veto_clause"])


def find_deadlines(text: str, offset: int = 0, default_year: int | None = None,
                   not_before: date | None = None) -> list[Deadline]:
    """Every deadline in running text, in order (a cue is required; horizons are left out). A day written
    without a year that falls before `not_before` (the issue date) is that day of the next year."""
    original = unicodedata.normalize("NFC", text)
    text = _unbracket(original)
    kept: list[Hit] = []
    hits = _scan(text, default_year)
    for h, nxt in zip(hits, hits[1:] + [None]):
        if h.kind == "rec":
            if not _vetoed(text, h):
                kept.append(h)
            continue
        cue = _cue(text, h)
        if cue is None and nxt and nxt.kind == "rec" and _join(text, h, nxt):
            cue = (h.a, "")                          # "Năm 2022 và hàng năm"
        if cue is not None:
            h = _bound(h, *cue)
            if not_before and h.yearless and h.end and h.end < not_before:
                h = _a_year_on(h)                    # "trước ngày 15/01" in a plan of 20/12/2026
            if not (default_year and h.end and h.end.year < default_year):
                kept.append(h)
    return [_deadline(original, h, offset) for h in _merge(text, kept)]


def _a_year_on(h: Hit) -> Hit:
    def on(d: date | None) -> date | None:
        return d and (d.replace(year=d.year + 1) if (d.month, d.day) != (2, 29) else date(d.year + 1, 2, 28))
    return replace(h, start=on(h.start), end=on(h.end))


def _unbracket(text: str) -> str:
    """"định kỳ (6 tháng, hằng năm)" read as "định kỳ 6 tháng, hằng năm" (same length, offsets kept)."""
    periodic = _rx("periodic").pattern
    return re.sub(rf"({periodic}\s*)\(", lambda m: m.group(1) + " ", text, flags=re.I)


def find_deadline(text: str, offset: int = 0, default_year: int | None = None,
                  not_before: date | None = None) -> Deadline | None:
    """The deadline of one task item: the first dated one, else the first recurrence, else a time
    labelling the item ("Tháng 7 năm 2025: sơ kết …"), else a condition it opens with (on demand)."""
    found = find_deadlines(text, offset, default_year, not_before)
    dated = next((d for d in found if d.end), found[0] if found else None)
    if dated and dated.end and not dated.recurrence:    # "định kỳ 6 tháng báo cáo …; hết năm 2027, …"
        rhythm = next((d for d in found if _reports_at_a_rhythm(text, d, offset)), None)
        dated = dated.model_copy(update={"recurrence": rhythm.recurrence}) if rhythm else dated
    label = leading_period(text, offset, labelled=True)
    if label and ended_before(label, not_before, default_year):
        label = None                                 # "Năm 2026: …" in a plan of 2027 reports on that period
    return dated or label or _conditional(text, offset) or _periodic(text, offset)


REPORT_REACH = 60        # characters between a rhythm and the report it sets, within one clause


def _reports_at_a_rhythm(text: str, d: Deadline, offset: int) -> bool:
    """A rhythm without a date that sets a report ("định kỳ 6 tháng báo cáo …", "báo cáo … định kỳ hằng quý"): the
    item reports at that rhythm whatever its due date."""
    if d.end is not None or d.recurrence not in _lex()["recurrence"]["rhythm_order"]:
        return False
    a, b = d.char_start - offset, d.char_end - offset
    clause_end = CLAUSE_END.search(text, b)
    before = text[max(_clause_start(text, a, CLAUSE_END), a - REPORT_REACH):a]
    after = text[b:min(clause_end.start() if clause_end else len(text), b + REPORT_REACH)]
    return bool(_rx("report_nouns").search(before) or _rx("report_nouns").search(after))


def ended_before(period: Deadline, issued: date | None, year: int | None = None) -> bool:
    """The period ended before the issue date (without one, before the document's year): the document reports
    on it, it is no deadline."""
    if period.end is None:
        return False
    return period.end < issued if issued else bool(year) and period.end.year < year


def _periodic(text: str, offset: int) -> Deadline | None:
    """"định kỳ báo cáo" with no period said: a recurring duty whose rhythm is not given (recurrence null)."""
    match = _rx("periodic").search(text)
    if not match:
        return None
    return Deadline(text=match.group(), char_start=offset + match.start(), char_end=offset + match.end())


_MARKER = re.compile(r"\s*(?:[-+•*]\s*|\(?[a-zđ0-9]{1,3}\s*[.)]\s*)?")


def leading_period(text: str, offset: int = 0, labelled: bool = False) -> Deadline | None:
    """A time expression that opens the text ("Giai đoạn 2026–2030 thực hiện: …", "Năm 2025:"); with
    `labelled`, only when a colon follows it."""
    start = _MARKER.match(text).end()
    start += len(re.match(r"(?:(?:cuối|đầu|giữa)\s+(?=tháng|quý|năm))?", text[start:], re.I).group())
    hits = [h for h in _scan(text[start:start + 80], None) if h.kind != "rec" and h.a == 0 and h.end]
    if not hits:
        return None
    h = hits[0]
    if labelled and not re.match(r"\s*:", text[start + h.b:]):
        return None
    return Deadline(text=text[start:start + h.b], start=h.start, end=h.end, char_start=offset + start,
                    char_end=offset + start + h.b)


def named_period(text: str, offset: int = 0) -> Deadline | None:
    """The dated period a heading names ("Nhiệm vụ trọng tâm tháng 3 năm 2027" → end of March 2027), cue or not."""
    hits = [h for h in _from_to(text, _scan(text, None)) if h.kind != "rec" and h.end]
    return _deadline(text, hits[0], offset) if hits else None


@cache
def _time_cue() -> re.Pattern:
    """A deadline cue of the lexicon ("định kỳ", "trong", "đến", "từ", "trước" …) and the spaces after it."""
    cues = _lex()["cues"]
    return re.compile(rf"{_alt(cues['strong'] + cues['weak'] + cues['periodic'] + _lex()['words']['range_from'])}\s+",
                      re.IGNORECASE)


_TIME_JOIN = re.compile(r"\s*(?:,|và|hoặc|/)?\s*")


def leading_time_end(text: str) -> int | None:
    """Where a time phrase that opens the text ends ("Hằng năm Sở X …", "Định kỳ 6 tháng, hằng năm cấp ủy …",
    "Trong năm 2026 các sở …"), so that what follows may be read as the subject; None if none opens it."""
    start = len(text) - len(text.lstrip())
    hits = _scan(text[:120], None)
    cue = _time_cue().match(text, start)
    at = cue.end() if cue and not any(h.a == start for h in hits) else start
    end = None
    for h in (h for h in hits if h.a >= at):
        if h.a != at:
            break
        end, at = h.b, _TIME_JOIN.match(text, h.b).end()
    return end


def _conditional(text: str, offset: int) -> Deadline | None:
    """"Khi nhận được quyết định…, Ủy ban nhân dân xã …": the condition, on demand."""
    start = _MARKER.match(text).end()
    match = re.match(rf"{_alt(_lex()['conditional_openers'])}\s[^,;.]{{3,120}}(?=,)", text[start:], re.I)
    if not match:
        return None
    return Deadline(text=match.group(), recurrence="on_demand", char_start=offset + start,
                    char_end=offset + start + match.end())


def parse_deadline(text: str, offset: int = 0, default_year: int | None = None) -> Deadline | None:
    """A whole deadline cell ("Quý III, năm 2022", "Năm 2025; Năm 2030", "Hằng năm") normalised."""
    text = unicodedata.normalize("NFC", text)
    lead = len(text) - len(text.lstrip())
    cell = text.strip()
    hits = []
    for h in _scan(cell, default_year):
        strong = _rx("strong", "end").search(cell[:h.a]) if h.kind != "rec" else None
        if strong or h.kind != "bare_day":
            hits.append(_bound(h, h.a, strong.group().strip()) if strong else h)
    hits = _merge(cell, hits)
    if not hits:
        return None
    starts = [h.start for h in hits if h.start]
    ends = [h.end for h in hits if h.end]
    rec = next((h.recurrence for h in hits if h.recurrence), None)
    return Deadline(text=cell, start=min(starts, default=None), end=max(ends, default=None),
                    recurrence=rec, char_start=offset + lead, char_end=offset + lead + len(cell))
