"""The 2025 targets the seeds cite, scored against what was published after the seeds were written.

Targets and outcomes come from ``cn_outcomes_2023_2025`` (tidy rows, each with its quote, publisher and a
confidence level: high = the publisher's own page, medium = a re-publication, low = indirect). The rules:

- a target is scored only with an outcome for the target year itself; otherwise the status is ``not published``
  and the latest earlier figure is shown as context, not as a score;
- a figure flagged LOWER-BOUND (超过, 突破) can show that a floor was met, never that it was missed;
- a status of ``met`` or ``missed`` needs at least one figure of high or medium confidence; with only low-confidence
  figures the status is ``undetermined``;
- a multi-year growth target (R&D spending ≥ 7 % a year, 2021–2025) is scored by the compound rate of the level
  indicator the target names (``growth_from``), over the growth years of the target (:mod:`nqpf.core.periods`),
  from the level of the year before, read from that indicator's own series (:data:`LEVELS`);
- a relative target (labour productivity growing faster than GDP) is scored by the difference of two outcomes of
  the same year; a cumulative reduction (energy and CO₂ per unit of GDP, 2021–2025) by chaining the published
  cumulative and annual reductions, 1 − Π(1 − rᵢ), when they cover the whole period.

The 15th Five-Year Plan's targets (as the 2026 government work report states them, ``cn_fyp15_targets``) are not
scored: :func:`fyp15_requirements` works out what each requires, as the book does for the 2025 targets.
Realised nominal GDP growth, for target arithmetic in any chapter: :func:`realised_gdp_growth`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from nqpf.core import data, growth
from nqpf.core import gdp as core_gdp
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

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


@dataclass(frozen=True)
class Target:
    key: str          # indicator in the data file
    name_zh: str
    comparator: str   # ">=", ">" or "=" (reached at least the stated level)
    plan_zh: str
    growth_from: str | None = None  # for a growth target: the level indicator whose compound growth is scored
    relative_to: tuple[str, str] | None = None  # (a, b): the outcome is a − b of the same year
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
    end = _best(ends)
    levels, where = LEVELS[t.growth_from]
    base = levels()
    if period.base not in base.index:
        return None
    rate = compound_growth(float(base[period.base]), float(end["value"]), period.years)
    unit = end["unit"]
    note = (f"{period.base} 年 {base[period.base]:,.1f} {unit}（{where}）到 "
            f"{period.last} 年 {end['value']:,.0f} {unit}"
            f"（{end['publisher']}），{period.years} 个增长年份复合计算")
    return {**end.to_dict(), "value": rate, "derived_note": note}


def _relative_outcome(df: pd.DataFrame, t: Target, year: int) -> dict | None:
    a, b = t.relative_to
    rows = [df[(df["indicator"] == k) & (df["kind"] == "outcome") & (df["year"] == year) & (df["point"] == "year")]
            for k in (a, b)]
    if any(r.empty for r in rows):
        return None
    ra, rb = (_best(r) for r in rows)
    conf = min((ra["confidence"], rb["confidence"]), key=CONF_RANK.get)
    flags = ", ".join(dict.fromkeys(f for f in ("DERIVED", *ra["flags"].split(", "), *rb["flags"].split(", ")) if f))
    note = (f"{INDICATOR_ZH[a]} {ra['value']:g}% 减 {INDICATOR_ZH[b]} {rb['value']:g}%（{year} 年，"
            f"{ra['publisher']}）")
    return {**ra.to_dict(), "value": float(ra["value"]) - float(rb["value"]), "confidence": conf, "flags": flags,
            "derived_note": note}


def _cumulative_outcome(df: pd.DataFrame, t: Target, target: pd.Series) -> dict | None:
    """1 − Π(1 − rᵢ) over published pieces that cover the plan period exactly: a cumulative figure for its first
    years and annual figures after it (or a cumulative figure for the whole period)."""
    first, last = (int(y) for y in target["point"].split()[0].split("-"))
    outs = df[(df["indicator"] == t.key) & (df["kind"] == "outcome")]
    whole = outs[outs["point"] == f"{first}-{last} cumulative"]
    if not whole.empty:
        best = _best(whole)
        return {**best.to_dict(), "derived_note": ""}
    cums = outs[outs["point"].str.fullmatch(rf"{first}-\d{{4}} cumulative")].copy()
    for _, cum in cums.assign(end=cums["point"].str[5:9].astype(int)).sort_values("end", ascending=False).iterrows():
        pieces = [cum]
        for y in range(int(cum["end"]) + 1, last + 1):
            annual = outs[(outs["year"] == y) & (outs["point"] == "year")]
            if annual.empty:
                break
            pieces.append(_best(annual))
        else:
            keep = 1.0
            for p in pieces:
                keep *= 1 - float(p["value"]) / 100
            conf = min((p["confidence"] for p in pieces), key=CONF_RANK.get)
            flags = ["DERIVED"] + [f for p in pieces for f in p["flags"].split(", ") if f]
            note = "与".join(f"{when(p)}降低 {p['value']:g}%"
                            f"（{p['publisher']}，可信度{CONFIDENCE_ZH[p['confidence']]}）" for p in pieces)
            return {**pieces[-1].to_dict(), "value": (1 - keep) * 100, "confidence": conf,
                    "flags": ", ".join(dict.fromkeys(flags)), "derived_note": f"{note}连乘：1 − Π(1 − r_i)"}
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
               "gap": None, "status": None, "confidence": None, "flags": "", "source": "", "note": ""}
        if t.growth_from:
            o = _growth_outcome(df, t, target)
        elif t.relative_to:
            o = _relative_outcome(df, t, tyear)
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
                last = _best(earlier[earlier["year"] == earlier["year"].max()])
                what = "整个时期的累计结果" if t.cumulative else f"{tyear} 年结果"
                unit = "%" if str(last["unit"]).startswith("%") else f" {last['unit']}"
                row["note"] = (f"{what}未见公布；最近为 {when(last)} {last['value']:g}{unit}"
                               f"（{last['publisher']}，可信度{CONFIDENCE_ZH[last['confidence']]}"
                               f"{'，' + data.flag_label(last['flags']) if last['flags'] else ''}），只作参考，不计分")
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


def when(row) -> str:
    """A figure's time in words: '2022 年', '2024 年年底', '2025 年 6 月底', '2021–2024 累计'."""
    point = row["point"]
    if point == "year":
        return f"{int(row['year'])} 年"
    if point in PERIOD_RANK:
        return f"{int(row['year'])} 年{POINT_ZH[point]}"
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
    return _best(_one_period(last, None, f"{kind} '{indicator}' {int(last['year'].iloc[0])}"))


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
    return _best(_one_period(rows, point, what))


