"""The policy-text corpus (``data/corpus/``) and any folder of ``.txt`` files.

Modules, each holding one concern:

- :mod:`.reading` — reading one document (UTF-8, cleaning, flattening), the corpus manifest, the documents;
- :mod:`.dispatch` — the one Dask dispatch (a bag of documents cut by bytes; any scheduler or cluster);
- :mod:`.counts` — term counts, trajectories 1954–2026, first-use years, the provincial reports, the text index;
- :mod:`.keyness` — log-likelihood, Log Ratio, Gries's DP, the document bootstrap, the period comparisons;
- :mod:`.tiles` — the tile map of the provincial reports (the book's one layout, ``nqpf.core.geo.TILES``);
- :mod:`.talk` — the provincial reports against the provincial index (bootstrap, leave-one-out, variants).

The public names are re-exported here: ``from nqpf.analysis import policy; policy.trajectories()``.
"""

from __future__ import annotations

from nqpf.analysis.policy.counts import (
    FEW,
    INDEX_WORDS,
    MARCH_SINCE,
    TIMELINE_TERMS,
    corpus_counts,
    count_longest,
    count_terms,
    first_years,
    folder_term_counts,
    province_counts,
    rate_text,
    term_counts,
    text_index,
    timeline_check,
    trajectories,
)
from nqpf.analysis.policy.dispatch import PARTITION_BYTES, SCHEDULER_ENV
from nqpf.analysis.policy.keyness import (
    CRITICAL,
    PERIOD_A,
    PERIOD_B,
    WINDOWS,
    doc_token_counts,
    dp,
    keyness,
    keyness_congress,
    keyness_docs,
    keyness_periods,
    log_likelihood,
    log_ratio,
    preload,
    segment_documents,
    token_counts,
    window_contrasts,
)
from nqpf.analysis.policy.reading import (
    CORPUS,
    MANIFEST,
    PER,
    PREMIERS,
    analysis_text,
    documents,
    load,
    manifest,
    premier,
    read_text,
    terms,
    txt_files,
)
from nqpf.analysis.policy.talk import (
    ABRIDGED,
    MEASURES,
    bootstrap_ci,
    correlation,
    leave_one_out,
    talk_table,
    talk_variants,
    talk_vs_index,
)
from nqpf.analysis.policy.tiles import tile_grid

__all__ = [
    "ABRIDGED", "CORPUS", "CRITICAL", "FEW", "INDEX_WORDS", "MANIFEST", "MARCH_SINCE", "MEASURES",
    "PARTITION_BYTES", "PER", "PERIOD_A", "PERIOD_B", "PREMIERS", "SCHEDULER_ENV", "TIMELINE_TERMS", "WINDOWS",
    "analysis_text", "bootstrap_ci", "corpus_counts", "correlation", "count_longest", "count_terms",
    "doc_token_counts", "documents", "dp", "first_years", "folder_term_counts", "keyness", "keyness_congress",
    "keyness_docs", "keyness_periods", "leave_one_out", "load", "log_likelihood", "log_ratio", "manifest",
    "preload", "premier", "province_counts", "rate_text", "read_text", "segment_documents", "talk_table",
    "talk_variants", "talk_vs_index", "term_counts", "terms", "text_index", "tile_grid", "timeline_check",
    "token_counts", "trajectories", "txt_files", "window_contrasts",
]
