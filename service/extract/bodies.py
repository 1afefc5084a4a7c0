"""Bodies (cơ quan, đơn vị): find lead (chủ trì) and support (phối hợp) bodies in task text.

A body mention is a head noun from the gazetteer ("Sở", "Ủy ban nhân dân", "Cục"…) followed by
its proper name, or a generic phrase ("các cơ quan, đơn vị có liên quan"). A name runs until a
verb or cue word from the lexicon's `stop_words`; "và" and "," continue it only before a
capitalised word that is not itself a head ("Bộ Tài nguyên và Môi trường").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..document import Body
from ..lexicons import load
from ..text import fold_tone_placement

_TOKEN = re.compile(r"[\w&]+(?:[-–][\w&]+)*|[^\w\s]", re.UNICODE)
_COMMITTEES = ("tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy", "đảng ủy")
_QUALIFIERS = ("có liên quan", "liên quan", "trực thuộc trung ương", "trực thuộc Trung ương",
               "trực thuộc tỉnh", "trực thuộc huyện", "thuộc tỉnh", "thuộc huyện", "tỉnh", "huyện", "thành phố",
               "trên địa bàn", "cấp tỉnh", "cấp huyện", "cấp xã", "các cấp")


@dataclass(frozen=True)
class _Lexicon:
    heads: tuple[str, ...]
    generic: tuple[str, ...]
    stops: tuple[str, ...]
    abbreviations: dict[str, str]
    official: dict[str, str]
    admin_units: tuple[str, ...]


@cache
def _lexicon() -> _Lexicon:
    data = load("bodies")
    meta = load("metadata")
    by_length = lambda xs: tuple(sorted({x.lower() for x in xs}, key=len, reverse=True))  # noqa: E731
    abbreviations = dict(data["abbreviations"])
    official = {_key(n): n for n in data["official_names"]}
    heads = list(data["heads"]) + [a for a in abbreviations if a in ("UBND", "HĐND", "MTTQ", "UBMTTQ", "BCĐ", "BTV")]
    return _Lexicon(by_length(heads), by_length(data["generic_heads"]), by_length(data["stop_words"]),
                    abbreviations, official, by_length(meta["admin_units"]))


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", fold_tone_placement(name)).strip().lower()


def canonical(name: str) -> str:
    """Expanded, officially spelled form of a body name ("UBND tỉnh" → "Ủy ban nhân dân tỉnh")."""
    lex = _lexicon()
    words = [lex.abbreviations.get(w.strip(",;"), w) for w in fold_tone_placement(name).split()]
    expanded = " ".join(words)
    return lex.official.get(_key(expanded), expanded)


def recase(upper: str) -> str:
    """Recase an all-caps body name from a header ("CỤC BIẾN ĐỔI KHÍ HẬU" → "Cục Biến đổi khí hậu")."""
    lex = _lexicon()
    found = lex.official.get(_key(upper))
    if found:
        return found
    spelled = {h.lower(): h for h in load("bodies")["heads"]} | {a.lower(): a for a in lex.abbreviations}
    lower = " ".join(upper.split()).lower()
    head = next((h for h in sorted(spelled, key=len, reverse=True)
                 if lower == h or lower.startswith(h + " ")), "")
    rest = _recase_name(lower[len(head):].split(), party=head.endswith("ủy"))
    return " ".join(filter(None, [spelled.get(head, ""), rest]))


def _recase_name(words: list[str], party: bool) -> str:
    """Capitalise the first word, words after "và"/","/"-", and place names after admin units."""
    units = {u.split()[-1] for u in _lexicon().admin_units} | {"thành", "thị"}
    out: list[str] = []
    capital_next, place = True, party
    for i, word in enumerate(words):
        if word in units and not place and i + 1 < len(words):
            out.append(word)
            place = words[i + 1] not in units
            capital_next = False
            continue
        out.append(word[:1].upper() + word[1:] if capital_next or place else word)
        capital_next = word in ("và", "-") or word.endswith(",")
    return " ".join(out)


# ---------------------------------------------------------------- scanning
class _Scanner:
    """Token cursor over a string, keeping character offsets."""

    def __init__(self, text: str, pos: int = 0):
        self.text = text
        self.folded = fold_tone_placement(text).lower()   # same length: offsets stay valid
        self.tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, pos)]

    def index_at(self, pos: int) -> int:
        for i, (_, start, _) in enumerate(self.tokens):
            if start >= pos:
                return i
        return len(self.tokens)

    def phrase_at(self, i: int, phrases: tuple[str, ...]) -> str | None:
        """The first phrase (lower-case) that the tokens from i spell, if any."""
        rest = self.folded[self.tokens[i][1]:self.tokens[i][1] + 80] if i < len(self.tokens) else ""
        for phrase in phrases:
            if rest.startswith(phrase) and not _word_char(rest, len(phrase)):
                return phrase
        return None

    def skip_chars(self, i: int, n: int) -> int:
        """Index of the first token starting at or after n characters past token i."""
        return self.index_at(self.tokens[i][1] + n)


def _word_char(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "&")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def match_body(text: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of a body mention starting at `pos` (after spaces), or None."""
    scan = _Scanner(text, pos)
    if not scan.tokens:
        return None
    end_index = _match_at(scan, 0)
    if end_index is None:
        return None
    return scan.tokens[0][1], scan.tokens[end_index - 1][2]


