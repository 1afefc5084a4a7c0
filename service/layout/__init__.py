"""Layout stage: what a text layer does to a document before its words are read — page furniture,
tables given one cell per line, lines broken at the page width — undone on `doc.blocks`."""
from __future__ import annotations

from ..document import Document
from .cell_tables import rebuild_tables
from .furniture import drop_furniture
from .wrapping import unwrap


def rebuild_layout(doc: Document) -> Document:
    """Drop page furniture, rebuild cell-per-line tables, re-join wrapped plain-text lines."""
    blocks = rebuild_tables(drop_furniture(doc.blocks))
    doc.blocks = unwrap(blocks) if doc.source.format == "txt" else blocks
    return doc


__all__ = ["rebuild_layout", "drop_furniture", "rebuild_tables", "unwrap"]
