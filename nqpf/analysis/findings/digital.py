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
- ``digital-core-target-2025``: the core industries reached 10 % of GDP in 2025. The specifications are readings
  of the one published 2025 outcome (the 2026 government work report, medium confidence): its stated lower bound,
  the low end of its rounding interval, and that low end moved by the one observed gap between a non-NBS figure
  and NBS's accounting of the same year (2023: 国家数据局 10 %, NBS 9.9 %). The GDP is not raised as the fifth
  census raised 2023's: 2025's GDP (February 2026) is already on the census basis. Figures for 2023 and 2024 are
  other years: context (``extra["context"]``), never specifications. Readings of one number are not independent
  evidence: the finding is marked single-source (label 成立（单一来源，可信度中）, not 稳健); the outcomes appendix
  scores the same target with the same row (:func:`nqpf.analysis.outcomes.score`), and the two must agree.
- ``outcomes-basic-research-missed``: basic research stayed below 8 % of R&D in 2025.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nqpf.analysis import digital, outcomes
from nqpf.analysis.findings import Finding, Spec
from nqpf.core import data, growth, numbers
from nqpf.core import gdp as core_gdp
from nqpf.core.errors import DataError
from nqpf.core.numbers import prose

__all__ = ["findings", "growth_specs", "cross_vintage_specs", "core_target_specs", "core_target_context",
           "census_revision", "CAICT_ERAS"]

SCALE, SHARE, GDP_AS_PUBLISHED = "cn_digital_economy_scale", "cn_digital_economy_share_gdp", "cn_nominal_gdp"
# CAICT's shares are the scale over the GDP of the day. Those published before NBS's fourth-census revision of GDP
# (22 Nov 2019: years 2015-2018, reports of 2017-2019) and those published after it and before the fifth-census
# revision (Dec 2024: years 2019-2023, reports of 2020-2024) are each one vintage (sources in the data file).
CAICT_ERAS = ((2015, 2018, "第四次经济普查修订前发布"), (2019, 2023, "第四次经济普查修订后、第五次之前发布"))
# CAICT's 2024 report gives 2023 (53.9) and its rise over 2022 (3.7 万亿元, data/README), which agrees with the
# 2022 row (50.2, attribution flagged uncertain); GDP 2022 (final verification, Dec 2023) and 2023 (preliminary,
# Jan 2024) as NBS published them then are both on the fourth-census basis.
CAICT_REPORT_YEARS = (2022, 2023)
TARGET_YEAR = 2025   # the 14th plan's target year
CENSUS_YEAR = 2023   # the fifth economic census's reference year (published Dec 2024)


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


def _spaced(text: str) -> str:
    """'2026年政府工作报告' as the book writes it: '2026 年政府工作报告'."""
    return re.sub(r"(\d{4})年", r"\1 年", str(text))


def census_revision() -> dict:
    """How much the fifth economic census raised the GDP of its reference year: NBS's first release of 2023 GDP
    (pre-census, as published) against the census-revised 2023 GDP of the book's standard series (亿元)."""
    first = float(_year_series(GDP_AS_PUBLISHED)[CENSUS_YEAR])
    revised = float(core_gdp.china_gdp().set_index("year")["value"][CENSUS_YEAR])
    return {"year": CENSUS_YEAR, "first_release": first, "revised": revised, "factor": revised / first}


def _source_gap() -> tuple[float, float]:
    """NBS's accounting and 国家数据局's statement of the core share for the census year (9.9 against 10): the one
    year both speak of, i.e. how far a figure published outside NBS's accounts ran ahead of it."""
    nbs = float(outcomes.figure("digital_core_share", CENSUS_YEAR, basis="census")["value"])
    nda = float(outcomes.figure("digital_core_share", CENSUS_YEAR, basis="国家数据局 report")["value"])
    return nbs, nda


def core_target_specs() -> tuple[list[Spec], float]:
    """Readings of the one published 2025 outcome (the 2026 government work report's "10.5% 以上"), each minus
    the target (pp), and the target. Figures for other years (NBS 2023, 国家数据局 2024) are context, not readings:
    they are not outcomes of 2025; the 2023 gap between 国家数据局's figure and NBS's accounting only moves the
    low end of the 2025 figure (the downside a non-NBS figure has shown)."""
    target = float(outcomes.figure("digital_core_share", TARGET_YEAR, kind="target")["value"])
    gwr = outcomes.figure("digital_core_share", TARGET_YEAR)                       # LOWER-BOUND, medium
    stated = float(gwr["value"])
    nbs, nda = _source_gap()
    written = f"“{prose(stated)}% 以上”"
    specs = [
        Spec(f"所写的下限 {prose(stated)}%（{_spaced(gwr['document'])}：{written}）", stated - target),
        Spec(f"取整区间的下端 {prose(_low(stated), 2)}%（{prose(stated)} 可由 {prose(_low(stated), 2)} 四舍五入而来）",
             _low(stated) - target),
        Spec(f"取整下端再减去 {CENSUS_YEAR} 年国家统计局核算低于国家数据局所说的 {prose(nda - nbs, 1)} 个百分点"
             f"（{prose(nbs)}% 对 {prose(nda, 0)}%）：{prose(_low(stated) + nbs - nda, 2)}%",
             _low(stated) + (nbs - nda) - target),
    ]
    return specs, target


