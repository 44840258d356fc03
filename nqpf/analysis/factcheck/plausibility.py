"""Plausibility: figures that cannot be right against others the seeds state."""

from __future__ import annotations

from nqpf.analysis.factcheck import engine
from nqpf.analysis.factcheck.engine import WAN_YI, make_row


def check_genai_market() -> dict:
    genai = engine.claim("000:34", r"市场规模约为{n}万亿元")
    core = engine.claim("001:97", r"我国AI核心产业规模达{n}亿元")
    gdp = engine.claim("000:17", r"2023年中国GDP规模达{n}万亿元")
    times_core = genai.value * WAN_YI / core.value
    share_gdp = genai.value / gdp.value * 100
    comp = f"{genai.numbers[0]} 万亿元 = AI 核心产业 {core.numbers[0]} 亿元的 {times_core:.0f} 倍，= GDP {gdp.numbers[0]} 万亿元的 {share_gdp:.1f} %"
    return make_row("genai_market", "plausibility", [genai, core, gdp], comp, "conflicts",
                f"一个细分市场不可能是整个 AI 核心产业的 {times_core:.0f} 倍、占 GDP 的 {share_gdp:.0f} % 以上；单位很可能有误")


def check_shanghai_ai() -> dict:
    sh = engine.claim("001:97", r"产值达到{n}多亿元")
    core = engine.claim("001:97", r"我国AI核心产业规模达{n}亿元")
    ratio = sh.value / core.value * 100
    comp = f"上海规模以上 AI 企业产值 {sh.numbers[0]} 多亿元 ÷ 全国 AI 核心产业 {core.numbers[0]} 亿元，至少 {ratio:.0f} %"
    return make_row("shanghai_ai", "plausibility", [sh, core], comp, "cannot check",
                f"上海一地至少相当于全国的 {ratio:.0f} %，但两个数字口径不同（企业产值与核心产业规模），不能直接相比")


# The checks of this kind, in the order the appendix shows them.
CHECKS = [
    check_genai_market, check_shanghai_ai,
]
