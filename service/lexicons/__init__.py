"""Versioned rule data (YAML). `load("bodies")` reads service/lexicons/bodies.yaml once;
`alternation(phrases)` turns a list of phrases into a regular expression."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from importlib.resources import files

import yaml


@cache
def load(name: str) -> dict:
    """Return the parsed lexicon `name` (without extension); cached for the process."""
    text = files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "version" not in data:
        raise ValueError(f"lexicon {name!r} has no version key")
    return data


def words_pattern(phrase: str, space: str = r"\s+") -> str:
    """`phrase` escaped, the gaps between its words matching `space`."""
    return space.join(re.escape(word) for word in phrase.split())


def alternation(phrases: Iterable[str], space: str = r"\s+",
                pattern: Callable[[str], str] | None = None) -> str:
    """One regex alternation of `phrases`, longest first, so that "chương trình hành động" is tried
    before "chương trình"; each phrase becomes `pattern(phrase)` (default: escaped, the gaps between
    its words matching `space`). Duplicates and blank phrases are dropped."""
    unique = sorted({str(p).strip() for p in phrases} - {""}, key=lambda p: (-len(p), p))
    return "|".join(pattern(p) if pattern else words_pattern(p, space) for p in unique)
