"""Internal arithmetic: parts that should add up to a stated total, ratios of two stated figures."""

from __future__ import annotations

from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import (
    WAN_YI,
    fmt,
    judge,
    make_row,
    nearest_multiple,
    ratio_range,
    round_half_up,
    sum_range,
)
from nqpf.core.numbers import decimals, half_unit


def single_ends(a, b, stated, scale: float = 1.0) -> list[str]:
    """Which single input of the ratio a/b × scale, moved alone to the end of its rounding interval that favours
    the stated figure, makes the ratio round to the stated figure (written as ``stated.numbers[0]``).

    Returns the inputs as written ("56.1", "126"); empty when each needs the other's help.
    """
    d, target = decimals(stated.numbers[0]), stated.value
    out = []
    va, vb = a.value, b.value
    exact = va / vb * scale
    down = exact > target  # the ratio must fall towards the stated figure
    ha, hb = half_unit(a.numbers[0]), half_unit(b.numbers[0])
    moved = {a.numbers[0]: ((va - ha) if down else (va + ha)) / vb * scale,
             b.numbers[0]: va / ((vb + hb) if down else (vb - hb)) * scale}
    for written, value in moved.items():
        if round_half_up(value, d) == target:
            out.append(written)
    return out


def _components(key: str, ref: str, parts_pattern: str, total_pattern: str, label: str) -> dict:
    parts, total = engine.claim(ref, parts_pattern), engine.claim(ref, total_pattern)
    exact, lo, hi = sum_range(parts)
    verdict = judge(exact, lo, hi, total.value, total.numbers[0])
    comp = f"{' + '.join(parts.numbers)} = {fmt(exact, 1)}（各项舍入后可在 {fmt(lo)}–{fmt(hi)} 之间），所述总量 {total.numbers[0]}"
    reason = {"agrees": f"{label}之和恰好等于所述增速",
              "rounding": f"{label}之和与所述增速相差 {fmt(abs(exact - total.value), 1)} 个百分点，在各项一位小数的舍入范围之内",
              "conflicts": f"{label}之和与所述增速相差 {fmt(abs(exact - total.value), 1)} 个百分点，超出舍入范围"}[verdict]
    return make_row(key, "arithmetic", [parts, total], comp, verdict, reason)


def check_growth_1978_2012() -> dict:
    return _components("growth_1978_2012", "000:12",
                       r"1978-2012年，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点",
                       r"平均增速{n}%", "1978–2012 年四项拉动")


_PARTS_2013 = (r"2013-2019年，GDP年均增长[\d.]+%，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点",
               r"GDP年均增长{n}%")


def growth_gap_2013_2019() -> float:
    """Seed 000 line 12: |sum of the four 2013–2019 contributions − the stated growth| in percentage points."""
    parts, total = (engine.claim("000:12", pat) for pat in _PARTS_2013)
    return abs(sum(parts.values) - total.value)


def check_growth_2013_2019() -> dict:
    return _components("growth_2013_2019", "000:12", *_PARTS_2013, "2013–2019 年四项拉动")


def check_pboc_shares() -> dict:
    c = engine.claim("004:37", r"1978-2020 年 TFP 對中國經濟增長的平均貢獻率達 {n}%，低於資本要素的平均貢獻率\({n}%\)，但高於勞動要素平均貢獻率\({n}%\)")
    exact, lo, hi = sum_range(c)
    verdict = judge(exact, lo, hi, 100.0, "100", exact_stated=True)
    comp = f"{' + '.join(c.numbers)} = {fmt(exact, 1)}（舍入范围 {fmt(lo)}–{fmt(hi)}），三项贡献率应合计 100"
    reason = ("三项贡献率之和恰为 100 %" if verdict == "agrees" else
              f"合计 {fmt(exact, 1)} %，多出的 {fmt(exact - 100, 1)} 个百分点在三项各一位小数的舍入范围之内"
              if verdict == "rounding" else f"合计 {fmt(exact, 1)} %，超出舍入范围")
    return make_row("pboc_shares", "arithmetic", [c], comp, verdict, reason)


def digital_share_figures() -> dict:
    """Seed 000's digital economy (56.1 万亿元) over its GDP (126 万亿元) against its stated share (44 %): the ratio,
    its rounding range, the ratio rounded as the share is written, and which single input at its unfavourable end
    suffices for the stated share."""
    scale = engine.claim("000:36", r"2023年的{n}万亿元")
    share = engine.claim("000:36", r"占GDP比重升至{n}%")
    gdp = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    exact, lo, hi = ratio_range(scale, gdp, 100)
    return {"scale": scale, "share": share, "gdp": gdp, "exact": exact, "lo": lo, "hi": hi,
            "rounded": round_half_up(exact, decimals(share.numbers[0])), "single_ends": single_ends(scale, gdp, share, 100)}


