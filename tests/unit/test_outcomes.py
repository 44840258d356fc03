"""2025 targets scored against published outcomes (nqpf.analysis.outcomes, data/raw/cn_outcomes_2023_2025.csv)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from nqpf.analysis import outcomes
from nqpf.analysis.outcomes import scoring
from nqpf.core import data


@pytest.fixture(scope="module")
def rows():
    return outcomes.table()


def _numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text.replace(",", ""))]


def test_every_figure_is_in_its_quote(rows):
    # Each tidy row keeps the sentence it was read from; its value appears there (or in where_read) as written,
    # or in 万亿 (/1e4) or
    # billion yuan (/10) when the row is in 亿元. The one DERIVED target (5G) is checked by its arithmetic.
    for r in rows.itertuples():
        if r.indicator == "labour_productivity_growth_gap":  # a relation, not a figure: "高于国内生产总值增长"
            assert r.value == 0 and "高于国内生产总值增长" in r.quote
            continue
        found = _numbers(r.quote) + _numbers(r.where_read)  # a few figures are quoted in where_read (5G share)
        candidates = [r.value, r.value / 1e4, r.value / 10]
        assert any(abs(c - f) < 1e-9 for c in candidates for f in found), (r.indicator, r.year, r.value)


def test_split_keeps_confidence_and_covers_the_source_rows(rows):
    # 45 source rows: every one split into at least one tidy row, except the three text-only rows 42-44; rows
    # read by this project have no source row and name their page or corpus line in where_read
    assert set(rows["source_row"].dropna().astype(int)) == set(range(1, 46)) - {42, 43, 44}
    assert rows.loc[rows["source_row"].isna(), "where_read"].str.len().gt(10).all()
    assert set(rows["confidence"]) <= {"high", "medium", "low"}
    # the same source row carries one confidence
    assert (rows.groupby("source_row")["confidence"].nunique() == 1).all()


def test_scores_by_hand(rows):
    sc = outcomes.score().set_index("indicator")
    # basic research: 7.08 % of R&D in 2025 against "8 % or more": missed by 0.92 points (medium confidence)
    b = sc.loc["basic_research_share"]
    assert (b["status"], b["confidence"]) == ("missed", "medium")
    assert b["gap"] == pytest.approx(7.08 - 8)
    # R&D growth, growth years 2021-2025 from the 2020 level: (39,200 / 24,393.1) ** (1/5) - 1, a lower bound
    rd2020 = data.load("cn_rd_expenditure").set_index("year").loc[2020, "value"]
    assert rd2020 == 24393.1
    g = sc.loc["rd_growth"]
    assert g["outcome"] == pytest.approx(((39200 / 24393.1) ** (1 / 5) - 1) * 100)
    assert g["status"] == "met" and "LOWER-BOUND" in g["flags"]
    # 5G base stations per 10,000 people: 34.4 against the plan's own 26 (人民日报 2021-11-17), not 34.4 - 8.4
    t5g = rows[(rows["indicator"] == "5g_per_10k_people") & (rows["kind"] == "target")].iloc[0]
    assert "DERIVED" not in t5g["flags"] and "达到26个" in t5g["quote"]
    assert sc.loc["5g_per_10k_people", "status"] == "met"
    assert sc.loc["5g_per_10k_people", "gap"] == pytest.approx(8.4)  # and MIIT's "高于…目标8.4个" agrees
    # digital core industries: "10.5%以上" in the 2026 report (a lower bound) shows the 10 % floor was reached
    d = sc.loc["digital_core_share"]
    assert (d["status"], d["outcome"], d["confidence"]) == ("met", 10.5, "medium") and "LOWER-BOUND" in d["flags"]
    # labour productivity 6.1 % against real GDP 5.0 % in 2025 (NBS communiqué, data/raw/cn_outcomes_2023_2025.csv
    # rows labour_productivity_growth 2025 and gdp_real_growth 2025): 1.1 points faster. The target is "each year"
    # of 2021-2025 (row labour_productivity_growth_gap, point "2021-2025 each year") and the file has no labour
    # productivity growth for 2021-2024: not "met" on one year of five
    lp = sc.loc["labour_productivity_growth_gap"]
    assert lp["outcome"] == pytest.approx(6.1 - 5.0) and "DERIVED" in lp["flags"]
    assert lp["status"] == "undetermined" and lp["years_missing"] == "2021–2024"
    # energy per unit of GDP: 1 - (1 - 0.116)(1 - 0.051) = 1 - 0.884 * 0.949 = 16.11 % against 13.5 % (rows
    # energy_intensity_reduction "2021-2024 cumulative", NDRC, low; and 2025 "year", government work report,
    # medium); the chained value is labelled as such, with the lower (low) confidence, so no verdict
    e = sc.loc["energy_intensity_reduction"]
    assert e["outcome"] == pytest.approx(100 * (1 - 0.884 * 0.949)) and e["status"] == "undetermined"
    assert e["chained"] and e["confidence"] == "low" and "连乘值" in e["note"]
    assert not sc.drop(index="energy_intensity_reduction")["chained"].any()
    # CO2 per unit of GDP: only 2025's annual 5.0 % is published, not the five-year total
    assert sc.loc["co2_intensity_reduction", "status"] == "not published"
    # no 2025 figure published: said so, and the latest earlier figure is context only
    for key in ("sei_share", "compute_total", "compute_intelligent_share"):
        assert sc.loc[key, "status"] == "not published", key
        assert pd.isna(sc.loc[key, "outcome"])
    assert "2022" in sc.loc["sei_share", "note"] and "不计分" in sc.loc["sei_share", "note"]


def _with(rows, **row):
    base = rows.iloc[0].to_dict()
    base.update({"flags": "", "basis": "test", "point": "year", "kind": "outcome", **row})
    return pd.concat([rows, pd.DataFrame([base])], ignore_index=True)


def test_low_confidence_alone_never_scores(rows):
    df = _with(rows, indicator="sei_share", year=2025, value=18.0, confidence="low")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "undetermined"
    df = _with(rows, indicator="sei_share", year=2025, value=18.0, confidence="medium")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "met"
    # a medium figure is preferred to a low one of the same year
    df = _with(df, indicator="sei_share", year=2025, value=12.0, confidence="low", basis="other")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "outcome"] == 18.0


def test_a_lower_bound_cannot_show_a_miss(rows):
    df = _with(rows, indicator="sei_share", year=2025, value=15.0, confidence="high", flags="LOWER-BOUND")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "undetermined"
    df = _with(rows, indicator="sei_share", year=2025, value=15.0, confidence="high")
    assert outcomes.score(df).set_index("indicator").loc["sei_share", "status"] == "missed"


def test_comparators():
    assert outcomes.satisfies(17.0, ">", 17) is False and outcomes.satisfies(17.0, ">=", 17) is True


def test_every_indicator_has_a_chinese_label(rows):
    assert set(rows["indicator"]) <= set(outcomes.INDICATOR_ZH)


def test_growth_targets_are_scored_against_their_own_indicator(rows, monkeypatch):
    # Before: every growth target took its base level from cn_rd_expenditure whatever it named. A nominal-GDP
    # growth target 2021-2025 must start from GDP 2020 (standard series 1,034,868 亿元, WDI, census-revised) and end at
    # the 2025 preliminary 1,401,879 亿元 (NBS, row 4): (1401879 / 1034868) ** (1 / 5) - 1 = 6.26 %.
    gdp_target = outcomes.Target("gdp_nominal", "名义 GDP 年均增长", ">=", "test", growth_from="gdp_nominal")
    df = _with(rows, indicator="gdp_nominal", kind="target", year=2025, point="2021-2025 average", value=5.0,
               confidence="medium", flags="TARGET")
    monkeypatch.setattr(scoring, "TARGETS", (gdp_target,))
    g = outcomes.score(df).set_index("indicator").loc["gdp_nominal"]
    base = outcomes.LEVELS["gdp_nominal"][0]()[2020]
    assert round(base) == 1034868
    assert g["outcome"] == pytest.approx(((1401879 / base) ** (1 / 5) - 1) * 100)
    assert g["outcome"] == pytest.approx(6.26, abs=0.01)


def test_figure_picks_by_period_not_first_match():
    # end-2025: "超过1590 EFLOPS" (precision not stated); end-June 2025: 788 EFLOPS in FP16 (row 31, listed first)
    assert outcomes.figure("compute_intelligent", 2025)["value"] == 1590
    assert outcomes.figure("compute_intelligent", 2025, point="end-June")["value"] == 788
    assert outcomes.latest("compute_intelligent")["value"] == 1590
    with pytest.raises(Exception, match="end-June"):
        outcomes.figure("compute_intelligent", 2025, point="end-Sept")


def test_realised_gdp_growth_by_hand():
    # standard series (WDI, fifth-census basis): 2023 1,294,272; 2024 final 1,348,066 (NBS, row 2); 2025
    # preliminary 1,401,879 (row 4): 1348066/1294272 - 1 = 4.16 %, 1401879/1348066 - 1 = 3.99 %,
    # (1401879/1294272) ** 0.5 - 1 = 4.07 %
    r = outcomes.realised_gdp_growth(2024, 2025)
    assert r["by_year"][2024] == pytest.approx(4.156, abs=0.001)
    assert r["by_year"][2025] == pytest.approx(3.992, abs=0.001)
    assert r["cagr"] == pytest.approx(4.074, abs=0.001)
    assert round(r["levels"][2024]) == 1348066 and round(r["levels"][2025]) == 1401879


def test_rd_final_is_the_communique():
    # data/official/nbs_2024_rd_bulletin.txt lines 48, 52 and 1350
    r = outcomes.rd_final()
    assert (r["expenditure"], r["intensity"], r["basic_research_share"], r["intensity_2023_restated"]) == (
        36326.8, 2.69, 6.88, 2.58)
    # the R&D files carry the same 2024 value (one value per year and vintage)
    assert data.load("cn_rd_expenditure").set_index("year").loc[2024, "value"] == 36326.8
    assert data.load("cn_rd_intensity").set_index("year").loc[2024, "value"] == 2.69


def test_fyp15_requirements_by_hand():
    req = outcomes.fyp15_requirements((5.0,))
    assert set(req["status_zh"]) == {"目标（不是结果）"}
    d = req[(req["indicator"] == "digital_core_share") & (req["scenario"] == "名义 GDP 年增 5%")].iloc[0]
    # 10.5 % (2025, lower bound) to 12.5 % (2030): 1.05 * (12.5 / 10.5) ** (1 / 5) - 1 = 8.73 %
    assert d["value"] == pytest.approx((1.05 * (12.5 / 10.5) ** 0.2 - 1) * 100) and d["baseline_flags"] == "下限"
    r = req[req["requirement_zh"] == "2030 年研发经费至少（亿元）"].iloc[0]
    assert r["value"] == pytest.approx(39200 * 1.07 ** 5)  # 54,980 亿元
    i = req[(req["requirement_zh"] == "2030 年研发投入强度至少（%）") & (req["scenario"] == "名义 GDP 年增 5%")].iloc[0]
    assert i["value"] == pytest.approx(2.8 * (1.07 / 1.05) ** 5)  # 3.08 %
    c = req[req["indicator"] == "co2_intensity_reduction"].iloc[0]
    assert c["value"] == pytest.approx((1 - 0.83 ** 0.2) * 100)  # 3.66 % a year; the 2026 target is 3.8 %
    s = req[(req["indicator"] == "schooling_years") & (req["requirement_zh"] == "每年须增加（年）")].iloc[0]
    assert s["value"] == pytest.approx((11.7 - 11.3) / 5)


def _lp_year(rows, year, lp, gdp, confidence="high"):
    df = _with(rows, indicator="labour_productivity_growth", year=year, value=lp, confidence=confidence)
    return _with(df, indicator="gdp_real_growth", year=year, value=gdp, confidence=confidence)


def test_each_year_target_needs_every_year(rows):
    # invented rows for 2021-2024 (the rule, not the data): all five years published and each above GDP growth
    # is met, and the smallest gap decides
    df = rows
    for year, lp, gdp in ((2021, 8.7, 8.4), (2022, 4.2, 3.0), (2023, 5.7, 5.2), (2024, 5.6, 5.0)):
        df = _lp_year(df, year, lp, gdp)
    r = outcomes.score(df).set_index("indicator").loc["labour_productivity_growth_gap"]
    # smallest of 8.7-8.4 = 0.3, 1.2, 0.5, 0.6, 1.1: 2021's 0.3
    assert r["status"] == "met" and r["outcome"] == pytest.approx(0.3) and r["years_missing"] == ""
    # one year below GDP growth (2024: 4.9 against 5.0) and the target is missed, even with other years missing
    df = _lp_year(rows, 2024, 4.9, 5.0)
    r = outcomes.score(df).set_index("indicator").loc["labour_productivity_growth_gap"]
    assert r["status"] == "missed" and r["outcome"] == pytest.approx(-0.1) and r["years_missing"] == "2021–2023"


def test_a_chained_reduction_is_labelled_and_a_published_total_is_not(rows):
    # a published 2021-2025 cumulative figure is used as it is: not chained
    df = _with(rows, indicator="energy_intensity_reduction", year=2025, point="2021-2025 cumulative", value=14.0,
               confidence="medium")
    e = outcomes.score(df).set_index("indicator").loc["energy_intensity_reduction"]
    assert not e["chained"] and e["outcome"] == 14.0 and e["status"] == "met"


def test_appendix_facts_by_hand():
    from nqpf.analysis.outcomes import facts as outcome_facts

    f = outcome_facts.facts()
    # met: digital core 10.5 >= 10 (row digital_core_share 2025), R&D (39,200 / 24,393.1) ** 0.2 - 1 = 9.95 % >= 7
    # (rows rd_expenditure 2025; cn_rd_expenditure.csv row 2020), 5G 34.4 >= 26 (row 5g_per_10k_people 2025);
    # missed: basic research 7.08 < 8; undetermined: labour productivity (2021-2024 missing), energy (chained, low)
    assert (f["oc_n_targets"], f["oc_n_met"], f["oc_n_missed"], f["oc_n_undetermined"], f["oc_n_not_published"]) == (
        10, 3, 1, 2, 4)
    assert f["oc_rd_growth_outcome_txt"] == "9.95"
    assert f["oc_lp_years_missing"] == "2021–2024"
    # "接近2800亿元" over "超过3.92万亿元" (rows basic_research and rd_expenditure 2025): 2800 / 39200 = 7.14 %
    assert f["oc_basic_ratio_2025"] == "7.14"
    # 15th plan: R&D at 7 % a year from 39,200 亿元: 39,200 * 1.07 ** 5 = 54,980; CO2 -17 % in five years:
    # 1 - 0.83 ** 0.2 = 3.66 % a year (cn_fyp15_targets.csv)
    assert (f["oc_req_rd_2030"], f["oc_req_co2_annual"]) == ("54,980", "3.66")
    # energy: the chained 1 - 0.884 * 0.949 = 16.11 %, low confidence (the NDRC piece)
    assert f["oc_energy_intensity_reduction_outcome"] == pytest.approx(16.1084)
    assert f["oc_energy_intensity_reduction_conf"] == "低"
    table = outcome_facts.score_table().set_index("目标（2025 年）")
    assert table.loc["单位 GDP 能耗累计降低（%，2021–2025）", "2025 年结果"] == "16.11（连乘估算）"
    assert table.loc["数字经济核心产业增加值占 GDP 比重（%）", "2025 年结果"] == "≥ 10.50"


def test_appendix_tables_by_hand():
    from nqpf.analysis.outcomes import facts as outcome_facts

    # every row of data/raw/cn_outcomes_2023_2025.csv once (89 data rows under the header), in readers' words
    rows = outcome_facts.rows_table()
    assert len(rows) == len(pd.read_csv(data.RAW / "cn_outcomes_2023_2025.csv")) == 89
    intel = rows[(rows["指标"] == "智能算力规模") & (rows["年份"] == 2025) & (rows["时点"] == "年底")]
    assert list(intel["数值"]) == ["1,590"]  # "超过1590 EFLOPS" (row compute_intelligent 2025 end)
    # 15th plan: schooling from 11.3 (2025) to 11.7 (2030): 0.08 a year, starting point "11.3（2025 年）"
    req = outcome_facts.fyp15_table()
    school = req[(req["要求"] == "每年须增加（年）") & req["目标"].str.contains("受教育")].iloc[0]
    assert school["数值"] == pytest.approx(0.4 / 5) and school["起点"].startswith("11.3（2025 年")
