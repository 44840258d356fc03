"""Every number book/industries.md prints and every table it shows or draws, computed here so the chapter only
glues, tabulates and plots (no arithmetic there).

:func:`facts` returns ``{glue name: value}`` with each number already written as the prose prints it; a value
that is NaN, infinite or None raises :class:`DataError` naming it. The ``*_table`` and ``*_parts`` functions
return the chapter's tables and chart data, already shaped.
"""

from __future__ import annotations

from functools import lru_cache, partial

import numpy as np
import pandas as pd

from nqpf.analysis.industries.low_altitude import low_altitude
from nqpf.analysis.industries.sei import (
    REALISED_SCENARIO,
    breakeven_gdp_growth,
    doubling_check,
    extrapolate,
    historical_pace,
    required_growth,
    scenarios,
    target_specifications,
)
from nqpf.analysis.industries.sources import (
    CATEGORY_ZH,
    figure,
    last_official_year,
    mentions,
    official_share,
    sei_share,
    sei_targets,
)
from nqpf.analysis.industries.taxonomy import category_summary, disagreements, list_counts, membership, missing_from
from nqpf.analysis.industries.traditional import PEERS, TRADITIONAL_CODES, traditional_evidence, traditional_facts
from nqpf.core.numbers import put

__all__ = ["facts", "summary_table", "disagreements_table", "traditional_table", "share_rows_table",
           "share_chart_parts", "EXTRAPOLATE_TO", "specifications_table", "scenarios_table", "scenarios_chart_table"]

PAGE = "book/industries"
_put = partial(put, page=PAGE)  # one glued value, checked before it is formatted
EXTRAPOLATE_TO = 2030  # the chart's extrapolations of the 2015-2023 pace run from 2023 to here


def facts() -> dict:
    """The chapter's glued values by name (a copy)."""
    return dict(_facts())




@lru_cache(maxsize=1)
def _facts() -> tuple:
    f: dict = {}
    _abstract(f)
    _taxonomy(f)
    _sei(f)
    _low_altitude(f)
    _traditional(f)
    _exercises(f)
    return tuple(f.items())


def _abstract(f):
    from nqpf.analysis.findings import computed, label

    # all of the topic's findings, stored for the front page and the introduction (which would compute them again)
    x = next(f for f in computed("industries") if f.id == "sei-target-2025")
    _put(f, "sei_finding", x.statement)
    _put(f, "sei_finding_label", label(x))
    specs = target_specifications()
    _put(f, "abs_req", specs["required_sei_growth"].iloc[0], ".1f")
    _put(f, "abs_past", specs["past_sei_growth"].iloc[0], ".1f")
    _put(f, "abs_n_lists", int(mentions()["list"].nunique()))
    _put(f, "abs_official_year", last_official_year())


def _taxonomy(f):
    tax = mentions()
    matrix = membership(tax)
    _put(f, "tax_rows", len(tax))
    _put(f, "tax_industries", int(tax["industry"].nunique()))
    _put(f, "tax_lists", int(tax["list"].nunique()))
    all5 = matrix["n_seeds"] == 5
    _put(f, "tax_all5", int(all5.sum()))
    _put(f, "tax_all5_names", "、".join(matrix.loc[all5, "industry"]))
    only1 = matrix.loc[matrix["n_seeds"] == 1, "industry"]
    _put(f, "tax_only1", len(only1))
    first_seed = tax[tax["industry"].isin(only1)].groupby("industry")["seed"].first()
    _put(f, "tax_only1_003", int((first_seed == "003").sum()))
    _put(f, "tax_multi", int((matrix["n_seeds"] >= 2).sum()))
    conflicts = matrix["n_categories"] > 1
    _put(f, "tax_conflicts", int(conflicts.sum()))
    _put(f, "tax_conflict_names", "、".join(matrix.loc[conflicts, "industry"]))
    eight = list_counts(tax).set_index("list").loc["002-eight-sei"]
    _put(f, "eight_announced", int(eight["announced"]))
    _put(f, "eight_listed", int(eight["listed"]))
    _put(f, "eight_missing_names", "、".join(missing_from("002-eight-sei", df=tax)))
    _put(f, "gwr_seeds", int(tax.loc[tax["document"] == "2024年政府工作报告", "seed"].nunique()))
    fyp_sei = tax[(tax["document"] == "“十四五”规划纲要") & (tax["category"] == "strategic emerging")]
    _put(f, "fyp_seeds", int(fyp_sei["seed"].nunique()))
    gwr000 = (tax["list"] == "000-gwr2024") & tax["label_as_written"].str.startswith("积极培育")
    _put(f, "gwr000_n", int(gwr000.sum()))


