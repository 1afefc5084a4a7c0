"""Mutation fuzzing of every reader (issue 11): PDF, DOCX, TXT, HTML, images (OCR) and ZIP batches.

Hypothesis draws a seed file of each family (our samples, scans, hostile cases of corpora/hostile.py,
small generated images) and a list of mutations — byte flips, inserts, deletions, duplicated and
spliced ranges, truncation, extreme numbers in place of numbers, magic tokens; for DOCX and ZIP the
members are mutated and re-zipped too. Each input goes through `service.ingest.read_bytes` (ZIP:
`expand_zip`), and every 5th one that reads also through the analysis stages. The property: a
Document or a RasoatError (a clean, coded error) — anything else is a crash, and so is a worker
process that dies or an input that runs past --timeout seconds. Crashing inputs are saved.

    python evaluation/fuzz.py --inputs 100000 --workers 2 --json evaluation/results/fuzz.json
    python evaluation/fuzz.py --inputs 300 --ocr on       # with Tesseract (slow: OCR per page)
    python evaluation/fuzz.py --atheris pdf --inputs 20000  # coverage-guided (atheris/libFuzzer), one family

By default (--ocr stub) scanned pages are rendered and image frames decoded under the limits, but
Tesseract is not run (an empty OCR result per page), so the figures measure the readers, not
Tesseract; --ocr off leaves Tesseract absent altogether (nothing rendered), --ocr on runs it. Reported: inputs, outcomes by code, crashes, hangs,
the slowest inputs and the peak memory (max RSS) of a worker.
"""
from __future__ import annotations

import argparse
import io
import json
import logging
import multiprocessing
import resource
import signal
import sys
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SLOW_SECONDS = 10.0              # inputs slower than this are saved too
FAMILIES = {"txt": 30, "html": 25, "docx": 12, "pdf": 15, "image": 10, "zip": 8}
TOKENS = [b"%%EOF", b"endobj", b"endstream", b"<<", b">>", b"/Count 999999999", b"/MediaBox [0 0 99999 99999]",
          b"/Length 2147483647", b"obj", b"R", b"/Filter /FlateDecode", b"<div>" * 50, b"<table><tr><td>",
          b'<meta charset="undefined">', b'<meta charset="utf-7">', b"&#0;", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
          b"PK\x03\x04", b"<w:tbl>", b'<w:gridSpan w:val="99999"/>', b'rowspan="99999"', b"| a | b |\n",
          "Điều 1.".encode(), "năm 99999".encode(), b"\r", b"\t=HYPERLINK(", b"9" * 40]


# ---------------------------------------------------------------- seeds
def _samples(suffix: str) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted((ROOT / "corpora" / "samples").glob(f"*{suffix}"))]


def _html_seeds() -> list[tuple[str, bytes]]:
    out = []
    for name, data in _samples(".txt")[:3]:
        lines = data.decode("utf-8").splitlines()
        body = "".join(f"<p>{line}</p>" if " | " not in line else
                       "<table><tr>" + "".join(f"<td>{c}</td>" for c in line.split(" | ")) + "</tr></table>"
                       for line in lines)
        out.append((name.replace(".txt", ".html"),
                    f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode("utf-8")))
    return out


def _image_seeds() -> list[tuple[str, bytes]]:
    from PIL import Image, ImageDraw

    image = Image.new("L", (160, 60), 255)
    ImageDraw.Draw(image).text((5, 20), "1. So Tai chinh", fill=0)
    out = []
    for fmt, suffix in (("PNG", ".png"), ("JPEG", ".jpg"), ("GIF", ".gif"), ("BMP", ".bmp")):
        buffer = io.BytesIO()
        image.save(buffer, fmt)
        out.append(("scan" + suffix, buffer.getvalue()))
    buffer = io.BytesIO()
    image.save(buffer, "TIFF", save_all=True, append_images=[image.rotate(90, expand=True)])
    return out + [("scan.tif", buffer.getvalue())]


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def seeds() -> dict[str, list[tuple[str, bytes]]]:
    """Seed files by family."""
    from corpora import hostile

    txt = _samples(".txt")
    text = txt[0][1].decode("utf-8")
    return {
        "txt": txt + [("utf16.txt", text.encode("utf-16")), ("cp1258.txt", text.encode("cp1258", "replace"))],
        "html": _html_seeds() + [("deep.html", hostile.deep_html(300))],
        "docx": [s for s in _samples(".docx") if s[0].startswith(("cong-van", "ubnd-chi-thi"))],
        "pdf": [s for s in _samples(".pdf") if s[0].startswith(("cong-van", "ubnd-chi-thi"))]
        + [("huge.pdf", hostile.huge_page_pdf()), ("scan3.pdf", hostile.scan_pdf(3))],
        "image": _image_seeds(),
        "zip": [("lo.zip", _zip({"a.txt": txt[0][1], "b/c.txt": txt[1][1]})),
                ("version.zip", hostile.zip_version()), ("many.zip", hostile.zip_members(20, 70_000))],
    }


