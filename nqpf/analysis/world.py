"""International comparison (book/world.md) and the book's standard nominal GDP series for China.

Data: World Bank, World Development Indicators (``wdi_selected``, long format: indicator, countrycode, country,
year, value). Units are WDI's own unless a function says otherwise; China's GDP is in 亿元 (100 million yuan).
"""

from __future__ import annotations

import math
from functools import lru_cache

import pandas as pd

from nqpf.core import data
from nqpf.core.errors import UsageError
from nqpf.core.growth import WAN_YI, YI, cagr

WDI = "wdi_selected"
INDICATORS = "wdi_indicators"

GDP_USD = "NY.GDP.MKTP.CD"  # GDP, current US$
XR = "PA.NUS.FCRF"  # official exchange rate, LCU per US$, period average

# Before 1994 China had two exchange rates (official and swap market); WDI converts 1978-1993 GDP to dollars with
# an alternative conversion factor, so dollars times the official rate is not the yuan figure in those years.
# The standard series therefore starts with the unified rate of 1994.
GDP_FIRST_YEAR = 1994
GDP_UNIT = "亿元"
GDP_VINTAGE = "WDI 2026-07: NBS latest revision (fifth economic census basis)"


def wdi() -> pd.DataFrame:
    """The validated WDI extract (long format)."""
    return data.load(WDI)


def series(indicator: str, countrycode: str = "CHN") -> pd.Series:
    """One WDI indicator for one economy, indexed by year (only years WDI reports)."""
    df = wdi()
    sel = df[(df["indicator"] == indicator) & (df["countrycode"] == countrycode)]
    return sel.set_index("year")["value"].sort_index()


def china_gdp_wdi_all() -> pd.DataFrame:
    """GDP (current US$) x official exchange rate for every year WDI reports both, in 亿元 (all years, unchecked).

    Used to show why the standard series starts in 1994; chapters use :func:`china_gdp`.
    """
    usd, xr = series(GDP_USD), series(XR)
    both = pd.concat({"usd": usd, "xr": xr}, axis=1).dropna()
    out = pd.DataFrame({"year": both.index.astype(int), "value": (both["usd"] * both["xr"] / YI).to_numpy()})
    return out.reset_index(drop=True)


def china_gdp() -> pd.DataFrame:
    """The book's standard nominal GDP series for China: columns ``year, value, unit, vintage``; value in 亿元.

    value = GDP in current US$ x official exchange rate (LCU per US$) / 1e8. Both come from WDI, whose dollar GDP
    is NBS's latest yuan figure divided by the same rate, so the product returns NBS's latest vintage for every
    year (one vintage, fit for growth rates and shares). Example: 2023 gives 1,294,272 亿元 (fifth economic census
    basis), against 1,260,582 in NBS's first release.
    """
    out = china_gdp_wdi_all()
    out = out[out["year"] >= GDP_FIRST_YEAR].reset_index(drop=True)
    out["unit"] = GDP_UNIT
    out["vintage"] = GDP_VINTAGE
    return out[["year", "value", "unit", "vintage"]]


def gdp(year: int) -> float:
    """Standard nominal GDP (亿元) of one year."""
    s = china_gdp().set_index("year")["value"]
    if year not in s.index:
        raise UsageError(f"no standard GDP for {year} (years: {s.index.min()}-{s.index.max()})")
    return float(s[year])


# ---------------------------------------------------------------- indicators: WDI's and derived ones

COUNTRIES = {
    "CHN": "中国", "USA": "美国", "JPN": "日本", "KOR": "韩国", "DEU": "德国", "GBR": "英国", "FRA": "法国",
    "IND": "印度", "BRA": "巴西", "RUS": "俄罗斯", "WLD": "世界", "HIC": "高收入经济体", "UMC": "中高收入经济体",
    "LMC": "中低收入经济体", "EUU": "欧盟", "OED": "OECD成员",
}
ECONOMIES = ("CHN", "USA", "JPN", "KOR", "DEU", "GBR", "FRA", "IND", "BRA", "RUS")
LEADERS = ("KOR", "JPN", "DEU")  # the catch-up benchmarks: economies that were once where China is now
PEERS = ("CHN", "USA", "JPN", "KOR", "DEU", "IND")  # the small multiples (and PWT's six)

