"""Metadata from the header, preamble and signature: kind, number, issuer, date, place, title,
basis (căn cứ: structure/basis.py), recipients and signer. Conventions of Nghị định 30/2020/NĐ-CP and
Hướng dẫn 36-HD/VPTW: issuer left and motto right, "Số: 104-CTr/TU", "Lào Cai, ngày 30 tháng 8 năm 2026".
"""
from __future__ import annotations

import re
from itertools import islice
from datetime import date
from functools import cache

from ..document import Body, Document, Metadata
from ..extract.bodies import parse_body_list, recase
from ..lexicons import alternation, load
from ..text import DOCUMENT_NUMBER, fold_spaces, is_upper, lines, phrase_alternation
from ..zones import is_sentence_title
from .basis import UPPER as _UPPER, find_basis
from .outline import PARAGRAPH, classify

HEADER_LINES = 30
_NUMBER_RE = re.compile(r"\bS[ốoô0ỐÓ][:.]?\s*(" + DOCUMENT_NUMBER + r"|\.*\s*/[A-ZĐ][\w/&-]*)", re.UNICODE)
_DATE_RE = re.compile(
    r"(?:([" + _UPPER + r"][\w. ]{1,30}?)\s*,\s*)?ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})",
    re.IGNORECASE)
# A basis sentence opens with one of these words (metadata.yaml `basis_openers`, as printed).
_BASIS_START = re.compile(rf"(?:{alternation(load('metadata')['basis_openers'], space=' ')})\b")


@cache
def _kinds() -> dict[str, dict]:
    return load("metadata")["kinds"]


def extract_metadata(doc: Document) -> Document:
    """Fill `doc.metadata` from the text."""
    text = doc.text
    head = _header_lines(text)
    meta = Metadata()
    meta.number = _number(head)
    meta.place, meta.issued_on = _place_and_date(head)
    meta.issued_on = meta.issued_on or _adopted_on(text)
    title_index, meta.kind, meta.title = _kind_and_title(head)
    meta.kind = _kind_from_number(meta.number or _number_code(head)) or meta.kind
    if meta.kind == "khac" and re.search(r"^\s*V/v\b", text[:3000], re.MULTILINE):
        meta.kind = "cong_van"
    above_kind = head if title_index is None else head[:title_index]   # the kind line ends the issuer's cells
    meta.issuer = _issuer(above_kind) or _authority(head, title_index) or _announcer(text)
    if meta.issuer is None and meta.title is not None:
        meta.issuer = _convened(meta.title, text, meta.kind) or _speaker(text)
    meta.basis = find_basis(text, head[title_index][1] if title_index is not None else 0, HEADER_LINES + 40)
    meta.recipients = _recipients(text)
    meta.signer = _signer(text)
    doc.metadata = meta
    return doc


def _strip_marks(line: str) -> str:
    return fold_spaces(line.replace("*", " ").strip(" |"))


def _number(head: list[tuple[int, int, str]]) -> str | None:
    for _, _, line in head:
        match = _NUMBER_RE.search(line.replace("*", ""))
        if match:
            number = re.sub(r"\s+", "", match.group(1))
            return number if re.match(r"\d", number) else None
    return None


def _place_and_date(head: list[tuple[int, int, str]]) -> tuple[str | None, date | None]:
    """The place and date of issue ("Lào Cai, ngày 30 tháng 8 năm 2026"), from the header only: a date in a
    sentence of the body (a cited document's) is never the date of issue."""
    for _, _, line in head:
        match = _DATE_RE.search(line.replace("*", " "))
        if not match or not _header_date(line, match):
            continue
        place = match.group(1).strip() if match.group(1) else None
        if place and "|" in place:
            place = place.split("|")[-1].strip()
        day, month, year = match.group(2), match.group(3), match.group(4)
        try:
            issued = date(int(year), int(month), int(day)) if day and month else None
        except ValueError:
            issued = None
        return place, issued
    return None, None


