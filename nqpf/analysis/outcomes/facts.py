"""Every number the appendix book/outcomes.md prints and every table it shows, computed here so the chapter only
glues and tabulates (no arithmetic there).

:func:`facts` returns ``{glue name: value}``: numbers the prose formats itself (``{glue:text}`x:.1f```) as floats,
the others already written with :func:`nqpf.core.numbers.prose`; a value that is NaN, infinite or None raises
:class:`DataError` naming it.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.analysis.outcomes.plan import fyp15_requirements, fyp15_targets, rd_final, realised_gdp_growth
from nqpf.analysis.outcomes.rows import CONFIDENCE_ZH, INDICATOR_ZH, POINT_ZH, STATUS_ZH, UNIT_ZH, figure, table
from nqpf.analysis.outcomes.scoring import score
from nqpf.core import data
from nqpf.core.errors import DataError
from nqpf.core.numbers import check_printable, prose

__all__ = ["facts", "score_table", "fyp15_table", "rows_table"]

PAGE = "book/outcomes"
KIND_ZH = {"outcome": "结果", "target": "目标", "projection": "预测"}


def facts() -> dict:
    """The appendix's glued values by name (a copy)."""
    return dict(_facts())




def _value(indicator: str, year: int, **kw) -> float:
    return float(figure(indicator, year, **kw)["value"])


@lru_cache(maxsize=1)
def _facts() -> tuple:
    f: dict = {}
    sc = score().set_index("indicator")
    _scores(f, sc)
    _rd(f, sc)
    _productivity(f, sc)
    _industries(f)
    _compute(f)
    _next(f)
    return tuple(check_printable(f, PAGE).items())


def _scores(f, sc):
    from nqpf.analysis.findings import get, label

    f["oc_n_rows"] = len(table())
    f["oc_n_targets"] = len(sc)
    for status in STATUS_ZH:
        f[f"oc_n_{status.replace(' ', '_')}"] = int((sc["status"] == status).sum())
    for key in sc.index:
        r = sc.loc[key]
        f[f"oc_{key}_target"] = float(r["target"])
        f[f"oc_{key}_status"] = r["status_zh"]
        if r["outcome"] is not None and r["outcome"] == r["outcome"]:
            f[f"oc_{key}_outcome"] = float(r["outcome"])
            f[f"oc_{key}_gap"] = abs(float(r["gap"]))
            f[f"oc_{key}_conf"] = r["confidence_zh"]
    # one figure for the R&D growth outcome wherever it is printed (prose and table: two decimals)
    f["oc_rd_growth_outcome_txt"] = prose(sc.loc["rd_growth", "outcome"], 2)
    for key, fid in (("basic", "outcomes-basic-research-missed"), ("digital_core", "digital-core-target-2025")):
        x = get(fid)  # the digital chapter prints the same finding: one verdict, one confidence label
        f[f"oc_finding_{key}"] = x.statement
        f[f"oc_finding_{key}_label"] = label(x)


def _rd(f, sc):
    rd24 = rd_final(2024)
    f["oc_basic_2024"] = rd24["basic_research_share"]
    f["oc_rd_2024"] = prose(rd24["expenditure"], 1)
    f["oc_rd_int_2024"] = rd24["intensity"]
    f["oc_rd_int_2023_restated"] = rd24["intensity_2023_restated"]
    f["oc_rd_int_2023_bulletin"] = float(data.load("cn_rd_intensity").set_index("year").loc[2023, "value"])
    f["oc_rd_2024_prelim"] = prose(_value("rd_expenditure", 2024, basis="preliminary"), 0)
    basic, rd = _value("basic_research", 2025), _value("rd_expenditure", 2025)
    f["oc_basic_2025_yi"] = prose(basic, 0)
    f["oc_rd_2025"] = prose(rd, 0)
    # "接近 2800" over "超过 39200": an upper bound of the share the minister states
    f["oc_basic_ratio_2025"] = prose(100 * basic / rd, 2)
    f["oc_rd_growth_gwr"] = prose(_value("rd_growth", 2025, point="2021-2025 average"), 0)
    f["oc_rd_growth_source"] = sc.loc["rd_growth", "source"]
    f["oc_basic_source"] = sc.loc["basic_research_share", "source"]


def _productivity(f, sc):
    f["oc_lp_2025"] = _value("labour_productivity_growth", 2025)
    f["oc_gdp_real_2025"] = _value("gdp_real_growth", 2025, basis="preliminary")
    lp = sc.loc["labour_productivity_growth_gap"]
    f["oc_lp_years_missing"] = lp["years_missing"] or "无"
    f["oc_energy_2025"] = _value("energy_intensity_reduction", 2025)
    f["oc_energy_2124"] = _value("energy_intensity_reduction", 2024, point="2021-2024 cumulative")
    en = sc.loc["energy_intensity_reduction"]
    if not en["chained"]:
        raise DataError(PAGE, "the energy-intensity outcome is the chained estimate the text describes",
                        detail=f"chained = {en['chained']!r}")
    f["oc_co2_2025"] = _value("co2_intensity_reduction", 2025)