# code: (group, Chinese label, unit, direction). direction +1: higher is ahead; -1: lower is ahead; 0: a level or
# total with no catch-up meaning (scale, not intensity). Codes starting NQPF. are computed here from WDI series.
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
PPP_BASE_YEAR = 2021


def _wide(df: pd.DataFrame, code: str) -> pd.DataFrame:
    """One indicator as a year x countrycode table."""
    return df[df["indicator"] == code].pivot(index="year", columns="countrycode", values="value")


def _constant_ppp_gdp(df: pd.DataFrame) -> pd.DataFrame:
    """GDP at constant 2021 PPP $: the 2021 PPP level, moved back and forward by WDI's real growth rates."""
    pop = _wide(df, "NY.GDP.MKTP.CD") / _wide(df, "NY.GDP.PCAP.CD")
    level = (_wide(df, "NY.GDP.PCAP.PP.CD") * pop).loc[PPP_BASE_YEAR]
    growth = 1 + _wide(df, "NY.GDP.MKTP.KD.ZG") / 100
    years = growth.index
    out = pd.DataFrame(index=years, columns=growth.columns, dtype=float)
    out.loc[PPP_BASE_YEAR] = level
    for y in range(PPP_BASE_YEAR + 1, years.max() + 1):  # forward: level_y = level_{y-1} x (1 + g_y)
        out.loc[y] = out.loc[y - 1] * growth.loc[y]
    for y in range(PPP_BASE_YEAR - 1, years.min() - 1, -1):  # back: level_y = level_{y+1} / (1 + g_{y+1})
        out.loc[y] = out.loc[y + 1] / growth.loc[y + 1]
    return out


def _long(wide: pd.DataFrame, code: str) -> pd.DataFrame:
    out = wide.stack().rename("value").reset_index()
    out.columns = ["year", "countrycode", "value"]
    out.insert(0, "indicator", code)
    return out


def derived(df: pd.DataFrame) -> pd.DataFrame:
    """The NQPF.* indicators (see DERIVED_HOW), long format like WDI. Years where an input is missing are left out."""
    pop = _wide(df, "NY.GDP.MKTP.CD") / _wide(df, "NY.GDP.PCAP.CD")
    gdp_ppp = _constant_ppp_gdp(df)
    lp = _wide(df, "SL.GDP.PCAP.EM.KD")
    parts = {
        "NQPF.POP": pop,
        "NQPF.GDP.PPP.KD": gdp_ppp,
        "NQPF.JRN.P6": _wide(df, "IP.JRN.ARTC.SC") / pop * 1e6,
        "NQPF.PAT.RESD.P6": _wide(df, "IP.PAT.RESD") / pop * 1e6,
        "NQPF.PAT.RESD.RD": _wide(df, "IP.PAT.RESD") / (_wide(df, "GB.XPD.RSDV.GD.ZS") / 100 * gdp_ppp / 1e9),
        "NQPF.ROYL.RATIO": _wide(df, "BX.GSR.ROYL.CD") / _wide(df, "BM.GSR.ROYL.CD"),
        "NQPF.CO2.GDP": _wide(df, "EN.ATM.CO2E.KT") * 1e6 / gdp_ppp,
        "NQPF.LP.USA": lp.div(lp["USA"], axis=0) * 100,
    }
    return pd.concat([_long(w.astype(float), code) for code, w in parts.items()], ignore_index=True)


def panel() -> pd.DataFrame:
    """WDI's indicators and the derived ones: indicator, countrycode, country (Chinese), year, value."""
    return _panel().copy()


