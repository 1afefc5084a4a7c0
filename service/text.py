"""Small Vietnamese text helpers shared by stages: tone placement, diacritic folding, lines."""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator

from .lexicons import alternation

# Old-style tone placement on the first vowel of "oa", "oe", "uy" at a syllable end ("hoà", "uỷ").
_OLD_TONES = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}
_OLD_TO_NEW = {old: new for new, old in _OLD_TONES.items()}
_OLD_PATTERN = re.compile("(?<![qQ])(" + "|".join(_OLD_TO_NEW) + r")(?![\w])", re.IGNORECASE)


def fold_tone_placement(text: str) -> str:
    """Rewrite old-style tone placement to the modern one ("Uỷ ban" → "Ủy ban", "hoà" → "hòa")."""

    def fix(match: re.Match) -> str:
        old = match.group()
        new = _OLD_TO_NEW[old.lower()]
        return new[0].upper() + new[1:] if old[0].isupper() else new

    return _OLD_PATTERN.sub(fix, unicodedata.normalize("NFC", text))


def strip_diacritics(text: str) -> str:
    """"Kế hoạch" → "Ke hoach" (for diacritic-insensitive matching)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def fold_spaces(text: str) -> str:
    """Every run of whitespace (newlines included) folded to one space, ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


HEADING_MAX_CHARS = 120          # longer than this, a line is a sentence (a lead-in), not a heading


def heading_key(text: str) -> str:
    """A heading's comparison form: lower-cased, spaces folded, no space before a comma."""
    return fold_spaces(text.lower().replace(" ,", ","))


def lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for each line of `text`, without the newline."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def is_upper(text: str, share: float = 0.85) -> bool:
    """Written in capitals (a title or heading); tolerates "41-CTr/TU" inside."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= share * len(letters)


def phrase_alternation(phrases) -> str:
    """A regex alternation of phrases, longest first, any run of spaces between words; matched as
    whole words by the caller (`(?<!\\w)(?:…)(?!\\w)`)."""
    return "(?:" + alternation(phrases) + ")"


def phrase_pattern(phrases, flags: int = re.IGNORECASE) -> re.Pattern:
    """A compiled whole-word pattern for any of `phrases` (see `phrase_alternation`)."""
    return re.compile(rf"(?<!\w){phrase_alternation(phrases)}(?!\w)", flags)


YEAR = r"(?:19|20)\d{2}(?!\d)"          # a year of the documents' era: "2027"

# The number of an issued document ("12/2025/QĐ-UBND", "45-KL/TU", "379/TB-UBATGT").
DOCUMENT_NUMBER = r"\d{1,5}[a-z]?(?:/\d{4})?\s?[-/]\s?[A-ZĐ][A-Za-zĐđ&]*(?:\s?[-/.]\s?[A-ZĐa-zđ&0-9]+)*"
_CITED_NUMBER = re.compile(rf"(?<!\w){DOCUMENT_NUMBER}")


def cites_number(text: str) -> bool:
    """The text cites an issued document by its number ("… tại Thông báo số 12/TB-UBND …")."""
    return bool(_CITED_NUMBER.search(text))

# A line that stops on one of these has not ended its sentence: the next line goes on it, whatever its
# first character ("… trước ngày" / "15/4/2026.", "… theo Quyết định số" / "12/2025/QĐ-UBND").
OPEN_END = re.compile(r"(?:,|\b(?:và|với|của|cho|các|những|về|để|trong|theo|tại|từ|đến|hoặc|số|ngày|tháng|năm"
                      r"|trước|sau|thuộc|là|được|bị|do|như|nhằm|gồm))$")

# A numbered title ending on "số" (digital: "3. Phát triển hạ tầng số"), then a capitalised line: the title ends
# there ("… theo Quyết định số" / "12/QĐ-UBND" goes on, as does "… kỷ niệm 80 năm" / "Ngày thành lập …").
# A capital inside the title is a name that may go on ("4. Đẩy mạnh Chương trình Chuyển đổi số" / "Quốc gia …").
_DIGITAL_TITLE = re.compile(r"\s*(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s?[.)]\s+\S+((?:\s+\S+){0,20})\s+số$")


def open_end(prev: str, line: str) -> bool:
    """`prev` stops where its sentence cannot end, given that `line` follows it (OPEN_END)."""
    title = _DIGITAL_TITLE.fullmatch(prev)
    if title and line[:1].isupper() and not any(w[:1].isupper() for w in title.group(1).split()):
        return False
    return bool(OPEN_END.search(prev))


DASH_ITEM = re.compile(r"\s*[-–—•+*]\s")                 # a line opening a dash or bullet item
# A mark that closes what the line before says, pushed onto a line of its own by the wrap ("… như sau" / ":").
CLOSING_MARK = re.compile(r"\s*[.,;:!?)]\s*")
_DASH_THEN_WORD = re.compile(r"\s*[-–]\s(\w)")
_ENDS_ON_YEAR = re.compile(rf"\b{YEAR}$")
_DASH_YEAR = re.compile(rf"\s*[-–]\s{YEAR}(?!\s*:)")      # "- 2030, …", not a dated item "- 2030: …"
# A line ending on one of these introduces a list even without its colon ("… các nội dung sau").
_LIST_INTRO_END = re.compile(r"\b(?:sau|sau đây|gồm|bao gồm|như sau)$", re.IGNORECASE)
_ARTICLE = re.compile(r"\s*Điều\s+\d")
# A line ending on a word that a number must follow ("… quy định tại Điều" / "1."): the number is the citation's.
_WANTS_NUMBER = re.compile(r"(?:\b(?:Điều|Khoản|Chương|Mục|Phần|Phụ lục)|\btại (?:khoản|điểm))$")
_NUMBER_RUN = re.compile(r"(?<![\d/.,])(\d{1,2})\s?,$")     # "… các khối lớp 1, 2," (not "1.250," nor "12/3,")
_NUMBER = re.compile(r"\s*(\d{1,3})\s?\.")
_OWN_NUMBER = re.compile(r"\s*(\d{1,3})\s?[.)]")


def runs_into_item(last_line: str, line: str, paragraph: str) -> bool:
    """A full, unclosed `last_line` of `paragraph` runs on into `line`, which opens like a list item: an article
    cited across the break ("… quy định tại" / "Điều 4 …", "… tại Điều" / "1.", unless "1." / "2." numbers the
    paragraph's own list), a run of numbers ("… các đối tượng 2, 3," / "4.", the next number of the run), the
    second half of "quận - huyện" ("- huyện …", not inside a dash item, where it is a sibling item, nor after a
    list's lead-in "… các nội dung sau") or of a range of years ("… giai đoạn 2026" / "- 2030, …", even inside a
    dash item; not "- 2030: …")."""
    last_line = last_line.rstrip()
    if _LIST_INTRO_END.search(last_line):
        return False
    if _ARTICLE.match(line):
        return bool(OPEN_END.search(last_line)) and not last_line.endswith(",")
    number = _NUMBER.match(line)
    if number:                                        # not the next item of the paragraph's own list ("1." / "2.")
        own = _OWN_NUMBER.match(paragraph)
        run = _NUMBER_RUN.search(last_line)
        wanted = bool(_WANTS_NUMBER.search(last_line)) or bool(run and int(run[1]) + 1 == int(number[1]))
        return wanted and not (own and int(own[1]) + 1 == int(number[1]))
    if _DASH_YEAR.match(line):
        return bool(_ENDS_ON_YEAR.search(last_line))
    dash = _DASH_THEN_WORD.match(line)                # "- huyện": a lower-case word after the dash
    return bool(dash and dash[1].islower()) and not DASH_ITEM.match(paragraph)


# A list label alone on its line ("2.", "b)", "II.", "A."): its item's text is on the next line.
BARE_MARKER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[a-zđ]|[IVX]{1,5}|[A-HJ-UWYZĐ])\s?[.)]\s*")


# underthesea imports every optional pipeline it can at package import; with transformers installed
# (the `semantic` extra) its translate pipeline pulls in transformers and PIL, seconds per process.
# rasoat uses only its sentence splitter and word list, so those optional modules are kept out.
_UNDERTHESEA_OPTIONAL = ("underthesea.pipeline.classification", "underthesea.pipeline.sentiment",
                         "underthesea.pipeline.lang_detect", "underthesea.pipeline.dependency_parse",
                         "underthesea.pipeline.translate", "underthesea.agent", "underthesea.address")


_underthesea_module = None             # the package once its import has finished
_UNDERTHESEA_LOCK = threading.Lock()


def underthesea():
    """The underthesea package, imported without its optional pipelines (a None entry in
    sys.modules makes their import fail, which underthesea treats as "not installed"). One thread
    imports it; the others wait (OCR repairs a scan's pages in threads: a thread that took the
    half-imported package from sys.modules had failed the whole file)."""
    global _underthesea_module
    if _underthesea_module is None:
        with _UNDERTHESEA_LOCK:
            if _underthesea_module is None:
                module = _import_underthesea()
                module.sent_tokenize("Một. Hai.")     # its model loads on first use: here, not in two threads at once
                _underthesea_module = module
    return _underthesea_module


def _import_underthesea():
    import sys

    blocked = [m for m in _UNDERTHESEA_OPTIONAL if m not in sys.modules]
    for name in blocked:
        sys.modules[name] = None
    try:
        import underthesea as module
    finally:
        for name in blocked:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
    return module
