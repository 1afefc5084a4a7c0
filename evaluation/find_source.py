"""find-source: top-1 accuracy on real and sample documents, and a 10,000-document benchmark.

(a) Archive = shared real documents (docs/ and segmented_2009_2010/), our TXT samples and
    synthetic lowers (corpora/synthetic.py, held-out seeds), all analysed and indexed. Queries =
    the files with a known upper (gold "upper_doc", a real document whose gold basis cites another
    real one, the sample pairs, synthetic lower → upper); top-1 and top-3 with citations and
    content-only, over all queries and over the real annotated pairs alone.
(b) Archive of N synthetic documents (corpora/archive.py) written as Document objects straight
    into the store (task normalisation precomputed once per distinct task text; no file
    analysis). Queries: lower plans made from archive documents, content-only. Our method (LSH
    candidates + task-level re-rank) against a plain MinHash scan (datasketch Jaccard estimate
    against every document): build time, query p50/p95, top-1 accuracy and agreement.

    python evaluation/find_source.py [--docs 10000] [--queries 50] [--skip-bench] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import archive as synth  # noqa: E402
from corpora.synthetic import SAMPLES, UPPERS, make_pair  # noqa: E402
from service.archive import Archive, find_sources, index_paths  # noqa: E402
from service.archive import signature as sg  # noqa: E402
from service.archive.rank import lsh_candidates  # noqa: E402
from service.pipeline import analyze_file  # noqa: E402

REAL = synth.REAL
PAIRS = {"huyen-uy-kh-chuyen-doi-so.txt": "tinh-uy-ctr-chuyen-doi-so.txt",
         "ubnd-kh-phan-cong.txt": "tinh-uy-ctr-chuyen-doi-so.txt"}
SYNTH_SEEDS = (100, 101)


def known_pairs(synthetic_dir: Path) -> dict[Path, str]:
    """Query file → file name of its upper: gold upper_doc, sample pairs, synthetic lowers."""
    pairs = {SAMPLES / lower: upper for lower, upper in PAIRS.items()}
    golds = [json.loads(g.read_text(encoding="utf-8")) for g in sorted((REAL / "gold").glob("*.json"))]
    by_number = {g["meta"]["number"]: g["doc"] for g in golds if g.get("meta", {}).get("number")}
    for data in golds:
        if data.get("upper_doc"):
            pairs[REAL / "docs" / data["doc"]] = data["upper_doc"]
        else:                                   # a real document whose gold basis cites another one
            cited = [by_number[n] for n in data.get("meta", {}).get("basis", []) if n in by_number]
            if cited:
                pairs[REAL / "docs" / data["doc"]] = cited[0]
    for upper in UPPERS:
        for seed in SYNTH_SEEDS:
            pair = make_pair(upper, seed)
            path = synthetic_dir / f"synthetic-{upper}@{seed}.txt"
            path.write_text(pair.lower_text, encoding="utf-8")
            pairs[path] = f"{upper}.txt"
    return pairs


def accuracy(store: Path, synthetic_dir: Path) -> dict:
    """(a): index everything, rank each query's candidates with and without citations. A query is
    right at rank k when one of its uppers is there: its known upper, or any stored document whose
    number its basis cites (a document implementing two uppers may name either)."""
    from service.archive import signature as sgn

    pairs = known_pairs(synthetic_dir)
    files = synth.source_files() + sorted(synthetic_dir.glob("*.txt"))
    archive = Archive.open(store)
    report = index_paths(files, archive)
    rows = []
    for query, upper in pairs.items():
        doc = analyze_file(query)
        cited = {sgn.number_key(c.number) for c in doc.metadata.basis if c.number}
        also = {Path(r.path).name for key in cited for r in archive.by_number(key)} - {query.name}
        row = {"query": query.name, "upper": upper, "also_cited": sorted(also - {upper}),
               "real": query.parent == REAL / "docs"}
        for mode, cite in (("cited", True), ("content", False)):
            found = find_sources(doc, archive, top=5, use_citations=cite)
            names = [Path(c.path).name for c in found]
            ok = {upper} | (also if cite else set())
            row[mode] = next((k for k, n in enumerate(names, 1) if n in ok), None)
            row[f"{mode}_top"] = names[0] if names else None
            row[f"{mode}_scores"] = [c.score for c in found[:2]]
        rows.append(row)
    real = [r for r in rows if r["real"]]
    top = {f"{m}_top{k}": round(sum(r[m] is not None and r[m] <= k for r in rows) / len(rows), 3)
           for m in ("cited", "content") for k in (1, 3)}
    top_real = {f"{m}_top{k}": round(sum(r[m] is not None and r[m] <= k for r in real) / len(real), 3)
                for m in ("cited", "content") for k in (1, 3)} if real else {}
    return {"archive": len(archive), "failed": report.failed, "queries": rows,
            "top1": {m: top[f"{m}_top1"] for m in ("cited", "content")}, "all": top,
            "real_annotated_pairs": top_real | {"queries": len(real)}}


def percentiles(times: list[float]) -> dict:
    return {"p50_ms": round(float(np.percentile(times, 50)) * 1000, 2),
            "p95_ms": round(float(np.percentile(times, 95)) * 1000, 2)}


def benchmark(store: Path, n_docs: int, n_queries: int) -> dict:
    """(b): build both indexes over the same synthetic archive and time the same queries."""
    began = time.perf_counter()
    docs = synth.archive_docs(n_docs, synth.variant_pool(synth.base_tasks()))
    made = time.perf_counter() - began
    archive = Archive.open(store)
    t0 = time.perf_counter()
    for i, upper in enumerate(docs):
        archive.add(upper.doc, f"synthetic:{i}", upper.norms)
    archive.save()
    lsh_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    sigs = [sg.minhash(sg.shingles(u.norms)) for u in docs]
    scan_build = time.perf_counter() - t0
    ids = [sg.content_sha256(u.doc)[:16] for u in docs]
    rng = random.Random(5)
    picks = rng.sample(range(n_docs), n_queries)
    full_t, lsh_t, scan_t, cands, agree, ok_lsh, ok_scan = [], [], [], [], 0, 0, 0
    for k in picks:
        query = synth.lower_of(docs[k].doc, k)
        t0 = time.perf_counter()
        stats: dict = {}
        found = find_sources(query, archive, top=5, use_citations=False, stats=stats)
        full_t.append(time.perf_counter() - t0)
        cands.append(stats["lsh_candidates"])
        qsig = sg.minhash(sg.shingles(sg.normalised_tasks(query)))
        t0 = time.perf_counter()
        lsh_candidates(qsig, archive, "", 10)
        lsh_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        best = int(np.argmax([qsig.jaccard(s) for s in sigs]))
        scan_t.append(time.perf_counter() - t0)
        ours = found[0].id if found else None
        agree += ours == ids[best]
        ok_lsh += ours == ids[k]
        ok_scan += best == k
    return {"docs": n_docs, "queries": n_queries, "generate_s": round(made, 1),
            "lsh": {"build_s": round(lsh_build, 2), "retrieval": percentiles(lsh_t),
                    "find_source": percentiles(full_t), "top1": ok_lsh / n_queries,
                    "candidates_mean": round(float(np.mean(cands)), 1), "candidates_max": int(max(cands))},
            "scan": {"build_s": round(scan_build, 2), "retrieval": percentiles(scan_t),
                     "top1": ok_scan / n_queries, "candidates_mean": n_docs, "candidates_max": n_docs},
            "top1_agreement": agree / n_queries}


def print_accuracy(res: dict) -> None:
    print(f"(a) archive of {res['archive']} documents; {len(res['failed'])} failed to index")
    print(f"{'query':48} {'upper':36} cited content")
    for r in res["queries"]:
        print(f"{r['query'][:48]:48} {r['upper'][:36]:36} {str(r['cited']):>5} {str(r['content']):>7}")
    a, real = res["all"], res["real_annotated_pairs"]
    print(f"all {len(res['queries'])} queries: top-1 with citations {a['cited_top1']:.2f}, top-3 {a['cited_top3']:.2f}; "
          f"content only top-1 {a['content_top1']:.2f}, top-3 {a['content_top3']:.2f}")
    if real:
        print(f"real annotated pairs ({real['queries']}): top-1 with citations {real['cited_top1']:.2f}, "
              f"top-3 {real['cited_top3']:.2f}; content only top-1 {real['content_top1']:.2f}, "
              f"top-3 {real['content_top3']:.2f}\n")


def print_bench(res: dict) -> None:
    print(f"(b) {res['docs']} synthetic documents, {res['queries']} queries (content only); "
          "retrieval = candidates + Jaccard estimates, after the query's normalisation and MinHash")
    print(f"{'method':27} {'build s':>8} {'retr p50':>9} {'retr p95':>9} {'full p50':>9} {'full p95':>9} "
          f"{'top-1':>6} {'cands':>7}")
    for key, name in (("lsh", "LSH + task re-rank (ours)"), ("scan", "MinHash scan (baseline)")):
        m = res[key]
        full = m.get("find_source", {})
        print(f"{name:27} {m['build_s']:8.2f} {m['retrieval']['p50_ms']:7.1f}ms {m['retrieval']['p95_ms']:7.1f}ms "
              f"{_ms(full.get('p50_ms')):>9} {_ms(full.get('p95_ms')):>9} {m['top1']:6.2f} {m['candidates_mean']:7}")
    print(f"top-1 agreement {res['top1_agreement']:.2f}")


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--skip-bench", action="store_true")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "synthetic").mkdir()
        out["accuracy"] = accuracy(tmp / "real-store", tmp / "synthetic")
        print_accuracy(out["accuracy"])
        if not args.skip_bench:
            out["benchmark"] = benchmark(tmp / "bench-store", args.docs, args.queries)
            print_bench(out["benchmark"])
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
