"""Growth accounting and the Solow residual from Penn World Table data.

Cobb-Douglas, Y = A·K^α·(H·L)^(1−α). For each growth year t the log growth of GDP splits into

    Δln Y_t = ᾱ_t Δln K_t + (1−ᾱ_t) Δln L_t + (1−ᾱ_t) Δln H_t + Δln A_t,

with the Törnqvist share ᾱ_t = (α_t + α_{t−1})/2 and α_t = 1 − labsh_t (PWT's labour share), or a fixed α.
Periods follow the book's convention (:mod:`nqpf.core.periods`): "1978–2012" is named by its first and last
growth years, so it covers the growth years 1978…2012 from the base 1977. Its average annual contributions (×100,
percentage points) are the means of the yearly terms, so they add up to ln(Y_2012/Y_1977)/35 exactly. The
compound annual rate (Y_last/Y_base)^(1/n) − 1 is also offered, with every contribution rescaled in proportion,
because the seeds and official statistics quote compound rates. Published periods are read into the convention
explicitly by :data:`nqpf.analysis.tfp.published.PERIOD_READINGS`.

Everything here is a pure function of a PWT-shaped DataFrame (columns countrycode, year, rgdpna, rnna, rkna,
emp, avh, hc, labsh); ``pwt(vintage)`` loads the validated files from data/raw.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from nqpf.core import data, growth
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

__all__ = ["VINTAGES", "CAPITAL", "PARTS", "COUNTRY_ZH", "pwt", "check_alpha", "annual", "period_rows", "decompose",
           "shares", "alpha_grid", "compare", "per_worker"]

VINTAGES = {"11.0": "pwt110_selected", "10.01": "pwt1001_selected"}
CAPITAL = ("rnna", "rkna")
PARTS = ("capital", "labour", "human_capital", "tfp")
COUNTRY_ZH = {"CHN": "中国", "USA": "美国", "JPN": "日本", "KOR": "韩国", "DEU": "德国", "IND": "印度"}


def pwt(vintage: str = "11.0") -> pd.DataFrame:
    """The Penn World Table extract of one vintage (validated against its manifest)."""
    if vintage not in VINTAGES:
        raise UsageError(f"unknown PWT vintage '{vintage}' (known: {', '.join(VINTAGES)})")
    return data.load(VINTAGES[vintage])


def check_alpha(alpha):
    """UsageError unless ``alpha`` is None (α_t = 1 − labsh) or a number strictly between 0 and 1."""
    if alpha is not None and not (isinstance(alpha, (int, float)) and 0 < alpha < 1):
        raise UsageError(f"alpha must lie strictly between 0 and 1, not {alpha}")


def _series(panel: pd.DataFrame, country: str, capital: str, hours: bool, alpha) -> pd.DataFrame:
    """Inputs of one country, indexed by year: Y, K, L (persons or hours), H and α_t."""
    if capital not in CAPITAL:
        raise UsageError(f"capital must be one of {', '.join(CAPITAL)}, not '{capital}'")
    check_alpha(alpha)
    rows = panel[panel["countrycode"] == country]
    if rows.empty:
        known = ", ".join(sorted(panel["countrycode"].unique()))
        raise UsageError(f"unknown country '{country}' (known: {known})")
    rows = rows.set_index("year").sort_index()
    out = pd.DataFrame(index=rows.index)
    out["Y"] = rows["rgdpna"]
    out["K"] = rows[capital]
    out["L"] = rows["emp"] * rows["avh"] if hours else rows["emp"]
    out["H"] = rows["hc"]
    out["alpha"] = alpha if alpha is not None else 1 - rows["labsh"]
    return out


def annual(panel: pd.DataFrame, country: str = "CHN", alpha: float | None = None, capital: str = "rnna",
           hours: bool = False) -> pd.DataFrame:
    """Yearly contributions (log growth ×100, percentage points) for every year with complete inputs.

    Columns: alpha (the Törnqvist-averaged capital share used for that growth year), gdp, capital, labour,
    human_capital, tfp; index: the growth year t (growth from t−1 to t).
    """
    # numpy on the country's rows (same operations in the same order as the pandas version, so the same bits):
    # the chapter and its findings ask for some 300 decompositions and pandas' overhead was 9 ms each.
    if capital not in CAPITAL:
        raise UsageError(f"capital must be one of {', '.join(CAPITAL)}, not '{capital}'")
    check_alpha(alpha)
    mask = panel["countrycode"].to_numpy(dtype=object) == country
    if not mask.any():
        known = ", ".join(sorted(panel["countrycode"].unique()))
        raise UsageError(f"unknown country '{country}' (known: {known})")
    years = panel["year"].to_numpy()[mask]
    order = np.argsort(years, kind="stable")
    years = years[order]
    col = {c: panel[c].to_numpy(dtype=float)[mask][order] for c in ("rgdpna", capital, "emp", "avh", "hc", "labsh")}
    labour = col["emp"] * col["avh"] if hours else col["emp"]
    share = np.full(len(years), float(alpha)) if alpha is not None else 1 - col["labsh"]
    inputs = np.column_stack([col["rgdpna"], col[capital], labour, col["hc"], share])
    keep = ~np.isnan(inputs).any(axis=1)
    inputs, years = inputs[keep], years[keep]
    if len(years) < 2:
        raise UsageError(f"{country}: fewer than two years with complete data")
    # Growth from t-1 to t needs consecutive years: a gap would turn several years into one.
    full = np.arange(years.min(), years.max() + 1)
    grid = np.full((len(full), 5), np.nan)
    grid[years - years.min()] = inputs
    logs = np.log(grid[:, :4])
    d = np.full_like(logs, np.nan)
    d[1:] = (logs[1:] - logs[:-1]) * 100
    a = np.full(len(full), np.nan)
    a[1:] = (grid[1:, 4] + grid[:-1, 4]) / 2
    cap, lab, hc = a * d[:, 1], (1 - a) * d[:, 2], (1 - a) * d[:, 3]
    tfp = d[:, 0] - cap - lab - hc
    table = np.column_stack([a, d[:, 0], cap, lab, hc, tfp])
    ok = ~np.isnan(table).any(axis=1)
    return pd.DataFrame(table[ok], columns=["alpha", "gdp", "capital", "labour", "human_capital", "tfp"],
                        index=pd.Index(full[ok], name="year"))


def period_rows(ann: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """The yearly rows of :func:`annual` for the growth years start…end (base start − 1); UsageError if any is
    missing."""
    if not (isinstance(start, (int, np.integer)) and isinstance(end, (int, np.integer))) or start > end:
        raise UsageError(f"the period needs a first growth year not after the last, not {start}-{end}")
    years = Period(int(start), int(end)).growth_years
    missing = [y for y in years if y not in ann.index]
    if missing:
        first, last = int(ann.index.min()), int(ann.index.max())
        raise UsageError(f"{country}: period {start}-{end} lies outside the data (growth years {first}-{last})")
    return ann.loc[list(years)]


def decompose(panel: pd.DataFrame, country: str = "CHN", start: int = 1978, end: int = 2012,
              alpha: float | None = None, capital: str = "rnna", hours: bool = False,
              compound: bool = False, vintage: str | None = None) -> dict:
    """Average annual contributions over the growth years start…end (base start − 1), TFP's share, mean α.

    Keys: gdp, capital, labour, human_capital, tfp (percentage points), tfp_share (percent of GDP growth),
    alpha_mean, specification. With ``compound`` the GDP rate is (Y_end/Y_start)^(1/n) − 1 and the
    contributions are rescaled by the same factor (shares unchanged).
    """
    ann = period_rows(annual(panel, country, alpha, capital, hours), country, start, end)
    means = ann.mean()
    out = {k: float(means[k]) for k in ("gdp",) + PARTS}
    if compound:
        y = _series(panel, country, capital, hours, alpha)["Y"]
        rate = growth.period_growth(y, int(start), int(end), name=f"{country} rgdpna")
        scale = rate / out["gdp"]
        out = {k: v * scale for k, v in out.items()}
    out["tfp_share"] = 100 * out["tfp"] / out["gdp"]
    out["alpha_mean"] = float(means["alpha"])
    out["specification"] = {
        "country": country, "start": int(start), "end": int(end), "base": int(start) - 1, "years": len(ann),
        "vintage": vintage, "output": "rgdpna", "capital": capital,
        "labour": "emp*avh" if hours else "emp", "human_capital": "hc",
        "alpha": "1-labsh, Tornqvist two-year average" if alpha is None else float(alpha),
        "rate": "compound" if compound else "log",
    }
    return out


def shares(result: dict) -> dict:
    """Each factor's share of GDP growth in percent; 'labour_total' is labour plus human capital."""
    g = result["gdp"]
    out = {f"{k}_share": 100 * result[k] / g for k in PARTS}
    out["labour_total_share"] = out["labour_share"] + out["human_capital_share"]
    return out


