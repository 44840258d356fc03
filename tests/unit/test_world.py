"""The international comparison: the standard GDP series and catch-up timing."""

from __future__ import annotations

import pytest

from nqpf.analysis import world
from nqpf.core import data


def test_china_gdp_is_dollars_times_rate_on_the_latest_vintage():
    g = world.china_gdp()
    assert list(g.columns) == ["year", "value", "unit", "vintage"]
    s = g.set_index("year")["value"]
    # NBS fifth-census figure for 2023 (first release 1,260,582)
    assert s[2023] == pytest.approx(1_294_272, abs=1)
    # by hand from the two WDI rows of 2023
    w = data.load("wdi_selected")
    row = lambda code: w[(w.indicator == code) & (w.countrycode == "CHN") & (w.year == 2023)]["value"].item()
    assert s[2023] == pytest.approx(row("NY.GDP.MKTP.CD") * row("PA.NUS.FCRF") / 1e8)
    assert set(g["unit"]) == {"亿元"} and g["vintage"].nunique() == 1
    assert g["year"].is_monotonic_increasing and g["year"].min() == 1994
    assert g["year"].diff().dropna().eq(1).all()  # no gaps: growth rates need consecutive years


def test_standard_gdp_is_revised_above_first_releases():
    s = world.china_gdp().set_index("year")["value"]
    nbs = data.load("cn_nominal_gdp").set_index("year")["value"]
    assert nbs[2023] == 1_260_582
    assert s[2023] / nbs[2023] - 1 == pytest.approx(0.0267, abs=0.0005)