def _kind_and_title(head: list[tuple[int, int, str]]) -> tuple[int | None, str, str | None]:
    names = sorted(((n.upper(), k) for k, v in _kinds().items() for n in v["names"]),
                   key=lambda p: len(p[0]), reverse=True)
    for index, (_, _, line) in enumerate(head):
        clean = _strip_marks(line)
        if not clean or not is_upper(clean):
            continue
        for name, kind in names:
            if clean == name or clean.startswith(name + " "):
                return index, kind, _title(head, index, clean[len(name):].strip())
    for index, (_, _, line) in enumerate(head):
        if re.match(r"\s*V/v", line):
            return index, "cong_van", _title(head, index, _strip_marks(line))
    first = next(((i, _strip_marks(line)) for i, (_, _, line) in enumerate(head[:3]) if line.strip()), None)
    if first:                                  # "Quyết định về việc …" on the first line (no header)
        preamble = any(_BASIS_START.match(line.strip()) for _, _, line in head[first[0] + 1:first[0] + 4])
        for name, kind in names:
            if first[1].upper().startswith(name + " ") and (preamble or _TITLE_OPENING.match(first[1][len(name):])):
                return first[0], kind, _tidy(first[1])
    return None, "khac", None


# What follows the kind word in a title on the first line ("Nghị quyết Hội nghị lần thứ tư …"); any title
# counts when a basis line ("Căn cứ …", "Thực hiện …") follows it.
_TITLE_OPENING = re.compile(rf"\s*{phrase_alternation(load('metadata')['title_openings'])}(?!\w)", re.IGNORECASE)


def _header_date(line: str, match: re.Match) -> bool:
    """A date line of the header: a cell of its own, or a place before the date, not a basis sentence."""
    cell = next((c for c in line.split(" | ") if match.group(0).strip() in c.replace("*", " ")), line)
    if _BASIS_START.match(cell.strip(" *")) or re.search(r"\b(?:của|số)\b", cell[:match.start()]):
        return False
    return bool(match.group(1)) or len(cell.strip(" *")) <= len(match.group(0)) + 3


def _header_lines(text: str) -> list[tuple[int, int, str]]:
    """The first HEADER_LINES lines (start, end, text), without splitting the rest of the document."""
    return list(islice(lines(text), HEADER_LINES))


def unreadable_date(text: str) -> bool:
    """The header shows a date line whose day or month cannot be read (a stamp or handwriting in a scan)."""
    for _, _, line in _header_lines(text):
        if re.search(r"[A-ZĐÀ-Ỹ][\w ]{1,30},\s*ngày\b", line) and not _DATE_RE.search(line):
            return True
        match = _DATE_RE.search(line)
        if match and match.group(1) and not (match.group(2) and match.group(3)):
            return True                    # the day or month is blank or no digits (a stamp, a digital signature)
        if match and match.group(1) and match.group(3) and not 1 <= int(match.group(3)) <= 12:
            return True
    return False


_BLANK_NUMBER = re.compile(r"Số\s*:?\s*(?:\|\s*)?[.…_\s]*/\s*[" + _UPPER + r"]", re.IGNORECASE)


def unreadable_number(text: str) -> bool:
    """The header's "Số:" line has the symbol but no number ("Số: /QĐ-UBND"): stamped or signed digitally."""
    return any(_BLANK_NUMBER.search(line) for _, _, line in _header_lines(text))


_HEADING = re.compile(r"\s*(?:(?:PHẦN|CHƯƠNG|MỤC|ĐIỀU|Phần|Chương|Mục|Điều)\s+[\dIVXLC]+|[IVXLC]+\s*[-.):]|\d+\s*[-.)])(?:\s|$)")
# Words a trích yếu cannot end on: the next line goes on with it ("… kiến nghị của" / "Công ty …").
_GOES_ON = {"của", "về", "và", "các", "cho", "tại", "trên", "với", "theo", "đối", "thực", "hiện", "số", "ngày",
            "trong", "đến", "những", "việc", "tỉnh", "năm", "giai", "đoạn", "nhằm", "để", "từ", "giữa", "là", "có"}
TITLE_LINES = 8


def _authority_line(clean: str) -> bool:
    """A line naming who issues ("BỘ TRƯỞNG BỘ …", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"): never title text."""
    titles = tuple(t.upper() for t in load("metadata")["signature_titles"] if len(t) > 4)
    return clean.upper().startswith(titles + ("BỘ TRƯỞNG", "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN"))


def _goes_on(previous: str, clean: str) -> bool:
    """A sentence-case title wrapped over lines: the line before ends on a linking word or a cut
    token, or this line starts in lower case."""
    last = previous.rstrip().split()[-1].lower() if previous.strip() else ""
    return previous.rstrip().endswith(("-", ",")) or last in _GOES_ON or clean[:1].islower()


