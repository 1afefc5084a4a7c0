"""Tables whose text layer gives one cell per line (assignment tables in PDF exports and annexes).

    STT / Nội dung / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian       (header: one cell a line,
    1                                                                    or a markdown row followed
    Xây dựng quy chế phối hợp …                                          by the cells it lacks)
    Sở Tư pháp
    Các sở, ngành liên quan
    Quý III/2026

The header is a run of short lines naming column roles (`structure.yaml` `table_columns`), or a
one-row pipe table followed by more such lines; a row of column numbers "(1) (2) …" after it is
skipped. A line holding only a row number starts a row; the lines after it fill the columns in
header order, each where it fits (body lists in the owner columns, a time limit in the deadline
column, text elsewhere); a text line right after the content goes on the content, and a body name
cut by a page break ("…, Cục" … "Lâm nghiệp") is mended; a cell wrapped over lines is put together. The
table ends at a heading, a block cue, a new list item after a complete row, or a paragraph that no row number
follows within the row's cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import combinations_with_replacement

from ..document import Block
from ..extract.bodies import parse_body_list
from ..extract.body_grammar import grammar
from ..extract.body_scanner import Scanner
from ..extract.deadlines import ends_on_recurrence, find_deadline, leading_period, parse_deadline
from ..lexicons import load
from ..structure.tables import column_roles
from ..text import OPEN_END, is_upper
from .furniture import is_page_number
from .wrapping import BLOCK_START, LIST_START

ROW_NUMBER = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,2}){0,2}|[IVXLC]{1,6}|[a-zđ])\)?[.)]?")
_COLUMN_NUMBERS = re.compile(r"\(?\d{1,2}\)?")
_HEADER_CELL_MAX = 60
_TEXT_ROLES = {"content", "output", "budget", "note", None}


@dataclass
class _Row:
    number: str
    lines: list[str] = field(default_factory=list)
    rest: list[str] = field(default_factory=list)     # its cells' ends on the next page, under the repeated header


def rebuild_tables(blocks: list[Block]) -> list[Block]:
    """Blocks with every cell-per-line table turned into one table block."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        found = _header_at(blocks, i)
        if found:
            titles, j = found
            header = [b.text.strip() for b in blocks[i:j]]
            rows, k = _rows(blocks, j, column_roles(titles), len(titles), header)
            if rows:
                out.append(Block(kind="table", rows=[titles] + rows, page=blocks[i].page))
                i = k
                continue
        out.append(blocks[i])
        i += 1
    return out


# ---------------------------------------------------------------- header
def _header_at(blocks: list[Block], i: int) -> tuple[list[str], int] | None:
    """(column titles, index after the header) when a header starts at block i: a run of column titles
    that begins with the number column if it has one and names no role twice."""
    block = blocks[i]
    if block.kind == "table" and len(block.rows) == 1 and i + 1 < len(blocks) \
            and blocks[i + 1].kind == "paragraph":
        titles = [c for c in block.rows[0] if c.strip()]
        j = i + 1
    elif block.kind == "paragraph" and _header_cell(block.text) and column_roles([block.text]):
        titles, j = [], i
    else:
        return None
    while j < len(blocks) and blocks[j].kind == "paragraph" and _header_cell(blocks[j].text) \
            and not ROW_NUMBER.fullmatch(blocks[j].text.strip()):
        title = blocks[j].text.strip()
        if titles and title[:1].islower():
            titles[-1] += " " + title        # a title wrapped in its cell ("Thời gian" / "hoàn thành")
        else:
            titles.append(title)
        j += 1
    roles = [next(iter(column_roles([t])), None) for t in titles]
    known = [r for r in roles if r]
    if "content" not in known or len(known) < 3 or len(known) < 0.6 * len(titles) \
            or len(set(known)) < len(known) or ("number" in known and roles[0] != "number"):
        return None
    return titles, _skip_column_numbers(blocks, j)


