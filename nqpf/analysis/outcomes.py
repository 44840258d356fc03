"""The 2025 targets the seeds cite, scored against what was published after the seeds were written.

Targets and outcomes come from ``cn_outcomes_2023_2025`` (tidy rows, each with its quote, publisher and a
confidence level: high = the publisher's own page, medium = a re-publication, low = indirect). The rules:

- a target is scored only with an outcome for the target year itself; otherwise the status is ``not published``
  and the latest earlier figure is shown as context, not as a score;
- a figure flagged LOWER-BOUND (超过, 突破) can show that a floor was met, never that it was missed;
- a status of ``met`` or ``missed`` needs at least one figure of high or medium confidence; with only low-confidence
  figures the status is ``undetermined``;
- a multi-year growth target (R&D spending ≥ 7 % a year, 2021–2025) is scored by the compound rate over the
  growth years the target names (:mod:`nqpf.core.periods`), from the level of the year before.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nqpf.core import data, growth
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

FILE = "cn_outcomes_2023_2025"
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
}
YEAR_NOW = 2026  # the book is read in 2026: the 十四五 period (2021–2025) is over


@dataclass(frozen=True)
class Target:
    key: str          # indicator in the data file
    name_zh: str
    comparator: str   # ">=", ">" or "=" (reached at least the stated level)
    plan_zh: str
    growth_from: str | None = None  # for a growth target: the level indicator whose compound growth is scored


TARGETS = (
    Target("sei_share", "战略性新兴产业增加值占 GDP 比重（%）", ">", "“十四五”规划纲要"),
    Target("digital_core_share", "数字经济核心产业增加值占 GDP 比重（%）", ">=", "“十四五”规划纲要"),
    Target("basic_research_share", "基础研究经费占 R&D 经费比重（%）", ">=", "“十四五”规划纲要"),
    Target("rd_growth", "全社会 R&D 经费年均增长（%，2021–2025）", ">=", "“十四五”规划纲要",
           growth_from="rd_expenditure"),
    Target("compute_total", "算力总规模（EFLOPS）", ">", "《算力基础设施高质量发展行动计划》"),
    Target("compute_intelligent_share", "智能算力占比（%）", ">=", "《算力基础设施高质量发展行动计划》"),
    Target("5g_per_10k_people", "每万人 5G 基站数（个）", ">=", "“十四五”信息通信行业发展规划"),
)


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


def _best(rows: pd.DataFrame) -> pd.Series:
    """Of several figures for the same year: the most confident, final before preliminary."""
    key = rows.assign(conf=rows["confidence"].map(CONF_RANK),
                      prelim=rows["flags"].str.contains("PRELIMINARY").astype(int))
    return key.sort_values(["conf", "prelim"], ascending=[False, True]).iloc[0]


def satisfies(value: float, comparator: str, target: float) -> bool:
    """``value`` reaches ``target`` under the comparator ('>' strictly above, '>=' and '=' at least)."""
    if comparator == ">":
        return value > target
    if comparator in (">=", "="):
        return value >= target
    raise UsageError(f"unknown comparator '{comparator}'")


compound_growth = growth.cagr  # percent a year from level0 to level1 over `years` growth years


def _growth_outcome(df: pd.DataFrame, t: Target, target: pd.Series) -> dict | None:
    first, last = (int(y) for y in target["point"].split()[0].split("-"))
    period = Period(first, last)
    ends = df[(df["indicator"] == t.growth_from) & (df["kind"] == "outcome") & (df["year"] == period.last)]
    if ends.empty:
        return None
    end = _best(ends)
    base = data.load("cn_rd_expenditure").set_index("year")["value"]
    if period.base not in base.index:
        return None
    rate = compound_growth(float(base[period.base]), float(end["value"]), period.years)
    note = (f"{period.base} 年 {base[period.base]:,.1f} 亿元（当年统计公报）到 "
            f"{period.last} 年 {end['value']:,.0f} 亿元"
            f"（{end['publisher']}），{period.years} 个增长年份复合计算")
    return {**end.to_dict(), "value": rate, "derived_note": note}


def score(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per target: target, outcome for the target year (or none), gap, status, confidence, source.
    ``df``: the tidy rows (default: the data file), e.g. a changed copy to test the rules."""
    df = table() if df is None else df
    rows = []
    for t in TARGETS:
        target = _target_row(df, t.key)
        tyear = int(target["year"])
        outs = df[(df["indicator"] == t.key) & (df["kind"] == "outcome")]
        row = {"indicator": t.key, "target_zh": t.name_zh, "plan": t.plan_zh, "comparator": t.comparator,
               "target": float(target["value"]), "target_year": tyear, "outcome": None, "outcome_year": None,
               "gap": None, "status": None, "confidence": None, "flags": "", "source": "", "note": ""}
        if t.growth_from:
            o = _growth_outcome(df, t, target)
            hits = pd.DataFrame([o]) if o else pd.DataFrame()
        else:
            hits = outs[outs["year"] == tyear]
        if tyear >= YEAR_NOW:
            row["status"] = "not due"
        elif hits.empty:
            row["status"] = "not published"
            earlier = outs[outs["year"] < tyear].sort_values("year")
            if not earlier.empty:
                last = _best(earlier[earlier["year"] == earlier["year"].max()])
                row["note"] = (f"{tyear} 年结果未见公布；最近为 {int(last['year'])} 年 {last['value']:g}"
                               f"（{last['publisher']}，可信度{CONFIDENCE_ZH[last['confidence']]}"
                               f"{'，' + last['flags'] if last['flags'] else ''}），只作参考，不计分")
            else:
                row["note"] = f"{tyear} 年结果未见公布"
        else:
            best = _best(hits)
            value = float(best["value"])
            lower_bound = "LOWER-BOUND" in best["flags"]
            ok = satisfies(value, t.comparator, row["target"])
            row.update(outcome=value, outcome_year=tyear, gap=value - row["target"], confidence=best["confidence"],
                       flags=best["flags"], source=f"{best['publisher']}，{best['document']}（{best['date']}）",
                       note=best.get("derived_note", "") if isinstance(best.get("derived_note"), str) else "")
            if best["confidence"] == "low":
                row["status"] = "undetermined"
                row["note"] = (row["note"] + "；" if row["note"] else "") + "只有低可信度的数字，不据此判定"
            elif ok:
                row["status"] = "met"
            elif lower_bound:
                row["status"] = "undetermined"
                row["note"] = (row["note"] + "；" if row["note"] else "") + "数字为下限，不能说明未达到"
            else:
                row["status"] = "missed"
        rows.append(row)
    out = pd.DataFrame(rows)
    out["outcome_year"] = out["outcome_year"].astype("Int64")
    out["status_zh"] = out["status"].map(STATUS_ZH)
    out["confidence_zh"] = out["confidence"].map(CONFIDENCE_ZH)
    return out


def latest(indicator: str, kind: str = "outcome") -> pd.Series:
    """The latest, most confident figure of one indicator (for glue in the chapters)."""
    df = table()
    rows = df[(df["indicator"] == indicator) & (df["kind"] == kind)]
    if rows.empty:
        raise UsageError(f"no {kind} for '{indicator}' in {FILE}")
    return _best(rows[rows["year"] == rows["year"].max()])


def figure(indicator: str, year: int, kind: str = "outcome", basis: str | None = None) -> pd.Series:
    """One figure by indicator and year (and basis when several are published)."""
    df = table()
    rows = df[(df["indicator"] == indicator) & (df["kind"] == kind) & (df["year"] == int(year))]
    if basis is not None:
        rows = rows[rows["basis"] == basis]
    if rows.empty:
        raise UsageError(f"no {kind} for '{indicator}' in {year}" + (f" ({basis})" if basis else ""))
    return _best(rows)
