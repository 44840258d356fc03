"""Every number book/digital.md prints and every table it shows or draws, computed here so the chapter only glues,
tabulates and plots (no arithmetic there).

:func:`facts` returns ``{glue name: value}`` with each number already written as the prose prints it (the format
beside each name below), so the page shows exactly these texts; a value that is NaN, infinite or None raises
:class:`DataError` naming it. The ``*_table`` functions return the chapter's tables and chart data, already shaped.
"""

from __future__ import annotations

from functools import lru_cache, partial

import numpy as np
import pandas as pd

from nqpf.analysis import digital, outcomes
from nqpf.core import data, seeds
from nqpf.core.errors import DataError
from nqpf.core.growth import WAN_YI, period_growth
from nqpf.core.numbers import check_printable, put

__all__ = ["facts", "panel_table", "scale_chart_table", "growth_years", "growth_chart_table",
           "two_figures_table", "target_path", "target_chart_parts", "target_table", "hubs_table", "places_table",
           "ren_span", "conclusion_line"]

PAGE = "book/digital"
_put = partial(put, page=PAGE)  # one glued value, checked before it is formatted


def facts() -> dict:
    """The chapter's glued values by name (a copy)."""
    return dict(_facts())




@lru_cache(maxsize=1)
def _facts() -> tuple:
    f: dict = {}
    p = digital.panel().set_index("year")
    sg = digital.seeds_growth()
    _summary(f)
    _scale(f, p, sg)
    _growth(f, p, sg)
    _two(f, p)
    _target(f)
    _compute(f)
    _corpus(f)
    return tuple(check_printable(f, PAGE).items())


def _summary(f):
    from nqpf.analysis.findings import get, label

    for key, fid in (("growth", "digital-growth-vs-gdp"), ("target", "digital-core-target-2025")):
        x = get(fid)
        _put(f, f"dg_finding_{key}", x.statement)
        _put(f, f"dg_finding_{key}_label", label(x))
    oc = digital.core_outcomes().set_index("year")
    _put(f, "dg_core_2025", oc.loc[2025, "share"], ".1f")
    _put(f, "dg_core_2024", oc.loc[2024, "share"], ".0f")
    _put(f, "dg_core_2030", outcomes.fyp15_targets().set_index("indicator").loc["digital_core_share", "value"], ".1f")
    req = outcomes.fyp15_requirements()
    core = req[req["indicator"] == "digital_core_share"]
    realised_row = core[core["scenario"].str.startswith("按")].iloc[0]  # the realised 2024-2025 GDP growth
    _put(f, "dg_req_2030_realised", realised_row["value"], ".1f")
    _put(f, "dg_gdp_realised_24_25", outcomes.realised_gdp_growth(2024, 2025)["cagr"], ".1f")
    by = core.set_index("scenario")["value"]
    _put(f, "dg_ratio_growth_2030", by[""], ".1f")
    _put(f, "dg_req_2030_5", by["名义 GDP 年增 5%"], ".1f")


