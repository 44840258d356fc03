"""PWT's own TFP measures beside ours: its index rtfpna (change over time), its level ctfp (one year across
countries), a level relative to the USA computed from PWT's current-PPP columns, and the check that our residual
with PWT's method reproduces rtfpna."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from nqpf.analysis.tfp.accounting import annual, check_alpha
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

__all__ = ["level_vs_us", "pwt_tfp_check", "levels", "level_in", "tfp_index", "tfp_growth", "mean_log_growth"]


def level_vs_us(panel: pd.DataFrame, country: str, year: int, hours: bool = True,
                alpha: float | None = None) -> float:
    """A TFP level relative to the USA computed from PWT's current-PPP columns (Cobb–Douglas):

        (cgdpo_c/cgdpo_US) / [(ck_c/ck_US)^ᾱ · (L_c/L_US)^(1−ᾱ)],  L = emp·hc (·avh with ``hours``),

    ᾱ the mean of the two countries' 1 − labsh (or a fixed ``alpha``). Close in design to PWT's ctfp but not
    its exact recipe: it is an alternative specification, not a reproduction.
    """
    check_alpha(alpha)
    rows = panel[panel["year"] == year].set_index("countrycode")
    if country not in rows.index or "USA" not in rows.index:
        raise UsageError(f"PWT has no {year} row for {country} or USA")
    c, u = rows.loc[country], rows.loc["USA"]
    a = 1 - (c["labsh"] + u["labsh"]) / 2 if alpha is None else alpha
    lab_c = c["emp"] * c["hc"] * (c["avh"] if hours else 1.0)
    lab_u = u["emp"] * u["hc"] * (u["avh"] if hours else 1.0)
    value = (c["cgdpo"] / u["cgdpo"]) / ((c["ck"] / u["ck"]) ** a * (lab_c / lab_u) ** (1 - a))
    if pd.isna(value):
        raise UsageError(f"{country} {year}: an input of the level comparison is missing")
    return float(value)


def pwt_tfp_check(panel: pd.DataFrame, country: str) -> pd.DataFrame:
    """Our residual with PWT's own method (K = rkna, labour = emp·avh·hc, Törnqvist labsh) beside the growth
    of PWT's TFP index rtfpna; both as log growth (not ×100)."""
    ours = annual(panel, country, None, "rkna", hours=True)["tfp"] / 100
    rows = panel[panel["countrycode"] == country].set_index("year").sort_index()
    theirs = np.log(rows["rtfpna"]).diff()
    out = pd.DataFrame({"ours": ours, "pwt": theirs}).dropna()
    out["difference"] = out["ours"] - out["pwt"]
    return out


def levels(panel: pd.DataFrame, countries, column: str = "ctfp") -> pd.DataFrame:
    """A PWT column as a year × country table (default ctfp, the TFP *level* at current PPPs, USA = 1).

    ctfp compares countries within one year; PWT's user guide says to use rtfpna (constant national prices) for
    change over time, so the book reads ctfp one year at a time (:func:`level_in`) and :func:`tfp_index` for change.
    """
    sub = panel[panel["countrycode"].isin(list(countries))]
    return sub.pivot(index="year", columns="countrycode", values=column)[list(countries)].dropna(how="all")


def level_in(panel: pd.DataFrame, countries, year: int) -> pd.Series:
    """ctfp (TFP level relative to the USA at current PPPs) of each country in one year: a cross-section."""
    lv = levels(panel, countries, "ctfp")
    if year not in lv.index:
        raise UsageError(f"ctfp has no values for {year} (years {int(lv.index.min())}-{int(lv.index.max())})")
    return lv.loc[year]


def tfp_index(panel: pd.DataFrame, countries, base: int) -> pd.DataFrame:
    """rtfpna (TFP at constant national prices) rebased to 1 in ``base``: each country's change over time."""
    lv = levels(panel, countries, "rtfpna")
    if base not in lv.index or lv.loc[base].isna().any():
        raise UsageError(f"rtfpna is missing in the base year {base} for one of {', '.join(countries)}")
    return lv.loc[base:] / lv.loc[base]


def tfp_growth(panel: pd.DataFrame, country: str, start: int, end: int) -> float:
    """Average annual growth of rtfpna over the growth years start…end (log ×100), the change PWT measures."""
    return mean_log_growth(panel, country, "rtfpna", start, end)


def mean_log_growth(panel: pd.DataFrame, country: str, column: str, start: int, end: int) -> float:
    """100·ln(x_end / x_base) / n for the growth years start…end of one PWT column (base start − 1)."""
    p = Period(int(start), int(end))
    rows = panel[panel["countrycode"] == country].set_index("year")[column]
    if p.base not in rows.index or end not in rows.index or pd.isna(rows[[p.base, end]]).any():
        raise UsageError(f"{country}: {column} is missing for {p.base} or {end}")
    return 100 * math.log(rows[end] / rows[p.base]) / p.years