def _sei(f):
    from nqpf.analysis import factcheck  # one verdict per fact: seed figures are judged there only

    fc = factcheck.verdict("sei_doubling")
    _put(f, "fc_doubling_verdict", fc["verdict_zh"])
    _put(f, "fc_doubling_reason", fc["reason"])
    _put(f, "fc_drones_verdict", factcheck.verdict("drones_2022_base")["verdict_zh"])
    _put(f, "fc_doubling_comp", fc["computation"])
    dbl = doubling_check()
    _put(f, "dbl_ratio", dbl["ratio"], ".2f")
    _put(f, "dbl_increase", dbl["increase_pct"], ".0f")
    _put(f, "dbl_years", dbl["years"])
    _put(f, "sei_official_year", last_official_year())
    _put(f, "sei_official_share", official_share(last_official_year()), ".0f")
    past, ext = historical_pace(), extrapolate()
    _put(f, "past_pp", past["points_per_year"], ".1f")
    _put(f, "past_share_growth", past["share_growth"], ".1f")
    _put(f, "past_gdp", past["gdp_growth"], ".1f")
    _put(f, "past_sei", past["sei_growth"], ".1f")
    _put(f, "req_pp", ext["points_per_year_required"], ".1f")
    _put(f, "req_pp_ratio", ext["points_per_year_required"] / ext["points_per_year_past"], ".1f")
    _put(f, "ext_linear", ext["share_linear"], ".1f")
    _put(f, "ext_compound", ext["share_compound"], ".1f")
    _put(f, "ext_year_linear", int(np.ceil(ext["year_linear"])))  # the first whole year at or past the target
    _put(f, "ext_year_compound", int(np.ceil(ext["year_compound"])))
    sc = scenarios()
    req = sc.set_index("scenario")["required_sei_growth"]
    _put(f, "sc_min", req.min(), ".1f")
    _put(f, "sc_max", req.max(), ".1f")
    actual = sc[sc["scenario"].str.startswith("2023")].iloc[0]
    _put(f, "gdp_2023", actual["gdp_growth"], ".1f")
    _put(f, "req_2023", actual["required_sei_growth"], ".1f")
    _put(f, "gap_2023", actual["gap"], ".1f")
    realised = sc.set_index("scenario").loc[REALISED_SCENARIO]
    _put(f, "gdp_realised", realised["gdp_growth"], ".1f")
    _put(f, "req_realised", realised["required_sei_growth"], ".1f")
    _put(f, "gap_realised", realised["gap"], ".1f")
    _put(f, "req_base135_realised", required_growth(realised["gdp_growth"], base_share=13.5), ".1f")
    specs = target_specifications()
    _put(f, "n_specs", len(specs))
    _put(f, "n_specs_hold", int((specs["gap"] > 0).sum()))
    _put(f, "breakeven_gdp", breakeven_gdp_growth(), ".2f")
    _put(f, "target_2020", sei_targets().set_index("year").loc[2020, "value"], ".0f")
    _put(f, "share_2019", sei_share().set_index("year").loc[2019, "value"], ".1f")


def _low_altitude(f):
    la = low_altitude()
    for k in ("drones_2022", "drones_added", "drones_2022_caac"):
        _put(f, f"la_{k}", la[k], ".1f")
    for k in ("drones_2022_lo", "drones_2022_hi"):
        _put(f, f"la_{k}", la[k], ".2f")
    for k in ("drone_hours_2022", "drone_hours_2022_lo", "drone_hours_2022_hi"):
        _put(f, f"la_{k}", la[k], ".0f")
    _put(f, "la_hpd22", la["hours_per_drone_2022"], ".1f")
    _put(f, "la_hpd23", la["hours_per_drone_2023"], ".1f")
    _put(f, "la_hpd_change", -la["hours_per_drone_change"], ".1f")  # printed as a fall
    _put(f, "la_ga2020", la["ga_hours_2020_max"], ".1f")
    _put(f, "la_drone_ga", la["drone_to_ga_hours"], ".0f")
    _put(f, "la_scale_share", la["scale_share_gdp"], ".1f")


def _traditional(f):
    from nqpf.analysis import outcomes

    for k, v in traditional_facts().items():
        _put(f, f"tr_{k}", v, "d" if isinstance(v, int) else ".1f")
    ht24, ht25 = outcomes.figure("hightech_mfg_share", 2024), outcomes.figure("hightech_mfg_share", 2025)
    eq24, eq25 = outcomes.figure("equipment_mfg_share", 2024), outcomes.figure("equipment_mfg_share", 2025)
    for name, r in (("tr_ht24", ht24), ("tr_ht25", ht25), ("tr_eq24", eq24), ("tr_eq25", eq25)):
        _put(f, name, float(r["value"]), ".1f")
    _put(f, "tr_ht_conf", outcomes.CONFIDENCE_ZH[ht25["confidence"]])
    ev = traditional_evidence()
    tech = ev[(ev["indicator"] == "NV.MNF.TECH.ZS.UN") & (ev["countrycode"] == "CHN")]
    _put(f, "tr_tech_repeat", int(tech["repeated_years"].iloc[0]))


