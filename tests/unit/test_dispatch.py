"""nqpf.core.dispatch.fold: every item folded exactly once, whatever the scheduler; a worker's error comes back."""

from __future__ import annotations

import os

import pytest

from nqpf.core import dispatch
from nqpf.core.errors import DataError


def _add(acc, x):
    return acc + x


def _add_pair(a, b):
    return a + b


def _collect(acc, x):
    acc.append((x, os.getpid()))
    return acc


def _fail_on_13(acc, x):
    if x == 13:
        raise DataError("corpus/13.txt", "encoding is UTF-8", 2, "byte 0xff is not UTF-8")
    return acc


@pytest.mark.parametrize("scheduler,workers", [("sync", None), ("threads", 3), ("processes", 2), ("processes", 3)])
def test_fold_sums_1_to_100(scheduler, workers):
    # 1 + 2 + ... + 100 = 100 * 101 / 2 = 5050 (Gauss), however the items are shared out.
    assert dispatch.fold(range(1, 101), _add, int, _add_pair, scheduler=scheduler, workers=workers) == 5050


def test_processes_fold_each_item_once_and_return_one_result_a_worker():
    out = dispatch.fold(range(40), _collect, list, _add_pair, scheduler="processes", workers=2)
    assert sorted(x for x, _ in out) == list(range(40))  # every item once, none twice
    pids = {pid for _, pid in out}
    assert len(pids) <= 2 and os.getpid() not in pids  # folded in (at most) two worker processes


def test_finish_runs_in_each_worker_before_the_merge():
    # finish doubles each worker's partial sum: 2 * (0 + 1 + ... + 9) = 90 whichever way the items were split.
    assert dispatch.fold(range(10), _add, int, _add_pair, finish=lambda s: 2 * s, scheduler="processes",
                         workers=2) == 90


def test_a_workers_error_is_raised_as_itself():
    with pytest.raises(DataError, match=r"corpus/13.txt: line 2: rule 'encoding is UTF-8'") as err:
        dispatch.fold(range(30), _fail_on_13, int, _add_pair, scheduler="processes", workers=2)
    assert err.value.path == "corpus/13.txt" and err.value.row == 2


def test_unknown_scheduler():
    with pytest.raises(ValueError, match="scheduler"):
        dispatch.fold([1], _add, int, _add_pair, scheduler="gpu")