# A letter's subject (V/v …) sits in the header's left column, wrapped at its width ("… thủ tục cấp" /
# "Giấy phép vận chuyển …"): after a line that short, a line shorter than the body's goes on with it,
# whatever its first letter, unless it ends a sentence.
COLUMN_WIDTH = 50
BODY_LINE = 65


def _column_wrapped(parts: list[str], clean: str) -> bool:
    return parts[0].startswith("V/v") and len(parts[-1]) <= COLUMN_WIDTH and len(clean) <= BODY_LINE \
        and not clean.endswith(".")


def _title(head: list[tuple[int, int, str]], index: int, rest: str) -> str | None:
    """Trích yếu: the lines after the kind name (capitals, or a sentence-case title wrapped over
    lines), stopping at a blank line, a heading, the basis or the issuing authority."""
    parts = [rest] if rest else []
    for _, _, line in head[index + 1:index + 1 + TITLE_LINES]:
        clean = _strip_marks(line)
        first = not parts and line is head[index + 1][2]
        lowercase_title = first and (clean[:1].islower() and len(clean) < 300 or is_sentence_title(clean))
        if not clean or _HEADING.match(clean) or _BASIS_START.match(clean) and not first or _authority_line(clean) \
                or re.match(r"(?:Kính gửi|Nơi nhận)\b|[^,]{2,30},\s*ngày\b", clean, re.IGNORECASE):
            break
        if parts and not is_upper(parts[0]):
            if not parts[-1].endswith("-") and (is_upper(clean) or not (_goes_on(parts[-1], clean)
                                                                        or _column_wrapped(parts, clean))):
                break
        elif not (is_upper(clean) or lowercase_title):
            break
        elif parts and len(clean.split()) <= 3:
            break  # the issuer's name or authority before "Căn cứ"
        parts.append(clean)
    return _tidy(" ".join(parts)) or None


_OPENER = re.compile(r"(?<=[a-zà-ỹđ0-9]) (?=(?:Hiện nay|Thời gian qua|Những năm qua|Trong (?:thời gian|những năm) qua"
                     r"|Thực hiện|Căn cứ|Nhằm|Để)\b)")


def _tidy(title: str) -> str:
    """A title without a final stop, a number cut at the line end mended ("1696/QĐ- UBND"), and cut
    before body text run into it on the same line ("… năm 2010 Hiện nay, trên địa bàn …")."""
    title = re.sub(r"(/[A-ZĐ]+)-\s+(?=[A-ZĐ])", r"\1-", title)
    cut = _OPENER.search(title)
    title = title[:cut.start()] if cut and cut.start() > 40 else title
    return title.rstrip(" .;:")


def _number_code(head: list[tuple[int, int, str]]) -> str | None:
    """The code of a number whose digits were stamped, not typed ("Số:    /UBND-KT" → "0/UBND-KT")."""
    for _, _, line in head:
        match = re.search(r"\bS[ốo]\s*:?[\s|.]*(/[A-ZĐ][\w&-]*(?:/[\w&-]+)?)", line)
        if match:
            return "0" + match.group(1)
    return None


def _kind_from_number(number: str | None) -> str | None:
    if not number:
        return None
    codes = re.split(r"[-/]", number)[1:]
    for code in codes:
        for kind, spec in _kinds().items():
            if code in spec["codes"] and kind != "khac":
                return kind
    return "cong_van" if len(codes) >= 1 and not any(c.isdigit() for c in codes[0]) else None


def _issuer(head: list[tuple[int, int, str]]) -> str | None:
    """The issuing body: the header cells above the number that are not the motto, recased."""
    mottos = load("metadata")["mottos"]
    parts: list[str] = []
    cut_country = False             # the motto's "VIỆT NAM" went on to the next line
    for _, _, line in head:
        cells = [cell for cell in line.split(" | ") if not _numbers_or_dates(cell)]
        dated = len(cells) < len(line.split(" | "))
        if dated and " | " not in line and (capitals := _leading_capitals(line)):
            cells = [capitals]      # "ĐẢNG ỦY XÃ NHO QUAN Nho Quan, ngày …": the capitals before the place's name
        if dated and not cells:
            break
        for cell in cells:
            if cut_country:
                cell, cut_country = _COUNTRY_END.sub("", cell), False
            if _MOTTO_CELL.search(cell):    # the motto column, however it is cut or spaced; a text layer may
                motto = _MOTTO.search(cell)     # give it on the issuer's line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …")
                cut_country = bool(motto) and "NAM" not in motto.group().upper()
                cell = _MOTTO.sub(" ", cell)
                if _MOTTO_CELL.search(cell) or not re.search(r"\w", cell):
                    continue
            clean = _youth_heading_dropped(_mend_ocr(_strip_marks(cell)))
            for motto in mottos:
                clean = re.sub(re.escape(motto), " ", clean, flags=re.IGNORECASE)
            clean = fold_spaces(re.sub(r"[-–_=*]{2,}|^\W+$", " ", clean))
            if clean and is_upper(clean):
                parts.append(clean)
        if dated:                   # the number or the date ends the issuer; a cell beside it may still be its
            break                   # last line ("ĐẢNG ỦY XÃ NHO QUAN | Nho Quan, ngày 06 tháng 01 năm 2027")
    return _combine_issuer(parts) if parts else None