def _exercises(f):
    _put(f, "ex1", required_growth(4.0), ".1f")
    _put(f, "ex2", required_growth(4.0, target_year=2027), ".1f")
    _put(f, "ex3_gdp", breakeven_gdp_growth(), ".2f")


# ---------------------------------------------------------------- tables and chart data


def summary_table() -> pd.DataFrame:
    """tbl of the categories: mentions, industries and seeds per category, in Chinese."""
    s = category_summary(mentions())
    return s.assign(category=s["category"].map(CATEGORY_ZH)).rename(columns={
        "category": "类别", "mentions": "提及次数", "industries": "产业数", "seeds": "使用该类别的种子"})


def disagreements_table() -> pd.DataFrame:
    """The industries the seeds put in different categories, in Chinese."""
    d = disagreements(mentions())
    return d.assign(category=d["category"].map(CATEGORY_ZH)).drop(columns="mentions").rename(columns={
        "industry": "产业", "category": "类别", "refs": "种子:行", "labels": "种子的说法", "documents": "所引文件"})


def traditional_table(country_names: dict) -> pd.DataFrame:
    """tbl-industries-traditional: one row per indicator, one column per peer economy, each cell "value（year）"."""
    ev = traditional_evidence()
    cells = ev.assign(cell=[f"{v:.1f}（{y}）" for v, y in zip(ev["value"], ev["reported_year"])])
    wide = cells.pivot(index="label", columns="countrycode", values="cell")[list(PEERS)]
    wide = wide.reindex(list(TRADITIONAL_CODES.values())).reset_index()
    return wide.rename(columns={"label": "指标", **{c: country_names[c] for c in PEERS}})


def share_rows_table() -> pd.DataFrame:
    """Every SEI share (data) and target or projection by year, with flags and reference."""
    rows = pd.concat([sei_share().assign(kind="数据"), sei_targets().assign(kind="目标/预期")], ignore_index=True)
    rows = rows.sort_values(["year", "kind"], ignore_index=True)
    return rows[["year", "kind", "value", "flags", "ref"]].rename(columns={
        "year": "年份", "kind": "类型", "value": "占GDP比重（%）", "flags": "标记", "ref": "来源文件或种子:行"})


def share_chart_parts(last: int = EXTRAPOLATE_TO) -> dict:
    """Series of fig-industries-share: the data, the targets, the path to the 2025 target from the seed's 2023
    share, and the 2015-2023 pace extrapolated from 2023 linearly and compounded (year, value; flags for the
    first two)."""
    past = historical_pace()
    y0, s0 = 2023, figure("sei_share_2023")
    yrs = np.arange(y0, last + 1)
    return {
        "数据": sei_share().sort_values("year")[["year", "value", "flags"]],
        "目标/预期": sei_targets()[["year", "value", "flags"]],
        "达到 2025 年目标所需路径": pd.DataFrame({"year": [y0, 2025], "value": [s0, figure("sei_target_2025")]}),
        "按线性速度外推": pd.DataFrame({"year": yrs, "value": s0 + past["points_per_year"] * (yrs - y0)}),
        "按复合速度外推": pd.DataFrame({"year": yrs, "value": s0 * (1 + past["share_growth"] / 100) ** (yrs - y0)}),
    }


def specifications_table() -> pd.DataFrame:
    """tbl-industries-targets: each specification of the starting share, in Chinese."""
    return target_specifications()[["specification", "base_share", "gdp_growth", "required_sei_growth", "past_period",
                                    "past_sei_growth", "gap"]].rename(columns={
        "specification": "设定", "base_share": "起点比重（%）", "gdp_growth": "名义 GDP 增长（%）",
        "required_sei_growth": "所需增加值增长（%）", "past_period": "过去速度的时期",
        "past_sei_growth": "过去的增加值增长（%）", "gap": "差距（百分点）"})


def scenarios_table() -> pd.DataFrame:
    """The nominal GDP scenarios with the SEI growth each requires, in Chinese."""
    return scenarios()[["scenario", "gdp_growth", "required_sei_growth", "past_sei_growth", "gap"]].rename(columns={
        "scenario": "名义 GDP 情景", "gdp_growth": "名义 GDP 增长（%）", "required_sei_growth": "所需增加值增长（%）",
        "past_sei_growth": "2015–2023 年增加值增长（%，DERIVED）", "gap": "差距（百分点）"})


def scenarios_chart_table() -> pd.DataFrame:
    """Data of fig-industries-scenarios."""
    sc = scenarios()
    return sc[["scenario", "gdp_growth", "required_sei_growth"]].assign(
        past_sei_growth=historical_pace()["sei_growth"]).rename(columns={
            "scenario": "名义 GDP 情景", "gdp_growth": "名义 GDP 增长（%）",
            "required_sei_growth": "所需增加值增长（%）", "past_sei_growth": "2015–2023 年增加值增长（%，DERIVED）"})