def core_target_context() -> list[dict]:
    """The other years' figures of the core share (not readings of 2025): year, value, publisher, flags,
    confidence; the low-confidence 10.4 % is listed too, marked."""
    rows = outcomes.table()
    rows = rows[(rows["indicator"] == "digital_core_share") & (rows["kind"] == "outcome")
                & (rows["year"] != TARGET_YEAR) & (rows["year"] >= CENSUS_YEAR)]
    return [{"year": int(r.year), "value": float(r.value), "publisher": r.publisher, "flags": r.flags,
             "confidence": r.confidence, "basis": r.basis} for r in rows.sort_values(["year", "basis"]).itertuples()]


def _core_target_finding() -> Finding:
    specs, target = core_target_specs()
    t = prose(target, 0)
    rows = outcomes.table()
    of_year = rows[(rows["indicator"] == "digital_core_share") & (rows["kind"] == "outcome")
                   & (rows["year"] == TARGET_YEAR)]
    gwr = outcomes.figure("digital_core_share", TARGET_YEAR)
    conf = outcomes.CONFIDENCE_ZH[gwr["confidence"]]
    sources = "唯一" if len(of_year) == 1 else f"{len(of_year)} 个来源之一"
    who = f"{sources}直接说到 {TARGET_YEAR} 年的来源是 {_spaced(gwr['document'])}"
    nbs23 = outcomes.figure("digital_core_share", CENSUS_YEAR, basis="census")
    nda24 = outcomes.figure("digital_core_share", TARGET_YEAR - 1, basis="国家数据局 briefing")
    context = (f"{CENSUS_YEAR} 年的 {prose(nbs23['value'])}%（国家统计局）与 {TARGET_YEAR - 1} 年的"
               f"“{prose(nda24['value'], 0)}% 左右”（国家数据局）是其他年份的数字，只作背景，"
               f"不是 {TARGET_YEAR} 年结果的读法")
    low = outcomes.figure("digital_core_share", TARGET_YEAR - 1, basis="press summary")
    rev = census_revision()
    nbs, nda = _source_gap()
    worst = min(s.value for s in specs) + target
    single = conf if len(of_year) == 1 else ""
    one = (f"这是单一来源的结论，可信度{conf}：同一个数字的几种读法不是相互独立的证据" if single
           else f"可信度{conf}")
    f = Finding.decide(
        "digital-core-target-2025", "digital-target", ">= 0", specs,
        quantity=f"{TARGET_YEAR} 年核心产业增加值占 GDP 比重的各种读法减去 {t}% 的目标（百分点）",
        robust=f"数字经济核心产业增加值占 GDP 的比重达到了“十四五”规划 {t}% 的目标：{who}，"
               f"对它的 {{n}} 种读法都不低于 {t}%，最低的是 {prose(worst, 2)}%；{one}。{context}。",
        depends=f"核心产业占比是否达到“十四五”规划 {t}% 的目标取决于读法：{who}，"
                f"在{{flips}}下低于 {t}%；{one}。{context}。",
        note=f"三种读法都只读 {TARGET_YEAR} 年的结果：所写的下限；“以上”前的数字按取整区间的下端；"
             f"再减去 {CENSUS_YEAR} 年国家数据局所说（{prose(nda, 0)}%）与国家统计局核算（{prose(nbs)}%）之差，"
             "即假定政府工作报告的数字像国家数据局那样高于国家统计局日后的核算。"
             f"分母不再按普查上调：第五次经济普查把 {rev['year']} 年 GDP 从首次公布的 {rev['first_release']:,.0f} 亿元"
             f"上调到 {rev['revised']:,.0f} 亿元，但 {TARGET_YEAR} 年的 GDP 公布时已是普查后的口径。"
             f"国家统计局尚未公布 {TARGET_YEAR} 年的核算数。低可信度的 {int(low['year'])} 年 {prose(low['value'])}%"
             "（英文机器摘要）不用来评分。",
        extra={"context": core_target_context(), "source_gap": {"nbs": nbs, "nda": nda, "year": CENSUS_YEAR},
               "census_revision": rev},
        single_source=single)
    status = outcomes.score().set_index("indicator").loc["digital_core_share", "status"]
    if (f.verdict == "robust") != (status == "met"):  # the chapter and the appendix print one verdict
        raise DataError(f"findings:{f.id}", "the finding and the outcomes appendix's score agree",
                        detail=f"finding {f.verdict}, score {status}")
    return f


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
