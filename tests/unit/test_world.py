"""The international comparison: the standard GDP series and catch-up timing."""

from __future__ import annotations

import pandas as pd
import pytest

from nqpf.analysis import world
from nqpf.core import data
from nqpf.core.errors import UsageError


def test_china_gdp_is_dollars_times_rate_on_the_latest_vintage():
    g = world.china_gdp()
    assert list(g.columns) == ["year", "value", "unit", "vintage"]
    s = g.set_index("year")["value"]
    # NBS fifth-census figure for 2023 (first release 1,260,582)
    assert s[2023] == pytest.approx(1_294_272, abs=1)
    # by hand from the two WDI rows of 2023
    w = data.load("wdi_selected")
    def row(code):
        return w[(w.indicator == code) & (w.countrycode == "CHN") & (w.year == 2023)]["value"].item()
    assert s[2023] == pytest.approx(row("NY.GDP.MKTP.CD") * row("PA.NUS.FCRF") / 1e8)
    assert set(g["unit"]) == {"亿元"} and g["vintage"].nunique() == 1
    assert g["year"].is_monotonic_increasing and g["year"].min() == 1994
    assert g["year"].diff().dropna().eq(1).all()  # no gaps: growth rates need consecutive years


def test_standard_gdp_is_revised_above_first_releases():
    s = world.china_gdp().set_index("year")["value"]
    nbs = data.load("cn_nominal_gdp").set_index("year")["value"]
    assert nbs[2023] == 1_260_582
    assert s[2023] / nbs[2023] - 1 == pytest.approx(0.0267, abs=0.0005)


# ---------------------------------------------------------------- catch-up timing, by hand


def _toy():
    """China reaches 5.0 in its latest year (2020). A: 1, 3, 6 (2000-2002) -> reached 2002, 18 years behind.
    B starts at 7 -> censored (at least 2020 - 2001 = 19 years). C peaks at 4 -> not yet. D has no rows."""
    rows = [("CHN", 2019, 4.0), ("CHN", 2020, 5.0),
            ("KOR", 2000, 1.0), ("KOR", 2001, 3.0), ("KOR", 2002, 6.0), ("KOR", 2003, 4.0),
            ("JPN", 2001, 7.0), ("JPN", 2002, 8.0),
            ("DEU", 2000, 2.0), ("DEU", 2010, 4.0)]
    return pd.DataFrame([{"indicator": "GB.XPD.RSDV.GD.ZS", "countrycode": c, "country": c, "year": y, "value": v}
                         for c, y, v in rows])


def test_reach_year_hand_example():
    s = pd.Series([1.0, 2.0, 4.0], index=[2000, 2001, 2002])
    assert world.reach_year(s, 3) == ("reached", 2002)
    assert world.reach_year(s, 4) == ("reached", 2002)  # reaching includes equality
    assert world.reach_year(s, 0.5) == ("censored", None)
    assert world.reach_year(s, 5) == ("not yet", None)
    assert world.reach_year(pd.Series(dtype=float), 1) == ("no data", None)
    # lower is ahead (CO2 per unit of GDP): 0.9, 0.6, 0.4 reach 0.5 in 2002
    assert world.reach_year(pd.Series([0.9, 0.6, 0.4], index=[2000, 2001, 2002]), 0.5, -1) == ("reached", 2002)


def test_catchup_on_a_toy_panel():
    c = world.catchup("GB.XPD.RSDV.GD.ZS", ["KOR", "JPN", "DEU", "USA"], df=_toy()).set_index("countrycode")
    assert (c["china_year"] == 2020).all() and (c["china_value"] == 5.0).all()
    assert c.loc["KOR", "status"] == "reached" and c.loc["KOR", "reach_year"] == 2002
    assert c.loc["KOR", "years_behind"] == 18  # falling back to 4 in 2003 does not undo the reach
    assert c.loc["JPN", "status"] == "censored" and pd.isna(c.loc["JPN", "reach_year"])
    assert pd.isna(c.loc["JPN", "years_behind"]) and c.loc["JPN", "first_year"] == 2001  # no length for a censor
    assert c.loc["DEU", "status"] == "not yet" and pd.isna(c.loc["DEU", "years_behind"])
    assert c.loc["USA", "status"] == "no data"


def test_catchup_on_wdi_rd_intensity():
    c = world.catchup("GB.XPD.RSDV.GD.ZS").set_index("countrycode")
    chn = world.series("GB.XPD.RSDV.GD.ZS")
    assert c["china_year"].iloc[0] == chn.index.max() == 2023
    kor = world.series("GB.XPD.RSDV.GD.ZS", "KOR")
    y = c.loc["KOR", "reach_year"]
    assert kor[y] >= chn[2023] and (kor[kor.index < y] < chn[2023]).all()


