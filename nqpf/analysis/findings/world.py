"""Findings of the international comparison (book/world.md): where China's R&D intensity stands against the OECD
average and whether it is catching up, and how far China's labour productivity is from the US level, per person
and per hour worked. Each specification names its source and vintage, and compares like years: China's R&D
intensity is set against an OECD average of the same year (NBS's 2025 figure has none yet; its cross-year
comparisons are shown in ``extra`` and not counted).
"""

from __future__ import annotations

from nqpf.analysis import outcomes, world
from nqpf.analysis.findings import Finding, Spec
from nqpf.analysis.world.chapter_facts import LP_PERIOD, PWT_PERIOD
from nqpf.core.numbers import prose

__all__ = ["findings", "ppp_extrapolation", "RD", "LP_HALF", "MSTI_PREVIOUS_YEAR"]

RD = "GB.XPD.RSDV.GD.ZS"
LP_HALF = 50.0  # the chapter's claim: China's labour productivity is below half the US level
SECTION_RD = "world-innovation"
SECTION_LP = "world-labour"


def _rd(c: str, year: int) -> float:
    return world.value(RD, c, year)


def _mean(c: str, first: int, last: int) -> float:
    s = world.line(RD, c).loc[first:last]
    if len(s) != last - first + 1:
        raise KeyError(f"WDI lacks {RD} for {c} in some year of {first}-{last}")
    return float(s.mean())


# OECD's own "OECD area" intensity for the year before the one world.revision.MSTI_OECD_TOTAL quotes, as the same
# two MSTI highlights pages printed it ("rose from 2.37% in 2017 to 2.40% in 2018", February 2020; "from 2.34% in
# 2017 to 2.38% in 2018", August 2020; https://www.oecd.org/sti/msti.htm). Only to show that the MSTI-WDI gap moves.
MSTI_PREVIOUS_YEAR = {"MSTI 2019/2 (February 2020)": 2.37, "MSTI 2020/1 (August 2020)": 2.34}


def _oecd_ppp_basis(year: int, o: dict, gap: str = "msti_gap_high") -> float:
    """OECD's own (PPP-weighted) average in ``year`` extrapolated from WDI's dollar-weighted OED and one of the two
    MSTI-WDI gaps of the year MSTI is quoted (world.oecd_reconcile). An extrapolation biased upwards (the gap
    widened and the US weight at market rates rose after that year): shown, never a specification."""
    return _rd("OED", year) + o[gap]


def ppp_extrapolation() -> dict:
    """Why the extrapolated PPP average is not evidence: the MSTI-WDI gap in two consecutive years (each MSTI
    edition against WDI's OED, pp, WDI minus MSTI), the US share of OECD GDP at market rates and at PPP in the MSTI
    year and the latest WDI year (%), the extrapolated range and NBS 2025's margin over it (pp)."""
    from nqpf.analysis.world.revision import MSTI_OECD_TOTAL, _usd_ppp_share

    o = world.oecd_reconcile()
    y, my = o["wdi_latest_year"], o["msti_year"]
    wider = {y0: [_rd("OED", y0) - v for v in ed.values()]
             for y0, ed in ((my - 1, MSTI_PREVIOUS_YEAR), (my, MSTI_OECD_TOTAL[my]))}
    usd0, ppp0 = _usd_ppp_share(my)
    lo, hi = _oecd_ppp_basis(y, o, "msti_gap_low"), _oecd_ppp_basis(y, o)
    nbs = o["nbs_2025_preliminary"]
    return {"msti_year": my, "year": y, "gap_previous": wider[my - 1], "gap_msti_year": wider[my],
            "us_share_usd": (usd0 * 100, o["us_share_usd"]), "us_share_ppp": (ppp0 * 100, o["us_share_ppp"]),
            "low": lo, "high": hi, "nbs_2025": nbs, "margin": (nbs - hi, nbs - lo)}


def _span(values, digits: int = 2) -> str:
    a, b = prose(min(values), digits), prose(max(values), digits)
    return a if a == b else f"{a}–{b}"


