"""Findings of the digital-economy chapter (book/digital.md) and of the outcomes appendix (book/outcomes.md), each
decided over readings a reader could reasonably choose, and only readings that keep one statistical vintage per
growth rate or share.

- ``digital-growth-vs-gdp``: the digital economy grows faster than GDP. Quantity: the relative growth advantage
  (1 + g_D) / (1 + g_Y) − 1, % a year, which is positive exactly when the digital economy's share of GDP rises.
  Specifications, each within one GDP vintage: CAICT's published shares within one census era (each share is the
  scale over the GDP of its day, so shares published between the same two census revisions are one vintage), one
  CAICT report's two years against GDP of the same vintage, and NBS's core share on the fifth-census basis.
  Readings that mix vintages (CAICT's scale of its day against the post-census GDP, the seeds' endpoints, NBS's 7.8 %
  before the census against 9.9 % after it) are computed and kept apart in ``extra["cross_vintage"]``: they do not
  count towards the verdict.
- ``digital-core-target-2025``: the core industries reached 10 % of GDP by 2025. One specification per
  independent publisher (its latest figure, read at the low end of what it states); only the 2026 government work
  report speaks of 2025, so the claim is robust only if every independent source confirms it.
- ``outcomes-basic-research-missed``: basic research stayed below 8 % of R&D in 2025.
"""

from __future__ import annotations

from functools import lru_cache

from nqpf.analysis import digital, outcomes
from nqpf.analysis.findings import Finding, Spec, holds
from nqpf.core import data, growth, numbers
from nqpf.core import gdp as core_gdp
from nqpf.core.numbers import prose

__all__ = ["findings", "growth_specs", "cross_vintage_specs", "core_target_specs", "CAICT_ERAS"]

SCALE, SHARE, GDP_AS_PUBLISHED = "cn_digital_economy_scale", "cn_digital_economy_share_gdp", "cn_nominal_gdp"
# CAICT's shares are the scale over the GDP of the day. Those published before NBS's fourth-census revision of GDP
# (22 Nov 2019: years 2015-2018, reports of 2017-2019) and those published after it and before the fifth-census
# revision (Dec 2024: years 2019-2023, reports of 2020-2024) are each one vintage (sources in the data file).
CAICT_ERAS = ((2015, 2018, "第四次经济普查修订前发布"), (2019, 2023, "第四次经济普查修订后、第五次之前发布"))
# CAICT's 2024 report gives 2023 (53.9) and its rise over 2022 (3.7 万亿元, data/README), which agrees with the
# 2022 row (50.2, attribution flagged uncertain); GDP 2022 (final verification, Dec 2023) and 2023 (preliminary,
# Jan 2024) as NBS published them then are both on the fourth-census basis.
CAICT_REPORT_YEARS = (2022, 2023)


def _relative(gd: float, gy: float) -> float:
    """(1 + g_D) / (1 + g_Y) − 1 in % from two growth rates in %."""
    return ((1 + gd / 100) / (1 + gy / 100) - 1) * 100


def _share_rise(s0: float, s1: float, years: int) -> float:
    """The same advantage read from a share of GDP that moves from s0 to s1 in ``years`` (one vintage a share)."""
    return ((s1 / s0) ** (1 / years) - 1) * 100


def _low(value: float) -> float:
    """The least a written figure guarantees: 9.9 as written stands for [9.85, 9.95]."""
    return value - numbers.half_unit(f"{value:g}")


def _high(value: float) -> float:
    return value + numbers.half_unit(f"{value:g}")


def _year_series(name: str):
    return data.load(name).set_index("year")["value"]


def _flags(name: str) -> dict:
    """{year: '，2015 年标注“推算”'} for the flagged rows of a data file (the flags carried into the name)."""
    d = data.with_flags(data.load(name))
    return {int(y): f"，{int(y)} 年标注“{data.flag_label(f)}”" for y, f in zip(d["year"], d["flags"]) if f}


def growth_specs() -> list[Spec]:
    """The digital economy's growth advantage over GDP (% a year) under each one-vintage specification."""
    share, scale, pub = _year_series(SHARE), _year_series(SCALE), _year_series(GDP_AS_PUBLISHED)
    fs, fc = _flags(SHARE), _flags(SCALE)
    specs = []
    for y0, y1, era in CAICT_ERAS:
        specs.append(Spec(f"信通院公布占比 {y0}→{y1}（{prose(share[y0])}%→{prose(share[y1])}%，{era}"
                          f"{fs.get(y0, '')}{fs.get(y1, '')}）",
                          _share_rise(float(share[y0]), float(share[y1]), y1 - y0)))
    a, b = CAICT_REPORT_YEARS
    specs.append(Spec(
        f"信通院 {a}→{b} 规模（{prose(scale[a])}→{prose(scale[b])} 万亿元{fc.get(a, '')}{fc.get(b, '')}）"
        f"对同一版本 GDP（{a} 年最终核实数、{b} 年初步数，均为第五次普查前）",
        _relative((scale[b] / scale[a] - 1) * 100, (pub[b] / pub[a] - 1) * 100)))
    core23 = outcomes.figure("digital_core_share", 2023, basis="census")
    core25 = outcomes.figure("digital_core_share", 2025)
    y23, y25 = int(core23["year"]), int(core25["year"])
    specs.append(Spec(
        f"国家统计局核心产业占比 {y23}→{y25}（{prose(core23['value'])}% 取整上端→{prose(core25['value'])}% 以上，"
        "第五次普查口径）",
        _share_rise(_high(float(core23["value"])), float(core25["value"]), y25 - y23)))
    return specs


