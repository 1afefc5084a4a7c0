"""Assignment tables (bảng phân công nhiệm vụ): recognise column roles from the header row and
turn each row into a task with its lead, support, deadline, output and budget cells."""
from __future__ import annotations

import re
from functools import cache

from ..document import Body, Cell, Document, Output, Table, TableRow, Task
from ..extract.bodies import as_body, parse_body_list
from ..extract.budget import find_budget
from ..extract.deadlines import parse_deadline
from ..extract.outputs import find_output
from ..lexicons import load


@cache
def _roles() -> dict[str, list[str]]:
    return load("structure")["table_columns"]


def column_roles(header: list[str]) -> dict[str, int]:
    """Role → column index for a header row ("Cơ quan chủ trì" → lead)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        text = cell.lower().strip(" .*")
        for role, words in _roles().items():
            if role in found:
                continue
            if (role == "number" and text in words) or (role != "number" and any(w in text for w in words)):
                found[role] = index
                break
    return found


def recognise(doc: Document) -> Document:
    """Fill each table's `header` and `columns`; a headerless table continuing an assignment
    table with as many columns (a page break) takes that table's columns."""
    previous: Table | None = None
    for table in doc.tables:
        header = _header_cells(table)
        roles = column_roles(header)
        if "content" in roles and ("lead" in roles or "deadline" in roles) and not _timetable(header, roles):
            table.header, table.columns = header, roles
            previous = table
        elif previous and len(header) == len(previous.header):
            table.columns = dict(previous.columns)
    return doc


def _timetable(header: list[str], roles: dict[str, int]) -> bool:
    """"Thời gian | Nội dung | Ghi chú": a schedule of what happens when, its time first and no other column but
    notes (`timetable_columns`), names no one to do anything: not an assignment table (ANNOTATION.md §2)."""
    if roles.get("deadline", len(header)) > roles["content"]:
        return False
    others = [cell.lower().strip(" .*") for i, cell in enumerate(header) if i not in (roles["deadline"], roles["content"])]
    return all(cell in load("structure")["timetable_columns"] for cell in others if cell)


def _header_cells(table: Table) -> list[str]:
    """The header, joining a second header row ("Cơ quan thực hiện" over "Chủ trì | Phối hợp")."""
    header = [c.text for c in table.rows[0].cells]
    if len(table.rows) > 1 and _is_header_row(table.rows[1]):
        second = [c.text for c in table.rows[1].cells]
        header = [f"{a} {b}".strip() if b else a for a, b in zip(header, second)]
    return header


def _is_header_row(row: TableRow) -> bool:
    """A row of column titles: short cells, most of them naming a column role."""
    texts = [c.text for c in row.cells if c.text.strip()]
    roles = column_roles([c.text for c in row.cells])
    return len(roles) >= 2 and len(roles) >= 0.6 * len(texts) and all(len(t) <= 40 for t in texts)


def table_tasks(doc: Document, section_ids: dict[int, str] | None = None) -> list[Task]:
    """One task per data row of every assignment table."""
    tasks: list[Task] = []
    for table in doc.tables:
        if not table.columns:
            continue
        rows = table.rows[1:] if table.header else table.rows
        for index, row in enumerate(rows):
            if _is_header_row(row) or _numbers_columns(row) or _heads_sub_rows(table, row, rows[index + 1:index + 2]):
                continue   # the header again or its second row; a group row over lettered rows
            task = _row_task(table, row)
            if task:
                tasks.append(task)
    return tasks


def _cell(row: TableRow, table: Table, role: str) -> Cell | None:
    index = table.columns.get(role)
    if index is None or index >= len(row.cells):
        return None
    cell = row.cells[index]
    return cell if cell.text.strip() else None


def _row_task(table: Table, row: TableRow) -> Task | None:
    content = _cell(row, table, "content")
    if content is None or _is_group_row(row, table, content):
        return None
    task = Task(id="", text=content.text, start=content.start, end=content.end, origin="table")
    lead, support = _cell(row, table, "lead"), _cell(row, table, "support")
    task.lead = cell_bodies(lead) if lead else []
    task.support = cell_bodies(support) if support else []
    deadline = _cell(row, table, "deadline")
    task.deadline = parse_deadline(deadline.text, deadline.start) if deadline else None
    task.output = _row_output(table, row, task)
    budget = _cell(row, table, "budget")
    task.budget = find_budget(budget.text, budget.start) if budget else None
    return task


def _row_output(table: Table, row: TableRow, task: Task) -> Output | None:
    """The product column's cell ("Nhiệm vụ", "-" there name none); without that column or where the row
    leaves its cell blank, the product the content names ("Xây dựng cơ sở dữ liệu …")."""
    output = _cell(row, table, "output")            # None without the column or where the cell is blank
    if output is None:
        return find_output(task.text, task.start)
    if output.text.strip().lower() not in load("structure")["empty_outputs"]:
        return Output(text=output.text, start=output.start, end=output.end)
    return None


def _is_group_row(row: TableRow, table: Table, content: Cell) -> bool:
    """A row that only names a group of tasks ("I | NHÓM NHIỆM VỤ VỀ THỂ CHẾ | | |")."""
    others = [c for i, c in enumerate(row.cells)
              if c is not content and i != table.columns.get("number") and c.text.strip()]
    letters = [ch for ch in content.text if ch.isalpha()]
    return not others and (all(ch.isupper() for ch in letters) or bool(
        re.match(r"[IVX]+$|[A-Z]$", _number_text(row, table))))


def _numbers_columns(row: TableRow) -> bool:
    """The row of column numbers under a header: "(1) | (2) | (3)" or "1 | 2 | 3"."""
    texts = [c.text.strip() for c in row.cells if c.text.strip()]
    return len(texts) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", t) for t in texts) \
        and [int(re.sub(r"\D", "", t)) for t in texts] == list(range(int(re.sub(r"\D", "", texts[0])),
                                                                    int(re.sub(r"\D", "", texts[0])) + len(texts)))


def _heads_sub_rows(table: Table, row: TableRow, following: list[TableRow]) -> bool:
    """A row with only a number and a content cell, followed by a row numbered one level down
    ("2 | Rà soát văn bản" then "a) | …"): it names a group of tasks."""
    content = _cell(row, table, "content")
    others = [c for i, c in enumerate(row.cells) if c is not content and i != table.columns.get("number") and c.text.strip()]
    if others or not following or "number" not in table.columns:
        return False
    here, nxt = _number_text(row, table), _number_text(following[0], table)
    return bool(re.fullmatch(r"\d+", here) and re.fullmatch(r"[a-zđ]\)?|\d+\.\d+", nxt))


def _number_text(row: TableRow, table: Table) -> str:
    cell = _cell(row, table, "number")
    return cell.text.strip(" .") if cell else ""


def cell_bodies(cell: Cell) -> list[Body]:
    """Bodies of a lead/support cell; text the gazetteer does not know is kept as one body each."""
    bodies: list[Body] = []
    pos = 0
    text = cell.text
    for part in re.finditer(r"[^;,\n]+(?:,\s*(?=[a-zđà-ỹ])[^;,\n]+)*", text):
        if part.start() < pos:
            continue
        found, end = parse_body_list(text, part.start(), cell.start)
        if found and found[0].start == cell.start + part.start() + (len(part.group()) - len(part.group().lstrip())):
            bodies.extend(found)
            pos = end
            continue
        name = part.group().strip(" .")
        if name and not re.fullmatch(r"(?i)và|các|\W*", name):
            offset = cell.start + part.start() + part.group().find(name)
            bodies.append(as_body(name, offset))
            pos = part.end()
    return bodies
