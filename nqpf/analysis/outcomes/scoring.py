"""Scoring the 2025 targets (the rules are in :mod:`nqpf.analysis.outcomes`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nqpf.analysis.outcomes.rows import (
    CONF_RANK,
    CONFIDENCE_ZH,
    FILE,
    INDICATOR_ZH,
    STATUS_ZH,
    YEAR_NOW,
    best,
    table,
    when,
)
from nqpf.core import data, growth
from nqpf.core import gdp as core_gdp
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

__all__ = ["Target", "TARGETS", "LEVELS", "satisfies", "score"]


@dataclass(frozen=True)
class Target:
    key: str          # indicator in the data file
    name_zh: str
    comparator: str   # ">=", ">" or "=" (reached at least the stated level)
    plan_zh: str
    growth_from: str | None = None  # for a growth target: the level indicator whose compound growth is scored
    relative_to: tuple[str, str] | None = None  # (a, b): a − b of the same year, in every year the target names
    cumulative: bool = False  # a reduction over the plan period, chained from published pieces


TARGETS = (
    Target("sei_share", "战略性新兴产业增加值占 GDP 比重（%）", ">", "“十四五”规划纲要"),
    Target("digital_core_share", "数字经济核心产业增加值占 GDP 比重（%）", ">=", "“十四五”规划纲要"),
    Target("basic_research_share", "基础研究经费占 R&D 经费比重（%）", ">=", "“十四五”规划纲要"),
    Target("rd_growth", "全社会 R&D 经费年均增长（%，2021–2025）", ">=", "“十四五”规划纲要",
           growth_from="rd_expenditure"),
    Target("labour_productivity_growth_gap", "全员劳动生产率增长高于 GDP 增长（百分点）", ">", "“十四五”规划纲要",
           relative_to=("labour_productivity_growth", "gdp_real_growth")),
    Target("energy_intensity_reduction", "单位 GDP 能耗累计降低（%，2021–2025）", ">=", "“十四五”规划纲要",
           cumulative=True),
    Target("co2_intensity_reduction", "单位 GDP 二氧化碳排放累计降低（%，2021–2025）", ">=", "“十四五”规划纲要",
           cumulative=True),
    Target("compute_total", "算力总规模（EFLOPS）", ">", "《算力基础设施高质量发展行动计划》"),
    Target("compute_intelligent_share", "智能算力占比（%）", ">=", "《算力基础设施高质量发展行动计划》"),
    Target("5g_per_10k_people", "每万人 5G 基站数（个）", ">=", "“十四五”信息通信行业发展规划"),
)


def _target_row(df: pd.DataFrame, key: str) -> pd.Series:
    rows = df[(df["indicator"] == key) & (df["kind"] == "target")].sort_values("year")
    if rows.empty:
        raise UsageError(f"no target for '{key}' in {FILE}")
    return rows.iloc[0]


def satisfies(value: float, comparator: str, target: float) -> bool:
    """``value`` reaches ``target`` under the comparator ('>' strictly above, '>=' and '=' at least)."""
    if comparator == ">":
        return value > target
    if comparator in (">=", "="):
        return value >= target
    raise UsageError(f"unknown comparator '{comparator}'")


def _levels_rd() -> pd.Series:
    return data.load("cn_rd_expenditure").set_index("year")["value"]


def _levels_gdp() -> pd.Series:
    return core_gdp.china_gdp().set_index("year")["value"]


# Where the base-year level of each growth target's indicator comes from (the outcomes file starts in 2023).
LEVELS = {"rd_expenditure": (_levels_rd, "当年统计公报"), "gdp_nominal": (_levels_gdp, "本书标准名义 GDP")}


def _growth_outcome(df: pd.DataFrame, t: Target, target: pd.Series) -> dict | None:
    first, last = (int(y) for y in target["point"].split()[0].split("-"))
    period = Period(first, last)
    if t.growth_from not in LEVELS:
        raise UsageError(f"growth target '{t.key}': no level series for '{t.growth_from}' "
                         f"(known: {', '.join(LEVELS)})")
    ends = df[(df["indicator"] == t.growth_from) & (df["kind"] == "outcome") & (df["year"] == period.last)]
    if ends.empty:
        return None
    end = best(ends)
    levels, where = LEVELS[t.growth_from]
    base = levels()
    if period.base not in base.index:
        return None
    rate = growth.cagr(float(base[period.base]), float(end["value"]), period.years)
    unit = end["unit"]
    note = (f"{period.base} 年 {base[period.base]:,.1f} {unit}（{where}）到 "
            f"{period.last} 年 {end['value']:,.0f} {unit}"
            f"（{end['publisher']}），{period.years} 个增长年份复合计算")
    return {**end.to_dict(), "value": rate, "derived_note": note}


def _target_period(target: pd.Series) -> Period:
    """The growth years a target's point names ('2021-2025 each year', '2021-2025 average'); a single year else."""
    head = str(target["point"]).split()[0]
    if "-" in head:
        first, last = (int(y) for y in head.split("-"))
        return Period(first, last)
    return Period(int(target["year"]), int(target["year"]))