def _match_at(scan: _Scanner, i: int) -> int | None:
    """Token index just past the body starting at token i, or None (the longest reading wins)."""
    ends = [e for e in (_official_at(scan, i), _generic_at(scan, i), _headed_at(scan, i)) if e]
    return max(ends) if ends else None


def _official_at(scan: _Scanner, i: int) -> int | None:
    """An officially named body from the gazetteer ("Ủy ban quản lý vốn nhà nước tại doanh nghiệp")."""
    name = scan.phrase_at(i, _official_phrases())
    return _extend_qualifiers(scan, scan.skip_chars(i, len(name))) if name else None


@cache
def _official_phrases() -> tuple[str, ...]:
    return tuple(sorted(_lexicon().official, key=len, reverse=True))


def _generic_at(scan: _Scanner, i: int) -> int | None:
    generic = scan.phrase_at(i, _lexicon().generic)
    if not generic:
        return None
    j = _extend_qualifiers(scan, scan.skip_chars(i, len(generic)))
    return _assigned_qualifier(scan, _having_qualifier(scan, j))


_ASSIGNED = re.compile(r"(?:được giao|được phân công)(?: nhiệm vụ| chủ trì)?"
                       r"(?: (?:trong|tại) (?:Kế hoạch|Chương trình|Chỉ thị|Nghị quyết|Đề án)(?: này)?)?", re.IGNORECASE)


def _assigned_qualifier(scan: _Scanner, j: int) -> int:
    """"các đơn vị được giao nhiệm vụ trong Kế hoạch": the participle names who is meant."""
    if j >= len(scan.tokens):
        return j
    match = _ASSIGNED.match(scan.text, scan.tokens[j][1])
    return scan.index_at(match.end()) if match else j


def _having_qualifier(scan: _Scanner, j: int) -> int:
    """"các địa phương có rừng": "có" + one noun, when a verb or punctuation follows."""
    if j + 1 < len(scan.tokens) and scan.tokens[j][0].lower() == "có":
        noun = scan.tokens[j + 1][0]
        after = scan.tokens[j + 2][0] if j + 2 < len(scan.tokens) else "."
        if noun.isalpha() and noun.islower() and not scan.phrase_at(j, _lexicon().stops) \
                and (not after[:1].isalnum() or scan.phrase_at(j + 2, _lexicon().stops)):
            return j + 2
    return j


def _headed_at(scan: _Scanner, i: int) -> int | None:
    lex = _lexicon()
    prefix = 1 if scan.phrase_at(i, ("các",)) and i + 1 < len(scan.tokens) else 0
    head = scan.phrase_at(i + prefix, lex.heads)
    if not head:
        return None
    j = scan.skip_chars(i + prefix, len(head))
    if not _capitalised(scan.tokens[i + prefix][0]):
        return None  # "ban hành", "bộ phận": a head noun must be capitalised
    name_end = _extend_name(scan, j)
    if name_end == j and not _standalone(head, scan, j):
        return None
    return _extend_qualifiers(scan, name_end)


def _standalone(head: str, scan: _Scanner, j: int) -> bool:
    """Heads that are a whole body by themselves ("Chính phủ", "Bộ trưởng")."""
    if j < len(scan.tokens) and scan.tokens[j][0] in (":",):
        return True
    return " " in head or head in ("chủ tịch", "bộ trưởng", "thủ trưởng", "giám đốc", "chính phủ", "quốc hội")


def _extend_name(scan: _Scanner, j: int) -> int:
    """Consume the proper-name words after a head; return the index past them."""
    lex = _lexicon()
    start, after_unit = j, False
    while j < len(scan.tokens) and j - start < 16:
        token = scan.tokens[j][0]
        generic = scan.phrase_at(j, lex.generic) if j == start else None
        if generic:   # "Thủ trưởng các sở, ban, ngành"
            j = scan.skip_chars(j, len(generic))
            break
        unit = scan.phrase_at(j, lex.admin_units) if token[:1].islower() else None
        if unit:
            after_unit, j = True, scan.skip_chars(j, len(unit))
            continue
        if after_unit and token[:1].islower() and token.lower() not in ("các", "và"):
            break   # "Ủy ban nhân dân huyện chỉ xem xét…": the place ends the name
        committee = scan.phrase_at(j, _COMMITTEES) if j > start and _capitalised(token) else None
        if committee:   # "Ban Thường vụ Tỉnh ủy": a committee closes the name like a place does
            after_unit, j = True, scan.skip_chars(j, len(committee))
            continue
        if not _capitalised(token) and scan.phrase_at(j, lex.stops):
            if token.lower() == "và" and _joins_name(scan, j + 1, lowercase_ok=j > start + 1):
                j += 1
                continue
            break
        if token in (",", ";"):
            if token == "," and _comma_joins_name(scan, j + 1):
                j += 1
                continue
            break
        if token in ("-", "–", "&"):
            j += 1
            continue
        if not re.match(r"\w", token):
            break
        if j == start and not (_capitalised(token) or scan.phrase_at(j, lex.admin_units)
                               or token.lower() in ("các", "cơ", "đảng", "quân", "nhân", "thành", "ngang")):
            break
        j += 1
    return j


