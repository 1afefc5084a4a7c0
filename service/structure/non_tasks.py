"""What is not a task though it looks like an item (ANNOTATION.md §2): lead-ins that only introduce a
list, the executing clause and entry into force of a decision, courtesy and closing formulas,
pointers to an annex, accountability and composition formulas, funding paragraphs that assign
nobody, and lists of bodies with nothing to do. Phrases live in `structure.yaml` (`not_tasks`).
"""
from __future__ import annotations

import re
from functools import cache

from ..extract.bodies import names_a_body, parse_body_list
from ..extract.body_grammar import grammar, has_clause_verb
from ..extract.deadlines import leading_period
from ..extract.roles import closing_request, grounds_then_work, subject_bodies
from ..lexicons import load
from ..text import phrase_alternation, phrase_pattern


@cache
def _patterns() -> dict[str, re.Pattern]:
    cues = load("structure")
    found = {name: phrase_pattern(words) for name, words in cues["not_tasks"].items()}
    found["executing_last"] = re.compile(rf"(?<!\w){phrase_alternation(cues['executing_last'])}[\s./]*$", re.IGNORECASE)
    found["labels"] = re.compile(rf"\W*{phrase_alternation(cues['descriptor_labels'])}(?:\s+[^:;.]{{0,50}})?\s*:\s*\S",
                                 re.IGNORECASE)
    narrative = cues["narrative"]
    dated = r"năm\s+\d{4}\s*,|ngày\s+\d{1,2}\b|đến\s+(?:ngày\s+)?\d{1,2}\s*/"     # "Ngày 13/01/2026, Sở …"
    found["narrative_open"] = re.compile(rf"\W*(?:{phrase_alternation(narrative['openers'])}|{dated})(?!\w)",
                                         re.IGNORECASE)
    found["narrative_mark"] = phrase_pattern(narrative["markers"])
    found["in_force_condition"] = re.compile(rf"(?<!\w){phrase_alternation(cues['in_force_conditions'])}\s+[^;.:]{{0,100}}$",
                                             re.IGNORECASE)
    found["directive"] = phrase_pattern(narrative["directives"])
    found["request"] = phrase_pattern(narrative["requests"])
    kinds = [n for spec in load("metadata")["kinds"].values() for n in spec["names"]] + ["văn bản", "đề án"]
    # "Là …" describes, unless it gives a role ("Là cơ quan thường trực, …" under a body's heading)
    found["descriptive"] = re.compile(rf"(?P<label>[^\W\d][^:;.]{{0,40}}:\s*)?"
                                      rf"(?!\W*{phrase_alternation(cues['role_phrases'])}(?!\w))"
                                      rf"\W*{phrase_alternation(cues['descriptive_openers'])}(?!\w)", re.IGNORECASE)
    # "Giai đoạn 2026–2028:", "Giai đoạn II:", "Thời kỳ sau năm 2030:", "Giai đoạn từ nay đến 2030:" (a named period)
    found["phase"] = re.compile(rf"\W*{phrase_alternation(cues['phase_labels'])}\s+(?:\d|[IVX]+\b|\(|"
                                rf"(?:sau|đến|từ|trước)\s+(?:năm|nay)\b)[^:;.,]{{0,50}}:\s*", re.IGNORECASE)
    found["output_level"] = re.compile(rf"[^\W\d][^:;.]{{0,60}}:\s*{phrase_alternation(cues['output_levels'])}"
                                       rf"\s+(?:khoảng\s+|trên\s+|từ\s+)?\d", re.IGNORECASE)
    found["session"] = re.compile(rf"[^.;:]{{0,30}}?{phrase_alternation(cues['session_markers'])}\s+[\w\s]{{0,20}}?[.;]?$",
                                  re.IGNORECASE)
    found["entitlement"] = phrase_pattern(cues["entitlements"])
    found["provision"] = re.compile(rf"\W*{phrase_alternation(cues['condition_openers'])}(?!\w)[^.;:]{{0,250}}?"
                                    rf"(?<!\w)thì\s+(?P<outcome>{phrase_alternation(cues['provision_outcomes'])})(?!\w)",
                                    re.IGNORECASE)
    found["problem"] = phrase_pattern(cues["problem_conditions"])
    found["role"] = phrase_pattern(cues["role_phrases"] + ["chủ trì"])
    found["responsible"] = phrase_pattern(cues["responsibility"])
    found["assigns"] = phrase_pattern(cues["responsibility"] + cues["directive_openers"])
    found["work_noun"] = re.compile(rf"\W*{phrase_alternation(cues['work_nouns'])}(?!\w)", re.IGNORECASE)
    found["rate"] = re.compile(rf"\W*(?:đối với [^:]{{1,80}}:\s*)?{phrase_alternation(cues['rate_openers'])}(?!\w)",
                               re.IGNORECASE)
    found["basis"] = re.compile(rf"\W*{phrase_alternation(cues['basis_openers'])}(?!\w)", re.IGNORECASE)
    found["self_reference"] = re.compile(rf"\W*{phrase_alternation(kinds)}\s+này\b", re.IGNORECASE)
    found["budget_pays"] = re.compile(rf"\W*{phrase_alternation(cues['budget_subjects'])}(?:\s+\w+){{0,4}}?\s+"
                                      rf"{phrase_alternation(cues['budget_verbs'])}(?!\w)", re.IGNORECASE)
    found["funding"] = re.compile(rf"\W*{phrase_alternation(cues['funding_subjects'])}\b[^.;]{{0,80}}?"
                                  rf"(?<!\w){phrase_alternation(cues['funding_passives'])}(?!\w)", re.IGNORECASE)
    found["allocated"] = re.compile(rf"(?<!\w){phrase_alternation(cues['allocated_money'])}(?:\s+(?!và\b)[^\W\d]+){{0,6}}?"
                                    rf"(?:\s+năm\s+\d{{4}})?\s+(?:được\s+)?giao(?:\s+cho)?(?!\w)", re.IGNORECASE)
    return found


