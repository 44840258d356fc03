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


def test_breakeven_denominator_growth_by_hand():
    # share 10 -> 12.1 in two years is 1.1 a year; a numerator growing 21 % a year keeps that pace only if the
    # denominator grows 1.21 / 1.1 - 1 = 10 % a year
    assert growth.breakeven_denominator_growth(10, 12.1, 2, 21) == pytest.approx(10.0)
    # a constant share: the denominator must grow as fast as the numerator
    assert growth.breakeven_denominator_growth(7.8, 7.8, 5, 6) == pytest.approx(6.0)
    with pytest.raises(UsageError):
        growth.breakeven_denominator_growth(10, 12, 0, 5)


def test_units():
    assert growth.WAN == 10_000 and growth.YI == 100_000_000  # 万 = 10^4 元, 亿 = 10^8 元
    assert growth.WAN_YI == 10_000  # 1 万亿 = 10^12 元 = 10^4 亿
