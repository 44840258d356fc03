"""The outcomes file's rows and their vocabulary: readers' words for indicators, periods, units and confidence; one
figure by indicator, year and period (:func:`figure`), the latest one (:func:`latest`)."""

from __future__ import annotations

import pandas as pd

from nqpf.core import data
from nqpf.core.errors import UsageError

__all__ = ["FILE", "FYP15", "STATUS_ZH", "CONFIDENCE_ZH", "CONF_RANK", "INDICATOR_ZH", "POINT_ZH", "UNIT_ZH",
           "PERIOD_RANK", "YEAR_NOW", "table", "best", "when", "latest", "figure"]

FILE = "cn_outcomes_2023_2025"
FYP15 = "cn_fyp15_targets"
STATUS_ZH = {"met": "达到", "missed": "未达到", "not published": "未公布结果", "undetermined": "无法判定",
             "not due": "尚未到期"}
CONFIDENCE_ZH = {"high": "高", "medium": "中", "low": "低"}
CONF_RANK = {"high": 2, "medium": 1, "low": 0}
INDICATOR_ZH = {
    "gdp_nominal": "国内生产总值（名义）", "gdp_real_growth": "GDP 实际增长", "labour_productivity": "全员劳动生产率",
    "labour_productivity_growth": "全员劳动生产率增长", "rd_expenditure": "研发经费", "rd_growth": "研发经费增长",
    "rd_intensity": "研发投入强度", "basic_research": "基础研究经费", "basic_research_share": "基础研究占研发经费比重",
    "sei_share": "战略性新兴产业增加值占比", "digital_core_share": "数字经济核心产业增加值占比",
    "digital_core_value_added": "数字经济核心产业增加值", "digital_economy_broad": "数字经济增加值（宽口径）",
    "digital_economy_broad_share": "数字经济增加值占比（宽口径）", "caict_digital_economy": "数字经济规模（信通院）",
    "caict_digital_economy_share": "数字经济占比（信通院）", "sanxin_value_added": "“三新”经济增加值",
    "sanxin_growth": "“三新”经济增加值增长", "sanxin_share": "“三新”经济增加值占比",
    "equipment_mfg_share": "装备制造业占规上工业比重", "hightech_mfg_share": "高技术制造业占规上工业比重",
    "equipment_mfg_growth": "装备制造业增加值增长", "hightech_mfg_growth": "高技术制造业增加值增长",
    "compute_total": "算力总规模", "compute_intelligent_share": "智能算力占比", "compute_intelligent": "智能算力规模",
    "datacentre_racks": "在用算力中心标准机架", "5g_base_stations": "5G 基站", "5g_share_of_mobile_base_stations":
    "5G 基站占移动基站比重", "5g_per_10k_people": "每万人 5G 基站数", "drones_registered": "实名登记无人机",
    "low_altitude_market": "低空经济市场规模", "tfp_growth": "全要素生产率增长",
    "labour_productivity_growth_gap": "全员劳动生产率增长高出 GDP 增长",
    "energy_intensity_reduction": "单位 GDP 能耗降低",
    "co2_intensity_reduction": "单位 GDP 二氧化碳排放降低", "drone_flight_hours": "无人机飞行小时",
    "general_aviation_flight_hours": "通用航空飞行小时", "schooling_years": "劳动年龄人口平均受教育年限",
    "life_expectancy": "人均预期寿命",
}
# Readers' words for the file's codes (points in time, units, bases)
POINT_ZH = {"year": "全年", "end": "年底", "end-June": "6 月底", "end-Sept": "9 月底",
            "2021-2025 average": "2021–2025 年均",
            "2026-2030 average": "2026–2030 年均", "2021-2024 average": "2021–2024 年均",
            "2013-2023 average": "2013–2023 年均", "2021-2024 cumulative": "2021–2024 累计",
            "2021-2025 cumulative": "2021–2025 累计", "2021-2025 each year": "2025 年"}
