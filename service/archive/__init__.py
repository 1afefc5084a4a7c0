"""Archive search: index documents locally and find the upper document a plan implements.

    from service.archive import Archive, find_sources
    archive = Archive.open(".rasoat/archive")
    for cand in find_sources(doc, archive):     # -> list[SourceCandidate], best first
        print(cand.score, cand.number, cand.reason)

`find_sources` reads any `Corpus`: the `Archive` here, or the service's database
(`service.store.sources.corpus(session)`), so the CLI, the API and jobs rank alike.
"""
from .corpus import Corpus
from .indexing import IndexReport, index_folder, index_paths
from .rank import SourceCandidate, find_sources, likely_upper
from .store import DEFAULT_STORE, Archive, Record

__all__ = ["DEFAULT_STORE", "Archive", "Corpus", "IndexReport", "Record", "SourceCandidate",
           "find_sources", "index_folder", "index_paths", "likely_upper"]
