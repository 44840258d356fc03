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


def test_bc_comparison_against_the_published_table(pwt11):
    # Bosworth & Collins (2008), JEP 22(1), Table 1, p. 49 (China), as in shared/data/README.md:
    # 1978-2004: GDP 9.3 = employment 2.0 + output per worker 7.3 = capital 3.2 + education 0.3 + TFP 3.6;
    # 1978-93: 8.9 (2.5; 6.4 = 2.4 + 0.4 + 3.5); 1993-2004: 9.7 (1.2; 8.5 = 4.2 + 0.3 + 3.9).
    published = {
        "1979–2004": {"gdp": 9.3, "employment": 2.0, "output_per_worker": 7.3, "capital": 3.2, "education": 0.3,
                      "tfp": 3.6},
        "1979–1993": {"gdp": 8.9, "employment": 2.5, "output_per_worker": 6.4, "capital": 2.4, "education": 0.4,
                      "tfp": 3.5},
        "1994–2004": {"gdp": 9.7, "employment": 1.2, "output_per_worker": 8.5, "capital": 4.2, "education": 0.3,
                      "tfp": 3.9},
    }
    bc = tfp.bc_comparison(pwt11, tfp.bc_table())
    chn = bc[bc["countrycode"] == "CHN"].set_index(["period", "item"])
    # Their end-point names (1978-93, 1993-2004) are read as growth years 1979-1993 and 1994-2004.
    assert sorted(chn.index.get_level_values("period").unique()) == sorted(published)
    for period, items in published.items():
        for item, value in items.items():
            assert chn.loc[(period, item), "published"] == value, (period, item)
    # Recomputed 1979-2004 (base 1978, n = 26) by hand from the PWT 11.0 CSV, α = 0.4:
    #   rgdpna 658703 -> 7173414:        g_Y = 100 ln(7173414/658703)/26          = 9.1841
    #   rnna 2240512.25 -> 24049898:     g_K = 100 ln(24049898/2240512.25)/26     = 9.1275
    #   emp 446.7073059 -> 746.5825806:  g_L = 100 ln(746.5825806/446.7073059)/26 = 1.9754
    #   hc 1.684067011 -> 2.378801823:   g_H = 100 ln(2.378801823/1.684067011)/26 = 1.3284
    # employment = g_L; output per worker = g_Y - g_L = 7.2087; capital deepening 0.4 (g_K - g_L) = 2.8613;
    # education 0.6 g_H = 0.7970; TFP = g_Y - 0.4 g_K - 0.6 (g_L + g_H) = 3.5504 (published 3.6).
    by_hand = {"gdp": 9.18409, "employment": 1.97539, "output_per_worker": 7.20870, "capital": 2.86127,
               "education": 0.79704, "tfp": 3.55039}
    for item, value in by_hand.items():
        assert chn.loc[("1979–2004", item), "recomputed"] == pytest.approx(value, abs=1e-4), item
    # PWT's education term (returns to schooling of 13.4/10.1/6.8 %) is above B&C's (7 % a year): the gap the
    # chapter explains is real, and of that sign.
    assert chn.loc[("1979–2004", "education"), "difference"] > 0.4


