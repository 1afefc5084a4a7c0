"""Syllable-level repair of OCR text: digit look-alikes in numbers and dates, letter confusions in
words that are not Vietnamese syllables, misread tones inside dictionary words and the phrases the rules
key on, and lost or wrong diacritics on known body names (service/lexicons/bodies.yaml).
Rules: service/lexicons/ocr.yaml.
"""
from __future__ import annotations

import re
import threading
from functools import cache

from ...lexicons import load
from ...text import fold_tone_placement, strip_diacritics
from .syllables import frequency, is_valid, known_words, split_tone

_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)
_DATE_CUES = {"ngày", "tháng", "năm", "số", "số:"}
_NUMERIC_SPLIT = re.compile(r"([/.\-,:])")
_SPECKS = re.compile(r"[‹›¡¿«»■□●•™®©¬¦]")
_SPECK_DOT = re.compile(r"(?<=[^\W\d_]{2})[.,·](?=[^\W\d_]{2})|(?<=[^\W\d_A-ZĐ]{2})\.(?= [a-zđà-ỹ])")
_ROMAN = re.compile(r"^[IVl1|!]{1,4}(?=/)")
_ROMAN_HEADING = re.compile(r"^(?=.*[IVXl|])[IVXli1|]{2,4}\.$")
_ROMAN_FIX = re.compile(r"[l1|!]")
_BRACED_MARKER = re.compile(r"^([a-zđ]|\d{1,2})[}\]]\)?$")   # "b})", "c]" for the list marker "b)"
_PATTERN = re.compile(r"[\\\[\]()|^$*+?{}]")         # a regular expression, not a phrase
_CUE_LEXICONS = ("bodies", "structure", "deadlines", "targets", "outputs", "vague_cues", "metadata", "levels")
_PAIR_SWAPS = {"í": "ỉ", "ỉ": "í", "ó": "ỏ", "ỏ": "ó", "ú": "ủ", "ủ": "ú", "é": "ẻ", "ẻ": "é",
               "á": "ả", "ả": "á", "ố": "ổ", "ổ": "ố", "ấ": "ẩ", "ẩ": "ấ", "ế": "ể", "ể": "ế"}


def repair_line(line: str) -> str:
    """Repair one OCR'd line: specks, numbers, words, word pairs, then body names."""
    tokens = _SPECKS.sub(" ", _SPECK_DOT.sub(" ", line)).split()
    if tokens and _ROMAN_HEADING.match(tokens[0]) and not tokens[0][:-1].isdigit():
        tokens[0] = _ROMAN_FIX.sub("I", tokens[0].replace("i", "I"))  # "li. NHIỆM VỤ" → "II. NHIỆM VỤ"
    if tokens:
        tokens[0] = _BRACED_MARKER.sub(r"\1)", tokens[0])
    out: list[str] = []
    for token in tokens:
        previous = out[-1].lower() if out else ""
        if previous == "quý":
            token = _ROMAN.sub(lambda m: _ROMAN_FIX.sub("I", m.group()), token)
        out.extend(repair_word(repair_number(token, previous in _DATE_CUES)).split(" "))
    return repair_phrases(" ".join(repair_pairs(out)))


def repair_number(token: str, after_cue: bool = False) -> str:
    """"Z32Ø/BTC-QLCS" → "2320/BTC-QLCS", "1O/O3/2O25" → "10/03/2025", "tháng O3" → "tháng 03"."""
    if not any(c.isdigit() for c in token) and not after_cue:
        return token
    parts = _NUMERIC_SPLIT.split(token)
    numeric = [p for p in parts[::2] if p and _numeric_like(p)]
    is_date = len(numeric) >= 2 and "/" in token or after_cue
    return "".join(_to_digits(p, is_date) if i % 2 == 0 and _should_mend(p, is_date) else p
                   for i, p in enumerate(parts))


def _numeric_like(part: str) -> bool:
    looks = _digit_map()
    return bool(part) and all(c.isdigit() or c in looks for c in part)


