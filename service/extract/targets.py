"""Numeric targets (chỉ tiêu): "Đến năm 2030, tỷ lệ che phủ rừng đạt 60%".

A target is a number with a unit (or a bare number after "bằng"/"đạt") that is not a
reference (document number, date, article, map scale), not a description (an area, a length, a cost
or a count with no aim in its clause), not a rate given or held ("hỗ trợ 50%") and not a result
already achieved (report language). Cues live in
service/lexicons/targets.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from service.document import Target
from service.extract.bodies import match_body
from service.extract.numbers import NUMBER, parse_number, parse_range
from service.lexicons import alternation, load
from service.text import YEAR

QUOTES = "“”\"'‘’«»"


def lexicon() -> dict:
    """The parsed targets.yaml."""
    return load("targets")


def phrase_re(words: list[str], suffix: str = "", prefix: str = "") -> re.Pattern:
    """A case-insensitive regex for whole phrases from `words`."""
    return re.compile(rf"{prefix}(?<!\w)(?:{alternation(words)})(?!\w){suffix}", re.I)


def past_re(words: list[str]) -> re.Pattern:
    """`phrase_re` of past cues, where those of `inside_thuc_hien` right after "thực" are the verb "thực hiện"
    ("thực hiện có hiệu quả", "thực hiện tại các xã"), no cue, unless a figure follows ("thực hiện có 95% …")."""
    inside = {w.lower() for w in lexicon()["achievement"]["inside_thuc_hien"]}
    in_verb = [w for w in words if w.lower() in inside]
    rest = [w for w in words if w not in in_verb]
    either = alternation(in_verb)
    guarded = rf"|(?<!\w)(?:(?<!thực )(?:{either})|(?:{either})(?=\s*(?:\d|$)))(?!\w)" if in_verb else ""
    return re.compile(rf"(?<!\w)(?:{alternation(rest)})(?!\w){guarded}", re.I)


@dataclass(frozen=True)
class Patterns:
    mention: re.Pattern
    comparator_before: dict[str, re.Pattern]
    comparator_after: dict[str, re.Pattern]
    strong_past: re.Pattern
    weak_past: re.Pattern
    listed_past: re.Pattern
    turning_to_aim: re.Pattern
    target_cue: re.Pattern
    head: re.Pattern
    strip_end: re.Pattern
    strip_start: re.Pattern
    bare_cue: re.Pattern
    zero_cue: re.Pattern
    reference: re.Pattern
    aim: re.Pattern
    aim_in_name: re.Pattern
    rate: re.Pattern
    rate_noun: re.Pattern
    giving: re.Pattern
    support_given: re.Pattern
    item_join: re.Pattern
    cost_after: re.Pattern
    funding: re.Pattern
    reached: re.Pattern
    horizon_states: re.Pattern
    horizon_size: re.Pattern
    list_goes_on: re.Pattern
    not_stating: re.Pattern
    group_has: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """Compiled patterns built from the lexicon."""
    lx = lexicon()
    u = lx["units"]
    mult = alternation(u["multiplier"])
    per = alternation(u["per"])
    core = (rf"(?:{mult})\s+(?:{alternation(u['measure'] + u['count'])})"
            rf"|{alternation(u['money'] + u['measure'] + u['count'] + u['cue_only'])}"
            rf"|(?:{mult})(?!\s+(?!(?:{alternation(u['multiplier_before'])})(?!\w))"
            rf"(?:{alternation(u['not_after_multiplier'])})(?!\w))")             # "năm 2028 tỷ lệ"
    unit = (rf"(?:%|{alternation(u['percent'][1:])}|{core})(?![\w])"
            rf"(?:\s*/\s*(?:1\s*)?(?:{per})(?!\w))*")
    num = rf"(?:(?:từ\s+)?{NUMBER}\s*[%‰]?\s*(?:[-–—]|đến|tới)\s*{NUMBER}|{NUMBER})"
    mention = re.compile(
        rf"(?<![\w.,/:])[{QUOTES}]?(?P<num>{num})[{QUOTES}]?(?![\d])"
        rf"(?:\s*(?P<unit>{unit}))?", re.I)
    cmp_ = lx["comparators"]
    return Patterns(
        mention=mention,
        comparator_before={k: phrase_re(v["before"], r"\s*$") for k, v in cmp_.items()},
        comparator_after={k: phrase_re(v["after"], prefix=r"^\s*") for k, v in cmp_.items()},
        strong_past=past_re(lx["achievement"]["strong"]),
        weak_past=phrase_re(lx["achievement"]["weak"]),
        listed_past=past_re(lx["achievement"]["opening_a_list"]),
        turning_to_aim=phrase_re(lx["achievement"]["turning_to_aim"]),
        target_cue=phrase_re(lx["target_cues"]),
        head=phrase_re(lx["indicator_heads"], r"(?!\s*\d)", "".join(f"(?<!{w} )" for w in lx["head_not_after"])),
        strip_end=phrase_re(lx["indicator_strip"], r"[\s:,]*$"),
        strip_start=phrase_re(lx["indicator_strip_start"], r"[\s:,]+", r"^"),
        bare_cue=phrase_re(lx["bare_cues"], r"\s*$"),
        zero_cue=phrase_re(lx["zero_cues"], r"\s*$"),
        reference=phrase_re(lx["reference_before"], r"\s*$"),
        aim=phrase_re(lx["aim_cues"]),
        aim_in_name=phrase_re(lx["aim_in_names"]),
        rate=phrase_re(lx["rate_before"]),
        rate_noun=phrase_re(lx["rate_nouns"]),
        giving=phrase_re(lx["giving_before"]),
        support_given=phrase_re(lx["support_before"], r"\s*$"),
        item_join=re.compile(rf"(?P<join>\s+(?:{alternation(lx['list_item_joins'])})\s+)"     # "… và [khoảng] 10 %"
                             rf"(?:(?:{alternation(lx['list_item_openers'])})\s+)?$", re.I),
        cost_after=phrase_re(lx["cost_after"], prefix=r"^\s*"),
        funding=phrase_re(lx["budget"]["funding_cues"]),
        reached=phrase_re([f"{verb} {head}" for verb in lx["reached_rate"]["verbs"]
                           for head in lx["reached_rate"]["heads"]], r"\s*$"),
        horizon_states=phrase_re(lx["horizon_states"]),
        horizon_size=phrase_re(lx["sizes_at_horizon"]),
        list_goes_on=re.compile(rf"(?:^|(?<!\w)(?:{alternation(lx['list_joiners'])}))\s*$", re.I),
        not_stating=phrase_re(lx["horizon_not_stating"]),
        group_has=re.compile(rf"(?<!\w)(?:{alternation(lx['group_openers'])})\s+\w+(?:\s+\w+)?\s+có(?!\w)", re.I),
    )


CLAUSE_END = re.compile(r"[;!?\n]|\.(?=\s|$)|:(?!\s*[\d“\"])")
SENTENCE_END = re.compile(r"[!?\n]|\.(?=\s|$)")
COMMA = re.compile(r"\s*,\s+")
TIME_LEAD = re.compile(
    r"^\s*(?:phấn đấu\s*)?(?:(?:từ nay |đến |tới |vào |trước |trong |hết |cuối )*năm\s+\d{4}"
    r"|(?:đến|tới|vào|trước)\s+\d{4}|giai đoạn\b|trước mắt|hằng năm|hàng năm|mỗi năm"
    r"|phấn đấu$|mục tiêu$)", re.I)
TIME_ONLY = re.compile(TIME_LEAD.pattern + r"[\s,]*$", re.I)
MARKER = re.compile(r"\s*(?:[-+•*–]\s*|\(?[a-zđ0-9]{1,3}[.)]\s+|[IVX]+\.\s+)*", re.I)
INTRO = re.compile(r"(?<!\w)(?:hướng tới(?:\s+mục tiêu)?|phấn đấu(?:\s+đạt)?|nhằm|với mục tiêu|mục tiêu|đạt mức)(?!\w)", re.I)
DUE_LEAD = re.compile(r"\s*(?:(?:(?:đến|tới|vào|trước|trong)\s+)?năm\s+(?:19|20)\d{2}(?!\d)"
                      r"|(?:giai đoạn\s+)?(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}(?!\d))", re.I)
DUE_YEAR = re.compile(r"(?:đến|tới|vào|trước|trong|hết|cuối)(?:\s+(?:hết|cuối))?\s+(?:năm\s+)?"
                      r"((?:19|20)\d{2})(?!\d)", re.I)
ANY_YEAR = re.compile(r"(?<!so với )(?<!lần )năm\s+((?:19|20)\d{2})(?!\d)(?:\s*[-–]\s*((?:19|20)\d{2}))?"
                      r"|((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?!\d)", re.I)
PAST_YEAR = re.compile(r"(?<!đến )(?<!tới )(?<!vào )(?<!trước )(?<!hết )(?<!cuối )(?<!với )"
                       r"(?<!trong )năm\s+((?:19|20)\d{2})(?![\d\s]*[-–:])", re.I)
A_YEAR = re.compile(rf"(?<!\d){YEAR}")     # "năm 2027", "31/12/2027"
IMPERATIVE = re.compile(r"\s*(?:[-+•*]\s*|\(?[a-zđ0-9]{1,3}[.)]\s+)?(?:giảm|tăng|nâng|đạt|phấn đấu|bảo đảm|"
                        r"đảm bảo|duy trì|hoàn thành|cứng hóa|xây dựng|trồng)(?!\w)", re.I)
MONEY = re.compile(r"đồng|usd|vn[dđ]|^(?:nghìn |ngàn )?(?:tỷ|tỉ|triệu)$", re.I)
NOT_MONEY = re.compile(r"\s*(?:chí|bào|bằng|thời|bộ|ruộng|đội|hành|nghiệp|loạt|minh)(?!\w)", re.I)
COUNT_CUE = re.compile(r"(?<!\w)(?:đạt|tăng|giảm|hoàn thành|phấn đấu|tối thiểu|ít nhất|trên|thêm)(?!\w)", re.I)
CONNECTOR = re.compile(r"[^,;]*?(?:,|\bvà\b|\bcòn\b)\s*|\s*", re.I)
NEXT_FIGURE = re.compile(r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d.,]*\s*(?:%|[a-zđ])", re.I)
BASELINE_YEAR = re.compile(r"\s*(?:vào\s+|của\s+)?năm\s+(?:19|20)\d{2}", re.I)
BASELINE_AFTER = re.compile(rf"\s*(?:lên|xuống|còn|tăng lên|giảm xuống)\s+(?:mức\s+)?{NUMBER}", re.I)
WORD_START = re.compile(r"(?<!\w)\w")
FOR_COST = re.compile(r"cho\s+", re.I)
COST_REACH = 80                                       # characters after a figure where its cost word stands
CLOSING_PAREN = re.compile(r"\s*\)")
ITEM_WORDS = 8                                        # what a figure of a list of figures may say of itself
TRAIL_CUT = re.compile(r"(?:^|\s+)(?:(?:đến|tới|vào|trước|trong)\s+năm|năm\s+\d{4}|giai đoạn|trở lên|trở xuống"
                       r"|so với|trong đó|và\s+(?=\S+\s+\S*\d))\b.*$", re.I | re.S)


def bounds(text: str, pos: int, pattern: re.Pattern, parens: bool = True) -> tuple[int, int]:
    """Start and end of the stretch around `pos` delimited by `pattern`, narrowed to the
    parentheses `pos` is in, if any and `parens`."""
    start, end = 0, len(text)
    for m in pattern.finditer(text):
        if m.start() >= pos:
            end = m.start()
            break
        start = m.end()
    if parens:                                        # inside "( ... )"
        opened, closed = text.rfind("(", start, pos), text.find(")", pos, end)
        start = opened + 1 if opened > text.rfind(")", start, pos) else start
        end = closed if closed != -1 and "(" not in text[pos:closed] else end
    return start, end


def quote_start(text: str, clause_start: int, pos: int) -> int:
    """Start of the comma-clause holding `pos`, merged with a leading time phrase; the whole of it where a
    subject reaches a rate in it ("… được xử lý đạt tỷ lệ 70%"); in a run-on clause, from the last cue
    ("hướng tới", "phấn đấu") or the first indicator head."""
    cuts = [clause_start] + [m.end() for m in COMMA.finditer(text, clause_start, pos)]
    i = len(cuts) - 1
    if i > 0 and _listed_noun(text[cuts[i]:pos]):
        i -= 1                      # "Chi cho khoa học, công nghệ đạt 2%": the comma lists nouns of the indicator
    while i > 0:
        previous = MARKER.sub("", text[cuts[i - 1]:cuts[i]], count=1)
        if not TIME_ONLY.match(previous):
            break
        i -= 1
    start = cuts[i]
    if reached_rate(text[start:pos]):
        return MARKER.match(text, start).end()
    if i > 0 and not patterns().head.search(text, start, pos) and len(text[cuts[0]:pos].split()) <= 20:
        head = patterns().head.search(text, cuts[i - 1], start)
        start = head.start() if head else start   # "chỉ tiêu cấp điện cho dịch vụ, thương mại khoảng 40%"
    if len(text[start:pos].split()) > 12:
        intro = list(INTRO.finditer(text, start, pos))
        start = intro[-1].start() if intro else start
    if len(text[start:pos].split()) > 12:
        window = pos - len(" ".join(text[start:pos].split()[-20:])) - 2
        head = patterns().head.search(text, max(start, window), pos)
        start = head.start() if head else start
    return MARKER.match(text, start).end()


LISTED_NOUN_WORDS = 3


def _listed_noun(clause: str) -> bool:
    """The words of a comma-clause before a figure, its cue words left out, are a short noun in lower case and
    no verb ("công nghệ" in "khoa học, công nghệ đạt 2%"; not "chi thường xuyên giảm 5%", nor "kiểm dịch 100%"
    with no cue)."""
    from .body_grammar import has_clause_verb

    words = clause.strip(" ,:;-")
    for _ in range(4):
        words = patterns().strip_end.sub("", words).strip(" ,:;-")
    cued = len(words) < len(clause.strip(" ,:;-"))         # a cue stood before the figure ("đạt", "giảm còn")
    return cued and 0 < len(words.split()) <= LISTED_NOUN_WORDS and words[:1].islower() \
        and not has_clause_verb(words)


def reached_rate(before: str) -> re.Match | None:
    """"đạt tỷ lệ" right before the number, after a subject ("Nước thải … được xử lý đạt tỷ lệ 70%"), in the
    words of a clause before its figure: the rate is what the subject reaches, so the subject is the indicator.
    None where no subject of at most `subject_words` words follows the clause's time phrase and marker ("Đến
    năm 2030, đạt tỷ lệ …")."""
    reached = patterns().reached.search(before)
    if not reached:
        return None
    subject = TIME_LEAD.sub("", MARKER.sub("", before[:reached.start()], count=1)).strip(" ,")
    return reached if 0 < len(subject.split()) <= lexicon()["reached_rate"]["subject_words"] else None


