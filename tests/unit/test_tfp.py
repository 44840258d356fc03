"""Growth accounting (nqpf.analysis.tfp, `python -m nqpf tfp…`) and the chapter book/tfp.md."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from nqpf.analysis import tfp
from nqpf.core import seeds
from nqpf.core.errors import UsageError
from tests.helpers import pwt_raw_rgdpna

G = 100 * math.log(1.1)  # one year of 10 % growth, in log points ×100


@pytest.fixture(scope="module")
def pwt11():
    return tfp.pwt("11.0")


@pytest.fixture
def toy():
    """Three years worked by hand: Y and K grow 10 % a year; L and H grow 10 % in the second year only;
    the labour share falls from 0.6 to 0.5, so the Törnqvist α is 0.4 for 2001 and 0.45 for 2002."""
    return pd.DataFrame({
        "countrycode": "XXX", "year": [2000, 2001, 2002],
        "rgdpna": [100.0, 110.0, 121.0], "rnna": [200.0, 220.0, 242.0], "rkna": [1.0, 1.1, 1.21],
        "emp": [50.0, 50.0, 55.0], "avh": [2000.0, 2000.0, 2000.0], "hc": [2.0, 2.0, 2.2],
        "labsh": [0.6, 0.6, 0.5],
    })


def test_hand_computed_three_year_example(toy):
    # 2001: capital 0.4G, labour 0, hc 0, TFP 0.6G. 2002: capital 0.45G, labour 0.55G, hc 0.55G, TFP -0.55G.
    ann = tfp.annual(toy, "XXX")
    assert ann.loc[2001, "alpha"] == pytest.approx(0.4)
    assert ann.loc[2002, "alpha"] == pytest.approx(0.45)
    assert ann.loc[2001, "tfp"] == pytest.approx(0.6 * G)
    assert ann.loc[2002, "tfp"] == pytest.approx(-0.55 * G)
    r = tfp.decompose(toy, "XXX", 2001, 2002)  # growth years 2001 and 2002, base 2000
    assert r["gdp"] == pytest.approx(G)
    assert r["capital"] == pytest.approx(0.425 * G)
    assert r["labour"] == pytest.approx(0.275 * G)
    assert r["human_capital"] == pytest.approx(0.275 * G)
    assert r["tfp"] == pytest.approx(0.025 * G)
    assert r["tfp_share"] == pytest.approx(2.5)
    assert r["alpha_mean"] == pytest.approx(0.425)
    assert r["specification"]["years"] == 2


def test_hand_computed_compound_and_fixed_alpha(toy):
    c = tfp.decompose(toy, "XXX", 2001, 2002, compound=True)
    # Y grows exactly 10 % a year; contributions keep their proportions of the log decomposition.
    assert c["gdp"] == pytest.approx(10.0)
    assert (c["capital"], c["labour"], c["human_capital"], c["tfp"]) == pytest.approx((4.25, 2.75, 2.75, 0.25))
    assert c["tfp_share"] == pytest.approx(2.5)
    f = tfp.decompose(toy, "XXX", 2001, 2002, alpha=0.3)
    # 2001: TFP = G - 0.3G = 0.7G; 2002: TFP = G - 0.3G - 0.7G - 0.7G = -0.7G; mean 0.
    assert f["capital"] == pytest.approx(0.3 * G)
    assert f["tfp"] == pytest.approx(0.0, abs=1e-12)


def test_hours_and_capital_services_change_the_inputs(toy):
    toy.loc[2, "avh"] = 1800.0  # hours per worker fall 10 % in 2002
    h = tfp.annual(toy, "XXX", hours=True)
    assert h.loc[2002, "labour"] == pytest.approx(0.55 * 100 * math.log(1.1 * 0.9))
    k = tfp.annual(toy, "XXX", capital="rkna")
    assert k.loc[2001, "capital"] == pytest.approx(0.4 * G)


_raw_rgdpna = pwt_raw_rgdpna


@pytest.mark.parametrize("kw", [{}, {"alpha": 0.5}, {"capital": "rkna", "hours": True}, {"compound": True}])
@pytest.mark.parametrize("country,start,end", [("CHN", 1978, 2012), ("CHN", 2013, 2023), ("KOR", 1960, 1990)])
def test_contributions_sum_to_gdp_growth(pwt11, kw, country, start, end):
    r = tfp.decompose(pwt11, country, start, end, **kw)
    parts = r["capital"] + r["labour"] + r["human_capital"] + r["tfp"]
    assert parts == pytest.approx(r["gdp"], abs=1e-12)
    # GDP growth read straight from the CSV, independently of pandas and the manifest machinery.
    # Named by first and last growth years: the base is the year before the first, n = end - start + 1.
    y0, y1 = _raw_rgdpna(country, start - 1), _raw_rgdpna(country, end)
    n = end - start + 1
    log_rate = 100 * math.log(y1 / y0) / n
    expected = 100 * ((y1 / y0) ** (1 / n) - 1) if kw.get("compound") else log_rate
    assert r["gdp"] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("country", sorted(tfp.COUNTRY_ZH))
def test_pwt_method_reproduces_rtfpna_growth(pwt11, country):
    check = tfp.pwt_tfp_check(pwt11, country)
    assert len(check) >= 50
    assert check["difference"].abs().max() < 1e-6


def test_alpha_sensitivity_slope_is_capital_deepening(pwt11):
    # dTFP/dα = -(g_K - g_L - g_H): with China's fast capital growth, a larger α leaves less for TFP.
    grid = tfp.alpha_grid(pwt11, [(1978, 2012)], [0.3, 0.5])
    rows = pwt11[pwt11.countrycode == "CHN"].set_index("year")
    g = {v: 100 * math.log(rows.loc[2012, v] / rows.loc[1977, v]) / 35 for v in ("rnna", "emp", "hc")}
    slope = (grid["tfp"].iloc[1] - grid["tfp"].iloc[0]) / 0.2
    assert slope == pytest.approx(-(g["rnna"] - g["emp"] - g["hc"]), rel=1e-9)
    assert slope < 0


def test_per_worker_layout_is_consistent(pwt11):
    p = tfp.per_worker(pwt11, "CHN", 1978, 2004, alpha=0.4)
    assert p["gdp"] == pytest.approx(p["employment"] + p["output_per_worker"])
    assert p["output_per_worker"] == pytest.approx(p["capital"] + p["education"] + p["tfp"])
    assert p["tfp"] == pytest.approx(tfp.decompose(pwt11, "CHN", 1978, 2004, alpha=0.4)["tfp"])


def test_vintages_disagree_on_china(pwt11):
    # The caveat in shared/data/README.md: PWT 10.01's China GDP grows far more slowly, 1978-2012.
    old = tfp.decompose(tfp.pwt("10.01"), "CHN", 1978, 2012)
    new = tfp.decompose(pwt11, "CHN", 1978, 2012)
    assert new["gdp"] - old["gdp"] > 2
    assert old["tfp"] < 1.5 < new["tfp"]


def test_seed_rows_match_their_cited_lines():
    table = tfp.seed_table()
    assert set(table["seed"]) == {"000", "004"}
    for excerpt, grp in table.groupby("excerpt", sort=False):
        line = seeds.line(grp["seed"].iloc[0], int(grp["line"].iloc[0]))
        assert excerpt in line, excerpt
        numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", excerpt) if not 1900 < float(x) < 2100]
        assert numbers == list(grp["value"]), excerpt


def test_bosworth_collins_rows_add_up():
    bc = tfp.bc_table().pivot_table(index=["countrycode", "start", "end"], columns="item", values="value")
    assert len(bc) == 5
    # Each figure is rounded to 0.1, so a sum of three may miss by 0.15 and a sum of four by 0.2.
    assert ((bc["employment"] + bc["output_per_worker"] - bc["gdp"]).abs() <= 0.15 + 1e-9).all()
    assert ((bc["capital"] + bc["education"] + bc["tfp"] - bc["output_per_worker"]).abs() <= 0.2 + 1e-9).all()


def test_seed_comparison_uses_the_same_periods(pwt11):
    comp = tfp.seed_comparison(pwt11, tfp.seed_table())
    assert len(comp) == len(tfp.seed_table())
    row = comp[(comp["period"] == "1978–2012") & (comp["item"] == "tfp")].iloc[0]
    assert row["recomputed"] == pytest.approx(tfp.decompose(pwt11, "CHN", 1978, 2012, compound=True)["tfp"])
    assert row["difference"] == pytest.approx(row["recomputed"] - 3.7)


def test_seed_2013_2019_growth_agrees_with_base_2012():
    # The worked number: PWT 11.0 rgdpna from the 2012 level to the 2019 level, compounded over 7 years,
    # is 6.96 %, which is the seed's 7.0 % at one decimal. (Base 2013, the old reading, gives 6.8 %.)
    y0, y1 = _raw_rgdpna("CHN", 2012), _raw_rgdpna("CHN", 2019)
    by_hand = 100 * ((y1 / y0) ** (1 / 7) - 1)
    assert round(by_hand, 2) == 6.96
    comp = tfp.seed_comparison(tfp.pwt("11.0"), tfp.seed_table())
    gdp = comp[(comp["period"] == "2013–2019") & (comp["item"] == "gdp")].iloc[0]
    assert gdp["recomputed"] == pytest.approx(by_hand)
    assert round(gdp["recomputed"], 1) == gdp["published"] == 7.0


def test_period_convention_by_hand():
    from nqpf.core.periods import Period, parse, tiles

    p = parse("2013-2019")
    assert (p.first, p.last, p.base, p.years, p.label) == (2013, 2019, 2012, 7, "2013–2019")
    assert list(p.growth_years) == list(range(2013, 2020))
    assert tiles([Period(1978, 2012), Period(2013, 2019), Period(2020, 2023)])
    assert not tiles([Period(1978, 2013), Period(2013, 2019)])  # 2013 twice
    assert not tiles([Period(1978, 2011), Period(2013, 2019)])  # 2012 in neither
    with pytest.raises(UsageError):
        Period(2019, 2013)


def test_adjacent_published_periods_share_no_year_and_miss_none():
    from nqpf.core.periods import tiles

    r = tfp.period_readings()
    # seed 000's two periods follow each other; so do Bosworth-Collins's two sub-periods, which cover their whole.
    seed000 = [tfp.read_period("000", 1978, 2012), tfp.read_period("000", 2013, 2019)]
    assert tiles(seed000)
    bc_subs = [tfp.read_period("BC2008", 1978, 1993), tfp.read_period("BC2008", 1993, 2004)]
    assert tiles(bc_subs)
    whole = tfp.read_period("BC2008", 1978, 2004)
    assert (bc_subs[0].first, bc_subs[-1].last) == (whole.first, whole.last)
    assert sum(p.years for p in bc_subs) == whole.years
    # Every yearly row is used exactly once when a tiling is decomposed period by period.
    assert (r["base"] == r["first"] - 1).all() and (r["years"] == r["last"] - r["first"] + 1).all()
    # Every period the data files hold has a reading.
    for s in tfp.seed_table().itertuples():
        tfp.read_period(s.seed, s.start, s.end)
    for b in tfp.bc_table().itertuples():
        tfp.read_period("BC2008", b.start, b.end)


def test_tiling_periods_average_to_the_whole(pwt11):
    # Log contributions are means of yearly terms: two tiling periods, weighted by their years, give the whole.
    a, b = tfp.decompose(pwt11, "CHN", 1978, 2012), tfp.decompose(pwt11, "CHN", 2013, 2019)
    whole = tfp.decompose(pwt11, "CHN", 1978, 2019)
    for k in ("gdp", "capital", "labour", "human_capital", "tfp"):
        assert (35 * a[k] + 7 * b[k]) / 42 == pytest.approx(whole[k], rel=1e-12)


def test_levels_and_changes_use_their_own_pwt_columns(pwt11):
    # ctfp: a cross-section (USA = 1 in every year); rtfpna: change over time, rebased to the base year.
    lv = tfp.level_in(pwt11, ["CHN", "USA"], 2023)
    assert lv["USA"] == pytest.approx(1.0)
    idx = tfp.tfp_index(pwt11, ["CHN", "USA"], 1978)
    rows = pwt11[pwt11.countrycode == "CHN"].set_index("year")["rtfpna"]
    assert idx.loc[1978].tolist() == [1.0, 1.0]
    assert idx.loc[2019, "CHN"] == pytest.approx(rows[2019] / rows[1978])
    assert tfp.tfp_growth(pwt11, "CHN", 2013, 2019) == pytest.approx(100 * math.log(rows[2019] / rows[2012]) / 7)


@pytest.mark.parametrize("kw,message", [
    ({"country": "XXX"}, "unknown country 'XXX'"),
    ({"start": 1940}, "outside the data"),
    ({"end": 2030}, "outside the data"),
    ({"start": 2012, "end": 2000}, "first growth year not after the last"),
    ({"alpha": 1.0}, "strictly between 0 and 1"),
    ({"capital": "ck"}, "capital must be one of"),
])
def test_bad_arguments_raise_usage_errors(pwt11, kw, message):
    args = {"country": "CHN", "start": 1978, "end": 2012, **kw}
    with pytest.raises(UsageError, match=message):
        tfp.decompose(pwt11, **args)


def test_fact_check_of_2013_2019_agrees_with_base_2012():
    # The false "conflict" came from base 2013; read as growth years 2013-2019 (base 2012) it agrees.
    from nqpf.analysis import factcheck

    row = factcheck.verdict("pwt_growth_2013_2019")
    assert row["verdict"] == "agrees" and "基年 2012" in row["computation"] and "6.96" in row["computation"]
