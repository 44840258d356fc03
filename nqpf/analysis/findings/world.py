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

__all__ = ["findings", "RD", "LP_HALF"]

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


def _oecd_ppp_basis(year: int, o: dict) -> float:
    """OECD's own (PPP-weighted) average in ``year`` as estimated from WDI's dollar-weighted OED and the larger of
    the two MSTI-WDI gaps of the year MSTI is quoted (world.oecd_reconcile); the upper end, so "below" is harder."""
    return _rd("OED", year) + o["msti_gap_high"]


def rd_below_oecd() -> Finding:
    """China's R&D intensity minus an OECD (or high-income) average of the same year, pp; "still below" needs < 0.
    NBS's 2025 figure has no OECD average of its year: its comparisons are cross-year and kept in ``extra``."""
    o = world.oecd_reconcile()
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
        Spec(f"WDI {y}：中国对 OECD 自身的购买力平价口径（由 MSTI 与 WDI 之差推算的上端）",
             chn - _oecd_ppp_basis(y, o)),
        Spec(f"{my} 年：WDI 中国对 OECD MSTI 公布的 OECD 整体（较低的一版）", _rd("CHN", my) - o["msti_low"]),
        Spec(f"NBS {ry}（{restated['year']} 年公报按普查后 GDP 修订）对 OECD 自身口径 {ry}（推算上端）",
             r_int - _oecd_ppp_basis(ry, o)),
    ]
    cross = {
        f"NBS 2025 初步数对 WDI {y} OECD 成员": nbs - _rd("OED", y),
        f"NBS 2025 初步数对 WDI {y} OECD 成员（美国按 PPP 份额重新加权）": nbs - o["oed_us_at_ppp"],
        f"NBS 2025 初步数对 OECD 自身口径 {y}（推算上端）": nbs - _oecd_ppp_basis(y, o),
    }
    lo, hi = _rd("OED", y) + o["msti_gap_low"], _oecd_ppp_basis(y, o)
    later = (f"国家统计局说 2025 年的 {prose(nbs)}%“首次超过 OECD 平均”：OECD 还没有 2025 年的平均，"
             f"拿它与 {y} 年的 OECD 平均相比是跨年份的比较，不计入判断。")
    return Finding.decide(
        "world-rd-below-oecd", SECTION_RD, "< 0", specs,
        robust=f"按同一年比较（{y} 年），无论用哪一种 OECD 平均，中国的研发强度（WDI {prose(chn, 2)}%）都低于它："
               f"世界银行按美元 GDP 加权的 OECD 成员平均为 {prose(_rd('OED', y), 2)}%，"
               f"按 OECD 自身购买力平价口径外推约为 {prose(lo, 2)}%–{prose(hi, 2)}%（外推值，不是 OECD 公布的数字："
               f"本书所用的 OECD《主要科学技术指标》（MSTI）OECD 整体研发强度只有 {my} 年的两次发布，"
               f"外推把 {my} 年它与 WDI 平均之差原样加到 {y} 年的 WDI 平均上，假定 {y - my} 年间这一差距不变）。"
               + later,
        depends=f"按同一年比较（{y} 年），中国的研发强度（WDI {prose(chn, 2)}%）低于世界银行按美元 GDP 加权的 OECD "
                f"成员平均（{prose(_rd('OED', y), 2)}%），但在以下设定下并不更低：{{flips}}。" + later,
        quantity="中国研发强度减同一年的 OECD（或高收入经济体）平均，百分点",
        note="python -m nqpf world oecd；WDI 的 OECD 成员汇总按现价美元 GDP 加权，OECD 自己的 MSTI 按购买力平价加权。"
             "每一种设定两边取同一年；NBS 2025 年初步数只能与较早年份的 OECD 平均相比，另列于 extra.cross_year，"
             "不计入判断。",
        extra={"cross_year": {k: float(v) for k, v in cross.items()}, "same_year": y})


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