def _should_mend(part: str, is_date: bool) -> bool:
    if not _numeric_like(part) or not any(c.isdigit() for c in part):
        return False
    digits = sum(c.isdigit() for c in part)
    return is_date or digits > len(part) - digits or (len(part) >= 3 and 2 * digits >= len(part))


def _to_digits(part: str, is_date: bool) -> str:
    looks, weak = _digit_map(), _weak()
    return "".join(looks[c] if c in looks and (is_date or c not in weak or _between_digits(part, k)) else c
                   for k, c in enumerate(part))


def _between_digits(part: str, k: int) -> bool:
    return 0 < k < len(part) - 1 and part[k - 1].isdigit() and part[k + 1].isdigit()


def repair_word(token: str) -> str:
    """A word that is no syllable becomes its most frequent valid one-confusion neighbour."""
    lead, core, tail = _EDGE.match(token).groups()
    if not core or not core.isalpha() and not _has_confusable(core) or is_valid(core) or _abbreviation(core):
        return token
    best = _best_candidate(core.lower(), lambda w: is_valid(w)) or _split_glued(core.lower())
    return lead + _same_case(best, core) + tail if best else token


def _split_glued(word: str) -> str | None:
    """"họcvà" → "học và": two known syllables Tesseract ran together (the likeliest split)."""
    freq = frequency()
    splits = [(min(freq.get(word[:k], 0), freq.get(word[k:], 0)), f"{word[:k]} {word[k:]}")
              for k in range(1, len(word)) if is_valid(word[:k]) and is_valid(word[k:])]
    best = max(splits, default=(0, None))
    return best[1] if best[0] >= 3 else None


def _abbreviation(core: str) -> bool:
    """"II", "UBND", "VT": plain-ASCII capitals are numerals and abbreviations, not broken words."""
    return core.isascii() and core.isupper() and len(core) <= 6


def _has_confusable(core: str) -> bool:
    return any(c.isalpha() for c in core) and all(c.isalpha() or c in _letter_map() for c in core.lower())


def _best_candidate(word: str, accept) -> str | None:
    freq = frequency()
    scored = [(freq.get(c, 0), c) for c in _variants(word) if c in freq and accept(c)]
    return max(scored)[1] if scored else None


def _variants(word: str) -> set[str]:
    """Every spelling one confusion away (each rule applied at one position)."""
    out = set()
    for wrong, rights in _letter_map().items():
        start = word.find(wrong)
        while start >= 0:
            for right in rights:
                out.add(fold_tone_placement(word[:start] + right + word[start + len(wrong):]))
            start = word.find(wrong, start + 1)
    out.discard(word)
    return out


def repair_pairs(tokens: list[str]) -> list[str]:
    """One misread word of a pair that is no dictionary word, when neither word forms a dictionary word with
    its other neighbour: a sắc/hỏi swap that makes a dictionary word ("TÍNH ỦY" → "TỈNH ỦY"), or any other
    tone that makes a phrase the rules key on ("chỉ tiết" → "chi tiết", "thì hành" → "thi hành"), the
    commonest such spelling first. The `pair_keeps` function words stay as read ("cùng cấp" is no misread
    "cung cấp")."""
    words, cues = known_words(), _cue_pairs()
    low = [_bare(t) for t in tokens]
    out = list(tokens)
    for i in range(len(tokens) - 1):
        a, b = low[i], low[i + 1]
        if not a or not b or f"{a} {b}" in words or _bound(low, i, chained=True):
            continue
        bound, plain = _bound(low, i), _plain_pair(out[i], out[i + 1])
        for j, word in ((i, a), (i + 1, b)):
            pair = (lambda w: f"{w} {b}") if j == i else (lambda w: f"{a} {w}")
            fixed = (not bound and _swap_tone(word, lambda w: pair(w) in words)) \
                or plain and _retoned(word, lambda w: pair(w) in cues)
            if fixed:
                lead, core, tail = _EDGE.match(out[j]).groups()
                out[j], low[j] = lead + _same_case(fixed, core) + tail, fixed
                break
    return out


