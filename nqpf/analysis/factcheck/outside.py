"""Seed figures against outside data in ``data/`` (NBS, CAICT, Penn World Table)."""

from __future__ import annotations

from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import WAN_YI, judge, make_row, round_half_up
from nqpf.core import data
from nqpf.core.errors import DataError


def _value(name: str, year: int) -> tuple[float, str]:
    df = data.load(name)
    row = df[df["year"] == year]
    if row.empty:
        raise DataError(f"data/raw/{name}.csv", f"has a row for {year}")
    return float(row["value"].iloc[0]), str(row["source"].iloc[0])


def check_caict_scale() -> dict:
    c = engine.claim("000:36", r"2023年的{n}万亿元")
    caict, _ = _value("cn_digital_economy_scale", 2023)
    gap = c.value - caict
    comp = f"{c.numbers[0]} − {caict:g}（中国信通院，2024 年报告）= {gap:.1f} 万亿元（{gap / caict * 100:.1f} %）"
    return make_row("caict_scale", "outside", [c], comp, "conflicts",
                f"比中国信通院的 {caict:g} 万亿元高出 {gap / caict * 100:.1f} %，远超舍入；种子未说明数字来源")


def check_caict_share() -> dict:
    c = engine.claim("000:36", r"占GDP比重升至{n}%")
    caict, _ = _value("cn_digital_economy_share_gdp", 2023)
    verdict = judge(caict, caict, caict, c.value, c.numbers[0])
    comp = f"中国信通院 2023 年 {caict:g} %，种子 {c.numbers[0]} %"
    return make_row("caict_share", "outside", [c], comp, verdict,
                f"中国信通院的 {caict:g} % 四舍五入为 {round_half_up(caict, 0):.0f} %，与所述不同" if verdict != "agrees"
                else "与中国信通院一致")


def check_nbs_gdp() -> dict:
    c = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元，实际增速{n}%")
    nominal, _ = _value("cn_nominal_gdp", 2023)
    real, _ = _value("cn_real_gdp_growth", 2023)
    v_gdp = nominal / WAN_YI
    v1 = judge(v_gdp, v_gdp, v_gdp, c.values[0], c.numbers[0])
    v2 = judge(real, real, real, c.values[1], c.numbers[1])
    verdict = "agrees" if v1 == v2 == "agrees" else "conflicts"
    comp = f"国家统计局初步核算：{nominal:,.0f} 亿元 = {v_gdp:.2f} 万亿元，实际增长 {real:g} %"
    return make_row("nbs_gdp_2023", "outside", [c], comp, verdict,
                "与国家统计局 2024 年 1 月公布的初步核算数一致" if verdict == "agrees" else "与国家统计局数字不符")


def check_rd_final() -> dict:
    c = engine.claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元")
    final, _ = _value("cn_rd_expenditure", 2023)
    gap = final - c.value
    comp = f"2023 年统计公报终值 {final:,.1f} 亿元 − 种子 {c.numbers[0]} 亿元 = {gap:,.1f} 亿元（{gap / c.value * 100:.2f} %）"
    return make_row("rd_final", "outside", [c], comp, "cannot check",
                f"数据目录只有 2024 年 10 月公布的终值，比种子的数字高 {gap / c.value * 100:.2f} %；"
                "种子引用的是 2024 年 2 月的初步数，同一口径的初步数不在 data/ 中")


def check_rd_growth() -> dict:
    rd = engine.claim("004:57", r"研發\(R&D\)經費支出高達 {n} 億元人民幣，比 2022 年增長 {n}%")
    prev, _ = _value("cn_rd_expenditure", 2022)
    growth = (rd.values[0] / prev - 1) * 100
    verdict = judge(growth, growth, growth, rd.values[1], rd.numbers[1])
    comp = f"{rd.numbers[0]} ÷ {prev:,.1f}（2022 年统计公报）− 1 = {growth:.2f} %，所述 {rd.numbers[1]} %"
    return make_row("rd_growth", "outside", [rd], comp, verdict,
                "按 2022 年公报数计算的增速与所述一致" if verdict == "agrees" else "增速与公报数不符")


def check_pwt_growth(period: tuple[int, int]) -> dict:
    from nqpf.analysis import tfp

    start, end = period
    if period == (1978, 2012):
        c = engine.claim("000:12", r"平均增速{n}%")
    else:
        c = engine.claim("000:12", r"2013-2019年，GDP年均增长{n}%")
    res = tfp.decompose(tfp.pwt("11.0"), "CHN", start, end, compound=True)
    verdict = judge(res["gdp"], res["gdp"], res["gdp"], c.value, c.numbers[0])
    comp = f"PWT 11.0 rgdpna，{start}–{end} 年复合年均增长 {res['gdp']:.2f} %，种子 {c.numbers[0]} %"
    reason = {"agrees": "与佩恩表（Penn World Table）计算的增速一致",
              "rounding": f"与佩恩表相差 {abs(res['gdp'] - c.value):.2f} 个百分点，在舍入范围之内",
              "conflicts": f"比佩恩表高 {c.value - res['gdp']:.2f} 个百分点，超出舍入；佩恩表的实际 GDP 不是官方序列，"
                           "差异可能来自数据来源而非种子的错误"}[verdict]
    return make_row(f"pwt_growth_{start}_{end}", "outside", [c], comp, verdict, reason)


def check_pwt_tfp() -> dict:
    from nqpf.analysis import tfp

    c = engine.claim("000:12", r"1978-2012年，资本积累、劳动力总量、人力资本和全要素生产率分别拉动{n}、{n}、{n}和{n}个百分点")
    res = tfp.decompose(tfp.pwt("11.0"), "CHN", 1978, 2012, compound=True)
    comp = (f"PWT 11.0（资本份额 = 1 − 劳动份额）：资本 {res['capital']:.2f}、劳动 {res['labour']:.2f}、"
            f"人力资本 {res['human_capital']:.2f}、TFP {res['tfp']:.2f}")
    return make_row("pwt_tfp_1978_2012", "outside", [c], comp, "cannot check",
                "种子既未说明测算者也未说明资本份额等设定，分解结果随设定变化，见全要素生产率一章")


def check_hub_data() -> dict:
    from nqpf.analysis import digital

    c = engine.claim("000:36", r"在内的{n}个国家算力枢纽节点")
    nodes = digital.hub_counts()["nodes"]
    ok = nodes == int(c.value)
    return make_row("hub_nodes_data", "outside", [c], f"国家发展改革委等批复的枢纽节点：{nodes} 个", "agrees" if ok else "conflicts",
                "与 2022 年 2 月批复文件的节点数一致" if ok else "与批复文件的节点数不同")


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_caict_scale, check_caict_share, check_nbs_gdp, check_rd_final, check_rd_growth,
    lambda: check_pwt_growth((1978, 2012)), lambda: check_pwt_growth((2013, 2019)), check_pwt_tfp, check_hub_data,
]
