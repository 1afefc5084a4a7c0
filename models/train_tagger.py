"""Train the span tagger's head over the frozen encoder, and report it by leave-one-document-out.

    python models/train_tagger.py data     # examples (gold + silver), DocBins and frozen features → cache
    python models/train_tagger.py features # only the frozen features again (after changing LAYERS)
    python models/train_tagger.py lodo     # one head per held-out annotated document → predictions
    python models/train_tagger.py train    # the shipped head on every example → models/tagger_head.safetensors

The cache ($RASOAT_MODELS_DIR/tagger-data) holds the examples, the rules' analyses of the annotated
documents and the encoder's token features, so each fold trains only the head (seconds on 2 cores).
models/tagger_manifest.json lists the documents used (names and sha256, never their text);
models/tagger_report.json the per-label span figures of the LODO run. Deterministic (seed 13).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
# Run as a script, this folder is first on sys.path and its catalogue.py would shadow the PyPI
# package `catalogue` that spaCy imports: the repository root goes there instead.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]

from models.build import models_dir  # noqa: E402
from models.tagger_data import build_examples, load_examples  # noqa: E402
from service.models.encoder import TorchFeaturizer  # noqa: E402
from service.extract.tagger import LABELS, TAGS, decode, make_head  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
EPOCHS, BATCH, LR, SEED = 6, 32, 3e-3, 13
SILVER_EMPTY_EVERY = 4


def cache_dir() -> Path:
    return models_dir() / "tagger-data"


def tags_of(text: str, spans: list, offsets: list[tuple[int, int]]) -> list[int]:
    """BIO tag index of each token from character spans."""
    tags = []
    for a, b in offsets:
        while a < b and text[a].isspace():
            a += 1
        tag, prev = 0, tags[-1] if tags else 0
        for s, e, label in spans:
            if s <= a < e:
                inside = prev == TAGS.index(f"B-{label}") or prev == TAGS.index(f"I-{label}")
                tag = TAGS.index(f"{'I' if inside and a > s else 'B'}-{label}")
        tags.append(tag)
    return tags


def featurize(texts: list[str]) -> dict:
    import torch

    from models import ensure_built

    torch.manual_seed(SEED)
    feat = TorchFeaturizer(ensure_built())
    began, out = time.time(), {}
    unique = list(dict.fromkeys(texts))
    for at in range(0, len(unique), 256):
        for text, (h, offs) in zip(unique[at:at + 256], feat.features(unique[at:at + 256])):
            out[text] = (h.half(), offs)
        print(f"  features {min(at + 256, len(unique))}/{len(unique)} ({time.time() - began:.0f} s)", flush=True)
    return out


def cmd_features() -> None:
    """The encoder's token features of every example and every rules task of the annotated documents."""
    import torch

    cache = cache_dir()
    rule_texts = [t["text"] for p in sorted((cache / "rule_docs").glob("*.json"))
                  for t in json.loads(p.read_text(encoding="utf-8"))["tasks"]]
    torch.save(featurize([e["text"] for e in load_examples(cache)] + rule_texts), cache / "features.pt")


def cmd_data() -> None:
    cache = cache_dir()
    examples, manifest = build_examples(CORPUS, cache)
    cmd_features()
    from service.extract.span_layer import to_docbin

    for kind in ("gold", "silver"):              # the corpora as spaCy DocBin, spans under doc.spans[kind]
        to_docbin([e for e in examples if e["kind"] == kind], kind).to_disk(cache / f"{kind}.spacy")
    manifest["examples"] = {k: sum(e["kind"] == k for e in examples) for k in ("gold", "silver")}
    manifest["spans"] = {k: {label: sum(s[2] == label for e in examples if e["kind"] == k for s in e["spans"])
                             for label in LABELS} for k in ("gold", "silver")}
    (HERE / "tagger_manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")


def training_rows(examples: list[dict], feats: dict) -> list[tuple]:
    """(features, tags, weight, document) of every example with tokens; of the silver tasks without
    any span only one in SILVER_EMPTY_EVERY is kept (they are many and teach little)."""
    import torch

    kept = [e for i, e in enumerate(examples)
            if e["kind"] == "gold" or e["spans"] or i % SILVER_EMPTY_EVERY == 0]
    return [(feats[e["text"]][0].float(), torch.tensor(tags_of(e["text"], e["spans"], feats[e["text"]][1])),
             e["weight"], e["doc"]) for e in kept if feats[e["text"]][1]]


