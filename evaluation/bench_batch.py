"""Archive-scale benchmark of `rasoat batch`, in one run:

(a) documents per second of the per-document pass (analysis, JSON, Parquet parts) over N generated
    TXT plans (corpora/archive_gen.py): a plain single-process loop against Dask LocalClusters of
    1 and 2 single-threaded worker processes (cluster start-up timed apart); peak RSS per worker
    (getrusage on each worker);
(b) archive-wide linking of M synthetic documents built as Document objects directly (no file
    analysis): signatures computed on the 2-worker cluster, then links (citations, then LSH +
    level/date rules) timed, with precision and recall of the parent links against the
    generator's truth, overall and for plans that do not cite their parent;
(c) copy checks (lexical) per second on linked pairs, 2 workers;
(d) a projection for a 16-node cluster.

    python evaluation/bench_batch.py [--docs 300] [--link-docs 10000] [--json out.json]
    python evaluation/bench_batch.py --pass-only --docs 60 --extractors rules hybrid   # per worker, both extractors
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpora import archive_gen as gen  # noqa: E402
from service.archive import signature as sg  # noqa: E402
from service.batch.archive_pass import copy_pair  # noqa: E402
from service.batch.cluster import bounded_map, dask_client  # noqa: E402
from service.archive.levels import level_of  # noqa: E402
from service.batch.links import Node, link_all  # noqa: E402
from service.batch.run import local_map, run_pass  # noqa: E402
from service.batch.inputs import folder_items  # noqa: E402
from service.jobs.warmup import warm_up  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(source: Path, work: Path, workers: int | None, extractor: str | None = None) -> dict:
    """One per-document pass (None workers: the plain loop in this process); models loaded before timing."""
    out = work / f"out-{workers or 'plain'}-{extractor or 'default'}"
    if workers is None:
        warm_up(extractor)
        report = run_pass(folder_items(source), out, local_map, extractor=extractor)
        return {"runner": "plain loop", "extractor": extractor or "default", "workers": 1, "startup_s": 0.0, "seconds": report.seconds,
                "docs": report.analysed, "docs_per_s": round(report.analysed / report.seconds, 2),
                "peak_rss_mb_per_worker": round(peak_rss_mb(), 1)}
    began = time.perf_counter()
    with dask_client(None, workers, processes=True) as client:
        client.run(warm_up, extractor)
        startup = time.perf_counter() - began
        report = run_pass(folder_items(source), out, partial(bounded_map, client), extractor=extractor)
        rss = client.run(peak_rss_mb)
    return {"runner": f"dask {workers} worker(s)", "extractor": extractor or "default", "workers": workers, "startup_s": round(startup, 2),
            "seconds": report.seconds, "docs": report.analysed,
            "docs_per_s": round(report.analysed / report.seconds, 2),
            "peak_rss_mb_per_worker": round(max(rss.values()), 1)}


def signature_of(doc_json: str) -> tuple[list[str], bytes]:
    """Normalised tasks and MinHash of one document (runs on a worker)."""
    from service.document import Document

    norms = sg.normalised_tasks(Document.model_validate_json(doc_json))
    return norms, sg.to_bytes(sg.minhash(sg.shingles(norms)))


def linking(n: int) -> dict:
    """Generate n documents, sign them on 2 workers, link them; precision/recall vs truth."""
    began = time.perf_counter()
    docs = gen.generate(n, seed=7)
    by_id = {g.id: g for g in docs}
    built = {g.id: gen.to_document(g, by_id.get(g.parent)) for g in docs}
    generated = time.perf_counter() - began
    began = time.perf_counter()
    with dask_client(None, 2, processes=True) as client:
        args = ((g.id, built[g.id].to_json()) for g in docs)
        signed = dict((a[0], r) for a, r in bounded_map(client, lambda i, j: signature_of(j), args))
    signing = time.perf_counter() - began
    nodes = [Node(g.id, g.number, level_of(g.issuer), g.issued,
                  [sg.number_key(c.number) for c in built[g.id].metadata.basis], sg.from_bytes(signed[g.id][1]))
             for g in docs]
    began = time.perf_counter()
    links = link_all(nodes)
    seconds = time.perf_counter() - began
    norms = {i: s[0] for i, s in signed.items()}
    sub = nodes[:1000]
    began = time.perf_counter()
    reranked = link_all(sub, lambda i: norms[i], rerank=2)
    rerank_s = time.perf_counter() - began
    return {"docs": n, "generate_s": round(generated, 1), "signatures_s_2_workers": round(signing, 1),
            "link_s": round(seconds, 2), "link_docs_per_s": round(n / seconds, 1),
            **scores(links, by_id), "rerank2_on_1000": {"link_s": round(rerank_s, 2),
                                                        **scores(reranked, by_id, {x.sha256 for x in sub})},
            "pairs": [(r["sha256"], r["parent_sha256"]) for r in links[:200]], "_built": built}


def scores(links: list[dict], truth: dict, among: set[str] | None = None) -> dict:
    """Precision and recall of rank-1 parent links (recall: of documents with a parent in scope)."""
    among = among or set(truth)
    made = {r["sha256"]: r["parent_sha256"] for r in links}
    has = [i for i in among if truth[i].parent and truth[i].parent in among]
    right = sum(made.get(i) == truth[i].parent for i in has)
    uncited = [i for i in has if not truth[i].cites]
    return {"links": len(made), "precision": round(right / max(len(made), 1), 4),
            "recall": round(right / max(len(has), 1), 4),
            "recall_uncited": round(sum(made.get(i) == truth[i].parent for i in uncited) / max(len(uncited), 1), 4)}


def copy_rate(pairs: list[tuple[str, str]], built: dict) -> dict:
    args = [(a, b, built[a].to_json(), built[b].to_json()) for a, b in pairs]
    with dask_client(None, 2, processes=True) as client:
        client.run(warm_up)
        began = time.perf_counter()
        rows = [r for _, r in bounded_map(client, copy_pair, args)]
        seconds = time.perf_counter() - began
    return {"pairs": len(rows), "seconds": round(seconds, 2), "pairs_per_s_2_workers": round(len(rows) / seconds, 2)}


def projection(runs: list[dict], link: dict, copy: dict, nodes: int = 16, cores: int = 8) -> dict:
    """Documents/s and hours for 1M documents on `nodes` × `cores` single-threaded workers."""
    one = next(r for r in runs if r["workers"] == 1 and r["runner"].startswith("dask"))
    two = next(r for r in runs if r["workers"] == 2)
    efficiency = min(1.0, two["docs_per_s"] / (2 * one["docs_per_s"]))
    rate = one["docs_per_s"] * nodes * cores * efficiency
    link_hours = 1e6 / link["link_docs_per_s"] / 3600
    copy_hours = 0.9e6 / (copy["pairs_per_s_2_workers"] / 2 * nodes * cores * efficiency) / 3600
    return {"nodes": nodes, "cores_per_node": cores, "scaling_efficiency": round(efficiency, 3),
            "docs_per_s": round(rate, 1), "pass_hours_1M": round(1e6 / rate / 3600, 2),
            "link_hours_1M_client": round(link_hours, 2), "copy_hours_0.9M_pairs": round(copy_hours, 2),
            "assumptions": [
                f"{cores} cores per node, one single-threaded worker per core, each as fast as one "
                f"worker here ({one['docs_per_s']} docs/s on generated TXT plans; PDF/DOCX are slower, OCR far slower)",
                f"scaling efficiency measured here from 1 to 2 workers ({efficiency:.2f}) holds to {nodes * cores} workers",
                "the client keeps up: it reads source bytes and writes JSON/Parquet parts (shared storage, ~50 KB JSON per document)",
                "linking runs on the client with an in-memory LSH (≈1 KB signature per document, ~2–3 GB for 1M) and "
                "its per-document cost stays as measured here; it grows with the LSH candidates per query, which in "
                "this synthetic archive (one pool of task variants) are a large share of the archive, so 1M "
                "documents on one topic would need a higher LSH threshold or linking sharded by province/year",
                "about 90% of documents get a linked parent; the copy check (lexical) runs on the cluster"]}


def print_table(result: dict) -> None:
    print(f"\n{'runner':<20}{'extractor':>10}{'docs':>6}{'start s':>9}{'pass s':>9}{'docs/s':>9}{'peak MB/worker':>16}")
    for r in result["throughput"]:
        print(f"{r['runner']:<20}{r['extractor']:>10}{r['docs']:>6}{r['startup_s']:>9}{r['seconds']:>9}{r['docs_per_s']:>9}"
              f"{r['peak_rss_mb_per_worker']:>16}")
    if "linking" not in result:
        return
    link = result["linking"]
    print(f"\nlinking {link['docs']} synthetic documents: {link['link_s']} s ({link['link_docs_per_s']} docs/s; "
          f"signatures {link['signatures_s_2_workers']} s on 2 workers), {link['links']} links, "
          f"precision {link['precision']}, recall {link['recall']} (plans not citing their parent: "
          f"{link['recall_uncited']})")
    r2 = link["rerank2_on_1000"]
    print(f"  with content re-rank (top 2) on the first 1000: {r2['link_s']} s, precision {r2['precision']}, "
          f"recall {r2['recall']}")
    c = result["copy"]
    print(f"copy check: {c['pairs']} pairs in {c['seconds']} s = {c['pairs_per_s_2_workers']} pairs/s on 2 workers")
    p = result["projection"]
    print(f"\nprojection, {p['nodes']} nodes × {p['cores_per_node']} cores: {p['docs_per_s']} docs/s, "
          f"1M documents in {p['pass_hours_1M']} h; linking 1M on the client {p['link_hours_1M_client']} h; "
          f"copy checks {p['copy_hours_0.9M_pairs']} h")
    for a in p["assumptions"]:
        print(f"  - {a}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=300, help="generated TXT documents for throughput")
    parser.add_argument("--link-docs", type=int, default=10000, help="synthetic documents for linking")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--extractors", nargs="*", default=[None], choices=("rules", "model", "hybrid"),
                        help="extractors to time the pass with, each on a plain loop and 1 and 2 workers "
                             "(default: the catalogue's)")
    parser.add_argument("--pass-only", action="store_true", help="only the per-document pass (a), no linking")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        gen.write(gen.generate(args.docs, seed=3), work / "source")
        (work / "source" / "truth.csv").unlink()
        runs = [throughput(work / "source", work, w, e) for e in args.extractors for w in (None, 1, 2)]
    if args.pass_only:
        print_table({"throughput": runs})
        if args.json:
            args.json.write_text(json.dumps({"cpu_count": os.cpu_count(), "throughput": runs}, indent=1))
        return
    link = linking(args.link_docs)
    built = link.pop("_built")
    copy = copy_rate(link.pop("pairs"), built)
    result = {"cpu_count": os.cpu_count(), "throughput": runs, "linking": link, "copy": copy}
    result["projection"] = projection(runs, link, copy)
    print_table(result)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