def _joins_name(scan: _Scanner, j: int, lowercase_ok: bool = False) -> bool:
    """After "và" or ",": the name goes on with a word that is not a new head, list or verb.

    Capitalised words continue a name ("Tài nguyên và Môi trường"); lower-case ones only where
    the name already runs in lower case ("Chính sách tài nguyên và môi trường").
    """
    if j >= len(scan.tokens):
        return False
    token = scan.tokens[j][0]
    lex = _lexicon()
    if token.lower() in ("các", "những", "cá", "nhân", "người") or scan.phrase_at(j, lex.heads) and _capitalised(token):
        return False
    if _capitalised(token):
        return True
    return lowercase_ok and re.match(r"\w", token) is not None and not scan.phrase_at(j, lex.stops) \
        and not scan.phrase_at(j, lex.generic)


def _comma_joins_name(scan: _Scanner, j: int) -> bool:
    """After ",": "Văn hóa, Thể thao" or an admin-unit list ("các tỉnh, thành phố")."""
    if j >= len(scan.tokens):
        return False
    if scan.phrase_at(j, _lexicon().admin_units):
        prev = scan.tokens[j - 2][0].lower() if j >= 2 else ""
        return prev in {u.split()[-1] for u in _lexicon().admin_units}
    return _joins_name(scan, j) and not scan.phrase_at(j, _lexicon().generic)


def _extend_qualifiers(scan: _Scanner, j: int) -> int:
    """Take trailing qualifiers: "có liên quan", "thuộc Bộ X", "trực thuộc trung ương"."""
    while j < len(scan.tokens):
        qualifier = scan.phrase_at(j, tuple(q.lower() for q in _QUALIFIERS))
        if qualifier:
            j = scan.skip_chars(j, len(qualifier))
            continue
        if scan.phrase_at(j, ("thuộc", "trực thuộc")):
            k = j + (2 if scan.tokens[j][0].lower() == "trực" else 1)
            inner = _match_at(scan, k) if k < len(scan.tokens) else None
            if inner:
                j = inner
                continue
        break
    return j


# ---------------------------------------------------------------- lists and roles
def parse_body_list(text: str, pos: int = 0, offset: int = 0) -> tuple[list[Body], int]:
    """Bodies listed from `pos` ("A, B và các C"); returns them and the position after the list."""
    bodies: list[Body] = []
    scan = _Scanner(text, pos)
    i = 0
    while i < len(scan.tokens):
        expanded = _expand_colon_list(scan, i, offset)
        if expanded:
            found, i = expanded
            bodies.extend(found)
        else:
            end = _match_at(scan, i)
            if end is None:
                break
            start_char, end_char = scan.tokens[i][1], scan.tokens[end - 1][2]
            name = text[start_char:end_char].rstrip(" ,;")
            bodies.append(Body(name=name, canonical=canonical(name), start=start_char + offset,
                               end=start_char + len(name) + offset))
            i = end
        separator = scan.tokens[i][0].lower() if i < len(scan.tokens) else ""
        if separator in (",", ";", "và"):
            i += 1
            continue
        break
    end_pos = scan.tokens[i - 1][2] if bodies and i else pos
    return bodies, end_pos


def _expand_colon_list(scan: _Scanner, i: int, offset: int) -> tuple[list[Body], int] | None:
    """"Các Bộ: Công Thương, Xây dựng" → Bộ Công Thương, Bộ Xây dựng (comma-separated names)."""
    if not scan.phrase_at(i, ("các",)) or i + 2 >= len(scan.tokens) or scan.tokens[i + 2][0] != ":":
        return None
    head = scan.tokens[i + 1][0]
    if not scan.phrase_at(i + 1, _lexicon().heads):
        return None
    bodies, j = [], i + 3
    while j < len(scan.tokens) and _capitalised(scan.tokens[j][0]):
        k = j
        while k < len(scan.tokens) and scan.tokens[k][0] not in (",", ";", ":", ".", "(", ")"):
            k += 1
        start, end = scan.tokens[j][1], scan.tokens[k - 1][2]
        name = f"{head} {scan.text[start:end]}"
        bodies.append(Body(name=name, canonical=canonical(name), start=start + offset, end=end + offset))
        j = k + 1 if k < len(scan.tokens) and scan.tokens[k][0] in (",", ";") else k
    return (bodies, j) if bodies else None
