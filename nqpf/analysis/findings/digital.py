"""Findings of the digital-economy chapter (book/digital.md) and of the outcomes appendix (book/outcomes.md), each
decided over the series, periods and statistical vintages a reader could reasonably choose.

- ``digital-growth-vs-gdp``: the digital economy grows faster than GDP. Quantity: the relative growth advantage
  (1 + g_D) / (1 + g_Y) − 1, % a year, which is positive exactly when the digital economy's share of GDP rises; under
  CAICT's broad nominal scale (against the standard GDP, and through CAICT's own published shares), the seeds'
  endpoints, and NBS's core value added (across and within the fifth-census vintage).
- ``digital-core-target-2025``: the core industries reached 10 % of GDP by 2025.
- ``outcomes-basic-research-missed``: basic research stayed below 8 % of R&D in 2025.
"""

from __future__ import annotations

from functools import lru_cache

from nqpf.analysis import digital, outcomes
from nqpf.analysis.findings import Finding, Spec
from nqpf.core import numbers
from nqpf.core.growth import period_growth

__all__ = ["findings", "growth_specs"]


def _relative(gd: float, gy: float) -> float:
    """(1 + g_D) / (1 + g_Y) − 1 in % from two growth rates in %."""
    return ((1 + gd / 100) / (1 + gy / 100) - 1) * 100


def _share_rise(s0: float, s1: float, years: int) -> float:
    """The same advantage read from a share of GDP that moves from s0 to s1 in ``years`` (one vintage a share)."""
    return ((s1 / s0) ** (1 / years) - 1) * 100


def growth_specs() -> list[Spec]:
    """The digital economy's growth advantage over GDP under each specification (% a year)."""
    p = digital.panel().set_index("year")
    sg = digital.seeds_growth()
    t = digital.core_target()
    prog = digital.target_progress()
    yearly = p.dropna(subset=["scale_growth", "gdp_growth"])
    band = numbers.half_unit(f"{t['reached']:g}")
    first_share = p["share_published"].dropna()
    y0, y1 = int(first_share.index.min()), int(first_share.index.max())
    return [
        Spec("信通院名义规模 2017–2023 对标准名义 GDP（规模按当时 GDP 估算，GDP 为普查后版本）",
             _relative(period_growth(digital.series(digital.SCALE), 2017, 2023),
                       period_growth(digital.series(digital.GDP), 2017, 2023))),
        Spec(f"信通院公布占比 {y0}→{y1}（每年规模 ÷ 当年公布的 GDP，同一口径）",
             _share_rise(float(first_share[y0]), float(first_share[y1]), y1 - y0)),
        Spec(f"信通院逐年最小差（{int(yearly.index.min())}–{int(yearly.index.max())}，对标准名义 GDP）",
             float(min(_relative(a, b) for a, b in zip(yearly["scale_growth"], yearly["gdp_growth"])))),
        Spec("种子端点 2015–2023（16.2→56.1 万亿元，测算机构未注明）对标准名义 GDP",
             _relative(sg["cagr"], sg["gdp_cagr"])),
        Spec("国家统计局核心产业占比 2020→2023（7.8%→9.9%，跨普查口径）",
             _share_rise(t["share0"], t["reached"], t["reached_year"] - t["year0"])),
        Spec("国家统计局核心产业占比 2023→2025（9.9% 取整上端→10.5% 以上，同一普查口径）",
             _share_rise(t["reached"] + band, prog["share_2025"], t["year1"] - t["reached_year"])),
    ]


def _growth_finding() -> Finding:
    return Finding.decide(
        "digital-growth-vs-gdp", "digital-growth", "> 0", growth_specs(),
        quantity="数字经济相对名义 GDP 的年均增速优势（%，(1 + g_D) / (1 + g_Y) − 1）",
        robust="无论用信通院的宽口径名义规模还是国家统计局的核心产业增加值，无论看哪一段时期、哪一个 GDP 版本，"
               "数字经济的名义增速都快于名义 GDP（{n} 种设定）。",
        depends="数字经济的名义增速在 {n} 种设定中的 {k} 种下快于名义 GDP；在{flips}下并非如此。",
        note="信通院的规模是按当时的 GDP 估算的，与普查后的 GDP 相比混合了两个版本；公布占比与核心产业占比各自只用一个"
             "版本。核心产业 2025 年为下限（“10.5% 以上”），2023 年取 9.9% 的取整上端，所以最后一项是下限。")


def _core_target_finding() -> Finding:
    t = digital.core_target()
    prog = digital.target_progress()
    s25 = prog["share_2025"]
    band = numbers.half_unit(f"{s25:g}")
    extrap = (t["reached"] + numbers.half_unit(f"{t['reached']:g}")) * (
        1 + prog["share_ratio_growth_reached"] / 100) ** (t["year1"] - t["reached_year"])
    specs = [
        Spec("2026 年政府工作报告：2025 年“10.5% 以上”", s25 - t["share1"]),
        Spec("同上，取 10.5 的取整下端", s25 - band - t["share1"]),
        Spec("国家数据局：2024 年“10% 左右”（已在目标处）", prog["share_2024"] - t["share1"]),
        Spec("2023 年 9.9% 按 2020–2023 年占比的相对增速外推两年（推算）", extrap - t["share1"]),
    ]
    return Finding.decide(
        "digital-core-target-2025", "digital-target", ">= 0", specs,
        quantity="数字经济核心产业增加值占 GDP 比重减去 10% 的目标（百分点）",
        robust="数字经济核心产业增加值占 GDP 的比重在 2025 年达到了“十四五”规划 10% 的目标（{n} 种读法）。",
        depends="核心产业占比是否达到 10% 的目标取决于读法：{n} 种读法中 {k} 种达到，{flips}下未达到。",
        note="2025 年的数字是政府工作报告的“以上”，可信度中；没有国家统计局的 2025 年核算数。")


def _basic_research_finding() -> Finding:
    b25 = outcomes.figure("basic_research_share", 2025)
    lvl = outcomes.figure("basic_research", 2025)
    rd = outcomes.figure("rd_expenditure", 2025)
    target = float(outcomes.figure("basic_research_share", 2025, kind="target")["value"])
    b24 = outcomes.rd_final()["basic_research_share"]
    specs = [
        Spec("科学技术部：2025 年占比 7.08%（初步数）", float(b25["value"]) - target),
        Spec("同一讲话的两个水平之比：“接近 2800”÷“超过 3.92 万亿”（上限）",
             100 * float(lvl["value"]) / float(rd["value"]) - target),
        Spec("2024 年终值 6.88%（统计公报）", b24 - target),
    ]
    return Finding.decide(
        "outcomes-basic-research-missed", "outcomes-rd", "< 0", specs,
        quantity="基础研究经费占研发经费比重减去 8% 的目标（百分点）",
        robust="基础研究占研发经费的比重没有达到“十四五”规划 8% 以上的目标（{n} 种读法都低于 8%）。",
        depends="基础研究占比是否低于 8% 取决于读法：{flips}下不低于 8%。",
        note="2,800 是“接近”（至多），39,200 是“超过”（至少），所以二者之比 7.14% 是上限，与部长所说的 7.08% 不矛盾。")


@lru_cache(maxsize=1)
def _all() -> tuple[Finding, ...]:
    return (_growth_finding(), _core_target_finding(), _basic_research_finding())


def findings() -> list[Finding]:
    return list(_all())
