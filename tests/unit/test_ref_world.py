"""World chapter tables against the raw CSV files read here with the csv module, and against SciPy.

Each expected value is either a row of ``data/raw/wdi_selected.csv`` / ``pwt110_selected.csv`` /
``cn_*.csv`` (quoted in the comment) combined by the arithmetic written out in the test, or SciPy's Spearman
coefficient on the same raw rows. The package's loaders and functions are never used to build an expectation.
"""

from __future__ import annotations

import csv
import math
from functools import lru_cache

import pandas as pd
import pytest
from scipy.stats import spearmanr

from nqpf.analysis import world
from nqpf.analysis.world.derived import derived, wide
from nqpf.core.paths import DATA

RAW = DATA / "raw"


@lru_cache(maxsize=1)
def _wdi_rows() -> dict:
    with open(RAW / "wdi_selected.csv", encoding="utf-8", newline="") as f:
        return {(r["indicator"], r["countrycode"], int(r["year"])): float(r["value"])
                for r in csv.DictReader(f) if r["value"] != ""}


def raw(code, country, year):
    return _wdi_rows()[(code, country, year)]


def test_wide_pivots_one_indicator_by_hand():
    df = pd.DataFrame({"indicator": ["A", "A", "A", "B"], "countrycode": ["CHN", "USA", "CHN", "CHN"],
                       "year": [2000, 2000, 2001, 2000], "value": [1.0, 2.0, 3.0, 9.0]})
    w = wide(df, "A")
    # rows are years, columns economies; B is not there; USA has no 2001 row
    assert w.loc[2000, "CHN"] == 1.0 and w.loc[2000, "USA"] == 2.0 and w.loc[2001, "CHN"] == 3.0
    assert math.isnan(w.loc[2001, "USA"]) and w.shape == (2, 2)


def test_derived_indicators_for_japan_from_the_raw_rows():
    d = derived(world.wdi())
    def v(code, c, y):
        return d[(d.indicator == code) & (d.countrycode == c) & (d.year == y)]["value"].item()
    # NY.GDP.MKTP.CD,JPN,2021,5225933520753.1; NY.GDP.PCAP.CD,JPN,2021,41580.739040705 -> population 125.68 m
    pop21 = 5225933520753.1 / 41580.739040705
    assert v("NQPF.POP", "JPN", 2021) == pytest.approx(pop21)
    # NY.GDP.PCAP.PP.CD,JPN,2021,44355.3487163354: the 2021 PPP level; NY.GDP.MKTP.KD.ZG,JPN,2022,1.33164750653741
    ppp21 = 44355.3487163354 * pop21
    assert v("NQPF.GDP.PPP.KD", "JPN", 2021) == pytest.approx(ppp21)
    assert v("NQPF.GDP.PPP.KD", "JPN", 2022) == pytest.approx(ppp21 * (1 + 1.33164750653741 / 100))
    # IP.PAT.RESD,JPN,2021,222452: per million people, and per billion PPP $ of R&D (GB.XPD.RSDV.GD.ZS 3.27383 %)
    assert v("NQPF.PAT.RESD.P6", "JPN", 2021) == pytest.approx(222452 / pop21 * 1e6)        # 1,770 a million
    assert v("NQPF.PAT.RESD.RD", "JPN", 2021) == pytest.approx(222452 / (3.27383 / 100 * ppp21 / 1e9))
    # BX.GSR.ROYL.CD,JPN,2022,45894067610.1915 / BM.GSR.ROYL.CD,JPN,2022,27889615105.5256 = 1.6456
    assert v("NQPF.ROYL.RATIO", "JPN", 2022) == pytest.approx(45894067610.1915 / 27889615105.5256)
    # SL.GDP.PCAP.EM.KD 2023: JPN 84722.5218987574, USA 150459.307877934 -> 56.31 % of the US
    assert v("NQPF.LP.USA", "JPN", 2023) == pytest.approx(84722.5218987574 / 150459.307877934 * 100)


