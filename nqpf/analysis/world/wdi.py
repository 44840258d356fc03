"""WDI metadata: the extract, the economies compared and every indicator's group, Chinese label, unit and direction.

Data: World Bank, World Development Indicators (``wdi_selected``, long format: indicator, countrycode, country,
year, value; ``wdi_indicators``: the titles). Units are WDI's own unless :data:`META` says otherwise.
"""

from __future__ import annotations

import pandas as pd

from nqpf.core import data
from nqpf.core.errors import UsageError

__all__ = ["WDI", "INDICATORS", "COUNTRIES", "ECONOMIES", "LEADERS", "PEERS", "META", "DERIVED_HOW", "HEADLINE",
           "wdi", "series", "indicators", "check_code", "check_countries", "label", "unit", "direction"]

WDI = "wdi_selected"
INDICATORS = "wdi_indicators"

COUNTRIES = {
    "CHN": "中国", "USA": "美国", "JPN": "日本", "KOR": "韩国", "DEU": "德国", "GBR": "英国", "FRA": "法国",
    "IND": "印度", "BRA": "巴西", "RUS": "俄罗斯", "WLD": "世界", "HIC": "高收入经济体", "UMC": "中高收入经济体",
    "LMC": "中低收入经济体", "EUU": "欧盟", "OED": "OECD成员",
}
ECONOMIES = ("CHN", "USA", "JPN", "KOR", "DEU", "GBR", "FRA", "IND", "BRA", "RUS")
LEADERS = ("KOR", "JPN", "DEU")  # the catch-up benchmarks: economies that were once where China is now
PEERS = ("CHN", "USA", "JPN", "KOR", "DEU", "IND")  # the small multiples (and PWT's six)

# code: (group, Chinese label, unit, direction). direction +1: higher is ahead; -1: lower is ahead; 0: a level or
# total with no catch-up meaning (scale, not intensity). Codes starting NQPF. are computed from WDI series
# (nqpf.analysis.world.derived).
META = {
    "GB.XPD.RSDV.GD.ZS": ("创新", "研发经费占GDP", "%", 1),
    "SP.POP.SCIE.RD.P6": ("创新", "每百万人研究人员", "人", 1),
    "SP.POP.TECH.RD.P6": ("创新", "每百万人研发技术人员", "人", 1),
    "IP.JRN.ARTC.SC": ("创新", "科技期刊论文", "篇", 0),
    "NQPF.JRN.P6": ("创新", "每百万人科技期刊论文", "篇", 1),
    "IP.PAT.RESD": ("创新", "居民专利申请", "件", 0),
    "IP.PAT.NRES": ("创新", "非居民专利申请", "件", 0),
    "NQPF.PAT.RESD.P6": ("创新", "每百万人居民专利申请", "件", 1),
    "NQPF.PAT.RESD.RD": ("创新", "每十亿国际元研发经费的居民专利申请", "件", 1),
    "BX.GSR.ROYL.CD": ("创新", "知识产权使用费收入", "美元", 0),
    "BM.GSR.ROYL.CD": ("创新", "知识产权使用费支出", "美元", 0),
    "NQPF.ROYL.RATIO": ("创新", "知识产权使用费收入/支出", "倍", 1),
    "TX.VAL.TECH.MF.ZS": ("创新", "高技术出口占制成品出口", "%", 1),
    "TX.VAL.TECH.CD": ("创新", "高技术出口", "美元", 0),
    "NV.MNF.TECH.ZS.UN": ("创新", "中高技术制造业占制造业增加值", "%", 1),
    "IT.NET.BBND.P2": ("数字", "每百人固定宽带订户", "户", 1),
    "IT.CEL.SETS.P2": ("数字", "每百人移动电话订户", "户", 1),
    "IT.NET.SECR.P6": ("数字", "每百万人安全互联网服务器", "台", 1),
    "EG.GDP.PUSE.KO.PP.KD": ("绿色", "单位能源GDP", "2021年国际元/千克油当量", 1),
    "EG.FEC.RNEW.ZS": ("绿色", "可再生能源占终端能源消费", "%", 1),
    "EG.ELC.RNEW.ZS": ("绿色", "可再生能源发电占比", "%", 1),
    "EN.ATM.CO2E.PC": ("绿色", "人均二氧化碳排放", "吨", 0),
    "EN.ATM.CO2E.KT": ("绿色", "二氧化碳排放", "千吨", 0),
    "NQPF.CO2.GDP": ("绿色", "单位GDP二氧化碳排放", "千克/2021年国际元", -1),
    "SL.GDP.PCAP.EM.KD": ("劳动生产率", "就业人员人均GDP", "2021年国际元", 1),
    "NQPF.LP.USA": ("劳动生产率", "就业人员人均GDP相当于美国", "%", 1),
    "NY.GDP.MKTP.CD": ("背景", "GDP（现价美元）", "美元", 0),
    "NY.GDP.MKTP.KD.ZG": ("背景", "GDP实际增长率", "%", 0),
    "NY.GDP.DEFL.KD.ZG": ("背景", "GDP平减指数变化", "%", 0),
    "NY.GDP.PCAP.CD": ("背景", "人均GDP（现价美元）", "美元", 1),
    "NY.GDP.PCAP.PP.CD": ("背景", "人均GDP（现价国际元）", "国际元", 1),
    "PA.NUS.FCRF": ("背景", "官方汇率（本币/美元）", "本币", 0),
    "NV.IND.TOTL.ZS": ("背景", "工业（含建筑业）增加值占GDP", "%", 0),
    "NV.AGR.TOTL.ZS": ("背景", "农林牧渔业增加值占GDP", "%", 0),
    "SE.TER.ENRR": ("背景", "高等教育毛入学率", "%", 1),
    "NE.GDI.TOTL.ZS": ("背景", "资本形成总额占GDP", "%", 0),
    "SL.EMP.TOTL.SP.ZS": ("背景", "15岁以上就业人口比率", "%", 0),
    "NQPF.POP": ("背景", "人口（由GDP与人均GDP推算）", "人", 0),
    "NQPF.GDP.PPP.KD": ("背景", "GDP（2021年国际元，不变价）", "国际元", 0),
}
DERIVED_HOW = {
    "NQPF.POP": "NY.GDP.MKTP.CD / NY.GDP.PCAP.CD",
    "NQPF.GDP.PPP.KD": "NY.GDP.PCAP.PP.CD x population in 2021, moved by NY.GDP.MKTP.KD.ZG (chained real growth)",
    "NQPF.JRN.P6": "IP.JRN.ARTC.SC / population x 1e6",
    "NQPF.PAT.RESD.P6": "IP.PAT.RESD / population x 1e6",
    "NQPF.PAT.RESD.RD": "IP.PAT.RESD / (GB.XPD.RSDV.GD.ZS / 100 x constant-2021-PPP GDP / 1e9)",
    "NQPF.ROYL.RATIO": "BX.GSR.ROYL.CD / BM.GSR.ROYL.CD",
    "NQPF.CO2.GDP": "EN.ATM.CO2E.KT x 1e6 kg / constant-2021-PPP GDP",
    "NQPF.LP.USA": "SL.GDP.PCAP.EM.KD / the same for USA x 100",
}
HEADLINE = ["GB.XPD.RSDV.GD.ZS", "SP.POP.SCIE.RD.P6", "NQPF.PAT.RESD.P6", "NQPF.JRN.P6", "NQPF.ROYL.RATIO",
            "NV.MNF.TECH.ZS.UN", "IT.NET.BBND.P2", "IT.NET.SECR.P6", "EG.GDP.PUSE.KO.PP.KD", "EG.ELC.RNEW.ZS",
            "NQPF.CO2.GDP", "NQPF.LP.USA"]