@lru_cache(maxsize=1)
def _panel() -> pd.DataFrame:
    df = wdi()
    out = pd.concat([df[["indicator", "countrycode", "year", "value"]], derived(df)], ignore_index=True)
    out = out.dropna(subset=["value"])
    out["country"] = out["countrycode"].map(COUNTRIES)
    out["year"] = out["year"].astype(int)
    return out[["indicator", "countrycode", "country", "year", "value"]].sort_values(
        ["indicator", "countrycode", "year"]).reset_index(drop=True)


def indicators() -> pd.DataFrame:
    """Every indicator the chapter and the CLI know.

    Columns: code, group, Chinese label, unit, direction, WDI title or recipe.
    """
    titles = data.load(INDICATORS).set_index("indicator")["title"]
    rows = []
    for code, (group, label, unit, direction) in META.items():
        rows.append({"indicator": code, "group": group, "label": label, "unit": unit, "direction": direction,
                     "definition": titles.get(code, DERIVED_HOW.get(code, ""))})
    return pd.DataFrame(rows)


def check_code(code: str, allowed=None) -> str:
    """The code itself if known (and, with `allowed`, among those), else a UsageError naming what is available."""
    if code in META and allowed is not None and code not in allowed:
        raise UsageError(f"no catch-up timing for '{code}' (a total or a level without a direction); "
                         f"available: {', '.join(allowed)}")
    allowed = list(allowed or META)
    if code not in allowed:
        raise UsageError(f"unknown indicator '{code}'; available: {', '.join(allowed)}")
    return code


def _check_countries(codes) -> list[str]:
    codes = [c.upper() for c in codes]
    bad = [c for c in codes if c not in COUNTRIES]
    if bad:
        raise UsageError(f"unknown country '{bad[0]}'; available: {', '.join(COUNTRIES)}")
    return codes


def label(code: str) -> str:
    return META[code][1]


def unit(code: str) -> str:
    return META[code][2]


# ---------------------------------------------------------------- comparisons


