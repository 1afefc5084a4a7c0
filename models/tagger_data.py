"""Training data of the span tagger: gold task texts with located gold spans, and silver task texts
labelled by the rules on unannotated real documents (weighted lower).

Every example is a task text as the rules segment it, with character spans of LEAD, SUPPORT,
DEADLINE, TARGET and OUTPUT inside it. Gold: the rules' task matched to a gold quote
(evaluation/score.py's matching) carries the gold lead, support, deadline text, target quotes and
output, each located in the text; a gold task the rules missed is kept with its own quote. Silver:
the rules' spans (those inside the task's text) on real documents nobody annotated. Documents listed in
HELD_OUT (waiting to be scored at first sight) are never read. Nothing of the corpus is written into the repository: the
examples live in the cache (`build_examples(cache=...)`) and the manifest lists only file names and
sha256.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

LABELS = ("LEAD", "SUPPORT", "DEADLINE", "TARGET", "OUTPUT")
SILVER_WEIGHT = 0.3
SILVER_FOLDERS = ("pool_2009_2010", "segmented_2009_2010")
# Documents kept out of training while they waited to be scored at first sight (folder -> stems).
# Every annotated document has since been scored so (evaluation/first_sight.json), so none is.
HELD_OUT: dict[str, set[str]] = {}


def is_held_out(path: Path) -> bool:
    return path.stem in HELD_OUT.get(path.parent.name, set())


def locate(text: str, phrase: str | None, after: int = 0) -> tuple[int, int] | None:
    """Where `phrase` occurs in `text` (case and spacing folded), or None."""
    words = (phrase or "").split()
    if not words:
        return None
    pattern = r"\s*".join(re.escape(w) for w in words)
    match = re.compile(pattern, re.IGNORECASE).search(text, after) or re.compile(
        pattern, re.IGNORECASE).search(text)
    return (match.start(), match.end()) if match else None


def gold_spans(text: str, gold: dict) -> list[tuple[int, int, str]]:
    """The gold fields of one task located in `text` (those not found are left out)."""
    spans = []
    for label, phrases in (("LEAD", gold["lead"]), ("SUPPORT", gold["support"]),
                           ("DEADLINE", [(gold.get("deadline") or {}).get("text")]),
                           ("TARGET", [t["quote"] for t in gold.get("targets", [])]),
                           ("OUTPUT", [gold.get("output")])):
        for phrase in phrases:
            where = locate(text, phrase)
            if where and not any(a < where[1] and where[0] < b for a, b, _ in spans):
                spans.append((*where, label))
    return sorted(spans)


def rule_spans(doc, task) -> list[tuple[int, int, str]]:
    """The rules' fields of one task, as non-overlapping spans of its text (inherited ones, outside it,
    left out)."""
    from service.extract.span_layer import rule_spans as spans_in_task

    spans: list[tuple[int, int, str]] = []
    for a, b, label in sorted(spans_in_task(task)):
        if doc.text[task.start + a:task.start + b] == task.text[a:b] and not any(x < b and a < y for x, y, _ in spans):
            spans.append((a, b, label))
    return spans


def gold_examples(doc_gold, doc) -> list[dict]:
    """Examples of one annotated document: rules' tasks matched to gold, and gold tasks missed."""
    from evaluation.score import match_tasks

    out = []
    for gold, task in match_tasks(doc_gold.gold["tasks"], doc.tasks):
        if gold is None:
            continue
        text = task.text if task is not None else gold["quote"].split(" | ")[0]
        out.append({"doc": doc_gold.id, "kind": "gold", "weight": 1.0, "text": text,
                    "spans": gold_spans(text, gold)})
    return out


def silver_examples(doc_id: str, doc) -> list[dict]:
    return [{"doc": doc_id, "kind": "silver", "weight": SILVER_WEIGHT, "text": t.text,
             "spans": rule_spans(doc, t)} for t in doc.tasks if t.text.strip()]


def sha256_text(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_examples(corpus: Path, cache: Path, log=print) -> tuple[list[dict], dict]:
    """Gold and silver examples (cached as JSON lines in `cache`) and the data manifest."""
    from evaluation.score import gold_docs
    from service.pipeline import analyze_file

    cache.mkdir(parents=True, exist_ok=True)
    golds = [d for d in gold_docs(corpus) if d.gold.get("tasks_annotated") and not is_held_out(d.path)]
    examples, manifest = [], {"silver_weight": SILVER_WEIGHT, "gold": [], "silver": []}
    rule_docs = cache / "rule_docs"
    rule_docs.mkdir(exist_ok=True)
    for doc_gold in golds:
        doc = analyze_file(doc_gold.path, extractor="rules")
        (rule_docs / f"{doc_gold.id}.json").write_text(doc.to_json(), encoding="utf-8")
        examples += gold_examples(doc_gold, doc)
        manifest["gold"].append({"id": doc_gold.id, "file": str(doc_gold.path.relative_to(corpus)),
                                 "sha256": sha256_text(doc_gold.path)})
    gold_files = {d.path.resolve() for d in gold_docs(corpus)}
    for folder in SILVER_FOLDERS:
        for path in sorted((corpus / folder).glob("*.txt")):
            if is_held_out(path) or path.resolve() in gold_files:
                continue
            examples += silver_examples(f"{folder}/{path.stem}", analyze_file(path, extractor="rules"))
            manifest["silver"].append({"file": f"{folder}/{path.name}", "sha256": sha256_text(path)})
    log(f"{len(manifest['gold'])} gold documents, {len(manifest['silver'])} silver documents, "
        f"{len(examples)} task texts")
    with (cache / "examples.jsonl").open("w", encoding="utf-8") as out:
        for example in examples:
            out.write(json.dumps(example, ensure_ascii=False) + "\n")
    return examples, manifest


def load_examples(cache: Path) -> list[dict]:
    with (cache / "examples.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]