def _leading_capitals(line: str) -> str:
    """The words in capitals that open a line run together with its date, when at least three."""
    words = line.split()
    n = next((i for i, w in enumerate(words) if not (w.isupper() and w.isalpha())), len(words))
    return " ".join(words[:n]) if n >= 3 and n < len(words) else ""


def _numbers_or_dates(cell: str) -> bool:
    """A cell of the number ("Số: 12/KH-UBND", a stamped "Số:" | "/QĐ-UBND") or of the place and date."""
    return bool(_NUMBER_RE.search(cell) or re.search(r"ngày\s*\d*\s*tháng", cell)
                or re.fullmatch(r"\s*số\s*:?\s*", cell, re.IGNORECASE) or re.fullmatch(r"\s*/\s*[A-ZĐ][\w-]*\s*", cell))


def _youth_heading_dropped(cell: str) -> str:
    """The cell without the Youth Union's heading where that is not the issuer's own name (metadata.yaml
    `youth_headings`)."""
    headings, after_body = _youth_headings()
    if " ".join(cell.lower().split()) in headings:
        return ""
    found = after_body.match(cell)
    return found.group(1) if found else cell


@cache
def _youth_headings() -> tuple[frozenset[str], re.Pattern]:
    """The headings, and a Đoàn body of a level with a heading run onto it ("TỈNH ĐOÀN X ĐOÀN TNCS HỒ CHÍ MINH")."""
    meta = load("metadata")
    bodies, headings = ("|".join(map(re.escape, meta[key])) for key in ("youth_bodies", "youth_headings"))
    return frozenset(meta["youth_headings"]), re.compile(rf"((?:{bodies})\s.+?)\s+(?:{headings})$", re.IGNORECASE)


_MOTTO = re.compile(r"(?:C[ỘO]NG\s*H[OÒ][AÀ]?\s*)?X[ÃA]\s*H[ỘO]I\s*CH[ỦU]\s*NGH[ĨI]A(?:\s*VI[ỆE]T\s*NAM)?"
                    r"|Đ[ỘO]C\s*L[ẬA]P\s*[-–]\s*T[ỰU]\s*DO\s*[-–]\s*H[ẠA]NH\s*PH[ÚU]C"
                    r"|ĐẢNG\s*C[ỘO]NG\s*S[ẢA]N\s*VI[ỆE]T\s*NAM", re.IGNORECASE)
_COUNTRY_END = re.compile(r"\s+VI[ỆE]T\s*NAM\s*$", re.IGNORECASE)
_MOTTO_CELL = re.compile(r"XÃ\s*HỘI\s*CHỦ\s*NGHĨA|Đ[ỘO]C\s*L[ẬA]P\s*[-–]\s*T[ỰU]\s*DO|ĐẢNG\s*CỘNG\s*SẢN", re.IGNORECASE)


def _authority(head: list[tuple[int, int, str]], title_index: int | None) -> str | None:
    """Without a header, the line under the title that names the issuing authority ("Ủy ban nhân dân
    tỉnh …", "Thủ tướng Chính phủ"), recased."""
    if title_index is None:
        return None
    for _, _, line in head[title_index + 1:title_index + 3]:
        clean = _strip_marks(line)
        bodies, _ = parse_body_list(clean)
        if bodies and bodies[0].start == 0 and len(clean.split()) <= 12 and not re.search(r"[.;:]$", clean):
            return recase(clean.upper())
    return None


