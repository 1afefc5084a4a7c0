"""Outline: classify each line by its numbering (PHẦN / I. / 1. / 1.1. / a) / - / +) and build
the heading tree. Table rows are left to `tables`; unnumbered paragraphs hang under the nearest
heading-like item (a short title or a lead-in ending with ":").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..document import Document, Section
from ..extract.bodies import match_body
from ..extract.deadlines import find_deadline
from ..extract.roles import owners_of_list
from ..lexicons import alternation, load
from .attributes import is_attribute
from ..text import BARE_MARKER, HEADING_MAX_CHARS, heading_key, is_upper, lines

_ORDINALS = alternation(load("structure")["ordinal_markers"])
ORDINAL = 2.5                # the rank of an item numbered by an ordinal word: "Một là, …", "Thứ hai: …"
ORDINAL_TITLE = 100          # an ordinal item this short and of one sentence titles the paragraphs after it
_MARKERS: list[tuple[float, re.Pattern]] = [
    (0, re.compile(r"(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\b[.:\-–]?\s*")),
    (1, re.compile(r"Điều\s+(\d+)\s*[.:]\s*")),
    (1, re.compile(r"([IVX]{1,5}|[IVX][ivx]{1,4})\s*[.\-–/)]\s+(?=\S)")),   # "II.", "Ii." (case lost in export)
    (0.5, re.compile(r"([A-HJ-UWYZĐ])\s?\.\s+(?=[A-ZĐÀ-Ỹ])")),                 # "A. THỰC HIỆN …", "B . Kế hoạch …"
    (0.5, re.compile(r"([A-HJ-UWYZĐ])\s?\.\s+(?=[a-z][^.,;:!?]{0,60}$)")),       # "B . nhiệm vụ và giải pháp" (case lost)
    (4, re.compile(r"(\d{1,2}\.\d{1,2}\.\d{1,2})\.?(?:\s*[-–])?\s+(?=\S)")),     # "1.2.3.", "1.2.3 -"
    (3, re.compile(r"(\d{1,2}\.\d{1,2})\.?(?:\s*[-–])?\s+(?=\S)")),                 # "2.1.", "2.1 - Các …"
    (2, re.compile(r"(\d{1,2})\s*[.)]\s*(?=[^\d\s.])")),
    (2, re.compile(r"(\d{1,2})\s*-\s+(?=\S)")),
    (ORDINAL, re.compile(rf"({_ORDINALS})\s*[,:.]\s*(?!ngày\b|\d)(?=\S)", re.IGNORECASE)),  # "Một là, …"; not "Thứ sáu, ngày …"
    (5, re.compile(r"([a-zđ])\s*[).]\s+(?=\S)")),
    (6, re.compile(r"[-–—•·]\s*(?=\S)")),
    (7, re.compile(r"[+*◦○▪]\s*(?=\S)")),
]
PARAGRAPH = 8
ATTRIBUTE_RANK = 6           # a labelled line is a bullet or a paragraph ("a) Cơ quan thẩm định: …" is an item)


@dataclass
class Node:
    """One line of the body: a numbered item, a heading or a paragraph."""

    start: int
    end: int
    text: str                      # the line without its numbering
    rank: float                    # 0 part … 7 plus item, 8 unnumbered paragraph
    label: str | None = None
    bold: bool = False
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    body_start: int = 0            # offset where the text after the numbering starts
    paragraph_lead_in: bool = False  # an unnumbered lead-in ("… yêu cầu các đơn vị: ") heading a list
    attribute: bool = False        # a labelled line of the item above ("- Cơ quan chủ trì: Sở Y tế.")

    @property
    def upper(self) -> bool:
        """Set in capitals, as a title is, or a title whose capitals were lost in export (`case_lost`) with items
        under it or a section's words ("Ii. mục tiêu, nhiệm vụ …"); one with neither is an item written in lower
        case ("C. tổ chức diễn tập tại 3 xã.")."""
        return is_upper(self.text) or self.case_lost and (bool(self.children) or _section_words(self.text))

    @property
    def case_lost(self) -> bool:
        """A part numbered by a Roman numeral or a capital letter whose text opens in lower case and reads as a title
        ("Ii. mục tiêu …", "Iii. tổ chức thực hiện ."): an export lowered its capitals. A line that holds a
        deadline, more than one sentence or an assignment is an item written in lower case ("II. kiểm tra … trong
        quý III/2027.")."""
        text = self.text.strip()
        return self.rank in (0.5, 1) and bool(self.label) and not self.label.isdigit() and text[:1].islower() \
            and _reads_as_title(text)

    @property
    def is_lead_in(self) -> bool:
        return self.text.rstrip().endswith(":")

    @property
    def ordinal_title(self) -> bool:
        """"Thứ hai, mở rộng mạng lưới thư viện xã." — a short one-sentence item numbered by an ordinal
        word: it titles the paragraphs that follow, each a task of its own."""
        text = self.text.strip()
        return self.rank == ORDINAL and len(text) <= ORDINAL_TITLE and not re.search(r"[.;!?:]\s*\S", text) \
            and not _names_its_work(text)

    @property
    def heading_like(self) -> bool:
        """A title or lead-in: children and following paragraphs belong to it."""
        text = self.text.rstrip()
        return (self.upper or self.case_lost or self.bold or self.is_lead_in or self.ordinal_title
                or (len(text) < 160 and not re.search(r"[.;!?]$|\.\s*/\.$", text) and self.rank <= 5))

    def descendants_end(self) -> int:
        return self.children[-1].descendants_end() if self.children else self.end


def classify(line: str) -> tuple[int, str | None, int]:
    """(rank, label, length of the numbering) of one line."""
    for rank, pattern in _MARKERS:
        match = pattern.match(line)
        if match:
            label = match.group(1) if match.groups() else None
            return rank, label, match.end()
    return PARAGRAPH, None, 0


# Formats whose paragraphs the reader rebuilds from lines (plain text, a PDF's text layer, OCR): a break
# there is a guess, so a plain paragraph after a list item goes on the item. DOCX and HTML paragraphs are
# the author's own. Reading a PDF's paragraphs as the author's cost the lead of every item after such a
# paragraph, which the same text as plain text kept (evaluation/robustness.py, variant pdf).
REBUILT_PARAGRAPHS = ("txt", "pdf", "image")


def build_tree(doc: Document, skip: list[tuple[int, int]]) -> Node:
    """The outline of `doc.text`, leaving out lines that start inside a `skip` span."""
    root = Node(start=0, end=len(doc.text), text="", rank=-1)
    stack = [root]
    bold = set(doc.bold_lines)
    marker: tuple[int, str] | None = None          # a numbering alone on its line ("2.") and its start
    for start, end, line in lines(doc.text):
        if not line.strip() or any(a <= start < b for a, b in skip):
            continue
        if BARE_MARKER.fullmatch(line):
            marker = (start, line.strip())
            continue
        rank, label, size = classify(f"{marker[1]} {line.strip()}") if marker else classify(line)
        if marker:                                 # "2." then its text on the next line: one item
            size = len(line) - len(line.lstrip())
        node = Node(start=marker[0] if marker else start, end=end, text=line[size:], rank=rank, label=label,
                    bold=start in bold and not (rank == PARAGRAPH and _emphasised_sentence(line)),
                    body_start=start + size)
        marker = None
        node.attribute = rank >= ATTRIBUTE_RANK and is_attribute(node.text)
        if rank == PARAGRAPH and node.bold or rank == PARAGRAPH and node.upper:
            node.rank = rank = 0 if node.upper and len(stack) == 1 else rank
        _attach(stack, node, run_on=doc.source.format in REBUILT_PARAGRAPHS)
    return root


EMPHASIS_FROM = 160      # a wholly bold unnumbered paragraph this long that ends a sentence is emphasis


def _emphasised_sentence(line: str) -> bool:
    """A whole paragraph set in bold for emphasis ("Chủ trì, phối hợp … báo cáo trong quý III."), not a heading."""
    return len(line.strip()) >= EMPHASIS_FROM and bool(re.search(r"[.;!?]\s*$", line))


def _attach(stack: list[Node], node: Node, run_on: bool = True) -> None:
    """Hang `node` in the tree. With `run_on` (paragraphs rebuilt from lines, REBUILT_PARAGRAPHS) a plain
    paragraph right after a list item goes on that item. A labelled line belongs to the node above it (a bullet
    one, to the node above the bullets of its kind) and is not pushed."""
    if node.attribute:              # a bullet closes the bullets of its kind above it ("- Địa điểm: …"), not the item
        while node.rank < PARAGRAPH and len(stack) > 1 and stack[-1].rank >= node.rank:
            stack.pop()
        node.parent = stack[-1]
        stack[-1].children.append(node)
        return
    label = stack[-1].children[-1] if stack[-1].children else None
    if run_on and node.rank == PARAGRAPH and label is not None and label.attribute and label.end + 1 == node.start \
            and re.search(r"[;,]\s*$", label.text):
        label.end, label.text = node.end, f"{label.text} {node.text}"   # "… rừng đặc dụng;" / "Ủy ban nhân dân …"
        return
    if run_on and node.rank == PARAGRAPH and _continues_item(stack[-1], node):
        stack[-1].end = node.end   # only a list marker starts an item: the paragraph goes on the item
        return
    if node.rank == PARAGRAPH:
        finishes_item = node.is_lead_in and (_bare_lead_in(node) and 0 < stack[-1].rank <= 2
                                             or _item_of_a_list(stack)) and not stack[-1].children
        while not finishes_item and len(stack) > 1 and (not stack[-1].heading_like or _closed_lead_in(stack[-1])
                                                        or _next_paragraph_lead_in(stack[-1], node)):
            stack.pop()             # ("Điều 1. Ủy quyền Sở X …." then "Cụ thể như sau:" stays under Điều 1)
        if node.is_lead_in and not (node.upper or node.bold):
            node.rank, node.paragraph_lead_in = stack[-1].rank + 0.25, True   # heads the list that follows
    else:
        top = stack[-1]
        if top.is_lead_in and not top.children and top.rank == node.rank:
            top.rank -= 0.5   # "- Giao các sở:" followed by "- …" items of the same kind
        elif top.paragraph_lead_in and not top.children:
            top.rank = max(top.rank, node.rank - 0.5)   # it heads this kind of item, not the next "Điều"
        while len(stack) > 1 and (stack[-1].rank >= node.rank or _next_lead_in(stack[-1], node)):
            stack.pop()
    node.parent = stack[-1]
    stack[-1].children.append(node)
    if node.rank != PARAGRAPH:
        stack.append(node)


def _next_lead_in(top: Node, node: Node) -> bool:
    """A lead-in after the items of one of its kind ("- Giao các sở: - …; - …" then "- Giao các huyện:"):
    the first list is closed and the two stand side by side."""
    return node.is_lead_in and top.is_lead_in and not top.paragraph_lead_in and top.rank == node.rank - 0.5 \
        and bool(top.children)


def _next_paragraph_lead_in(top: Node, node: Node) -> bool:
    """An unnumbered lead-in after the paragraphs of another that names no doer ("Kết quả đạt được như sau:"
    … then "Để khắc phục hạn chế, các sở tập trung thực hiện các giải pháp sau:"): the two stand side by side.
    Under a lead-in that names its doers ("Sở Y tế thực hiện các nhiệm vụ sau:"), a further one ("Ngoài ra,
    cần thực hiện thêm các việc sau:") stays inside it, unless it names doers of its own."""
    if not (top.paragraph_lead_in and top.children and node.is_lead_in and not (node.upper or node.bold)):
        return False
    return not owners_of_list(top.text) or bool(owners_of_list(node.text))


@cache
def _reads_as_title(text: str) -> bool:
    """Short, one sentence, no deadline, not opening with an assigning word."""
    return len(text) <= HEADING_MAX_CHARS and not re.search(r"[;!?]|[.:]\s+\S", text) \
        and not _ASSIGNING.match(text) and find_deadline(text) is None


def _section_words(text: str) -> bool:
    """The text opens with the words of a section title ("mục tiêu", "nhiệm vụ", "tổ chức thực hiện")."""
    return heading_key(text).startswith(_SECTION_WORDS)


_SECTION_WORDS = tuple(w for key in ("non_task_headings", "task_headings", "report_headings", "mandate_headings")
                       for w in load("structure")[key])


_ASSIGNING = re.compile(rf"(?:{alternation(load('structure')['assigning_openers'])})(?!\w)", re.IGNORECASE)


@cache
def _names_its_work(text: str) -> bool:
    """An item that opens with its doer or holds a deadline ("Thứ nhất, Sở Nội vụ rà soát … trước ngày …")."""
    return match_body(text) is not None or find_deadline(text) is not None


def _bare_lead_in(node: Node) -> bool:
    """A lead-in that only opens a list ("Cụ thể như sau:", "Gồm:"), naming nobody."""
    return node.is_lead_in and len(node.text.split()) <= 5


def _item_of_a_list(stack: list[Node]) -> bool:
    """The top of the stack is a numbered item ("1.", "1.1.") of a list a lead-in opened ("… thực hiện các nội dung
    sau:" / "1. …" / "2. … ."): a lead-in paragraph after it heads a list inside that item. Outside it, it would
    stand beside the first lead-in and take in every later item of its list ("3.", "4." …) as its own. Not after an
    item that opens with its own doer ("2. Sở Tài chính bố trí …"), whose doer would pass to a list it does not
    head; nor after an article ("Điều 2. …") or a dash item, after which a lead-in paragraph as often opens a part
    of its own."""
    item = stack[-1]
    return len(stack) > 2 and 2 <= item.rank <= 3 and stack[-2].is_lead_in and match_body(item.text.strip()) is None


def _continues_item(top: Node, node: Node) -> bool:
    """A plain paragraph right after a list item that is a sentence (not a heading or lead-in); a lead-in
    paragraph ("Nhiệm vụ và giải pháp:") heads the next list instead."""
    return (2 <= top.rank < PARAGRAPH and not top.children
            and not (top.upper or top.bold or top.is_lead_in or top.ordinal_title)
            and bool(re.search(r"[.;!?]\s*$", top.text)) and not (node.upper or node.bold or node.is_lead_in))


def _closed_lead_in(node: Node) -> bool:
    """A bulleted or unnumbered lead-in whose list items have begun: a plain paragraph after them is not
    its child (a numbered lead-in keeps it: "1. Sở X: - …; - …" then a closing paragraph of item 1)."""
    return node.is_lead_in and (node.rank >= 5 or node.paragraph_lead_in) \
        and any(c.rank != PARAGRAPH for c in node.children)


def sections(root: Node) -> tuple[list[Section], dict[int, str]]:
    """Sections for every node with children or a title line; returns them and node.start → id."""
    found: list[Section] = []
    ids: dict[int, str] = {}

    def walk(node: Node, parent_id: str | None, level: int) -> None:
        for child in node.children:
            if child.children or (child.upper and child.rank <= 1):
                section_id = f"s{len(found) + 1}"
                ids[child.start] = section_id
                found.append(Section(id=section_id, heading=child.text.strip(), level=level,
                                     start=child.start, end=child.descendants_end(),
                                     parent=parent_id, label=child.label))
                walk(child, section_id, level + 1)

    walk(root, None, 1)
    return found, ids