UNIT_ZH = {"% of GDP": "占 GDP %", "% of R&D": "占研发经费 %", "% of compute": "占算力 %", "%": "%",
           "% nominal": "%（名义）",
           "per 10,000 people": "每万人", "years": "年", "% reduction": "降低 %", "元/人": "元/人",
           "% of industrial value added": "占规上工业 %",
           "percentage points over real GDP growth": "百分点（高于 GDP 实际增长）"}
PERIOD_RANK = {"year": 0, "end": 0, "end-Sept": 1, "end-June": 2}  # a year's figure: full year or year-end first
YEAR_NOW = 2026  # the book is read in 2026: the 十四五 period (2021–2025) is over


def table() -> pd.DataFrame:
    """The tidy rows (validated against the manifest); flags as a list-friendly string, '' when none."""
    df = data.load(FILE).copy()
    for col in ("basis", "flags"):
        df[col] = df[col].fillna("")
    return df


def _target_row(df: pd.DataFrame, key: str) -> pd.Series:
    rows = df[(df["indicator"] == key) & (df["kind"] == "target")].sort_values("year")
    if rows.empty:
        raise UsageError(f"no target for '{key}' in {FILE}")
    return rows.iloc[0]


def best(rows: pd.DataFrame) -> pd.Series:
    """Of several figures for the same year: the most confident, final before preliminary."""
    key = rows.assign(conf=rows["confidence"].map(CONF_RANK),
                      prelim=rows["flags"].str.contains("PRELIMINARY").astype(int))
    return key.sort_values(["conf", "prelim"], ascending=[False, True]).iloc[0]


def when(row) -> str:
    """A figure's time in words: '2022 年', '2024 年年底', '2025 年 6 月底', '2021–2024 累计'."""
    point = row["point"]
    if point == "year":
        return f"{int(row['year'])} 年"
    if point in PERIOD_RANK:
        words = POINT_ZH[point]
        return f"{int(row['year'])} 年{' ' if words[0].isdigit() else ''}{words}"  # 年 6 月底, as 2025 年
    return POINT_ZH.get(point, point)


def _one_period(rows: pd.DataFrame, point: str | None, what: str) -> pd.DataFrame:
    """The rows of one period of a year: the one named, else the full year or year-end (never a mid-year figure
    by accident: 788 EFLOPS is end-June 2025, more than 1,590 is end-2025)."""
    if point is not None:
        out = rows[rows["point"] == point]
        if out.empty:
            raise UsageError(f"no {what} for {point} (periods: {', '.join(sorted(set(rows['point'])))})")
        return out
    rank = rows["point"].map(PERIOD_RANK)
    if rank.isna().all():  # multi-year points (averages, cumulative): only one period may be there
        if rows["point"].nunique() > 1:
            raise UsageError(f"{what}: several periods ({', '.join(sorted(set(rows['point'])))}); name one")
        return rows
    return rows[rank == rank.min()]


def latest(indicator: str, kind: str = "outcome") -> pd.Series:
    """The latest, most confident full-year or year-end figure of one indicator (for glue in the chapters)."""
    df = table()
    rows = df[(df["indicator"] == indicator) & (df["kind"] == kind)]
    if rows.empty:
        raise UsageError(f"no {kind} for '{indicator}' in {FILE}")
    last = rows[rows["year"] == rows["year"].max()]
    return best(_one_period(last, None, f"{kind} '{indicator}' {int(last['year'].iloc[0])}"))


def figure(indicator: str, year: int, kind: str = "outcome", basis: str | None = None,
           point: str | None = None) -> pd.Series:
    """One figure by indicator, year and period (``point``: 'end', 'end-June', …; default the full year or
    year-end), and basis when several are published; of the rest, the most confident, final before preliminary."""
    df = table()
    rows = df[(df["indicator"] == indicator) & (df["kind"] == kind) & (df["year"] == int(year))]
    if basis is not None:
        rows = rows[rows["basis"] == basis]
    what = f"{kind} for '{indicator}' in {year}" + (f" ({basis})" if basis else "")
    if rows.empty:
        raise UsageError(f"no {what}")
    return best(_one_period(rows, point, what))


