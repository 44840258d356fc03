"""The world chapter's table-building functions against values read by hand from the raw CSV files.

Every expected value below was read from ``data/raw/wdi_selected.csv`` or ``data/raw/pwt110_selected.csv`` with
``grep`` (the row is quoted in the comment) and combined with the arithmetic written out here, never by calling the
function under test.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from nqpf.analysis import findings, world
from nqpf.core.errors import DataError, UsageError
from nqpf.core.numbers import check_printable

# GB.XPD.RSDV.GD.ZS rows of wdi_selected.csv
RD = {("CHN", 2013): 1.96246, ("CHN", 2023): 2.57729, ("OED", 2013): 2.35398351785893,
      ("OED", 2023): 2.93439075279869, ("HIC", 2013): 2.31919481093035, ("HIC", 2023): 2.87543396727734,
      ("USA", 2013): 2.69591, ("USA", 2023): 3.44716, ("KOR", 2023): 4.94352,
      ("JPN", 2013): 3.27895, ("JPN", 2023): 3.44125, ("DEU", 2013): 2.78067, ("DEU", 2023): 3.1539}


def test_compare_reads_wdi_rows():
    out = world.compare("GB.XPD.RSDV.GD.ZS", 2023, ["CHN", "KOR", "OED"]).set_index("countrycode")["value"]
    assert out["CHN"] == pytest.approx(2.57729)   # GB.XPD.RSDV.GD.ZS,CHN,China,2023,2.57729
    assert out["KOR"] == pytest.approx(4.94352)   # GB.XPD.RSDV.GD.ZS,KOR,Korea, Rep.,2023,4.94352
    assert out["OED"] == pytest.approx(2.93439075279869)


def test_latest_table_anchors_on_china_latest_year_and_keeps_gaps_as_nan():
    t = world.latest_table(["IT.NET.BBND.P2"]).set_index("indicator").loc["IT.NET.BBND.P2"]
    # China's broadband series ends in 2024 (IT.NET.BBND.P2,CHN,China,2024,47.1933952081567); Japan's in 2023
    assert t["year"] == 2024 and t["CHN"] == pytest.approx(47.1933952081567)
    assert math.isnan(t["JPN"])


def test_indicators_without_a_china_series_are_named_not_skipped():
    assert world.no_china_series() == ["SP.POP.TECH.RD.P6"]  # WDI has no researchers-in-R&D technicians for China
    with pytest.raises(UsageError, match="no China series for SP.POP.TECH.RD.P6"):
        world.latest_table(["GB.XPD.RSDV.GD.ZS", "SP.POP.TECH.RD.P6"])
    cov = world.coverage().set_index("indicator")
    assert cov.loc["SP.POP.TECH.RD.P6", "missing_in_china_last_year"] == "中国无数据"
    assert pd.isna(cov.loc["SP.POP.TECH.RD.P6", "china_last"])


def test_productivity_gap_by_hand():
    g = world.productivity_gap("CHN", 2015, 2024)
    # SL.GDP.PCAP.EM.KD: CHN 2014 25748.440566635, 2024 45841.7963646181;
    #                    USA 2014 133281.603731104, 2024 153592.372011332
    rel14 = 25748.440566635 / 133281.603731104 * 100   # 19.319 %
    rel24 = 45841.7963646181 / 153592.372011332 * 100  # 29.846 %
    assert g["rel_base"] == pytest.approx(rel14) and g["rel_last"] == pytest.approx(rel24)
    assert g["relative_growth"] == pytest.approx(((rel24 / rel14) ** (1 / 10) - 1) * 100)  # 4.446 % a year
    assert g["closing_pp_per_year"] == pytest.approx((rel24 - rel14) / 10)
    assert g["years_to_half"] == pytest.approx(math.log(50 / rel24) / math.log(1 + g["relative_growth"] / 100))


def test_hours_gap_by_hand_from_pwt():
    h = world.hours_gap("CHN", 2014, 2023)
    # pwt110_selected.csv (emp, avh, cgdpo, rgdpna):
    # CHN 2013: 773.6771851, 2425.8, -, 17388854; CHN 2023: 751.1849365, 2327.79, 30892220, 31047584
    # USA 2013: 148.0278778, 1791.31, -, 19623982; USA 2023: 167.5397491, 1788.88, 24979372, 24977152
    per_person = (30892220 / 751.1849365) / (24979372 / 167.5397491) * 100           # 27.58 %
    per_hour = (30892220 / (751.1849365 * 2327.79)) / (24979372 / (167.5397491 * 1788.88)) * 100  # 21.20 %
    assert h["rel_person"] == pytest.approx(per_person) and h["rel_hour"] == pytest.approx(per_hour)
    g_chn = ((31047584 / (751.1849365 * 2327.79)) / (17388854 / (773.6771851 * 2425.8))) ** (1 / 10) - 1
    g_usa = ((24977152 / (167.5397491 * 1788.88)) / (19623982 / (148.0278778 * 1791.31))) ** (1 / 10) - 1
    assert h["growth_hour_own"] == pytest.approx(g_chn * 100)
    assert h["relative_growth_hour"] == pytest.approx(((1 + g_chn) / (1 + g_usa) - 1) * 100)
    assert h["rel_hour"] < h["rel_person"]  # Chinese workers put in more hours (2,328 against 1,789)
    with pytest.raises(UsageError, match="no hours worked"):
        world.hours_gap("CHN", 1952, 1960)


def test_oecd_reconcile_by_hand():
    o = world.oecd_reconcile()
    # NY.GDP.MKTP.CD 2023: USA 27811517000000, OED 65416979138062.7; NY.GDP.PCAP.CD: USA 82586.7847707894,
    # OED 47135.6137232065; NY.GDP.PCAP.PP.CD: USA 82304.6204272866, OED 59701.2937485839
    usd = 27811517000000 / 65416979138062.7                                      # 0.4251
    ppp = (82304.6204272866 * 27811517000000 / 82586.7847707894) / (59701.2937485839 * 65416979138062.7
                                                                   / 47135.6137232065)  # 0.3345
    assert o["us_share_usd"] == pytest.approx(usd * 100) and o["us_share_ppp"] == pytest.approx(ppp * 100)
    rest = (2.93439075279869 - usd * 3.44716) / (1 - usd)
    assert o["oed_us_at_ppp"] == pytest.approx(ppp * 3.44716 + (1 - ppp) * rest)  # 2.854
    # the NBS sentence: 2024's 2.69 % (final) did not exceed the average, 2025's 2.8 % (preliminary) did
    assert (o["implied_low"], o["implied_high"]) == (2.69, 2.8)
    assert not o["implied_low"] <= o["wdi_oed_latest"] < o["implied_high"]  # WDI's 2.93 is not that average
    # MSTI 2018 (2.38 and 2.40) against WDI's OED 2018 (2.64055443669157)
    assert o["oed_msti_basis_low"] == pytest.approx(2.93439075279869 + 2.38 - 2.64055443669157)


def test_rd_findings_by_hand():
    below = {s.name: s.value for s in findings.get("world-rd-below-oecd").specifications}
    assert below["WDI 2023：中国对 OECD 成员（世界银行，美元 GDP 加权）"] == pytest.approx(2.57729 - 2.93439075279869)
    assert below["WDI 2023：中国对高收入经济体"] == pytest.approx(2.57729 - 2.87543396727734)
    catch = {s.name: s.value for s in findings.get("world-rd-catchup").specifications}
    gap = (RD["CHN", 2023] - RD["OED", 2023] - (RD["CHN", 2013] - RD["OED", 2013])) / 10   # +0.0034 pp a year
    assert catch["对 OECD 成员，2013–2023"] == pytest.approx(gap)
    usa = (RD["CHN", 2023] - RD["USA", 2023] - (RD["CHN", 2013] - RD["USA", 2013])) / 10   # -0.0136: widening
    assert catch["对美国，2013–2023"] == pytest.approx(usa) and usa < 0
    lead23 = (RD["KOR", 2023] + RD["JPN", 2023] + RD["DEU", 2023]) / 3
    kor13 = 3.77487  # GB.XPD.RSDV.GD.ZS,KOR,"Korea, Rep.",2013,3.77487
    lead13 = (kor13 + RD["JPN", 2013] + RD["DEU", 2013]) / 3
    want = (RD["CHN", 2023] - lead23 - (RD["CHN", 2013] - lead13)) / 10
    assert catch["对韩日德平均，2013–2023"] == pytest.approx(want)
    assert findings.get("world-rd-catchup").flips_under == ["对美国，2013–2023"]


def test_rank_corr_hand_example():
    # ranks 1..5 against 1, 2, 3, 5, 4: d = 0, 0, 0, 1, 1, sum d^2 = 2, rho = 1 - 6 x 2 / (5 x 24) = 0.9
    from nqpf.analysis.world.timing import rank_corr
    assert rank_corr(pd.Series([1, 2, 3, 4, 5]), pd.Series([10, 20, 30, 50, 40])) == pytest.approx(0.9)
    assert math.isnan(rank_corr(pd.Series([1, 2]), pd.Series([2, 1])))


def test_catchup_scope_excludes_what_does_not_rise_with_development():
    s = world.scope().set_index("indicator")
    excluded = set(s.index[~s["included"]])
    # the examples and the others the rule catches
    assert {"NQPF.CO2.GDP", "EG.FEC.RNEW.ZS", "EG.ELC.RNEW.ZS", "NV.MNF.TECH.ZS.UN", "SP.POP.TECH.RD.P6",
            "NQPF.LP.USA"} <= excluded
    assert len(s) == 18 and int(s["included"].sum()) == 8
    assert s.loc["EG.FEC.RNEW.ZS", "rho_development"] < 0  # traditional biomass: high shares at low income
    assert s.loc["NQPF.LP.USA", "leaders_rising"] == 1      # Japan and Germany fall relative to the US
    with pytest.raises(UsageError, match="no catch-up timing for 'NQPF.CO2.GDP'"):
        world.catchup("NQPF.CO2.GDP")


def test_catchup_table_writes_censored_without_a_length():
    toy = pd.DataFrame([{"indicator": "GB.XPD.RSDV.GD.ZS", "countrycode": c, "country": c, "year": y, "value": v}
                        for c, y, v in [("CHN", 2020, 5.0), ("KOR", 2000, 1.0), ("KOR", 2002, 6.0),
                                        ("JPN", 2001, 7.0), ("DEU", 2000, 2.0)]])
    t = world.catchup_table(world.catchup("GB.XPD.RSDV.GD.ZS", df=toy)).iloc[0]
    assert t["韩国"] == "2002（18年）"            # 2020 - 2002
    assert t["日本"] == "早于 WDI 起始年（首年 2001）"  # no "at least 19 years"
    assert t["德国"] == "尚未达到"


def test_facts_refuse_a_missing_number():
    with pytest.raises(DataError, match="world_x = nan"):
        check_printable({"world_x": float("nan")}, "book/world")
    f = world.facts()
    assert all(isinstance(v, (int, float, str)) for v in f.values())
    assert f["world_rd_chn"] == pytest.approx(2.57729)
    assert f["world_rd_wdi_match_prose"] == "0.0000091"  # fixed point, never 9.1e-06


def test_inputs_ahead_of_efficiency_by_hand():
    f = findings.get("world-inputs-ahead-of-efficiency")
    specs = {s.name: s.value for s in f.specifications}
    # PWT 11.0 ctfp, CHN 2023: 0.470938355 (USA = 1); WDI R&D intensity 2023: CHN 2.57729, USA 3.44716
    want = 2.57729 / 3.44716 * 100 - 0.470938355 * 100   # 74.77 - 47.09 = 27.67 pp
    assert specs["研发强度相对美国 − TFP 水平相对美国（2023）"] == pytest.approx(want)
    assert f.verdict == "depends" and f.flips_under == ["每百万人研究人员相对美国 − TFP 水平相对美国（2022）"]
