"""Realised nominal GDP growth and the 2024 R&D communiqué (for target arithmetic in any chapter), and the 15th
Five-Year Plan's targets with what each requires (targets, not outcomes)."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.outcomes.rows import CONFIDENCE_ZH, FYP15, figure
from nqpf.core import data, growth
from nqpf.core import gdp as core_gdp
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

__all__ = ["realised_gdp_growth", "rd_final", "FYP15_GDP_SCENARIOS", "fyp15_targets", "fyp15_requirements"]


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