def cross_vintage_specs() -> list[Spec]:
    """Readings that mix GDP vintages in one growth rate or share: computed, shown, never counted."""
    scale = _year_series(SCALE)
    std = core_gdp.china_gdp().set_index("year")["value"]
    sg = digital.seeds_growth()
    core20 = outcomes.figure("digital_core_share", 2020)
    core23 = outcomes.figure("digital_core_share", 2023, basis="census")
    y20, y23 = int(core20["year"]), int(core23["year"])
    return [
        Spec("信通院名义规模 2017–2023（按当时的 GDP 估算）对第五次普查后的名义 GDP",
             _relative(growth.period_growth(scale, 2017, 2023, name=SCALE),
                       growth.period_growth(std, 2017, 2023, name="nominal GDP"))),
        Spec(f"种子端点 2014→2023（{prose(sg['scale_2014'])}→{prose(sg['scale_2023'])} 万亿元，测算机构未注明）"
             "对第五次普查后的名义 GDP", _relative(sg["cagr"], sg["gdp_cagr"])),
        Spec(f"国家统计局核心产业占比 {y20}→{y23}（{prose(core20['value'])}% 为普查前 GDP，"
             f"{prose(core23['value'])}% 为普查后 GDP）",
             _share_rise(float(core20["value"]), float(core23["value"]), y23 - y20)),
    ]


def _growth_finding() -> Finding:
    cross = cross_vintage_specs()
    return Finding.decide(
        "digital-growth-vs-gdp", "digital-growth", "> 0", growth_specs(),
        quantity="数字经济相对名义 GDP 的年均增速优势（%，(1 + g_D) / (1 + g_Y) − 1）",
        robust="每个增速或占比只用一个统计版本，{n} 种读法下数字经济的名义增速都快于名义 GDP："
               f"信通院宽口径在同一次经济普查修订期间发布的占比都在上升，{CAICT_REPORT_YEARS[1]} 年规模的增速"
               "也快于同一版本的 GDP，"
               "国家统计局核心产业占比（第五次经济普查口径）同样在上升。跨普查版本的比较不计入。",
        depends="每个增速或占比只用一个统计版本，数字经济的名义增速在 {n} 种读法中的 {k} 种下快于名义 GDP；"
                "在{flips}下并非如此。跨普查版本的比较不计入。",
        note="每一种读法的分子与分母属于同一个 GDP 版本（占比 = 规模 ÷ 当时的 GDP，只在同一次普查修订期间比较）。"
             "混合了版本的读法另列于 extra.cross_vintage，不计入判断：" + "；".join(
                 f"{s.name} {prose(s.value, 2)}" for s in cross) + "。核心产业 2025 年为下限（“10.5% 以上”），"
             "2023 年取 9.9% 的取整上端，所以最后一项是下限。",
        extra={"cross_vintage": {s.name: float(s.value) for s in cross}})


def core_target_specs() -> tuple[list[Spec], float]:
    """One specification per independent publisher: its latest figure for 2023-2025 at the low end of what it
    states, minus the target (pp); and the target."""
    target = float(outcomes.figure("digital_core_share", 2025, kind="target")["value"])
    gwr = outcomes.figure("digital_core_share", 2025)                              # LOWER-BOUND, medium
    nda = outcomes.figure("digital_core_share", 2024, basis="国家数据局 briefing")  # ROUNDED, medium
    nbs = outcomes.figure("digital_core_share", 2023, basis="census")              # NBS accounting, medium
    specs = [
        Spec(f"国务院（{int(gwr['year'])} 年“{prose(gwr['value'])}% 以上”，{gwr['document']}）",
             _low(float(gwr["value"])) - target),
        Spec(f"国家数据局（{int(nda['year'])} 年“{prose(nda['value'], 0)}% 左右”，取整）",
             _low(float(nda["value"])) - target),
        Spec(f"国家统计局（{int(nbs['year'])} 年 {prose(nbs['value'])}%，第五次经济普查口径的核算）",
             _low(float(nbs["value"])) - target),
    ]
    return specs, target


def _core_target_finding() -> Finding:
    specs, target = core_target_specs()
    rule, t = ">= 0", prose(target, 0)
    confirm = [s.name for s in specs if holds(rule, s.value)]
    who = f"只有{'、'.join(confirm)}能确认" if confirm else "没有一个能确认"
    year1 = int(outcomes.figure("digital_core_share", 2025, kind="target")["year"])
    direct = sum(f"（{year1} 年" in s.name for s in specs)  # sources whose latest figure is for the target year
    head = ("目前只有一个来源直接说到" if direct == 1 else f"{direct} 个来源直接说到") + f" {year1} 年"
    low = outcomes.figure("digital_core_share", 2024, basis="press summary")
    return Finding.decide(
        "digital-core-target-2025", "digital-target", rule, specs,
        quantity=f"各独立来源最新数字所能保证的核心产业增加值占 GDP 比重减去 {t}% 的目标（百分点）",
        robust=f"数字经济核心产业增加值占 GDP 的比重达到了“十四五”规划 {t}% 的目标："
               "{n} 个互相独立的来源都能确认。",
        depends=f"核心产业占比是否达到“十四五”规划 {t}% 的目标，{head}：在 {{n}} 个互相独立的来源中，{who}；"
                f"{{flips}}的最新数字按取整区间的下端还不到 {t}%，国家统计局尚未公布 {year1} 年的核算数。",
        note="每个来源取其最新一年，按所写数字的取整区间下端读（“以上”为下限，“10% 左右”至少是 9.5%）。"
             "同一机构的几次发布只计一次（国家数据局 2023 年的“10%”与 2024 年两次的“10% 左右”）；低可信度的 "
             f"{int(low['year'])} 年 {prose(low['value'])}%（英文机器摘要，出自国家数据局局长的文章）不是独立来源，"
             "也不单独用来评分。三个来源的可信度均为中。")


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