# ---------------------------------------------------------------- mutations
def _flip(data: bytes, at: int, value: int) -> bytes:
    at %= max(len(data), 1)
    return data[:at] + bytes([value]) + data[at + 1:]


def _insert(data: bytes, at: int, extra: bytes) -> bytes:
    at %= len(data) + 1
    return data[:at] + extra + data[at:]


def _delete(data: bytes, at: int, length: int) -> bytes:
    at %= max(len(data), 1)
    return data[:at] + data[at + length:]


def _duplicate(data: bytes, at: int, length: int, times: int) -> bytes:
    at %= max(len(data), 1)
    return data[:at] + data[at:at + length] * times + data[at:]


def _numbers(data: bytes, at: int, value: bytes) -> bytes:
    """Replace the first run of digits after `at` by `value` (page counts, lengths, sizes)."""
    import re

    match = re.compile(rb"\d+").search(data, at % max(len(data), 1))
    return data if match is None else data[:match.start()] + value + data[match.end():]


positions = st.integers(0, 2**31)
mutation = st.one_of(
    st.builds(lambda a, v: ("flip", a, v), positions, st.integers(0, 255)),
    st.builds(lambda a, b: ("insert", a, b), positions,
              st.one_of(st.binary(min_size=1, max_size=64), st.sampled_from(TOKENS))),
    st.builds(lambda a, n: ("delete", a, n), positions, st.integers(1, 4096)),
    st.builds(lambda a, n, k: ("duplicate", a, n, k), positions, st.integers(1, 512), st.integers(2, 40)),
    st.builds(lambda a: ("truncate", a), positions),
    st.builds(lambda a, v: ("number", a, v), positions,
              st.sampled_from([b"0", b"-1", b"2147483648", b"18446744073709551616", b"99999999", b"1e308"])),
)


def mutate(data: bytes, steps: list[tuple]) -> bytes:
    for step in steps:
        kind, *args = step
        if kind == "flip":
            data = _flip(data, *args)
        elif kind == "insert":
            data = _insert(data, *args)
        elif kind == "delete":
            data = _delete(data, *args)
        elif kind == "duplicate":
            data = _duplicate(data, *args)
        elif kind == "truncate":
            data = data[:args[0] % (len(data) + 1)]
        else:
            data = _numbers(data, *args)
    return data


def mutate_members(data: bytes, steps: list[tuple], member: int) -> bytes:
    """Mutate one member of a ZIP (DOCX) and write the archive again, so the mutation gets past
    the ZIP layer into the XML or the document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {i.filename: archive.read(i) for i in archive.infolist()}
    except Exception:
        return mutate(data, steps)
    names = sorted(members, key=lambda n: (not n.endswith("document.xml"), n))
    name = names[member % len(names)]
    members[name] = mutate(members[name], steps)
    return _zip(members)


def inputs(families: dict[str, list[tuple[str, bytes]]]) -> st.SearchStrategy:
    """(family, name, bytes) of one mutated input."""
    weighted = [f for f, weight in FAMILIES.items() for _ in range(weight) if families.get(f)]

    @st.composite
    def draw(draw_one) -> tuple[str, str, bytes]:
        family = draw_one(st.sampled_from(weighted))
        name, data = draw_one(st.sampled_from(families[family]))
        steps = draw_one(st.lists(mutation, min_size=1, max_size=4))
        if family in ("docx", "zip") and draw_one(st.booleans()):
            return family, name, mutate_members(data, steps, draw_one(st.integers(0, 50)))
        if draw_one(st.integers(0, 9)) == 0:                     # splice in part of another seed
            other = draw_one(st.sampled_from([d for seeds_ in families.values() for _, d in seeds_ if seeds_]))
            data = _insert(data, draw_one(positions), other[:draw_one(st.integers(1, 4096))])
        return family, name, mutate(data, steps)

    return draw()


# ---------------------------------------------------------------- the property
def run_one(family: str, name: str, data: bytes, analyse: bool) -> str:
    """The outcome code: "ok" or a RasoatError's code; raises anything else."""
    from service.errors import RasoatError
    from service.ingest import read_bytes
    from service.jobs.limits import expand_zip
    from service.pipeline import run_stages

    try:
        if family == "zip":
            for _, content in expand_zip(data, 50, 50 * 2**20, 100, 10 * 2**20):
                if isinstance(content, bytes) and analyse:
                    run_stages(read_bytes(content, "member.txt"))
            return "ok"
        doc = read_bytes(data, name)
        if analyse:
            run_stages(doc)
        return "ok"
    except RasoatError as error:
        return error.code


