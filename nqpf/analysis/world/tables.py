"""Cross-country tables: one indicator in one year, the latest values, WDI's coverage, R&D against productivity."""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.world.derived import panel
from nqpf.analysis.world.wdi import COUNTRIES, ECONOMIES, META, check_code, check_countries, label, unit
from nqpf.core.errors import UsageError

__all__ = ["compare", "latest_table", "coverage", "scatter_data", "no_china_series"]


def no_china_series(codes=None, df: pd.DataFrame | None = None) -> list[str]:
    """The indicators (of `codes`, default all of META) for which the panel holds no value for China.

    Tables and catch-up timing leave these out by name, never silently (the chapter prints the list).
    """
    df = panel() if df is None else df
    have = set(df.loc[df["countrycode"] == "CHN", "indicator"])
    return [c for c in (codes or META) if c not in have]


def compare(indicator: str, year: int, countries=None, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """One indicator in one year across economies: countrycode, country, value (economies without data left out)."""
    check_code(indicator)
    countries = check_countries(countries or COUNTRIES)
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
    """For each indicator: China's latest year, and every economy's value in that year (NaN where WDI has none).

    An indicator without any China value raises (naming it): a row cannot be anchored on China's latest year.
    """
    df = panel() if df is None else df
    missing = no_china_series(codes, df)
    if missing:
        raise UsageError(f"no China series for {', '.join(missing)}: no latest year to compare")
    rows = []
    for code in codes:
        sel = df[df["indicator"] == code]
        year = int(sel.loc[sel["countrycode"] == "CHN", "year"].max())
        vals = sel[sel["year"] == year].set_index("countrycode")["value"]
        rows.append({"indicator": code, "label": label(code), "unit": unit(code), "year": year,
                     **{c: vals.get(c, float("nan")) for c in countries}})
    return pd.DataFrame(rows)


def coverage(codes=None, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """What WDI reports: per indicator, China's first and last year (empty when WDI has no China series), the latest
    year of any economy, and which of the ten economies have no value in China's latest year."""
    df = panel() if df is None else df
    rows = []
    by_code = dict(list(df.groupby("indicator", sort=False)))  # one pass over the string column, not one a code
    for code in codes or [c for c in META if not c.startswith("NQPF.")]:
        sel = by_code[code] if code in by_code else df.iloc[:0]
        chn = sel[sel["countrycode"] == "CHN"]["year"]
        last = int(chn.max()) if len(chn) else None
        have = set(sel[sel["year"] == last]["countrycode"]) if last else set()
        rows.append({"indicator": code, "label": label(code), "china_first": int(chn.min()) if len(chn) else None,
                     "china_last": last, "any_last": int(sel["year"].max()),
                     "missing_in_china_last_year": " ".join(c for c in ECONOMIES if c not in have)
                     if last else "中国无数据"})
    out = pd.DataFrame(rows)
    for col in ("china_first", "china_last"):
        out[col] = out[col].astype("Int64")
    return out


def scatter_data(countries=ECONOMIES, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """R&D intensity (%) against GDP per person employed (2021 PPP $), every year both exist."""
    countries = check_countries(countries)
    df = panel() if df is None else df
    sel = df[df["indicator"].isin(["GB.XPD.RSDV.GD.ZS", "SL.GDP.PCAP.EM.KD"]) & df["countrycode"].isin(countries)]
    w = sel.pivot_table(index=["countrycode", "country", "year"], columns="indicator", values="value").dropna()
    w = w.rename(columns={"GB.XPD.RSDV.GD.ZS": "rd_percent_gdp", "SL.GDP.PCAP.EM.KD": "gdp_per_employed"})
    return w.reset_index()[["countrycode", "country", "year", "rd_percent_gdp", "gdp_per_employed"]]
