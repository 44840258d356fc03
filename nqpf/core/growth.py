"""Growth arithmetic shared by every chapter: compound growth, the growth a share needs to reach a target, units.

Rates are in percent a year; shares in percent. One home for each formula, so the chapters, the command line and
the fact check compute the same number the same way.
"""

from __future__ import annotations

import pandas as pd

from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

# Chinese units as multiples of 元 (yuan); WAN_YI converts 万亿 to 亿 (1 万亿 = 10,000 亿).
WAN = 10_000
YI = 100_000_000
WAN_YI = 10_000


def cagr(v0: float, v1: float, years: float) -> float:
    """Compound annual growth rate in percent from v0 to v1 over `years` years: ((v1 / v0) ** (1 / years) - 1) * 100.

    >>> round(cagr(100, 121, 2), 6)  # 1.1 ** 2 = 1.21
    10.0
    >>> cagr(100, 50, 0)
    Traceback (most recent call last):
    ...
    nqpf.core.errors.UsageError: a growth span needs at least one year, not 0
    """
    if years <= 0:
        raise UsageError(f"a growth span needs at least one year, not {years}")
    if not (v0 > 0 and v1 > 0):
        raise UsageError(f"growth needs positive levels, not {v0} and {v1}")
    return ((v1 / v0) ** (1 / years) - 1) * 100


def period_growth(series: pd.Series, first: int, last: int, name: str = "series") -> float:
    """Compound growth (% a year) of a year-indexed series over the growth years ``first``…``last``: from the level
    of ``first − 1`` (the base, :class:`~nqpf.core.periods.Period`) to that of ``last``, over ``last − first + 1``
    years. Missing (or NaN) base or end years raise :class:`UsageError` naming them and the years available.

    >>> s = pd.Series([100.0, 110.0, 121.0], index=[2019, 2020, 2021])
    >>> round(period_growth(s, 2020, 2021), 6)  # base 2019: (121 / 100) ** (1 / 2) - 1
    10.0
    >>> period_growth(s, 2019, 2021, name="R&D")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    nqpf.core.errors.UsageError: R&D: growth over 2019–2021 ... missing 2018 (years available: 2019–2021)
    """
    p = Period(int(first), int(last))
    s = series.dropna()
    years = {int(y) for y in s.index}
    missing = [y for y in (p.base, p.last) if y not in years]
    if missing:
        raise UsageError(f"{name}: growth over {p.label} needs the levels of {p.base} and {p.last}; missing "
                         f"{', '.join(map(str, missing))} (years available: {years_text(years)})")
    by_year = pd.Series(s.to_numpy(), index=[int(y) for y in s.index])
    return cagr(float(by_year[p.base]), float(by_year[p.last]), p.years)


def years_text(years) -> str:
    """Years as runs: ``{2001, 2002, 2003, 2005}`` -> ``'2001–2003, 2005'``; none -> ``'none'``.

    >>> years_text([2005, 2001, 2002, 2003])
    '2001–2003, 2005'
    """
    ys = sorted({int(y) for y in years})
    if not ys:
        return "none"
    runs, start = [], ys[0]
    for a, b in zip(ys, ys[1:] + [None]):
        if b != a + 1:
            runs.append(str(start) if start == a else f"{start}–{a}")
            start = b
    return ", ".join(runs)


def required_growth(share0: float, share1: float, years: float, denominator_growth: float) -> float:
    """Growth (% a year) of a numerator that moves its share of a denominator from share0 to share1 in `years`,
    while the denominator (e.g. nominal GDP) grows `denominator_growth` % a year:
    (1 + g) = (1 + g_denominator) * (share1 / share0) ** (1 / years)."""
    _check_share_path(share0, share1, years)
    if denominator_growth <= -100:
        raise UsageError(f"nominal GDP growth must exceed -100 %, not {denominator_growth}")
    return ((1 + denominator_growth / 100) * (share1 / share0) ** (1 / years) - 1) * 100


def breakeven_denominator_growth(share0: float, share1: float, years: float, numerator_growth: float) -> float:
    """The inverse of :func:`required_growth`: the denominator growth (% a year) at which a numerator growing
    `numerator_growth` % a year moves its share from share0 to exactly share1 in `years`."""
    _check_share_path(share0, share1, years)
    return ((1 + numerator_growth / 100) / (share1 / share0) ** (1 / years) - 1) * 100


def _check_share_path(share0: float, share1: float, years: float) -> None:
    if years <= 0:
        raise UsageError(f"the target needs at least one year, not {years}")
    if not (share0 > 0 and share1 > 0):
        raise UsageError(f"shares must be positive, not {share0} and {share1}")
