"""Re-join lines that the page width broke (text exported from PDF, OCR, fixed-width text).

Only a real list marker, a block cue or a paragraph indent starts a new paragraph; a wrapped line
that starts with a capital or a number ("31-CTr/TW…", "ODA…") goes on the previous one, unless its first word
is one no sentence carries mid-way (`line_cues`: a title ran to the width and into its first sentence). Layout
text (where the reader kept each line's indentation) is read by its margins: a first-line indent
opens a paragraph, a line at the left margin continues one.
"""
from __future__ import annotations

import re
from collections import Counter

from ..document import Block
from ..text import CLOSING_MARK, DASH_ITEM, OPEN_END as _OPEN_END, is_upper, open_end, runs_into_item
from .line_cues import name_runs_on, opens_a_sentence

LIST_START = re.compile(r"\s*(?:[-–—•+*]\s|[a-zđ]\s?[).](?:\s|$)|\(?\d{1,2}(?:\.\d{1,2})*\s?[.)](?:\s|$)|[IVX]{1,5}\s?[.\-]\s"
                        r"|(?:Điều|Chương|Mục|Phần|PHẦN|CHƯƠNG)\s+[\dIVX]+\b)")
BLOCK_START = re.compile(r"(?:Nơi nhận|Kính gửi|TM\.|T/M|KT\.|TL\.|Q\.|\(Kèm theo|\(Ban hành kèm|Số\s*:)",
                         re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;:!?]$|\./\.$")
# A colon after which the sentence goes on ("… yêu cầu chung là:", "… có thể nói:"); after others ("… cụ thể:",
# "… như sau:") an unmarked list may follow, one item a line.
_CARRIES_ON = re.compile(r"\b(?:là|rằng|nói|như):$")     # "… những vấn đề bức xúc như:" / "đất đai; …"


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
        if not closed and full and (runs_into_item(last, stripped, prev) or name_runs_on(last, stripped)):
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
            return not prev.endswith(":") or bool(full and stripped[:1].islower() and _CARRIES_ON.search(prev))
        return prev_indent is not None and indent >= prev_indent + 2 and not closed
    if prev.endswith(":") or full and not closed and opens_a_sentence(prev, stripped):
        return False
    return (full and not closed) or open_end(prev, stripped)


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


SHORT_LINE = 25             # lines this short in a run of three or more: a table's cells, not wrapped prose
CELL_RUN = 3


def _runs_of_short_lines(paragraphs: list[Block]) -> set[int]:
    """Indexes of the lines in runs of CELL_RUN or more short lines (an annex given one cell a line)."""
    short = [len(b.text.strip()) <= SHORT_LINE for b in paragraphs]
    found: set[int] = set()
    i = 0
    while i < len(short):
        j = i
        while j < len(short) and short[j]:
            j += 1
        if j - i >= CELL_RUN:
            found.update(range(i, j))
        i = max(j, i + 1)
    return found


def wrap_width(blocks: list[Block]) -> int | None:
    """The line width of a hard-wrapped text, else None: many lines end near it, or a quarter of all lines end
    near it unclosed and most of those show they stop mid-sentence (a list-heavy text layer whose items are
    short but whose paragraphs wrap; a typed list of even-length items shows no such sign)."""
    paragraphs = [b for b in blocks if b.kind == "paragraph" and " | " not in b.text]
    cells = _runs_of_short_lines(paragraphs)
    lines = [(len(b.text) + (b.indent or 0), b.text.rstrip()) for i, b in enumerate(paragraphs) if i not in cells]
    if len(lines) < 10:             # a short letter: its short lines are all there is to read the width off
        lines = [(len(b.text) + (b.indent or 0), b.text.rstrip()) for b in paragraphs]
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