def test_robustness_rows_by_hand():
    # Two rows worked from the raw CSV files (fixed α, so no Törnqvist averaging):
    # (a) PWT 11.0, 2013-2019 (base 2012, n = 7), capital services rkna, labour in hours emp*avh, α = 0.4:
    #   rgdpna 16135730 -> 25842820                  g_Y = 100 ln(25842820/16135730)/7 = 6.72852
    #   rkna 0.445336461 -> 0.862150967              g_K = 9.43715
    #   emp*avh 772.4234009*2407.6 -> 765.7302246*2357.2   g_L = -0.42656
    #   hc 2.510403633 -> 2.698987007                g_H = 1.03476
    #   TFP = 6.72852 - 0.4*9.43715 - 0.6*(-0.42656 + 1.03476) = 2.58874; share 100*2.58874/6.72852 = 38.474 %
    # (b) PWT 10.01, 1979-2012 (base 1978, n = 34), rnna, heads emp, α = 0.5:
    #   rgdpna 1594763.125 -> 15416000  g_Y = 6.67259; rnna 1748916.25 -> 49921088  g_K = 9.85720
    #   emp 454.203 -> 788.293  g_L = 1.62155; hc 1.684 -> 2.510  g_H = 1.17386
    #   TFP = 6.67259 - 0.5*9.85720 - 0.5*(1.62155 + 1.17386) = 0.34629; share 5.1898 %
    rob = tfp.robustness().set_index(["vintage", "period", "capital", "labour", "alpha"])
    a = rob.loc[("11.0", "2013–2019", "rkna", "emp*avh", "0.4")]
    assert (a["tfp"], a["tfp_share"]) == pytest.approx((2.58874, 38.474), abs=1e-3)
    b = rob.loc[("10.01", "1979–2012", "rnna", "emp", "0.5")]
    assert (b["tfp"], b["tfp_share"]) == pytest.approx((0.34629, 5.1898), abs=1e-3)
    # 2 capitals x 2 labours x 4 alphas x 2 vintages x 3 periods; PWT 10.01 ends in 2019, so its 16 rows for
    # 2013-2023 are blank with a note, never extrapolated.
    assert len(rob) == 96
    blank = rob[rob["tfp"].isna()]
    assert len(blank) == 16 and set(blank.index.get_level_values("vintage")) == {"10.01"}
    assert set(blank.index.get_level_values("period")) == {"2013–2023"}
    assert blank["note"].str.contains("ends in 2019").all()
    # Exactly one row per vintage and period is PWT's own specification (rkna, emp*avh, 1 - labsh).
    pwt_rows = rob[rob["pwt_method"]].reset_index()
    assert len(pwt_rows) == 6 and set(pwt_rows["capital"]) == {"rkna"} and set(pwt_rows["labour"]) == {"emp*avh"}
    assert set(pwt_rows["alpha"]) == {"1-labsh"}


def test_pwt_method_row_is_rtfpna(pwt11):
    # The row marked pwt_method is PWT's rtfpna: its mean TFP growth equals rtfpna's log growth (to 1e-5),
    # read from the CSV: 100 ln(rtfpna_2019 / rtfpna_2012) / 7.
    import csv

    from nqpf.core.paths import RAW

    with open(RAW / "pwt110_selected.csv", encoding="utf-8", newline="") as fh:
        r = {int(x["year"]): float(x["rtfpna"]) for x in csv.DictReader(fh)
             if x["countrycode"] == "CHN" and x["rtfpna"]}
    rob = tfp.robustness(2013, 2019)
    row = rob[rob["pwt_method"] & (rob["vintage"] == "11.0")].iloc[0]
    assert row["tfp"] == pytest.approx(100 * math.log(r[2019] / r[2012]) / 7, abs=1e-5)
    # ... and the book's default (rnna, heads) is not that row.
    assert not rob[rob["default"]]["pwt_method"].any()


def test_robustness_arguments():
    with pytest.raises(UsageError, match="both --start and --end"):
        tfp.robustness(2013, None)
    one = tfp.robustness(2013, 2023)
    assert set(one["period"]) == {"2013–2023"} and one["tfp"].notna().sum() == 16


def test_level_vs_us_by_hand(pwt11):
    # PWT 11.0, 2023, the USA row and the China row of the CSV (cgdpo, ck, emp, hc, labsh):
    #   ᾱ = 1 - (labsh_CHN + labsh_USA)/2; level = (cgdpo ratio) / (ck ratio^ᾱ · (emp·hc ratio)^(1-ᾱ)).
    rows = pwt11[pwt11["year"] == 2023].set_index("countrycode")
    c, u = rows.loc["CHN"], rows.loc["USA"]
    a = 1 - (c["labsh"] + u["labsh"]) / 2
    labour = c["emp"] * c["hc"] / (u["emp"] * u["hc"])
    expected = (c["cgdpo"] / u["cgdpo"]) / ((c["ck"] / u["ck"]) ** a * labour ** (1 - a))
    assert tfp.level_vs_us(pwt11, "CHN", 2023, hours=False) == pytest.approx(expected)
    assert tfp.level_vs_us(pwt11, "USA", 2023) == pytest.approx(1.0)
    # Counted per hour China's level is lower: Chinese workers work more hours than American ones.
    assert tfp.level_vs_us(pwt11, "CHN", 2023, hours=True) < tfp.level_vs_us(pwt11, "CHN", 2023, hours=False)


