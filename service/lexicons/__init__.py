"""Versioned rule data (YAML). `load("bodies")` reads service/lexicons/bodies.yaml once."""
from __future__ import annotations

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