def rd_below_oecd() -> Finding:
    """China's R&D intensity minus an OECD (or high-income) average of the same year, pp; "still below" needs < 0.
    Only averages computed or published for that year count. The OECD's own PPP average for the latest year is an
    extrapolation biased upwards (:func:`ppp_extrapolation`): described, not a specification. NBS's 2025 figure has
    no OECD average of its year: its comparisons are cross-year and kept in ``extra``."""
    o = world.oecd_reconcile()
    x = ppp_extrapolation()
    y = o["wdi_latest_year"]
    chn = _rd("CHN", y)
    nbs = o["nbs_2025_preliminary"]
    restated = outcomes.rd_final()  # the 2024 communiqué restates 2023 on the census GDP
    ry, r_int = int(restated["year"]) - 1, float(restated["intensity_2023_restated"])
    my = o["msti_year"]
    specs = [
        Spec(f"WDI {y}：中国对 OECD 成员（世界银行，美元 GDP 加权）", chn - _rd("OED", y)),
        Spec(f"WDI {y}：中国对高收入经济体", chn - _rd("HIC", y)),
        Spec(f"WDI {y - 2}–{y} 三年均值：中国对 OECD 成员", _mean("CHN", y - 2, y) - _mean("OED", y - 2, y)),
        Spec(f"WDI {y}：中国对 OECD 成员（美国按 PPP 份额重新加权）", chn - o["oed_us_at_ppp"]),
        Spec(f"{my} 年：WDI 中国对 OECD MSTI 公布的 OECD 整体（较低的一版）", _rd("CHN", my) - o["msti_low"]),
        Spec(f"NBS {ry}（{restated['year']} 年公报按普查后 GDP 修订）对 WDI {ry} OECD 成员", r_int - _rd("OED", ry)),
    ]
    cross = {
        f"NBS 2025 初步数对 WDI {y} OECD 成员": nbs - _rd("OED", y),
        f"NBS 2025 初步数对 WDI {y} OECD 成员（美国按 PPP 份额重新加权）": nbs - o["oed_us_at_ppp"],
        f"NBS 2025 初步数对 OECD 自身口径 {y}（推算上端）": nbs - x["high"],
        f"NBS 2025 初步数对 OECD 自身口径 {y}（推算下端）": nbs - x["low"],
    }
    usd, ppp = x["us_share_usd"], x["us_share_ppp"]
    ppp_part = (
        f"OECD 自身按购买力平价加权的 {y} 年平均没有公布：把 {my} 年 OECD《主要科学技术指标》（MSTI）与 WDI 平均之差"
        f"原样加到 {y} 年的 WDI 平均上，约为 {prose(x['low'], 2)}%–{prose(x['high'], 2)}%，这是推算、方向偏高、"
        f"不计入判断：这一差距并不恒定（同一 MSTI 页面，WDI 平均在 {my - 1} 年高出 {_span(x['gap_previous'])}、"
        f"{my} 年高出 {_span(x['gap_msti_year'])} 个百分点），而美国占 OECD 成员 GDP 的份额按汇率从 {my} 年的 "
        f"{prose(usd[0])}% 升到 {y} 年的 {prose(usd[1])}%，按购买力平价则是 {prose(ppp[0])}% 和 {prose(ppp[1])}%，"
        "并没有上升，WDI 平均后来被美国的汇率权重抬高的部分被带进了推算值。")
    later = (f"国家统计局说 2025 年的 {prose(nbs)}%“首次超过 OECD 平均”，比的应是这一口径：{prose(nbs)}% 只比推算值高 "
             f"{_span(x['margin'])} 个百分点，推算值偏高使这一差距显得偏小，OECD 平均在 {y} 年之后的变化又未知"
             f"（拿 2025 年与 {y} 年相比是跨年份的比较），所以这一读法无法判定。")
    return Finding.decide(
        "world-rd-below-oecd", SECTION_RD, "< 0", specs,
        robust=f"按同一年比较（{y} 年），中国的研发强度（WDI {prose(chn, 2)}%）低于世界银行的每一种平均："
               f"按美元 GDP 加权的 OECD 成员平均为 {prose(_rd('OED', y), 2)}%，高收入经济体、三年均值和把美国换成"
               f"购买力平价权重的平均也都更高；{my} 年它也低于 OECD 公布的按购买力平价加权的 OECD 整体。"
               + ppp_part + later,
        depends=f"按同一年比较（{y} 年），中国的研发强度（WDI {prose(chn, 2)}%）低于世界银行按美元 GDP 加权的 OECD "
                f"成员平均（{prose(_rd('OED', y), 2)}%），但在以下设定下并不更低：{{flips}}。" + ppp_part + later,
        quantity="中国研发强度减同一年的 OECD（或高收入经济体）平均，百分点",
        note="python -m nqpf world oecd；WDI 的 OECD 成员汇总按现价美元 GDP 加权，OECD 自己的 MSTI 按购买力平价加权。"
             "每一种设定两边取同一年、都是计算或公布的数字；由 MSTI 外推的 OECD 自身口径只作说明，列于 extra.ppp，"
             "NBS 2025 年初步数只能与较早年份的 OECD 平均相比，另列于 extra.cross_year，都不计入判断。",
        extra={"cross_year": {k: float(v) for k, v in cross.items()}, "same_year": y,
               "ppp": {k: (list(v) if isinstance(v, (tuple, list)) else v) for k, v in x.items()}})


