"""The concept chapter's research-and-development figures (nqpf.analysis.concept.rd_*), from data/raw/cn_rd_*."""

from __future__ import annotations

import csv

import pytest

from nqpf.analysis import concept
from nqpf.core.errors import UsageError
from nqpf.core.paths import RAW


def _raw(name):
    with open(RAW / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return {int(r["year"]): float(r["value"]) for r in csv.DictReader(fh)}


def test_rd_table_joins_both_files_with_flags():
    t = concept.rd_table().set_index("year")
    exp, inten = _raw("cn_rd_expenditure"), _raw("cn_rd_intensity")
    assert t.loc[2023, "expenditure"] == exp[2023] == 33357.1
    assert t.loc[2023, "intensity_first_release"] == inten[2023] == 2.65
    # 2024: the communiqué of 2025-09-29 (data/official/nbs_2024_rd_bulletin.txt line 48), not the rounded 3.6万亿
    assert (t.loc[2024, "expenditure"], t.loc[2024, "intensity_first_release"]) == (36326.8, 2.69)
    assert t.loc[2024, "flags_expenditure"] == ""
    assert set(t.index) == set(exp) | set(inten)


def test_rd_growth_uses_the_period_convention():
    exp = _raw("cn_rd_expenditure")
    # growth years 2013-2023 start from the 2012 level: eleven years
    assert concept.rd_growth(2013, 2023) == pytest.approx(((exp[2023] / exp[2012]) ** (1 / 11) - 1) * 100)
    assert concept.rd_growth(2023, 2023) == pytest.approx((33357.1 / 30782.9 - 1) * 100)
    with pytest.raises(UsageError):
        concept.rd_growth(2005, 2010)  # no 2004 level
