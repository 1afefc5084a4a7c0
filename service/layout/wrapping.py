"""Re-join lines that the page width broke (text exported from PDF, OCR, fixed-width text).

Only a real list marker, a block cue or a paragraph indent starts a new paragraph; a wrapped line
that starts with a capital or a number ("31-CTr/TW…", "ODA…") goes on the previous one. Layout
text (where the reader kept each line's indentation) is read by its margins: a first-line indent
opens a paragraph, a line at the left margin continues one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ..document import Block
from ..extract.bodies import match_body
from ..lexicons import load
from ..text import (CLOSING_MARK, DASH_ITEM, OPEN_END as _OPEN_END, fold_tone_placement, is_upper, phrase_alternation,
                    runs_into_item)

LIST_START = re.compile(r"\s*(?:[-–—•+*]\s|[a-zđ]\s?[).](?:\s|$)|\(?\d{1,2}(?:\.\d{1,2})*\s?[.)](?:\s|$)|[IVX]{1,5}\s?[.\-]\s"
                        r"|(?:Điều|Chương|Mục|Phần|PHẦN|CHƯƠNG)\s+[\dIVX]+\b)")
BLOCK_START = re.compile(r"(?:Nơi nhận|Kính gửi|TM\.|T/M|KT\.|TL\.|Q\.|\(Kèm theo|\(Ban hành kèm|Số\s*:)",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?]$|\./\.$")
# A colon after which the sentence goes on ("… yêu cầu chung là:", "… có thể nói:"); after others ("… cụ thể:",
# "… như sau:") an unmarked list may follow, one item a line.
_CARRIES_ON = re.compile(r"\b(?:là|rằng|nói):$")


def unwrap(blocks: list[Block]) -> list[Block]:
    """Blocks with wrapped paragraph lines joined; tables and other blocks are left as they are."""
    margin = _left_margin(blocks)
    width = wrap_width(blocks)
    out: list[Block] = []
    first_indent: int | None = None
    last_line = ""
    for block in blocks:
        prev = out[-1] if out else None
        if prev and prev.kind == block.kind == "paragraph" and prev.page == block.page and not block.blank_before \
                and continues(prev.text, block.text, width, margin, first_indent, block.indent, last_line,
                              listed=_first_after_colon(out, last_line)):
            out[-1] = _joined(prev, block)
        else:
            out.append(block)
            first_indent = block.indent
        last_line = block.text
    return out


def _first_after_colon(out: list[Block], last_line: str) -> bool:
    """The paragraph read so far is one line, right after a line ending in ":" (the first of a list, one item a
    line, may end in ";")."""
    return len(out) > 1 and out[-1].text == last_line and out[-2].text.rstrip().endswith(":")


def _joined(prev: Block, block: Block) -> Block:
    text = prev.text.rstrip()
    if CLOSING_MARK.fullmatch(block.text):
        return prev.model_copy(update={"text": text + block.text.strip()})
    glue = "" if text.endswith("-") and block.text[:1].islower() and not text.endswith(" -") else " "
    joined = (text[:-1] if glue == "" else text) + glue + block.text.strip()
    return prev.model_copy(update={"text": joined, "bold": prev.bold and block.bold})


def continues(prev: str, line: str, width: int | None = None, margin: int | None = None,
              prev_indent: int | None = None, indent: int | None = None, last_line: str | None = None,
              listed: bool = False) -> bool:
    """Whether `line` goes on the paragraph `prev` (which began at `prev_indent`; `last_line`: its last line
    as read, whose length tells a full line from a short one; `listed`: `prev` is one line, right after a line
    ending in ":", and may be the first of a list of items, one a line, ending in ";")."""
    stripped, prev = line.strip(), prev.rstrip()
    last = (last_line or prev).rstrip()
    full = width is not None and len(last) >= 0.8 * width
    if not stripped or " | " in prev or " | " in stripped or BLOCK_START.match(stripped):
        return False
    if CLOSING_MARK.fullmatch(stripped):               # "… như sau" / ":" — the mark ends the line before
        return True
    if (width is not None or margin is not None) and _inside_brackets(last, stripped):
        return True                                    # "… (Lower Mekong Initiative -" / "LMI) …"
    if is_upper(prev) or (is_upper(stripped) and not stripped[:1].isdigit()):
        return False
    closed = bool(_SENTENCE_END.search(prev))
    layout = margin is not None and indent is not None
    at_margin = layout and indent <= margin + 1
    if LIST_START.match(stripped):
        if not closed and full and (runs_into_item(last, stripped, prev) or _name_runs_on(last, stripped)):
            return True                                # "… các quận" / "- huyện …", "… tại Điều" / "1."
        if closed or DASH_ITEM.match(stripped):
            return False
        weak = re.match(r"(?:Điều|Chương|Mục|Phần)\s", stripped, re.IGNORECASE)
        indented_paragraph = prev_indent is not None and margin is not None and prev_indent > margin + 1
        return (at_margin and indented_paragraph) or bool(weak and _OPEN_END.search(prev))
    if stripped[:1].islower() and (not closed or full and _CARRIES_ON.search(prev)):
        return True                                    # a full "… yêu cầu chung là:" goes on in lower case
    if stripped[:1].islower() and full and prev.endswith(";") and not (prev.lstrip()[:1].islower() or listed):
        return True                                    # "… theo quy định;" / "đồng thời …": a clause, not an item
    if layout:
        if at_margin:
            return not prev.endswith(":")
        return prev_indent is not None and indent >= prev_indent + 2 and not closed
    if prev.endswith(":") or full and not closed and _opens_a_sentence(prev, stripped):
        return False
    return (full and not closed) or bool(_OPEN_END.search(prev))


def _opens_a_sentence(prev: str, line: str) -> bool:
    """`line` opens in a capital with a word written in lower case mid-sentence ("Xây dựng …", "Các …"), after a
    line ending on a plain word: a title ran to the page width, and this is its first sentence. A capital after a
    name's head ("… đề nghị Sở" / "Xây dựng tỉnh …"), a word a title follows ("… thực hiện Đề án" / "Xây dựng …",
    structure.yaml before_a_title, capitalised as in a title), a place after its unit ("… xã" / "Tân Lập …", two
    capitalised words) or a joining word ("… Bộ Kế hoạch và" / "Đầu tư") goes on."""
    cues = _sentence_cues()
    last = prev.rsplit(None, 1)[-1]
    return bool(line[:1].isupper() and cues.opener.match(line) and (last[:1].islower() or last[:1].isdigit())
                and not (_OPEN_END.search(prev) or cues.head_end.search(prev) or cues.title_end.search(prev))
                and not (cues.unit_end.search(prev) and _names_a_place(line)))


def _names_a_place(line: str) -> bool:
    """The line opens with two capitalised words ("Giao Lâm tổ chức …"), as a place's name does."""
    words = line.split(None, 2)
    return len(words) >= 2 and all(w[:1].isupper() for w in words[:2])