def _header_cell(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= _HEADER_CELL_MAX and len(text.split()) <= 8 and not re.search(r"[.;]$", text)


def _skip_column_numbers(blocks: list[Block], j: int) -> int:
    """Past a row of column numbers ("(1)", "(2)", …) printed under the header: the same style,
    counting up from 1."""
    k = j
    while k < len(blocks) and blocks[k].kind == "paragraph":
        text = blocks[k].text.strip()
        if not _COLUMN_NUMBERS.fullmatch(text) or k > j and (text[0] == "(") != (blocks[j].text.strip()[0] == "("):
            break
        if re.sub(r"\D", "", text) != str(k - j + 1):
            break
        k += 1
    return k if k - j >= 3 else j


# ---------------------------------------------------------------- rows
def _rows(blocks: list[Block], j: int, roles: dict[str, int], width: int,
          header: list[str] = ()) -> tuple[list[list[str]], int]:
    """Rows rebuilt from block j on, and the index where the table ends."""
    data_roles = [role_of(roles, c) for c in range(width) if c != roles.get("number")]
    rows: list[_Row] = []
    k, split = j, False
    while k < len(blocks) and blocks[k].kind == "paragraph":
        text = blocks[k].text.strip()
        repeated = _repeated_header(blocks, k, header) if rows else None
        if repeated:                  # the header again on a new page: a row cut by the page goes on under it
            if not rows[-1].lines:
                rows.pop()            # the page's number before it
            k, split = repeated, not ROW_NUMBER.fullmatch(blocks[repeated].text.strip()) \
                if repeated < len(blocks) and blocks[repeated].kind == "paragraph" else False
            continue
        if TOTAL_ROW.fullmatch(text) and _past_figures(blocks, k + 1) > k + 1:
            k = _past_figures(blocks, k + 1)    # "Cộng" / "2.000", "Tổng cộng" / "186.540": a sum, no row
            continue
        if ROW_NUMBER.fullmatch(text):
            rows.append(_Row(text))
            split = False
        elif not rows or _ends_table(text, rows[-1], data_roles, blocks, k) \
                and not _page_turns_ahead(blocks, k, header, len(data_roles)):
            break
        else:
            (rows[-1].rest if split else rows[-1].lines).append(text)
        k += 1
    if not rows or not any(len(r.lines) >= 2 for r in rows):
        return [], j
    rows = [r for r in rows if r.lines]         # a page number between rows reads as a row number alone
    return [_cells(r, roles, data_roles, width) for r in rows], k


TOTAL_ROW = re.compile(r"(?:tổng cộng|tổng số|cộng)\s*:?", re.IGNORECASE)
_FIGURE = re.compile(r"[\d.,]+")


def _repeated_header(blocks: list[Block], k: int, header: list[str]) -> int | None:
    """Index past the table's header lines printed again at block k (after a page break; a page number may stand
    before them), or None."""
    line = blocks[k].text.strip()
    start = k + 1 if ROW_NUMBER.fullmatch(line) or is_page_number(line) else k
    again = [b.text.strip() for b in blocks[start:start + len(header)] if b.kind == "paragraph"]
    return start + len(header) if header and again == header else None


def _page_turns_ahead(blocks: list[Block], k: int, header: list[str], columns: int) -> bool:
    """The table's header printed again within the reach of a row's cells from block k, short lines between (the
    last row's cells before a page break: "UBND các xã, thị" / "trấn" / "Thường xuyên" / "- 5 -" / "TT" / …)."""
    for i in range(k, min(_cells_reach(blocks, k, columns), len(blocks))):
        if blocks[i].kind != "paragraph":
            return False
        line = blocks[i].text.strip()
        if is_page_number(line) and _repeated_header(blocks, i, header):
            return True             # (not a caption before a table of the same header: "Nhiệm vụ năm 2028")
        if not _cell_like(line):
            return False
    return False


def _past_figures(blocks: list[Block], k: int) -> int:
    while k < len(blocks) and blocks[k].kind == "paragraph" and _FIGURE.fullmatch(blocks[k].text.strip()):
        k += 1
    return k


def role_of(roles: dict[str, int], column: int) -> str | None:
    return next((role for role, index in roles.items() if index == column), None)


def _ends_table(text: str, row: _Row, data_roles: list[str | None], blocks: list[Block], k: int) -> bool:
    """A heading, a block cue, or (after a complete row) a list item, a header (the next table, or this one's
    repeated after a page break) or a paragraph that no row number follows within the row's cells (counted up
    to the next header: a caption before another table ends this one)."""
    if BLOCK_START.match(text) or (is_upper(text) and row.lines and len(text.split()) > 2
                                   and not _wraps_group_title(row, text)):
        return True
    complete = len(row.lines) >= min(2, len(data_roles))
    mends = text[:1].islower() or (len(text.split()) <= 8 and any(_dangling_head(line) for line in row.lines))
    if not complete or mends:
        return False
    columns = len(data_roles)
    if LIST_START.match(text) and not ROW_NUMBER.fullmatch(text) or _table_header(blocks, k, columns):
        return True
    return not _row_number_ahead(blocks, k + 1, _cells_reach(blocks, k, columns), columns) \
        and len(row.lines) >= columns and not _last_row_goes_on(blocks, k, columns)


CELL_LINE = 40              # a line this short may be a cell's, wrapped at its column's width


def _cell_like(line: str) -> bool:
    """A short line that may be a cell's: no block cue, capitals (a signer's title), label or bracketed note."""
    return len(line) <= CELL_LINE and not (BLOCK_START.match(line) or is_upper(line) or line.endswith(":")
                                           or line.startswith("("))


def _last_row_goes_on(blocks: list[Block], k: int, columns: int) -> bool:
    """The table's last row goes on from block k: a few short lines, cell-like, then the document's end."""
    n = 0
    while k + n < len(blocks) and blocks[k + n].kind == "paragraph" and _cell_like(blocks[k + n].text.strip()):
        n += 1
    return k + n == len(blocks) and n <= 2 * columns


def _cells_reach(blocks: list[Block], k: int, columns: int) -> int:
    """How far the rest of a row's cells may run from block k: a few lines a column, further while the lines are
    as short as a narrow column's (cells wrapped over two or three lines each)."""
    stop, limit = k + 3 + columns, min(len(blocks), k + 3 + 3 * columns)
    while stop < limit and blocks[stop - 1].kind == "paragraph" and len(blocks[stop - 1].text.strip()) <= CELL_LINE:
        stop += 1
    return stop


def _table_header(blocks: list[Block], i: int, columns: int) -> bool:
    """A header starts at block i that heads a table of its own: it opens with the number column or has as many
    titles as this table has data columns (a row's last cells may name column roles: "Các cơ quan liên quan",
    "Hoàn thành trong năm 2027")."""
    found = _header_at(blocks, i)
    return bool(found) and ("number" in column_roles(found[0][:1]) or len(found[0]) >= columns)


def _row_number_ahead(blocks: list[Block], start: int, stop: int, columns: int) -> bool:
    """A row number among blocks[start:stop] (the rest of a row's cells, some wrapped), before any header."""
    for i in range(start, min(stop, len(blocks))):
        if blocks[i].kind != "paragraph" or _table_header(blocks, i, columns):
            return False
        if ROW_NUMBER.fullmatch(blocks[i].text.strip()):
            return True
    return False


def _cells(row: _Row, roles: dict[str, int], data_roles: list[str | None], width: int) -> list[str]:
    """The row's cells in header order: one line a column when the lines fit their places, else each
    line where it fits."""
    if _group_row(row):            # "III" / "ĐỔI MỚI SÁNG TẠO, CHUYỂN ĐỔI SỐ VÀ NÂNG CAO NĂNG LỰC DOANH" / "NGHIỆP"
        row = _Row(row.number, [" ".join(row.lines)])
    if row.rest:                   # the page's part first, then the rest goes on the cells left open
        cells = _cells(_Row(row.number, row.lines), {}, data_roles, len(data_roles))
        _continue_cells(cells, row.rest, data_roles)
        if "number" in roles:
            cells.insert(roles["number"], row.number)
        return cells + [""] * (width - len(cells))
    if len(row.lines) <= len(data_roles) and all(_plausible(r, line) for r, line in zip(data_roles, row.lines)) \
            and not any(_goes_on(line) for line in row.lines[1:]):
        cells = row.lines + [""] * (len(data_roles) - len(row.lines))    # one line a column
    else:
        candidates = [_placed(row.lines, data_roles), _aligned(row.lines, data_roles)]
        cells = max((c for c in candidates if c is not None),
                    key=lambda found: _fit(found, data_roles) - _swallowed_owner(found, row.lines, data_roles))
    if "number" in roles:
        cells.insert(roles["number"], row.number)
    return cells + [""] * (width - len(cells))


def _continue_cells(cells: list[str], rest: list[str], data_roles: list[str | None]) -> None:
    """The ends of a row's cells on the next page, each on a cell the page cut open ("… nông sản cho", "Sở Nông
    nghiệp và", "Sở Tài chính; UBND"), in column order; with no cell left open, the rest goes on the content."""
    open_cells = [q for q, cell in enumerate(cells) if cell and (OPEN_END.search(cell.lower()) or _dangling_head(cell))]
    if not open_cells or len(rest) > MAX_ALIGNED_LINES:
        open_cells, rest = [data_roles.index("content")], [" ".join(rest)]

    def runs(cuts: tuple[int, ...]) -> list[list[str]]:
        bounds = (0, *cuts, len(rest))
        return [[cells[q], *rest[a:b]] for q, a, b in zip(open_cells, bounds, bounds[1:])]

    def fit(cuts: tuple[int, ...]) -> float:     # a cell cut open goes on: one left as it was fits less
        return sum(_cell_fit(data_roles[q], " ".join(run), run) - (1.0 if len(run) == 1 else 0.0)
                   for q, run in zip(open_cells, runs(cuts)))
    best = max(combinations_with_replacement(range(len(rest) + 1), len(open_cells) - 1), key=fit)
    for q, run in zip(open_cells, runs(best)):
        cells[q] = " ".join(run)


def _group_row(row: _Row) -> bool:
    """A group heading wrapped over lines: a Roman numeral, then only lines in capitals, or one title whose wrapped
    lines go on in lower case ("III" / "Chế biến, quảng bá sản phẩm" / "và bán hàng")."""
    return bool(re.fullmatch(r"[IVXLC]{1,6}[.)]?", row.number)) and len(row.lines) > 1 \
        and (all(is_upper(line) for line in row.lines)
             or all(_goes_on(line) and _kind(line) == "text" for line in row.lines[1:]))


GROUP_TITLE_WRAP = 40       # a group title this long may have been cut by the column's width


def _wraps_group_title(row: _Row, text: str) -> bool:
    """The capitals go on a group title cut by the column's width ("… NĂNG LỰC DOANH" / "NGHIỆP", "… HÀNH CHÍNH,"
    / "NÂNG CAO …", "… GIÁO DỤC" / "VÀ PHÁT TRIỂN …"), not a heading after a short, whole group title
    ("NHIỆM VỤ KHÁC" / "PHỤ LỤC II")."""
    if len(row.lines) != 1 or not _group_row(_Row(row.number, row.lines + [text])) or BLOCK_START.match(text):
        return False
    first = row.lines[0]
    return len(first) >= GROUP_TITLE_WRAP or bool(OPEN_END.search(first.lower())) or bool(_JOINS_ON.match(text))


_JOINS_ON = re.compile(r"(?:VÀ|CỦA|VỀ|CHO|TRONG|VỚI|GẮN VỚI)\s")     # a wrapped title's line that goes on


def _plausible(role: str | None, line: str) -> bool:
    """A line that may stand in a column of this role (positional reading of a complete row)."""
    kind = _kind(line)
    if role in ("lead", "support"):
        return kind == "bodies" or (kind == "text" and line[:1].isupper() and len(line.split()) <= 14
                                    and not re.search(r"[.;]$", line))
    if role == "deadline":
        return kind == "deadline" or len(line.split()) <= 6
    return role == "content" or kind != "bodies"


def _placed(lines: list[str], data_roles: list[str | None]) -> list[str]:
    """Each line in the next column where it fits; a text line right after the content, or a line after content
    that stops mid-sentence (lower case, or any where the row has more lines than columns: "… Quy chế làm việc
    của" / "Ban Chỉ đạo"), goes on it; a lower-case text line after an owner cell goes on that cell."""
    cells = [""] * len(data_roles)
    last, pointer, leftovers = None, 0, []
    content = data_roles.index("content")
    kinds = [_kind(line) for line in lines]
    for i, (line, kind) in enumerate(zip(lines, kinds)):
        if not cells[content]:
            target = content
        elif last == content and (kind == "text" or _stops_mid_sentence(cells[content])
                                  and (not line[:1].isupper() or len(lines) > len(data_roles))
                                  or _before_its_column(cells, data_roles, pointer, kind, kinds[i + 1:i + 2])):
            cells[content] += " " + line          # "… tầm nhìn đến năm" / "2050.": the content's wrapped line
            continue
        elif last is not None and data_roles[last] == "deadline" and _TIME_GOES_ON.search(cells[last]):
            cells[last] += " " + line             # "Quý II và quý" / "IV/2028"
            continue
        elif last is not None and data_roles[last] != "deadline" and kind == "text" and line[:1].islower():
            cells[last] += " " + line             # "… các tổ chức hoạt" / "động khoáng sản": an owner cell wrapped,
            continue                              # "Kế hoạch được UBND" / "xã, phường phê duyệt": a product's
        else:
            target = next((q for q in range(pointer, len(cells)) if not cells[q] and _fits(data_roles[q], kind)),
                          None)
        if target is None:
            leftovers.append((line, kind))
            continue
        cells[target], last, pointer = line, target, target + 1
    _place_leftovers(cells, data_roles, leftovers)
    return cells


def _before_its_column(cells: list[str], data_roles: list[str | None], pointer: int, kind: str,
                       following: list[str]) -> bool:
    """The line after the content would go to a column that the next line's column precedes ("Kiểm tra … dịp
    Tết" / "năm 2026" / "Sở Y tế": a time right before the owner is the content's wrapped line, not its deadline)."""
    def column(k: str) -> int | None:
        return next((q for q in range(pointer, len(cells)) if not cells[q] and _fits(data_roles[q], k)), None)
    here, there = column(kind), column(following[0]) if following else None
    return here is not None and there is not None and there < here


MAX_ALIGNED_LINES = 16       # rows longer than this are placed line by line only


def _aligned(lines: list[str], data_roles: list[str | None]) -> list[str] | None:
    """The row's lines cut into consecutive runs, one run a column in header order (a run may be empty), the cut
    that fits the columns best (`_fit`): wrapped cells of any column ("Trung tâm Khuyến nông; UBND" / "các xã,
    phường", "Trước ngày" / "30/9/2026") are put back together. None for one line (the content: a group row "I" /
    "NHIỆM VỤ NĂM 2027") and for rows too long to cut this way."""
    n, m = len(lines), len(data_roles)
    if n > MAX_ALIGNED_LINES or n == 1:
        return None
    best: dict[tuple[int, int], tuple[float, list[str]]] = {(0, 0): (0.0, [])}
    for col in range(m):
        for i in range(n + 1):
            if (col, i) not in best:
                continue
            score, cells = best[(col, i)]
            for j in range(i, n + 1):
                cell = " ".join(lines[i:j])
                total = score + _cell_fit(data_roles[col], cell, lines[i:j])
                if total > best.get((col + 1, j), (float("-inf"), []))[0]:
                    best[(col + 1, j)] = (total, cells + [cell])
    return best[(m, n)][1] if (m, n) in best else None


def _swallowed_owner(cells: list[str], lines: list[str], data_roles: list[str | None]) -> float:
    """0.5 when the content ends on lines that name bodies ("… ngừng hoạt động" / "Sở Nông nghiệp và" / "Môi
    trường") while the table has an owner column to hold them, else 0."""
    if "lead" not in data_roles or "content" not in data_roles:
        return 0.0
    content = cells[data_roles.index("content")]
    ends = [j for j in range(2, len(lines) + 1) if content.endswith(" " + lines[j - 1])]
    tails = (" ".join(lines[k:j]) for j in ends for k in range(max(1, j - OWNER_LINES), j))
    return 0.5 if any(content.endswith(" " + tail) and _kind(tail) == "bodies" for tail in tails) else 0.0


OWNER_LINES = 3             # an owner cell wraps over this many lines at most


def _fit(cells: list[str], data_roles: list[str | None]) -> float:
    return sum(_cell_fit(role, cell, [cell] if cell else []) for role, cell in zip(data_roles, cells))


def _cell_fit(role: str | None, cell: str, run: list[str]) -> float:
    """How well a run of lines fits a column of this role: its kind against the role, less a little for every
    line it joins that does not go on from the one before (a sentence or name cut mid-way does)."""
    if not cell:
        return -0.5 if role in ("content", "lead") else 0.0
    if role in (None, "note"):
        return 1.0                    # a column of no known role ("Cấp trình", "Ghi chú") takes anything
    kind = _kind(cell)
    if kind == "deadline" and not _mostly_time(cell):
        kind = "text"                 # "Việt Nam Năm 2027": a name's end before the time
    wants = {"lead": "bodies", "support": "bodies", "deadline": "deadline"}.get(role, "text")
    if wants == "bodies" and kind != wants and len(run) > 1 and all(_goes_on(line) for line in run[1:]):
        kind = _kind(run[0])          # "… các doanh nghiệp trên địa bàn các xã" / "vùng cao": the names go on
    score = 2.0 if kind == wants else (-2.0 if kind == "deadline" or wants == "deadline" else -1.0)
    if wants == "bodies" and kind == "text" and _mostly_bodies(cell):
        score = 1.0                   # bodies whose last name the grammar cuts ("… các trường đại học y, dược")
    if role == "content" and kind != "text":
        score = 0.5                   # a task may read as a time or a name ("Tổ chức Tháng hành động …")
    if wants == "deadline" and kind == "deadline" and _opens_with_time(cell):
        score += CLEAN_TIME          # "Thường xuyên" alone, not "Phụ nữ huyện Thường xuyên": no name's end run in
    joins = sum(0.3 if OPEN_END.search(a) or b[:1].islower() or role == "deadline" and _TIME_GOES_ON.search(a) else -0.6
                for a, b in zip(run, run[1:]))
    return score + joins - (1.0 if _goes_on(run[0]) else 0.0)


def _goes_on(line: str) -> bool:
    """A line that goes on from the one before ("vùng cao"), not one that opens a cell ("các sở, ngành liên
    quan" opens with a determiner)."""
    return line[:1].islower() and not Scanner(line).phrase_at(0, grammar().determiners)


BODY_SHARE = 0.6            # an owner cell the grammar reads this far is one of bodies


def _mostly_bodies(cell: str) -> bool:
    bodies, end = parse_body_list(cell)
    return bool(bodies) and end >= BODY_SHARE * len(cell.rstrip(" .;,"))


_ENDS_ON_YEAR = re.compile(r"(?<![\d/.-])(?<!năm\s)(?:19|20)\d\d\W*$", re.IGNORECASE)   # (a name's "năm 2026" stays)
_TIME_FIRST = re.compile(r"\s*(?:quý|tháng|ngày|trước|thường xuyên|hằng|hàng|định kỳ|năm(?=\s+\d)|\d{1,2}/\d)(?!\w)",
                         re.IGNORECASE)
CLEAN_TIME = 0.4            # what a deadline cell that opens with its time gains over one a name's end runs into


def _opens_with_time(cell: str) -> bool:
    found = find_deadline(cell)
    return found is not None and not cell[:found.char_start].strip(" ,;-")


def _mostly_time(cell: str) -> bool:
    if _TIME_FIRST.match(cell):
        return True                   # "Quý II/2027; báo cáo kết quả trước …": a time opens it
    """The cell's time limit follows no name ("Trước ngày 30/9/2027", "Hoàn thành lắp đặt trước ngày 01/01/2030"),
    as it does when a wrapped name ran into it ("Việt Nam Năm 2027", "các trường đại học y, dược 2026-2027")."""
    if leading_period(cell):
        return True
    found = find_deadline(cell)
    start = found.char_start if found else next((m.start() for m in _TIME_WORD.finditer(cell)), 0)
    before = cell[:start].strip(" ,;").split()
    return not (len(before) >= 2 and all(w[:1].isupper() for w in before) or _mostly_bodies(" ".join(before))
                or bool(before) and _ACRONYM.fullmatch(before[0].strip(",;")) is not None)


_ACRONYM = re.compile(r"[A-ZĐ]{2,}")         # "UBND", "NTM": a name's word run into the time, not the time's
_TIME_GOES_ON = re.compile(r"(?:\b(?:quý|tháng|năm|ngày|và|đến|từ)|[-–,])\s*$", re.IGNORECASE)
_TIME_WORD = re.compile(r"\d|(?<!\w)(?:năm|quý|tháng|ngày)(?!\w)", re.IGNORECASE)


def _stops_mid_sentence(cell: str) -> bool:
    """The cell's text stops on a word that needs more ("… tầm nhìn đến năm"), not on a recurrence ("… hằng năm")."""
    return bool(OPEN_END.search(cell)) and not ends_on_recurrence(cell)


@lru_cache(maxsize=4096)
def _kind(line: str) -> str:
    """What a cell line holds: "bodies" (a list of bodies), "deadline" (a time limit) or "text"."""
    bodies, end = parse_body_list(line)
    if bodies and end >= len(line.rstrip(" .;,")) - 1 and not _ENDS_ON_YEAR.search(line):
        return "bodies"              # (not "Vụ Hè Thu 2024": a season and its year, not a department)
    if len(line.split()) <= 16 and parse_deadline(line) is not None:
        return "deadline"
    return "text"


def _fits(role: str | None, kind: str) -> bool:
    if role in ("lead", "support"):
        return kind == "bodies"
    if role == "deadline":
        return kind == "deadline"
    return kind == "text" and role in _TEXT_ROLES


def _place_leftovers(cells: list[str], data_roles: list[str | None], leftovers: list[tuple[str, str]]) -> None:
    """Lines after every cell is filled (a row cut by a page break): a body name cut after its head
    word is mended, text goes on the content."""
    for line, kind in leftovers:
        owner = next((q for q, role in enumerate(data_roles) if role in ("lead", "support") and _dangling_head(cells[q])),
                     None)
        if owner is not None and kind == "text" and line[:1].isupper() and len(line.split()) <= 8:
            cells[owner] += " " + line
        elif kind == "text" or "content" not in data_roles:
            cells[data_roles.index("content")] += " " + line
        else:
            cells[next(q for q, role in enumerate(data_roles) if _fits(role, kind) or role == "content")] += "; " + line


def _dangling_head(cell: str) -> bool:
    """The cell's last body is a head word alone ("Viện X, Cục"): its name went to the next page."""
    last = " ".join(re.split(r"[,;]", cell)[-1].split())
    return bool(last) and last[:1].isupper() and last.lower() in _bare_heads()


@cache
def _bare_heads() -> frozenset[str]:
    """Head nouns that are not a body by themselves (official names like "Chính phủ" are)."""
    data = load("bodies")
    official = {n.lower() for n in data["official_names"]}
    heads = data["heads"] + data["abbreviated_heads"]        # "Sở Tài chính; UBND" / "các xã, phường"
    return frozenset(h.lower() for h in heads if h.lower() not in official)