def _announcer(text: str) -> str | None:
    """The body that announces a Thông báo ("Văn phòng Chính phủ xin thông báo …")."""
    for match in re.finditer(r"(?:^|[.;\n]\s*)([^.;\n]{3,120}?)\s+xin\s+thông\s+báo\b", text):
        clause = match.group(1)
        start = clause.rfind(",") + 1 if "," in clause else 0
        bodies, end = parse_body_list(clause, len(clause) - len(clause[start:].lstrip()))
        if bodies and not clause[end:].strip():
            return " ".join(bodies[0].name.split())
    return None


def _adopted_on(text: str) -> date | None:
    """The date a council adopted the act, from its own closing formula ("Nghị quyết này đã được Hội đồng nhân
    dân tỉnh … thông qua ngày 11 tháng 12 năm 2027"): the act's date where no header gives one."""
    match = _adoption().search(text)
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1))) if match else None
    except ValueError:
        return None


@cache
def _adoption() -> re.Pattern:
    kinds = phrase_alternation(n for spec in _kinds().values() for n in spec["names"])
    cue = phrase_alternation(load("metadata")["adoption_cues"])
    return re.compile(rf"{kinds}\s+này\b[^.;]{{0,200}}?{cue}\s+(?:ngày\s+)?(\d{{1,2}})(?:\s+tháng\s+|\s*/\s*)(\d{{1,2}})"
                      rf"(?:\s+năm\s+|\s*/\s*)(\d{{4}})", re.IGNORECASE)


def _speaker(text: str) -> str | None:
    """Where no header names the issuer: the body that speaks in the act's preamble ("Bộ trưởng Bộ X yêu cầu
    các đơn vị …", "Thực hiện …, Ủy ban nhân dân huyện xây dựng Kế hoạch …") or, asking, in its last line
    ("Ủy ban nhân dân quận đề nghị …")."""
    body = [line for _, _, line in lines(text) if line.strip()]
    first_item = next((i for i, line in enumerate(body) if classify(line)[0] < PARAGRAPH), len(body))
    closing = body[-1:] if first_item < len(body) else []
    for line, verbs in [(line, _speaker_verbs("speaker_verbs")) for line in body[:first_item]] + \
                       [(line, _speaker_verbs("closing_speaker_verbs")) for line in closing]:
        for at in [0] + [m.end() for m in re.finditer(r"[,;]\s*", line)]:
            bodies, end = parse_body_list(line, at)
            if len(bodies) == 1 and verbs.match(line, end):
                return " ".join(bodies[0].name.split())
    return None


def _convened(title: str, text: str, kind: str | None) -> str | None:
    """The body the title of a headless act says convened to pass it ("Nghị quyết Hội nghị lần thứ 3 Ban Chấp
    hành Hội Nông dân tỉnh khóa X về …", or "Hội nghị lần thứ 3 …" under a kind line "NGHỊ QUYẾT"), as the text
    first writes it capitalised, else recased."""
    found = _convened_pattern().match(title)
    if not found or not (found["kind"] or kind in _convened_kind_codes()):
        return None
    body = fold_spaces(found["body"])
    written = next((m.group(0) for m in re.finditer(rf"(?<!\w){re.escape(body)}(?!\w)", text, re.IGNORECASE)
                    if m.group(0)[:1].isupper()), None)
    return written or recase(body.upper())


@cache
def _convened_kind_codes() -> frozenset[str]:
    """Codes of the `convened_kinds` ("nghị quyết" → "nghi_quyet"): a kind line above a title that opens with the
    meeting."""
    names = set(load("metadata")["convened_kinds"])
    return frozenset(code for code, spec in _kinds().items() if names & set(spec["names"]))


@cache
def _convened_pattern() -> re.Pattern:
    """"<kind> [của] <meeting> <ordinal> [(…)] [của] <body> [(]<term word>": the body stops before "về" or "(";
    the ordinal is digits or number words."""
    meta = load("metadata")
    number = rf"(?:\d+|{phrase_alternation(meta['number_words'])}(?:\s+{phrase_alternation(meta['number_words'])})*)"
    return re.compile(rf"\s*(?P<kind>{phrase_alternation(meta['convened_kinds'])}\s+(?:của\s+)?)?"
                      rf"{phrase_alternation(meta['convened_openers'])}\s+{number}(?!\w)(?:\s*\([^)]*\))?\s+"
                      rf"(?:của\s+)?(?P<body>(?:(?!về\s)[^\s(]+\s+){{1,13}}?)\(?\s*"
                      rf"{phrase_alternation(meta['term_words'])}(?!\w)", re.IGNORECASE)