def _scale(f, p, sg):
    from nqpf.analysis import factcheck

    _put(f, "dg_scale_first_year", int(p.index.min()))
    _put(f, "dg_scale_first", p["scale"].iloc[0], ".0f")
    _put(f, "dg_scale_2023", p.loc[2023, "scale"], ".1f")
    _put(f, "dg_share_2023", p.loc[2023, "share_published"], ".1f")
    _put(f, "dg_share_first", p["share_published"].iloc[0], ".1f")
    # the published share against scale ÷ GDP as published at the time: the publisher's own division
    first_gap = (p["share_on_gdp_as_published"] - p["share_published"]).abs()
    _put(f, "dg_share_gap_max", first_gap.max(), ".2f")
    _put(f, "dg_share_gap_year", int(first_gap.idxmax()))
    _put(f, "dg_share_std_gap_min", -p["share_gap"].max(), ".1f")
    _put(f, "dg_share_std_gap_max", -p["share_gap"].min(), ".1f")
    _put(f, "dg_share_2023_std", p.loc[2023, "share_recomputed"], ".1f")
    _put(f, "dg_n_flagged", int((p["scale_flags"] != "").sum()))
    _put(f, "dg_seed_2014", sg["scale_2014"], ".1f")
    _put(f, "dg_seed_2023", sg["scale_2023"], ".1f")
    _put(f, "dg_seed_share_stated", sg["share_2023_stated"], ".0f")
    _put(f, "dg_seed_share_recomputed", sg["share_2023_recomputed"], ".1f")
    _put(f, "dg_seed_share_2014_recomputed", sg["share_2014_recomputed"], ".1f")
    _put(f, "dg_gdp_2023", sg["gdp_2023"] / WAN_YI, ".2f")  # 亿元 -> 万亿元
    _put(f, "dg_gdp_2023_first", digital.gdp_as_published()[2023] / WAN_YI, ".2f")
    # one verdict per fact: the seed's 56.1 ÷ 126 against its 44 % is judged by the fact-check module only
    fc = factcheck.verdict("digital_share")
    _put(f, "dg_fc_share_verdict", fc["verdict_zh"])
    _put(f, "dg_fc_share_computation", fc["computation"])
    _put(f, "dg_fc_share_reason", fc["reason"])


def growth_years() -> pd.DataFrame:
    """The panel's years with both nominal growth rates (scale and standard GDP)."""
    return digital.panel().dropna(subset=["growth_gap"])


def _growth(f, p, sg):
    _put(f, "dg_seed_cagr", sg["cagr"], ".1f")
    _put(f, "dg_gdp_cagr_14_23", sg["gdp_cagr"], ".1f")
    _put(f, "dg_speed_ratio", sg["speed_ratio"], ".1f")
    _put(f, "dg_gap_pp", sg["gap_pp"], ".1f")
    scale, gdp = digital.series(digital.SCALE), digital.series(digital.GDP)
    _put(f, "dg_caict_cagr", period_growth(scale, 2017, 2023, name=digital.SCALE), ".1f")
    _put(f, "dg_gdp_cagr_17_23", period_growth(gdp, 2017, 2023, name="nominal GDP"), ".1f")
    gy = growth_years().set_index("year")
    _put(f, "dg_growth_years", f"{int(gy.index.min())}–{int(gy.index.max())}")
    _put(f, "dg_growth_all_faster", "每一年" if (gy["growth_gap"] > 0).all() else "并非每一年")
    _put(f, "dg_growth_gap_min", gy["growth_gap"].min(), ".1f")
    _put(f, "dg_growth_gap_min_year", int(gy["growth_gap"].idxmin()))
    _put(f, "dg_growth_gap_max", gy["growth_gap"].max(), ".1f")
    _put(f, "dg_growth_gap_max_year", int(gy["growth_gap"].idxmax()))
    _put(f, "dg_growth_2023", p.loc[2023, "scale_growth"], ".1f")
    # compute: the same five growth years (2018-2022) of the CAICT scale, as a multiple
    _put(f, "dg_cp_de_mult5", (1 + period_growth(scale, 2018, 2022, name=digital.SCALE) / 100) ** 5, ".1f")


def _two(f, p):
    c = digital.compare_2023()
    seed_row, caict_row = c.iloc[0], c.iloc[1]
    _put(f, "dg_two_diff", seed_row["scale"] - caict_row["scale"], ".1f")
    _put(f, "dg_two_seed_growth", seed_row["growth_over_2022"], ".1f")
    _put(f, "dg_two_caict_growth", caict_row["growth_over_2022"], ".1f")
    _put(f, "dg_two_seed_gdp", seed_row["implied_gdp"] / WAN_YI, ".1f")
    _put(f, "dg_two_caict_gdp", caict_row["implied_gdp"] / WAN_YI, ".1f")
    _put(f, "dg_caict_2022", p.loc[2022, "scale"], ".1f")
    parts = digital.components()
    parts22 = parts[parts["year"] == 2022].set_index("component")["value"]
    _put(f, "dg_part_ind", parts22["数字产业化"], ".1f")
    _put(f, "dg_part_dig", parts22["产业数字化"], ".0f")
    _put(f, "dg_part_sum", parts22.sum(), ".1f")
    _put(f, "dg_part_ind_share", parts22["数字产业化"] / parts22.sum() * 100, ".0f")