class Hang(Exception):
    pass


def _alarm(*_: object) -> None:
    raise Hang()


def _ocr_mode(mode: str) -> None:
    """off: Tesseract absent (a scan ends in no_text_layer, nothing is rendered or decoded);
    stub: pages are rendered and image frames decoded under the limits, but each page's OCR is an
    empty result (no Tesseract); on: the real thing."""
    from service.ingest.ocr import reader as ocr_reader
    from service.ingest.ocr import tesseract

    if mode == "off":
        ocr_reader.available = lambda: False

        def unavailable() -> str:
            raise tesseract.OcrUnavailableError("OCR switched off for fuzzing")
        tesseract.binary = unavailable
    elif mode == "stub":
        tesseract.binary = lambda: "tesseract"
        ocr_reader.ocr_page = lambda image, number, dpi=300, deadline=None: ocr_reader.PageOcr(
            number, [], 0.0, 0, float(image.width * image.height))


def worker(index: int, count: int, base_seed: int, out: Path, timeout: int, mode: str,
           families_wanted: list[str] | None = None) -> None:
    """Run `count` Hypothesis examples; one JSON line per input in out/w<index>.jsonl."""
    _ocr_mode(mode)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)     # damaged PDFs make it chatty
    signal.signal(signal.SIGALRM, _alarm)
    families = seeds()
    if families_wanted:
        families = {f: (v if f in families_wanted else []) for f, v in families.items()}
    log = (out / f"w{index}.jsonl").open("a", encoding="utf-8")
    state = {"n": 0}

    @seed(base_seed)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(inputs(families))
    def property_(item: tuple[str, str, bytes]) -> None:
        family, name, data = item
        state["n"] += 1
        (out / f"w{index}.current").write_bytes(data)
        began, rss = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        signal.alarm(timeout)
        try:
            outcome, detail = run_one(family, name, data, state["n"] % 5 == 0), None
        except Hang:
            outcome, detail = "hang", None
        except Exception as error:           # the property failed: a crash
            outcome, detail = "crash", "".join(traceback.format_exception(error))[-2000:]
        finally:
            signal.alarm(0)
        seconds = time.perf_counter() - began
        row = {"family": family, "seed": name, "size": len(data), "outcome": outcome, "seconds": round(seconds, 4),
               "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
               "rss_grew_mb": round((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) / 1024, 1)}
        if outcome in ("crash", "hang") or seconds > SLOW_SECONDS:
            path = out / f"{outcome if outcome in ('crash', 'hang') else 'slow'}-{index}-{state['n']}-{name}"
            path.write_bytes(data)
            row |= {"saved": str(path), "trace": detail}
        log.write(json.dumps(row) + "\n")
        log.flush()

    property_()
    log.close()


