"""Find fragments of the real corpus in our code, lexicons and tests (they must be our own sentences).

Every string literal, YAML scalar and docstring line of `service/`, `tests/`, `corpora/` and
`evaluation/` is normalised (NFC, lower case, punctuation and spaces folded) and looked up, as runs of
`--words` consecutive words, in the normalised documents of ../shared/corpus/real. A run that occurs
in a corpus document and is not a stock phrase of the genre (one found in at least `--common`
documents, like "ủy ban nhân dân tỉnh") is reported.

    python evaluation/fragments.py [--words 8] [--common 3]
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SCANNED = ("service", "tests", "corpora", "evaluation")


def norm(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).lower().replace("_", " ")
    return re.sub(r"[^\w%]+", " ", text).split()


@cache
def corpus_index(words: int) -> dict[tuple[str, ...], set[str]]:
    """Every run of `words` words of every corpus document → the documents holding it (built once)."""
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for path in sorted(CORPUS.rglob("*.txt")):
        tokens = norm(path.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(tokens) - words + 1):
            index[tuple(tokens[i:i + words])].add(path.name)
    return index


def strings(path: Path) -> list[str]:
    """String literals of a Python file, scalars of a YAML file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return [n.value for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(key), walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(yaml.safe_load(text))
    return found


def fragments(words: int = 8, common: int = 3) -> list[tuple[str, str, str]]:
    """(file, our text, corpus documents) for each run of ours found in the corpus."""
    index = corpus_index(words)
    hits = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".py", ".yaml", ".yml") or "first_sight" in path.name:
                continue
            for value in strings(path):
                tokens = norm(value)
                for i in range(len(tokens) - words + 1):
                    docs = index.get(tuple(tokens[i:i + words]))
                    if docs and len(docs) < common:
                        hits.append((str(path.relative_to(ROOT)), " ".join(tokens[i:i + words]), ", ".join(sorted(docs))))
                        break
    return hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=8)
    parser.add_argument("--common", type=int, default=3)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}")
        return 0
    hits = fragments(args.words, args.common)
    for path, text, docs in hits:
        print(f"{path}: “{text}” — {docs}")
    print(f"{len(hits)} fragment(s) of the real corpus")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
