"""Word frequencies of any folder of ``.txt`` files: the first thing a researcher runs on their own corpus.

Every file is read and cleaned as the policy corpus is (:func:`nqpf.analysis.policy.reading.flat_text`: the cleaning
rules, traditional characters converted), segmented with the project's user dictionary, and only tokens made
wholly of Chinese characters are counted. Output: ``term, count, documents`` (how many files contain the term),
most frequent first.

The work is a fold (:func:`nqpf.core.dispatch.fold`): on one machine each worker process (forked after the
dictionary is loaded, so it is loaded once) takes the next file as soon as it is free, largest first, and adds it
to its own term and document counts; only one pair of vocabularies a worker comes back, so memory stays flat
however large the folder, and no Dask graph or cluster is started. Schedulers: ``processes`` (default),
``threads``, ``sync``, or ``tcp://host:port`` for a running distributed scheduler (a Dask bag of partitions of
about equal bytes, reduced in a tree). The fast engine (rjieba, jieba-rs) gives the counts plain jieba gives on
every Chinese token (tested); ``engine="jieba"`` runs plain jieba.
"""

from __future__ import annotations

import os
from collections import Counter
from functools import partial

from nqpf.core import dispatch, text
from nqpf.core.errors import UsageError

__all__ = ["SCHEDULERS", "count_document", "frequencies", "rows"]

SCHEDULERS = ("sync", "threads", "processes")


def _tokens(path, engine: str) -> list[str]:
    from nqpf.analysis.policy.reading import flat_text

    flat = flat_text(path)
    return text.segment_fast(flat) if engine == "fast" else text.segment(flat, cache=False)


def _drop_non_chinese(*counters: Counter) -> None:
    # Each distinct token is tested once, not each occurrence: a vocabulary is ~100x smaller than its text.
    chinese = set(text.chinese_tokens(counters[0]))
    for tok in [t for t in counters[0] if t not in chinese]:
        for c in counters:
            del c[tok]


def count_document(path, engine: str = "fast") -> Counter:
    """Chinese-token counts of one file, cleaned as the policy corpus is."""
    counts = Counter(_tokens(path, engine))
    _drop_non_chinese(counts)
    return counts


def _start() -> tuple[Counter, Counter]:
    return Counter(), Counter()


def _add(acc: tuple[Counter, Counter], path, engine: str) -> tuple[Counter, Counter]:
    # A fresh Counter a document (counted in C, in a dict small enough to stay in cache), its keys counted into
    # the document frequencies in C, then merged by distinct term: a third faster than updating the large
    # counters token by token and building a set for the documents.
    counts, docs = acc
    doc = Counter(_tokens(path, engine))
    docs.update(doc.keys())
    counts.update(doc)
    return acc


def _finish(acc: tuple[Counter, Counter]) -> tuple[Counter, Counter]:
    _drop_non_chinese(*acc)
    return acc


def _merge(a: tuple[Counter, Counter], b: tuple[Counter, Counter]) -> tuple[Counter, Counter]:
    a[0].update(b[0])
    a[1].update(b[1])
    return a


def _bag(files):
    from nqpf.analysis.policy import dispatch as policy_dispatch

    return policy_dispatch.bag(files)  # a cluster: partitions of about equal bytes (~4 MB tasks)


def frequencies(folder, scheduler: str = "processes", engine: str = "fast", workers: int | None = None
                ) -> tuple[Counter, Counter, int]:
    """(term counts, document counts, number of files) over every ``.txt`` under ``folder``."""
    from nqpf.analysis.policy.reading import txt_files

    if engine not in ("fast", "jieba"):
        raise UsageError(f"engine is fast or jieba, not {engine!r}")
    if scheduler not in SCHEDULERS and not str(scheduler).startswith("tcp://"):
        raise UsageError(f"--scheduler is one of {', '.join(SCHEDULERS)} or tcp://host:port, not {scheduler!r}")
    files = [str(p) for p in txt_files(folder)]
    local = not str(scheduler).startswith("tcp://")
    if local:
        # Largest first: the last file a worker takes is a small one, so no core idles long at the end.
        files.sort(key=os.path.getsize, reverse=True)
        (text.fast_tokenizer if engine == "fast" else text.tokenizer)()  # loaded once here; forked workers share it
    counts, docs = dispatch.fold(files, partial(_add, engine=engine), _start, _merge, finish=_finish,
                                 scheduler=scheduler, workers=workers, bag=None if local else _bag)
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