def wdi() -> pd.DataFrame:
    """The validated WDI extract (long format)."""
    return data.load(WDI)


def series(indicator: str, countrycode: str = "CHN") -> pd.Series:
    """One WDI indicator for one economy, indexed by year (only years WDI reports)."""
    df = wdi()
    sel = df[(df["indicator"] == indicator) & (df["countrycode"] == countrycode)]
    return sel.set_index("year")["value"].sort_index()


def indicators() -> pd.DataFrame:
    """Every indicator the chapter and the CLI know.

    Columns: code, group, Chinese label, unit, direction, WDI title or recipe.
    """
    titles = data.load(INDICATORS).set_index("indicator")["title"]
    rows = []
    for code, (group, lab, un, d) in META.items():
        rows.append({"indicator": code, "group": group, "label": lab, "unit": un, "direction": d,
                     "definition": titles.get(code, DERIVED_HOW.get(code, ""))})
    return pd.DataFrame(rows)


def check_code(code: str, allowed=None, why: str = "") -> str:
    """The code itself if known (and, with `allowed`, among those), else a UsageError naming what is available."""
    if code in META and allowed is not None and code not in allowed:
        raise UsageError(f"no catch-up timing for '{code}' ({why or 'a total or a level without a direction'}); "
                         f"available: {', '.join(allowed)}")
    allowed = list(allowed or META)
    if code not in allowed:
        raise UsageError(f"unknown indicator '{code}'; available: {', '.join(allowed)}")
    return code


def check_countries(codes) -> list[str]:
    """Upper-cased ISO3 codes, or a UsageError naming the first unknown one and what is available."""
    codes = [c.upper() for c in codes]
    bad = [c for c in codes if c not in COUNTRIES]
    if bad:
        raise UsageError(f"unknown country '{bad[0]}'; available: {', '.join(COUNTRIES)}")
    return codes


def label(code: str) -> str:
    return META[code][1]


def unit(code: str) -> str:
    return META[code][2]


def direction(code: str) -> int:
    return META[code][3]