def test_tfp_findings_are_decided_over_every_specification():
    from nqpf.analysis.findings import register

    fs = {f.id: f for f in register("tfp")}
    share = fs["tfp-share-after-2013"]
    assert len(share.specifications) == 32 and share.rule == "< 0"
    # Under PWT's own specification the share in 2013-2019 (35.70 %) is not below 1979-2012 (35.55 %):
    # the claim "the share fell" depends on the specification, and the statement must say so.
    assert share.verdict == "depends" and "PWT 11.0·rkna·工时·α=1−labsh" in share.flips_under
    assert "取决于设定" in share.statement
    assert len(fs["tfp-share-after-2013-2023"].specifications) == 16  # PWT 10.01 ends in 2019
    # The contribution in percentage points falls under all 32.
    assert fs["tfp-contribution-after-2013"].verdict == "robust"
    level = fs["tfp-level-vs-us"]
    assert level.rule == "< 0.5" and len(level.specifications) == 5
    ctfp = {s.name: s.value for s in level.specifications}["PWT 11.0 ctfp 2023"]
    assert ctfp == pytest.approx(0.470938355)  # the CSV's ctfp, China 2023


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


def test_schooling_implied_by_pwt_hc():
    # PWT's hc = exp(φ(s)), φ with returns 13.4 % (years 1-4), 10.1 % (5-8), 6.8 % (beyond 8).
    # China 2012, hc = 2.510403633 (CSV): ln hc = 0.92044; four years give 0.536; (0.92044 - 0.536)/0.101 = 3.8063
    # more years, so s = 7.806 and the next year earns 10.1 %, above Bosworth-Collins's 7 %.
    s2012 = tfp.schooling_from_hc(2.510403633)
    assert s2012 == pytest.approx(7.8063, abs=1e-3)
    assert tfp.marginal_return(s2012) == pytest.approx(10.1)
    # China 2019, hc = 2.698987007: ln hc = 0.99288 > 0.536 + 0.404, so s = 8 + (0.99288 - 0.940)/0.068 = 8.778,
    # where the return is 6.8 %: below 7 % only after 2013.
    s2019 = tfp.schooling_from_hc(2.698987007)
    assert s2019 == pytest.approx(8.7776, abs=1e-3)
    assert tfp.marginal_return(s2019) == pytest.approx(6.8)
    with pytest.raises(UsageError):
        tfp.schooling_from_hc(0.9)


# ---------------------------------------------------------------- the chapter's facts (tfp.facts)


@pytest.fixture(scope="module")
def chapter_facts():
    return tfp.facts()


def test_chapter_facts_match_hand_computations_from_the_pwt_csv(chapter_facts):
    f = chapter_facts
    # China's rows of data/raw/pwt110_selected.csv, copied by hand:
    #   year   rgdpna        rnna           emp           hc           rtfpna
    #   1977   589707.25     2063369.75     436.0089111   1.653561592  0.244488046
    #   2012   16135730      63722176       772.4234009   2.510403633  0.800227165
    #   2019   25842820
    #   2023                                                           1.013726354
    # 1978-2012: 35 growth years from the 1977 level; GDP's mean log growth ×100:
    assert f["tfp_7812_gdp"] == pytest.approx(100 * math.log(16135730 / 589707.25) / 35)  # 9.4548
    # 2013-2019: 7 growth years from the 2012 level.
    assert f["tfp_1319_gdp"] == pytest.approx(100 * math.log(25842820 / 16135730) / 7)  # 6.7285
    # g_K − g_L − g_H over 1978-2012 (exercise 4) …
    gap = 100 / 35 * (math.log(63722176 / 2063369.75) - math.log(772.4234009 / 436.0089111)
                      - math.log(2.510403633 / 1.653561592))
    assert f["tfp_heat_gap"] == pytest.approx(gap)  # 6.9737
    # … and with a fixed α, TFP = g_Y − α g_K − (1 − α)(g_L + g_H) is linear in α with slope −(g_K − g_L − g_H):
    # per 0.1 of α that is −gap / 10, whatever the two ends of the grid (here read from the α grid).
    assert f["tfp_heat_slope"] == pytest.approx(-gap / 10)  # −0.6974
    # rtfpna 2023 over 1977, and its mean log growth over the 46 growth years 1978-2023.
    assert f["tfp_rtfp_chn_mult"] == pytest.approx(1.013726354 / 0.244488046)  # 4.146
    assert f["tfp_rtfp_chn_g"] == pytest.approx(100 * math.log(1.013726354 / 0.244488046) / 46)  # 3.092
    # Exercise 3: compound over log rate of GDP, 2013-2019.
    compound = 100 * ((25842820 / 16135730) ** (1 / 7) - 1)
    assert f["tfp_ex3_ratio"] == pytest.approx(compound / (100 * math.log(25842820 / 16135730) / 7))  # 1.0344
    # Single cells of the CSV: labsh CHN 1978; avh CHN and USA 2023; ctfp CHN 2023 (USA = 1).
    assert f["tfp_chn_labsh_1978"] == 0.592194736
    assert (f["tfp_avh_chn"], f["tfp_avh_usa"]) == (2327.79, 1788.88)
    assert f["tfp_lvl_chn_2023"] == 0.470938355
    # The extract: six economies, 1950-2023; PWT 10.01 ends in 2019.
    assert (f["tfp_pwt_countries"], f["tfp_pwt_first"], f["tfp_pwt_last"], f["tfp_v10_last"]) == (6, 1950, 2023, 2019)
    # PWT's returns to schooling (its user guide): 13.4 %, 10.1 %, 6.8 %.
    assert (f["tfp_hc_r1"], f["tfp_hc_r2"], f["tfp_hc_r3"]) == pytest.approx((13.4, 10.1, 6.8))