def test_catchup_rejects_totals_and_unknown_codes():
    with pytest.raises(UsageError, match="no catch-up timing"):
        world.catchup("IP.PAT.RESD")
    with pytest.raises(UsageError, match="available: GB.XPD.RSDV.GD.ZS"):
        world.catchup("NOPE")
    with pytest.raises(UsageError, match="unknown country 'XYZ'; available: CHN"):
        world.catchup("GB.XPD.RSDV.GD.ZS", ["XYZ"])


# ---------------------------------------------------------------- derived indicators and comparisons


def test_derived_indicators_by_hand():
    p = world.panel()
    def v(code, c, y):
        return p[(p.indicator == code) & (p.countrycode == c) & (p.year == y)]["value"].item()
    pop = v("NY.GDP.MKTP.CD", "CHN", 2021) / v("NY.GDP.PCAP.CD", "CHN", 2021)
    assert 1.40e9 < pop < 1.42e9  # China's population, about 1.41 billion
    assert v("NQPF.PAT.RESD.P6", "CHN", 2021) == pytest.approx(v("IP.PAT.RESD", "CHN", 2021) / pop * 1e6)
    assert v("NQPF.LP.USA", "USA", 2020) == pytest.approx(100)
    assert v("NQPF.LP.USA", "KOR", 2020) == pytest.approx(
        v("SL.GDP.PCAP.EM.KD", "KOR", 2020) / v("SL.GDP.PCAP.EM.KD", "USA", 2020) * 100)
    # constant-PPP GDP: the 2021 PPP level, moved by real growth
    def g(c, y):
        return v("NQPF.GDP.PPP.KD", c, y)
    assert g("DEU", 2021) == pytest.approx(v("NY.GDP.PCAP.PP.CD", "DEU", 2021)
                                           * v("NY.GDP.MKTP.CD", "DEU", 2021) / v("NY.GDP.PCAP.CD", "DEU", 2021))
    assert g("DEU", 2022) / g("DEU", 2021) - 1 == pytest.approx(v("NY.GDP.MKTP.KD.ZG", "DEU", 2022) / 100)
    assert g("DEU", 2021) / g("DEU", 2020) - 1 == pytest.approx(v("NY.GDP.MKTP.KD.ZG", "DEU", 2021) / 100)


def test_compare_names_what_is_available():
    out = world.compare("GB.XPD.RSDV.GD.ZS", 2023, ["CHN", "KOR"])
    assert list(out.columns) == ["countrycode", "country", "value"]
    assert list(out["countrycode"]) == ["CHN", "KOR"]
    with pytest.raises(UsageError, match="no value for 1950; years available: 1996-"):
        world.compare("GB.XPD.RSDV.GD.ZS", 1950)


def test_productivity_gap_rejects_a_base_outside_the_data():
    # SL.GDP.PCAP.EM.KD starts in 1991, so the growth years can start in 1992 at the earliest
    with pytest.raises(UsageError, match="no labour productivity for CHN in 1990"):
        world.productivity_gap("CHN", 1991, 2000)
    with pytest.raises(UsageError, match="must run forward"):
        world.productivity_gap("CHN", 2010, 2005)


# ---------------------------------------------------------------- the revision effect on ratios


def test_rd_intensity_on_first_release_and_revised_gdp():
    r = world.rd_revision().set_index("year")
    assert round(r.loc[2023, "on_first_release"], 2) == 2.65  # 33,357.1 / 1,260,582
    assert round(r.loc[2023, "on_standard"], 2) == 2.58  # 33,357.1 / 1,294,272
    assert r.loc[2023, "on_standard"] == pytest.approx(r.loc[2023, "wdi"], abs=0.001)  # WDI uses revised GDP
    assert (r["on_standard"] < r["on_first_release"]).all()  # GDP was revised up in every year


def test_gdp_check_flags_the_dual_exchange_rate_years():
    g = world.gdp_check().set_index("year")
    assert g.loc[1978, "gap_percent"] < -20  # WDI's alternative conversion factor: not a yuan figure
    assert not g.loc[1993, "in_standard_series"] and g.loc[1994, "in_standard_series"]
    assert g.loc[2023, "gap_percent"] == pytest.approx((1_294_272 / 1_260_582 - 1) * 100, abs=0.01)


def test_frozen_series_is_detected_and_left_out():
    # China's medium- and high-tech manufacturing share in WDI repeats one value from 2011 to 2022
    s = world.scope().set_index("indicator")
    assert s.loc["NV.MNF.TECH.ZS.UN", "china_frozen_since"] == 2011
    assert not s.loc["NV.MNF.TECH.ZS.UN", "included"]
    assert s["china_frozen_since"].notna().sum() == 1  # the only frozen China series among the candidates