# ---------------------------------------------------------------- realised growth, for target arithmetic


def realised_gdp_growth(first: int = 2024, last: int = 2025) -> dict:
    """Nominal GDP growth realised over the growth years ``first``…``last`` (base ``first − 1``), from the book's
    standard series (:func:`nqpf.core.gdp.china_gdp`: one vintage, the fifth-census basis; 2024 is NBS's final
    verification, 2025 its preliminary figure). Returns ``cagr`` (% a year), ``by_year`` ({year: %}), the levels
    used and the vintage. For the required-growth arithmetic of every chapter (SEI, digital core industries).

    >>> r = realised_gdp_growth(2024, 2025)
    >>> round(r["by_year"][2024], 2), round(r["by_year"][2025], 2), round(r["cagr"], 2)
    (4.16, 3.99, 4.07)
    """
    g = core_gdp.china_gdp()
    s = g.set_index("year")["value"]
    p = Period(int(first), int(last))
    rate = growth.period_growth(s, p.first, p.last, name="nominal GDP")
    by_year = {y: (float(s[y]) / float(s[y - 1]) - 1) * 100 for y in range(p.first, p.last + 1)}
    return {"first": p.first, "last": p.last, "base": p.base, "cagr": rate, "by_year": by_year,
            "levels": {y: float(s[y]) for y in range(p.base, p.last + 1)}, "unit": "亿元",
            "vintage": str(g["vintage"].iloc[-1])}


def rd_final(year: int = 2024) -> dict:
    """R&D of one year as its communiqué gives it (2024: the communiqué of 29 September 2025, parsed from the text
    kept in data/official): expenditure (亿元), intensity (%), basic research (亿元, % of R&D), and the previous
    year's intensity as restated in the same communiqué. The one value per year and vintage for chapters."""
    if int(year) != 2024:
        raise UsageError(f"the R&D communiqué kept as published is for 2024, not {year}")
    from nqpf.analysis import rd_bulletin

    v = rd_bulletin.value
    return {"year": 2024, "expenditure": v("rd_expenditure"), "intensity": v("rd_intensity"),
            "growth": v("rd_growth"), "basic_research": v("basic_research"),
            "basic_research_share": v("basic_research_share"), "intensity_2023_restated": v("rd_intensity", 2023),
            "source": rd_bulletin.DOCUMENT, "vintage": rd_bulletin.FINAL_2024}


# ---------------------------------------------------------------- the 15th Five-Year Plan (targets, not outcomes)

