"""The digital-economy chapter: growth arithmetic, the 2025 target, compute, seed figures and the corpus counts."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from nqpf.analysis import corpus, digital
from nqpf.core import data, seeds
from nqpf.core.errors import DataError, UsageError
from nqpf.core.growth import period_growth
from tests.helpers import wdi_gdp_yi

CN_DIGITS = {"2": "二", "8": "8", "10": "10"}


# ---------------------------------------------------------------- growth arithmetic, checked by hand


def test_yoy_leaves_gaps_empty():
    s = pd.Series([100.0, 110.0, 121.0], index=[2015, 2016, 2018])
    g = digital.yoy(s)
    assert math.isnan(g[2015]) and math.isnan(g[2018])  # no 2014, no 2017
    assert g[2016] == pytest.approx(10.0)


def test_growth_over_a_span_rejects_missing_years():
    scale = digital.series(digital.SCALE)
    # growth years 2015-2023 need the 2014 level, which the CAICT series lacks
    with pytest.raises(UsageError, match="missing 2014"):
        period_growth(scale, 2015, 2023)
    # growth years 2017-2023: 22.6 (2016) -> 53.9 (2023), (53.9 / 22.6) ** (1 / 7) - 1
    # (data/raw/cn_digital_economy_scale.csv rows 2016 and 2023)
    assert period_growth(scale, 2017, 2023) == pytest.approx(13.22, abs=0.01)


def test_gdp_is_the_standard_latest_vintage_series():
    g = digital.series(digital.GDP)
    # the figure: 2023 = 1,294,272 亿元 on the fifth-census basis (first release: 1,260,582)
    assert g[2023] == pytest.approx(wdi_gdp_yi(2023)) and round(g[2023]) == 1294272
    assert digital.gdp_as_published()[2023] == 1260582
    # 2019 nominal growth: about 7.5 % on one vintage, not the 9.6 % the mixed first releases gave
    assert digital.panel().set_index("year").loc[2019, "gdp_growth"] == pytest.approx(
        (wdi_gdp_yi(2019) / wdi_gdp_yi(2018) - 1) * 100)
    assert 7.4 < (wdi_gdp_yi(2019) / wdi_gdp_yi(2018) - 1) * 100 < 7.6
    assert period_growth(digital.series("gdp"), 2021, 2023) == pytest.approx(
        ((wdi_gdp_yi(2023) / wdi_gdp_yi(2020)) ** (1 / 3) - 1) * 100)


def test_share_recomputed_from_scale_and_gdp():
    p = digital.panel().set_index("year")
    # 53.9 万亿元 = 539,000 亿元 over the standard GDP (1,294,272 亿元): 41.6 %
    assert p.loc[2023, "share_recomputed"] == pytest.approx(539000 / wdi_gdp_yi(2023) * 100)
    assert p.loc[2023, "share_recomputed"] == pytest.approx(41.65, abs=0.005)
    # on GDP as NBS published it then (1,260,582) it is the published 42.8 %: CAICT divided by the GDP of the day
    assert p.loc[2023, "share_on_gdp_as_published"] == pytest.approx(539000 / 1260582 * 100)
    assert (p["share_on_gdp_as_published"] - p["share_published"]).abs().max() < 0.5
    # 2022 growth: 50.2 / 45.5 - 1
    assert p.loc[2022, "scale_growth"] == pytest.approx(10.33, abs=0.01)
    assert math.isnan(p.loc[2015, "scale_growth"])  # 2014 is not in the CAICT series


def test_seeds_numbers_against_gdp():
    sg = digital.seeds_growth()
    assert sg["cagr"] == pytest.approx(14.80, abs=0.01)
    # 56.1 万亿元 over the standard 2023 GDP: 43.3 %; the seed says 44 % (its own arithmetic is the fact check's)
    assert sg["share_2023_recomputed"] == pytest.approx(561000 / wdi_gdp_yi(2023) * 100)
    assert sg["share_2023_stated"] == 44
    # standard nominal GDP, 2014 level -> 2023 level, nine growth years
    assert sg["gdp_cagr"] == pytest.approx(((wdi_gdp_yi(2023) / wdi_gdp_yi(2014)) ** (1 / 9) - 1) * 100)
    assert sg["cagr"] > sg["gdp_cagr"]


def test_the_two_2023_figures_side_by_side():
    c = digital.compare_2023().set_index("source")
    assert list(c["scale"]) == [56.1, 53.9]
    assert c["growth_over_2022"].iloc[0] == pytest.approx((56.1 / 50.2 - 1) * 100)
    assert c["growth_over_2022"].iloc[1] == pytest.approx(7.37, abs=0.01)
    assert "UNCERTAIN" in c["flags"].iloc[0]


def test_caict_components_add_up_to_the_scale():
    parts = digital.components()
    scale = data.load("cn_digital_economy_scale").set_index("year")["value"]
    assert parts[parts["year"] == 2022]["value"].sum() == pytest.approx(scale[2022])


# ---------------------------------------------------------------- the 2025 target


def test_required_core_growth_hand_examples():
    # doubling the share in one year with flat GDP needs 100 % growth
    assert digital.required_core_growth(5, 10, 1, 0) == pytest.approx(100.0)
    # 7.8 -> 10 over five years with 6 % GDP growth: 1.06 * (10 / 7.8) ** 0.2 - 1 = 11.40 %
    assert digital.required_core_growth(7.8, 10, 5, 6) == pytest.approx(11.40, abs=0.01)
    # a constant share needs GDP's own growth
    assert digital.required_core_growth(7.8, 7.8, 5, 6) == pytest.approx(6.0)
    with pytest.raises(UsageError):
        digital.required_core_growth(7.8, 10, 0, 6)
    with pytest.raises(UsageError):
        digital.required_core_growth(7.8, 10, 5, -120)


def test_target_scenarios_and_progress():
    sc = digital.target_scenarios().set_index("scenario")
    assert list(sc.index[:3]) == ["4%", "6%", "8%"]
    assert sc.loc["4%", "core_growth_required"] == pytest.approx(9.30, abs=0.01)
    # realised nominal (not real) GDP over the growth years 2021-2025 and 2024-2025, standard series
    assert sc.loc["2021–2025 实际名义", "gdp_growth"] == pytest.approx(
        ((wdi_gdp_yi(2025) / wdi_gdp_yi(2020)) ** (1 / 5) - 1) * 100)
    # 2024-2025: (1,401,879 / 1,294,272) ** 0.5 - 1 = 4.07 %; from 9.9 % to 10 %: 1.0407 * (10 / 9.9) ** 0.5 - 1
    r = sc.loc["2024–2025 实际名义"]
    assert r["gdp_growth"] == pytest.approx(4.074, abs=0.001)
    assert r["core_growth_required_2023_2025"] == pytest.approx((1.04074 * (10 / 9.9) ** 0.5 - 1) * 100, abs=0.002)
    prog = digital.target_progress()
    # steady path: 7.8 * (10 / 7.8) ** (3 / 5) = 9.05 %; NBS reports 9.9 %
    assert prog["path_2023"] == pytest.approx(9.05, abs=0.01)
    assert prog["reached_2023"] == 9.9 > prog["path_2023"]
    # 127,555 over the preliminary GDP is 10.12 %, not 9.9 %: the NBS figure uses a larger (census) GDP
    assert prog["share_2023_on_preliminary_gdp"] == pytest.approx(10.12, abs=0.01)
    assert prog["implied_gdp_2023"] == pytest.approx(127555 / 0.099)
    # 9.9 as written stands for [9.85, 9.95]: 127,555 / 0.0995 and 127,555 / 0.0985
    assert prog["implied_gdp_2023_low"] == pytest.approx(127555 / 0.0995)
    assert prog["implied_gdp_2023_high"] == pytest.approx(127555 / 0.0985)
    assert prog["implied_gdp_2023_low"] > prog["preliminary_gdp_2023"]
    # 2023 -> 2025 on one (census) vintage: from at most 9.95 % to "10.5 % or more" with nominal GDP at 4.07 %:
    # core value added grew at least 1.04074 * (10.5 / 9.95) ** 0.5 - 1 = 6.91 % a year
    assert prog["core_growth_2024_2025_at_least"] == pytest.approx((1.04074 * (10.5 / 9.95) ** 0.5 - 1) * 100,
                                                                    abs=0.002)
    oc = digital.core_outcomes().set_index("year")
    assert list(oc["share"]) == [7.8, 9.9, 10.0, 10.5] and "LOWER-BOUND" in oc.loc[2025, "flags"]
    assert oc.loc[2020, "vintage"] != oc.loc[2023, "vintage"]  # 7.8 % is on the pre-census GDP
    # on the standard (census-revised) GDP the NBS share is reproduced: 127,555 / 1,294,272 = 9.86 % -> 9.9 %
    assert round(prog["share_2023_on_standard_gdp"], 1) == 9.9


# ---------------------------------------------------------------- compute and hubs


def test_compute_paths_and_facts():
    f = digital.compute_facts()
    assert f["multiple_5y_floor"] == pytest.approx(1.3**5) == pytest.approx(3.71293)
    assert f["doubling_years_at_floor"] == pytest.approx(2.642, abs=0.001)
    assert f["servers_per_rack_max"] == pytest.approx(2000 / 590)
    paths = digital.compute_paths().set_index("year")
    assert paths.loc[2017].tolist() == [1.0, 1.0, 1.0]
    assert paths.loc[2022, "30%"] == pytest.approx(3.71293)
    assert paths.loc[2019, "40%"] == pytest.approx(1.96)
    with pytest.raises(UsageError):
        digital.compute_paths(start=2025, end=2017)


def test_hub_nodes_match_the_seed():
    hubs = digital.hubs()
    line = seeds.line("000", 36)
    assert len(hubs) == digital.seed_value("hub_nodes") == 8
    for node, ref in zip(hubs["node"], hubs["seed_ref"]):
        sid, n = ref.split(":")
        assert node in seeds.line(sid, int(n)), node
    # the seed's list, in its order: 京津冀、长三角、粤港澳大湾区、成渝、内蒙古、贵州、甘肃、宁夏
    listed = re.search(r"包括(.+?)在内的8个国家算力枢纽节点", line).group(1).split("、")
    assert listed == hubs["node"].tolist()
    counts = digital.hub_counts()
    assert counts["clusters"] == digital.seed_value("dc_clusters") == 10
    assert counts["demand"] + counts["supply"] == 8
    assert hubs.set_index("node").loc["成渝", "geography"] == "west"


# ---------------------------------------------------------------- the seeds' figures, each checked against its line


def test_every_seed_figure_stands_in_its_cited_line():
    figs = digital.seed_figures()
    assert len(figs) >= 10
    for row in figs.itertuples():
        sid, n = row.seed_ref.split(":")
        text = seeds.normalise_quote(seeds.line(sid, int(n)))
        figure = seeds.normalise_quote(row.figure)
        assert figure in text, (row.key, row.figure)
        value = f"{row.value:g}"
        assert value in figure or CN_DIGITS.get(value, "@") in figure, (row.key, value, row.figure)


def test_seed_figure_flags():
    figs = digital.seed_figures().set_index("key")
    assert "TARGET" in figs.loc["core_share_2025", "flags"]
    assert "LOWER-BOUND" in figs.loc["compute_growth_5y", "flags"]
    assert "UNCERTAIN" in figs.loc["de_scale_2023", "flags"]
    assert not hasattr(digital, "flag_label")  # one flag label: nqpf.core.data.flag_label


# ---------------------------------------------------------------- 数据 / 算力 / 算法 in the corpus


def test_sentences_span_broken_lines_and_carry_line_numbers():
    sents = corpus.terms_by_unit("003", digital.TERMS)
    hit = [x for x in sents if "数据+算力+算法=服务" in x[2]]
    assert len(hit) == 1
    first, last, text, found = hit[0]
    # the sentence starts on line 567 and runs over a blank line into line 569 (PDF line breaks)
    assert first == 567 and last >= 569
    assert "价值创造的基本逻辑是以算法" in text
    assert found == {"数据", "算力", "算法"}
    # whole tokens only: a sentence with 大数据 but not 数据 does not count
    big = [x for x in sents if "大数据" in x[2] and "数据" not in x[2].replace("大数据", "")]
    assert big and all("数据" not in x[3] for x in big)


def test_cooccurrence_counts():
    co = digital.cooccurrence().set_index("seed")
    assert list(co.index) == ["000", "001", "002", "003", "004"]
    for seed, r in co.iterrows():
        for a, b in (("数据", "算力"), ("数据", "算法"), ("算力", "算法")):
            assert r["all"] <= r[f"{a}+{b}"] <= min(r[a], r[b]), seed
    # the framework's home: seed 003 has most sentences naming all three
    assert co["all"].idxmax() == "003" and co.loc["003", "all"] >= 10
    # seed 004 is in traditional characters (數據): found only after conversion
    assert "数据" not in "".join(seeds.lines("004")) and co.loc["004", "数据"] > 0
    places = digital.cooccurrence_places()
    assert len(places) == co["all"].sum()
    assert ((places["seed"] == "003") & (places["first"] == 574)).any()  # 一是决策革命


# ---------------------------------------------------------------- findings (nqpf.analysis.findings.digital)


def test_findings_by_hand():
    from nqpf.analysis.findings import digital as fd

    specs = {s.name: s.value for s in fd.growth_specs() + fd.cross_vintage_specs()}
    # CAICT 2017-2023: (53.9 / 22.6) ** (1/7) = 1.1322 against the standard GDP over the same growth years
    g = ((wdi_gdp_yi(2023) / wdi_gdp_yi(2016)) ** (1 / 7) - 1) * 100
    caict = next(v for k, v in specs.items() if k.startswith("信通院名义规模"))
    assert caict == pytest.approx(((1 + 13.22 / 100) / (1 + g / 100) - 1) * 100, abs=0.01)
    # NBS core share, one vintage: (10.5 / 9.95) ** (1/2) - 1 = 2.73 %
    core = next(v for k, v in specs.items() if k.startswith("国家统计局核心产业占比 2023"))
    assert core == pytest.approx(((10.5 / 9.95) ** 0.5 - 1) * 100)
    found = {f.id: f for f in fd.findings()}
    assert found["digital-growth-vs-gdp"].verdict == "robust"
    # basic research: "接近2800" / "超过3.92万亿" = 7.14 % at most, below 8 %; the minister's 7.08 % lies under it
    b = {s.name: s.value for s in found["outcomes-basic-research-missed"].specifications}
    assert next(v for k, v in b.items() if "两个水平" in k) == pytest.approx(100 * 2800 / 39200 - 8)
    assert found["outcomes-basic-research-missed"].verdict == "robust"


# ---------------------------------------------------------------- the chapter's facts, each worked by hand


@pytest.fixture(scope="module")
def dg_facts():
    from nqpf.analysis import digital_facts

    return digital_facts.facts()


def test_facts_growth_and_shares_by_hand(dg_facts):
    # data/raw/cn_digital_economy_scale.csv rows 2016 (22.6) and 2023 (53.9): growth years 2017-2023, seven years
    assert dg_facts["dg_caict_cagr"] == "13.2"  # (53.9 / 22.6) ** (1 / 7) - 1 = 13.22 %
    # the published share against the scale over GDP as published: 2015 is the largest gap, 18.63 万亿元
    # (cn_digital_economy_scale.csv row 2015) * 10,000 / 689,052 亿元 (cn_nominal_gdp.csv row 2015) = 27.04 %
    # against 27.5 % (cn_digital_economy_share_gdp.csv row 2015): 0.46 points
    assert (dg_facts["dg_share_gap_max"], dg_facts["dg_share_gap_year"]) == ("0.46", 2015)
    # cn_digital_economy_components.csv rows 2022: 数字产业化 9.2 + 产业数字化 41 = 50.2; 9.2 / 50.2 = 18.3 %
    assert (dg_facts["dg_part_sum"], dg_facts["dg_part_ind_share"]) == ("50.2", "18")
    # the seeds' 2023 scale over the preliminary 2023 GDP: 1,260,582 亿元 (cn_nominal_gdp.csv row 2023) = 126.06 万亿元
    assert dg_facts["dg_gdp_2023_first"] == "126.06"
    # the two 2023 figures: 56.1 (seed 000 line 36) - 53.9 (CAICT) = 2.2 万亿元; 56.1 / 50.2 - 1 = 11.8 %
    assert (dg_facts["dg_two_diff"], dg_facts["dg_two_seed_growth"], dg_facts["dg_two_caict_growth"]) == (
        "2.2", "11.8", "7.4")  # 53.9 / 50.2 - 1 = 7.37 %


def test_facts_core_target_by_hand(dg_facts):
    # 7.8 % (2020) -> 10 % (2025), cn_digital_core_share_gdp(_targets).csv: (10 / 7.8) ** (1 / 5) - 1 = 5.09 %
    assert dg_facts["dg_ratio_growth"] == "5.1"
    # steady path in 2023: 7.8 * (10 / 7.8) ** (3 / 5) = 9.13 %
    assert dg_facts["dg_path_2023"] == f"{7.8 * (10 / 7.8) ** 0.6:.1f}" == "9.1"
    # 127,555 亿元 (cn_digital_core_value_added.csv row 2023) / 1,260,582 (first-release GDP) = 10.12 %;
    # / 0.099 = 1,288,434 亿元, and with 9.9's rounding band [9.85, 9.95]: 1,281,960 to 1,294,975
    assert dg_facts["dg_core_on_prelim"] == "10.1"
    assert (dg_facts["dg_implied_gdp"], dg_facts["dg_implied_gdp_low"], dg_facts["dg_implied_gdp_high"]) == (
        "1,288,434", "1,281,960", "1,294,975")
    # required core growth at 6 % nominal GDP: 1.06 * (10 / 7.8) ** 0.2 - 1 = 11.40 %
    assert dg_facts["dg_req_6"] == "11.4"


def test_facts_compute_by_hand(dg_facts):
    # cn_digital_seed_figures.csv: compute_growth_5y 30, racks_2022 590, servers_2022 2000 (seed 003 lines 519-521)
    assert dg_facts["dg_cp_mult5"] == "3.7"  # 1.3 ** 5 = 3.71
    assert dg_facts["dg_cp_double"] == "2.6"  # ln 2 / ln 1.3 = 2.64 years
    assert dg_facts["dg_cp_spr"] == "3.4"  # 2000 / 590 = 3.39 servers per rack at most
    # CAICT scale over 2018-2022 (base 2017: 27.2 -> 50.2): 50.2 / 27.2 = 1.85
    assert dg_facts["dg_cp_de_mult5"] == "1.8"


def test_facts_refuse_a_missing_number():
    from nqpf.core.numbers import check_printable

    with pytest.raises(DataError, match="dg_x"):
        check_printable({"dg_x": float("nan")}, "book/digital")


def test_chapter_tables_by_hand():
    from nqpf.analysis import digital_facts

    # the steady path from 7.8 % (2020) to 10 % (2025): s(y) = 7.8 * (10 / 7.8) ** ((y - 2020) / 5)
    path = digital_facts.target_path().set_index("year")["path"]
    assert list(path.index) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert path[2020] == pytest.approx(7.8) and path[2025] == pytest.approx(10.0)
    assert path[2022] == pytest.approx(7.8 * (10 / 7.8) ** 0.4)
    # the panel table: 2015 is derived (cn_digital_economy_scale.csv row 2015 "DERIVED: 22.6 (2016) minus 3.9",
    # and its share row 2015 "DERIVED: 30.3 (2016) minus 2.8"), 2016's growth is 22.6 / 18.63 - 1 = 21.3 %
    t = digital_facts.panel_table().set_index("年份")
    assert "推算" in t.loc[2015, "标注"]
    assert t.loc[2016, "增速"] == pytest.approx((22.6 / 18.63 - 1) * 100)
    # the two 2023 figures: seed 000 line 36 (56.1 万亿元, 44 %) and CAICT (53.9); implied GDP 56.1 / 0.44 万亿元
    two = digital_facts.two_figures_table().set_index("来源")
    assert two.loc["种子000", "隐含GDP"] == pytest.approx(56.1 * 10_000 / 0.44)
    # hubs: seed 000 line 36 names eight nodes; 成渝 is in the west and on the demand side
    hubs = digital_facts.hubs_table().set_index("枢纽节点")
    assert len(hubs) == 8 and tuple(hubs.loc["成渝", ["地理", "分工"]]) == ("西部", "需求侧")
    # 任保平's contribution starts at the line of its title in seeds/003 (read here from the file)
    lines = seeds.lines("003")
    first, last = digital_facts.ren_span()
    assert lines[first - 1].startswith("数字经济浪潮下新质生产力的实现路径")
    assert lines[last].startswith("加快发展新质生产力的重点任务")