def test_pwt_levels_by_hand_from_pwt110():
    t = world.pwt_levels(2023, 2014).set_index("countrycode")
    assert list(t.index) == ["CHN", "USA", "JPN", "KOR", "DEU", "IND"]
    # pwt110_selected.csv, 2023 (cgdpo, emp): CHN 30892220, 751.1849365; USA 24979372, 167.5397491;
    # JPN 5492434, 67.93271637. ctfp: CHN 0.470938355, JPN 0.639849067. rtfpna 2013 -> 2023:
    # CHN 0.811296701 -> 1.013726354, JPN 1.017480612 -> 1.004987478
    usa = 24979372 / 167.5397491
    assert t.loc["CHN", "lp_pwt_rel_usa"] == pytest.approx(30892220 / 751.1849365 / usa * 100)   # 27.58 %
    assert t.loc["JPN", "lp_pwt_rel_usa"] == pytest.approx(5492434 / 67.93271637 / usa * 100)    # 54.23 %
    assert t.loc["CHN", "ctfp"] == pytest.approx(0.470938355) and t.loc["USA", "ctfp"] == 1
    assert t.loc["CHN", "rtfpna_growth"] == pytest.approx(((1.013726354 / 0.811296701) ** 0.1 - 1) * 100)  # 2.25
    assert t.loc["JPN", "rtfpna_growth"] == pytest.approx(((1.004987478 / 1.017480612) ** 0.1 - 1) * 100)  # -0.12
    # WDI's ratio beside it: SL.GDP.PCAP.EM.KD 2023 CHN 43341.4185386626 / USA 150459.307877934
    assert t.loc["CHN", "lp_wdi_rel_usa"] == pytest.approx(43341.4185386626 / 150459.307877934 * 100)


def test_digital_revision_2022_by_hand():
    r = world.digital_revision().set_index("year")
    # cn_digital_economy_scale.csv 2022: 50.2 万亿元; cn_nominal_gdp.csv 2022: 1,204,724 亿元 (NBS final);
    # the standard GDP: NY.GDP.MKTP.CD 18316765021690.2 x PA.NUS.FCRF 6.73715811237119 / 1e8 = 1,234,023 亿元
    standard = 18316765021690.2 * 6.73715811237119 / 1e8
    assert r.loc[2022, "on_first_release"] == pytest.approx(50.2 * 1e4 / 1_204_724 * 100)   # 41.67 %
    assert r.loc[2022, "on_standard"] == pytest.approx(50.2 * 1e4 / standard * 100)         # 40.68 %
    assert r.loc[2022, "published"] == 41.5  # cn_digital_economy_share_gdp.csv 2022


def test_scatter_data_rows_are_the_years_with_both_series():
    s = world.scatter_data(["CHN", "KOR"])
    kor = s[(s.countrycode == "KOR") & (s.year == 2015)].iloc[0]
    assert kor["rd_percent_gdp"] == 3.78907 and kor["gdp_per_employed"] == pytest.approx(86160.4465540407)
    for c in ("CHN", "KOR"):
        both = {y for (code, cc, y) in _wdi_rows() if code == "GB.XPD.RSDV.GD.ZS" and cc == c} & \
               {y for (code, cc, y) in _wdi_rows() if code == "SL.GDP.PCAP.EM.KD" and cc == c}
        assert set(s.loc[s.countrycode == c, "year"]) == both


def _spearman(pairs):
    x, y = zip(*pairs)
    return spearmanr(x, y)[0]


@pytest.mark.parametrize("code", ["GB.XPD.RSDV.GD.ZS", "SP.POP.SCIE.RD.P6", "IT.NET.BBND.P2", "IT.NET.SECR.P6",
                                  "TX.VAL.TECH.MF.ZS", "IT.CEL.SETS.P2", "EG.GDP.PUSE.KO.PP.KD",
                                  "EG.FEC.RNEW.ZS", "EG.ELC.RNEW.ZS"])
def test_catchup_codes_follow_the_rules_recomputed_with_scipy(code):
    # Rule 1: SciPy's Spearman over the ten economies' country-years, indicator x direction against
    # SL.GDP.PCAP.EM.KD; rule 2: Spearman of the value against the year, for Korea, Japan and Germany, >= 0.5 for
    # at least two. (These WDI series have a China series that is not frozen, so rule 3 does not bite.)
    rows = _wdi_rows()
    d = world.direction(code)
    econ = ("CHN", "USA", "JPN", "KOR", "DEU", "GBR", "FRA", "IND", "BRA", "RUS")
    pairs = [(v * d, rows[("SL.GDP.PCAP.EM.KD", c, y)]) for (k, c, y), v in rows.items()
             if k == code and c in econ and ("SL.GDP.PCAP.EM.KD", c, y) in rows]
    rho = _spearman(pairs)
    rising = sum(_spearman([(y, v * d) for (k, cc, y), v in rows.items() if k == code and cc == c]) >= 0.5
                 for c in ("KOR", "JPN", "DEU"))
    assert world.scope().set_index("indicator").loc[code, "rho_development"] == pytest.approx(rho)
    assert (code in world.catchup_codes()) == (rho >= 0.5 and rising >= 2)


