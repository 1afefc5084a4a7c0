"""spaCy as the span layer: a `spacy.Language` whose tokenizer is underthesea's (syllables, numbers,
dates and punctuation as underthesea's regex tokenizer cuts them), and per task a `Doc` holding the
rules' spans and the tagger's spans side by side (`doc.spans["rule"]`, `doc.spans["model"]`, with
the tagger's scores in `doc.spans["model"].attrs["scores"]`) before combine.py merges them.

Spans are snapped to whole tokens ("expand"): a subword edge inside a syllable never survives.
The gold and silver training corpora are kept as DocBin the same way (`to_docbin`).
"""
from __future__ import annotations

import sys
from functools import cache

from ..document import Task
from .tagger import SpanGuess


class UndertheseaTokenizer:
    """spaCy tokenizer protocol (`__call__(text) -> Doc`) over underthesea's regex tokenizer. Tokens
    are taken as written: underthesea's rewrites ("qui" → "quy", "ð" → "đ") only guide the cuts."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for piece in _pieces(text):
            if piece.startswith(" ") and words and not spaces[-1]:
                spaces[-1], piece = True, piece[1:]
            if piece:
                words.append(piece)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


def _pieces(text: str) -> list[str]:
    """`text` cut into underthesea's tokens and the whitespace between them, as written."""
    from ..text import underthesea

    underthesea()                                      # the package without its optional pipelines
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    read = normalize_characters_in_text(text)         # NFC, "ð" → "đ": what underthesea cuts
    if len(read) != len(text):
        read = text
    pieces, at = [], 0
    for token in tokenize(read, use_character_normalize=False, use_token_normalize=False):
        found = read.find(token, at)
        pieces += [text[at:found], text[found:found + len(token)]]
        at = found + len(token)
    return [p for p in pieces + [text[at:]] if p]


@cache
def nlp():
    """The blank Vietnamese pipeline with underthesea's tokenizer (no trained spaCy components)."""
    lang = _spacy().blank("xx")
    lang.tokenizer = UndertheseaTokenizer(lang.vocab)
    return lang


def _spacy():
    """spaCy, imported without letting thinc import torch for GPU shims a blank pipeline never uses
    (about 2 s of an analysis that otherwise runs on ONNX Runtime alone). A process that already
    holds torch keeps it; `import torch` works as usual afterwards."""
    blocked = "torch" not in sys.modules
    if blocked:
        sys.modules["torch"] = None           # makes `import torch` inside thinc.compat an ImportError
    try:
        import spacy
    finally:
        if blocked:
            del sys.modules["torch"]
    return spacy


def rule_spans(task: Task) -> list[tuple[int, int, str]]:
    """The rules' fields of a task as (start, end, label) inside its text."""
    found = [(b.start, b.end, "LEAD") for b in task.lead] + [(b.start, b.end, "SUPPORT") for b in task.support]
    if task.deadline:
        found.append((task.deadline.char_start, task.deadline.char_end, "DEADLINE"))
    found += [(t.start, t.end, "TARGET") for t in task.targets]
    if task.output:
        found.append((task.output.start, task.output.end, "OUTPUT"))
    n = len(task.text)
    return [(a - task.start, b - task.start, label) for a, b, label in found
            if 0 <= a - task.start < b - task.start <= n]


def side_by_side(task: Task, guesses: list[SpanGuess]):
    """The task's spaCy Doc with `spans["rule"]` and `spans["model"]` (scores in its attrs)."""
    doc = nlp()(task.text)
    doc.spans["rule"] = [s for a, b, label in rule_spans(task)
                         if (s := doc.char_span(a, b, label=label, alignment_mode="expand")) is not None]
    model, scores = [], []
    for g in guesses:
        span = doc.char_span(g.start, g.end, label=g.label, alignment_mode="expand")
        if span is not None and len(span):
            model.append(span)
            scores.append(g.score)
    doc.spans["model"] = model
    doc.spans["model"].attrs["scores"] = scores
    return doc


def model_guesses(doc) -> list[SpanGuess]:
    """The tagger's spans of a side-by-side Doc, snapped to tokens, as combine.py reads them."""
    group = doc.spans["model"]
    return [SpanGuess(s.start_char, s.end_char, s.label_, score)
            for s, score in zip(group, group.attrs.get("scores", [1.0] * len(group)))]


def to_docbin(examples: list[dict], key: str):
    """A DocBin of training examples ({"text", "spans": [(start, end, label)]}) under `doc.spans[key]`."""
    from spacy.tokens import DocBin

    out = DocBin(store_user_data=False)
    for example in examples:
        doc = nlp()(example["text"])
        doc.spans[key] = [s for a, b, label in example["spans"]
                          if (s := doc.char_span(a, b, label=label, alignment_mode="expand")) is not None]
        out.add(doc)
    return out