def compare(indicator: str, year: int, countries=None, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One indicator in one year across economies: countrycode, country, value (economies without data left out)."""
    check_code(indicator)
    countries = _check_countries(countries or COUNTRIES)
    df = panel() if df is None else df
    sel = df[df["indicator"] == indicator]
    years = sorted(sel["year"].unique())
    if year not in years:
        raise UsageError(f"{indicator} has no value for {year}; years available: {years[0]}-{years[-1]}"
                         + ("" if len(years) == years[-1] - years[0] + 1 else " (with gaps)"))
    out = sel[(sel["year"] == year) & sel["countrycode"].isin(countries)]
    order = {c: i for i, c in enumerate(countries)}
    out = out.sort_values("countrycode", key=lambda s: s.map(order))
    return out[["countrycode", "country", "value"]].reset_index(drop=True)


def latest_table(codes, countries=ECONOMIES, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each indicator: China's latest year, and every economy's value in that year (NaN where WDI has none)."""
    df = panel() if df is None else df
    rows = []
    for code in codes:
        sel = df[df["indicator"] == code]
        chn = sel[sel["countrycode"] == "CHN"]
        if chn.empty:
            continue
        year = int(chn["year"].max())
        vals = sel[sel["year"] == year].set_index("countrycode")["value"]
        rows.append({"indicator": code, "label": label(code), "unit": unit(code), "year": year,
                     **{c: vals.get(c, float("nan")) for c in countries}})
    return pd.DataFrame(rows)


def coverage(codes=None, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """What WDI reports: per indicator, China's first and last year, the latest year of any economy, and which of
    the ten economies have no value in China's latest year."""
    df = panel() if df is None else df
    rows = []
    for code in codes or [c for c in META if not c.startswith("NQPF.")]:
        sel = df[df["indicator"] == code]
        chn = sel[sel["countrycode"] == "CHN"]["year"]
        last = int(chn.max()) if len(chn) else None
        have = set(sel[sel["year"] == last]["countrycode"]) if last else set()
        rows.append({"indicator": code, "label": label(code), "china_first": int(chn.min()) if len(chn) else None,
                     "china_last": last, "any_last": int(sel["year"].max()),
                     "missing_in_china_last_year": " ".join(c for c in ECONOMIES if c not in have)})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- catch-up timing

CATCHUP_CODES = [c for c, m in META.items() if m[3] != 0 and m[0] != "背景"]


def reach_year(values: pd.Series, threshold: float, direction: int = 1) -> tuple[str, int | None]:
    """When a series (indexed by year) first reached `threshold`: ("reached", year), ("censored", None) when its
    first observation is already at or beyond it, ("not yet", None), or ("no data", None).

    direction +1 means reaching is >= threshold, -1 means <= threshold. Example: values 1, 2, 4 in 2000-2002 and
    threshold 3 give ("reached", 2002); threshold 0.5 gives ("censored", None); threshold 5 gives ("not yet", None).
    With gaps in a series the year is the first *reported* year at or beyond the threshold.
    """
    s = values.dropna().sort_index()
    if s.empty:
        return "no data", None
    hit = s * direction >= threshold * direction
    if hit.iloc[0]:
        return "censored", None
    if not hit.any():
        return "not yet", None
    return "reached", int(hit[hit].index[0])


STATUS_ZH = {"reached": "已达到", "censored": "序列开始时已超过", "not yet": "尚未达到", "no data": "无数据"}


def catchup(indicator: str, leaders=LEADERS, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each leader: the first year it reached China's latest value of `indicator`.

    Columns: indicator, countrycode, country, china_year, china_value, status (reached / censored / not yet /
    no data), reach_year, first_year (the leader's first observation), years_behind (china_year - reach_year;
    for a censored leader the lower bound china_year - first_year is given in years_behind_min).
    """
    check_code(indicator, CATCHUP_CODES)
    leaders = _check_countries(leaders)
    df = panel() if df is None else df
    sel = df[df["indicator"] == indicator]
    chn = sel[sel["countrycode"] == "CHN"].set_index("year")["value"].sort_index()
    if chn.empty:
        raise UsageError(f"WDI has no value for China on {indicator}")
    china_year, china_value = int(chn.index[-1]), float(chn.iloc[-1])
    direction = META[indicator][3]
    rows = []
    for code in leaders:
        s = sel[sel["countrycode"] == code].set_index("year")["value"]
        status, year = reach_year(s, china_value, direction)
        first = int(s.index.min()) if len(s) else None
        rows.append({"indicator": indicator, "countrycode": code, "country": COUNTRIES[code],
                     "china_year": china_year, "china_value": china_value, "status": status,
                     "reach_year": year, "first_year": first,
                     "years_behind": china_year - year if year is not None else None,
                     "years_behind_min": china_year - first if status == "censored" else None})
    out = pd.DataFrame(rows)
    for col in ("reach_year", "first_year", "years_behind", "years_behind_min"):
        out[col] = out[col].astype("Int64")
    return out


def catchup_all(codes=None, leaders=LEADERS, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`catchup` for several indicators (default: every indicator with a direction that China reports)."""
    df = panel() if df is None else df
    have = set(df[df["countrycode"] == "CHN"]["indicator"])
    codes = [c for c in (codes or CATCHUP_CODES) if c in have]
    return pd.concat([catchup(c, leaders, df) for c in codes], ignore_index=True)


# ---------------------------------------------------------------- labour productivity and PWT levels


def productivity_gap(country: str = "CHN", first: int | None = None, last: int | None = None,
                     df: pd.DataFrame | None = None) -> dict:
    """GDP per person employed (2021 PPP $) relative to the US over the growth years first..last (base: first - 1).

    rel_base / rel_last: the ratio (% of the US level) in the base and the last year; closing_pp_per_year: its
    change a year in percentage points; relative_growth: the compound growth of the ratio, equal to
    (1 + g) / (1 + g_US) - 1 with g the country's productivity growth (% a year); years_to_half: at that relative
    growth, years after `last` until the ratio reaches 50 % (None if it does not rise or is already there).
    Example: a ratio of 25 % growing 5 % a year needs ln 2 / ln 1.05 = 14.2 years to reach 50 %.
    """
    country = _check_countries([country])[0]
    df = panel() if df is None else df
    rel = df[(df["indicator"] == "NQPF.LP.USA") & (df["countrycode"] == country)].set_index("year")["value"]
    if rel.empty:
        raise UsageError(f"no labour productivity for {country}")
    lp = df[(df["indicator"] == "SL.GDP.PCAP.EM.KD")]
    first = first or int(rel.index.min()) + 1
    last = last or int(rel.index.max())
    base = first - 1
    for y in (base, last):
        if y not in rel.index:
            raise UsageError(f"no labour productivity for {country} in {y}; years: {rel.index.min()}-{rel.index.max()}"
                             f" (a period's base is the year before its first growth year)")
    if last < first:
        raise UsageError(f"the period must run forward in time, not {first}-{last}")
    n = last - base
    own = lp[lp["countrycode"] == country].set_index("year")["value"]
    usa = lp[lp["countrycode"] == "USA"].set_index("year")["value"]
    rg = cagr(rel[base], rel[last], n)
    half = math.log(50 / rel[last]) / math.log(1 + rg / 100) if rg > 0 and rel[last] < 50 else None
    return {"country": country, "first": first, "last": last, "base": base, "rel_base": float(rel[base]),
            "rel_last": float(rel[last]), "closing_pp_per_year": float((rel[last] - rel[base]) / n),
            "growth": float(cagr(own[base], own[last], n)), "growth_usa": float(cagr(usa[base], usa[last], n)),
            "relative_growth": float(rg), "years_to_half": half}


PWT = "pwt110_selected"


def pwt_levels(year: int = 2023, first: int = 2014) -> pd.DataFrame:
    """PWT 11.0 beside WDI for PWT's six economies: labour productivity relative to the US in `year` from both
    sources, PWT's TFP level (ctfp, current PPPs, USA = 1, a level comparison only) and the change of PWT's TFP
    index (rtfpna, national prices, for change over time) over the growth years first..year (base first - 1), % a year.

    PWT's labour productivity is cgdpo / emp (output-side real GDP at current PPPs per person engaged).
    """
    raw = data.load(PWT)
    years = sorted(raw["year"].unique())
    for y in (first - 1, year):
        if y not in years:
            raise UsageError(f"PWT 11.0 has no year {y}; years: {years[0]}-{years[-1]} (a period's base is the year "
                             f"before its first growth year)")
    if year < first:
        raise UsageError(f"the period must run forward in time, not {first}-{year}")
    p = raw.set_index(["countrycode", "year"])
    wd = panel()
    lp = wd[(wd["indicator"] == "NQPF.LP.USA") & (wd["year"] == year)].set_index("countrycode")["value"]
    rows = []
    usa = p.loc[("USA", year)]
    for code in PEERS:
        r = p.loc[(code, year)]
        rows.append({"countrycode": code, "country": COUNTRIES[code],
                     "lp_wdi_rel_usa": float(lp.get(code, float("nan"))),
                     "lp_pwt_rel_usa": float(r["cgdpo"] / r["emp"] / (usa["cgdpo"] / usa["emp"]) * 100),
                     "ctfp": float(r["ctfp"]),
                     "rtfpna_growth": cagr(p.loc[(code, first - 1), "rtfpna"], r["rtfpna"], year - first + 1)})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- GDP vintages: WDI beside NBS


def gdp_check() -> pd.DataFrame:
    """WDI's yuan GDP (dollars x official rate) beside NBS figures as first published (cn_nominal_gdp), every year
    both have: the gap in percent, and why (the dual exchange rate of 1978-1993, when WDI used an alternative
    conversion factor; afterwards NBS's revisions after each economic census)."""
    nbs = data.load("cn_nominal_gdp").set_index("year")
    w = china_gdp_wdi_all().set_index("year")["value"]
    out = pd.DataFrame({"nbs_first": nbs["value"], "wdi": w.reindex(nbs.index)}).dropna()
    out["gap_percent"] = (out["wdi"] / out["nbs_first"] - 1) * 100
    out["in_standard_series"] = out.index >= GDP_FIRST_YEAR

    def why(y):
        return "双轨汇率" if 1978 <= y < GDP_FIRST_YEAR else "普查修订"

    out["why"] = [why(y) for y in out.index]
    return out.reset_index().rename(columns={"index": "year"})


def rd_revision() -> pd.DataFrame:
    """R&D intensity on NBS's earlier GDP (cn_nominal_gdp: first releases for most years, 2023 included; mixed
    vintages) and on the standard (revised) GDP, beside the published NBS figure and WDI's. R&D expenditure as
    first published (cn_rd_expenditure)."""
    rd = data.load("cn_rd_expenditure").set_index("year")["value"]
    pub = data.load("cn_rd_intensity").set_index("year")["value"]
    first = data.load("cn_nominal_gdp").set_index("year")["value"]
    std = china_gdp().set_index("year")["value"]
    wdi_rd = series("GB.XPD.RSDV.GD.ZS")
    years = [y for y in rd.index if y in first.index and y in std.index]
    out = pd.DataFrame({"rd": rd[years], "gdp_first": first[years], "gdp_standard": std[years]})
    out["on_first_release"] = out["rd"] / out["gdp_first"] * 100
    out["on_standard"] = out["rd"] / out["gdp_standard"] * 100
    out["nbs_published"] = pub.reindex(out.index)
    out["wdi"] = wdi_rd.reindex(out.index)
    return out.reset_index().rename(columns={"index": "year"})


def digital_revision() -> pd.DataFrame:
    """The digital economy's share of GDP (CAICT/CAC scale, 万亿元) on the first-release and on the standard GDP."""
    scale = data.load("cn_digital_economy_scale").set_index("year")["value"]
    pub = data.load("cn_digital_economy_share_gdp").set_index("year")["value"]
    first = data.load("cn_nominal_gdp").set_index("year")["value"]
    std = china_gdp().set_index("year")["value"]
    years = [y for y in scale.index if y in first.index and y in std.index]
    out = pd.DataFrame({"scale": scale[years]})
    out["on_first_release"] = out["scale"] * WAN_YI / first[years] * 100
    out["on_standard"] = out["scale"] * WAN_YI / std[years] * 100
    out["published"] = pub.reindex(out.index)
    return out.reset_index().rename(columns={"index": "year"})


def scatter_data(countries=ECONOMIES, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """R&D intensity (%) against GDP per person employed (2021 PPP $), every year both exist."""
    countries = _check_countries(countries)
    df = panel() if df is None else df
    sel = df[df["indicator"].isin(["GB.XPD.RSDV.GD.ZS", "SL.GDP.PCAP.EM.KD"]) & df["countrycode"].isin(countries)]
    wide = sel.pivot_table(index=["countrycode", "country", "year"], columns="indicator", values="value").dropna()
    wide = wide.rename(columns={"GB.XPD.RSDV.GD.ZS": "rd_percent_gdp", "SL.GDP.PCAP.EM.KD": "gdp_per_employed"})
    return wide.reset_index()[["countrycode", "country", "year", "rd_percent_gdp", "gdp_per_employed"]]


def frozen_since(values: pd.Series, rel_tol: float = 1e-8) -> int | None:
    """First year of the run of (numerically) unchanged values that ends a series, or None if the last two differ.

    A WDI series that repeats its last value for years is an imputation carried forward, not a measurement.
    Example: 1.0, 2.0, 2.0, 2.0 in 2000-2003 gives 2001.
    """
    s = values.dropna().sort_index()
    if len(s) < 2:
        return None
    same = (s - s.iloc[-1]).abs() <= rel_tol * abs(s.iloc[-1])
    if not same.iloc[-2]:
        return None
    run = same[::-1].cumprod()[::-1]  # True only for the trailing run
    return int(run[run.astype(bool)].index[0])
