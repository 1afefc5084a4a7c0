"""Copy check: compare a lower-level plan's tasks with the upper programme it implements.

    from service.compare import compare
    result = compare(lower_doc, upper_doc)      # -> Comparison (schema rasoat/comparison@1)
"""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {"compare": ".engine", "Comparison": ".model"}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(name)
    return getattr(import_module(_EXPORTS[name], __name__), name)


__all__ = list(_EXPORTS)