def rd_catchup() -> Finding:
    """Change of China's R&D-intensity gap to a benchmark, pp a year; the claim "catching up" needs > 0."""
    y = int(world.line(RD, "CHN").index.max())
    b = y - 10

    def closing(bench, first, last):
        gap0 = _rd("CHN", first) - bench(first)
        gap1 = _rd("CHN", last) - bench(last)
        return (gap1 - gap0) / (last - first)

    def lead(year):
        return sum(_rd(c, year) for c in world.LEADERS) / len(world.LEADERS)

    specs = [
        Spec(f"对 OECD 成员，{b}–{y}", closing(lambda t: _rd("OED", t), b, y)),
        Spec(f"对高收入经济体，{b}–{y}", closing(lambda t: _rd("HIC", t), b, y)),
        Spec(f"对韩日德平均，{b}–{y}", closing(lead, b, y)),
        Spec(f"对美国，{b}–{y}", closing(lambda t: _rd("USA", t), b, y)),
        Spec(f"对 OECD 成员，{y - 5}–{y}", closing(lambda t: _rd("OED", t), y - 5, y)),
        Spec(f"对 OECD 成员，三年均值 {b - 2}–{b} 至 {y - 2}–{y}",
             ((_mean("CHN", y - 2, y) - _mean("OED", y - 2, y)) - (_mean("CHN", b - 2, b) - _mean("OED", b - 2, b)))
             / 10),
    ]
    return Finding.decide(
        "world-rd-catchup", SECTION_RD, "> 0", specs,
        robust="过去十年中国研发强度与领先者的差距（百分点）在每一种比较下都在缩小。",
        depends="中国研发强度与领先者的差距（百分点）并非在每种比较下都缩小：{n} 种比较中 {k} 种缩小，"
                "没有缩小的是：{flips}。",
        quantity="中国研发强度与基准之差的年均变化，百分点/年（正值为差距缩小）",
        note="WDI 2026-07，研发强度以各国最新修订的 GDP 为分母。")


def lp_gap_closing() -> Finding:
    """Compound growth of China's labour productivity relative to the US, % a year; "closing" needs > 0."""
    g10 = world.productivity_gap("CHN", *LP_PERIOD)
    gall = world.productivity_gap("CHN")
    g5 = world.productivity_gap("CHN", LP_PERIOD[1] - 4, LP_PERIOD[1])
    h = world.hours_gap("CHN", *PWT_PERIOD)
    p0, p1 = PWT_PERIOD
    specs = [
        Spec(f"WDI 就业人员人均，{LP_PERIOD[0]}–{LP_PERIOD[1]}", g10["relative_growth"]),
        Spec(f"WDI 就业人员人均，{gall['first']}–{gall['last']}", gall["relative_growth"]),
        Spec(f"WDI 就业人员人均，{g5['first']}–{g5['last']}", g5["relative_growth"]),
        Spec(f"PWT 11.0 每个就业者，{p0}–{p1}", h["relative_growth_person"]),
        Spec(f"PWT 11.0 每工作小时，{p0}–{p1}", h["relative_growth_hour"]),
    ]
    return Finding.decide(
        "world-lp-gap-closing", SECTION_LP, "> 0", specs,
        robust="中国劳动生产率与美国的差距在缩小：按人数或按工时、按 WDI 或 PWT、按各个时期都是如此。",
        depends="中国劳动生产率与美国的差距在 {n} 种设定中的 {k} 种下缩小，没有缩小的是：{flips}。",
        quantity="中国劳动生产率相对美国的年均增长，%", note="python -m nqpf world lp-gap；python -m nqpf world hours")