def _industries(f):
    f["oc_sei_2022"] = _value("sei_share", 2022)
    f["oc_sanxin_2024"] = _value("sanxin_share", 2024)
    f["oc_dc_2023"] = _value("digital_core_share", 2023, basis="census")
    f["oc_dc_2024"] = _value("digital_core_share", 2024, basis="国家数据局 briefing")
    low = figure("digital_core_share", 2024, basis="press summary")
    f["oc_dc_2024_low"] = float(low["value"])
    f["oc_dc_2024_low_conf"] = CONFIDENCE_ZH[low["confidence"]]


def _compute(f):
    f["oc_compute_2024"] = _value("compute_total", 2024, point="end")
    f["oc_intel_2024"] = _value("compute_intelligent_share", 2024, point="end")
    f["oc_intel_2025"] = prose(_value("compute_intelligent", 2025, point="end"), 0)
    f["oc_intel_2025_june"] = prose(_value("compute_intelligent", 2025, point="end-June"), 0)
    f["oc_5g_2025"] = _value("5g_base_stations", 2025, point="end")
    f["oc_drones_2025"] = _value("drones_registered", 2025, point="end")
    f["oc_drones_2023"] = _value("drones_registered", 2023, point="end")
    f["oc_drone_hours_2025"] = prose(_value("drone_flight_hours", 2025), 0)
    f["oc_ga_hours_2025"] = _value("general_aviation_flight_hours", 2025)


def _next(f):
    f["oc_n_fyp15"] = len(fyp15_targets())
    f["oc_gdp_realised_24_25"] = prose(realised_gdp_growth(2024, 2025)["cagr"], 1)
    r = fyp15_requirements().set_index(["indicator", "requirement_zh", "scenario"])["value"]
    f["oc_req_rd_2030"] = prose(r[("rd_growth", "2030 年研发经费至少（亿元）", "")], 0)
    f["oc_req_co2_annual"] = prose(r[("co2_intensity_reduction", "每年须降低（%，五年平均）", "")], 2)
    f["oc_req_school_annual"] = prose(r[("schooling_years", "每年须增加（年）", "")], 2)


# ---------------------------------------------------------------- tables


def _outcome_text(o, flags: str, chained: bool) -> str:
    if o is None or o != o:
        return "—"
    text = ("≥ " if "LOWER-BOUND" in flags else "") + f"{o:.2f}"
    return text + "（连乘估算）" if chained else text


def score_table() -> pd.DataFrame:
    """tbl-outcomes-score: target, outcome (≥ for a lower bound; a chained estimate says so), gap, status,
    confidence and flags, with Chinese headers."""
    sc = score()
    shown = pd.DataFrame({
        "目标（2025 年）": sc["target_zh"],
        "目标值": [f"{c.replace('>=', '≥')} {t:g}" for c, t in zip(sc["comparator"], sc["target"])],
        "2025 年结果": [_outcome_text(o, f, c) for o, f, c in zip(sc["outcome"], sc["flags"], sc["chained"])],
        "差距": ["—" if g is None or g != g else f"{g:+.2f}" for g in sc["gap"]],
        "结论": sc["status_zh"],
        "可信度": sc["confidence_zh"].fillna("—"),
        "标注": sc["flags"].map(data.flag_label).replace("", "—"),
    })
    return shown


def fyp15_table() -> pd.DataFrame:
    """tbl-outcomes-fyp15: each 15th-plan target's requirement from its 2025 baseline, with Chinese headers."""
    req = fyp15_requirements()
    baseline = [("—" if b != b or b is None else f"{b:g}（{int(y)} 年" + (f"，{fl}" if fl else "") + "）")
                for b, y, fl in zip(req["baseline"], req["baseline_year"], req["baseline_flags"])]
    shown = req.assign(baseline_txt=baseline, scenario=req["scenario"].replace("", "—"),
                       note=req["note"].replace("", "—"))
    return shown[["target_zh", "target", "baseline_txt", "requirement_zh", "scenario", "value", "note"]].rename(
        columns={"target_zh": "目标", "target": "目标值（期间）", "baseline_txt": "起点", "requirement_zh": "要求",
                 "scenario": "情景", "value": "数值", "note": "说明"})


def rows_table() -> pd.DataFrame:
    """tbl-outcomes-rows: every row of the data file in readers' words."""
    rows = table()
    full = rows.assign(kind=rows["kind"].map(KIND_ZH), confidence=rows["confidence"].map(CONFIDENCE_ZH),
                       indicator=rows["indicator"].map(INDICATOR_ZH),
                       point=rows["point"].map(lambda x: POINT_ZH.get(x, x)),
                       unit=rows["unit"].map(lambda x: UNIT_ZH.get(x, x)),
                       value=[f"{v:,.2f}".rstrip("0").rstrip(".") for v in rows["value"]])
    return full[["indicator", "kind", "year", "point", "value", "unit", "confidence"]].rename(columns={
        "indicator": "指标", "kind": "类别", "year": "年份", "point": "时点", "value": "数值", "unit": "单位",
        "confidence": "可信度"})