def _target(f):
    t = digital.core_target()
    prog = digital.target_progress()
    s = digital.target_scenarios().set_index("scenario")
    _put(f, "dg_core0", t["share0"], ".1f")
    _put(f, "dg_core1", t["share1"], ".0f")
    _put(f, "dg_core_reached", t["reached"], ".1f")
    _put(f, "dg_core_years", t["year1"] - t["year0"])
    _put(f, "dg_ratio_growth", prog["share_ratio_growth_needed"], ".1f")
    _put(f, "dg_ratio_growth_reached", prog["share_ratio_growth_reached"], ".1f")
    _put(f, "dg_path_2023", prog["path_2023"], ".1f")
    for name, key in (("dg_core_va", "core_va_2023"), ("dg_implied_gdp", "implied_gdp_2023"),
                      ("dg_implied_gdp_low", "implied_gdp_2023_low"), ("dg_implied_gdp_high", "implied_gdp_2023_high"),
                      ("dg_prelim_gdp", "preliminary_gdp_2023"), ("dg_core_va_2020", "core_va_2020_derived"),
                      ("dg_std_gdp", "standard_gdp_2023")):
        _put(f, name, prog[key], ",.0f")
    _put(f, "dg_core_on_prelim", prog["share_2023_on_preliminary_gdp"], ".1f")
    _put(f, "dg_core_va_cagr", prog["core_va_cagr_2020_2023_derived"], ".1f")
    _put(f, "dg_core_on_std", prog["share_2023_on_standard_gdp"], ".2f")
    _put(f, "dg_core_growth_24_25", prog["core_growth_2024_2025_at_least"], ".1f")
    _put(f, "dg_scen_list", "、".join(f"{x:g}%" for x in digital.GDP_SCENARIOS))
    mid = digital.GDP_SCENARIOS[len(digital.GDP_SCENARIOS) // 2]
    _put(f, "dg_scen_mid", mid, "g")
    _put(f, "dg_gap_pp_6", s.loc[f"{mid:g}%", "gap_pp"], ".1f")
    for g in digital.GDP_SCENARIOS:
        _put(f, f"dg_req_{g:g}", s.loc[f"{g:g}%", "core_growth_required"], ".1f")
    _put(f, "dg_req_rest_6", s.loc[f"{mid:g}%", "core_growth_required_2023_2025"], ".1f")
    _put(f, "dg_gdp_actual_21_25", s.loc[digital.ACTUAL_SCENARIO, "gdp_growth"], ".1f")
    _put(f, "dg_req_actual", s.loc[digital.ACTUAL_SCENARIO, "core_growth_required"], ".1f")
    _put(f, "dg_req_rest_realised", s.loc[digital.REALISED_SCENARIO, "core_growth_required_2023_2025"], ".1f")


def _compute(f):
    cf = digital.compute_facts()
    hc = digital.hub_counts()
    _put(f, "dg_cp_rate", cf["rate_floor"], ".0f")
    _put(f, "dg_cp_mult5", cf["multiple_5y_floor"], ".1f")
    _put(f, "dg_cp_double", cf["doubling_years_at_floor"], ".1f")
    _put(f, "dg_cp_mult3", cf["multiple_2022_2025_at_floor"], ".1f")
    _put(f, "dg_racks", cf["racks_wan"], ".0f")
    _put(f, "dg_cp_spr", cf["servers_per_rack_max"], ".1f")
    for key in ("nodes", "clusters", "demand", "supply", "west_demand"):
        _put(f, f"dg_hub_{key}", hc[key])
    _put(f, "dg_hub_target", digital.seed_value("hub_new_compute_share_2025"), ".0f")


def conclusion_line(seed: str, heading: str) -> int:
    """The line number (1-based) of the first line of ``seed`` that starts with ``heading``."""
    hit = next((n for n, ln in enumerate(seeds.lines(seed), 1) if ln.startswith(heading)), None)
    if hit is None:
        raise DataError(f"seeds/{seed}", f"has a line starting with {heading!r}")
    return hit


def ren_span() -> tuple[int, int]:
    """任保平's contribution in seed 003: from its title to the line before the next speaker's title."""
    return (conclusion_line("003", "数字经济浪潮下新质生产力的实现路径"),
            conclusion_line("003", "加快发展新质生产力的重点任务") - 1)


def _corpus(f):
    co = digital.cooccurrence()
    places = digital.cooccurrence_places()
    top = co.loc[co["all"].idxmax()]
    _put(f, "dg_co_total_all", int(co["all"].sum()))
    _put(f, "dg_co_top_seed", top["seed"])
    _put(f, "dg_co_top_all", int(top["all"]))
    _put(f, "dg_co_top_sent", int(top["sentences"]))
    _put(f, "dg_co_none", "、".join(co.loc[co["all"] == 0, "seed"]))
    in003 = places[places["seed"] == "003"]
    _put(f, "dg_co_003_first", int(in003["first"].min()))
    _put(f, "dg_co_003_last", int(in003["last"].max()))
    dense = in003[in003["first"] >= conclusion_line("003", "四、数据、算力与算法相结合")]
    _put(f, "dg_co_003_block", len(dense))
    _put(f, "dg_co_003_block_first", int(dense["first"].min()))
    _put(f, "dg_co_003_block_last", int(dense["last"].max()))
    ren_first, ren_last = ren_span()
    ren = in003[(in003["first"] >= ren_first) & (in003["last"] <= ren_last)]
    _put(f, "dg_co_ren", len(ren))
    _put(f, "dg_co_ren_first", ren_first)
    _put(f, "dg_co_ren_last", ren_last)
    _put(f, "dg_co_ren_share", len(ren) / len(places) * 100, ".0f")
    _put(f, "dg_co_001_all", int(co.set_index("seed").loc["001", "all"]))


# ---------------------------------------------------------------- tables and chart data


def panel_table() -> pd.DataFrame:
    """tbl-digital-panel: the panel with Chinese headers and one flag label per year (scale and share flags)."""
    panel = digital.panel()
    flags = [data.flag_label(", ".join(x for x in (a, b) if x))
             for a, b in zip(panel["scale_flags"], panel["share_flags"])]
    shown = panel.assign(flags=flags)
    return shown[["year", "scale", "share_published", "share_recomputed", "share_gap", "scale_growth", "gdp_growth",
                  "flags"]].rename(columns={"year": "年份", "scale": "规模", "share_published": "公布占比",
                                            "share_recomputed": "重算占比", "share_gap": "差", "scale_growth": "增速",
                                            "gdp_growth": "名义GDP增速", "flags": "标注"})


def scale_chart_table() -> pd.DataFrame:
    """Data of fig-digital-scale: CAICT/CAC scale and shares with the seed's 2014 and 2023 figures beside them."""
    panel, sg = digital.panel(), digital.seeds_growth()
    seed = pd.DataFrame({"year": [2014, 2023], "seed_scale": [sg["scale_2014"], sg["scale_2023"]],
                         "seed_share": [np.nan, sg["share_2023_stated"]]})
    return panel[["year", "scale", "scale_flags", "share_published", "share_recomputed"]].merge(
        seed, on="year", how="outer").rename(columns={
            "year": "年份", "scale": "规模（万亿元）", "scale_flags": "规模标注", "share_published": "公布占比（%）",
            "share_recomputed": "重算占比（%）", "seed_scale": "种子000规模（万亿元）",
            "seed_share": "种子000占比（%）"})


def growth_chart_table() -> pd.DataFrame:
    """Data of fig-digital-growth: yearly nominal growth of the scale and of GDP, and the seeds' 2015-2023 averages."""
    sg = digital.seeds_growth()
    gy = growth_years()
    return gy[["year", "scale_growth", "gdp_growth"]].assign(seed_cagr=sg["cagr"], gdp_cagr=sg["gdp_cagr"]).rename(
        columns={"year": "年份", "scale_growth": "数字经济规模名义增速（%）", "gdp_growth": "名义GDP增速（%）",
                 "seed_cagr": "种子端点年均（2015–2023，%）", "gdp_cagr": "名义GDP年均（2015–2023，%）"})


def two_figures_table() -> pd.DataFrame:
    """tbl-digital-two: the two 2023 figures with Chinese headers and flag labels."""
    comp = digital.compare_2023()
    return comp.assign(flags=comp["flags"].map(data.flag_label)).rename(columns={
        "source": "来源", "scale": "规模", "share_stated": "所述占比", "share_recomputed": "重算占比",
        "implied_gdp": "隐含GDP", "growth_over_2022": "较2022年增长", "flags": "标注"})


def target_path() -> pd.DataFrame:
    """A steady (constant relative growth) path of the core share from the 2020 base to the 2025 target, by year."""
    t = digital.core_target()
    yrs = np.arange(t["year0"], t["year1"] + 1)
    path = t["share0"] * (t["share1"] / t["share0"]) ** ((yrs - t["year0"]) / (t["year1"] - t["year0"]))
    return pd.DataFrame({"year": yrs, "path": path})


def target_chart_parts() -> dict:
    """Data of fig-digital-target by panel (for ``chartdata.long``): the left panel's path, published shares, GDP
    vintages and target by year; the right panel's required growth by scenario."""
    t, oc = digital.core_target(), digital.core_outcomes().set_index("year")
    path = target_path()
    yrs = pd.Series(path["year"])
    left = pd.DataFrame({"年份": path["year"], "匀速路径（%）": path["path"],
                         "公布的占比（%）": yrs.map(oc["share"]), "GDP 版本": yrs.map(oc["vintage"]),
                         "目标（%）": yrs.map({t["year1"]: t["share1"]})})
    right = digital.target_scenarios()[["scenario", "core_growth_required", "gdp_growth"]].rename(columns={
        "scenario": "情景", "core_growth_required": "核心产业所需增速（%）", "gdp_growth": "名义GDP增速（%）"})
    return {"左图：占比路径": left, "右图：所需增速": right}


def target_table() -> pd.DataFrame:
    """tbl-digital-target: the scenarios with Chinese headers."""
    return digital.target_scenarios().rename(columns={
        "scenario": "情景", "gdp_growth": "名义GDP增速", "core_growth_required": "所需增速（2021–2025）",
        "gap_pp": "高于GDP", "core_growth_required_2023_2025": "所需增速（2024–2025）"})


def hubs_table() -> pd.DataFrame:
    """tbl-digital-hubs: nodes with geography and role in Chinese, clusters joined with 、."""
    h = digital.hubs()
    return h.assign(geography=h["geography"].map({"east": "东部", "west": "西部"}),
                    role=h["role"].map({"demand": "需求侧", "supply": "供给侧"}),
                    clusters=h["clusters"].str.replace("; ", "、"))[["node", "geography", "role", "clusters"]].rename(
        columns={"node": "枢纽节点", "geography": "地理", "role": "分工", "clusters": "数据中心集群"})


def places_table() -> pd.DataFrame:
    """tbl-digital-cooccurrence-places: per seed, the number of sentences naming all three terms and their lines."""
    places = digital.cooccurrence_places()
    spans = places.assign(span=[f"{a}" if a == b else f"{a}–{b}" for a, b in zip(places["first"], places["last"])])
    where = spans.groupby("seed").agg(n=("span", "size"),
                                      lines=("span", lambda s: "、".join(dict.fromkeys(s)))).reset_index()
    return where.rename(columns={"seed": "种子", "n": "句数", "lines": "所在行"})