def alpha_grid(panel: pd.DataFrame, periods, alphas=None, country: str = "CHN", **kw) -> pd.DataFrame:
    """TFP's contribution (and share) for every fixed α in ``alphas`` and every (start, end) in ``periods``."""
    alphas = np.round(np.arange(0.30, 0.601, 0.05), 2) if alphas is None else alphas
    rows = []
    for a in alphas:
        ann = annual(panel, country, float(a), kw.get("capital", "rnna"), kw.get("hours", False))
        for start, end in periods:
            m = period_rows(ann, country, start, end).mean()
            rows.append({"alpha": float(a), "period": Period(int(start), int(end)).label, "start": start, "end": end,
                         "gdp": m["gdp"], "tfp": m["tfp"], "tfp_share": 100 * m["tfp"] / m["gdp"]})
    return pd.DataFrame(rows)


def compare(panel: pd.DataFrame, countries, start: int, end: int, **kw) -> pd.DataFrame:
    """One row per country: the decomposition of the same period with the same specification."""
    rows = []
    for c in countries:
        r = decompose(panel, c, start, end, **kw)
        rows.append({"country": c, **{k: r[k] for k in ("gdp",) + PARTS + ("tfp_share", "alpha_mean")}})
    return pd.DataFrame(rows)


def per_worker(panel: pd.DataFrame, country: str, start: int, end: int, alpha: float = 0.4, **kw) -> dict:
    """The layout of Bosworth & Collins (2008): GDP = employment + output per worker, and output per worker =
    α·Δln(K/L) + (1−α)·Δln H + TFP. Exact with a fixed α (log growth ×100, period means)."""
    check_alpha(alpha)
    ann = period_rows(annual(panel, country, alpha, **kw), country, start, end)
    m = ann.mean()
    employment = m["labour"] / (1 - alpha)  # Δln L
    return {"gdp": float(m["gdp"]), "employment": float(employment),
            "output_per_worker": float(m["gdp"] - employment),
            "capital": float(m["capital"] - alpha * employment), "education": float(m["human_capital"]),
            "tfp": float(m["tfp"])}
