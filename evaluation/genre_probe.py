"""Score the genre probe: documents of the genre written blind for this project (`corpora/genre`).

The real corpus can no longer measure unseen text (every document of it has been annotated and scored
at first sight). The probe's documents were written and annotated by helpers who saw neither the code
nor its output, in the shapes of real documents (PDF text layers with hard-wrapped lines, page numbers
and one-cell-per-line annex tables; DOCX exports). Each is scored once before any rule changes for it,
and that score is kept in evaluation/genre_first_sight.json with its commit (`--record`). They are
our own writing, not officially issued documents: a proxy for unseen text, reported apart from the
real corpus and never pooled with it.

    python evaluation/genre_probe.py [--record] [--details] [--extractor rules|model|hybrid] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import (GoldDoc, as_row, load_first_sight, pooled, print_batches,  # noqa: E402
                              print_rows, print_summary, record_first_sight, score_doc)

GENRE = ROOT / "corpora" / "genre"
GENRE_FIRST_SIGHT = ROOT / "evaluation" / "genre_first_sight.json"


def genre_docs(folder: Path = GENRE) -> list[GoldDoc]:
    """Every gold file of the probe (`gold/<name>.json`, its text `<name>.txt` beside the gold folder)."""
    docs = []
    for path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        docs.append(GoldDoc(path.stem, gold, folder / gold["doc"]))
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--record", action="store_true", help="record first sight of documents not yet recorded")
    parser.add_argument("--details", action="store_true", help="print every task match")
    parser.add_argument("--extractor", choices=("rules", "model", "hybrid"))
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--allow-dirty", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    from service.pipeline import analyze_file

    analyze = partial(analyze_file, extractor=args.extractor)
    docs, rows, details = genre_docs(), {}, []
    for doc in docs:
        scores = score_doc(doc, analyze)
        rows[doc.id], details = as_row(scores), details + scores.details
    if args.record:
        added = record_first_sight(docs, rows, GENRE_FIRST_SIGHT, allow_dirty=args.allow_dirty)
        print("recorded first sight:", ", ".join(added) or "nothing new")
    first = load_first_sight(GENRE_FIRST_SIGHT)
    if args.details:          # only of documents already seen: a new one stays unseen until it is recorded
        print("\n".join(d for d in details if d.split()[0] in first["documents"]))
    print_rows(docs, rows, first)
    results = {"first_sight": pooled(list(first["documents"].values())),
               "current": pooled([rows[d.id] for d in docs if d.id in first["documents"]]),
               "documents": rows}
    print_summary("Genre probe at first sight (our own blind-written documents, as recorded in "
                  "evaluation/genre_first_sight.json)", results["first_sight"])
    print_batches(first)
    print_summary("Genre probe now (no longer unseen once rules change with it in view)", results["current"])
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