def check_digital_share() -> dict:
    f = digital_share_figures()
    scale, share, gdp, exact, lo, hi = (f[k] for k in ("scale", "share", "gdp", "exact", "lo", "hi"))
    verdict = judge(exact, lo, hi, share.value, share.numbers[0])
    comp = f"{scale.numbers[0]} ÷ {gdp.numbers[0]} = {fmt(exact)} %（舍入范围 {fmt(lo)}–{fmt(hi)} %），所述 {share.numbers[0]} %"
    ends = f["single_ends"]
    if verdict == "rounding":
        how = ("只需一个输入取其舍入区间的不利一端即可成立（" + "，或".join(
            f"{'规模' if w == scale.numbers[0] else ' GDP '}取 {fmt(v, 2)}"
            for w, v in ((w, (scale.value - half_unit(w)) if w == scale.numbers[0] else gdp.value + half_unit(w))
                         for w in ends)) + "）") if ends else "需要两个输入同时取其舍入区间的不利一端才成立"
        reason = (f"比值 {fmt(exact, 1)} % 四舍五入应为 {round_half_up(exact, 0):.0f} %，所述 {share.numbers[0]} % "
                  f"{how}，更像是截尾而非四舍五入")
    else:
        reason = {"agrees": "比值四舍五入后等于所述比重", "conflicts": "比值超出舍入范围"}[verdict]
    return make_row("digital_share", "arithmetic", [scale, share, gdp], comp, verdict, reason)


def check_basic_research_share() -> dict:
    basic = engine.claim("004:59", r"基礎研究經費在 2023 年為 {n} 億元")
    share = engine.claim("004:59", r"佔 R&D 經費總支出的比重上升至 {n}%")
    total = engine.claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    exact, lo, hi = ratio_range(basic, total, 100)
    verdict = judge(exact, lo, hi, share.value, share.numbers[0])
    comp = f"{basic.numbers[0]} ÷ {total.numbers[0]} = {exact:.3f} %，所述 {share.numbers[0]} %"
    reason = {"agrees": "两个数字之比四舍五入到两位小数正是所述比重",
              "rounding": "在舍入范围之内", "conflicts": "超出舍入范围"}[verdict]
    return make_row("basic_research_share", "arithmetic", [basic, total, share], comp, verdict, reason)


def check_rd_implied_gdp() -> dict:
    rd = engine.claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    intensity = engine.claim("004:57", r"R&D 投入強度\(與國內生產總值之比\)為 {n}%")
    gdp = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    implied, lo, hi = ratio_range(rd, intensity, 100 / WAN_YI)
    verdict = judge(implied, lo, hi, gdp.value, gdp.numbers[0])
    comp = (f"{rd.numbers[0]} 亿元 ÷ {intensity.numbers[0]} % = {fmt(implied)} 万亿元（舍入范围 {fmt(lo)}–{fmt(hi)}），"
            f"种子000所述 GDP {gdp.numbers[0]} 万亿元")
    reason = {"agrees": "研发经费与投入强度隐含的 GDP 与另一份种子所述 GDP 一致",
              "rounding": "隐含 GDP 与所述 GDP 在舍入范围内相符", "conflicts": "隐含 GDP 与所述 GDP 不符"}[verdict]
    return make_row("rd_implied_gdp", "arithmetic", [rd, intensity, gdp], comp, verdict, reason)


def check_sei_doubling() -> dict:
    """Seed 004 line 79: the share "幾近倍增" (nearly doubled) from 7.6 % to "13 % 以上". Rule
    (:func:`~nqpf.analysis.factcheck.engine.nearest_multiple`): nearly doubled agrees when the ratio rounds to 2
    (1.5 ≤ ratio < 2.5); "以上" makes 13 a lower bound, so a ratio short of that band could not be refuted."""
    c = engine.claim("004:79", r"幾近倍增，從2014年的{n}%快速上升至2023年的{n}%(以上)?")
    s0, s1 = c.values[0], c.values[1]
    lower_bound = c.raw.endswith("以上")
    h0, h1 = half_unit(c.numbers[0]), half_unit(c.numbers[1])
    exact, lo, hi = s1 / s0, (s1 - h1) / (s0 + h0), (s1 + h1) / (s0 - h0)
    verdict = nearest_multiple(lo, exact, hi, 2, lower_bound)
    comp = (f"{c.numbers[1]} ÷ {c.numbers[0]} = {exact:.2f} 倍（舍入范围 {lo:.2f}–{hi:.2f}"
            + (f"，且 {c.numbers[1]} % 是下限" if lower_bound else "") + "）；“几近倍增”按倍数四舍五入为 2（1.5–2.5 倍）判断")
    reason = {"agrees": f"比重升至原来的 {exact:.2f} 倍，“几近倍增”（接近翻番，而非已经翻番）的说法成立",
              "rounding": "倍数只在输入数字的舍入范围内接近翻番",
              "cannot check": "按下限计算的倍数不足以称为接近翻番，但“以上”未给上限，无法否定",
              "conflicts": f"倍数 {exact:.2f} 与“几近倍增”不符"}[verdict]
    return make_row("sei_doubling", "arithmetic", [c], comp, verdict, reason)


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_growth_1978_2012, check_growth_2013_2019, check_pboc_shares, check_digital_share,
    check_basic_research_share, check_rd_implied_gdp, check_sei_doubling,
]
