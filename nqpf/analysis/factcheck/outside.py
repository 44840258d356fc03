"""Seed figures against outside data in ``data/`` (NBS, CAICT, Penn World Table).

Every verdict follows from the numbers by a stated rule (:func:`~nqpf.analysis.factcheck.engine.judge`: the
reference value rounded to the precision the seed writes, or within the seed figure's rounding interval). A
reference row missing from ``data/`` gives "cannot check" with the file and year named, never a NaN that would
read as a conflict.
"""

from __future__ import annotations

from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import WAN_YI, MissingReference, combine, judge, make_row, round_half_up
from nqpf.core import data
from nqpf.core.errors import DataError
from nqpf.core.numbers import half_unit


def _value(name: str, year: int) -> tuple[float, str]:
    """The value (and source) of one year of an outside series; :class:`MissingReference` when the row is absent."""
    df = data.load(name)
    row = df[df["year"] == year]
    if row.empty:
        raise MissingReference(f"data/raw/{name}.csv", year)
    return float(row["value"].iloc[0]), str(row["source"].iloc[0])


REFERENCE = "factcheck_reference_figures"  # published figures the book's sources give that no series file holds


def _reference(key: str, year: int) -> float:
    df = data.load(REFERENCE)
    row = df[(df["key"] == key) & (df["year"] == year)]
    if row.empty:
        raise MissingReference(f"data/raw/{REFERENCE}.csv", year)
    return float(row["value"].iloc[0])


def _missing(key: str, claims, err: DataError) -> dict:
    """The row of a check whose reference data are absent: cannot check, naming file and rule."""
    return make_row(key, "outside", claims, f"缺少参照数据：{err}", "cannot check",
                    f"{err.path} 中没有核对所需的行（{err.rule}），无法核对")


_REASON_ZH = {"agrees": "与{ref}一致", "rounding": "与{ref}相差 {gap}，在所述数字的舍入范围之内",
              "conflicts": "与{ref}相差 {gap}，超出所述数字的舍入范围"}


def check_caict_scale() -> dict:
    c = engine.claim("000:36", r"2023年的{n}万亿元")
    try:
        caict, _ = _value("cn_digital_economy_scale", 2023)
    except MissingReference as err:
        return _missing("caict_scale", [c], err)
    gap = c.value - caict
    verdict = judge(caict, caict, caict, c.value, c.numbers[0])
    comp = (f"{c.numbers[0]} − {caict:g}（中国信通院，2024 年报告）= {gap:.1f} 万亿元（{gap / caict * 100:.1f} %）；"
            f"所述数字的舍入区间 ±{half_unit(c.numbers[0]):g}")
    reason = _REASON_ZH[verdict].format(ref=f"中国信通院的 {caict:g} 万亿元", gap=f"{gap / caict * 100:.1f} %")
    if verdict != "agrees":
        reason += "；种子未说明数字来源"
    return make_row("caict_scale", "outside", [c], comp, verdict, reason)


def check_caict_share() -> dict:
    c = engine.claim("000:36", r"占GDP比重升至{n}%")
    try:
        caict, _ = _value("cn_digital_economy_share_gdp", 2023)
    except MissingReference as err:
        return _missing("caict_share", [c], err)
    verdict = judge(caict, caict, caict, c.value, c.numbers[0])
    comp = f"中国信通院 2023 年 {caict:g} %，按所述精度四舍五入为 {round_half_up(caict, 0):.0f} %；种子 {c.numbers[0]} %"
    reason = ("与中国信通院一致" if verdict == "agrees" else
              f"中国信通院的 {caict:g} % 四舍五入为 {round_half_up(caict, 0):.0f} %，"
              + ("在所述数字的舍入范围之内" if verdict == "rounding" else "与所述不同，超出舍入范围"))
    return make_row("caict_share", "outside", [c], comp, verdict, reason)


