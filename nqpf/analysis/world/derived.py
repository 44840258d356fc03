"""Indicators derived from WDI series (the NQPF.* codes of :data:`~nqpf.analysis.world.wdi.DERIVED_HOW`) and the
panel of WDI's and the derived indicators that the chapter and the CLI read."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.analysis.world.wdi import COUNTRIES, wdi

__all__ = ["PPP_BASE_YEAR", "derived", "panel", "wide"]

PPP_BASE_YEAR = 2021


def wide(df: pd.DataFrame, code: str) -> pd.DataFrame:
    """One indicator as a year x countrycode table."""
    return df[df["indicator"] == code].pivot(index="year", columns="countrycode", values="value")


def _constant_ppp_gdp(df: pd.DataFrame) -> pd.DataFrame:
    """GDP at constant 2021 PPP $: the 2021 PPP level, moved back and forward by WDI's real growth rates."""
    pop = wide(df, "NY.GDP.MKTP.CD") / wide(df, "NY.GDP.PCAP.CD")
    level = (wide(df, "NY.GDP.PCAP.PP.CD") * pop).loc[PPP_BASE_YEAR]
    growth = 1 + wide(df, "NY.GDP.MKTP.KD.ZG") / 100
    years = growth.index
    out = pd.DataFrame(index=years, columns=growth.columns, dtype=float)
    out.loc[PPP_BASE_YEAR] = level
    for y in range(PPP_BASE_YEAR + 1, years.max() + 1):  # forward: level_y = level_{y-1} x (1 + g_y)
        out.loc[y] = out.loc[y - 1] * growth.loc[y]
    for y in range(PPP_BASE_YEAR - 1, years.min() - 1, -1):  # back: level_y = level_{y+1} / (1 + g_{y+1})
        out.loc[y] = out.loc[y + 1] / growth.loc[y + 1]
    return out


def _long(w: pd.DataFrame, code: str) -> pd.DataFrame:
    out = w.stack().rename("value").reset_index()
    out.columns = ["year", "countrycode", "value"]
    out.insert(0, "indicator", code)
    return out


def derived(df: pd.DataFrame) -> pd.DataFrame:
    """The NQPF.* indicators (see DERIVED_HOW), long format like WDI. Years where an input is missing are left out."""
    pop = wide(df, "NY.GDP.MKTP.CD") / wide(df, "NY.GDP.PCAP.CD")
    gdp_ppp = _constant_ppp_gdp(df)
    lp = wide(df, "SL.GDP.PCAP.EM.KD")
    parts = {
        "NQPF.POP": pop,
        "NQPF.GDP.PPP.KD": gdp_ppp,
        "NQPF.JRN.P6": wide(df, "IP.JRN.ARTC.SC") / pop * 1e6,
        "NQPF.PAT.RESD.P6": wide(df, "IP.PAT.RESD") / pop * 1e6,
        "NQPF.PAT.RESD.RD": wide(df, "IP.PAT.RESD") / (wide(df, "GB.XPD.RSDV.GD.ZS") / 100 * gdp_ppp / 1e9),
        "NQPF.ROYL.RATIO": wide(df, "BX.GSR.ROYL.CD") / wide(df, "BM.GSR.ROYL.CD"),
        "NQPF.CO2.GDP": wide(df, "EN.ATM.CO2E.KT") * 1e6 / gdp_ppp,
        "NQPF.LP.USA": lp.div(lp["USA"], axis=0) * 100,
    }
    return pd.concat([_long(w.astype(float), code) for code, w in parts.items()], ignore_index=True)


def panel() -> pd.DataFrame:
    """WDI's indicators and the derived ones: indicator, countrycode, country (Chinese), year, value (a copy)."""
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


def line(code: str, country: str, df: pd.DataFrame | None = None) -> pd.Series:
    """One indicator (WDI or derived) for one economy, indexed by year."""
    if df is None:  # the panel is sorted by indicator, economy and year: its rows for one pair are one slice
        start, stop = _slices().get((code, country), (0, 0))
        return _panel().iloc[start:stop].set_index("year")["value"]
    return df[(df["indicator"] == code) & (df["countrycode"] == country)].set_index("year")["value"].sort_index()


@lru_cache(maxsize=1)
def _slices() -> dict[tuple[str, str], tuple[int, int]]:
    """(indicator, economy) -> the rows of the sorted panel that hold it (a scan of the string columns per call
    took 4 ms; the chapter asks for some 150 lines)."""
    p = _panel()
    keys = list(zip(p["indicator"], p["countrycode"]))
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for i, k in enumerate(keys):
        out[k] = (out[k][0], i + 1) if k in out else (i, i + 1)
    return out


def value(code: str, country: str, year: int, df: pd.DataFrame | None = None) -> float:
    """One value; a KeyError naming indicator, economy and year when WDI has none (never NaN)."""
    s = line(code, country, df)
    if year not in s.index:
        raise KeyError(f"WDI has no {code} for {country} in {year}")
    return float(s[year])


__all__ += ["line", "value"]