def _open_after(token: str) -> bool:
    """No mark ends the token: it runs on into the next word."""
    return token == token.rstrip(",;:.!?)")


def _open_before(token: str) -> bool:
    return token == token.lstrip("(\"")


def _plain_pair(left: str, right: str) -> bool:
    """Two lower-case words with no mark between them: a name ("xã Hải Hòa", "Nhật") is never re-toned."""
    return _open_after(left) and _open_before(right) and left[:1].islower() and right[:1].islower()


def _retoned(word: str, accept) -> str | None:
    """The commonest dictionary syllable spelt as `word` but for the tone that `accept` takes; none for a
    `pair_keeps` word (a vowel's own mark, as in "cáp"/"cấp", OCR misreads far less often than a tone)."""
    if word in _pair_keeps():
        return None
    freq = frequency()
    others = sorted((s for s in _by_toneless().get(split_tone(word)[0], ()) if s != word),
                    key=lambda s: (-freq.get(s, 0), s))
    return next((s for s in others if accept(s)), None)


@cache
def _by_toneless() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for word in known_words():
        for syllable in word.split():
            groups.setdefault(split_tone(syllable)[0], set()).add(syllable)
    return {k: frozenset(v) for k, v in groups.items()}


_CUE_PAIRS_LOCK = threading.Lock()


def _cue_pairs() -> frozenset[str]:
    """Two-syllable dictionary words of the phrases in the rules' lexicons (bodies, cues, deadlines …), as
    underthesea segments them: "Độc lập - Tự do" gives "độc lập" and "tự do", never "lập tự". Built by one
    thread while the others wait: underthesea's word segmenter loads its model on first use and fails when two
    of a scan's page threads do that at once."""
    with _CUE_PAIRS_LOCK:
        return _built_cue_pairs()


@cache
def _built_cue_pairs() -> frozenset[str]:
    from ...text import underthesea

    tokenize = underthesea().word_tokenize
    words = {fold_tone_placement(w).lower() for name in _CUE_LEXICONS for phrase in _strings(load(name))
             for w in tokenize(phrase)}
    return frozenset(w for w in words if w.count(" ") == 1) & known_words()


def _strings(value) -> list[str]:
    """The phrases of a lexicon (patterns left out)."""
    if isinstance(value, str):
        return [] if _PATTERN.search(value) else [value]
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return [s for item in items for s in _strings(item)]


@cache
def _pair_keeps() -> frozenset[str]:
    return frozenset(load("ocr")["pair_keeps"])


def _bound(low: list[str], i: int, chained: bool = False) -> bool:
    """A word of the pair makes a dictionary word with its other neighbour. `chained`: unless that neighbour
    makes one with the next word out — in "thì hành quyết định", "hành quyết" does not hold "hành", for
    "quyết định" is a word."""
    left = i > 0 and _known_pair(low[i - 1], low[i]) \
        and not (chained and i > 1 and _known_pair(low[i - 2], low[i - 1]))
    right = i + 2 < len(low) and _known_pair(low[i + 1], low[i + 2]) \
        and not (chained and i + 3 < len(low) and _known_pair(low[i + 2], low[i + 3]))
    return left or right


def _swap_tone(word: str, accept) -> str | None:
    for k, char in enumerate(word):
        if char in _PAIR_SWAPS:
            candidate = word[:k] + _PAIR_SWAPS[char] + word[k + 1:]
            if is_valid(candidate) and accept(candidate):
                return candidate
    return None


