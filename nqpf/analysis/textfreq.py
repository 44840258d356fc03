"""Word frequencies of any folder of ``.txt`` files: the first thing a researcher runs on their own corpus.

Every file is read and cleaned as the policy corpus is (:func:`nqpf.analysis.policy.reading.flat_text`: the cleaning
rules, traditional characters converted), segmented with the project's user dictionary, and only tokens made
wholly of Chinese characters are counted. Output: ``term, count, documents`` (how many files contain the term),
most frequent first.

The work is a ``dask.bag`` over file paths cut into partitions of about equal bytes (on one machine eight a
worker, whatever the size of the folder, so memory stays flat); each partition returns its
term counts and document counts, and the partitions' results are merged in a tree (``Bag.reduction``), so the
client never holds more than a few vocabularies however large the corpus. Schedulers: ``processes`` (default:
dask's local process pool, forked so the loaded dictionary is shared; no cluster is started), ``threads``,
``sync``, or ``tcp://host:port`` for a running distributed scheduler. The fast engine (rjieba, jieba-rs) gives
the counts plain jieba gives on every Chinese token (tested); ``engine="jieba"`` runs plain jieba.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter

from nqpf.core import text
from nqpf.core.errors import UsageError

__all__ = ["PARTS_PER_WORKER", "SCHEDULERS", "count_document", "frequencies", "rows"]

SCHEDULERS = ("sync", "threads", "processes")
PARTS_PER_WORKER = 8
# One Chinese character (the ranges of nqpf.core.text.is_hanzi), as a compiled run: a C-speed test per token.
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")


def _tokens(path, engine: str) -> list[str]:
    from nqpf.analysis.policy.reading import flat_text

    flat = flat_text(path)
    return text.segment_fast(flat) if engine == "fast" else text.segment(flat, cache=False)


def _drop_non_chinese(*counters: Counter) -> None:
    # Each distinct token is tested once, not each occurrence: a vocabulary is ~100x smaller than its text.
    for tok in [t for t in counters[0] if _HAN.fullmatch(t) is None]:
        for c in counters:
            del c[tok]


def count_document(path, engine: str = "fast") -> Counter:
    """Chinese-token counts of one file, cleaned as the policy corpus is."""
    counts = Counter(_tokens(path, engine))
    _drop_non_chinese(counts)
    return counts


def _partition(paths, engine: str) -> tuple[Counter, Counter]:
    # Counter.update on a list or a set counts in C; merging per-document Counters would loop in Python.
    counts, docs = Counter(), Counter()
    for path in paths:
        toks = _tokens(path, engine)
        counts.update(toks)
        docs.update(set(toks))
    _drop_non_chinese(counts, docs)
    return counts, docs


def _merge(parts) -> tuple[Counter, Counter]:
    counts, docs = Counter(), Counter()
    for c, d in parts:
        counts.update(c)
        docs.update(d)
    return counts, docs


def frequencies(folder, scheduler: str = "processes", engine: str = "fast", workers: int | None = None
                ) -> tuple[Counter, Counter, int]:
    """(term counts, document counts, number of files) over every ``.txt`` under ``folder``."""
    import dask

    from nqpf.analysis.policy import dispatch
    from nqpf.analysis.policy.reading import txt_files

    if engine not in ("fast", "jieba"):
        raise UsageError(f"engine is fast or jieba, not {engine!r}")
    if scheduler not in SCHEDULERS and not str(scheduler).startswith("tcp://"):
        raise UsageError(f"--scheduler is one of {', '.join(SCHEDULERS)} or tcp://host:port, not {scheduler!r}")
    files = [str(p) for p in txt_files(folder)]
    text.preload(engine)  # loaded once here; forked workers share it
    workers = workers or os.cpu_count() or 1
    partition_bytes = None  # a cluster: the pipeline's usual ~4 MB tasks
    if not str(scheduler).startswith("tcp://"):
        # On one machine a fixed number of tasks (8 a worker), however large the folder: every partition's
        # vocabulary passes through this process, so more tasks would mean more memory here, not more speed.
        partition_bytes = max(1, math.ceil(sum(os.path.getsize(f) for f in files) / (PARTS_PER_WORKER * workers)))
    bag = dispatch.bag(files, partition_bytes).reduction(lambda part: _partition(part, engine), _merge,
                                                         split_every=8)
    settings = {"multiprocessing.context": "fork"} if os.name == "posix" else {}
    if scheduler == "processes":
        settings["num_workers"] = workers
    with dask.config.set(settings):
        counts, docs = dispatch.compute(bag, scheduler)
    return counts, docs, len(files)


def rows(counts: Counter, docs: Counter, top: int | None = None) -> list[dict]:
    """``term, count, documents`` rows, most frequent first (ties by term), the first ``top`` if given.

    >>> rows(Counter({"数据": 3, "算力": 3, "算法": 1}), Counter({"数据": 2, "算力": 1, "算法": 1}), top=2)
    [{'term': '数据', 'count': 3, 'documents': 2}, {'term': '算力', 'count': 3, 'documents': 1}]
    """
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if top is not None:
        ordered = ordered[:top]
    return [{"term": t, "count": n, "documents": docs[t]} for t, n in ordered]
