"""Reference tests for the industries chapter's source readers and GDP scenarios. Expected values are the rows of
data/raw/cn_sei_share_gdp.csv, cn_sei_share_gdp_targets.csv, industry_seed_figures.csv and wdi_selected.csv."""

from __future__ import annotations

import pytest

from nqpf.analysis.industries import sei, sources


def test_sei_share_is_the_official_rows_plus_seed_004():
    s = sources.sei_share()
    # cn_sei_share_gdp.csv: 2010 4, 2014 7.6, 2019 11.5, 2022 13 (LOWER-BOUND); seed 004 line 79: 2023 13 以上
    assert list(zip(s["year"], s["value"])) == [(2010, 4), (2014, 7.6), (2019, 11.5), (2022, 13), (2023, 13)]
    assert s.set_index("year").loc[2023, "ref"] == "004:79"
    assert (sources.official_share(2019), sources.official_share(2022)) == (11.5, 13.0)
    assert sources.figure("sei_target_2025") == 17 and sources.figure("sei_share_2014") == 7.6


def test_sei_targets_are_the_plan_rows_plus_seed_000():
    t = sources.sei_targets()
    # cn_sei_share_gdp_targets.csv: 2015 8, 2017 10 (projection), 2020 15; seed 000 line 17: 2025 超过17%
    assert list(zip(t["year"], t["value"])) == [(2015, 8), (2017, 10), (2020, 15), (2025, 17)]
    assert t.set_index("year").loc[2025, "ref"] == "000:17"


def test_default_gdp_scenarios_from_the_wdi_rows():
    sc = sei.default_gdp_scenarios().set_index("scenario")["gdp_growth"]
    # standard GDP = NY.GDP.MKTP.CD x PA.NUS.FCRF (wdi_selected.csv, CHN)
    usd = {2015: 11280814787468.9, 2022: 18316765021690.2, 2023: 18270356654533.2, 2025: 19498039388042.6}
    rate = {2015: 6.22748867298455, 2022: 6.73715811237119, 2023: 7.08399842343631, 2025: 7.18984737402171}
    gdp = {y: usd[y] * rate[y] for y in usd}
    assert sc["2023年名义"] == pytest.approx((gdp[2023] / gdp[2022] - 1) * 100)           # 4.9 %
    assert sc["2024–2025年实际名义"] == pytest.approx(((gdp[2025] / gdp[2023]) ** 0.5 - 1) * 100)
    assert (sc["低"], sc["中"], sc["高"]) == (3.0, 5.0, 9.0)
    assert list(sc) == sorted(sc)                                                        # ordered by growth


# standard GDP (亿元 not needed: ratios only) = NY.GDP.MKTP.CD x PA.NUS.FCRF, wdi_selected.csv CHN rows
USD = {2014: 10674533168257.4, 2022: 18316765021690.2, 2023: 18270356654533.2, 2025: 19498039388042.6}
RATE = {2014: 6.14343409448867, 2022: 6.73715811237119, 2023: 7.08399842343631, 2025: 7.18984737402171}
GDP = {y: USD[y] * RATE[y] for y in USD}


def _past(end, share):
    """SEI value added's nominal growth 2015..end: the share's growth times GDP's (shares 7.6 % in 2014)."""
    n = end - 2014
    return ((share / 7.6) ** (1 / n) * (GDP[end] / GDP[2014]) ** (1 / n) - 1) * 100


def test_scenarios_tables_by_hand():
    from nqpf.analysis import industries_facts

    t = industries_facts.scenarios_table().set_index("名义 GDP 情景")
    # from 13 % (2023, seed 004 line 79) to 17 % (2025, seed 000 line 17) with GDP at 5 %: 1.05 x sqrt(17 / 13) - 1
    assert t.loc["中", "所需增加值增长（%）"] == pytest.approx((1.05 * (17 / 13) ** 0.5 - 1) * 100)   # 20.07
    assert t.loc["中", "2015–2023 年增加值增长（%，DERIVED）"] == pytest.approx(_past(2023, 13))      # 12.4
    chart = industries_facts.scenarios_chart_table().set_index("名义 GDP 情景")
    assert chart.loc["高", "所需增加值增长（%）"] == pytest.approx((1.09 * (17 / 13) ** 0.5 - 1) * 100)


