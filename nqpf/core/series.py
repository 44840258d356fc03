"""Checks on year-indexed series."""

from __future__ import annotations

import pandas as pd

# One tolerance for "the same value again": WDI's carried-forward values differ from the last measurement only in
# the 10th significant digit, while real year-on-year changes are far above one part in 10^8.
FROZEN_REL_TOL = 1e-8


def frozen_since(values: pd.Series, rel_tol: float = FROZEN_REL_TOL) -> int | None:
    """First year of the run of (numerically) unchanged values that ends a series, or None if the last two differ.

    A WDI series that repeats its last value for years is an imputation carried forward, not a measurement.
    "Unchanged" is within ``rel_tol`` of the last value (relative). NaNs are ignored.

    >>> frozen_since(pd.Series([1.0, 2.0, 2.0, 2.0], index=[2000, 2001, 2002, 2003]))  # 2.0 from 2001 on
    2001
    >>> frozen_since(pd.Series([2.0, 1.0, 2.0], index=[2000, 2001, 2002])) is None  # the last two differ
    True
    """
    s = values.dropna().sort_index()
    if len(s) < 2:
        return None
    same = (s - s.iloc[-1]).abs() <= rel_tol * abs(s.iloc[-1])
    if not same.iloc[-2]:
        return None
    run = same[::-1].cumprod()[::-1]  # True only for the trailing run
    return int(run[run.astype(bool)].index[0])