def test_catchup_all_stacks_indicators_on_a_toy_panel():
    # China's latest: R&D 5.0 (2020), broadband 30 (2020). KOR reaches 5 in 2002 (18 years behind) and 30 in 2010
    # (10 years); JPN starts above both (censored); DEU never reaches 5 and reaches 30 in 2005 (15 years).
    rows = [("GB.XPD.RSDV.GD.ZS", "CHN", 2020, 5.0), ("GB.XPD.RSDV.GD.ZS", "KOR", 2000, 1.0),
            ("GB.XPD.RSDV.GD.ZS", "KOR", 2002, 6.0), ("GB.XPD.RSDV.GD.ZS", "JPN", 2000, 7.0),
            ("GB.XPD.RSDV.GD.ZS", "DEU", 2000, 2.0),
            ("IT.NET.BBND.P2", "CHN", 2020, 30.0), ("IT.NET.BBND.P2", "KOR", 2005, 20.0),
            ("IT.NET.BBND.P2", "KOR", 2010, 31.0), ("IT.NET.BBND.P2", "JPN", 2005, 35.0),
            ("IT.NET.BBND.P2", "DEU", 2004, 10.0), ("IT.NET.BBND.P2", "DEU", 2005, 30.0)]
    toy = pd.DataFrame([{"indicator": i, "countrycode": c, "country": c, "year": y, "value": v}
                        for i, c, y, v in rows])
    out = world.catchup_all(["GB.XPD.RSDV.GD.ZS", "IT.NET.BBND.P2"], df=toy).set_index(["indicator", "countrycode"])
    assert len(out) == 6
    assert out.loc[("GB.XPD.RSDV.GD.ZS", "KOR"), "years_behind"] == 18
    assert out.loc[("IT.NET.BBND.P2", "KOR"), "reach_year"] == 2010
    assert out.loc[("IT.NET.BBND.P2", "KOR"), "years_behind"] == 10
    assert out.loc[("IT.NET.BBND.P2", "DEU"), "years_behind"] == 15  # reaching includes equality (30 = 30)
    assert out.loc[("IT.NET.BBND.P2", "JPN"), "status"] == "censored"
    assert out.loc[("GB.XPD.RSDV.GD.ZS", "DEU"), "status"] == "not yet"


def test_wdi_series_and_metadata_against_the_raw_files():
    s = world.series("GB.XPD.RSDV.GD.ZS", "KOR")
    assert s[2015] == 3.78907 and s[2020] == 4.5214  # GB.XPD.RSDV.GD.ZS,KOR,...,2015/2020
    n = sum(1 for (k, c, _y) in _wdi_rows() if k == "GB.XPD.RSDV.GD.ZS" and c == "KOR")
    assert len(s) == n and s.index.is_monotonic_increasing
    assert len(world.wdi()) == sum(1 for _ in open(RAW / "wdi_selected.csv", encoding="utf-8")) - 1
    ind = world.indicators().set_index("indicator")
    with open(RAW / "wdi_indicators.csv", encoding="utf-8", newline="") as f:
        titles = {r["indicator"]: r["title"] for r in csv.DictReader(f)}
    assert ind.loc["GB.XPD.RSDV.GD.ZS", "definition"] == titles["GB.XPD.RSDV.GD.ZS"]
    # WDI's own unit is in the title: "Research and development expenditure (% of GDP)"
    assert "% of GDP" in titles["GB.XPD.RSDV.GD.ZS"] and world.unit("GB.XPD.RSDV.GD.ZS") == "%"
    # CO2 per unit of GDP: lower is ahead; a total (patent applications) has no direction
    assert world.direction("NQPF.CO2.GDP") == -1 and world.direction("IP.PAT.RESD") == 0


def test_value_and_line_read_the_panel_rows():
    from nqpf.analysis.world.derived import line, value

    # GB.XPD.RSDV.GD.ZS,KOR,"Korea, Rep.",2015,3.78907 and 2020,4.5214
    assert value("GB.XPD.RSDV.GD.ZS", "KOR", 2015) == 3.78907
    s = line("GB.XPD.RSDV.GD.ZS", "KOR")
    assert s[2020] == 4.5214 and s.index.is_monotonic_increasing
    assert set(s.index) == {y for (k, c, y) in _wdi_rows() if k == "GB.XPD.RSDV.GD.ZS" and c == "KOR"}
    # a derived value: NQPF.ROYL.RATIO JPN 2022 = 45894067610.1915 / 27889615105.5256
    assert value("NQPF.ROYL.RATIO", "JPN", 2022) == pytest.approx(45894067610.1915 / 27889615105.5256)
    with pytest.raises(KeyError, match="WDI has no GB.XPD.RSDV.GD.ZS for KOR in 1950"):
        value("GB.XPD.RSDV.GD.ZS", "KOR", 1950)
