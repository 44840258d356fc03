"""Plausibility: figures that cannot be right against others the seeds state.

Rule (:func:`~nqpf.analysis.factcheck.engine.part_of_whole`): a part larger than the whole it belongs to conflicts;
a part no larger is plausible. When the two figures are of different measures (an editorial judgement recorded in
``data/labels/factcheck_editorial.csv``), a part no larger than the whole cannot be checked rather than agree.
"""

from __future__ import annotations

from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import WAN_YI, make_row, part_of_whole


def genai_figures() -> dict:
    """Seed 000's generative-AI market against seed 001's AI core industry and seed 000's GDP (as written and as
    ratios): the figures of the genai plausibility check."""
    genai = engine.claim("000:34", r"市场规模约为{n}万亿元")
    core = engine.claim("001:97", r"我国AI核心产业规模达{n}亿元")
    gdp = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    return {"genai": genai, "core": core, "gdp": gdp, "times_core": genai.value * WAN_YI / core.value,
            "share_gdp": genai.value / gdp.value * 100}


def check_genai_market() -> dict:
    f = genai_figures()
    genai, core, gdp, times_core, share_gdp = f["genai"], f["core"], f["gdp"], f["times_core"], f["share_gdp"]
    verdict = part_of_whole(times_core)
    comp = (f"{genai.numbers[0]} 万亿元 = AI 核心产业 {core.numbers[0]} 亿元的 {times_core:.1f} 倍，"
            f"= GDP {gdp.numbers[0]} 万亿元的 {share_gdp:.1f} %")
    reason = (f"生成式人工智能是 AI 产业的一部分，一个细分市场不可能是整个 AI 核心产业的 {times_core:.0f} 倍"
              f"（占 GDP 的 {share_gdp:.0f} %）；单位很可能有误" if verdict == "conflicts" else
              f"细分市场约为 AI 核心产业的 {times_core * 100:.0f} %，没有超过整体")
    return make_row("genai_market", "plausibility", [genai, core, gdp], comp, verdict, reason)


def check_shanghai_ai() -> dict:
    sh = engine.claim("001:97", r"产值达到{n}多亿元")
    core = engine.claim("001:97", r"我国AI核心产业规模达{n}亿元")
    ratio = sh.value / core.value * 100
    verdict = part_of_whole(ratio / 100)
    comp = f"上海规模以上 AI 企业产值 {sh.numbers[0]} 多亿元 ÷ 全国 AI 核心产业 {core.numbers[0]} 亿元，至少 {ratio:.0f} %"
    ed = engine.editorial("shanghai_ai")
    if verdict == "conflicts":
        reason = f"上海一地至少相当于全国的 {ratio:.0f} %：即使口径不同，一地也不能超过全国"
    elif ed is not None and ed["judgement"] == "different measures":
        verdict, reason = "cannot check", f"上海一地至少相当于全国的 {ratio:.0f} %；{ed['reason']}"
    else:
        reason = f"上海一地约为全国的 {ratio:.0f} %，没有超过全国"
    return make_row("shanghai_ai", "plausibility", [sh, core], comp, verdict, reason)


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_genai_market, check_shanghai_ai,
]