_FIGURE_VALUE = re.compile(r"^[^:]{1,80}:\s*[\d.,]+\s*(?:đ|đồng|triệu(?: đồng)?|tỷ(?: đồng)?|%|ha|km|người|hộ|lượt"
                           r"|\w+)?(?:\s*/\s*[\w ]{1,20}?){0,3}\s*(?:\([^)]*\))?\s*[.;]?\s*$", re.IGNORECASE)


_SPACES = re.compile(r"\s*")
_ALLOCATION_GOES_ON = re.compile(r"\s*(?:$|[,;.)]|(?:theo(?!\s+dõi)|hằng|hàng|năm|trong|tại|và|để|đầu|cuối|của)(?!\w))",
                                 re.IGNORECASE)


def _without_allocations(text: str, patterns: dict[str, re.Pattern]) -> str:
    """The text without money "giao (cho)" bodies who are given it, not told to do anything ("… từ dự toán ngân sách
    giao cho Sở Y tế hằng năm", "… dự toán được giao đầu năm"; not "… ngân sách giao cho Sở Tài chính thẩm định …")."""
    for found in reversed(list(patterns["allocated"].finditer(text))):
        bodies, end = parse_body_list(text, _SPACES.match(text, found.end()).end())
        if _ALLOCATION_GOES_ON.match(text, found.end()) or bodies and _ALLOCATION_GOES_ON.match(text, end):
            text = text[:found.start()] + " " + text[max(end, found.end()):]
    return text


def _labelled_bodies(text: str) -> bool:
    """"Cấp phê duyệt: Thủ tướng Chính phủ;": a label whose value is only a body."""
    match = re.match(r"[^:;.]{2,60}:\s*", text)
    if not match or re.match(r"\W*(?:cơ quan|đơn vị|người)\b", text, re.IGNORECASE):
        return False                 # "Cơ quan thẩm định: Bộ X" names who does it: a task
    bodies, end = parse_body_list(text, match.end())
    return bool(bodies) and not re.search(r"\w", text[end:])


@cache
def _tags(text: str) -> tuple[tuple[str, str], ...]:
    """underthesea's part-of-speech tags of the first 40 words of an item (tagged once per item)."""
    from ..text import underthesea

    return tuple(underthesea().pos_tag(" ".join(text.split()[:40])))