def _relative_outcome(df: pd.DataFrame, t: Target, target: pd.Series) -> dict | None:
    """a − b in every year the target covers ('2021-2025 each year': each of the five) where both are published.
    The value is the smallest difference (the year that decides "each year"); ``years_missing`` lists the years
    without both figures, so a target that must hold each year is met only when no year is missing."""
    a, b = t.relative_to
    period = _target_period(target)
    found, missing = [], []
    for year in period.growth_years:
        rows = [df[(df["indicator"] == k) & (df["kind"] == "outcome") & (df["year"] == year) & (df["point"] == "year")]
                for k in (a, b)]
        if any(r.empty for r in rows):
            missing.append(year)
            continue
        ra, rb = (best(r) for r in rows)
        found.append((year, ra, rb, float(ra["value"]) - float(rb["value"])))
    if not found:
        return None
    year, ra, rb, gap = min(found, key=lambda x: x[3])
    conf = min((r["confidence"] for _, x, y, _ in found for r in (x, y)), key=CONF_RANK.get)
    flags = ["DERIVED"] + [f for _, x, y, _ in found for r in (x, y) for f in r["flags"].split(", ") if f]
    note = "；".join(f"{y} 年：{INDICATOR_ZH[a]} {x['value']:g}% 减 {INDICATOR_ZH[b]} {z['value']:g}%"
                    f"（{x['publisher']}）" for y, x, z, _ in found)
    if missing:
        note += f"；{growth.years_text(missing)} 年没有数据"
    return {**ra.to_dict(), "year": year, "value": gap, "confidence": conf, "flags": ", ".join(dict.fromkeys(flags)),
            "derived_note": note, "years_scored": growth.years_text([y for y, *_ in found]),
            "years_missing": growth.years_text(missing) if missing else ""}


