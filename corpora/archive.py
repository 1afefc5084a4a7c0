"""A synthetic archive for the find-source benchmark, built quickly without analysing files.

Task texts come from our samples and the shared real documents; each is varied (reworded with
corpora/synthetic.py's synonyms, or spliced with another task) into a pool of variants normalised
once. An archive document is a random draw of 15–40 variants, written as a `Document` object
directly into the store with its normalised tasks precomputed. A query is a lower plan made from
an archive document as corpora/synthetic.py makes one (level swap, dropped, reworded, detailed
and new tasks), so its upper is known.

    python corpora/archive.py --docs 200 --store /tmp/arc200
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpora.synthetic import NEW_TASKS, SAMPLES, _lower_task, reword  # noqa: E402
from service.archive.signature import task_norms  # noqa: E402
from service.document import Document, Metadata, Task  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "real"
VARIANTS = 8
ISSUERS = ["Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Bộ", "Chính phủ", "Ban Thường vụ Tỉnh ủy"]


def source_files() -> list[Path]:
    """Our TXT samples and the shared real documents (where present)."""
    files = sorted(SAMPLES.glob("*.txt"))
    for sub in ("docs", "segmented_2009_2010"):
        files += sorted((REAL / sub).glob("*.txt"))
    return files


def base_tasks(files: list[Path] | None = None) -> list[str]:
    """Every task text of the source files (default: all), whitespace collapsed."""
    from service.pipeline import analyze_file

    texts = (_clean(t.text) for f in files or source_files() for t in analyze_file(f).tasks)
    return [t for t in texts if len(t) > 20]


def _clean(text: str) -> str:
    """Whitespace collapsed and no empty clause (synthetic.reword splits on ';')."""
    text = re.sub(r"\s*;\s*(?=[;.]|$)", "", " ".join(text.split()))
    return text.strip(" ;")


def _splice(a: str, b: str, rng: random.Random) -> str:
    wa, wb = a.split(), b.split()
    return " ".join(wa[:max(3, rng.randrange(len(wa)))] + wb[rng.randrange(len(wb)) // 2:])


def _scramble(text: str, rng: random.Random, vocab: list[str], share: float) -> str:
    """Replace a share of the lower-case words with random pool words (another topic's wording)."""
    words = text.split()
    return " ".join(rng.choice(vocab) if w.isalpha() and w.islower() and rng.random() < share else w
                    for w in words)


def variant_pool(tasks: list[str], seed: int = 0, variants: int = VARIANTS,
                 share: float = 0.3) -> list[tuple[str, str]]:
    """(text, normalised text) variants of each base task: reworded or spliced with another,
    then a `share` of its words swapped, so that unrelated documents rarely share wording."""
    rng = random.Random(seed)
    vocab = sorted({w for t in tasks for w in t.split() if w.isalpha() and w.islower()})
    texts: list[str] = []
    for text in tasks:
        for _ in range(variants):
            varied = reword(text, rng) if rng.random() < 0.4 else _splice(text, rng.choice(tasks), rng)
            texts.append(_scramble(varied, rng, vocab, share))
    unique = list(dict.fromkeys(texts))
    return [(t, " ".join(task_norms(t))) for t in unique]


def make_doc(tasks: list[str], number: str, issued: date, kind: str = "chuong_trinh",
             issuer: str = "Tỉnh ủy", basis: list | None = None) -> Document:
    """A Document with these task texts (one line each), offsets into its text."""
    lines, out, pos = [], [], 0
    for i, text in enumerate(tasks, 1):
        line = f"{i}. {text}"
        out.append(Task(id=f"t{i}", text=line, start=pos, end=pos + len(line)))
        lines.append(line)
        pos += len(line) + 1
    meta = Metadata(kind=kind, number=number, issuer=issuer, issued_on=issued, basis=basis or [])
    return Document(text="\n".join(lines), tasks=out, metadata=meta)


@dataclass
class Upper:
    doc: Document
    norms: list[str]


def archive_docs(n: int, pool: list[tuple[str, str]], seed: int = 0) -> list[Upper]:
    """`n` archive documents, each a random draw of 15–40 pool variants."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        picked = rng.sample(pool, rng.randint(15, 40))
        issued = date(rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28))
        doc = make_doc([t for t, _ in picked], f"{k + 1}-CTr/SYN", issued,
                       issuer=f"{rng.choice(ISSUERS)} {k % 97}")
        out.append(Upper(doc, [norm for _, norm in picked]))
    return out


def lower_of(upper: Document, seed: int) -> Document:
    """A lower plan implementing `upper` (corpora/synthetic.py's moves), issued after it."""
    rng = random.Random(seed)
    tasks = []
    for task in upper.tasks:
        made = _lower_task(task.text.split(". ", 1)[-1], rng, "province")
        if made and len(made[0]) > 15:
            tasks.append(made[0])
    for text in rng.sample(NEW_TASKS, rng.randint(2, 5)):
        tasks.insert(rng.randrange(len(tasks) + 1), text)
    issued = upper.metadata.issued_on.replace(year=upper.metadata.issued_on.year + 1)
    return make_doc(tasks, f"{seed}-KH/HU", issued, kind="ke_hoach", issuer="Huyện ủy")


if __name__ == "__main__":
    import argparse
    import time

    from service.archive import Archive

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--store", type=Path, required=True)
    args = parser.parse_args()
    began = time.perf_counter()
    docs = archive_docs(args.docs, variant_pool(base_tasks()))
    archive = Archive.open(args.store)
    added = sum(archive.add(u.doc, f"synthetic:{i}", u.norms) is not None for i, u in enumerate(docs))
    archive.close()
    print(f"{added} documents added to {args.store} in {time.perf_counter() - began:.1f}s")