# ---------------------------------------------------------------- driver
def run(total: int, workers: int, out: Path, timeout: int, mode: str, base_seed: int = 11,
        families: list[str] | None = None) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("w*.jsonl"):
        old.unlink()
    context = multiprocessing.get_context("spawn")
    share = [total // workers + (k < total % workers) for k in range(workers)]
    dead: list[dict] = []
    began = time.perf_counter()
    pending = {k: (share[k], base_seed * 1000 + k) for k in range(workers)}
    while pending:
        procs = {k: context.Process(target=worker, args=(k, n, s, out, timeout, mode, families))
                 for k, (n, s) in pending.items()}
        for proc in procs.values():
            proc.start()
        for proc in procs.values():
            proc.join()
        done = {k: _count(out / f"w{k}.jsonl") for k in procs}
        pending = {}
        for k, proc in procs.items():
            if proc.exitcode != 0:                   # a hard crash: the input being read is saved
                saved = out / f"died-{k}-{done[k]}.bin"
                (out / f"w{k}.current").replace(saved)
                dead.append({"worker": k, "exitcode": proc.exitcode, "saved": str(saved)})
                left = share[k] - done[k] - 1
                if left > 0:
                    pending[k] = (left, base_seed * 1000 + k + 100 * len(dead))
                share[k] = done[k] + 1 + max(left, 0)
    return summary(out, time.perf_counter() - began, dead, mode)


def _count(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8")) if path.exists() else 0


def summary(out: Path, seconds: float, dead: list[dict], mode: str) -> dict:
    rows = [json.loads(line) for path in sorted(out.glob("w*.jsonl")) for line in path.open(encoding="utf-8")]
    outcomes: dict[str, int] = {}
    for row in rows:
        outcomes[row["outcome"]] = outcomes.get(row["outcome"], 0) + 1
    by_family = {f: sum(r["family"] == f for r in rows) for f in FAMILIES}
    slowest = sorted(rows, key=lambda r: -r["seconds"])[:5]
    return {"inputs": len(rows) + len(dead), "by_family": by_family, "outcomes": outcomes,
            "crashes": outcomes.get("crash", 0) + len(dead), "hangs": outcomes.get("hang", 0),
            "worker_deaths": dead, "crash_inputs": [r["saved"] for r in rows if r["outcome"] == "crash"],
            "slowest": [{k: r[k] for k in ("family", "seed", "size", "outcome", "seconds")} for r in slowest],
            "peak_rss_mb": max((r["rss_mb"] for r in rows), default=0.0),
            "largest_rss_jump": max(({k: r[k] for k in ("family", "seed", "size", "rss_grew_mb")} for r in rows),
                                    key=lambda r: r["rss_grew_mb"], default=None),
            "seconds": round(seconds, 1), "inputs_per_second": round(len(rows) / max(seconds, 1e-9), 1),
            "ocr": mode}


def replay(index: int, number: int, count: int, base_seed: int, out: Path) -> Path:
    """Generate again input `number` (1-based) of worker `index` of a run of `count` inputs per
    worker (Hypothesis is deterministic under @seed) and save it, without running it."""
    families, state = seeds(), {"n": 0}
    found: list[tuple[str, str, bytes]] = []

    @seed(base_seed * 1000 + index)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(inputs(families))
    def property_(item: tuple[str, str, bytes]) -> None:
        state["n"] += 1
        if state["n"] == number:
            found.append(item)

    property_()
    family, name, data = found[0]
    path = out / f"replay-{index}-{number}-{name}"
    path.write_bytes(data)
    return path


def atheris_run(family: str, runs: int, out: Path) -> None:
    """Coverage-guided fuzzing of one family with atheris (libFuzzer): the seeds of that family as
    the corpus, the same property; libFuzzer stops at the first crash and saves it in `out`."""
    import atheris

    with atheris.instrument_imports(include=["service"]):
        import service.ingest  # noqa: F401
        import service.jobs.limits  # noqa: F401
        import service.pipeline  # noqa: F401
    from service.ingest.ocr import reader as ocr_reader

    ocr_reader.available = lambda: False
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    corpus = out / f"corpus-{family}"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in seeds()[family]:
        (corpus / name).write_bytes(data)
    name = seeds()[family][0][0]

    def one(data: bytes) -> None:
        run_one(family, name, data, analyse=False)

    atheris.Setup([sys.argv[0], f"-runs={runs}", f"-artifact_prefix={out}/", "-timeout=60", "-rss_limit_mb=4096",
                   str(corpus)], one)
    atheris.Fuzz()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=60, help="seconds before an input counts as a hang")
    parser.add_argument("--ocr", choices=["off", "stub", "on"], default="stub",
                        help="off: no Tesseract; stub: render and decode, empty OCR; on: Tesseract (slow)")
    parser.add_argument("--families", help="comma-separated families to fuzz (default: all)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, default=ROOT / "evaluation" / "results" / "fuzz")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--atheris", choices=list(FAMILIES), help="coverage-guided run of one family instead")
    parser.add_argument("--replay", metavar="WORKER:N", help="save input N of WORKER of a run of --inputs")
    args = parser.parse_args()
    if args.replay:
        worker_index, number = map(int, args.replay.split(":"))
        per_worker = args.inputs // args.workers + (worker_index < args.inputs % args.workers)
        print(replay(worker_index, number, per_worker, args.seed, args.out))
        return None
    if args.atheris:
        return atheris_run(args.atheris, args.inputs, args.out)
    figures = run(args.inputs, args.workers, args.out, args.timeout, args.ocr, args.seed,
                  args.families.split(",") if args.families else None)
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