def train_head(rows: list[tuple], epochs: int = EPOCHS):
    """A fresh head fitted to `rows` (training_rows; weighted token cross-entropy, AdamW)."""
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(1)                         # a shared 2-core machine: one core is faster here
    head = make_head()
    rows = list(rows)
    tokens = torch.cat([r[0] for r in rows])
    head.mean.copy_(tokens.mean(0))
    head.std.copy_(tokens.std(0).clamp_min(1e-4))
    optim = torch.optim.AdamW(head.parameters(), lr=LR, weight_decay=0.01)
    rows.sort(key=lambda r: len(r[1]))               # batches of similar length: little padding
    batches = [list(range(i, min(i + BATCH, len(rows)))) for i in range(0, len(rows), BATCH)]
    gen = torch.Generator().manual_seed(SEED)
    for _ in range(epochs):
        head.train()
        for b in torch.randperm(len(batches), generator=gen).tolist():
            chosen = [rows[i] for i in batches[b]]
            x = torch.nn.utils.rnn.pad_sequence([r[0] for r in chosen], batch_first=True)
            y = torch.nn.utils.rnn.pad_sequence([r[1] for r in chosen], batch_first=True, padding_value=-100)
            w = torch.tensor([r[2] for r in chosen])[:, None].expand_as(y)
            loss = torch.nn.functional.cross_entropy(head(x).transpose(1, 2), y, reduction="none",
                                                     ignore_index=-100)
            loss = (loss * w).sum() / (w * (y != -100)).sum()
            optim.zero_grad()
            loss.backward()
            optim.step()
    return head.eval()


def predict(head, texts: list[str], feats: dict) -> dict[str, list]:
    import torch

    out = {}
    with torch.inference_mode():
        for text in dict.fromkeys(texts):
            h, offs = feats[text]
            out[text] = [] if not offs else [
                (g.start, g.end, g.label, g.score) for g in decode(text, head(h.float()[None])[0].softmax(-1), offs)]
    return out


def span_tally(examples: list[dict], preds: dict[str, list], tally: dict) -> None:
    for e in examples:
        gold = {(s, t, label) for s, t, label in e["spans"]}
        pred = {(s, t, label) for s, t, label, _ in preds[e["text"]]}
        for label in LABELS:
            g, p = {x for x in gold if x[2] == label}, {x for x in pred if x[2] == label}
            _add(tally, label, (len(g & p), len(p - g), len(g - p)))


def _add(tally: dict, label: str, counts) -> None:
    """Add (tp, fp, fn) to `label`'s running tally."""
    tally[label] = [a + b for a, b in zip(tally.get(label, [0, 0, 0]), counts)]


_FOLD: dict = {}                                   # what every fold reads (set before the workers fork)


def _fold(doc_id: str) -> tuple[str, dict, dict]:
    """Train without `doc_id`; its examples' tally and the guesses on every rules task of it."""
    cache, examples, feats, rows = (_FOLD[k] for k in ("cache", "examples", "feats", "rows"))
    head = train_head([r for r in rows if r[3] != doc_id])
    rule_doc = json.loads((cache / "rule_docs" / f"{doc_id}.json").read_text(encoding="utf-8"))
    held = [e for e in examples if e["doc"] == doc_id]
    preds = predict(head, [e["text"] for e in held] + [t["text"] for t in rule_doc["tasks"]], feats)
    tally: dict = {}
    span_tally(held, preds, tally)
    return doc_id, preds, tally


def cmd_lodo(jobs: int = 2) -> None:
    """One head per annotated document left out; predictions on every rules task of that document.
    Folds run in `jobs` processes of one thread each (the machine has two cores)."""
    import multiprocessing

    import torch

    cache = cache_dir()
    examples, feats = load_examples(cache), torch.load(cache / "features.pt")
    _FOLD.update(cache=cache, examples=examples, feats=feats, rows=training_rows(examples, feats))
    docs = sorted({e["doc"] for e in examples if e["kind"] == "gold"})
    began, tally, predictions = time.time(), {}, {}
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        for doc_id, preds, part in pool.imap_unordered(_fold, docs):
            predictions[doc_id] = preds
            for label, counts in part.items():
                _add(tally, label, counts)
            print(f"  {doc_id}: {time.time() - began:.0f} s", flush=True)
    (cache / "lodo_predictions.json").write_text(json.dumps(predictions, ensure_ascii=False), encoding="utf-8")
    report = {"folds": len(docs), "seconds": round(time.time() - began), "span_f1_exact": {
        label: {"tp": tp, "fp": fp, "fn": fn, "f1": round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0}
        for label, (tp, fp, fn) in tally.items()}}
    path = HERE / "tagger_report.json"
    old = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**old, "tagger_lodo": report}, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(report, indent=1))


def cmd_train() -> None:
    import torch
    from safetensors.torch import save_file

    from models.catalogue import sha256_of

    cache = cache_dir()
    head = train_head(training_rows(load_examples(cache), torch.load(cache / "features.pt")))
    path = HERE / "tagger_head.safetensors"
    save_file({k: v.half().contiguous() for k, v in head.state_dict().items()}, str(path))
    print(f"{path}: sha256 {sha256_of(path)} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    {"data": cmd_data, "features": cmd_features, "lodo": cmd_lodo, "train": cmd_train}[sys.argv[1]]()
