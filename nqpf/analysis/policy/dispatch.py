"""The policy pipeline's Dask work: a bag of documents cut by bytes, run by :func:`nqpf.core.dispatch.compute`.

Work over many documents is a ``dask.bag`` over file *paths*: each task reads, cleans and reduces one document and
returns only its small result, so memory stays flat however large the folder. The scheduler is ``"sync"`` by
default (the book's corpus is 6 MB: a plain loop in the calling process, Dask not even imported); pass
``"processes"``, a ``distributed.Client``, or an address (``"tcp://host:8786"``; also from the environment variable
``NQPF_DASK_SCHEDULER``) to spread the work over cores or a cluster.
"""

from __future__ import annotations

import math
import os

from nqpf.core.dispatch import SCHEDULER_ENV, compute, resolve

__all__ = ["PARTITION_BYTES", "SCHEDULER_ENV", "bag", "compute", "run"]  # compute: nqpf.core.dispatch

# Bytes of text per Dask task: a task costs about 10 ms of scheduling on a LocalCluster, small beside the
# segmentation of 4 MB (about 0.3 s on the fast path), while 1 GB still makes hundreds of tasks to share out.
PARTITION_BYTES = 4_000_000


def _size(item) -> int:
    try:
        return os.path.getsize(item[1] if isinstance(item, tuple) else item)
    except OSError:
        return 0  # reading it will name the file


def bag(items, partition_bytes: int | None = None):
    """A dask bag of documents (paths, or pairs of name and path) in order, cut into contiguous partitions of
    about equal bytes: about ``partition_bytes`` (default :data:`PARTITION_BYTES`) each, and at least four where
    there are four documents, so that two workers share a small corpus. Each task streams its documents."""
    import dask.bag as db

    limit = partition_bytes or PARTITION_BYTES
    items = list(items)
    sizes = [_size(it) for it in items]
    n = max(1, min(len(items), max(4, math.ceil(sum(sizes) / limit))))
    step = sum(sizes) / n
    parts, part, seen = [], [], 0
    for item, size in zip(items, sizes):
        part.append(item)
        seen += size
        if len(parts) < n - 1 and seen >= step * (len(parts) + 1):
            parts.append(part)
            part = []
    parts += [part] if part else []
    return db.from_sequence(parts, npartitions=max(1, len(parts))).flatten()


def _in_process(scheduler) -> bool:
    """The default, synchronous scheduler (as :func:`nqpf.core.dispatch.compute` resolves it)."""
    return resolve(scheduler) in ("sync", "synchronous")


def run(items, func, scheduler=None, **kwargs) -> list:
    """``func(item, **kwargs)`` for every item, as one Dask bag, results in order (the only way the policy
    pipeline spreads documents over workers). On the synchronous scheduler the items are run in a plain loop,
    in the same order and process as Dask's synchronous scheduler would, without importing Dask (about 0.5 s)."""
    if _in_process(scheduler):
        return [func(item, **kwargs) for item in items]
    return list(compute(bag(items).map(func, **kwargs), scheduler))
