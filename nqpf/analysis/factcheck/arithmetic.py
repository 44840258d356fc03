"""Internal arithmetic: parts that should add up to a stated total, ratios of two stated figures."""

from __future__ import annotations

from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import WAN_YI, fmt, judge, make_row, ratio_range, round_half_up, sum_range


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


def check_growth_2013_2019() -> dict:
    return _components("growth_2013_2019", "000:12",
                       r"2013-2019年，GDP年均增长[\d.]+%，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点",
                       r"GDP年均增长{n}%", "2013–2019 年四项拉动")


def check_pboc_shares() -> dict:
    c = engine.claim("004:37", r"1978-2020 年 TFP 對中國經濟增長的平均貢獻率達 {n}%，低於資本要素的平均貢獻率\({n}%\)，但高於勞動要素平均貢獻率\({n}%\)")
    exact, lo, hi = sum_range(c)
    verdict = judge(exact, lo, hi, 100.0, "100", exact_stated=True)
    comp = f"{' + '.join(c.numbers)} = {fmt(exact, 1)}（舍入范围 {fmt(lo)}–{fmt(hi)}），三项贡献率应合计 100"
    reason = ("三项贡献率之和恰为 100 %" if verdict == "agrees" else
              f"合计 {fmt(exact, 1)} %，多出的 {fmt(exact - 100, 1)} 个百分点在三项各一位小数的舍入范围之内"
              if verdict == "rounding" else f"合计 {fmt(exact, 1)} %，超出舍入范围")
    return make_row("pboc_shares", "arithmetic", [c], comp, verdict, reason)


def check_digital_share() -> dict:
    scale = engine.claim("000:36", r"2023年的{n}万亿元")
    share = engine.claim("000:36", r"占GDP比重升至{n}%")
    gdp = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    exact, lo, hi = ratio_range(scale, gdp, 100)
    verdict = judge(exact, lo, hi, share.value, share.numbers[0])
    comp = f"{scale.numbers[0]} ÷ {gdp.numbers[0]} = {fmt(exact)} %（舍入范围 {fmt(lo)}–{fmt(hi)} %），所述 {share.numbers[0]} %"
    reason = {"agrees": "比值四舍五入后等于所述比重",
              "rounding": f"比值 {fmt(exact, 1)} % 四舍五入应为 {round_half_up(exact, 0):.0f} %，所述 {share.numbers[0]} % 只在输入数字的舍入范围边缘成立，更像是截尾而非四舍五入",
              "conflicts": "比值超出舍入范围"}[verdict]
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
    c = engine.claim("004:79", r"幾近倍增，從2014年的{n}%快速上升至2023年的{n}%以上")
    s0, s1 = c.values
    comp = f"{c.numbers[1]} ÷ {c.numbers[0]} = {s1 / s0:.2f} 倍；翻一番需要约 {fmt(2 * s0, 1)} %"
    reason = (f"按下限 {c.numbers[1]} % 只增长了 {(s1 / s0 - 1) * 100:.0f} %；“以上”未给上限，"
              "“几近倍增”既无法证实也无法否定")
    return make_row("sei_doubling", "arithmetic", [c], comp, "cannot check", reason)


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_growth_1978_2012, check_growth_2013_2019, check_pboc_shares, check_digital_share,
    check_basic_research_share, check_rd_implied_gdp, check_sei_doubling,
]
