"""The shared growth arithmetic, worked by hand."""

from __future__ import annotations

import pytest

from nqpf.core import growth
from nqpf.core.errors import UsageError


def test_cagr_by_hand():
    assert growth.cagr(100, 121, 2) == pytest.approx(10.0)  # 1.1 ** 2 = 1.21
    assert growth.cagr(100, 81, 2) == pytest.approx(-10.0)  # 0.9 ** 2 = 0.81
    with pytest.raises(UsageError):
        growth.cagr(0, 5, 3)
    with pytest.raises(UsageError):
        growth.cagr(1, 2, 0)


def test_required_growth_by_hand():
    # the share doubles in one year while the denominator grows 10 %: the numerator must grow 1.1 * 2 - 1 = 120 %
    assert growth.required_growth(10, 20, 1, 10) == pytest.approx(120.0)
    # a constant share needs exactly the denominator's growth
    assert growth.required_growth(7.8, 7.8, 5, 6) == pytest.approx(6.0)
    # share 10 -> 12.1 in two years (1.1 a year), denominator flat: 10 % a year
    assert growth.required_growth(10, 12.1, 2, 0) == pytest.approx(10.0)
    with pytest.raises(UsageError):
        growth.required_growth(0, 10, 2, 5)
    with pytest.raises(UsageError):
        growth.required_growth(10, 12, 0, 5)


def test_breakeven_is_the_inverse_of_required_growth():
    g = growth.required_growth(13.0, 17.0, 2, 4.6)
    assert growth.breakeven_denominator_growth(13.0, 17.0, 2, g) == pytest.approx(4.6)


def test_units():
    assert growth.WAN_YI * growth.YI == 10**12  # 1 万亿 = 10^12 元
    assert growth.WAN * growth.WAN == growth.YI