def _stated(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """A statement, not an instruction: it opens with a noun that is no body ("Hội nghị đã …", "Số lượng
    hồ sơ còn …"), a tense or state word follows soon, and no directive word is there."""
    tags = _tags(text)
    if not tags or tags[0][1] not in ("N", "Np", "P") or parse_body_list(text)[0] or _action_first(text):
        return False
    head = " ".join(word for word, _ in tags[:12])
    return bool(_TENSE.search(head)) and not patterns["directive"].search(text)


_TENSE = re.compile(r"(?<!\w)(?:đã|đang|vẫn|còn|chưa|sẽ có)(?!\w)", re.IGNORECASE)


@cache
def _actions() -> re.Pattern:
    words = [w for w in load("bodies")["stop_words"] if " " in w or len(w) > 3]
    return re.compile(rf"\W*{phrase_alternation(words)}(?!\w)", re.IGNORECASE)


def _action_first(text: str) -> bool:
    """The item opens with an action word of the lexicon ("Tổ chức …", "Rà soát, …"), whatever the tagger says."""
    return bool(_actions().match(text))


def _session(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """"Hội đồng nhân dân tỉnh X khóa XV, kỳ họp thứ 8": a council and its session, nothing to do."""
    bodies, end = parse_body_list(text)
    return bool(bodies) and bool(patterns["session"].match(text, end))




def _provision(text: str, match: re.Match, patterns: dict[str, re.Pattern]) -> bool:
    """"Trường hợp … thì không …" states a rule unless its condition is a problem to report ("nếu có khó
    khăn, vướng mắc") or what follows "thì" directs someone ("thì chỉ đạo …", "thì phải khoanh vùng")."""
    condition = text[:match.start("outcome")]
    outcome = re.sub(r"(?<!\w)tiếp tục được(?!\w)", "", text[match.start("outcome"):], flags=re.IGNORECASE)
    return not patterns["problem"].search(condition) and not patterns["directive"].search(outcome)


def _standing_rule(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """A rule of a scheme, not work assigned: an entitlement ("… được trợ cấp …", "… được trích 10%") in its
    first clause, a rate ("Mức thu …", "Đối với nhà ở: mức thu …") or a conditional provision ("Trường hợp
    … thì không …"), and no directive word."""
    if patterns["responsible"].search(text):
        return False
    provision = patterns["provision"].match(text)
    if provision and _provision(text, provision, patterns):
        return True
    if patterns["directive"].search(text):
        return False
    if patterns["rate"].match(text):
        return True
    first = re.split(r"[.;:]\s", text, maxsplit=1)[0][:160]
    return not _action_first(text) and bool(patterns["entitlement"].search(first))


def _noun_phrase(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """An item naming things, with nothing to do: a short noun phrase ("Khu cảng và dịch vụ cảng;") or no
    verb at all ("Người cao tuổi, trẻ em dưới 6 tuổi của hộ nghèo;"), unless it names a project to carry out."""
    words = text.rstrip(" .;").split()
    if parse_body_list(text)[0]:
        return False
    tags = _tags(text)
    if len(words) <= 5 and tags and tags[0][1] in ("N", "Np"):
        return True
    return len(words) <= 40 and not _has_verb(text) and not _action_first(text) \
        and not patterns["work_noun"].match(text)


def _names_only(line: str, bodies: list, rest: str) -> bool:
    """A header line whose case was lost ("Ủy ban nhân dân tỉnh hưng yên"): no closing punctuation, a body
    ending in an administrative level, then a few lower-case words, and no verb in the whole line."""
    words = rest.split()
    ends_in_level = any(bodies[-1].name.lower().endswith(f" {unit}") for unit in grammar().units)
    return not line.endswith((".", ";", ":", ",")) and ends_in_level and 0 < len(words) <= 3 \
        and all(w.islower() for w in words) and not _action_first(rest) and not has_clause_verb(line)


def _phase(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """"Giai đoạn 2026–2028: xây dựng mới 12 km": a phase of the scheme, no doer after the label."""
    label = patterns["phase"].match(text)
    return bool(label) and not subject_bodies(text[label.end():])


def _does_work(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """A labelled item that still hands work: an action or a body as its label, or a role or assignment cue."""
    label = text.split(":", 1)[0]
    return _action_first(text) or bool(parse_body_list(label)[0]) or any(
        patterns[name].search(text) for name in ("directive", "assigns", "role"))


def _descriptive(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """"Gồm 5 khu chức năng", "Khu A: gồm 3 phường …"; a labelled one only when it hands no work."""
    found = patterns["descriptive"].match(text)
    return bool(found) and not (found.group("label") and _does_work(text, patterns))


def _has_verb(text: str) -> bool:
    return any(tag.startswith("V") for _, tag in _tags(text))


_ENUMERATION = re.compile(r"\W*\w+\s+là\s*[,:]", re.IGNORECASE)       # "Một là, …", "Hai là: …"


def _definition(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """"Phí vệ sinh là khoản thu …", "Sở X là cơ quan thường trực …": a subject, then the copula, no verb
    before it and no directive word after."""
    if patterns["directive"].search(text) or _ENUMERATION.match(text) or patterns["assigns"].search(text) \
            or patterns["role"].search(text):
        return False                # "Sở Y tế là cơ quan thường trực, chủ trì …" assigns a role
    copula = load("structure")["definition_copula"]
    bodies, end = parse_body_list(text)
    if bodies:                                   # the copula within a few words after the name
        return copula in text[end:].lower().split()[:4]
    tags = _tags(text)
    words = [word.lower() for word, _ in tags[:12]]
    if not tags or tags[0][1] not in ("N", "Np", "Nc", "M", "P") or copula not in words[1:]:
        return False
    return not any(tag.startswith("V") for _, tag in tags[:words.index(copula)])


NARRATIVE_WINDOW = 30      # words after the opener where the tense word may stand


def _narrative(text: str, patterns: dict[str, re.Pattern]) -> bool:
    """Report narrative: a situation opener, a tense or state word in the next words, no directive."""
    opener = patterns["narrative_open"].match(text)
    if not opener:
        return False
    head = " ".join(text[opener.end():].split()[:NARRATIVE_WINDOW])
    return bool(patterns["narrative_mark"].search(head)) and not patterns["directive"].search(text)


def _signature_marks(text: str) -> bool:
    """Only the marks of signatures ("(Đã ký) | (Đã ký)")."""
    return bool(_signature_marks_only().fullmatch(text))


@cache
def _signature_marks_only() -> re.Pattern:
    marks = phrase_alternation(load("structure")["signature_marks"])
    return re.compile(rf"(?:\s*\|?\s*\(?\s*{marks}\s*\)?\s*\|?)+", re.IGNORECASE)


def indicator(text: str) -> bool:
    """The name of an indicator opening the line, no body named in it nor anything assigned ("Số ổ dịch được xử lý
    trong vòng 48 giờ"): a report form's row or a target's name. Whether a heading hands it a doer is the
    caller's to tell."""
    opener = _indicator_opener().match(text)
    return bool(opener) and not _patterns()["assigns"].search(text) and not names_a_body(text)


@cache
def _indicator_opener() -> re.Pattern:
    cues = load("structure")
    return re.compile(rf"\W*{phrase_alternation(cues['indicator_openers'])}\s+(?!{phrase_alternation(cues['indicator_not_after'])}"
                      rf"(?!\w))", re.IGNORECASE)


def schedule_row(text: str) -> bool:
    """A row of a two-column timetable kept as one line ("Tháng 5/2027 | Hội nghị sơ kết"): a time, then what
    happens then, with nobody named to do it and nothing asked (ANNOTATION.md §2: a schedule is not an
    assignment). Whether a heading hands it a doer is the caller's to tell."""
    when, bar, what = text.strip().partition(" | ")
    if not bar or " | " in what:
        return False
    period = leading_period(when)
    return period is not None and not when[len(period.text):].strip(" .;,") and not subject_bodies(what) \
        and not _patterns()["assigns"].search(what)


def reason(text: str) -> str | None:
    """Why the item is not a task ("no_words", "lead_in", "executing", "courtesy", "closing", "pointers",
    "composition", "label_value", "target", "basis", "session", "description", "standing_rule", "narrative",
    "noun_phrase", "self_reference", "funding", "bodies_only", "signature"), or None when it may be one. "closing" is also the
    request to carry out the document ("… yêu cầu các phòng, ban tổ chức thực hiện nghiêm túc Kế hoạch này.")."""
    stripped = text.strip()
    if len(re.findall(r"\w{2,}", stripped)) < 2:
        return "no_words"
    if stripped.endswith(":") and not re.search(r"\.\s+\S", stripped[:-1]):
        return "lead_in"
    patterns = _patterns()
    if patterns["executing_last"].search(stripped):
        return "executing"          # "… căn cứ Quyết định thi hành." (not "Quyết định thi hành án số …")
    for name in ("executing", "courtesy", "closing", "pointers", "composition"):
        found = patterns[name].search(stripped)
        if found and not (name == "executing" and patterns["in_force_condition"].search(stripped[:found.start()])):
            return name             # (not "… khi Luật X có hiệu lực thi hành": another act coming into force)
    if _signature_marks(stripped):
        return "signature"
    if patterns["labels"].match(stripped) or _FIGURE_VALUE.search(stripped) or _labelled_bodies(stripped) \
            or _phase(stripped, patterns):
        return "label_value"
    if patterns["output_level"].match(stripped) and not _does_work(stripped, patterns):
        return "target"              # "Xi măng: đạt 2 triệu tấn/năm vào năm 2030" (its target stays in the list)
    if patterns["basis"].match(stripped) and not grounds_then_work(stripped):
        return "basis"
    if closing_request(stripped):
        return "closing"            # "… yêu cầu các phòng, ban tổ chức thực hiện nghiêm túc Kế hoạch này."
    if _session(stripped, patterns):
        return "session"
    if _descriptive(stripped, patterns) or _definition(stripped, patterns):
        return "description"
    if _standing_rule(stripped, patterns):
        return "standing_rule"
    if _narrative(stripped, patterns) or _stated(stripped, patterns):
        return "narrative"
    if _noun_phrase(stripped, patterns):
        return "noun_phrase"
    if patterns["self_reference"].match(stripped):
        return "self_reference"            # "Kế hoạch này được phổ biến đến chi bộ."
    if (patterns["funding"].match(stripped) or patterns["budget_pays"].match(stripped)) \
            and not patterns["assigns"].search(_without_allocations(stripped, patterns)):
        return "funding"            # (not "Tổng kinh phí dự kiến 1,2 tỷ đồng, giao Phòng X tham mưu bố trí …";
                                    # money "giao cho" a body is allocated to it, not work)
    bodies, end = parse_body_list(stripped)
    rest = stripped[end:].split("(")[0]
    if bodies and (not re.search(r"\w", rest) or _names_only(stripped, bodies, rest)):
        return "bodies_only"
    return None




_GIVES = re.compile(r"(?<!\w)giao(?:\s+cho)?\s+", re.IGNORECASE)


def assigned(text: str) -> bool:
    """Work given on top of a standing remit: "Giao Giám đốc Sở …" (a body after "giao", not "giao đất" or
    "… do Ủy ban nhân dân tỉnh giao"), or a doer of its own who leads it ("Sở Nội vụ chủ trì …", "Giám đốc Sở
    có trách nhiệm xây dựng …")."""
    if any(parse_body_list(text, m.end())[0] for m in _GIVES.finditer(text)):
        return True
    return bool(subject_bodies(text)) and bool(re.search(r"(?<!\w)(?:chủ trì|có trách nhiệm(?! trước))(?!\w)", text,
                                                         re.IGNORECASE))


def assigns(text: str) -> bool:
    """A directive word ("cần", "phải", "tăng cường") or an assignment cue ("giao", "có trách nhiệm")."""
    return _found(text, "directive", "assigns")


def requests(text: str) -> bool:
    """A word that asks for work ("cần", "phải", "đề nghị") or an assignment cue ("giao", "có trách nhiệm")."""
    return _found(text, "request", "assigns")


def _found(text: str, *names: str) -> bool:
    patterns = _patterns()
    return any(patterns[name].search(text) for name in names)


def raises_problems(text: str) -> bool:
    """A difficulty or incident to report ("nếu có khó khăn, vướng mắc", "khi phát sinh sự cố")."""
    return _found(text, "problem")


def directs(text: str) -> bool:
    """The item asks for action: a directive word ("cần", "phải", "tăng cường"), an action word first
    ("Tổ chức …"), a doer as its subject, or an assignment cue ("giao", "có trách nhiệm")."""
    return assigns(text) or _action_first(text) or bool(subject_bodies(text))