def quote_end(text: str, end: int, clause_end: int) -> int:
    """End of a target's quote: the due-year phrase right after the number if any, else its comma-clause, up to
    the join before another figure in it ("90 % diện tích lúa chất lượng cao và 10 % …", at most ITEM_WORDS words),
    else the number where the clause runs on (another figure farther on, over 30 words)."""
    comma = COMMA.search(text, end, clause_end)
    stop = comma.start() if comma else clause_end
    lead = DUE_LEAD.match(text, end, stop)
    if lead:
        return lead.end()
    tail = text[end:stop]
    following = next((f for f in patterns().mention.finditer(tail) if f["unit"]), None)
    if following:                                     # "90 % diện tích lúa chất lượng cao và 10 % …": up to the join
        join = _item_join(tail, 0, following.start())
        stop = end + join.start() if join else end
    elif len(tail.split()) > 30:
        stop = end
    return len(text[:stop].rstrip(" ,"))


@lru_cache(maxsize=1)
def count_units() -> frozenset[str]:
    """Lower-cased count units (người, hộ, xã...)."""
    return frozenset(u.lower() for u in lexicon()["units"]["count"])


def is_reference(text: str, start: int, end: int, has_unit: bool, value: float) -> bool:
    """A document number, date, article, scale or year rather than a figure."""
    before = text[max(0, start - 30):start].rstrip(QUOTES + " ")
    after = text[end:end + 3]
    if re.search(r"\d[/:]$|\w[-/]$", text[max(0, start - 2):start]) or re.search(r"\w\s*[-–]$", before) or re.match(r"\s?[-/:]\s?[\w\d]", after) and not has_unit:
        return True
    if _referenced(text, start):
        return True
    return not has_unit and 1900 <= value <= 2100 and value == int(value)


