"""Years of schooling behind PWT's human-capital index hc, and the return to one more year that PWT assumes."""

from __future__ import annotations

import math

from nqpf.core.errors import UsageError

__all__ = ["HC_RETURNS", "schooling_from_hc", "marginal_return"]

# PWT's human-capital index: hc = exp(φ(s)), s average years of schooling, φ piecewise linear with the returns
# to schooling of Psacharopoulos (1994): 13.4 % for the first four years, 10.1 % for the next four, 6.8 % after.
HC_RETURNS = ((4.0, 0.134), (4.0, 0.101), (math.inf, 0.068))


def schooling_from_hc(hc: float) -> float:
    """Average years of schooling implied by a PWT ``hc`` value (the inverse of PWT's φ).

    >>> round(schooling_from_hc(math.exp(0.134 * 4 + 0.101 * 2)), 6)  # four years at 13.4 %, two at 10.1 %
    6.0
    """
    if not hc >= 1:
        raise UsageError(f"PWT's hc is at least 1, not {hc}")
    left, years = math.log(hc), 0.0
    for width, rate in HC_RETURNS:
        step = min(width, left / rate)
        years += step
        left -= step * rate
        if left <= 1e-15:
            break
    return years


def marginal_return(years: float) -> float:
    """PWT's return to one more year of schooling (percent) at ``years`` of schooling."""
    edge = 0.0
    for width, rate in HC_RETURNS:
        edge += width
        if years < edge:
            return 100 * rate
    return 100 * HC_RETURNS[-1][1]
