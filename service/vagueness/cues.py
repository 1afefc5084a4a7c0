"""Find vague-wording cues in a task, with their context conditions (lexicon vague_cues.yaml).

A cue is first matched as a whole-word phrase by one spaCy `PhraseMatcher` (attr LOWER, keyed by rule
id) over the span layer's tokens (underthesea's, whitespace tokens left out, so any run of whitespace
joins two words; a comma takes no space before it and any after). Per rule the leftmost, then longest
matches are kept, as a regex scan would; across rules the longest (in characters) wins. A cue is then
kept only if its `requires` conditions hold and none of its `unless` conditions does, all read
inside the cue's clause (text between ; . : or a line break). A cue inside the task's output or
target span is part of a name ("dự án tăng cường năng lực…") and never counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..document import Cue, Task
from ..lexicons import alternation, load
from ..text import fold_tone_placement

WORD = re.compile(r"\w")
CLAUSE_BREAK = re.compile(r";|:|\n|\.(?!\d)")
MARKER = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|\d+(?:\.\d+)*[.)]?|[IVX]+\.)\s*", re.IGNORECASE)
LEADING_CATEGORIES = ("slogan_verb", "intensifier", "empty_action")
DATE = (r"(?:ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}|tháng\s+\d{1,2}\s*(?:[/.-]\s*\d{4}|năm\s+\d{4})"
        r"|quý\s+[IV1-4]+\s*(?:[/.-]\s*\d{4}|năm\s+\d{4})"
        r"|(?:trong|trước|đến|hết|vào|từ|cuối|giữa|đầu|sau)\s+(?:năm\s+)?(?:19|20)\d\d)")
DURATION = r"(?:trong\s+(?:vòng\s+|thời\s+hạn\s+)?\d+\s+(?:ngày|tháng|tuần|giờ)|chậm\s+nhất|(?:hằng|hàng)\s+(?:năm|tháng|quý|tuần))"
COMPARED = r"(?:đạt|lên|tối\s+thiểu|ít\s+nhất|không\s+dưới|trên|tăng|giảm|còn|dưới|tối\s+đa|không\s+quá)\s+(?:khoảng\s+|mức\s+)?\d"
DATE_RE = re.compile(DATE, re.IGNORECASE)
TIME_RE = re.compile(DATE + "|" + DURATION, re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One cue of the lexicon, with its category defaults applied."""

    id: str
    category: str
    weight: float
    phrases: tuple[str, ...]        # tone placement folded, one space between words
    unless: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    rule: Rule
    start: int          # offsets into the task text
    end: int


def _rule(rule_id: str, category: str, item: str | dict, defaults: dict) -> Rule | None:
    spec = {"text": item} if isinstance(item, str) else dict(item)
    if spec.get("enabled", True) is False:
        return None
    merged = {**defaults, **spec}
    phrases = {" ".join(fold_tone_placement(p).split()) for p in str(merged["text"]).split("|")} - {""}
    return Rule(rule_id, category, float(merged.get("weight", 0.05)), tuple(sorted(phrases)),
                tuple(merged.get("unless", ())), tuple(merged.get("requires", ())),
                tuple(str(w) for w in merged.get("not_before", ())))


@cache
def load_rules(disabled: frozenset[str] = frozenset()) -> tuple[Rule, ...]:
    """The lexicon's rules, without those switched off here or under `disabled:` in the file."""
    lexicon = load("vague_cues")
    off = disabled | set(lexicon.get("disabled") or ())
    rules = []
    for category, group in lexicon["categories"].items():
        for rule_id, item in group["items"].items():
            if rule_id not in off and (rule := _rule(rule_id, category, item, group.get("defaults", {}))):
                rules.append(rule)
    return tuple(rules)


@cache
def _units_pattern() -> re.Pattern:
    units = load("targets")["units"]
    words = alternation(u for key in ("percent", "money", "measure", "count") for u in units[key])
    number = r"\d+(?:[.,]\d+)*"
    return re.compile(rf"{number}\s*(?:{words})(?!\w)|{COMPARED}", re.IGNORECASE)