def _cumulative_outcome(df: pd.DataFrame, t: Target, target: pd.Series) -> dict | None:
    """1 − Π(1 − rᵢ) over published pieces that cover the plan period exactly: a cumulative figure for its first
    years and annual figures after it (or a cumulative figure for the whole period)."""
    first, last = (int(y) for y in target["point"].split()[0].split("-"))
    outs = df[(df["indicator"] == t.key) & (df["kind"] == "outcome")]
    whole = outs[outs["point"] == f"{first}-{last} cumulative"]
    if not whole.empty:
        top = best(whole)
        return {**top.to_dict(), "derived_note": ""}
    cums = outs[outs["point"].str.fullmatch(rf"{first}-\d{{4}} cumulative")].copy()
    for _, cum in cums.assign(end=cums["point"].str[5:9].astype(int)).sort_values("end", ascending=False).iterrows():
        pieces = [cum]
        for y in range(int(cum["end"]) + 1, last + 1):
            annual = outs[(outs["year"] == y) & (outs["point"] == "year")]
            if annual.empty:
                break
            pieces.append(best(annual))
        else:
            keep = 1.0
            for p in pieces:
                keep *= 1 - float(p["value"]) / 100
            conf = min((p["confidence"] for p in pieces), key=CONF_RANK.get)
            flags = ["DERIVED"] + [f for p in pieces for f in p["flags"].split(", ") if f]
            note = "与".join(f"{when(p)}降低 {p['value']:g}%"
                            f"（{p['publisher']}，可信度{CONFIDENCE_ZH[p['confidence']]}）" for p in pieces)
            # pieces from different publishers need not share a basis (period, GDP vintage): the chained value is
            # labelled an estimate, with the lowest confidence of its pieces
            return {**pieces[-1].to_dict(), "value": (1 - keep) * 100, "confidence": conf,
                    "flags": ", ".join(dict.fromkeys(flags)), "chained": True,
                    "derived_note": f"{note}连乘：1 − Π(1 − r_i)；连乘值（CHAINED）：各段的发布者不同，口径未必一致，"
                                    f"只是估算，可信度取其中最低的“{CONFIDENCE_ZH[conf]}”"}
    return None


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
               "gap": None, "status": None, "confidence": None, "flags": "", "source": "", "note": "",
               "chained": False, "years_missing": ""}
        if t.growth_from:
            o = _growth_outcome(df, t, target)
        elif t.relative_to:
            o = _relative_outcome(df, t, target)
        elif t.cumulative:
            o = _cumulative_outcome(df, t, target)
        if t.growth_from or t.relative_to or t.cumulative:
            hits = pd.DataFrame([o]) if o else pd.DataFrame()
        else:
            hits = outs[outs["year"] == tyear]
        if tyear >= YEAR_NOW:
            row["status"] = "not due"
        elif hits.empty:
            row["status"] = "not published"
            earlier = outs[outs["year"] <= tyear].sort_values("year") if t.cumulative else \
                outs[outs["year"] < tyear].sort_values("year")
            if not earlier.empty:
                last = best(earlier[earlier["year"] == earlier["year"].max()])
                what = "整个时期的累计结果" if t.cumulative else f"{tyear} 年结果"
                unit = "%" if str(last["unit"]).startswith("%") else f" {last['unit']}"
                row["note"] = (f"{what}未见公布；最近为 {when(last)} {last['value']:g}{unit}"
                               f"（{last['publisher']}，可信度{CONFIDENCE_ZH[last['confidence']]}"
                               f"{'，' + data.flag_label(last['flags']) if last['flags'] else ''}），只作参考，不计分")
            else:
                row["note"] = f"{tyear} 年结果未见公布"
        else:
            top = best(hits)
            value = float(top["value"])
            lower_bound = "LOWER-BOUND" in top["flags"]
            ok = satisfies(value, t.comparator, row["target"])
            row.update(outcome=value, outcome_year=tyear, gap=value - row["target"], confidence=top["confidence"],
                       flags=top["flags"], source=f"{top['publisher']}，{top['document']}（{top['date']}）",
                       note=top.get("derived_note", "") if isinstance(top.get("derived_note"), str) else "",
                       chained=str(top.get("chained")) == "True",  # absent (NaN) when not chained
                       years_missing=top.get("years_missing") if isinstance(top.get("years_missing"), str) else "")
            if top["confidence"] == "low":
                row["status"] = "undetermined"
                row["note"] = (row["note"] + "；" if row["note"] else "") + "只有低可信度的数字，不据此判定"
            elif ok and row["years_missing"]:  # "each year": one year with data cannot show the others held
                row["status"] = "undetermined"
                row["note"] += "；目标要求每一年都成立，有年份没有数据，不能判定达到"
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