_NAM_BEFORE = re.compile(r"(?<!\w)năm\s+$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}(?![\d.,]?\d)")


def _year_glued(text: str, figure: re.Match) -> bool:
    """A year in four bare digits right after "năm" that reads as a figure only by a multiplier glued to the next
    word ("năm 2028 tỷ lệ …"): no earlier figure ("mỗi năm 2000 tấn" and "mỗi năm 8 %" stay figures)."""
    start = figure.start("num")
    return figure["unit"].lower() in _multipliers() \
        and bool(_NAM_BEFORE.search(text, max(0, start - 12), start)) and bool(_BARE_YEAR.match(text, start))


@lru_cache(maxsize=1)
def _multipliers() -> frozenset[str]:
    return frozenset(m.lower() for m in lexicon()["units"]["multiplier"])


def _referenced(text: str, start: int) -> bool:
    """A reference word right before the number at `start` ("năm 2028", "Điều 5", "Quyết định số 12")."""
    return bool(patterns().reference.search(text[max(0, start - 30):start].rstrip(QUOTES + " ")))


def is_achievement(clause_before: str, clause: str, sentence_before: str, sentence: str,
                   issued_year: int | None = None, aimed: bool = False) -> bool:
    """The figure reports a result (đã đạt, so với cùng kỳ, năm 2021 đạt) rather than an aim:
    a strong past cue before it in its clause, or a weak one (so với, a bare "năm N" earlier
    in the sentence) in a sentence without any target cue and not in a list of targets (`aimed`); or a
    figure of the results listed after an opening "Đến nay, …" (listed_result)."""
    p = patterns()
    if (p.strong_past.search(clause_before) and not aim_after_past(clause_before, issued_year)
            or listed_result(sentence_before, clause)):
        return True
    years = [int(y) for y in PAST_YEAR.findall(clause_before)]
    past = bool(years) and (issued_year is None or min(years) < issued_year)   # "Năm 2027 trồng mới …" in 2026: ahead
    if past and not (p.target_cue.search(sentence) or IMPERATIVE.match(clause)):
        return True                                   # a year before the document's: a result, listed or not
    return bool(p.weak_past.search(clause)) and not (aimed or p.target_cue.search(sentence) or IMPERATIVE.match(clause))


