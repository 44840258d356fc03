"""Labour productivity relative to the US: per person employed (WDI and PWT) and per hour worked (PWT ``avh``),
and PWT's TFP levels beside them (the levels only; growth accounting is the TFP chapter's, nqpf.analysis.tfp)."""

from __future__ import annotations

import math

import pandas as pd

from nqpf.analysis.world.derived import panel
from nqpf.analysis.world.wdi import COUNTRIES, PEERS, check_countries
from nqpf.core import data
from nqpf.core.errors import UsageError
from nqpf.core.growth import cagr

__all__ = ["PWT", "PWT_VINTAGE", "WDI_LP_VINTAGE", "productivity_gap", "pwt_levels", "hours_gap"]

PWT = "pwt110_selected"
PWT_VINTAGE = "PWT 11.0"
WDI_LP_VINTAGE = "WDI 2026-07 (SL.GDP.PCAP.EM.KD, 2021 PPP $)"


def productivity_gap(country: str = "CHN", first: int | None = None, last: int | None = None,
                     df: pd.DataFrame | None = None) -> dict:
    """GDP per person employed (2021 PPP $) relative to the US over the growth years first..last (base: first - 1).

    rel_base / rel_last: the ratio (% of the US level) in the base and the last year; closing_pp_per_year: its
    change a year in percentage points; relative_growth: the compound growth of the ratio, equal to
    (1 + g) / (1 + g_US) - 1 with g the country's productivity growth (% a year); years_to_half: at that relative
    growth, years after `last` until the ratio reaches 50 % (None if it does not rise or is already there).
    Example: a ratio of 25 % growing 5 % a year needs ln 2 / ln 1.05 = 14.2 years to reach 50 %.
    """
    country = check_countries([country])[0]
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
            "relative_growth": float(rg), "years_to_half": half, "vintage": WDI_LP_VINTAGE}


def _pwt(first: int, year: int) -> pd.DataFrame:
    raw = data.load(PWT)
    years = sorted(raw["year"].unique())
    for y in (first - 1, year):
        if y not in years:
            raise UsageError(f"PWT 11.0 has no year {y}; years: {years[0]}-{years[-1]} (a period's base is the year "
                             f"before its first growth year)")
    if year < first:
        raise UsageError(f"the period must run forward in time, not {first}-{year}")
    return raw.set_index(["countrycode", "year"])


def pwt_levels(year: int = 2023, first: int = 2014) -> pd.DataFrame:
    """PWT 11.0 beside WDI for PWT's six economies: labour productivity relative to the US in `year` from both
    sources, PWT's TFP level (ctfp, current PPPs, USA = 1, a level comparison only) and the change of PWT's TFP
    index (rtfpna, national prices, for change over time) over the growth years first..year (base first - 1), % a year.

    PWT's labour productivity is cgdpo / emp (output-side real GDP at current PPPs per person engaged).
    """
    p = _pwt(first, year)
    wd = panel()
    lp = wd[(wd["indicator"] == "NQPF.LP.USA") & (wd["year"] == year)].set_index("countrycode")["value"]
    rows = []
    usa = p.loc[("USA", year)]
    for code in PEERS:
        r = p.loc[(code, year)]
        if code not in lp.index:
            raise UsageError(f"WDI has no labour productivity for {code} in {year}")
        rows.append({"countrycode": code, "country": COUNTRIES[code],
                     "lp_wdi_rel_usa": float(lp[code]),
                     "lp_pwt_rel_usa": float(r["cgdpo"] / r["emp"] / (usa["cgdpo"] / usa["emp"]) * 100),
                     "ctfp": float(r["ctfp"]),
                     "rtfpna_growth": cagr(p.loc[(code, first - 1), "rtfpna"], r["rtfpna"], year - first + 1),
                     "vintage": f"{PWT_VINTAGE}; {WDI_LP_VINTAGE}"})
    return pd.DataFrame(rows)


def hours_gap(country: str = "CHN", first: int = 2014, last: int = 2023) -> dict:
    """Labour productivity relative to the US per person engaged and per hour worked (PWT 11.0), level and change.

    Level in `last` (current PPPs): cgdpo / emp and cgdpo / (emp x avh), as % of the US. Change over the growth
    years first..last (base first - 1, national prices): compound growth of rgdpna / emp and of
    rgdpna / (emp x avh), the country's and the US's, and the ratio's relative growth (1 + g) / (1 + g_US) - 1.
    Chinese workers put in more hours a year than American ones (avh), so per hour the gap is wider.
    """
    country = check_countries([country])[0]
    p = _pwt(first, last)
    base = first - 1
    n = last - base
    out = {"country": country, "first": first, "last": last, "base": base, "vintage": PWT_VINTAGE}
    for c, key in ((country, "own"), ("USA", "usa")):
        for y in (base, last):
            if pd.isna(p.loc[(c, y), "avh"]):
                raise UsageError(f"PWT 11.0 has no hours worked (avh) for {c} in {y}")
        out[f"avh_{key}"] = float(p.loc[(c, last), "avh"])
        for per, hrs in (("person", False), ("hour", True)):
            def lp(y, col, c=c, hrs=hrs):
                r = p.loc[(c, y)]
                return r[col] / (r["emp"] * (r["avh"] if hrs else 1))
            out[f"level_{per}_{key}"] = float(lp(last, "cgdpo"))
            out[f"growth_{per}_{key}"] = float(cagr(lp(base, "rgdpna"), lp(last, "rgdpna"), n))
    for per in ("person", "hour"):
        out[f"rel_{per}"] = out[f"level_{per}_own"] / out[f"level_{per}_usa"] * 100
        out[f"relative_growth_{per}"] = ((1 + out[f"growth_{per}_own"] / 100)
                                         / (1 + out[f"growth_{per}_usa"] / 100) - 1) * 100
    return out
