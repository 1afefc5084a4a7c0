"""How the gold scores hold up when the real documents are degraded as OCR and text export do:
hard-wrapped lines (fixed width), OCR confusions in capitals and digits, and the document typeset as a
PDF (corpora/render.py: justified A4 pages, page numbers, tables) and read back from its text layer, as
most documents reach the service, or that PDF printed and scanned (corpora/scans/make_scans.py: 200 DPI,
noise, skew, a red seal, JPEG pages without a text layer) and read by OCR.

    python evaluation/robustness.py [--corpus ../shared/corpus/real] [--variants clean pdf scan] [--per-doc]
        [--only ID ...]
"""
from __future__ import annotations

import argparse
import io
import multiprocessing
import random
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.score import DEFAULT_CORPUS, as_row, gold_docs, pooled, score_doc  # noqa: E402
from service.pipeline import analyze_bytes  # noqa: E402


def hard_wrap(text: str, width: int = 85) -> str:
    """Wrap every long paragraph line (not table rows) at `width` characters."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend([line] if " | " in line or len(line) <= width else textwrap.wrap(line, width))
    return "\n".join(out)


def ocr_noise(text: str, seed: int = 1) -> str:
    """Typical OCR confusions: Ỉ→Í in capitals, old tone placement, 0→Ø inside numbers."""
    rnd = random.Random(seed)
    text = text.replace("TỈNH", "TÍNH").replace("Ủy", "Uỷ")
    return re.sub(r"(?<=\d)0(?=\d)", lambda m: "Ø" if rnd.random() < 0.3 else "0", text)


def is_text_layer(text: str) -> bool:
    """The text is already a PDF's text layer: the plain-text reader finds it hard-wrapped, re-joins
    several of its lines or rebuilds a table given one cell per line. Typesetting it again would set
    each broken line or cell as a paragraph of its own, which no real document does."""
    from service.ingest import txt
    from service.layout import rebuild_tables, unwrap
    from service.layout.wrapping import wrap_width

    blocks = txt.read(text.encode("utf-8")).blocks
    return (wrap_width(blocks) is not None or len(rebuild_tables(blocks)) != len(blocks)
            or len(blocks) - len(unwrap(blocks)) >= REJOINED_LINES)


def as_pdf(text: str, name: str) -> tuple[bytes, str] | None:
    """The text typeset as the sample PDFs are (corpora/render.py), to be read back from its text layer.
    Each line is its own block (the corpus texts keep one paragraph per line, without the blank lines
    the renderer's convention expects); runs of table rows stay together."""
    import tempfile

    from corpora.render import parse, render_pdf

    if is_text_layer(text):
        return None
    lines = text.splitlines()
    spaced = [part for i, line in enumerate(lines) for part in
              ([line] if i + 1 < len(lines) and "|" in line and "|" in lines[i + 1] else [line, ""])]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "doc.pdf"
        render_pdf(parse("\n".join(spaced)), out, title=name)
        return out.read_bytes(), Path(name).with_suffix(".pdf").name


_MARKER = r"(?:[IVX][IVXivx]{0,3}|\d+(?:\.\d+)*|[a-zđ])[.)]"   # a list marker: "III.", "2.1.", "b)"


def typed(text: str) -> str:
    """The text as a typist sets it, undoing what segmenting the corpus did: marks spaced off ("chủ trì ,
    phối hợp", "8 % / năm", which on paper leave each mark a speck of its own that OCR drops), a list
    marker alone on its line ("2 ." / "Nội dung …") and Roman numerals recased ("Iii." for "III.")."""
    text = re.sub(r"([(\[]) ", r"\1", re.sub(r" ([,;:.!?)\]%])", r"\1", text))
    text = re.sub(r'"[ \t]([^"\n]*?)[ \t]"', r'"\1"', text)
    text = re.sub(r"(?<=[\w%]) / (?=\w)", "/", re.sub(r"(?m)^(\d+) / (?=[^\W\d_][^\W\d_A-ZĐ])", r"\1/ ", text))
    text = re.sub(rf"(?m)^({_MARKER})[ \t]*\n(?=\S)(?!{_MARKER}\s)", r"\1 ", text)
    return re.sub(r"(?m)^([IVX][ivx]{1,3})(?=\.\s)", lambda m: m.group(1).upper(), text)


def as_scan(text: str, name: str) -> tuple[bytes, str] | None:
    """The typeset PDF (`as_pdf`) as a degraded scan: image pages only, so the service reads it by OCR."""
    from corpora.scans.make_scans import SCAN_DPI, degrade, rasterise, to_pdf

    made = as_pdf(typed(text), name)
    if made is None:
        return None
    pages = [degrade(page, seed=n) for n, page in enumerate(rasterise(io.BytesIO(made[0]), SCAN_DPI), 1)]
    scanned = io.BytesIO()
    to_pdf(pages, scanned, SCAN_DPI)
    return scanned.getvalue(), Path(name).with_suffix(".scan.pdf").name


def _as_text(perturb):
    """A text perturbation as a variant: (bytes, file name) to analyse."""
    return lambda text, name: (perturb(text).encode("utf-8"), name)


REJOINED_LINES = 3           # a title run on into its first line is no text layer; three re-joined lines are
FIELDS = ("tasks", "lead", "support", "deadline", "targets")


PERTURBATIONS = {"clean": _as_text(lambda t: t), "hard_wrap": _as_text(hard_wrap), "ocr_noise": _as_text(ocr_noise),
                 "both": _as_text(lambda t: ocr_noise(hard_wrap(t))), "pdf": as_pdf, "scan": as_scan}
TYPESET = ("pdf", "scan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--variants", nargs="+", choices=list(PERTURBATIONS),
                        default=[n for n in PERTURBATIONS if n != "scan"],
                        help="default: all but scan (OCR of every page: about 30 minutes on 2 cores)")
    parser.add_argument("--per-doc", action="store_true", help="one row per document whose F1 moves")
    parser.add_argument("--only", nargs="+", help="score only these document ids")
    args = parser.parse_args()
    print(f"{'variant':<10} " + " ".join(f"{f:>8}" for f in FIELDS) + "   meta number/date")
    rows: dict[str, dict[str, dict | None]] = {}
    for name in args.variants:
        rows[name] = per_doc(args.corpus, name, args.only)
        print_pooled(name, rows[name])
    made = [n for n in TYPESET if n in rows]         # typeset variants leave out texts already a text layer
    if made:
        typeset = {k for k, v in rows[made[0]].items() if v}
        for name in (n for n in args.variants if n not in TYPESET):
            print_pooled(f"{name}*", {k: v for k, v in rows[name].items() if k in typeset})
        print(f"  * on the {len(typeset)} documents typeset as PDF (the others are already a PDF's text layer)")
    if args.per_doc:
        print_moves(rows, args.variants)
    return 0


def print_pooled(name: str, rows: dict[str, dict | None]) -> None:
    result = pooled([row for row in rows.values() if row])
    meta = result["metadata"]
    print(f"{name:<10} " + " ".join(f"{result[f]['f1']:>8.3f}" for f in FIELDS)
          + f"   {meta['number']:.2f}/{meta['issued_on']:.2f}")


def per_doc(corpus: Path, variant: str, only: list[str] | None = None) -> dict[str, dict | None]:
    """Every annotated document (the shared gold and ours; `only` these ids if given), perturbed, analysed
    and scored: its row of evaluation/score.py, or None when the variant does not apply to it. Two
    documents at a time, or one for scans, whose OCR already runs a tesseract per core."""
    docs = [d for d in gold_docs(corpus) if not only or d.id in only]
    with multiprocessing.get_context("fork").Pool(1 if variant == "scan" else 2) as pool:
        return dict(pool.map(_score_one, [(d, variant) for d in docs], chunksize=1))


def _score_one(job: tuple) -> tuple[str, dict | None]:
    doc_gold, variant = job
    made = PERTURBATIONS[variant](doc_gold.path.read_text(encoding="utf-8"), doc_gold.path.name)
    if made is None:
        return doc_gold.id, None
    return doc_gold.id, as_row(score_doc(doc_gold, lambda _: analyze_bytes(*made)))


def print_moves(rows: dict[str, dict[str, dict | None]], variants: list[str]) -> None:
    """Documents where a field's F1 differs between the first variant and another by 0.05 or more."""
    first = variants[0]
    for name in variants[1:]:
        for doc_id, row in rows[name].items():
            base = rows[first][doc_id]
            if not row or not base:
                continue
            moves = {f: (_f1(base, f), _f1(row, f)) for f in FIELDS}
            if any(abs(a - b) >= 0.05 for a, b in moves.values()):
                print(f"  {name} {doc_id:<12} " + " ".join(f"{f} {a:.2f}→{b:.2f}" for f, (a, b) in moves.items()
                                                         if abs(a - b) >= 0.05))


def _f1(row: dict, field: str) -> float:
    return pooled([row])[field]["f1"]


if __name__ == "__main__":
    sys.exit(main())
