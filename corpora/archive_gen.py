"""A large synthetic archive across province, district and commune levels, with known parents.

Each province programme is a draw of 15–30 task variants (corpora/archive.py's pool, built from our
samples); each of its districts' plans is made from it with corpora/synthetic.py's copy edits
(level swap, dropped, verbatim, reworded, detailed tasks) plus local tasks, and each commune plan
likewise from its district plan. A share of plans cite their parent's number in the basis; the
rest can only be linked by content. Numbers repeat across provinces, as real ones do.

    python corpora/archive_gen.py --docs 20000 --out /tmp/arch [--format txt|json]
    # writes <id>.txt (or .json, the analysis JSON) per document and truth.csv (id, level, parent)
"""
from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpora.archive import base_tasks, make_doc, variant_pool  # noqa: E402
from corpora.synthetic import NEW_TASKS, SAMPLES, _lower_task  # noqa: E402
from service.document import Citation, Document  # noqa: E402

PROVINCES = ["Lào Cai", "Yên Bái", "Hà Giang", "Lai Châu", "Sơn La", "Điện Biên", "Cao Bằng", "Tuyên Quang"]
LEVELS = {1: ("Tỉnh ủy", "CTr/TU", "chuong_trinh"), 2: ("Huyện ủy", "KH/HU", "ke_hoach"),
          3: ("Đảng ủy xã", "KH/ĐU", "ke_hoach")}
CITE_SHARE = 0.6


@dataclass
class GenDoc:
    """One generated document and its truth."""

    id: str
    level: int                     # 1 province, 2 district, 3 commune
    parent: str | None
    number: str
    issuer: str
    issued: date
    cites: bool
    tasks: list[str] = field(default_factory=list)


def _issuer(level: int, k: int) -> str:
    name = LEVELS[level][0]
    return f"{name} {PROVINCES[k % len(PROVINCES)]}" if level == 1 else f"{name} Số {k}"


def _child(parent: GenDoc, level: int, k: int, pool: list[str], rng: random.Random) -> GenDoc:
    """A lower plan made from `parent` with copy edits, local tasks and a later date."""
    swap = "province" if level == 2 else "district"
    tasks = [made[0] for t in parent.tasks if (made := _lower_task(t, rng, swap)) and len(made[0]) > 15]
    local = rng.sample(pool, rng.randint(1, 3)) + rng.sample(NEW_TASKS, rng.randint(0, 2))
    for text in local:
        tasks.insert(rng.randrange(len(tasks) + 1), text)
    number = f"{rng.randint(1, 400)}-{LEVELS[level][1]}"
    issued = parent.issued + timedelta(days=rng.randint(7, 90))
    return GenDoc(f"L{level}-{k:06d}", level, parent.id, number, _issuer(level, k), issued,
                  rng.random() < CITE_SHARE, tasks)


def generate(n_docs: int, seed: int = 0, districts: int = 8, communes: int = 4,
             pool: list[str] | None = None) -> list[GenDoc]:
    """About `n_docs` documents: province programmes, their districts' and communes' plans."""
    rng = random.Random(seed)
    pool = pool or [t for t, _ in variant_pool(base_tasks(sorted(SAMPLES.glob("*.txt"))), seed)]
    out: list[GenDoc] = []
    while len(out) < n_docs:
        k = len(out)
        issued = date(rng.randint(2020, 2024), rng.randint(1, 12), rng.randint(1, 28))
        top = GenDoc(f"L1-{k:06d}", 1, None, f"{rng.randint(1, 300)}-CTr/TU", _issuer(1, k), issued,
                     False, rng.sample(pool, rng.randint(15, 30)))
        out.append(top)
        for _ in range(districts):
            mid = _child(top, 2, len(out), pool, rng)
            out.append(mid)
            for _ in range(communes):
                out.append(_child(mid, 3, len(out), pool, rng))
    return out[:n_docs]


def to_document(g: GenDoc, parent: GenDoc | None) -> Document:
    """The document as the pipeline would describe it (metadata, basis, one task per line)."""
    kind = LEVELS[g.level][2]
    basis = [Citation(number=parent.number, issued_on=parent.issued, issuer=parent.issuer,
                      text=f"{parent.number}")] if parent and g.cites else []
    return make_doc(g.tasks, g.number, g.issued, kind=kind, issuer=g.issuer, basis=basis)


def to_text(g: GenDoc, parent: GenDoc | None) -> str:
    """A TXT plan in our samples' layout (header, title, basis sentence, numbered tasks)."""
    head = "CHƯƠNG TRÌNH HÀNH ĐỘNG" if g.level == 1 else "KẾ HOẠCH"
    if g.level == 1:
        cite = "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"
    elif parent and g.cites:
        named = "Chương trình hành động" if parent.level == 1 else "Kế hoạch"
        cite = f"thực hiện {named} số {parent.number} ngày {parent.issued:%d/%m/%Y} của {parent.issuer}"
    else:
        cite = "về đẩy mạnh chuyển đổi số và cải cách hành chính"
    lines = [f"{g.issuer.upper()} | ĐẢNG CỘNG SẢN VIỆT NAM", "* | ",
             f"Số {g.number} | ngày {g.issued.day:02d} tháng {g.issued.month:02d} năm {g.issued.year}", "",
             head, cite, "", f"{cite[0].upper()}{cite[1:]}, {g.issuer} xây dựng {head.lower()} như sau:",
             "I. NHIỆM VỤ, GIẢI PHÁP"]
    lines += [f"{i}. {text}" for i, text in enumerate(g.tasks, 1)]
    lines += ["", "Nơi nhận: | T/M BAN THƯỜNG VỤ", "- Như trên, | BÍ THƯ", "- Lưu. | Nguyễn Văn A"]
    return "\n".join(lines) + "\n"


def write(docs: list[GenDoc], out: Path, fmt: str = "txt") -> Path:
    """One file per document and truth.csv (id, file, level, parent, number, cites)."""
    out.mkdir(parents=True, exist_ok=True)
    by_id = {g.id: g for g in docs}
    with (out / "truth.csv").open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(["id", "file", "level", "parent", "number", "cites"])
        for g in docs:
            parent = by_id.get(g.parent) if g.parent else None
            body = to_text(g, parent) if fmt == "txt" else to_document(g, parent).to_json()
            (out / f"{g.id}.{fmt}").write_text(body, encoding="utf-8")
            rows.writerow([g.id, f"{g.id}.{fmt}", g.level, g.parent or "", g.number, int(g.cites)])
    return out / "truth.csv"


if __name__ == "__main__":
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--format", choices=("txt", "json"), default="txt")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    began = time.perf_counter()
    docs = generate(args.docs, args.seed)
    write(docs, args.out, args.format)
    print(f"{len(docs)} documents written to {args.out} in {time.perf_counter() - began:.1f}s")
