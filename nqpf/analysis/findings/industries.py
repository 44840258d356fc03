"""Findings of the three-industries chapter (book/industries.md) and of the fact-check appendix (book/factcheck.md).

``sei-target-2025``: the chapter's claim that reaching 17 % in 2025 required SEI value added to grow faster than it
had (required − past pace > 0), over the specifications of :func:`nqpf.analysis.industries.target_specifications`:
the base share (the seed's 2023 "13 % 以上", which exists only in the seeds, read as 13 or 13.5; the last official
figures, 2019 and 2022) and nominal GDP growth (realised on the standard series, or the 2023 outturn).

``factcheck-most-hold``: the introduction's "种子中的数字大多经得起核对": the share of checks whose verdict is not a
conflict is above half, counted four ways (which verdicts count as holding, whether checks that cannot be made
count in the denominator).
"""

from __future__ import annotations

from functools import lru_cache

from nqpf.analysis import factcheck
from nqpf.analysis import industries as ind
from nqpf.analysis.findings import Finding, Spec

__all__ = ["findings", "sei_target_2025", "factcheck_most_hold"]


@lru_cache(maxsize=1)
def sei_target_2025() -> Finding:
    specs = ind.target_specifications()
    head = specs.iloc[0]  # the seed's 13 % with realised 2024–2025 GDP growth: the chapter's headline
    official = ind.last_official_year()
    s23, target = f"{ind.figure('sei_share_2023'):g}%", f"{ind.figure('sei_target_2025'):g}%"
    tail = (f"{official} 年以后没有官方公布的比重（最新官方数是 {official} 年的"
            f"“超过 {ind.official_share(official):g}%”），2023 年的“{s23}以上”只见于种子，"
            f"{target}的目标是否实现无法判断。")
    head_text = (f"以种子所说的 2023 年 {s23} 为起点、按 2024–2025 年实际名义 GDP 增长，"
                 f"达到 {target} 需要战略性新兴产业增加值每年增长 {head['required_sei_growth']:.1f}%，"
                 f"高于此前约 {head['past_sei_growth']:.1f}% 的速度；")
    robust = head_text + "全部 {n} 种设定下目标都要求加速。" + tail
    depends = (head_text + "但从最后的官方数出发（{flips}），过去的速度就已足够："
               "“目标要求加速”取决于只见于种子的 2023 年数字。" + tail)
    return Finding.decide(
        "sei-target-2025", "industries-sei", "> 0",
        [Spec(r.specification, round(float(r.gap), 6)) for r in specs.itertuples()],
        robust=robust, depends=depends,
        quantity="达到 2025 年目标所需的增加值年均名义增长减去此前的速度（百分点）",
        note="python -m nqpf industries targets; 设定：起点比重（种子 13% 或 13.5%，官方 2019、2022 年）× 名义 GDP 增长"
             "（标准序列的实际值或 2023 年增速）",
        extra={"required_headline": float(head["required_sei_growth"]), "past_headline": float(head["past_sei_growth"]),
               "last_official_year": official})


@lru_cache(maxsize=1)
def factcheck_most_hold() -> Finding:
    c = factcheck.counts()
    held_strict = c["agrees"] + c["agrees_preliminary"]
    held = held_strict + c["rounding"]
    checkable = c["n"] - c["cannot_check"]
    specs = [
        Spec("一致（含初步数）÷ 全部核查", held_strict / c["n"] * 100),
        Spec("一致、初步数与舍入误差内 ÷ 全部核查", held / c["n"] * 100),
        Spec("一致（含初步数）÷ 可核对的核查", held_strict / checkable * 100),
        Spec("一致、初步数与舍入误差内 ÷ 可核对的核查", held / checkable * 100),
    ]
    robust = (f"种子中的数字大多经得起核对：{c['n']} 项核查中矛盾 {c['conflicts']} 项，"
              "经得起核对的比例按 {n} 种算法都超过一半。")
    depends = (f"种子中的数字是否大多经得起核对取决于算法：{c['n']} 项核查中矛盾 {c['conflicts']} 项，"
               "按{flips}计不到一半。")
    return Finding.decide("factcheck-most-hold", "factcheck-method", "> 50", specs, robust=robust, depends=depends,
                          quantity="经得起核对的核查所占比例（%）", note="python -m nqpf factcheck summary",
                          extra=dict(c))


def findings() -> list[Finding]:
    return [sei_target_2025(), factcheck_most_hold()]
