"""The one place a Dask collection is run: on a named scheduler, a ``distributed.Client``, or a cluster address.

Used by the policy pipeline (:mod:`nqpf.analysis.policy.dispatch`) and by the token-cache warm-up
(:func:`nqpf.core.text.warm_cache`), so the same code runs on one core of a laptop or on a cluster.
"""

from __future__ import annotations

import importlib
import os

__all__ = ["SCHEDULER_ENV", "compute"]

SCHEDULER_ENV = "NQPF_DASK_SCHEDULER"
_LOCAL = {"sync": "dask.local.get_sync", "synchronous": "dask.local.get_sync", "threads": "dask.threaded.get",
          "processes": "dask.multiprocessing.get"}


def compute(collection, scheduler=None):
    """Run a dask collection. ``scheduler``: a scheduler name (``"sync"``, ``"threads"``, ``"processes"``), a
    ``distributed.Client``, or an address (``"tcp://host:8786"``); default the environment variable
    ``NQPF_DASK_SCHEDULER``, else ``"sync"``.

    >>> import dask.bag as db
    >>> compute(db.from_sequence([1, 2, 3]).map(lambda x: 2 * x).sum(), "sync")
    12
    """
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or "sync"
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