def aim_after_past(clause_before: str, issued_year: int | None = None) -> bool:
    """After its last past cue the clause turns, at a comma, to the figure's aim: the figure's own part (or
    a part before it holding only a time phrase) opens, after any year, with a `turning_to_aim` cue
    ("…đã đạt 90%, phấn đấu năm 2028 đạt 96%", "…đã đạt được, trong năm 2027 phấn đấu: 95% …") or with
    one year still ahead ("…đã đạt 90%, đến năm 2030 đạt 96%", "…, mục tiêu năm 2030 là 45%")."""
    past = [m.end() for m in patterns().strong_past.finditer(clause_before)]
    parts = COMMA.split(clause_before[past[-1]:])[1:] if past else []     # the parts after its commas
    time_only = parts[-2:-1] if len(parts) > 1 and TIME_ONLY.match(parts[-2]) else []
    return any(_turns(part, issued_year) for part in time_only + parts[-1:])


AHEAD = re.compile(rf"\s*(?:(?:mục tiêu|chỉ tiêu)\s+)?(?:(?:đến|tới|vào|trước|trong)\s+)?(?:(?:hết|cuối)\s+)?"
                   rf"năm\s+({YEAR})(?!\s*[-–]\s*\d)", re.I)    # one year, not a period "năm 2026 - 2030"