@cache
def _speaker_verbs(key: str) -> re.Pattern:
    return re.compile(rf"\s*{phrase_alternation(load('metadata')[key])}(?!\w)", re.IGNORECASE)


def _mend_ocr(text: str) -> str:
    """Mend frequent OCR confusions in header capitals ("TÍNH ỦY" → "TỈNH ỦY")."""
    for wrong, right in load("metadata")["ocr_header_fixes"].items():
        text = text.replace(wrong, right)
    return text


_PLACE_LEVEL = re.compile(r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\b", re.IGNORECASE)


_LEVEL_COMMITTEE = re.compile(r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+ỦY")     # a level's committee alone: "TỈNH ỦY"


def _combine_issuer(parts: list[str]) -> str:
    """"ĐẢNG BỘ TỈNH X" + "TỈNH ỦY" → "Tỉnh ủy X"; "BỘ A" + "CỤC B" → "Cục B"; "ỦY BAN …" + "BAN THƯỜNG TRỰC" →
    "Ban Thường trực Ủy ban …"; else join."""
    organs = tuple(o.upper() for o in load("metadata")["standing_organs"])
    if len(parts) >= 2 and parts[-1] in organs:
        return f"{recase(parts[-1])} {_combine_issuer(parts[:-1])}"
    if len(parts) >= 2 and parts[0].startswith("ĐẢNG BỘ") and "ỦY" in parts[1]:
        if not _LEVEL_COMMITTEE.fullmatch(parts[1]):
            return recase(parts[1])     # "ỦY BAN KIỂM TRA TỈNH ỦY": an organ named as printed, no place added
        place = re.sub(r"^ĐẢNG BỘ\s+(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)?\s*", "", parts[0])
        return recase(f"{parts[1]} {place}")
    if len(parts) >= 2:
        lower = recase(" ".join(parts[1:]))
        bodies, _ = parse_body_list(lower)
        if bodies and bodies[0].start == 0 and not _PLACE_LEVEL.match(lower):
            return lower
    return recase(" ".join(parts))


ADDRESSEE_WINDOW = 4000      # characters from the top where a letter's "Kính gửi:" block stands
_ADDRESSEES = re.compile(r"Kính gửi\s*:?(.*?)(?=\n[^-\n•+]|\Z)", re.DOTALL)   # the block, up to a line of prose


def addressee_bodies(text: str) -> list[Body]:
    """The bodies a letter is addressed to ("Kính gửi: - Sở Y tế; - Trung tâm Y tế các huyện."), at their place in
    the text; none without a "Kính gửi:" block."""
    match = _ADDRESSEES.search(text[:ADDRESSEE_WINDOW])
    if not match:
        return []
    found: list[Body] = []
    for item in re.finditer(r"[^\n;|•+]+", match.group(1)):
        start = match.start(1) + item.start() + len(item.group()) - len(item.group().lstrip(" -"))
        bodies, _ = parse_body_list(text[:match.start(1) + item.end()], start)
        found += bodies
    return found


def _recipients(text: str) -> list[str]:
    """"Kính gửi:" addressees, else the "Nơi nhận:" list without the archive line."""
    match = _ADDRESSEES.search(text)
    if not match:
        match = re.search(r"Nơi nhận\s*:?(.*?)(?=\s\|\s|\n[^-\n•+]|\Z)", text, re.DOTALL)
    if not match:
        return []
    items = re.split(r"\n|\s\|\s|(?:^|\s)[-•+]\s", match.group(1))   # lines, table cells, dashes
    out = [fold_spaces(i).strip(" ;,.-|") for i in items]
    return [i for i in out if re.search(r"\w", i) and not re.match(r"(?i)lưu\b", i)]


_NAME = r"(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+"


def _signer(text: str) -> str | None:
    """The name under the first signature block ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Name")."""
    titles = tuple(t.upper() for t in load("metadata")["signature_titles"])
    all_lines = [fold_spaces(line) for _, _, line in lines(text)]
    for index, line in enumerate(all_lines):
        cell = line.split(" | ")[-1].strip()
        if not cell.upper().startswith(titles) or cell != cell.upper() and not re.search(_NAME + "$", cell):
            continue
        window = [cell] + [l.split(" | ")[-1] for l in all_lines[index + 1:index + 5]]
        for candidate in window:
            match = re.search(r"(?:^|\s)(" + _NAME + r")\s*$", candidate)
            if match and not match.group(1).upper() == match.group(1):
                return match.group(1)
    return None