def test_chapter_facts_are_finite_numbers_or_texts(chapter_facts):
    assert len(chapter_facts) > 100
    for k, v in chapter_facts.items():
        assert isinstance(v, str) or math.isfinite(v), k


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), None, pd.NA])
def test_a_missing_number_never_reaches_the_page(bad):
    from nqpf.core.errors import DataError
    from nqpf.core.numbers import check_printable

    with pytest.raises(DataError, match="tfp_x"):
        check_printable({"tfp_ok": 1.5, "tfp_x": bad}, "book/tfp")


def test_a_nan_from_the_data_stops_the_facts(monkeypatch, chapter_facts):
    from nqpf.analysis.tfp import chapter_facts as tfp_facts
    from nqpf.core.errors import DataError

    # ctfp missing for every economy in the level year: facts() must raise, naming the glued value.
    monkeypatch.setattr(tfp, "level_in", lambda panel, countries, year: pd.Series(math.nan, index=list(countries)))
    tfp_facts._facts.cache_clear()
    try:
        with pytest.raises(DataError, match="tfp_lvl_chn_2023"):
            tfp.facts()
    finally:
        tfp_facts._facts.cache_clear()


def test_stack_bottoms_worked_by_hand():
    from nqpf.analysis.tfp import chapter_facts as tfp_facts

    # Bars 2, −1, 3, −0.5: positives stack up from 0 (0, then 2), negatives down from 0 (0, then −1).
    df = pd.DataFrame({"capital": [2.0], "labour": [-1.0], "human_capital": [3.0], "tfp": [-0.5]})
    b = tfp_facts.stack_bottoms(df)
    assert b.iloc[0].tolist() == [0.0, 0.0, 2.0, -1.0]


def test_chapter_glues_only_what_the_package_computes():
    # Issue 20: the chapter is narrative and calls. Its one glue call is the loop over tfp.facts(); a value glued
    # anywhere else would be computed in the chapter.
    from nqpf.core.paths import ROOT

    text = (ROOT / "book" / "tfp.md").read_text(encoding="utf-8")
    assert text.count("glue(") == 1 and "for name, v in tfp.facts().items():\n    glue(name, v" in text


def test_heat_colour_range_worked_by_hand():
    from nqpf.analysis.tfp import chapter_facts as tfp_facts

    # all positive, max 4: the scale still reaches a quarter of the max below 0 (−1); with a real minimum, that one
    assert tfp_facts.heat_range(pd.DataFrame([[1.0, 2.0], [3.0, 4.0]])) == (-1.0, 4.0)
    assert tfp_facts.heat_range(pd.DataFrame([[-3.0, 2.0]])) == (-3.0, 2.0)
