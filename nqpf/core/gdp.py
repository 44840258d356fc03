"""The book's standard nominal GDP series for China (亿元, one statistical vintage), used by every chapter.

Built from the World Bank's WDI extract (``data/raw/wdi_selected.csv``): GDP in current US$ times the official
exchange rate. Before 1994 China had two exchange rates (official and swap market); WDI converts 1978-1993 GDP to
dollars with an alternative conversion factor, so dollars times the official rate is not the yuan figure in those
years. The standard series therefore starts with the unified rate of 1994.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.core import data, usage
from nqpf.core.errors import UsageError
from nqpf.core.growth import YI

WDI = "wdi_selected"
GDP_USD = "NY.GDP.MKTP.CD"  # GDP, current US$
XR = "PA.NUS.FCRF"  # official exchange rate, LCU per US$, period average
GDP_FIRST_YEAR = 1994
GDP_UNIT = "亿元"
GDP_VINTAGE = "WDI 2026-07: NBS latest revision (fifth economic census basis)"


def _wdi_china(indicator: str) -> pd.Series:
    df = data.load(WDI)
    sel = df[(df["indicator"] == indicator) & (df["countrycode"] == "CHN")]
    return sel.set_index("year")["value"].sort_index()


def china_gdp_wdi_all() -> pd.DataFrame:
    """GDP (current US$) x official exchange rate for every year WDI reports both, in 亿元 (all years, unchecked).

    Used to show why the standard series starts in 1994; chapters use :func:`china_gdp`.
    """
    path = data.resolve(WDI)
    usage.note(path)  # a cached series is still this page's use of the file (the data catalogue lists it)
    st = path.stat()
    return _wdi_all(data.load, st.st_mtime, st.st_size).copy()


@lru_cache(maxsize=4)
def _wdi_all(loader, mtime: float, size: int) -> pd.DataFrame:  # keyed on the loader too: tests replace it
    usd, xr = _wdi_china(GDP_USD), _wdi_china(XR)
    both = pd.concat({"usd": usd, "xr": xr}, axis=1).dropna()
    out = pd.DataFrame({"year": both.index.astype(int), "value": (both["usd"] * both["xr"] / YI).to_numpy()})
    return out.reset_index(drop=True)


def china_gdp() -> pd.DataFrame:
    """The book's standard nominal GDP series for China: columns ``year, value, unit, vintage``; value in 亿元.

    value = GDP in current US$ x official exchange rate (LCU per US$) / 1e8. Both come from WDI, whose dollar GDP
    is NBS's latest yuan figure divided by the same rate, so the product returns NBS's latest vintage for every
    year (one vintage, fit for growth rates and shares). Example: 2023 gives 1,294,272 亿元 (fifth economic census
    basis), against 1,260,582 in NBS's first release.

    >>> g = china_gdp()
    >>> int(g["year"].min()), round(float(g.loc[g["year"] == 2023, "value"].iloc[0]))
    (1994, 1294272)
    """
    out = china_gdp_wdi_all()
    out = out[out["year"] >= GDP_FIRST_YEAR].reset_index(drop=True)
    out["unit"] = GDP_UNIT
    out["vintage"] = GDP_VINTAGE
    return out[["year", "value", "unit", "vintage"]]


def gdp(year: int) -> float:
    """Standard nominal GDP (亿元) of one year.

    >>> round(gdp(2023))
    1294272
    >>> gdp(1990)
    Traceback (most recent call last):
    ...
    nqpf.core.errors.UsageError: no standard GDP for 1990 (years: 1994-2025)
    """
    s = china_gdp().set_index("year")["value"]
    if year not in s.index:
        raise UsageError(f"no standard GDP for {year} (years: {s.index.min()}-{s.index.max()})")
    return float(s[year])