def repair_phrases(line: str) -> str:
    """Body names with lost or wrong diacritics or glued words ("Uy ban nhan dan tinh" → "Ủy ban nhân
    dân tỉnh", "Thông tìnvà Truyền thông" → "Thông tin và Truyền thông"): folded, spaces ignored."""
    tokens = line.split(" ")
    folded = [_fold(t) for t in tokens]
    phrases = _phrases()
    i = 0
    while i < len(tokens):
        for n in range(min(_longest(), len(tokens) - i), 1, -1):
            right = phrases.get("".join(folded[i:i + n]))
            if not right or [_bare(t) for t in tokens[i:i + n]] == [_bare(r) for r in right.split()] \
                    or _left_as_written(tokens, i, n, right.split()):
                continue
            fixed = _same_case_words(right.split(), tokens[i:i + n])
            tokens[i:i + n] = fixed
            folded[i:i + n] = [_fold(t) for t in fixed]
            i += len(fixed) - 1
            break
        i += 1
    return " ".join(tokens)


def _left_as_written(tokens: list[str], i: int, n: int, name: list[str]) -> bool:
    """A two-word window is a dictionary word as written ("Quân ủy Trung ương" is not "Quận ủy"), or the
    name would change an edge word that makes a dictionary word with its neighbour outside the window:
    "cơ quan uỷ ban" is "cơ quan" + "uỷ ban", not "cơ Quận ủy ban"; in "Tinh ủy ban hành" the edge "ủy"
    stays as it is, so "ủy ban" does not keep "Tỉnh ủy" from its repair. Three words or more matching a
    name are evidence enough ("quyền Uy ban nhan dan tinh Hoa Binh")."""
    if n > 2:
        return False

    def joined(left: str, right: str) -> bool:        # no mark between them, and a word together
        return _open_after(left) and _open_before(right) and _known_pair(_bare(left), _bare(right))

    first, last = i, i + n - 1
    if _known_pair(_bare(tokens[first]), _bare(tokens[last])):
        return True
    changes_first = i > 0 and _bare(tokens[first]) != _bare(name[0])
    changes_last = last + 1 < len(tokens) and _bare(tokens[last]) != _bare(name[-1])
    return (changes_first and joined(tokens[first - 1], tokens[first])
            or changes_last and joined(tokens[last], tokens[last + 1]))


def _bare(token: str) -> str:
    """A token as the dictionary holds it: marks around it dropped, modern tone placement, lower case."""
    return fold_tone_placement(_EDGE.match(token).group(2)).lower()


def _known_pair(a: str, b: str) -> bool:
    return f"{a} {b}" in known_words()


def _same_case_words(right: list[str], wrong: list[str]) -> list[str]:
    if all(w.isupper() for w in wrong if w.isalpha()):
        return [r.upper() for r in right]
    if len(right) != len(wrong):
        return right
    return [r if r[:1].isupper() or not w[:1].isupper() else r[:1].upper() + r[1:]
            for r, w in zip(right, wrong)]


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if " " in word and like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _fold(text: str) -> str:
    return strip_diacritics(text).lower()


@cache
def _phrases() -> dict[str, str]:
    """Folded form -> body name, for names whose folded form is not ambiguous."""
    bodies = load("bodies")
    names = [*bodies["heads"], *bodies["official_names"], *bodies["abbreviations"].values(),
             "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo",
             "Sở Văn hóa, Thể thao và Du lịch", "Sở Lao động - Thương binh và Xã hội",
             "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân huyện",
             "nhân dân tỉnh", "nhân dân huyện"]
    table: dict[str, str | None] = {}
    for name in names:
        if " " in name:
            key = _fold(name).replace(" ", "")
            table[key] = name if table.get(key, name) == name else None
    return {k: v for k, v in table.items() if v}


@cache
def _longest() -> int:
    return max(len(v.split()) for v in _phrases().values())


@cache
def _digit_map() -> dict[str, str]:
    return {str(k): str(v) for k, v in load("ocr")["digit_lookalikes"].items()}


@cache
def _weak() -> frozenset[str]:
    return frozenset(load("ocr")["weak_digit_lookalikes"])


@cache
def _letter_map() -> dict[str, list[str]]:
    return {str(k): [str(v) for v in vs] for k, vs in load("ocr")["letters"].items()}