@cache
def _product_pattern() -> re.Pattern:
    heads = alternation(h[0].upper() + h[1:] for h in load("outputs")["products"])
    return re.compile(rf"(?<!\w)(?:{heads})(?!\w)(?!\s+(?:số\s+\d|này|\d+\s*[/-]))")


@cache
def _head_pattern() -> re.Pattern:
    heads = alternation(load("outputs")["products"])
    return re.compile(rf"(?<!\w)(?:{heads})(?!\w)", re.IGNORECASE)


class Context:
    """A task's text with the spans the pipeline found, relative to the task text."""

    def __init__(self, task: Task) -> None:
        folded = fold_tone_placement(task.text)
        self.text = folded if len(folded) == len(task.text) else task.text
        base = task.start
        self.targets = [(t.start - base, t.end - base) for t in task.targets]
        self.deadline = [(task.deadline.char_start - base, task.deadline.char_end - base)] if task.deadline else []
        self.output = [(task.output.start - base, task.output.end - base)] if task.output else []
        self.lead = [(b.start - base, b.end - base) for b in task.lead if task.start <= b.start < task.end]
        self.breaks = [0] + [m.end() for m in CLAUSE_BREAK.finditer(self.text)] + [len(self.text) + 1]

    def clause(self, pos: int) -> tuple[int, int]:
        for lo, hi in zip(self.breaks, self.breaks[1:]):
            if lo <= pos < hi:
                return lo, min(hi, len(self.text))
        return 0, len(self.text)

    def prefix(self, hit: Hit) -> str:
        lo, _ = self.clause(hit.start)
        return MARKER.sub("", self.text[lo:hit.start], count=1).strip().lower()


def _inside(spans: list[tuple[int, int]], lo: int, hi: int) -> bool:
    return any(lo <= s < hi or lo < e <= hi for s, e in spans)


def _unless(name: str, hit: Hit, ctx: Context) -> bool:
    lo, hi = ctx.clause(hit.start)
    clause = ctx.text[lo:hi]
    if name == "measure":
        return _inside(ctx.targets, lo, hi) or bool(_units_pattern().search(clause))
    if name == "deadline":
        return _inside(ctx.deadline, lo, hi) or bool(DATE_RE.search(clause))
    if name == "time":
        return _inside(ctx.deadline, lo, hi) or bool(TIME_RE.search(clause))
    if name == "product":
        return (_inside(ctx.output, hit.end, hi) or bool(_product_pattern().search(ctx.text, hit.end, hi))
                or any(hit.start - m.end() <= 25 for m in _head_pattern().finditer(ctx.text, lo, hit.start)))
    raise ValueError(f"unknown condition {name!r}")


@cache
def _slots() -> dict[str, tuple[str, ...]]:
    return {key: tuple(words) for key, words in load("vague_cues")["slots"].items()}


def in_slot(prefix: str, slot: str) -> bool:
    """The clause text before a cue puts it in `slot` (vague_cues.yaml `slots`): for `verb_inside` it
    holds one of the slot's words, for the others it ends with one."""
    words = _slots()[slot]
    return any(w in prefix for w in words) if slot.endswith("_inside") else prefix.endswith(words)


def _requires(name: str, hit: Hit, ctx: Context, counted: list[Hit], raw: list[Hit]) -> bool:
    prefix = ctx.prefix(hit)
    if name == "verb_slot":
        return (not prefix or prefix.endswith(",") or in_slot(prefix, "verb_after")
                or in_slot(prefix, "verb_inside")
                or any(0 <= hit.start - e <= 40 for _, e in ctx.lead)
                or any(0 <= hit.start - h.end <= 1 for h in raw if h is not hit))
    if name == "after_slogan":
        lo, _ = ctx.clause(hit.start)
        return any(h.rule.category in LEADING_CATEGORIES and lo <= h.end <= hit.start and hit.start - h.end <= 30
                   for h in counted)
    if name == "owner_slot":
        return _inside(ctx.lead, hit.start, hit.end) or not prefix or in_slot(prefix, "owner_after")
    raise ValueError(f"unknown condition {name!r}")


