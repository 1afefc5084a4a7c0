"""Lead (chủ trì) and support (phối hợp) bodies of a task, and bodies named by a heading.

Lead: the subject of the item ("Sở Tài chính chủ trì…", "Giao Sở X…", "Trong năm 2022, các bộ,
ngành … hoàn thành"), a body right before "chủ trì", else the body inherited from the heading or
lead-in. Support: bodies after "phối hợp (với)", "cùng (với)", "với sự tham gia của".
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from ..document import Body, Task
from ..lexicons import load
from ..text import cites_number, is_upper, phrase_alternation, phrase_pattern, underthesea
from .bodies import as_body, names_a_body, parse_body_list, recase
from .body_grammar import grammar, has_clause_verb
from .body_scanner import Scanner
from .deadlines import leading_time_end

_LEAD_BEFORE = re.compile(r"\s*(?:,\s*)?(?:làm đầu mối|chủ trì)\b", re.IGNORECASE)


@cache
def _cues() -> dict:
    return load("structure")


def _subject_starts(text: str) -> list[int]:
    """Offsets where the subject may begin: the start, after "Giao"/"Đề nghị", or after each
    comma of a leading adverbial ("Trong năm 2022, các bộ…", "Trên cơ sở …, Bộ trưởng…", "Riêng
    địa bàn …, giao Ban X …")."""
    stripped = len(text) - len(text.lstrip())
    after_opener = _after_directive_opener(text, stripped)
    if after_opener is not None:
        return [after_opener]
    starts = [stripped]
    label = _TOPIC_LABEL.match(text, stripped)
    if label and not _enumerates(label.group()):  # "Về nguồn vốn: các ngành chức năng …", "…: giao Sở X …"
        opened = _after_directive_opener(text, label.end())
        starts.append(label.end() if opened is None else opened)
    head = text[:_role_cue_start(text, 300)]     # the subject stands before "chủ trì" / "phối hợp với"
    if _words("adverbial_cues").match(text, stripped):
        timed = leading_time_end(text)
        if timed is not None:                    # "Hằng năm Sở X …": no comma after the time phrase
            starts.append(_COMMA.match(text, timed).end())
        for m in re.finditer(r",\s*", head):
            if _within_unit_list(text, m):
                continue
            opened = _after_directive_opener(text, m.end())
            starts.append(m.end() if opened is None else opened)
        topic = _words("topic_words").match(text, stripped)
        if topic:        # "Riêng Kho bạc Nhà nước tỉnh chủ trì …" (after the commas: "Riêng các xã miền núi, Ủy ban …")
            starts.append(topic.end() + len(text[topic.end():]) - len(text[topic.end():].lstrip()))
    elif condition := _words("condition_cues").match(text, stripped):
        starts += [m.end() for m in re.finditer(r",\s*", head)     # "Trường hợp xảy ra sự cố, các thôn báo cáo …"
                   if _names_a_doer(text, m.end()) or not names_a_body(text[condition.end():m.start()], anywhere=True)
                   and not _within_unit_list(text, m) and subject_bodies(text[m.end():])]
    return starts


@cache
def _unit_list_comma() -> tuple[re.Pattern, re.Pattern]:
    units = phrase_alternation(grammar().units)
    return re.compile(rf"(?<!\w){units}\s*$", re.IGNORECASE), re.compile(rf"{units}(?!\w)", re.IGNORECASE)


def _within_unit_list(text: str, comma: re.Match) -> bool:
    """A comma between two administrative units goes on with a list of them ("Theo đề nghị của các huyện, thị xã,
    Sở Tài chính …"): the subject does not start after it."""
    before, after = _unit_list_comma()
    return bool(before.search(text, 0, comma.start()) and after.match(text, comma.end()))


def _role_cue_start(text: str, limit: int) -> int:
    """Where a comma directly followed by "chủ trì" or a coordination cue stands (at most `limit`): the bodies
    listed after it ("Trên cơ sở …, chủ trì phối hợp với Cục Thuế, các ngành, …") coordinate, they are not the
    subject; a cue inside the adverbial ("Sau khi thống nhất với Sở A, Sở B …") bounds nothing."""
    found = _comma_then_role_cue().search(text[:limit])
    return found.start() + 1 if found else limit


@cache
def _comma_then_role_cue() -> re.Pattern:
    return re.compile(rf",\s*(?:chủ trì|{phrase_alternation(_cues()['support_cues'])})(?!\w)", re.IGNORECASE)


def _names_a_doer(text: str, at: int) -> bool:
    """A body list at `at` followed by a subject predicate ("…, Ủy ban nhân dân cấp xã có trách nhiệm")."""
    bodies, end = parse_body_list(text, at)
    return bool(bodies) and bool(_words("subject_predicates").match(text, _COMMA.match(text, end).end()))


# "Về nguồn vốn: …", and a longer topic when it opens with "Về" ("Về sắp xếp lại doanh nghiệp theo mô hình công ty
# mẹ - công ty con: …"); a comma ends a topic (what follows it may be the subject: "Về …, Sở X chủ trì …: …")
_TOPIC_LABEL = re.compile(r"(?:[Vv]ề\s[^:;.,()\n]{2,160}|[^\W\d][^:;.,()\n]{2,60}):\s*")


@cache
def _words(key: str) -> re.Pattern:
    """The phrases of structure.yaml `key`, as whole words ("adverbial_cues": "Trong năm 2027, …", "Khi có sự
    cố, …"; "subject_predicates", "owner_cues", "not_task_openers" …)."""
    return phrase_pattern(_cues()[key])


def _enumerates(label: str) -> bool:
    """"Cơ cấu tổ chức gồm:", "Ví dụ:": the colon opens a list or an example."""
    words = " ".join(label.rstrip(" :").lower().split())
    return any(words == cue or words.endswith(" " + cue) for cue in _cues()["enumeration_labels"])


@cache
def _directive_opener() -> re.Pattern:
    """A directive opener of structure.yaml ("giao", "giao cho", "đề nghị"), longest first, and the spaces
    after it; the doer follows."""
    return re.compile(rf"{phrase_alternation(_cues()['directive_openers'])}\s+", re.IGNORECASE)


@cache
def directive_opener_anywhere() -> re.Pattern:
    """The directive opener as a whole word anywhere in a sentence, not only at a given position."""
    return re.compile(rf"(?<!\w){_directive_opener().pattern}", re.IGNORECASE)


def _after_directive_opener(text: str, at: int) -> int | None:
    """Where the doer begins when a directive opener stands at `at`, else None."""
    match = _directive_opener().match(text, at)
    return match.end() if match else None


def subject_bodies(text: str, offset: int = 0) -> list[Body]:
    """Bodies that open the sentence as its subject, when a predicate follows."""
    for start in _subject_starts(text):
        bodies, end = parse_body_list(text, start, offset)
        if not bodies:
            continue
        rest = text[end:].lstrip(" ,")
        if re.search(r"\w", rest) and not _reports(rest):     # a place that ends the sentence is no subject
            return _assignee(text, end, offset) or _run_to_predicate(text, bodies, end, offset)
    return []


def _verb_in_gap(gap: str) -> bool:
    """A verb between the name and the predicate word starts a clause ("Sở Y tế hướng dẫn các cơ sở … phải …"),
    unless it is one that names a kind of body ("các cơ quan quản lý dự án", "doanh nghiệp hoạt động …")."""
    return has_clause_verb(gap)


@cache
def _gap_stop() -> re.Pattern:
    return re.compile(rf"\s*{phrase_alternation(_cues()['subject_gap_stops'])}(?!\w)", re.IGNORECASE)


def _run_to_predicate(text: str, bodies: list[Body], end: int, offset: int) -> list[Body]:
    """"Các doanh nghiệp viễn thông hoạt động trên địa bàn tỉnh có trách nhiệm …": a subject whose name runs
    past what the body grammar reads, up to a predicate word ("có trách nhiệm", "cần", "phải")."""
    match = _words("subject_predicates").search(text, end, min(len(text), end + 90))
    gap = text[end:match.start()] if match else ""
    if not gap.strip() or re.search(r"[,.;:()\n]", gap) or len(gap.split()) > 8 or _gap_stop().match(gap) \
            or _verb_in_gap(gap) or names_a_body(gap) \
            or parse_body_list(text, end + len(gap) - len(gap.lstrip()))[0]:
        return bodies
    last = bodies[-1]
    name = text[last.start - offset:match.start()].rstrip()
    return bodies[:-1] + [last.model_copy(update={"name": name, "canonical": name, "end": last.start + len(name)})]


_COMMA = re.compile(r"\s*,?\s*")
DUTY_HOLDER_CHARS = 90             # how far into the item a duty phrase may stand after its holders
DUTY_HOLDER_WORDS = 12
# what opens no holder: a basis, a time or place, a condition, an activity, a work item
HOLDER_EXCLUDED = ("not_task_openers", "adverbial_cues", "condition_cues", "activity_openers", "work_nouns")


def _assignee(text: str, end: int, offset: int) -> list[Body]:
    """"Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức …": the body assigned, not the one assigning."""
    at = _after_directive_opener(text, _COMMA.match(text, end).end())
    if at is None:
        return []
    bodies, _ = parse_body_list(text, at, offset)
    return bodies


_LABELLED_OWNER = re.compile(r"\W*(?:cơ quan|đơn vị|người)\b[^:;.]{0,60}:\s*", re.IGNORECASE)


_PARENTHESIS = re.compile(r"\(([^()]{3,200})\)")


def parenthesised_owner(text: str, offset: int = 0) -> list[Body]:
    """"… hoàn thành trước ngày 25/8/2027 (Phòng Văn hóa - Xã hội chủ trì, phối hợp với …)": the bodies a
    parenthesis opens with, when "chủ trì" follows them there (not a parenthesis that names or places something:
    "Bộ Tài chính (Kho bạc Nhà nước)", "(xã Sơn Bình)")."""
    for match in _PARENTHESIS.finditer(text):
        cue = _LEADS.search(match.group(1))
        if cue is None:
            continue
        before = match.start(1) + cue.start()
        bodies, end = parse_body_list(text[:before], match.start(1), offset)
        if bodies and not text[end:before].strip(" ,"):
            return bodies
    return []


_LEADS = re.compile(r"\s(?:đồng\s+)?chủ trì(?!\w)")      # "… chủ trì", "… đồng chủ trì" (co-lead)


def labelled_owner(text: str, offset: int = 0) -> list[Body]:
    """"Cơ quan thẩm định: Bộ Xây dựng": the body named after an owner label."""
    match = _LABELLED_OWNER.match(text)
    return parse_body_list(text, match.end(), offset)[0] if match else []


_LIST_OF_TASKS = re.compile(r"\b(?:nhiệm vụ|nội dung|giải pháp|công việc|việc|trách nhiệm)\b[^:]{0,80}\bsau(?:\s+đây)?\s*:\s*$"
                            r"|\b(?:có|chịu)\s+(?:các\s+)?(?:nhiệm vụ|trách nhiệm)\s*:\s*$", re.IGNORECASE)


def owners_of_list(line: str, offset: int = 0) -> list[Body]:
    """Who does the items an unnumbered lead-in introduces: the doers it names after a cue ("… yêu cầu các
    sở: "), or its subject when it introduces tasks ("Toàn ngành cần tập trung các nhiệm vụ sau:")."""
    found = cued_bodies(line, offset)
    if not found and _LIST_OF_TASKS.search(line):
        bodies, end = parse_body_list(line)
        if bodies and _speaks().match(line, end):
            return []               # "Cục X hướng dẫn việc … như sau:": the issuer speaks, the items are its guidance
        found = subject_bodies(line, offset)
    return found or named_owner(line, offset)


def speaks_at(text: str, pos: int) -> bool:
    """A guiding verb at `pos` ("… ban hành Kế hoạch …", "… hướng dẫn …"): a body there speaks, it does no item."""
    return bool(_speaks().match(text, pos))


@cache
def _speaks() -> re.Pattern:
    return re.compile(rf"\s*{phrase_alternation(_cues()['guiding_verbs'])}(?!\w)", re.IGNORECASE)


def _reports(written: str) -> bool:
    """The predicate reports or describes ("đã triển khai", "trong tỉnh đã tập trung", "là…")."""
    cues = _cues()
    predicate = written.lower()
    clause, *rest = re.split(r"[,;.]", predicate, maxsplit=1)
    clause = " ".join(clause.split())
    if clause.startswith(tuple(cues["role_phrases"])) or _answers_after_apposition(clause, rest):
        return False
    if clause.startswith("được ") and (_given_work(predicate) or _own_duty(written)):
        return False                # "… được giao tổ chức …": assigned; "… được phân cấp quản lý … có trách nhiệm …"
    head = " " + " ".join(clause.split()[:4]) + " "
    return (clause + " ").startswith(tuple(m + " " for m in cues["statement_markers"])) or any(
        f" {marker} " in head for marker in cues["tense_markers"])


def _given_work(predicate: str) -> bool:
    """"được giao tổ chức kiểm kê …": the work given, a verb after the passive, nothing reported of it ("… nhưng đến
    nay chưa hoàn thành", "… đã hoàn thành 12 nhiệm vụ"); not what was allotted ("được giao 45 biên chế")."""
    passive = _words("assigned_passives").match(predicate)
    if not passive:
        return False
    sentence = _first_sentence(predicate[passive.end():])
    if _told_as_done_or_undone(sentence):
        return False
    first = sentence.split()[:1]
    return bool(first) and first[0].isalpha() and has_clause_verb(" ".join(sentence.split()[:2]), first_only=True)


def _own_duty(predicate: str) -> bool:
    """"được phân cấp quản lý, khai thác … có trách nhiệm bàn giao …": a duty phrase in the sentence that is the
    subject's own: no tense or negation before it ("đã", "chưa"), and no other doer named after a comma ("…, Ủy ban
    nhân dân huyện có trách nhiệm giám sát")."""
    sentence = _first_sentence(predicate)
    duty = _words("duty_phrases").search(sentence)
    if not duty or _told_as_done_or_undone(sentence[:duty.start()]):
        return False
    return not any(_names_a_doer(sentence, m.end()) or parse_body_list(sentence, m.end())[0]
                   for m in re.finditer(r",\s*", sentence[:duty.start()]))


def _first_sentence(text: str) -> str:
    """Up to the first ";" or full stop (not a decimal point)."""
    return re.split(r";|\.(?!\d)", text, maxsplit=1)[0]


def _told_as_done_or_undone(text: str) -> bool:
    """A tense or an unfulfilled word among the words ("đã", "chưa", "nhưng"): what is told of the work, not the
    work given."""
    words = " " + " ".join(text.lower().split()) + " "
    return any(f" {word} " in words for word in _cues()["tense_markers"] + _cues()["unfulfilled_words"])


def _answers_after_apposition(clause: str, rest: list[str]) -> bool:
    """"Công ty X là chủ đầu tư, có trách nhiệm lập kế hoạch vốn": a "là …" apposition, then the body's
    duty after the comma."""
    return clause.startswith("là ") and bool(rest) and bool(_words("subject_predicates").match(rest[0].lstrip()))


def is_report(text: str) -> bool:
    """An item whose named subject reports or agrees instead of acting ("Ban Thường vụ Tỉnh ủy
    cơ bản đồng ý…", "Sở X đã triển khai…")."""
    for start in _subject_starts(text):
        bodies, end = parse_body_list(text, start)
        if bodies:
            return _reports(text[end:].lstrip(" ,"))
    return False


def is_directive(sentence: str) -> bool:
    """A sentence that assigns work to a named body: its subject, or the body put in charge ("…, giao Sở Y tế
    chủ trì …")."""
    return not opens_no_task(sentence) and bool(subject_bodies(sentence) or _put_in_charge(sentence))


def _put_in_charge(sentence: str) -> bool:
    """"Sau khi nghe báo cáo, Chủ tịch huyện giao Phòng X chủ trì, …": a directive opener, bodies, then
    "chủ trì", and what follows directs rather than reports ("do Sở X chủ trì đã …" is a report)."""
    for match in directive_opener_anywhere().finditer(sentence):
        bodies, end = parse_body_list(sentence, match.end())
        if bodies and _LEAD_BEFORE.match(sentence, end):
            return not _reports(sentence[end:].lstrip(" ,"))
    return False


def opens_no_task(text: str) -> bool:
    """Text opening with a closing phrase, a basis or reported speech (`not_task_openers`: "Trên đây là …",
    "Căn cứ …", "Theo ông …"), whole words ("Theo bàn giao …" is not "Theo bà …"); not grounds followed
    by work (`grounds_then_work`)."""
    return bool(_words("not_task_openers").match(text.strip())) and not grounds_then_work(text)


@lru_cache(maxsize=4096)
def grounds_then_work(text: str) -> bool:
    """"Căn cứ kế hoạch vốn được giao, Công ty X lập dự toán …", "Căn cứ hướng dẫn của Bộ, rà soát …": the
    grounds, then a clause that names its doer or opens with a verb (`structure.yaml` grounds_then_work). Not:
    a preamble's citation (it ends with ";" or ","; a cited document's title may hold verbs, so only a doer
    counts after "Căn cứ Luật …"), the issuer presenting this document ("…, Ủy ban nhân dân huyện ban hành Kế
    hoạch …"), nor the closing instruction ("Căn cứ nội dung Công văn này, các sở triển khai thực hiện./.")."""
    stripped = text.strip().lstrip("-+•* ")
    cues = _grounds()
    opener = cues["opener"].match(stripped)
    if not opener or stripped.endswith((";", ",", ":")) or cues["issuing"].search(stripped):
        return False
    bodies = subject_bodies(stripped)
    if bodies:
        after = max(b.end for b in bodies)
        return not (cues["issues_one"].match(stripped, after) or _carries_out_this_document(stripped, after, cues))
    if cues["cited"].match(stripped, opener.end()) or cites_number(stripped):
        return False
    return any(_opens_with_verb(stripped[m.end():m.end() + 60]) for m in re.finditer(r",\s*", stripped[:300]))


def _carries_out_this_document(text: str, after_doers: int, cues: dict) -> bool:
    """Grounds pointing at this document, then the doers and only "(tổ chức|triển khai) thực hiện" and manner."""
    grounds = text.split(",", 1)[0]
    return bool(cues["this_document"].search(grounds)) and bool(cues["carry_out"].match(text, after_doers))


@lru_cache(maxsize=4096)
def closing_request(text: str) -> bool:
    """"Ủy ban nhân dân huyện yêu cầu các phòng, ban tổ chức thực hiện nghiêm túc Kế hoạch này./.": a request
    word before the doers, then only carrying out (with its manner) of the document itself
    (`structure.yaml` closing_request). Not "Giao …", nor a request that adds work ("… và báo cáo kết quả")."""
    stripped = text.strip().lstrip("-+•* ")
    cues = _closing_request_cues()
    if not cues["request_word"].search(stripped):
        return False                             # most items: no body parsing needed
    bodies = subject_bodies(stripped)
    if not bodies or not cues["request"].search(stripped[:min(b.start for b in bodies)]):
        return False
    after = max(b.end for b in bodies)
    return bool(cues["rest"].match(stripped, after)) or bool(cues["coordinate"].match(stripped, after)) and all(
        b.name[:1].islower() for b in bodies)       # asked of "các cơ quan, đơn vị …", not of a body by name


@cache
def _closing_request_cues() -> dict[str, re.Pattern]:
    cues = _cues()["closing_request"]
    kinds = phrase_alternation(load("metadata")["cited_kinds"])
    manner = _manner()
    document = rf"(?:\s+(?:các\s+)?(?:nội dung\s+)?(?:của\s+)?{kinds}\s+{phrase_alternation(cues['after_kind'])})"
    requests = phrase_alternation(cues["requests"])
    return {
        "request_word": re.compile(rf"(?<!\w){requests}(?!\w)", re.IGNORECASE),
        "request": re.compile(rf"(?<!\w){requests}\s*$", re.IGNORECASE),
        "rest": re.compile(rf"\s*,?\s*(?:{phrase_alternation(cues['responsibility'])}\s+)?{manner}*\s*,?\s*"
                           rf"{_carrying_out()}(?:{document}{manner}*)?[\s./]*$", re.IGNORECASE),
        "coordinate": re.compile(rf"{manner}*\s*,?\s*{phrase_alternation(cues['coordinate'])}(?!\w){manner}*"
                                 rf"(?:{document}{manner}*)?[\s./]*$", re.IGNORECASE),
    }


def _manner() -> str:
    """One manner word after an optional comma ("…, nghiêm túc", "kịp thời"), as regex source."""
    return rf"(?:\s*,?\s*{phrase_alternation(_cues()['grounds_then_work']['manner'])}(?!\w))"


def _carrying_out() -> str:
    """Carrying out and its manner ("tổ chức thực hiện nghiêm túc, kịp thời"), as regex source."""
    return rf"{phrase_alternation(_cues()['grounds_then_work']['carry_out'])}(?!\w){_manner()}*"


@cache
def _grounds() -> dict[str, re.Pattern]:
    cues = _cues()["grounds_then_work"]
    kinds = load("metadata")["cited_kinds"]
    capitalised_kinds = phrase_alternation([k[:1].upper() + k[1:] for k in kinds])
    return {
        "opener": re.compile(rf"{phrase_alternation(cues['openers'])}(?:\s+(?:vào|theo))?\s+", re.IGNORECASE),
        "cited": re.compile(rf"{capitalised_kinds}(?!\w)"),
        "issuing": re.compile(rf"(?<!\w){phrase_alternation(cues['issuing'])}(?!\w)", re.IGNORECASE),
        "issues_one": re.compile(rf"\s*ban hành\s+{capitalised_kinds}(?!\w)(?!\s+số)"),   # right after the doers
        "this_document": re.compile(rf"(?<!\w){phrase_alternation(cues['this_document'])}\s*$", re.IGNORECASE),
        "carry_out": re.compile(rf"\s*{_carrying_out()}[\s./]*$", re.IGNORECASE),
    }


def _opens_with_verb(words: str) -> bool:
    """A verb first, a predicate word ("chủ động", "khẩn trương"), or a verb after one adverb ("thường xuyên
    kiểm tra …")."""
    if has_clause_verb(words, first_only=True) or _words("subject_predicates").match(words):
        return True
    tagged = underthesea().pos_tag(words)[:2]
    return len(tagged) == 2 and tagged[0][1] in ("A", "R") and tagged[1][1].startswith("V")


def heading_bodies(text: str, start: int, end: int) -> list[Body]:
    """Bodies a heading or lead-in hands to its items.

    "3. Ủy ban nhân dân các xã, phường", "1. Cục X có trách nhiệm:", "1. Các Bộ: A, B:", "Giám đốc Sở yêu
    cầu các phòng, trung tâm thuộc Sở:", "Đối với các tỉnh ven biển:", "NHIỆM VỤ CỤ THỂ CỦA CÁC SỞ".
    """
    line = text[start:end]
    found = cued_bodies(line, start) or subject_bodies(line, start)
    if found:
        return _run_to_heading_end(line, found, start)
    return _whole_line_bodies(line, start) or named_owner(line, start)


_OWNER_BEFORE_DUTIES = re.compile(r"\s+(?:có|chịu)\s+(?:các\s+)?(?:nhiệm vụ|trách nhiệm|nghĩa vụ)(?:\s+sau(?:\s+đây)?)?"
                                  r"\s*:\s*$", re.IGNORECASE)
_OWNER_WORDS = 20
_PROVISION = re.compile(r"(?<!\w)(?:điều|khoản|điểm|mục|chương)\s+[\w.]*\d[\w.]*", re.IGNORECASE)


def named_owner(line: str, offset: int = 0) -> list[Body]:
    """An owner the body grammar does not know, where the line's shape names it: the rest of a heading after
    "Nhiệm vụ của"/"Nghĩa vụ của"… ("Nghĩa vụ của cán bộ phụ trách thư viện"), or the subject of a lead-in
    "… có trách nhiệm:" ("Các hộ dùng nước trong khu tưới có trách nhiệm:"). A noun phrase of a few words
    that opens with a noun (underthesea POS), without digits, brackets or a sentence's punctuation."""
    spans = [(m.end(), len(line.rstrip(" :.;\n"))) for m in _words("owner_cues").finditer(line)
             if m.group().lower().endswith(" của") and _heads_the_line(line[:m.start()])]
    if (duties := _OWNER_BEFORE_DUTIES.search(line)) is not None:
        spans.append((0, duties.start()))
    for a, b in spans:
        name = line[a:b].strip()
        bare = _PROVISION.sub("", name)     # "… quy định tại Điều 6": a provision cited is not a figure
        if name and len(name.split()) <= _OWNER_WORDS and not re.search(r"[\d;()\[\]:.!?]", bare) \
                and _opens_with_noun(name):
            at = offset + a + len(line[a:b]) - len(line[a:b].lstrip())
            return [as_body(name, at)]
    return []


def _heads_the_line(before: str) -> bool:
    """The cue opens the heading, after at most a few words that hold no verb ("Quyền và nghĩa vụ của …"),
    not inside an action ("Nâng cao trách nhiệm của …")."""
    return not before.strip() or len(before.split()) <= 3 and not has_clause_verb(before)


def _opens_with_noun(words: str) -> bool:
    tagged = [(w, t) for w, t in underthesea().pos_tag(words)[:2] if w.lower() not in grammar().determiners]
    return bool(tagged) and tagged[0][1] in ("N", "Nc", "Np")


@cache
def _name_tail() -> re.Pattern:
    """What bodies of a kind do and where, closing a heading: an optional "và" and a few words, then a verb that
    names a kind of body (`subject_gap_verbs`), then no digit or clause punctuation ("… kinh doanh vận tải tại
    huyện"); `rest` is what follows the verb."""
    return re.compile(rf"(?:và\s+(?:[^\W\d]+\s+){{1,4}}?)?{phrase_alternation(_cues()['subject_gap_verbs'])}"
                      r"(?!\w)(?P<rest>[^\d,;:()\n]{0,80})", re.IGNORECASE)


def _after_gap_verbs(rest: str) -> str:
    """`rest` past the gap verbs that open it ("hoạt động kinh doanh trên địa bàn" → "trên địa bàn"); a gap verb
    further on is a predicate ("… kinh doanh dịch vụ ăn uống quản lý chặt chẽ …")."""
    while (match := _words("subject_gap_verbs").match(rest.lstrip())) is not None:
        rest = rest.lstrip()[match.end():]
    return rest


def _of_a_kind(name: str) -> bool:
    """"Các doanh nghiệp …", "những cơ sở …": a body named by its kind after a determiner, not by a proper name."""
    words = " ".join(name.lower().split())
    return any(words.startswith(d + " ") for d in grammar().determiners)


def _run_to_heading_end(line: str, bodies: list[Body], offset: int) -> list[Body]:
    """"2. Các doanh nghiệp bưu chính và chuyển phát hoạt động kinh doanh trên địa bàn huyện:": a heading that
    only names bodies of a kind; the tail saying what they do and where is part of the last name. Not a tail
    with a clause verb, a time or a word that opens a clause ("… quản lý dự án hoàn thành trước …")."""
    last = bodies[-1]
    tail = line[last.end - offset:].rstrip(" :.;\n")
    words = tail.strip()
    # "Các cơ sở kinh doanh X quản lý …": a name that holds a verb already is followed by its predicate
    described = _words("subject_gap_verbs").search(last.name)
    match = _name_tail().fullmatch(words) if words and _of_a_kind(last.name) and not described else None
    rest = _after_gap_verbs(match.group("rest")) if match else ""
    if match is None or _words("subject_predicates").search(tail) or _directive_opener().search(tail) \
            or _words("subject_gap_stops").search(rest) or _words("subject_gap_verbs").search(rest) \
            or (rest.strip() and has_clause_verb(rest)):
        return bodies
    name = line[last.start - offset:last.end - offset + len(tail) - len(tail.lstrip()) + len(words)]
    added = name[len(last.name):]
    return bodies[:-1] + [last.model_copy(update={"name": name, "canonical": last.canonical + added,
                                                  "end": last.start + len(name)})]


def cued_bodies(line: str, offset: int) -> list[Body]:
    """Bodies right after an owner cue of the line (`owner_cues`); an all-caps heading is recased."""
    for match in _words("owner_cues").finditer(line):
        if _names_a_document(line, match.start()):
            continue
        rest = line[match.end():].lstrip()
        at = len(line) - len(rest)
        if is_upper(rest):
            name = recase(rest.rstrip(" :."))
            found, stop = parse_body_list(name)
            if found and stop >= len(name.rstrip(" :.")) - 1:
                return [Body(name=name, canonical=found[0].canonical, start=offset + at, end=offset + len(line))]
            continue
        found, _ = parse_body_list(line, at, offset)
        if found:
            return found
    return []


def _names_a_document(line: str, at: int) -> bool:
    """A cue capitalised after a word inside a sentence is a document's name ("thực hiện Chỉ thị Ban Bí thư"),
    not an order ("Ủy ban nhân dân tỉnh chỉ thị các sở …")."""
    return line[at].isupper() and not is_upper(line) and bool(re.search(r"\w\s+$", line[:at]))


def _whole_line_bodies(line: str, offset: int) -> list[Body]:
    """A heading that is only a list of bodies ("Ủy ban nhân dân các xã, phường")."""
    bodies, end = parse_body_list(line, _subject_starts(line)[0], offset)
    return bodies if bodies and not line[end:].strip(" :.;") else []


def _lead_before_chu_tri(text: str, offset: int) -> list[Body]:
    """Bodies standing right before "chủ trì" inside the item ("…, giao Sở Y tế chủ trì")."""
    for match in re.finditer(r"^|\b(?:giao|do|để|chỉ đạo|,)\s+", text, re.IGNORECASE):
        bodies, end = parse_body_list(text, match.end(), offset)
        if bodies and _LEAD_BEFORE.match(text, end):
            return bodies
    return []


@cache
def _support_cues() -> re.Pattern:
    """A coordination cue, not where it qualifies a noun (`support_cue_nouns`: "sự phối hợp giữa …", "quy chế phối
    hợp với Công an tỉnh")."""
    not_after = "".join(f"(?<!{re.escape(noun)} )" for noun in _cues()["support_cue_nouns"])
    return re.compile(rf"(?<!\w){not_after}{phrase_alternation(_cues()['support_cues'])}\s+", re.IGNORECASE)


def support_bodies(text: str, offset: int = 0) -> list[Body]:
    """Bodies named after a coordination cue ("phối hợp với", "kết hợp với", "với sự tham gia của"), or
    right before a bare "phối hợp" after the lead's clause ("Sở A chủ trì; Sở B, Sở C phối hợp")."""
    found: list[Body] = []
    for match in _support_cues().finditer(text):
        body_only = bool(_words("body_only_support_cues").fullmatch(match.group().strip()))
        bodies, _ = parse_body_list(text, match.end(), offset, acronyms=body_only)
        found.extend(b for b in bodies if all(b.start != f.start for f in found))
    found.extend(b for b in _named_before_phoi_hop(text, offset) if all(b.start != f.start for f in found))
    return found


@cache
def _bare_phoi_hop() -> re.Pattern:
    """"phối hợp" (or "cùng phối hợp") followed by none of `bare_support_not_before`."""
    after = phrase_alternation(_cues()["bare_support_not_before"])
    return re.compile(rf"(?<!\w)(?:cùng\s+)?phối hợp(?!\s+(?:{after})(?!\w))(?!\w)", re.IGNORECASE)


@cache
def _lead_clause_ends() -> re.Pattern:
    return phrase_pattern(_cues()["lead_clause_ends"])


def _named_before_phoi_hop(text: str, offset: int) -> list[Body]:
    """"Sở A chủ trì; Sở B, Sở C phối hợp thực hiện": the list between the lead clause and "phối hợp"."""
    ends = [m.end() for m in _lead_clause_ends().finditer(text)]
    for match in _bare_phoi_hop().finditer(text):
        start = max((e for e in ends if e < match.start()), default=None)
        if start is None:
            continue
        bodies, stop = parse_body_list(text, start, offset)
        if bodies and not text[stop:match.start()].strip(" ,"):
            return bodies
    return []


def _requests(text: str) -> bool:
    """The item opens with a requirement the heading's owner sets for others ("Yêu cầu các doanh nghiệp …"),
    not an assignment ("Giao …") or a request to another body ("Đề nghị …", whose addressee does it)."""
    return bool(re.match(r"\W*yêu cầu\s", text, re.IGNORECASE))


_HOLDER_JOIN = re.compile(r"\s*,\s*|\s+(?:và|hoặc)\s+")


def duty_holders(text: str, offset: int = 0) -> list[Body]:
    """"Chủ bến, thuyền trưởng và thuyền viên có trách nhiệm …": whoever the sentence opens with before a duty
    phrase (`duty_phrases`) holds the duty, a body of no known kind included (a non-state actor, a person by
    role). Only a short run of nouns: no verb, no punctuation but commas, not lower-case at the start."""
    stripped = len(text) - len(text.lstrip())
    match = _words("duty_phrases").search(text, stripped, stripped + DUTY_HOLDER_CHARS)
    if match is None:
        return []
    words = text[stripped:match.start()].rstrip()
    if not words[:1].isupper() or re.search(r"[^\w\s,/-]", words) or len(words.split()) > DUTY_HOLDER_WORDS \
            or any(_words(key).match(words) for key in HOLDER_EXCLUDED) or has_clause_verb(words, first_only=True):
        return []
    whole = Scanner(words).phrase_at(0, grammar().heads)      # "Cục thuế các tỉnh, thành phố …": one name
    out, at = [], stripped
    for part in [words] if whole else [p for p in _HOLDER_JOIN.split(words) if p]:
        at = text.index(part, at)
        out.append(as_body(part, offset + at))
        at += len(part)
    return out


def responsibility_holders(text: str, offset: int = 0) -> list[Body]:
    """"Nâng cao trách nhiệm của nhà thầu thi công, …": an item that opens with a verb calling on a body's
    responsibility (`responsibility_verbs`, then `responsibility_of`) is that body's work, when neither the item
    nor its heading names another doer."""
    call = _responsibility_call().match(text)
    return parse_body_list(text, call.end(), offset)[0] if call else []


@cache
def _responsibility_call() -> re.Pattern:
    """A calling verb, then the responsibility cue, then the spaces before its holder."""
    cues = _cues()
    return re.compile(rf"\s*{phrase_alternation(cues['responsibility_verbs'])}\s+"
                      rf"{phrase_alternation(cues['responsibility_of'])}(?!\w)\s*", re.IGNORECASE)


def assign(task: Task, inherited_lead: list[Body], inherited_support: Sequence[Body] = ()) -> Task:
    """Set `task.lead` and `task.support` from its text and what its heading hands down: an item that takes
    its lead from the heading ("Vụ A chủ trì, phối hợp với Vụ B, Cục C: a) …") takes the heading's support too."""
    text, offset = task.text, task.start
    if inherited_lead and _requests(text):
        lead = []                   # under "1. Sở X": "Yêu cầu các đơn vị …" is Sở X requiring them
    else:
        lead = labelled_owner(text, offset) or subject_bodies(text, offset) or _lead_before_chu_tri(text, offset) \
            or duty_holders(text, offset) or (cued_bodies(text, offset) if opens_no_task(text) else []) \
            or parenthesised_owner(text, offset)
        # ("Cơ bản đồng ý với dự thảo …; giao Phòng X hoàn thiện …": the body the agreement then assigns)
    task.lead = lead or [b.model_copy() for b in inherited_lead] or responsibility_holders(text, offset)
    lead_starts = {b.start for b in lead}
    task.support = [b for b in support_bodies(text, offset) if b.start not in lead_starts]
    if not lead and inherited_lead:
        task.support = with_unnamed(task.support, inherited_support, also_not=task.lead)
    return task


def with_unnamed(bodies: list[Body], more: Sequence[Body], also_not: Sequence[Body] = ()) -> list[Body]:
    """`bodies`, then copies of those of `more` whose name neither they nor `also_not` already give."""
    named = {b.name.lower() for b in [*bodies, *also_not]}
    return bodies + [b.model_copy() for b in more if b.name.lower() not in named]