def _name_runs_on(last_line: str, line: str) -> bool:
    """"… gửi Phòng Tài chính" / "- Kế hoạch huyện thẩm định": a body's name ends the line and goes on past the
    dash. It goes on into the word the gazetteer's names join to its last words ("Phòng Tài chính - Kế hoạch", "Sở
    Kế hoạch và Đầu tư"), or into any name word the body grammar takes; a word that opens a sentence or a
    predicate ("- Hướng dẫn các xã …", bodies.yaml stop_words) or a head of its own ("- Sở Nội vụ …") opens an item."""
    after = line.lstrip()[1:].lstrip()
    cues = _sentence_cues()
    starts = [m.start() for m in cues.head.finditer(last_line, max(0, len(last_line) - NAME_REACH))]
    if not (starts and DASH_ITEM.match(line) and after[:1].isupper()):
        return False
    name = last_line[starts[-1]:].rstrip()
    if match_body(name) != (0, len(name)):
        return False
    tail, folded = fold_tone_placement(name).lower(), fold_tone_placement(after).lower()
    if any(tail.endswith(" " + left) and folded.startswith(right + " ") for left, right in _name_halves()):
        return True
    if cues.head.match(after) or cues.opener.match(after) or _predicate().match(folded):
        return False
    joined = match_body(f"{name} {line.strip()}")
    return bool(joined and joined[1] > len(name) + 2)


NAME_REACH = 60     # characters before the break a body's name may start in ("Ủy ban nhân dân tỉnh Lào Cai …")