def _turns(part: str, issued_year: int | None) -> bool:
    """The part opens an aim: a turning cue after any year, or one year later than the document."""
    lead = DUE_LEAD.match(part)
    if patterns().turning_to_aim.match(part[lead.end():].lstrip(" ,") if lead else part):
        return True
    return year_ahead(part, issued_year)


def year_ahead(part: str, issued_year: int | None, unknown: bool = False, opening: re.Pattern = AHEAD) -> bool:
    """The part opens (`opening`) on one year later than the document's ("đến năm 2030", "trong năm 2027");
    `unknown` where the document's year is not known."""
    ahead = opening.match(part)
    return bool(ahead) and (int(ahead[1]) > issued_year if issued_year else unknown)


def listed_result(sentence_before: str, clause: str) -> bool:
    """The figure's clause is one of the results a sentence lists after opening with the present
    ("Đến nay, 95% số xã có trạm y tế; 80% số hộ …"): the opening clause holds a `listed_past` cue and
    no aim, and the figure's own clause has no aim, year or imperative ("…; năm 2027 đạt 85%" stays)."""
    p = patterns()
    first = CLAUSE_END.search(sentence_before)
    if not first:
        return False                                  # the figure is in the opening clause itself
    opening = sentence_before[:first.start()]
    if not p.listed_past.search(opening) or p.target_cue.search(opening):
        return False
    return not (p.target_cue.search(clause) or IMPERATIVE.match(clause) or A_YEAR.search(clause))


def comparator(text: str, start: int, end: int, is_range: bool) -> str:
    """">=", "<=", "range" or "=" from the words around the number."""
    if is_range:
        return "range"
    before = text[max(0, start - 30):start].rstrip(QUOTES + " ")
    after = text[end:end + 20]
    for op in (">=", "<="):
        if patterns().comparator_after[op].search(after):
            return op
    hits = [(m.start(), op) for op, r in patterns().comparator_before.items() if (m := r.search(before))]
    return min(hits)[1] if hits else "="             # the longest cue: "không dưới" over "dưới"


def due_year(sentence: str, pos: int, clause: tuple[int, int], context_year: int | None,
             pos_end: int | None = None) -> int | None:
    """The year the target is due: "đến/vào/trước năm N" nearest in the sentence, else a
    "năm N" / "2011-2015" in the clause (first after the number before the next figure,
    else the last before it; a period gives its end), else the caller's context year."""
    due = [(abs(m.start() - pos), int(m[1])) for m in DUE_YEAR.finditer(sentence)]
    if due:
        return min(due)[1]
    c0, c1 = clause
    years = [(m.start(), int([g for g in m.groups() if g][-1])) for m in ANY_YEAR.finditer(sentence, c0, c1)]
    nxt = NEXT_FIGURE.search(sentence, pos_end or pos + 1, c1)
    paren = sentence.find("(", pos, c1)
    limit = min(nxt.start() if nxt else c1, paren if paren != -1 else c1, pos + 35)
    after = [y for at, y in years if pos < at < limit]
    before = [y for at, y in years if at < pos]
    return after[0] if after else before[-1] if before else context_year