def test_specifications_table_and_the_sei_finding_by_hand():
    from nqpf.analysis import industries_facts
    from nqpf.analysis.findings import industries as find

    t = industries_facts.specifications_table().set_index("设定")
    # from the last official figure, 2022's "超过13%" (cn_sei_share_gdp.csv), GDP growth 2023-2025 realised
    g = (GDP[2025] / GDP[2022]) ** (1 / 3)
    req = (g * (17 / 13) ** (1 / 3) - 1) * 100
    row = t.loc["官方2022年13%"]
    assert row["所需增加值增长（%）"] == pytest.approx(req)
    assert row["过去的增加值增长（%）"] == pytest.approx(_past(2022, 13))
    assert row["差距（百分点）"] == pytest.approx(req - _past(2022, 13))
    # the seed's 13 % in 2023 with 2024-2025 realised growth: required above the past pace
    seed_req = ((GDP[2025] / GDP[2023]) ** 0.5 * (17 / 13) ** 0.5 - 1) * 100
    assert t.loc["种子2023年13%（实际GDP增长）", "所需增加值增长（%）"] == pytest.approx(seed_req)
    f = find.sei_target_2025()
    assert f in find.findings()
    v = {s.name: s.value for s in f.specifications}
    assert v["官方2022年13%"] == pytest.approx(req - _past(2022, 13), abs=1e-6)
    assert v["种子2023年13%（实际GDP增长）"] == pytest.approx(seed_req - _past(2023, 13), abs=1e-6)
    assert seed_req - _past(2023, 13) > 0
    assert f.flips_under == [k for k, x in v.items() if x <= 0]


def _mention_rows():
    import csv

    from nqpf.core import data

    with open(data.RAW / "industry_mentions.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_category_summary_counts_the_mentions_file_by_hand():
    from nqpf.analysis.industries import taxonomy

    rows = _mention_rows()
    out = taxonomy.category_summary().set_index("category")
    for cat in ("traditional", "strategic emerging", "future", "other"):
        mine = [r for r in rows if r["category"] == cat]
        assert out.loc[cat, "mentions"] == len(mine)
        assert out.loc[cat, "industries"] == len({r["industry"] for r in mine})
        assert out.loc[cat, "seeds"] == ", ".join(sorted({r["seed"] for r in mine}))


def test_fyp14_wording_lists_the_nine_fields_of_seed_000_line_40():
    from nqpf.analysis.industries import taxonomy

    rows = _mention_rows()
    nine = [r["industry"] for r in rows if r["list"] == "000-fyp14"]      # seed 000 line 40, as listed there
    assert len(nine) == 9
    t = taxonomy.fyp14_wording()
    assert list(t["十四五九大领域"][:9]) == nine
    # the last row counts the SEI fields each list names: 000-fyp14 names its nine
    last = t.iloc[-1]
    assert last["000-fyp14"] == "9"


def test_traditional_evidence_and_table_name_the_frozen_chinese_series():
    from nqpf.analysis import industries_facts
    from nqpf.analysis.industries import traditional

    ev = traditional.traditional_evidence().set_index(["indicator", "countrycode"])
    # wdi_selected.csv NV.MNF.TECH.ZS.UN,CHN: 41.3830969 (2008-2010), then 41.4512685... from 2011 to the last row,
    # the same value to ten digits (WDI carries 2011 forward)
    row = ev.loc[("NV.MNF.TECH.ZS.UN", "CHN")]
    assert row["reported_year"] == 2011 and row["value"] == pytest.approx(41.4512685209591)
    assert row["repeated_years"] == row["latest_year"] - 2011 >= 11
    t = industries_facts.traditional_table({c: c for c in traditional.PEERS}).set_index("指标")
    assert t.loc["中高技术制造业占制造业增加值（%）", "CHN"] == "41.5（2011）"


def test_disagreements_table_puts_biomanufacturing_in_two_categories():
    from nqpf.analysis import industries_facts

    t = industries_facts.disagreements_table()
    bio = t[t["产业"] == "生物制造"].set_index("类别")
    # seed 002 line 62 lists it among the nine future industries; seed 004 line 79 among the emerging ones
    assert set(bio.index) == {"未来产业", "战略性新兴产业"}
    assert bio.loc["未来产业", "种子:行"] == "002:62" and "004:79" in bio.loc["战略性新兴产业", "种子:行"]
    rows = [r for r in _mention_rows() if r["industry"] == "生物制造"]
    assert {(r["seed"], r["line"]) for r in rows if r["category"] == "future"} == {("002", "62")}


def test_factcheck_most_hold_on_hand_made_counts(monkeypatch):
    from nqpf.analysis.findings import industries as find

    # ten checks: 4 agree, 1 agrees with a preliminary figure, 1 within rounding, 2 conflicts, 2 cannot be checked
    counts = {"n": 10, "agrees": 4, "agrees_preliminary": 1, "rounding": 1, "conflicts": 2, "cannot_check": 2}
    monkeypatch.setattr(find.factcheck, "counts", lambda: dict(counts))
    find.factcheck_most_hold.cache_clear()
    try:
        f = find.factcheck_most_hold()
    finally:
        find.factcheck_most_hold.cache_clear()
    # 5 / 10 = 50 % (not above half), 6 / 10 = 60 %, 5 / 8 = 62.5 %, 6 / 8 = 75 %
    assert [s.value for s in f.specifications] == pytest.approx([50.0, 60.0, 62.5, 75.0])
    assert f.verdict == "depends" and f.flips_under == ["一致（含初步数）÷ 全部核查"]
    assert "10 项核查中矛盾 2 项" in f.statement
