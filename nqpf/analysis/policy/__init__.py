"""The policy-text corpus (``data/corpus/``) and any folder of ``.txt`` files.

Modules, each holding one concern:

- :mod:`.reading` — reading one document (UTF-8, cleaning, flattening), the corpus manifest, the documents;
- :mod:`.engines` — the fast path against plain jieba on the whole corpus (jieba's side recorded by ``make bench``);
- :mod:`.dispatch` — the one Dask dispatch (a bag of documents cut by bytes; any scheduler or cluster);
- :mod:`.counts` — term counts, trajectories 1954–2026, first-use years, the provincial reports, the text index;
- :mod:`.contrasts` — keyness: log-likelihood, Log Ratio, Gries's DP, the document bootstrap, the period comparisons;
- :mod:`.tiles` — the tile map of the provincial reports (the book's one layout, ``nqpf.core.geo.TILES``);
- :mod:`.talk` — the provincial reports against the provincial index (bootstrap, leave-one-out, variants).

The public names are re-exported here: ``from nqpf.analysis import policy; policy.trajectories()``. They are
loaded on first use (PEP 562), so a tool that needs only :mod:`.reading` (``corpus frequencies``) does not pay
for pandas, scipy and the keyness statistics at start-up.
"""

from __future__ import annotations

import importlib

# Where each public name lives.
_SUBMODULES = {
    "counts": [
        "FEW", "INDEX_WORDS", "MARCH_SINCE", "TIMELINE_TERMS", "corpus_counts", "count_longest", "count_terms",
        "first_years", "folder_term_counts", "province_counts", "rate_text", "term_counts", "text_index",
        "timeline_check", "trajectories"
    ],
    "engines": [
        "REFERENCE_KEY", "compare_engines", "jieba_reference"
    ],
    "dispatch": [
        "PARTITION_BYTES", "SCHEDULER_ENV"
    ],
    "contrasts": [
        "CRITICAL", "PERIOD_A", "PERIOD_B", "WINDOWS", "doc_token_counts", "dp", "keyness", "keyness_congress",
        "keyness_docs", "keyness_periods", "log_likelihood", "log_ratio", "preload", "segment_documents",
        "token_counts", "window_contrasts"
    ],
    "reading": [
        "CORPUS", "MANIFEST", "PER", "PREMIERS", "analysis_text", "documents", "flat_text", "load", "manifest",
        "premier",
        "read_text", "terms", "txt_files"
    ],
    "talk": [
        "ABRIDGED", "MEASURES", "bootstrap_ci", "correlation", "leave_one_out", "talk_table", "talk_variants",
        "talk_vs_index"
    ],
    "tiles": [
        "tile_grid"
    ],
}
_HOME = {name: module for module, names in _SUBMODULES.items() for name in names}
__all__ = [
    "ABRIDGED", "CORPUS", "CRITICAL", "FEW", "INDEX_WORDS", "MANIFEST", "MARCH_SINCE", "MEASURES", "PARTITION_BYTES",
    "PER", "PERIOD_A", "PERIOD_B", "PREMIERS", "REFERENCE_KEY", "SCHEDULER_ENV", "TIMELINE_TERMS", "WINDOWS",
    "analysis_text", "bootstrap_ci", "compare_engines", "corpus_counts", "correlation", "count_longest",
    "count_terms", "doc_token_counts", "documents", "dp", "first_years", "flat_text", "folder_term_counts", "keyness",
    "jieba_reference", "keyness_congress", "keyness_docs", "keyness_periods", "leave_one_out", "load",
    "log_likelihood", "log_ratio", "manifest", "preload", "premier", "province_counts", "rate_text", "read_text",
    "segment_documents", "talk_table", "talk_variants", "talk_vs_index", "term_counts", "terms", "text_index",
    "tile_grid", "timeline_check", "token_counts", "trajectories", "txt_files", "window_contrasts"
]


def __getattr__(name: str):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value  # once loaded, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__) | set(_SUBMODULES))
