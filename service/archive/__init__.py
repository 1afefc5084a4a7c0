"""Archive search: index documents locally and find the upper document a plan implements.

    from service.archive import Archive, find_sources
    archive = Archive.open(".rasoat/archive")
    for cand in find_sources(doc, archive):     # -> list[SourceCandidate], best first
        print(cand.score, cand.number, cand.reason)
"""
from .indexing import IndexReport, index_folder, index_paths
from .rank import SourceCandidate, find_sources
from .store import DEFAULT_STORE, Archive

__all__ = ["Archive", "DEFAULT_STORE", "IndexReport", "SourceCandidate", "find_sources",
           "index_folder", "index_paths"]
