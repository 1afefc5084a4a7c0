"""Page furniture: page numbers, separator rules and lone marks that a text layer carries between
the lines of the body ("- 3 -", "Trang 2/7", "-----", "* *"). They are dropped before anything else
reads the text.
"""
from __future__ import annotations

import re

from ..document import Block
from ..text import CLOSING_MARK

_PAGE_NUMBER = re.compile(r"\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*$|\s*(?:Trang|trang|Page)\s+\d{1,3}"
                          r"(?:\s*/\s*\d{1,3})?\s*$")
_NO_WORDS = re.compile(r"[\W_]*")
_OPEN_SENTENCE = re.compile(r"[^.;:!?]$")


def drop_furniture(blocks: list[Block]) -> list[Block]:
    """The blocks without separators and page-number lines."""
    kept = [b for i, b in enumerate(blocks) if not _separator(b, blocks[i - 1] if i else None)]
    edges = _page_edges(kept)
    return [b for i, b in enumerate(kept)
            if not (_is_number_line(b) and (i in edges and _numbers_page(b) or _interrupts(kept, i)))]


def _separator(block: Block, prev: Block | None) -> bool:
    """A line of marks only; a closing mark right under a paragraph's line ("… như sau" / ":") is its end."""
    if block.kind != "paragraph" or not block.text.strip() or not _NO_WORDS.fullmatch(block.text):
        return False
    return not (CLOSING_MARK.fullmatch(block.text) and prev is not None and prev.kind == "paragraph"
                and prev.page == block.page and not block.blank_before)


def is_page_number(text: str) -> bool:
    """A line that is only a page's number ("3", "- 3 -", "Trang 2/7")."""
    return bool(_PAGE_NUMBER.fullmatch(text))


def _is_number_line(block: Block) -> bool:
    return block.kind == "paragraph" and is_page_number(block.text)


def _numbers_page(block: Block) -> bool:
    """The number is the page's own (give or take one: an unnumbered cover, a counted cover)."""
    number = int(re.search(r"\d+", block.text).group())
    return block.page is not None and abs(number - block.page) <= 1


def _page_edges(blocks: list[Block]) -> set[int]:
    """Indexes of the first and last block of each page, where pages are known."""
    edges: set[int] = set()
    for i, block in enumerate(blocks):
        if block.page is None:
            continue
        if i == 0 or blocks[i - 1].page != block.page:
            edges.add(i)
        if i + 1 == len(blocks) or blocks[i + 1].page != block.page:
            edges.add(i)
    return edges


def _interrupts(blocks: list[Block], i: int) -> bool:
    """A number line in the middle of a sentence: the line before stops mid-sentence and the one after
    goes on in lower case (a page break inside a paragraph)."""
    if i == 0 or i + 1 >= len(blocks):
        return False
    before, after = blocks[i - 1], blocks[i + 1]
    return (before.kind == after.kind == "paragraph" and len(before.text) > 30
            and bool(_OPEN_SENTENCE.search(before.text.rstrip())) and after.text.lstrip()[:1].islower())
