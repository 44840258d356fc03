"""The one place work is spread over cores or a cluster: :func:`compute` runs a Dask collection on a named
scheduler, a ``distributed.Client`` or a cluster address; :func:`fold` folds many items into one result, on local
threads or processes without Dask (no graph, no start-up) or as a Dask reduction on a cluster.

Used by the policy pipeline (:mod:`nqpf.analysis.policy.dispatch`), the token-cache warm-up
(:func:`nqpf.core.text.warm_cache`) and ``corpus frequencies`` (:mod:`nqpf.analysis.textfreq`), so the same code
runs on one core of a laptop or on a cluster.
"""

from __future__ import annotations

import importlib
import os
from functools import partial, reduce

__all__ = ["SCHEDULER_ENV", "compute", "fold", "resolve"]

SCHEDULER_ENV = "NQPF_DASK_SCHEDULER"
_LOCAL = {"sync": "dask.local.get_sync", "synchronous": "dask.local.get_sync", "threads": "dask.threaded.get",
          "processes": "dask.multiprocessing.get"}


def resolve(scheduler=None):
    """The scheduler a call means: the one given, else the environment variable ``NQPF_DASK_SCHEDULER``, else
    ``"sync"``.

    >>> resolve("threads"), resolve(None) in ("sync", os.environ.get(SCHEDULER_ENV))
    ('threads', True)
    """
    return scheduler or os.environ.get(SCHEDULER_ENV) or "sync"


def compute(collection, scheduler=None):
    """Run a dask collection. ``scheduler``: a scheduler name (``"sync"``, ``"threads"``, ``"processes"``), a
    ``distributed.Client``, or an address (``"tcp://host:8786"``); default the environment variable
    ``NQPF_DASK_SCHEDULER``, else ``"sync"``.

    >>> import dask.bag as db
    >>> compute(db.from_sequence([1, 2, 3]).map(lambda x: 2 * x).sum(), "sync")
    12
    """
    scheduler = resolve(scheduler)
    if isinstance(scheduler, str) and "://" in scheduler:
        from distributed import Client

        with Client(scheduler) as client:
            return client.compute(collection).result()
    if hasattr(scheduler, "compute") and hasattr(scheduler, "scheduler_info"):  # a distributed.Client
        return scheduler.compute(collection).result()
    if scheduler in _LOCAL:
        # Dask's own get function: a scheduler *name* makes dask import `distributed` (about 1 s) to look for a
        # client, which a local run never uses.
        module, name = _LOCAL[scheduler].rsplit(".", 1)
        scheduler = getattr(importlib.import_module(module), name)
    return collection.compute(scheduler=scheduler)


def _cores() -> int:
    # The cores this process may run on (a container or taskset may allow fewer than the machine has).
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _cluster(scheduler) -> bool:
    return (isinstance(scheduler, str) and "://" in scheduler) or hasattr(scheduler, "scheduler_info")


def _fold_run(items, take, step, start, finish):
    # One worker's loop: take the next item until there is none, fold it into this worker's accumulator.
    acc = start()
    while (i := take()) is not None:
        acc = step(acc, items[i])
    return finish(acc) if finish else acc


def _fold_part(part, step, start, finish):
    part = list(part)
    indices = iter(range(len(part)))
    return _fold_run(part, lambda: next(indices, None), step, start, finish)


def _merge_all(merge, accs):
    return reduce(merge, accs)


def _taker(n: int, counter, lock):
    # The next item's index from a counter shared by all workers: whoever is free takes the next item, so every
    # worker stays busy until the items run out (the tail is one item, not one worker's share).
    def take():
        with lock:
            i = counter.value
            if i >= n:
                return None
            counter.value = i + 1
        return i
    return take


_POOL_STATE = None  # a pool worker's items and fold functions, handed over when the worker starts


def _pool_init(items, counter, step, start, finish) -> None:
    global _POOL_STATE
    _POOL_STATE = items, counter, step, start, finish


def _pool_fold(_) -> object:
    items, counter, step, start, finish = _POOL_STATE
    try:
        return _fold_run(items, _taker(len(items), counter, counter.get_lock()), step, start, finish)
    except BaseException:
        with counter.get_lock():
            counter.value = len(items)  # the other workers stop after their current item
        raise


def fold(items, step, start, merge, finish=None, scheduler=None, workers: int | None = None, bag=None):
    """Fold ``items`` into one result: each worker folds the items it takes into its own accumulator
    (``acc = step(acc, item)`` from ``acc = start()``, then ``finish(acc)`` if given), and the workers' results
    are combined with ``merge(a, b)``. Whatever ``scheduler`` (as for :func:`compute`), the items are folded in
    order within a worker and the results merged; ``merge`` must not care which worker folded which item.

    On one machine no Dask graph is built: ``"sync"`` folds in this process; ``"threads"`` and ``"processes"``
    start ``workers`` (default: the cores this process may use) threads or processes (forked where the system
    allows, so a dictionary loaded before the call is shared), each taking the next item as soon as it is free, and
    only their ``workers`` results come back. On a cluster (an address or a ``distributed.Client``) it is a ``dask.bag``
    reduction, merged in a tree: ``bag(items)`` if given (e.g. partitions of equal bytes), else one partition an
    item.

    >>> fold([1, 2, 3, 4], lambda acc, x: acc + x, int, lambda a, b: a + b, scheduler="sync")
    10
    """
    items = list(items)
    scheduler = resolve(scheduler)
    if _cluster(scheduler):
        import dask.bag as db

        b = bag(items) if bag else db.from_sequence(items, npartitions=max(1, len(items)))
        return compute(b.reduction(partial(_fold_part, step=step, start=start, finish=finish),
                                   partial(_merge_all, merge), split_every=8), scheduler)
    if scheduler not in _LOCAL:
        raise ValueError(f"scheduler is one of {', '.join(_LOCAL)}, an address or a distributed.Client, "
                         f"not {scheduler!r}")
    workers = max(1, min(workers or _cores(), len(items)))
    if _LOCAL[scheduler] == "dask.local.get_sync" or workers == 1:
        return _fold_part(items, step, start, finish)
    if scheduler == "threads":
        from concurrent.futures import ThreadPoolExecutor

        indices = iter(range(len(items)))  # next() on it is atomic under the GIL: the threads share it
        take = lambda: next(indices, None)  # noqa: E731
        with ThreadPoolExecutor(workers) as pool:
            results = list(pool.map(lambda _: _fold_run(items, take, step, start, finish), range(workers)))
        return _merge_all(merge, results)
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    counter = ctx.Value("q", 0)
    # The standard library's process pool, one task a worker: the items, the shared counter and the fold functions
    # reach each worker when it starts (inherited when forked: a dictionary loaded before the call is shared and
    # nothing is pickled), a worker's error is raised here as itself, a worker that dies breaks the pool.
    with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_pool_init,
                             initargs=(items, counter, step, start, finish)) as pool:
        results = list(pool.map(_pool_fold, range(workers)))
    return _merge_all(merge, results)