@cache
def _matcher(rules: tuple[Rule, ...]):
    """One case-insensitive PhraseMatcher over the rules' phrases, keyed by rule id."""
    from ..extract.span_layer import nlp

    lang = nlp()                                # first: spaCy imported without torch
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(lang.vocab, attr="LOWER")
    for rule in rules:
        matcher.add(rule.id, [lang.make_doc(p) for p in rule.phrases])
    return matcher


def _words(text: str):
    """`text` as a Doc of its tokens without the whitespace ones, and each token's (start, end)."""
    from ..extract.span_layer import nlp

    lang = nlp()
    from spacy.tokens import Doc

    kept = [t for t in lang(text) if not t.is_space]
    return Doc(lang.vocab, words=[t.text for t in kept]), [(t.idx, t.idx + len(t)) for t in kept]


def _as_written(text: str, spans: list[tuple[int, int]]) -> bool:
    """Matched tokens read as the phrase: whole words, words apart, no space before a comma."""
    start, end = spans[0][0], spans[-1][1]
    if start and WORD.match(text, start - 1) or WORD.match(text, end):
        return False
    for (a, b), (c, d) in zip(spans, spans[1:]):
        comma, after_comma = text[c:d] == ",", text[a:b] == ","
        if comma and b < c or not comma and not after_comma and b == c:
            return False
    return True


def _leftmost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, leftmost first and longest at a start (as `re.finditer` over an
    alternation of the phrases, longest first)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _followed(text: str, end: int, words: tuple[str, ...]) -> bool:
    """One of `words` opens the text after `end` (a rule's `not_before`)."""
    after = text[end:end + 30].lstrip().lower()
    return any(after.startswith(w.lower()) for w in words)


def _raw_hits(ctx: Context, rules: tuple[Rule, ...]) -> list[Hit]:
    """The phrase matches of all rules, before the context conditions, the longest where they overlap."""
    words, offsets = _words(ctx.text)
    found: dict[str, list[tuple[int, int]]] = {}
    for span in _matcher(rules)(words, as_spans=True):
        spans = offsets[span.start:span.end]
        if _as_written(ctx.text, spans):
            found.setdefault(span.label_, []).append((spans[0][0], spans[-1][1]))
    hits = [Hit(rule, start, end) for rule in rules for start, end in _leftmost(found.get(rule.id, []))
            if not _followed(ctx.text, end, rule.not_before)]
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def has_measure(text: str) -> bool:
    """A number with a unit or a comparator (95%, ít nhất 5.000 lượt, đạt 3 lần)."""
    return bool(_units_pattern().search(fold_tone_placement(text)))


def find_hits(task: Task, rules: tuple[Rule, ...] | None = None) -> list[Hit]:
    """The cues that count in `task`, with their rules; offsets relative to the task text."""
    ctx = Context(task)
    raw = _raw_hits(ctx, rules if rules is not None else load_rules())
    counted: list[Hit] = []
    named = ctx.output + ctx.targets
    for late in (False, True):
        for hit in raw:
            if ("after_slogan" in hit.rule.requires) != late or _inside(named, hit.start, hit.end):
                continue
            if all(_requires(r, hit, ctx, counted, raw) for r in hit.rule.requires) \
                    and not any(_unless(u, hit, ctx) for u in hit.rule.unless):
                counted.append(hit)
    return sorted(counted, key=lambda h: h.start)


def to_cue(hit: Hit, task: Task) -> Cue:
    """The document-level cue (offsets into doc.text) for a hit in `task`."""
    return Cue(text=task.text[hit.start:hit.end], category=hit.rule.category,
               start=task.start + hit.start, end=task.start + hit.end)


def find_cues(task: Task, rules: tuple[Rule, ...] | None = None) -> list[Cue]:
    """The vague-wording cues of `task`, as spans into the document text."""
    return [to_cue(hit, task) for hit in find_hits(task, rules)]