FYP15_GDP_SCENARIOS = (4.0, 5.0, 6.0)  # nominal GDP growth, % a year, 2026-2030


def fyp15_targets() -> pd.DataFrame:
    """The 15th Five-Year Plan's targets as the 2026 government work report states them, with quote and line."""
    return data.load(FYP15)


def fyp15_requirements(gdp_growth=FYP15_GDP_SCENARIOS) -> pd.DataFrame:
    """What each 15th-FYP target requires from the latest published level (2025): one row per requirement and
    scenario. Columns: indicator, target_zh, target, baseline, baseline_year, baseline_flags, baseline_confidence,
    scenario, requirement_zh, value, unit, note. These are targets, not outcomes (status_zh 目标)."""
    t = fyp15_targets().set_index("indicator")
    realised = realised_gdp_growth(2024, 2025)
    scen = [(f"名义 GDP 年增 {g:g}%", float(g)) for g in gdp_growth]
    scen.append((f"按 2024–2025 年实际名义增速 {realised['cagr']:.1f}%", realised["cagr"]))
    rows = []

    def row(key, baseline, requirement, value, unit, scenario="", note=""):
        tr = t.loc[key]
        rows.append({"indicator": key, "target_zh": tr["name_zh"],
                     "target": f"{tr['comparator'].replace('>=', '≥')} {tr['value']:g}"
                               f"（{tr['first_year']}–{tr['last_year']}）",
                     "baseline": None if baseline is None else float(baseline["value"]),
                     "baseline_year": None if baseline is None else int(baseline["year"]),
                     "baseline_flags": "" if baseline is None else data.flag_label(baseline["flags"]),
                     "baseline_confidence": "" if baseline is None else CONFIDENCE_ZH[baseline["confidence"]],
                     "scenario": scenario, "requirement_zh": requirement, "value": float(value), "unit": unit,
                     "note": note, "status_zh": "目标（不是结果）"})

    # Digital core industries: from ≥ 10.5 % (2025) to 12.5 % (2030)
    d0, d1 = figure("digital_core_share", 2025), float(t.loc["digital_core_share", "value"])
    years = int(t.loc["digital_core_share", "last_year"]) - int(d0["year"])
    lb = "；2025 年为下限（以上），所以这是上限" if "LOWER-BOUND" in d0["flags"] else ""
    row("digital_core_share", d0, "占比每年相对提高（%）", growth.cagr(float(d0["value"]), d1, years), "%",
        note=lb.lstrip("；"))
    for name, g in scen:
        row("digital_core_share", d0, "核心产业增加值年均名义增速（%）",
            growth.required_growth(float(d0["value"]), d1, years, g), "%", name, lb.lstrip("；"))
    # R&D: ≥ 7 % a year from 2025's level
    r0, rate = figure("rd_expenditure", 2025), float(t.loc["rd_growth", "value"])
    i0 = figure("rd_intensity", 2025)
    n = int(t.loc["rd_growth", "last_year"]) - int(r0["year"])
    row("rd_growth", r0, "2030 年研发经费至少（亿元）", float(r0["value"]) * (1 + rate / 100) ** n, "亿元",
        note="2025 年“超过 3.92 万亿元”是下限，所以 2030 年的要求也是下限" if "LOWER-BOUND" in r0["flags"] else "")
    for name, g in scen:
        row("rd_growth", i0, "2030 年研发投入强度至少（%）",
            float(i0["value"]) * ((1 + rate / 100) / (1 + g / 100)) ** n, "%", name,
            "研发经费恰好年增 7% 时的强度：2.8% × (1.07 / (1 + g))^5")
    # CO2 per unit of GDP: −17 % over five years
    c = float(t.loc["co2_intensity_reduction", "value"])
    cy = int(t.loc["co2_intensity_reduction", "last_year"]) - int(t.loc["co2_intensity_reduction", "first_year"]) + 1
    row("co2_intensity_reduction", None, "每年须降低（%，五年平均）", (1 - (1 - c / 100) ** (1 / cy)) * 100, "%",
        note=f"2026 年度目标为降低 {t.loc['co2_intensity_reduction_2026', 'value']:g}% 左右")
    # Schooling and life expectancy: years to add from 2025
    for key in ("schooling_years", "life_expectancy"):
        b = figure(key, 2025)
        target = float(t.loc[key, "value"])
        span = int(t.loc[key, "last_year"]) - int(b["year"])
        row(key, b, "五年须增加（年）", target - float(b["value"]), "年")
        row(key, b, "每年须增加（年）", (target - float(b["value"])) / span, "年")
    out = pd.DataFrame(rows)
    out["baseline_year"] = out["baseline_year"].astype("Int64")
    return out
