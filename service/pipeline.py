"""The pipeline: ingest → layout → normalise → metadata → tables → tasks → fields → spans → task filter →
owners → deadlines → products → vagueness → checks, for one document or many.

The CLI, the API and batch jobs all call these functions. Each stage is `stage(doc) -> doc`;
timings are recorded per stage. `extractor` (rules | model | hybrid; None: the catalogue's default)
chooses who extracts owners, deadlines, targets and outputs (service/extract/stages.py).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import ingest
from .gaps import flag_gaps
from .document import Block, Document, SourceFile
from .errors import RasoatError
from .extract import stages as extract_stages
from .extract.fields import extract_fields
from .extract.task_filter import filter_tasks
from .layout import rebuild_layout
from .normalise import normalise
from .structure.header import extract_metadata
from .structure.tables import recognise
from .structure.tasks import segment
from .vagueness import score_vagueness

Stage = Callable[[Document], Document]
STAGES: list[tuple[str, Stage]] = [
    ("layout", rebuild_layout),
    ("normalise", normalise),
    ("metadata", extract_metadata),
    ("tables", recognise),
    ("tasks", segment),
    ("fields", extract_fields),
    ("spans", extract_stages.tag_spans),
    ("task_filter", filter_tasks),
    ("owners", extract_stages.owners),
    ("deadlines", extract_stages.deadlines),
    ("products", extract_stages.products),
    ("vagueness", score_vagueness),
    ("checks", flag_gaps),
]


def run_stages(doc: Document, stages: list[tuple[str, Stage]] = STAGES) -> Document:
    """Run the analysis stages on an ingested document, timing each."""
    for name, stage in stages:
        began = time.perf_counter()
        doc = stage(doc)
        doc.timings[name] = round(time.perf_counter() - began, 4)
    return doc


def analyze_file(path: str | Path, extractor: str | None = None) -> Document:
    """Read and analyse one file (PDF, DOCX, TXT, HTML)."""
    began = time.perf_counter()
    doc = ingest.read_file(path)
    doc.timings["ingest"] = round(time.perf_counter() - began, 4)
    doc.extractor = extractor
    return run_stages(doc)


def analyze_bytes(data: bytes, name: str, extractor: str | None = None) -> Document:
    """Read and analyse an uploaded file's bytes."""
    began = time.perf_counter()
    doc = ingest.read_bytes(data, name)
    doc.timings["ingest"] = round(time.perf_counter() - began, 4)
    doc.extractor = extractor
    return run_stages(doc)


def analyze_text(text: str, name: str = "input.txt", extractor: str | None = None) -> Document:
    """Analyse text already in memory (one paragraph per line)."""
    return analyze_bytes(text.encode("utf-8"), name, extractor)


def analyze_many(paths: Iterable[str | Path], extractor: str | None = None
                 ) -> Iterator[tuple[Path, Document | RasoatError]]:
    """Analyse files one by one; a file that fails yields its error and never stops the rest."""
    for path in paths:
        try:
            yield Path(path), analyze_file(path, extractor)
        except RasoatError as error:
            yield Path(path), error


__all__ = ["Block", "SourceFile", "analyze_file", "analyze_bytes", "analyze_text", "analyze_many", "run_stages"]
