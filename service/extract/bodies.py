"""Bodies (cơ quan, đơn vị): find lead (chủ trì) and support (phối hợp) bodies in task text.

A body mention is an official name from the gazetteer, a head noun ("Sở", "Ủy ban nhân dân", "Cục"…)
followed by its proper name, or a generic body ("các cơ quan, đơn vị có liên quan"; the grammar is in
`body_grammar`). A proper name runs over capitalised words and, after a capitalised word, the
lower-case words of a Vietnamese name ("Cục Biến đổi khí hậu"), until a verb or cue word from the
lexicon's `stop_words`, punctuation, or lower case after a multi-word proper name ("… Đông Nam Nghệ An
trực tiếp"). "và" and "," continue it only before a capitalised word that is not itself a head.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..document import Body
from ..lexicons import load
from ..text import fold_tone_placement
from .body_grammar import TERM, generic_end, grammar, of_list_end, tail_end, term_words
from .body_scanner import Scanner, capitalised

_COMMITTEES = ("tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy", "đảng ủy")
_NAME_WORDS = 16
_SPECIFIER_WORDS = 6                         # lower-case words a name's specifier may run on after a comma


@dataclass(frozen=True)
class _Lexicon:
    heads: tuple[str, ...]
    lowercase_heads: tuple[str, ...]
    standalone_heads: frozenset[str]
    stops: tuple[str, ...]
    abbreviations: dict[str, str]
    official: dict[str, str]
    admin_units: tuple[str, ...]
    name_openers: tuple[str, ...]       # "Ban Quản lý dự án 2": a name opening in lower case
    word_final_stops: frozenset[str]    # "làm" in "việc làm": a stop verb that may end a dictionary word
    honorifics: tuple[str, ...]         # "đồng chí": before a title
    list_emphasis: tuple[str, ...]      # ", đặc biệt là": a body of the list singled out
    sectors: dict[str, tuple[str, ...]]  # "Thanh tra" → "giao thông", …: a head named by its sector
    sector_verbs: frozenset[str]        # sectors that are also verbs ("xây dựng")
    sector_objects: tuple[str, ...]     # "Thanh tra lao động các …": the sector is what is inspected
    sector_parents: tuple[str, ...]     # "Cảnh sát giao thông Công an tỉnh": the body a sector's name goes on into
    bound_heads: frozenset[str]         # "Cảnh sát": a head that is no body alone
    listed_names: tuple[str, ...]       # "Quản lý thị trường": a body only inside a list, capitalised
    field_heads: frozenset[str]         # "Ban Chỉ đạo": named by a field in lower case, then its level


def _by_length(words) -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in words}, key=len, reverse=True))


@cache
def _lexicon() -> _Lexicon:
    data = load("bodies")
    abbreviations = dict(data["abbreviations"])
    official = {_key(n): n for n in data["official_names"]}          # as written, and written out
    official |= {_key(n): n for n in (_expand(name, abbreviations) for name in data["official_names"])}
    heads = list(data["heads"]) + list(data["abbreviated_heads"])
    return _Lexicon(_by_length(heads), _by_length(data["lowercase_heads"]),
                    frozenset(h.lower() for h in data["standalone_heads"]), _by_length(data["stop_words"]),
                    abbreviations, official, _by_length(load("metadata")["admin_units"]),
                    _by_length(data["name_openers"]),
                    frozenset(data["word_final_stops"]),
                    _by_length(data["honorifics"]), _by_length(data["list_emphasis"]),
                    {head.lower(): _by_length(names) for head, names in data["sector_heads"].items()},
                    frozenset(data["sector_verbs"]), _by_length(data["sector_objects"]),
                    _by_length(data["sector_parents"]), frozenset(h.lower() for h in data["bound_heads"]),
                    _by_length(data["listed_names"]), frozenset(h.lower() for h in data["field_heads"]))


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", fold_tone_placement(name)).strip().lower()


def _expand(name: str, abbreviations: dict[str, str]) -> str:
    """The name with its abbreviations written out ("UBND tỉnh" → "Ủy ban nhân dân tỉnh")."""
    return " ".join(abbreviations.get(w.strip(",;"), w) for w in fold_tone_placement(name).split())


def canonical(name: str) -> str:
    """Expanded, officially spelled form of a body name ("UBND tỉnh" → "Ủy ban nhân dân tỉnh")."""
    lex = _lexicon()
    expanded = _expand(name, lex.abbreviations)
    return lex.official.get(_key(expanded), expanded)


def recase(upper: str) -> str:
    """Recase an all-caps body name from a header ("CỤC BIẾN ĐỔI KHÍ HẬU" → "Cục Biến đổi khí hậu")."""
    lex = _lexicon()
    found = lex.official.get(_key(upper))
    if found:
        return found
    spelled = _spelled_heads()
    lower = " ".join(upper.split()).lower()
    left, joint, right = upper.rpartition(" - ")
    if joint and _head_of(left.lower()) and _head_of(right.lower()) not in ("", *_unit_words()):
        return f"{recase(left)} - {recase(right)}"      # two issuers jointly ("ỦY BAN … - SỞ …")
    head = _head_of(lower)
    words = lower[len(head):].split()
    units = _unit_words()
    inner = " ".join(words)
    if head.endswith(PARTY_COMMITTEE) and words and words[-1] in units \
            and any(inner == h or inner.startswith(h + " ") for h in spelled):
        rest = recase(inner.upper())                     # "Đảng ủy Công an tỉnh": the committee of a body at a level
    else:                                                # "Tỉnh đoàn Phú Thọ": a place after a level's body
        rest = _recase_name(words, party=head.endswith(PARTY_COMMITTEE) or head.split(" ")[0] in units)
    return _proper_names(" ".join(filter(None, [spelled.get(head, ""), rest])))


@cache
def _spelled_heads() -> dict[str, str]:
    """Each head and abbreviation in lower case, to its spelling; the longest first."""
    spelled = {h.lower(): h for h in load("bodies")["heads"]} | {a.lower(): a for a in _lexicon().abbreviations}
    return dict(sorted(spelled.items(), key=lambda item: len(item[0]), reverse=True))


def _head_of(lower: str) -> str:
    """The longest head the name opens with, or "" (none when the name opens on a plain compound: "phòng chống …")."""
    lower = " ".join(lower.split())
    if lower.startswith(tuple(c + " " for c in _plain_compounds())):
        return ""
    return next((h for h in _spelled_heads() if lower == h or lower.startswith(h + " ")), "")


def _proper_names(name: str) -> str:
    """The `proper_names` spelled as they are ("Việt nam" → "Việt Nam")."""
    for pattern, proper in _proper_name_patterns():
        name = pattern.sub(proper, name)
    return name


@cache
def _proper_name_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(rf"\b{re.escape(p)}\b", re.IGNORECASE), p) for p in load("bodies")["proper_names"])


PARTY_COMMITTEE = ("ủy", "uỷ")     # after an admin unit: the Party committee of that level ("tỉnh ủy" → "Tỉnh ủy")


def _recase_name(words: list[str], party: bool) -> str:
    """Capitalise the first word, words after "và"/","/"-", and place names after admin units."""
    units = _unit_words() | {u.split()[0] for u in _lexicon().admin_units}     # "thành phố", "thị xã", "đặc khu"
    out: list[str] = []
    capital_next, place = True, party
    for i, word in enumerate(words):
        if i and _in_plain_compound(words, i):          # (a level right after the head stays one: "xã Hội An")
            out.append(word if _in_plain_compound(words, i - 1) else _capital(word, capital_next or place))
            capital_next = False                         # "Văn hóa - Xã hội", "… phòng, chống thiên tai"
            continue
        if i and words[i - 1] in term_words() and TERM.fullmatch(word.upper()):
            out.append(word.upper())                     # "… khóa XIII": the term, a numeral
            continue
        if word in term_words():
            out.append(word)
            continue
        if party and (i == 0 and word in units or i == 1 and f"{words[0]} {word}" in _lexicon().admin_units):
            out.append(word)                             # "Đảng ủy xã Tân Lập", "Đảng ủy xã", "Đảng ủy thị xã …"
            continue
        if word in PARTY_COMMITTEE and i and words[i - 1] in units:
            out[-1] = out[-1][:1].upper() + out[-1][1:]  # "Ban Thường vụ Tỉnh ủy", "… Huyện ủy Bảo Thắng"
            out.append(word)
            capital_next, place = False, True
            continue
        if word in units and not place:                  # "… huyện" ending the name stays lower case
            out.append(word)
            place = i + 1 < len(words) and words[i + 1] not in units
            capital_next = False
            continue
        out.append(_capital(word, capital_next or place))
        capital_next = word in ("và", "-") or word.endswith(",")
    return " ".join(out)


def _capital(word: str, capital: bool) -> str:
    return word[:1].upper() + word[1:] if capital else word


@cache
def _plain_compounds() -> tuple[str, ...]:
    return tuple(load("bodies")["plain_compounds"])


def _in_plain_compound(words: list[str], i: int) -> bool:
    """Word i is part of a plain compound of the lexicon, which does not open the name; one opening on a level
    ("xã hội") only where the name ends or a joiner follows ("Văn hóa - Xã hội", not "… xã Hội An")."""
    for compound in _plain_compounds():
        size = len(compound.split())
        for start in range(max(1, i - size + 1), i + 1):
            after = words[start + size] if start + size < len(words) else None
            if " ".join(words[start:start + size]) == compound and (
                    words[start] not in _unit_words() or after in (None, "và", "-", "–") or after in _unit_words()):
                return True
    return False


# ---------------------------------------------------------------- one body
def match_body(text: str, pos: int = 0) -> tuple[int, int] | None:
    """The span of a body mention starting at `pos` (after spaces), or None."""
    scan = Scanner(text, pos)
    end_index = _match_at(scan, 0) if len(scan) else None
    return (scan.tokens[0][1], scan.tokens[end_index - 1][2]) if end_index else None


def _match_at(scan: Scanner, i: int) -> int | None:
    """Token index just past the body starting at token i, or None (the longest reading wins)."""
    ends = [e for e in (_official_at(scan, i), generic_end(scan, i, _match_at, _extend_name), _headed_at(scan, i))
            if e]
    return max(ends) if ends else None


def _official_at(scan: Scanner, i: int) -> int | None:
    """An officially named body from the gazetteer ("Kiểm toán nhà nước")."""
    name = scan.phrase_at(i, _official_phrases())
    if not name:
        return None
    j = scan.skip(i, name)
    if name.split()[-1] in _unit_words():     # "Công an tỉnh Gia Lai": the place after a name ending in a unit
        j = _place_end(scan, j)
    return tail_end(scan, j, _match_at)


def _place_end(scan: Scanner, j: int) -> int:
    """Past a place's name: capitalised words ("Kon Tum", "Bà Rịa - Vũng Tàu"), not a head and not the first
    syllable of a word that goes on in lower case ("… Kon Tum Chỉ đạo", "… Đại tá Nguyễn Văn A")."""
    while j < len(scan) and capitalised(scan.word(j)) and scan.word(j).isalpha() \
            and not scan.phrase_at(j, _lexicon().heads) \
            and not (scan.word(j + 1)[:1].islower() and scan.finishes_word(j + 1)):
        j += 1
        if scan.word(j) in ("-", "–") and capitalised(scan.word(j + 1)) and scan.word(j + 1).isalpha():
            j += 1
    return j


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(u.split()[-1] for u in _lexicon().admin_units)


@cache
def _official_phrases() -> tuple[str, ...]:
    """Official names (the lexicon's keys hold each as written and written out), each also with its parts
    abbreviated ("Văn phòng HĐND và UBND", and the mixes)."""
    lex = _lexicon()
    names = set(lex.official)
    for short, full in lex.abbreviations.items():
        if " " in full:
            pattern = re.compile(rf"(?<!\w){re.escape(_key(full))}(?!\w)")
            names |= {pattern.sub(short.lower(), name) for name in names}
    return tuple(sorted(names, key=len, reverse=True))


def _headed_at(scan: Scanner, i: int) -> int | None:
    """A head noun and its proper name ("Sở Tài chính"), with an optional "các" before it."""
    lex = _lexicon()
    prefix = 1 if scan.word(i).lower() in ("các", "những") and i + 1 < len(scan) else 0
    honorific = scan.phrase_at(i + prefix, lex.honorifics)   # "Các đồng chí Phó Chủ tịch …", "Đồng chí Bí thư …"
    prefix = scan.skip(i + prefix, honorific) - i if honorific else prefix
    head = scan.phrase_at(i + prefix, lex.heads)
    lowercase = scan.phrase_at(i + prefix, lex.lowercase_heads)
    if not head or not (capitalised(scan.word(i + prefix)) or lowercase):
        return None   # "ban hành", "bộ phận": a head noun must be capitalised
    j = scan.skip(i + prefix, head)
    titled = head in grammar().titles   # a person's title stands over a list of bodies
    inner = [k for k in range(i + prefix + 1, j) if scan.phrase_at(k, lex.heads)]   # "Chánh Văn phòng"
    starts = inner + [j] if titled and j < len(scan) else inner
    official = next((end for k in starts if (end := _official_at(scan, k))), None)
    if official:                    # "Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"
        return official
    if titled and j < len(scan) and scan.phrase_at(j, lex.lowercase_heads) and (over := _match_at(scan, j)):
        return over                 # "Người đứng đầu ngành y tế": a title over a body named in lower case
    sector = _sector_end(scan, head, j) if head not in lex.field_heads else _field_end(scan, j)
    name_end = sector if sector > j else _extend_name(scan, j)
    inner = generic_end(scan, j, _match_at, _extend_name, apart=not titled) if j < len(scan) else None
    if inner and inner >= name_end:  # "Thủ trưởng các sở, ban, ngành", "Giám đốc các Sở"
        return of_list_end(scan, inner, _match_at, _extend_name) if titled else inner
    end = tail_end(scan, name_end, _match_at)
    if end == j and not _standalone(head, scan, j):
        return None                 # a head alone; "UBND cấp xã", "người đứng đầu địa phương" are bodies
    return end


def _sector_end(scan: Scanner, head: str, j: int) -> int:
    """Past the sector a head is named by ("Thanh tra giao thông", "Cảnh sát môi trường") and the body it belongs
    to ("Cảnh sát giao thông Công an tỉnh"), or j where the sector is what a verb "thanh tra" takes (bodies.yaml
    `sector_heads`: objects, numbers, verbs that need the name to end after them)."""
    lex = _lexicon()
    sector = scan.phrase_at(j, lex.sectors.get(head, ())) if j < len(scan) else None
    if not sector:
        return j
    after = scan.skip(j, sector)
    if after >= len(scan):
        return after
    word = scan.word(after)
    qualified = tail_end(scan, after, _match_at) > after
    if not qualified and (scan.phrase_at(after, lex.sector_objects) or word[:1].isdigit()):
        return j
    ends = qualified or not word[:1].isalnum() or word[:1].isupper() or word.lower() == "và"
    if sector in lex.sector_verbs and not ends:
        return j
    return _extend_name(scan, after) if word[:1].isupper() and scan.phrase_at(after, lex.sector_parents) else after


_FIELD_WORDS = 5


def _field_end(scan: Scanner, j: int) -> int:
    """"Ban Chỉ đạo giảm nghèo xã": past the field, written in lower case, when the body's level (an admin
    unit, not a named place) closes it within a few words; else j (the field may be the predicate: "Ban Chỉ đạo
    rà soát …")."""
    lex = _lexicon()
    for k in range(j, min(len(scan), j + _FIELD_WORDS + 1)):
        word = scan.word(k)
        unit = scan.phrase_at(k, lex.admin_units)
        if k > j and unit:          # not a named place: "Ban Chỉ đạo chọn xã Tân Hòa …" is what it acts on
            return k if not capitalised(scan.word(scan.skip(k, unit))) else j
        if not word[:1].islower() or not word.isalpha():
            return j
        units_after = k > j and scan.word(k).lower() == "các" and scan.phrase_at(k + 1, lex.admin_units) \
            and not any(scan.phrase_at(m, lex.stops) and not _compound_tail(scan, m) for m in range(j, k))
        if units_after and not capitalised(scan.word(scan.skip(k + 1, scan.phrase_at(k + 1, lex.admin_units)))):
            return k                # "Hội đồng nghĩa vụ quân sự các xã, thị trấn": the level of each of them
        if scan.phrase_at(k, grammar().determiners) and not (k > j and scan.finishes_word(k)):
            return j                # "các xã": the field is what the body acts on ("an toàn" is a word)
        stop = scan.phrase_at(k, lex.stops) if not _compound_tail(scan, k) else None      # "bầu cử"
        if stop and (" " in stop or not scan.finishes_word(k + 1)):
            return j                # "Ban Chỉ đạo kiểm tra tình hình tại xã": a verb or a preposition, no field
    return j


def _standalone(head: str, scan: Scanner, j: int) -> bool:
    """Heads that are a whole body by themselves ("Chính phủ", "Bộ trưởng", "Ban Chỉ đạo"), but not the first of
    a list of activities ("Lãnh đạo, chỉ đạo, điều hành", "Thanh tra, kiểm tra doanh nghiệp")."""
    lex = _lexicon()
    if _activity_follows(scan, j) or head in _verb_heads() and scan.word(j)[:1].islower():
        return False
    return scan.word(j) == ":" or (" " in head and head not in lex.bound_heads) or head in lex.standalone_heads


@cache
def _verb_heads() -> frozenset[str]:
    return frozenset(h.lower() for h in load("bodies")["verb_heads"])


def _activity_follows(scan: Scanner, j: int) -> bool:
    """A comma, then a lower-case word that opens no body (no determiner, kind of body or unit): the head word
    was a verb listed with others."""
    if scan.word(j) != "," or j + 1 >= len(scan) or not scan.word(j + 1)[:1].islower():
        return False
    g = grammar()
    return not any(scan.phrase_at(j + 1, words) for words in (g.determiners, g.nouns, _lexicon().admin_units,
                                                              _lexicon().lowercase_heads))


def _extend_name(scan: Scanner, j: int) -> int:
    """Consume the proper-name words after a head; return the index past them."""
    lex = _lexicon()
    start, after_unit, run = j, False, 0        # run: capitalised words in a row
    while j < len(scan) and j - start < _NAME_WORDS:
        token = scan.word(j)
        if j > start and token[:1].islower() and capitalised(scan.word(j - 1)) and scan.finishes_word(j) \
                and " " not in (scan.phrase_at(j, lex.stops) or ""):    # "Thương" + "thực hiện" is no word
            run, j = 0, j + 1       # "Đào tạo", "Lâm sản": a word begun in capitals goes on in lower case
            continue
        unit = scan.phrase_at(j, lex.admin_units) if token[:1].islower() else None
        if unit and " " not in unit and j + 1 < len(scan) and scan.finishes_word(j + 1):
            unit = None             # "xã hội" is a word, not the unit "xã"
        if unit:
            after_unit, run, j = True, 0, scan.skip(j, unit)
            continue
        if (after_unit or run >= 2) and token[:1].islower() and token.lower() not in ("các", "và"):
            break   # "Ủy ban nhân dân huyện chỉ xem xét…", "… Đông Nam Nghệ An trực tiếp"
        committee = scan.phrase_at(j, _COMMITTEES) if j > start and capitalised(token) else None
        if committee:   # "Ban Thường vụ Tỉnh ủy": a committee closes the name like a place does
            after_unit, j = True, scan.skip(j, committee)
            continue
        if not capitalised(token) and scan.phrase_at(j, lex.stops) and not _compound_tail(scan, j):
            if token.lower() == "và" and after_unit and scan.phrase_at(j + 1, lex.admin_units):
                j += 1              # "… các tỉnh và thành phố trực thuộc trung ương"
                continue
            if token.lower() == "và" and _joins_name(scan, j + 1, lowercase_ok=j > start + 1):
                j += 1
                continue
            break
        if token in (",", ";"):
            if token == "," and _comma_joins_name(scan, j + 1) and not (after_unit and capitalised(scan.word(j + 1))):
                j += 1
                continue
            if token == "," and not after_unit and _specifier_goes_on(scan, start, j):
                j += 1              # "Phòng Phát triển nông thôn, thủy lợi chủ trì"
                continue
            break
        if token == "/" and after_unit and scan.phrase_at(j + 1, lex.admin_units):
            j += 1                  # "xã / phường / thị trấn"
            continue
        if token in ("-", "–", "&"):
            if scan.word(j + 1)[:1].islower() and j > start and _official_so_far(scan, start, j):
                break               # "Sở Lao động - Thương binh và Xã hội - thường trực …"
            j += 1
            continue
        if token == "." and scan.word(j - 1).lower() == "tp" and capitalised(scan.word(j + 1)):
            j += 1                  # "Trường Cao đẳng Du lịch TP. Hải Phòng": "TP." is "thành phố"
            continue
        if not re.match(r"\w", token):
            break
        opener = scan.phrase_at(j, lex.name_openers) if j == start else None
        if opener:                  # "Ban Quản lý dự án 2": a name that opens in lower case
            run, j = 0, scan.skip(j, opener)
            continue
        if j == start and not (capitalised(token) or token.lower() in ("các", "cơ", "đảng", "quân", "nhân",
                                                                        "thành", "ngang")):
            break
        if token[:1].islower() and j > start and _official_so_far(scan, start, j):
            break   # "Sở Kế hoạch và Đầu tư phân khai …": an official name is complete
        official = scan.phrase_at(j, _official_phrases()) if capitalised(token) else None
        if official:                # a whole body inside the name ("Thường trực Ban An toàn giao thông"): complete
            after_unit, run, j = True, 0, scan.skip(j, official)   # but for a place ("… tỉnh Lào Cai")
            continue
        head = scan.phrase_at(j, lex.heads) if capitalised(token) else None
        if head:                    # a body inside the name: "Bộ trưởng Bộ Xây dựng"
            run, j = 0, scan.skip(j, head)
            continue
        run = run + 1 if capitalised(token) else 0
        j += 1
    return j


def _specifier_goes_on(scan: Scanner, start: int, comma: int) -> bool:
    """After a comma, a name that is not yet an official one goes on with a short run of lower-case words
    that holds no stop word, head, generic noun or unit and ends the phrase ("Phòng Phát triển nông thôn, thủy
    lợi chủ trì …", "Trung tâm Ứng dụng khoa học, công nghệ và môi trường"): one subject area of a unit's
    name, not the next body of a list ("Sở Tài chính, kho bạc …") or a verb ("…, hướng dẫn các xã")."""
    lex = _lexicon()
    if comma - start < 2 or not capitalised(scan.word(start)) or _official_so_far(scan, start, comma):
        return False
    j, words = comma + 1, 0
    while j < len(scan) and scan.word(j)[:1].islower() and words < _SPECIFIER_WORDS:
        if scan.word(j) == "và" and words:
            j, words = j + 1, words + 1
            continue
        if scan.phrase_at(j, lex.stops) or scan.phrase_at(j, lex.heads) or scan.phrase_at(j, lex.admin_units) \
                or scan.phrase_at(j, grammar().nouns) or scan.word(j) in ("các", "những") \
                or not scan.finishes_word(j + 1):
            break
        j, words = j + 2, words + 2
    if not words or scan.word(j - 1) == "và":
        return False
    return j >= len(scan) or not scan.word(j)[:1].isalpha() or bool(scan.phrase_at(j, lex.stops))




def _official_so_far(scan: Scanner, start: int, j: int) -> bool:
    """The head before token `start` and the name up to token j spell an official body name."""
    head_start = start - 1
    while head_start > 0 and scan.word(head_start - 1)[:1].isupper() and scan.word(head_start)[:1].isupper():
        head_start -= 1
    for k in range(max(0, start - 4), start):
        name = scan.text[scan.tokens[k][1]:scan.tokens[j - 1][2]]
        if _key(canonical(name)) in _lexicon().official:
            return True
    return False


def _joins_name(scan: Scanner, j: int, lowercase_ok: bool = False) -> bool:
    """After "và" or ",": the name goes on with a word that is not a new head, list or verb.

    Capitalised words continue a name ("Tài nguyên và Môi trường"); lower-case ones only where
    the name already runs in lower case ("Chính sách tài nguyên và môi trường").
    """
    if j >= len(scan):
        return False
    token = scan.word(j)
    lex = _lexicon()
    if token.lower() in ("các", "những", "cá", "nhân", "người") or scan.phrase_at(j, lex.heads) and capitalised(token) \
            or _listed_name_at(scan, j):
        return False
    if capitalised(token):
        return True
    return lowercase_ok and re.match(r"\w", token) is not None and not scan.phrase_at(j, lex.stops) \
        and not scan.phrase_at(j, grammar().nouns)


def _compound_tail(scan: Scanner, j: int) -> bool:
    """The stop word at j ends a two-syllable word begun at j - 1 ("công trình", and the dictionary's words
    for `word_final_stops`: "việc làm", "dự phòng", "đào tạo"): not a verb."""
    if j == 0:
        return False
    lex = _lexicon()
    if scan.phrase_at(j - 1, grammar().compounds):
        return True
    return scan.word(j).lower() in lex.word_final_stops and scan.word(j - 1)[:1].islower() and scan.finishes_word(j)


def _comma_joins_name(scan: Scanner, j: int) -> bool:
    """After ",": "Văn hóa, Thể thao" or an admin-unit list ("các tỉnh, thành phố")."""
    if j >= len(scan):
        return False
    if scan.phrase_at(j, _lexicon().admin_units):
        prev = scan.word(j - 2).lower() if j >= 2 else ""
        return prev in _unit_words()
    return _joins_name(scan, j) and not scan.phrase_at(j, grammar().nouns) \
        and not scan.phrase_at(j, _official_phrases())    # "Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam": two


# ---------------------------------------------------------------- lists
def parse_body_list(text: str, pos: int = 0, offset: int = 0, acronyms: bool = False) -> tuple[list[Body], int]:
    """Bodies listed from `pos` ("A, B và các C"); returns them and the position after the list. With
    `acronyms` (a slot that only bodies fill, as after "phối hợp với"), an unknown acronym is a body too."""
    bodies: list[Body] = []
    scan = Scanner(text, pos)
    i = last = 0                    # last: the token after the last body read (not a joiner after it)
    while i < len(scan):
        expanded = _colon_list(scan, i, offset)
        if expanded:
            found, i = expanded
            bodies.extend(found)
        else:
            end = _match_at(scan, i) or (_acronym_at(scan, i) if acronyms else None) \
                or (_listed_name_at(scan, i) if bodies else None)
            if end is None:
                break
            end = _number_list_end(scan, _parenthetical_end(scan, end))
            start_char, end_char = scan.tokens[i][1], scan.tokens[end - 1][2]
            name = text[start_char:end_char].rstrip(" ,;")
            bodies.extend(_split_plural(name, start_char + offset))
            i = end
        last = i
        emphasis = scan.phrase_at(i + 1, _lexicon().list_emphasis) if scan.word(i) == "," else None
        if emphasis:                # "Các sở, ngành, đặc biệt là Sở Tài chính": the one singled out is listed too
            i = scan.skip(i + 1, emphasis)
            continue
        if scan.word(i).lower() in (",", ";", "và"):
            i += 2 if scan.word(i) in (",", ";") and scan.word(i + 1).lower() == "và" else 1
            continue
        break
    end_pos = scan.tokens[last - 1][2] if bodies and last else pos
    return bodies, end_pos


def _number_list_end(scan: Scanner, end: int) -> int:
    """Past more numbers of a name that ends on one ("các tổ dân phố số 2, 5, 9", "Trường Tiểu học số 1, 2")."""
    while end > 0 and scan.word(end - 1).isdigit() and scan.word(end) == "," and scan.word(end + 1).isdigit():
        end += 2
    return end


def names_a_body(text: str, anywhere: bool = False) -> bool:
    """A capitalised body named inside the text, past its first word ("Đảng ủy Công an tỉnh lãnh đạo Công an tỉnh chủ
    trì …", "Số hồ sơ Sở Tư pháp tiếp nhận"): the words before it are not part of its name. With `anywhere`, any
    body at any word ("Khi có hướng dẫn của các bộ, …")."""
    return any(parse_body_list(text, m.start())[0] for m in re.finditer(r"(?<![\w/])[^\W\d_]", text)
               if anywhere or m.group().isupper() and m.start() > 0)


def _listed_name_at(scan: Scanner, i: int) -> int | None:
    """A capitalised `listed_names` agency inside a list of bodies ("…, Quản lý thị trường và Thuế"), with the
    admin unit written after it ("Quản lý thị trường tỉnh")."""
    name = scan.phrase_at(i, _lexicon().listed_names)
    if name is None or not scan.word(i)[:1].isupper():
        return None
    end = scan.skip(i, name)
    unit = scan.phrase_at(end, _lexicon().admin_units)
    return _place_end(scan, scan.skip(end, unit)) if unit else end


_ACRONYM = re.compile(r"[A-ZĐ][A-ZĐ0-9&]*(?:-[A-ZĐ0-9&]+)*")
_ROMAN = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")      # "XIV": a numeral, not a name


def _acronym_at(scan: Scanner, i: int) -> int | None:
    """An acronym of three letters or more, the place or name written after it and its qualifiers ("VNPT Hà
    Giang", "BHXH tỉnh", "EVN"): not a numeral, not a Vietnamese word in capitals ("TRUNG ƯƠNG"), not a fund or
    an index (`not_acronym_bodies`), not an abbreviation ending in a full stop ("TP. Hồ Chí Minh")."""
    from ..ingest.ocr.syllables import is_valid

    word, after = scan.word(i), scan.word(i + 1)
    if not _ACRONYM.fullmatch(word) or sum(c.isalpha() for c in word) < 3 or _ROMAN.fullmatch(word) \
            or is_valid(word.lower()) or word.upper() in _not_acronym_bodies() or after == ".":
        return None
    return tail_end(scan, _extend_name(scan, i + 1) if capitalised(after) else i + 1, _match_at)


@cache
def _not_acronym_bodies() -> frozenset[str]:
    return frozenset(w.upper() for w in load("bodies")["not_acronym_bodies"])


def _split_plural(name: str, start: int) -> list[Body]:
    """"Các Sở Tư pháp, Nội vụ, Y tế": one head shared by a list of names, split
    when every part is an official body under that head (and the whole is not)."""
    match = re.match(r"(?:các|những)\s+(\S+)\s+(.+)$", name, re.IGNORECASE)
    official = _lexicon().official
    if not match or "," not in match.group(2) or _key(canonical(name)) in official:
        return [as_body(name, start)]
    head, names = match.group(1), match.group(2)
    parts = [part.strip() for part in names.split(",")]
    if len(parts) < 2 or not all(_key(canonical(f"{head} {part}")) in official for part in parts):
        return [as_body(name, start)]
    out, pos = [], start + match.start(2)
    for part in parts:
        at = name.index(part, pos - start)
        full = f"{head} {part}"
        out.append(as_body(full, start + at, len(part)))
        pos = start + at + len(part)
    return out


def as_body(name: str, start: int, length: int | None = None) -> Body:
    """One body named as written, from character `start` (over `length` characters of the text, where the name
    is not written there as such: "Sở Y tế" from "Y tế" in a shared-head list)."""
    end = start + (len(name) if length is None else length)
    return Body(name=name, canonical=canonical(name), start=start, end=end)


def _parenthetical_end(scan: Scanner, end: int) -> int:
    """Past "(Kho bạc Nhà nước)" when a body in parentheses follows the body ending at `end`."""
    if scan.word(end) != "(":
        return end
    inner = _match_at(scan, end + 1)
    return inner + 1 if inner and scan.word(inner) == ")" else end


def _colon_list(scan: Scanner, i: int, offset: int) -> tuple[list[Body], int] | None:
    """A head shared by a list after a colon: "(các) Bộ: Công Thương, Xây dựng" → "Bộ Công Thương", "Bộ
    Xây dựng"; "Giám đốc các Sở: Tài chính, Nội vụ" → "Giám đốc Sở Tài chính", …; one body as written when no
    name under the head makes an official body with it ("các Vụ: Kế hoạch, Pháp chế"), for nothing then shows
    the list to be a list of bodies rather than of a body's parts."""
    lex = _lexicon()
    k = i
    title = scan.phrase_at(k, lex.heads) if capitalised(scan.word(k)) else None
    if title and scan.word(scan.skip(k, title)).lower() == "các":
        k = scan.skip(k, title) + 1
    elif scan.word(k).lower() == "các":
        k, title = k + 1, None
    else:
        return None
    head = scan.phrase_at(k, lex.heads)
    if not head or scan.word(scan.skip(k, head)) != ":":
        return None
    head_text = scan.text[scan.tokens[k][1]:scan.tokens[scan.skip(k, head) - 1][2]]
    prefix = f"{scan.text[scan.tokens[i][1]:scan.tokens[k - 2][2]]} " if title else ""
    bodies, official, j = [], False, scan.skip(k, head) + 1
    while j < len(scan) and capitalised(scan.word(j)):
        end = _list_item_end(scan, j, head_text)
        start_char, end_char = scan.tokens[j][1], scan.tokens[end - 1][2]
        if scan.phrase_at(j, lex.heads) and not _official_under(head_text, scan.text[start_char:end_char]):
            j -= scan.word(j - 1) == ","    # a full name ("…, Cục Y"): the comma and the rest are the outer list's
            break                           # ("Bộ: Tài chính, Công an" reads "Bộ Công an", an official name)
        for name_start, name in _split_joined(head_text, scan.text[start_char:end_char], start_char):
            official = official or _key(canonical(f"{head_text} {name}")) in lex.official
            full = f"{prefix}{head_text} {name}"
            bodies.append(Body(name=full, canonical=canonical(f"{head_text} {name}"),
                               start=name_start + offset, end=name_start + len(name) + offset))
        j = end + 1 if scan.word(end) == "," and capitalised(scan.word(end + 1)) else end
    if not bodies or official:
        return (bodies, j) if bodies else None
    start_char = scan.tokens[i][1]
    return [as_body(scan.text[start_char:scan.tokens[j - 1][2]].rstrip(" ,;"), start_char + offset)], j


def _list_item_end(scan: Scanner, j: int, head: str = "") -> int:
    """End of one name in a colon list: at ",", ";", ":", "." or a lower-case stop word, unless more words make an
    official name under `head` ("Bộ: Quốc phòng, Ngoại giao phối hợp" → "Bộ Quốc phòng", "Bộ Ngoại giao")."""
    lex = _lexicon()
    k = j
    while k < len(scan) and scan.word(k) not in (",", ";", ":", ".", "(", ")"):
        if k > j and not capitalised(scan.word(k)) and scan.phrase_at(k, lex.stops) and scan.word(k).lower() != "và":
            break
        k += 1
    punctuation = k
    while punctuation < len(scan) and scan.word(punctuation) not in (",", ";", ":", ".", "(", ")"):
        punctuation += 1
    for last in range(punctuation, k, -1) if head else ():
        if _official_under(head, scan.text[scan.tokens[j][1]:scan.tokens[last - 1][2]]):
            return last
    return k


def _official_under(head: str, name: str) -> bool:
    """"Công an" under "Bộ": "Bộ Công an" is in the gazetteer's official names."""
    return _key(f"{head} {name}") in _lexicon().official


def _split_joined(head: str, names: str, start: int) -> list[tuple[int, str]]:
    """"Xây dựng và Công Thương" under "Sở" → two names when each is an official body and the whole is not."""
    official = _lexicon().official
    parts = names.split(" và ")
    if len(parts) == 2 and _key(f"{head} {names}") not in official \
            and all(_key(canonical(f"{head} {p}")) in official for p in parts):
        return [(start, parts[0]), (start + len(parts[0]) + 4, parts[1])]
    return [(start, names)]
