"""Archive search: index documents locally and find the upper document a plan implements.

    from service.archive import Archive, find_sources
    archive = Archive.open(".rasoat/archive")
    for cand in find_sources(doc, archive):     # -> list[SourceCandidate], best first
        print(cand.score, cand.number, cand.reason)

`find_sources` reads any `Corpus`: the `Archive` here, or the service's database
(`service.store.sources.corpus(session)`), so the CLI, the API and jobs rank alike.
"""
from __future__ import annotations

from importlib import import_module

# Loaded on first use: the CLI imports this package for its commands only.
_EXPORTS = {"Corpus": ".corpus", "IndexReport": ".indexing", "index_folder": ".indexing", "index_paths": ".indexing",
            "SourceCandidate": ".rank", "find_sources": ".rank", "likely_upper": ".rank",
            "DEFAULT_STORE": ".location", "Archive": ".store", "Record": ".store"}


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(name)
    return getattr(import_module(_EXPORTS[name], __name__), name)


__all__ = list(_EXPORTS)
