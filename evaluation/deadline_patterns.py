"""Deadline patterns: ours against dateparser, as a Markdown table.

    python evaluation/deadline_patterns.py [--gold /work/shared/corpus/real]

One row per case of evaluation/deadline_patterns.yaml: the example, the expected normalisation
(end, recurrence), what `dateparser.parse(text, languages=['vi'])` gives (or, when it gives
nothing, `dateparser.search.search_dates`) and what ours gives; a final line counts the right ones.
A case is right when end and recurrence match; a negative case when nothing is found. Cases with
`known_gap` (ours is wrong, tests/extract/test_deadlines.py expects it to fail) are marked.
With --gold, also compares find_deadline / parse_deadline with the gold files' deadlines.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import warnings
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from service.extract.deadlines import find_deadline, parse_deadline  # noqa: E402

CASES = ROOT / "evaluation" / "deadline_patterns.yaml"


def expected(case: dict) -> tuple[str | None, str | None] | None:
    """(end, recurrence) expected, or None for a negative case."""
    return (case["end"], case["recurrence"]) if case.get("deadline", True) else None


def ours(case: dict) -> tuple[str | None, str | None] | None:
    fn = parse_deadline if case["mode"] == "parse" else find_deadline
    got = fn(case["text"], default_year=case.get("default_year"))
    return (got.end.isoformat() if got.end else None, got.recurrence) if got else None


def theirs(text: str) -> tuple[tuple[str | None, None] | None, str]:
    """dateparser's reading: ((end, None) or None, what it printed)."""
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:                              # pip install dateparser (extra "dev")
        return None, "not installed"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = dateparser.parse(text, languages=["vi"])
        if got:
            return (got.date().isoformat(), None), f"parse: {got.date()}"
        found = search_dates(text, languages=["vi"]) or []
    if not found:
        return None, "—"
    shown = "; ".join(f"“{s}” → {d.date()}" for s, d in found[:3])
    return (found[0][1].date().isoformat(), None), f"search: {shown}"


def show(value: tuple | None) -> str:
    if value is None:
        return "none"
    end, rec = value
    return f"{end or '∅'}" + (f", {rec}" if rec else "")


def table(cases: list[dict]) -> list[str]:
    """The Markdown rows and the final count."""
    lines = ["| # | pattern | example | expected (end, recurrence) | dateparser | ok | ours | ok |",
             "|---|---|---|---|---|---|---|---|"]
    score = [0, 0]
    for i, case in enumerate(cases, 1):
        want = expected(case)
        dp, dp_text = theirs(case["text"])
        mine = ours(case)
        oks = [dp == want and dp_text != "not installed", mine == want]
        score = [s + ok for s, ok in zip(score, oks)]
        mark = ["✓" if ok else "✗" for ok in oks]
        if case.get("known_gap"):
            mark[1] += " (known gap)"
        text = case["text"].replace("|", "\\|")
        if case.get("default_year"):
            text += f" *(document year {case['default_year']})*"
        lines.append(f"| {i} | {case['id']} | {text} | {show(want)} | {dp_text} | {mark[0]} "
                     f"| {show(mine)} | {mark[1]} |")
    lines.append("")
    lines.append(f"**Right: dateparser {score[0]}/{len(cases)}, ours {score[1]}/{len(cases)}** "
                 f"({sum(1 for c in cases if expected(c) is None)} of them negative cases).")
    return lines


def gold(root: Path) -> list[str]:
    """Agreement with the gold deadlines: running-text items and table cells separately."""
    tally: dict[str, list[int]] = {}
    for f in sorted((root / "gold").glob("*.json")):
        doc = (root / "docs" / f"{f.stem}.txt").read_text(encoding="utf-8").split("\n")
        year = int(re.search(r"_(\d{4})", f.stem).group(1))
        for task in json.loads(f.read_text(encoding="utf-8"))["tasks"]:
            kind, ok = _gold_task(task, doc, year)
            tally.setdefault(kind, [0, 0])
            tally[kind][0] += ok
            tally[kind][1] += 1
    return [f"- gold {k}: {a}/{n} agree (end and recurrence; null = null)" for k, (a, n) in tally.items()]


def _gold_task(task: dict, lines: list[str], year: int) -> tuple[str, bool]:
    quote, want = task["quote"].split(" | ")[0], task["deadline"]
    rows = [ln for ln in lines if quote in ln]
    row = next((ln for ln in rows if want and ln.count(" | ") >= 3
                and want["text"] in [c.strip() for c in ln.split("|")]), rows[0] if rows else quote)
    if row.count(" | ") >= 3:                       # a table row: parse its deadline cell
        cells = [c.strip() for c in row.strip("| ").split(" | ")]
        cell = next((c for c in reversed(cells) if parse_deadline(c, default_year=year)), None)
        got, kind = parse_deadline(cell, default_year=year) if cell else None, "table cells"
    else:
        item = re.sub(r"^(?:[-+*•]|[a-zđ]\)|\d+(?:\.\d+)*\.)\s*", "", row.strip())
        got, kind = find_deadline(item, default_year=year), "list items"
        if want and want["text"].lower() not in item.lower():
            kind = "inherited from a heading (not in the item)"
    mine = (got.end.isoformat() if got and got.end else None, got.recurrence) if got else None
    return kind, mine == ((want["end"], want["recurrence"]) if want else None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, help="folder with gold/ and docs/ (e.g. /work/shared/corpus/real)")
    args = ap.parse_args()
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]
    print("\n".join(table(cases)))
    if args.gold:
        print("\n" + "\n".join(gold(args.gold)))


if __name__ == "__main__":
    main()
