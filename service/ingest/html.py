"""HTML via BeautifulSoup (lxml): block elements as paragraphs, <table> as table blocks.

script, style, nav and similar elements are dropped. <br> ends a paragraph. Headings (h1-h6) and
text wholly inside <b>/<strong> are bold. Spanned cells are written once: rowspan/colspan keep the
text in the first row/column and leave the covered grid positions empty. Nested tables are
flattened into their parent cell.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any

import charset_normalizer
from bs4 import BeautifulSoup, NavigableString
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction, Tag

from ..document import Block
from ..errors import EncodingError
from ..limits import check_nesting
from .base import Parsed
from ..messages import say

_DROP = ["script", "style", "nav", "noscript", "template", "head", "iframe", "svg", "object"]
_BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
          "blockquote", "pre", "section", "article", "header", "footer", "main", "aside",
          "address", "figure", "figcaption", "center", "hr", "body", "caption", "form", "fieldset"}
_BOLD = {"b", "strong", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = (Comment, Declaration, Doctype, ProcessingInstruction)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
MAX_SPAN = 100


def read(data: bytes) -> Parsed:
    """Decode the page, drop non-content elements and walk the rest."""
    text, encoding = decode_html(data)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    walker = _Walker()
    walker.walk(soup)
    walker.flush()
    return Parsed(walker.blocks, encoding=encoding)


def decode_html(data: bytes) -> tuple[str, str]:
    """BOM, then the declared charset, then UTF-8, then charset-normalizer's guess."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = _CHARSET.search(data[:4096])
    names = [declared.group(1).decode("ascii").lower()] if declared else []
    for name in names + ["utf-8"]:
        try:
            return unicodedata.normalize("NFC", data.decode(name)), name
        except (LookupError, UnicodeError):      # unknown or pseudo charsets ("undefined")
            continue
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise EncodingError(say("html_encoding"))
    return unicodedata.normalize("NFC", str(best)), best.encoding


class _Walker:
    """Collects inline text until a block boundary, then emits a paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[tuple[str, bool]] = []

    def flush(self) -> None:
        text = " ".join("".join(part for part, _ in self.parts).split())
        if text:
            bold = all(b for part, b in self.parts if part.strip())
            self.blocks.append(Block(text=text, bold=bold))
        self.parts.clear()

    def walk(self, node: Tag, bold: bool = False, depth: int = 0) -> None:
        check_nesting(depth)
        for child in node.children:
            if isinstance(child, NavigableString):
                if not isinstance(child, _SKIP):
                    self.parts.append((str(child), bold))
            elif child.name == "br":
                self.flush()
            elif child.name == "table":
                self.flush()
                rows = table_rows(child)
                if rows:
                    self.blocks.append(Block(kind="table", rows=rows))
            else:
                self._walk_tag(child, bold, depth + 1)

    def _walk_tag(self, tag: Tag, bold: bool, depth: int) -> None:
        is_block = tag.name in _BLOCK
        if is_block:
            self.flush()
        self.walk(tag, bold or tag.name in _BOLD, depth)
        if is_block:
            self.flush()


def table_rows(table: Tag) -> list[list[str]]:
    """A rectangular grid of cell texts; spans leave the covered positions empty."""
    grid: dict[tuple[int, int], str] = {}
    trs = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(trs):
        c = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            rowspan = min(_span(cell, "rowspan"), len(trs) - r)
            colspan = _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = ""
            grid[(r, c)] = " ".join(cell.get_text(" ").split())
            c += colspan
    width = max((c for _, c in grid), default=-1) + 1
    rows = [[grid.get((r, c), "") for c in range(width)] for r in range(len(trs))]
    return [row for row in rows if any(row)]


def _span(cell: Any, attr: str) -> int:
    try:
        return max(1, min(int(cell.get(attr, 1)), MAX_SPAN))
    except (TypeError, ValueError):
        return 1