def indicator(before: str, trailing: str) -> str | None:
    """The measured quantity: the words before the number (from an indicator head if any),
    with cue words stripped, else/also the noun phrase after the unit."""
    p = patterns()
    phrase = TIME_LEAD.sub("", before).lstrip(" ,")
    head = None
    for head in p.head.finditer(phrase):
        break
    reached = reached_rate(phrase)
    if reached:
        phrase = phrase[:reached.start()]           # the subject of "… đạt tỷ lệ"
    elif head:
        phrase = phrase[head.start():]
    for _ in range(4):
        phrase = p.strip_end.sub("", phrase).strip(" ,:;-" + QUOTES)
    phrase = p.strip_start.sub("", phrase)
    trailing = TRAIL_CUT.sub("", trailing).strip(" ,:;-" + QUOTES)
    if len(trailing.split()) > 16:
        trailing = ""
    if phrase and trailing and not head and len(phrase.split()) <= 3:
        return f"{trailing} ({phrase})"
    return phrase or trailing or None


def find_targets(text: str, offset: int = 0, context_year: int | None = None,
                 issued_year: int | None = None, aimed: bool = False) -> list[Target]:
    """Every numeric target in `text`; offsets are positions in `text` plus `offset`. A year before the
    figure reads as a reported past only when it is earlier than `issued_year` (when that is known). `aimed`:
    the text is an item of a list of targets, so a count there is an aim without a cue."""
    p = patterns()
    found: list[Target] = []
    for m in p.mention.finditer(text):
        target = _target(text, m, context_year, issued_year, aimed)
        if not target:
            continue
        if not target.indicator and target.unit and "/" in target.unit and "%" not in target.unit:
            target.indicator = target.unit                # "2,5 bác sĩ/vạn dân"
        if found and not target.indicator and 0 <= target.start - found[-1].end <= 12 \
                and target.text.lstrip(QUOTES)[:1].isdigit():
            target.indicator = found[-1].indicator       # "... đạt 17% và 15% giai đoạn sau"
        found.append(target)
    for t in found:
        t.start += offset
        t.end += offset
    return found


def _target(text: str, m: re.Match, context_year: int | None, issued_year: int | None = None,
            aimed: bool = False) -> Target | None:
    """The target a number mention stands for, or None if it is not one."""
    p = patterns()
    n0, n1 = m.span("num")
    unit = re.sub(r"\s*/\s*(?:1\s*)?", "/", re.sub(r"\s+", " ", m["unit"])) if m["unit"] else None
    rng = parse_range(m["num"])
    value = rng[0] if rng else parse_number(m["num"])
    if value is None or (rng and 1900 <= rng[1] <= 2100 and rng[0] < 1900):
        return None
    if is_reference(text, n0, n1, bool(unit), value):
        return None
    before = text[:n0].rstrip(QUOTES + " ")
    bare = not unit or unit.lower() in {w.lower() for w in lexicon()["units"]["cue_only"]}
    if bare and not (p.bare_cue.search(before[-12:]) and value < 1900 or value == 0 and p.zero_cue.search(before[-12:])):
        return None
    if BASELINE_AFTER.match(text, m.end()) or BASELINE_YEAR.match(text, m.end()) and before.endswith("từ"):
        return None                                   # "từ 7 triệu năm 2005 lên …": the baseline
    c0, c1 = bounds(text, n0, CLAUSE_END)
    s0, s1 = bounds(text, n0, SENTENCE_END, parens=False)
    if _alone_in_parens(text, n0, m.end()) and not _aim_around(text, n0, s0):
        return None                                   # "Phần còn lại (90 %) nộp ngân sách": a share, no aim
    clause_before = text[c0:n0]
    if is_achievement(clause_before, text[c0:c1], text[s0:n0], text[s0:s1], issued_year, aimed):
        return None
    if unit and _unbounded(unit, text, n0, m.end(), bool(rng)) and not aimed:
        return None                                   # "06 cuộc bầu cử": a count that sets no bound
    if unit and unit.lower() == "đồng" and NOT_MONEY.match(text, m.end()):
        return None                                   # "80 đồng chí"
    listed = aimed and unit is not None and unit.lower() in count_units()     # a count in a list of targets
    if unit and _describes(unit) and not (listed or _aimed(clause_before, unit, issued_year)):
        return None                                   # an area, a cost, a count: no aim stated (an amount of
                                                      # money needs one in words: "thu ngân sách đạt …")
    given = _rate_given(clause_before, text, m.end(), c1, unit)
    if given and not p.target_cue.search(text[s0:s1]) or p.rate_noun.search(clause_before):
        return None                                   # a rate given or held
    q0 = quote_start(text, c0, n0)
    cue_only = {w.lower() for w in lexicon()["units"]["cue_only"]}
    figures = [f for f in p.mention.finditer(text, c0, n0) if f["unit"] and f["unit"].lower() not in cue_only
               and f.end() <= n0 and not _year_glued(text, f)]    # not "năm 2028 tỷ lệ …"
    if figures and figures[-1].end() > q0:            # "A đạt 17% giai đoạn 1 và 15% ..."
        q0 = _next_item_start(text, figures[-1].end(), n0)
    elif figures and (join := _item_join(text, figures[-1].end(), n0)):
        q0 = max(q0, join.end("join"))                # "80 % số hộ nuôi bò và dê và 60 % …": not into the one before
    end = m.end()
    q1 = quote_end(text, end, c1)
    q0 = q0 if q0 <= n0 else n0
    year = due_year_in(text, s0, s1, (n0, m.end()), (c0, c1), context_year)
    return Target(
        text=text[q0:q1], indicator=indicator(text[q0:n0], text[end:q1]), value=value,
        value_max=rng[1] if rng else None, unit=unit, year=year,
        comparator=comparator(text, n0, m.end(), bool(rng)), start=q0, end=q1)


