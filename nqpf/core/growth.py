"""Growth arithmetic shared by every chapter: compound growth, the growth a share needs to reach a target, units.

Rates are in percent a year; shares in percent. One home for each formula, so the chapters, the command line and
the fact check compute the same number the same way.
"""

from __future__ import annotations

from nqpf.core.errors import UsageError

# Chinese units as multiples of 元 (yuan); WAN_YI converts 万亿 to 亿 (1 万亿 = 10,000 亿).
WAN = 10_000
YI = 100_000_000
WAN_YI = 10_000


def cagr(v0: float, v1: float, years: float) -> float:
    """Compound annual growth rate in percent from v0 to v1 over `years` years: ((v1 / v0) ** (1 / years) - 1) * 100."""
    if years <= 0:
        raise UsageError(f"a growth span needs at least one year, not {years}")
    if not (v0 > 0 and v1 > 0):
        raise UsageError(f"growth needs positive levels, not {v0} and {v1}")
    return ((v1 / v0) ** (1 / years) - 1) * 100


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