def check_nbs_gdp() -> dict:
    c = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元，实际增速{n}%")
    try:
        nominal, _ = _value("cn_nominal_gdp", 2023)
        real, _ = _value("cn_real_gdp_growth", 2023)
    except MissingReference as err:
        return _missing("nbs_gdp_2023", [c], err)
    v_gdp = nominal / WAN_YI
    v1 = judge(v_gdp, v_gdp, v_gdp, c.values[0], c.numbers[0])
    v2 = judge(real, real, real, c.values[1], c.numbers[1])
    verdict = combine(v1, v2)
    comp = (f"国家统计局初步核算：{nominal:,.0f} 亿元 = {v_gdp:.2f} 万亿元（所述 {c.numbers[0]}），"
            f"实际增长 {real:g} %（所述 {c.numbers[1]} %）")
    reason = {"agrees": "与国家统计局 2024 年 1 月公布的初步核算数一致",
              "rounding": "与国家统计局的初步核算数在舍入范围之内相符",
              "conflicts": "与国家统计局的初步核算数不符，超出舍入范围"}[verdict]
    return make_row("nbs_gdp_2023", "outside", [c], comp, verdict, reason)


def check_rd_total() -> dict:
    """The seed's 2023 R&D total against both vintages: the preliminary figure (communiqué of February 2024) and
    the final one (R&D communiqué of October 2024). Agreeing with the preliminary is 'agrees (preliminary)'."""
    c = engine.claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    try:
        final, _ = _value("cn_rd_expenditure", 2023)
        prelim = _reference("rd_expenditure_preliminary", 2023)
    except MissingReference as err:
        return _missing("rd_final", [c], err)
    v_final = judge(final, final, final, c.value, c.numbers[0])
    v_prelim = judge(prelim, prelim, prelim, c.value, c.numbers[0])
    gap = final - c.value
    comp = (f"初步数（2024 年 2 月统计公报）{prelim:,.0f} 亿元；终值（2024 年 10 月科技经费投入统计公报）{final:,.1f} 亿元，"
            f"比种子的 {c.numbers[0]} 亿元高 {gap:,.1f} 亿元（{gap / c.value * 100:.2f} %）")
    if v_final == "agrees":
        verdict, reason = "agrees", "与科技经费投入统计公报的终值一致"
    elif v_prelim == "agrees":
        verdict, reason = "agrees (preliminary)", (f"与国家统计局的初步数一致；终值此后上调了 {gap / c.value * 100:.2f} %，"
                                                   "种子写作时终值尚未公布")
    else:
        verdict = combine(v_final, v_prelim) if "rounding" in (v_final, v_prelim) else "conflicts"
        reason = "与初步数、终值都不一致" + ("，但在舍入范围之内" if verdict == "rounding" else "，超出舍入范围")
    return make_row("rd_final", "outside", [c], comp, verdict, reason)


def check_rd_growth() -> dict:
    rd = engine.claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元人民幣，比 2022 年增長 {n}%")
    try:
        prev, _ = _value("cn_rd_expenditure", 2022)
    except MissingReference as err:
        return _missing("rd_growth", [rd], err)
    growth = (rd.values[0] / prev - 1) * 100
    verdict = judge(growth, growth, growth, rd.values[1], rd.numbers[1])
    comp = f"{rd.numbers[0]} ÷ {prev:,.1f}（2022 年统计公报）− 1 = {growth:.2f} %，所述 {rd.numbers[1]} %"
    reason = {"agrees": "按 2022 年公报数计算的增速与所述一致",
              "rounding": "按 2022 年公报数计算的增速与所述相差在舍入范围之内",
              "conflicts": "按 2022 年公报数计算的增速与所述不符，超出舍入范围"}[verdict]
    return make_row("rd_growth", "outside", [rd], comp, verdict, reason)


def check_pwt_growth(period: tuple[int, int]) -> dict:
    from nqpf.analysis import tfp

    start, end = period
    if period == (1978, 2012):
        c = engine.claim("000:12", r"平均增速{n}%")
    else:
        c = engine.claim("000:12", r"2013-2019年，GDP年均增长{n}%")
    p = tfp.read_period("000", start, end)  # the seed's period in the book's convention (growth years, base)
    res = tfp.decompose(tfp.pwt("11.0"), "CHN", p.first, p.last, compound=True)
    verdict = judge(res["gdp"], res["gdp"], res["gdp"], c.value, c.numbers[0])
    comp = (f"PWT 11.0 rgdpna，增长年份 {p.label}（基年 {p.base}）复合年均增长 {res['gdp']:.2f} %，"
            f"种子 {c.numbers[0]} %")
    reason = {"agrees": "与佩恩表（Penn World Table）计算的增速一致",
              "rounding": f"与佩恩表相差 {abs(res['gdp'] - c.value):.2f} 个百分点，在舍入范围之内",
              "conflicts": f"与佩恩表相差 {c.value - res['gdp']:.2f} 个百分点，超出舍入；佩恩表的实际 GDP 不是官方序列，"
                           "差异可能来自数据来源而非种子的错误"}[verdict]
    return make_row(f"pwt_growth_{start}_{end}", "outside", [c], comp, verdict, reason)


