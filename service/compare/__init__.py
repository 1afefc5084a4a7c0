"""Copy check: compare a lower-level plan's tasks with the upper programme it implements.

    from service.compare import compare
    result = compare(lower_doc, upper_doc)      # -> Comparison (schema rasoat/comparison@1)
"""
from .engine import compare
from .model import Comparison

__all__ = ["compare", "Comparison"]