@cache
def _predicate() -> re.Pattern:
    """A word that ends a body's name and opens what it does (bodies.yaml stop_words: "hướng dẫn", "theo dõi")."""
    return re.compile(rf"{phrase_alternation(load('bodies')['stop_words'])}(?!\w)")


@cache
def _name_halves() -> frozenset[tuple[str, str]]:
    """The words either side of a join ("và", a dash, a comma) inside the gazetteer's names (bodies.yaml
    official_names), such as the pair ("tài chính", "kế hoạch")."""
    pairs = set()
    for name in load("bodies")["official_names"]:
        words = re.split(r"\s*(?:\bvà\b|[-–,])\s*", fold_tone_placement(name).lower())
        for left, right in zip(words, words[1:]):
            pairs.add((" ".join(left.split()[-2:]), " ".join(right.split()[:2])))
    return frozenset(p for p in pairs if all(p))


@dataclass(frozen=True)
class _SentenceCues:
    opener: re.Pattern      # a capitalised sentence opener
    head: re.Pattern        # the head of a body's name as written in a name ("Sở", "Ủy ban nhân dân")
    head_end: re.Pattern    # a line ending on such a head
    title_end: re.Pattern   # a line ending on a word a capitalised title follows ("… Đề án")
    unit_end: re.Pattern    # a line ending on an administrative unit ("… xã")


@cache
def _sentence_cues() -> _SentenceCues:
    structure = load("structure")
    openers, titles = (phrase_alternation(w[:1].upper() + w[1:] for w in structure[key])
                       for key in ("sentence_openers", "before_a_title"))
    heads = phrase_alternation(load("bodies")["heads"])
    return _SentenceCues(opener=re.compile(rf"{openers}(?!\w)"),
                         head=re.compile(rf"(?<!\w){heads}(?!\w)"),
                         head_end=re.compile(rf"(?<!\w){heads}$"),
                         title_end=re.compile(rf"(?<!\w){titles}$"),
                         unit_end=re.compile(rf"(?<!\w){phrase_alternation(load('metadata')['admin_units'])}$"))


def _inside_brackets(last_line: str, line: str) -> bool:
    """`line` goes on inside a bracket that `last_line` opened: it closes that bracket (a ")" before any "(" of its
    own), or the line before did not end its sentence (an unclosed "(" is sometimes a typo); a list item or a
    heading in capitals is no part."""
    if last_line.count("(") <= last_line.count(")") or LIST_START.match(line):
        return False
    closes, opens = line.find(")"), line.find("(")
    return closes >= 0 and (opens < 0 or closes < opens) or not (_SENTENCE_END.search(last_line) or is_upper(line))


def _left_margin(blocks: list[Block]) -> int | None:
    """The left margin of layout text when paragraphs start with an indent, else None."""
    indents = [b.indent for b in blocks if b.kind == "paragraph" and b.indent is not None and b.text.strip()]
    if len(indents) < 5:
        return None
    margin, count = Counter(indents).most_common(1)[0]
    margin = min(i for i in indents if i >= margin - 1)
    indented = sum(i >= margin + 3 for i in indents)
    return margin if count >= 0.3 * len(indents) and indented >= max(2, 0.08 * len(indents)) else None


def wrap_width(blocks: list[Block]) -> int | None:
    """The line width of a hard-wrapped text, else None: many lines end near it, or a quarter of all lines end
    near it unclosed and most of those show they stop mid-sentence (a list-heavy text layer whose items are
    short but whose paragraphs wrap; a typed list of even-length items shows no such sign)."""
    lines = [(len(b.text) + (b.indent or 0), b.text.rstrip()) for b in blocks
             if b.kind == "paragraph" and " | " not in b.text]
    if len(lines) < 10:
        return None
    width = sorted(n for n, _ in lines)[int(len(lines) * 0.9)]
    near = [i for i, (n, _) in enumerate(lines) if 0.8 * width <= n <= width]
    open_near = [i for i in near if not _SENTENCE_END.search(lines[i][1])]
    mid_sentence = [i for i in open_near if _OPEN_END.search(lines[i][1])
                    or i + 1 < len(lines) and lines[i + 1][1][:1].islower()]
    wrapped = len(near) >= 0.4 * len(lines) or (len(open_near) >= 0.25 * len(lines)
                                                and len(mid_sentence) >= 0.5 * len(open_near))
    return width if width <= 130 and wrapped else None