_PARTS = ("capital", "labour", "human_capital", "tfp")
_PARTS_ZH = {"capital": "资本", "labour": "劳动", "human_capital": "人力资本", "tfp": "TFP"}


def check_pwt_tfp() -> dict:
    """The seed's four contributions against PWT 11.0 (capital share 1 − labour share). Rule: each contribution
    judged at the precision written, the worst one decides; when they do not all agree and the seed states no
    method (an editorial judgement in ``data/labels/factcheck_editorial.csv``), a difference cannot tell an error
    from another specification, so the verdict is "cannot check"."""
    from nqpf.analysis import tfp

    c = engine.claim("000:12", r"1978-2012年，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点")
    p = tfp.read_period("000", 1978, 2012)
    res = tfp.decompose(tfp.pwt("11.0"), "CHN", p.first, p.last, compound=True)
    verdicts = [judge(res[k], res[k], res[k], v, w) for k, v, w in zip(_PARTS, c.values, c.numbers)]
    verdict = combine(*verdicts)
    comp = (f"PWT 11.0（增长年份 {p.label}，基年 {p.base}；资本份额 = 1 − 劳动份额）："
            + "、".join(f"{_PARTS_ZH[k]} {res[k]:.2f}（所述 {w}）" for k, w in zip(_PARTS, c.numbers)))
    ed = engine.editorial("pwt_tfp_1978_2012")
    if verdict == "agrees":
        reason = "四项拉动都与佩恩表按本书设定计算的结果一致"
    elif ed is not None and ed["judgement"] == "method not stated":
        verdict, reason = "cannot check", ed["reason"]
    else:
        reason = "与佩恩表按本书设定计算的结果" + ("在舍入范围之内" if verdict == "rounding" else "不符")
    return make_row("pwt_tfp_1978_2012", "outside", [c], comp, verdict, reason)


def check_hub_data() -> dict:
    from nqpf.analysis import digital

    c = engine.claim("000:36", r"在内的{n}个国家算力枢纽节点")
    nodes = digital.hub_counts()["nodes"]
    ok = nodes == int(c.value)
    return make_row("hub_nodes_data", "outside", [c], f"国家发展改革委等批复的枢纽节点：{nodes} 个", "agrees" if ok else "conflicts",
                "与 2022 年 2 月批复文件的节点数一致" if ok else "与批复文件的节点数不同")


def check_drones_2022() -> dict:
    """The 2022 drone stock backed out of the seed's 2023 level and growth (its rounding range) against CAAC's
    published 2022 stock (itself rounded to 0.1 万架): agrees when the two intervals overlap."""
    from nqpf.analysis import industries

    c = engine.claim("000:43", r"国内注册无人机{n}万架，同比2022年增长了{n}%")
    try:
        la = industries.low_altitude()
    except DataError as err:
        if not err.rule.startswith("has a row for"):
            raise
        return _missing("drones_2022_base", [c], err)
    lo, hi, caac = la["drones_2022_lo"], la["drones_2022_hi"], la["drones_2022_caac"]
    ok = lo - 0.05 <= caac <= hi + 0.05
    comp = (f"{c.numbers[0]} ÷ (1 + {c.numbers[1]} %) = {la['drones_2022']:.1f} 万架（舍入范围 {lo:.2f}–{hi:.2f}）；"
            f"民航局公布的 2022 年底为 {caac:g} 万架")
    return make_row("drones_2022_base", "outside", [c], comp, "agrees" if ok else "conflicts",
                    "倒推的 2022 年基数与民航局公布的数字一致" if ok else "倒推的 2022 年基数与民航局公布的数字不符")


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_caict_scale, check_caict_share, check_nbs_gdp, check_rd_total, check_rd_growth,
    lambda: check_pwt_growth((1978, 2012)), lambda: check_pwt_growth((2013, 2019)), check_pwt_tfp, check_hub_data,
    check_drones_2022,
]