def _unbounded(unit: str, text: str, start: int, end: int, is_range: bool) -> bool:
    """A `bounded` count unit with no bound before or after the figure ("ít nhất", "trở lên")."""
    return unit.lower() in _bounded_units() and comparator(text, start, end, is_range) == "="


@lru_cache(maxsize=1)
def _bounded_units() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["units"]["bounded"])


def _item_join(text: str, after: int, n0: int) -> re.Match | None:
    """The join of a list of figures right before the figure at n0, the earlier figure ending at `after` with at
    most ITEM_WORDS words and no comma between ("85 % số hộ nuôi bò và dê và 70 % …"; not "Diện tích lúa 5.000
    ha, năng suất tăng và đạt 65 tạ/ha": the join word takes no verb after it, only `list_item_openers`)."""
    join = patterns().item_join.search(text, after, n0)
    between = text[after:join.start()] if join else ""
    return join if join and "," not in between and len(between.split()) <= ITEM_WORDS else None


def _next_item_start(text: str, after: int, n0: int) -> int:
    """Where the quote of a figure after an earlier one starts: after the join right before it, as `quote_end` cuts
    the earlier one ("…, trong đó 90 % diện tích lúa chất lượng cao và 10 % …"), else after the first connector."""
    join = patterns().item_join.search(text, after, n0)
    return join.end("join") if join else after + len(CONNECTOR.match(text, after).group(0))


def _rate_given(clause_before: str, text: str, end: int, clause_end: int, unit: str | None) -> bool:
    """A rate held or given, not reached: a rate word before the figure ("nắm giữ"), a giving verb before it and a
    cost after ("hỗ trợ 50% chi phí"), or a support verb right before a percentage that says nothing more, no aim
    head before it ("Tỷ lệ hộ nghèo … được hỗ trợ 100%" is reached). `end`: the figure's end in `text`."""
    p = patterns()
    return bool(p.rate.search(clause_before)
                or p.giving.search(clause_before) and p.cost_after.search(text[end:end + COST_REACH])
                or unit == "%" and p.support_given.search(clause_before) and not _aim_indicator(clause_before)
                and _nothing_or_cost(text[end:clause_end].split(",")[0]))


def _nothing_or_cost(rest: str) -> bool:
    """What follows a figure up to a comma says nothing more, or only what cost it covers ("cho chi phí …")."""
    rest = rest.strip(" .,)")
    cost = FOR_COST.match(rest)
    return not rest or bool(cost and patterns().cost_after.match(rest[cost.end():]))


def _aim_word(clause_before: str) -> bool:
    """An aim word in the clause, not a capitalised one inside a body's name ("Sở Nông nghiệp và Phát triển nông
    thôn", "Quỹ Phát triển đất"); in an all-capitals line capitals tell nothing."""
    capitals_tell = not clause_before.isupper()
    return any(not (capitals_tell and m.group()[:1].isupper() and _in_name(clause_before, m.start()))
               for m in patterns().aim.finditer(clause_before))


NAME_REACH = 8                                        # words back from an aim word where a name holding it may start


def _in_name(text: str, pos: int) -> bool:
    """A body's name (service/extract/bodies.py) starting up to NAME_REACH words before `pos` runs past it."""
    first = max(0, pos - 100)
    return _name_runs_past(text[first:pos + 40], pos - first)


@lru_cache(maxsize=512)
def _name_runs_past(window: str, pos: int) -> bool:
    """`_in_name` over a short window around `pos` (the figures of one clause share their windows)."""
    starts = [m.start() for m in WORD_START.finditer(window, max(0, pos - 80), pos)][-NAME_REACH:]
    return any((span := match_body(window, start)) and span[0] == start and span[1] > pos for start in starts)


def _alone_in_parens(text: str, start: int, end: int) -> bool:
    """The figure is all its parentheses hold ("chi trả nợ đọng (18,6 %): 42.900 triệu đồng")."""
    return text[max(0, start - 10):start].rstrip(" " + QUOTES).endswith("(") and bool(CLOSING_PAREN.match(text, end))