def lp_below_half() -> Finding:
    """China's labour productivity as % of the US level; "below half" needs < 50."""
    g = world.productivity_gap("CHN")
    h = world.hours_gap("CHN", *PWT_PERIOD)
    specs = [
        Spec(f"WDI 就业人员人均，{g['last']}", g["rel_last"]),
        Spec(f"PWT 11.0 每个就业者，{PWT_PERIOD[1]}", h["rel_person"]),
        Spec(f"PWT 11.0 每工作小时，{PWT_PERIOD[1]}", h["rel_hour"]),
    ]
    return Finding.decide(
        "world-lp-below-half", SECTION_LP, f"< {LP_HALF:g}", specs,
        robust="中国的劳动生产率不到美国的一半：按就业人数或按工作小时、按 WDI 或 PWT 都是如此。",
        depends="中国的劳动生产率是否不到美国的一半取决于口径，已达到一半的是：{flips}。",
        quantity="中国劳动生产率相当于美国的百分比，%", note="python -m nqpf world lp-gap；python -m nqpf world hours")


def inputs_ahead_of_efficiency() -> Finding:
    """An input's level relative to the frontier minus an efficiency measure's, percentage points; the chapter's
    claim "inputs have caught up further than efficiency" needs > 0. Each pair is taken in one year."""
    y = PWT_PERIOD[1]
    tfp = float(world.pwt_levels(y, y).set_index("countrycode").loc["CHN", "ctfp"]) * 100
    h = world.hours_gap("CHN", y, y)
    rd_usa = _rd("CHN", y) / _rd("USA", y) * 100
    rd_oed = _rd("CHN", y) / _rd("OED", y) * 100
    res = "SP.POP.SCIE.RD.P6"
    ry = int(min(world.line(res, "CHN").index.max(), world.line(res, "USA").index.max()))
    res_usa = world.value(res, "CHN", ry) / world.value(res, "USA", ry) * 100
    tfp_ry = float(world.pwt_levels(ry, ry).set_index("countrycode").loc["CHN", "ctfp"]) * 100
    specs = [
        Spec(f"研发强度相对 OECD 成员 − TFP 水平相对美国（{y}）", rd_oed - tfp),
        Spec(f"研发强度相对美国 − TFP 水平相对美国（{y}）", rd_usa - tfp),
        Spec(f"研发强度相对美国 − 每个就业者的劳动生产率相对美国（{y}）", rd_usa - h["rel_person"]),
        Spec(f"研发强度相对美国 − 每小时劳动生产率相对美国（{y}）", rd_usa - h["rel_hour"]),
        Spec(f"每百万人研究人员相对美国 − TFP 水平相对美国（{ry}）", res_usa - tfp_ry),
    ]
    return Finding.decide(
        "world-inputs-ahead-of-efficiency", "world-limits", "> 0", specs,
        robust="投入的追赶走在效率前面：无论用研发强度还是研究人员衡量投入，它都比 TFP 和劳动生产率更接近前沿。",
        depends="投入是否比效率更接近前沿取决于用哪种投入衡量：{n} 种比较中 {k} 种如此，不如此的是：{flips}。",
        quantity="中国的投入相当于前沿的百分比减去效率相当于美国的百分比，百分点",
        note="WDI 2026-07（研发强度、研究人员）；PWT 11.0（ctfp、劳动生产率）。每组比较取同一年。")


def findings() -> list[Finding]:
    return [rd_below_oecd(), rd_catchup(), lp_gap_closing(), lp_below_half(), inputs_ahead_of_efficiency()]