def _aim_around(text: str, n0: int, s0: int) -> bool:
    """An aim for a figure in parentheses: a target cue or an aim head before it in its sentence ("Tỷ lệ … (95 %)",
    "Tỷ trọng … năm 2030: nông nghiệp (20 %), …") or an aim word in its clause ("Có 27 xã đạt chuẩn (90 %)")."""
    c0, c1 = bounds(text, n0, CLAUSE_END, parens=False)
    return bool(patterns().target_cue.search(text, s0, n0)) or _aim_word(text[c0:c1]) or _aim_indicator(text[s0:n0])


def _aimed(clause_before: str, unit: str, issued_year: int | None) -> bool:
    """A measure, count or amount of money that the clause sets as an aim: an aim word, or, not for money, what
    there will be by a year ahead or an indicator head naming an aim. Only asked of figures that describe."""
    p = patterns()
    if _aim_word(p.aim_in_name.sub(" ", clause_before)):
        return True
    money = bool(MONEY.search(unit) and "/" not in unit)
    return not money and (states_at_horizon(clause_before, issued_year) or _aim_indicator(clause_before))


# the year aimed at: "đến năm 2030", "tới hết năm 2028" (a bare "năm 2027" may be a report's)
HORIZON = re.compile(rf"\s*(?:đến|tới)\s+(?:(?:hết|cuối)\s+)?năm\s+({YEAR})(?!\s*[-–]\s*\d)", re.I)


def states_at_horizon(clause_before: str, issued_year: int | None) -> bool:
    """What there will be by a year ahead of the document ("đến năm 2030"; where the document's year is not known,
    a plan's): a comma part of the clause opens on that year, the words from there to the figure say there is
    (`horizon_states`, not in a set phrase or of a group: "có hiệu quả", "các thôn có dưới 50 hộ") and name no
    size (`sizes_at_horizon`), no later part opens on a year not ahead, and the figure is the first said there
    ("Đến năm 2030, toàn huyện có 1.500 ha chè") or the next item of a list of figures (`list_joiners`: "…, 200 ha
    cà phê và 50 ha cây ăn quả", "…, trong đó 5 doanh nghiệp"). Money is not (`_target`)."""
    parts = COMMA.split(MARKER.sub("", clause_before, count=1))
    opened = next((k for k, part in enumerate(parts) if year_ahead(part, issued_year, True, HORIZON)), None)
    if opened is None or any(AHEAD.match(part) and not year_ahead(part, issued_year) for part in parts[opened + 1:]):
        return False
    p = patterns()
    said = ", ".join(parts[opened:])
    if not p.horizon_states.search(p.group_has.sub(" ", p.not_stating.sub(" ", said))) or p.horizon_size.search(said):
        return False
    own, last = parts[-1], len(parts) - 1
    first = last == opened or last == opened + 1 and bool(TIME_ONLY.match(parts[opened]))
    if first and not _has_figure(own):
        return True
    joiner = p.list_goes_on.search(own)
    item_before = own[:joiner.start()] if joiner else ""
    return bool(joiner) and (_has_figure(item_before) or not item_before.strip() and last > opened
                             and _has_figure(parts[-2]))


def _has_figure(text: str) -> bool:
    """A number with a unit in `text` (an earlier item of a list of figures)."""
    return any(m["unit"] for m in patterns().mention.finditer(text))


@lru_cache(maxsize=1)
def _sizes() -> frozenset[str]:
    """Indicator heads that also name a thing's size ("diện tích", "số"), lower-cased."""
    return frozenset(w.lower() for w in lexicon()["description_heads"])


def _aim_indicator(clause_before: str) -> bool:
    """An indicator head that names an aim ("tỷ lệ", "bình quân đầu người", "tổng vốn đầu tư"), not a size."""
    return any(m.group().lower() not in _sizes() for m in patterns().head.finditer(clause_before))


def _describes(unit: str) -> bool:
    """Units whose figures describe unless an aim is stated: money, measures and counts (not %)."""
    u = unit.lower().split("/")[0].strip()
    units = lexicon()["units"]
    if "/" in unit and not MONEY.search(unit):
        return False                                  # a ratio ("bác sĩ/vạn dân", "m2/người") is an indicator
    plain = {w.lower() for w in units["money"] + units["measure"]} | count_units()
    return u in plain or bool(MONEY.search(u)) or any(u.endswith(" " + w.lower()) for w in units["measure"])


def due_year_in(text: str, s0: int, s1: int, span: tuple[int, int], clause: tuple[int, int],
                context_year: int | None) -> int | None:
    """due_year over the sentence text[s0:s1] for the figure at `span`."""
    return due_year(text[s0:s1], span[0] - s0, (clause[0] - s0, clause[1] - s0), context_year,
                    span[1] - s0)
