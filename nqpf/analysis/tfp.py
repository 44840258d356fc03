"""Growth accounting and the Solow residual from Penn World Table data.

Cobb-Douglas, Y = A·K^α·(H·L)^(1−α). For each growth year t the log growth of GDP splits into

    Δln Y_t = ᾱ_t Δln K_t + (1−ᾱ_t) Δln L_t + (1−ᾱ_t) Δln H_t + Δln A_t,

with the Törnqvist share ᾱ_t = (α_t + α_{t−1})/2 and α_t = 1 − labsh_t (PWT's labour share), or a fixed α.
Periods follow the book's convention (:mod:`nqpf.core.periods`): "1978–2012" is named by its first and last
growth years, so it covers the growth years 1978…2012 from the base 1977. Its average annual contributions (×100,
percentage points) are the means of the yearly terms, so they add up to ln(Y_2012/Y_1977)/35 exactly. The
compound annual rate (Y_last/Y_base)^(1/n) − 1 is also offered, with every contribution rescaled in proportion,
because the seeds and official statistics quote compound rates. Published periods are read into the convention
explicitly by :data:`PERIOD_READINGS`.

Everything here is a pure function of a PWT-shaped DataFrame (columns countrycode, year, rgdpna, rnna, rkna,
emp, avh, hc, labsh); ``pwt(vintage)`` loads the validated files from data/raw.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd

from nqpf.core import data, growth
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

VINTAGES = {"11.0": "pwt110_selected", "10.01": "pwt1001_selected"}
CAPITAL = ("rnna", "rkna")
PARTS = ("capital", "labour", "human_capital", "tfp")
COUNTRY_ZH = {"CHN": "中国", "USA": "美国", "JPN": "日本", "KOR": "韩国", "DEU": "德国", "IND": "印度"}


def pwt(vintage: str = "11.0") -> pd.DataFrame:
    """The Penn World Table extract of one vintage (validated against its manifest)."""
    if vintage not in VINTAGES:
        raise UsageError(f"unknown PWT vintage '{vintage}' (known: {', '.join(VINTAGES)})")
    return data.load(VINTAGES[vintage])


def _check_alpha(alpha):
    if alpha is not None and not (isinstance(alpha, (int, float)) and 0 < alpha < 1):
        raise UsageError(f"alpha must lie strictly between 0 and 1, not {alpha}")


def _series(panel: pd.DataFrame, country: str, capital: str, hours: bool, alpha) -> pd.DataFrame:
    """Inputs of one country, indexed by year: Y, K, L (persons or hours), H and α_t."""
    if capital not in CAPITAL:
        raise UsageError(f"capital must be one of {', '.join(CAPITAL)}, not '{capital}'")
    _check_alpha(alpha)
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
    s = _series(panel, country, capital, hours, alpha).dropna()
    if len(s) < 2:
        raise UsageError(f"{country}: fewer than two years with complete data")
    # Growth from t-1 to t needs consecutive years: a gap would turn several years into one.
    s = s.reindex(range(s.index.min(), s.index.max() + 1))
    logs = np.log(s[["Y", "K", "L", "H"]])
    d = logs.diff() * 100
    a = (s["alpha"] + s["alpha"].shift(1)) / 2
    out = pd.DataFrame({"alpha": a, "gdp": d["Y"], "capital": a * d["K"], "labour": (1 - a) * d["L"],
                        "human_capital": (1 - a) * d["H"]})
    out["tfp"] = out["gdp"] - out["capital"] - out["labour"] - out["human_capital"]
    out.index.name = "year"
    return out.dropna()


def _period(ann: pd.DataFrame, country: str, start: int, end: int) -> pd.DataFrame:
    """The yearly rows of the growth years start…end (base start − 1)."""
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
    ann = _period(annual(panel, country, alpha, capital, hours), country, start, end)
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
            m = _period(ann, country, start, end).mean()
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
    _check_alpha(alpha)
    ann = _period(annual(panel, country, alpha, **kw), country, start, end)
    m = ann.mean()
    employment = m["labour"] / (1 - alpha)  # Δln L
    return {"gdp": float(m["gdp"]), "employment": float(employment),
            "output_per_worker": float(m["gdp"] - employment),
            "capital": float(m["capital"] - alpha * employment), "education": float(m["human_capital"]),
            "tfp": float(m["tfp"])}


# ------------------------------------------------------------------ robustness of the headline (issue 21)

# The periods every headline reading is checked on: reform (base 1978) to 2012, then 2013 on to two ends.
ROBUSTNESS_PERIODS = ((1979, 2012), (2013, 2019), (2013, 2023))
ROBUSTNESS_ALPHAS = (None, 0.3, 0.4, 0.5)  # None: α_t = 1 − labsh, Törnqvist-averaged
LABOUR = {"emp": False, "emp*avh": True}   # heads, or hours worked
# PWT's own TFP index rtfpna is this specification (PWT user guide; data/README: rebuilt within 1.4e-7):
# Törnqvist, capital services rkna, labour emp·avh·hc, capital share 1 − labsh varying by year.
PWT_METHOD = {"capital": "rkna", "labour": "emp*avh", "alpha": "1-labsh"}
# The book's default specification (a capital stock and persons engaged): not PWT's.
DEFAULT_SPEC = {"capital": "rnna", "labour": "emp", "alpha": "1-labsh"}


def alpha_name(alpha) -> str:
    """How a capital-share choice is written in tables: '1-labsh' or the fixed value ('0.4')."""
    return "1-labsh" if alpha is None else f"{float(alpha):g}"


def _vintage_last(vintage: str) -> int:
    return int(pwt(vintage)["year"].max())


def robustness(start: int | None = None, end: int | None = None, country: str = "CHN",
               vintages=None) -> pd.DataFrame:
    """See :func:`_robustness` (cached: the findings, the chapter and the CLI read the same table)."""
    vintages = tuple(VINTAGES) if vintages is None else tuple(vintages)
    return _robustness(start, end, country, vintages).copy()


@lru_cache(maxsize=16)
def _robustness(start, end, country, vintages) -> pd.DataFrame:
    """TFP's contribution (log points ×100 a year) and share of GDP growth (%) under every specification:
    capital rnna / rkna × labour in heads / hours × α = 1 − labsh, 0.3, 0.4, 0.5 × PWT 11.0 / 10.01.

    Without ``start``/``end`` the three :data:`ROBUSTNESS_PERIODS`. A vintage that does not reach a period's
    last year gives a row with empty values and a ``note`` (PWT 10.01 ends in 2019): nothing is extrapolated.
    ``pwt_method`` marks the row with PWT's own specification (:data:`PWT_METHOD`); ``default`` the book's.
    """
    if (start is None) != (end is None):
        raise UsageError("give both --start and --end (first and last growth year), or neither")
    pers = ROBUSTNESS_PERIODS if start is None else ((start, end),)
    rows = []
    for vintage in vintages:
        panel = pwt(vintage)
        last = _vintage_last(vintage)
        for capital in CAPITAL:
            for labour, hours in LABOUR.items():
                for alpha in ROBUSTNESS_ALPHAS:
                    ann = None
                    for s, e in pers:
                        p = Period(int(s), int(e))
                        spec = {"capital": capital, "labour": labour, "alpha": alpha_name(alpha)}
                        row = {"period": p.label, "first": p.first, "last": p.last, "base": p.base,
                               "vintage": vintage, **spec, "gdp": math.nan, "tfp": math.nan,
                               "tfp_share": math.nan, "pwt_method": spec == PWT_METHOD,
                               "default": spec == DEFAULT_SPEC, "note": ""}
                        if p.last > last:
                            row["note"] = f"PWT {vintage} ends in {last}: no value for {p.label}"
                        else:
                            if ann is None:
                                ann = annual(panel, country, alpha, capital, hours)
                            m = _period(ann, country, p.first, p.last).mean()
                            row.update(gdp=float(m["gdp"]), tfp=float(m["tfp"]),
                                       tfp_share=float(100 * m["tfp"] / m["gdp"]))
                        rows.append(row)
    return pd.DataFrame(rows)


def spec_label(row) -> str:
    """A short Chinese name of one specification row: 'PWT 11.0·rkna·工时·α=1−labsh'."""
    lab = "工时" if row["labour"] == "emp*avh" else "人数"
    alpha = "1−labsh" if row["alpha"] == "1-labsh" else row["alpha"]
    return f"PWT {row['vintage']}·{row['capital']}·{lab}·α={alpha}"


def share_change(after: tuple[int, int], before: tuple[int, int] = ROBUSTNESS_PERIODS[0],
                 value: str = "tfp_share") -> pd.DataFrame:
    """Per specification: ``value`` (default TFP's share of growth, %; or ``"tfp"``, pp) in ``after`` minus
    ``before``, for every specification whose vintage covers both periods (column ``change``)."""
    rob = pd.concat([robustness(*before), robustness(*after)])
    key = ["vintage", "capital", "labour", "alpha"]
    b = rob[(rob["first"] == before[0]) & (rob["last"] == before[1])].set_index(key)
    a = rob[(rob["first"] == after[0]) & (rob["last"] == after[1])].set_index(key)
    out = pd.DataFrame({"before": b[value], "after": a[value], "pwt_method": b["pwt_method"],
                        "default": b["default"]}).dropna(subset=["before", "after"])
    out["change"] = out["after"] - out["before"]
    out = out.reset_index()
    out["name"] = [spec_label(r) for r in out.to_dict("records")]
    return out


def level_vs_us(panel: pd.DataFrame, country: str, year: int, hours: bool = True,
                alpha: float | None = None) -> float:
    """A TFP level relative to the USA computed from PWT's current-PPP columns (Cobb–Douglas):

        (cgdpo_c/cgdpo_US) / [(ck_c/ck_US)^ᾱ · (L_c/L_US)^(1−ᾱ)],  L = emp·hc (·avh with ``hours``),

    ᾱ the mean of the two countries' 1 − labsh (or a fixed ``alpha``). Close in design to PWT's ctfp but not
    its exact recipe: it is an alternative specification, not a reproduction.
    """
    _check_alpha(alpha)
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


# PWT's human-capital index: hc = exp(φ(s)), s average years of schooling, φ piecewise linear with the returns
# to schooling of Psacharopoulos (1994): 13.4 % for the first four years, 10.1 % for the next four, 6.8 % after.
HC_RETURNS = ((4.0, 0.134), (4.0, 0.101), (math.inf, 0.068))


def schooling_from_hc(hc: float) -> float:
    """Average years of schooling implied by a PWT ``hc`` value (the inverse of PWT's φ).

    >>> round(schooling_from_hc(math.exp(0.134 * 4 + 0.101 * 2)), 6)  # four years at 13.4 %, two at 10.1 %
    6.0
    """
    if not hc >= 1:
        raise UsageError(f"PWT's hc is at least 1, not {hc}")
    left, years = math.log(hc), 0.0
    for width, rate in HC_RETURNS:
        step = min(width, left / rate)
        years += step
        left -= step * rate
        if left <= 1e-15:
            break
    return years


def marginal_return(years: float) -> float:
    """PWT's return to one more year of schooling (percent) at ``years`` of schooling."""
    edge = 0.0
    for width, rate in HC_RETURNS:
        edge += width
        if years < edge:
            return 100 * rate
    return 100 * HC_RETURNS[-1][1]


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


# How each published period is read into the book's convention (first and last growth years; base the year
# before). Keyed by (source, start, end) as the data files write them.
PERIOD_READINGS = pd.DataFrame([
    ("000", "种子 000（据测算）", "1978-2012", 1978, 2012, 1978, 2012,
     "按名称读作增长年份 1978–2012；与下一期 2013–2019 首尾相接，不重不漏"),
    ("000", "种子 000（据测算）", "2013-2019", 2013, 2019, 2013, 2019,
     "增长年份 2013–2019，基年 2012"),
    ("004", "种子 004 转引人民银行调查统计司", "1978-2020", 1978, 2020, 1978, 2020,
     "按名称读作增长年份 1978–2020（全期）"),
    ("004", "种子 004 转引人民银行调查统计司", "2013-2020", 2013, 2020, 2013, 2020,
     "增长年份 2013–2020，为上一行全期的子期"),
    ("BC2008", "Bosworth and Collins (2008)", "1978–2004", 1978, 2004, 1979, 2004,
     "原文以端点年份命名（子期共用 1993），1978 为基年"),
    ("BC2008", "Bosworth and Collins (2008)", "1978–93", 1978, 1993, 1979, 1993,
     "同上：1978 年水平到 1993 年水平"),
    ("BC2008", "Bosworth and Collins (2008)", "1993–2004", 1993, 2004, 1994, 2004,
     "同上：1993 年水平到 2004 年水平，与上一子期首尾相接"),
], columns=["source", "source_zh", "written", "start", "end", "first", "last", "reading"])


def read_period(source: str, start: int, end: int) -> Period:
    """The book's period (first and last growth years) for a period as a source writes it."""
    hit = PERIOD_READINGS[(PERIOD_READINGS["source"] == source) & (PERIOD_READINGS["start"] == int(start))
                          & (PERIOD_READINGS["end"] == int(end))]
    if len(hit) != 1:
        raise UsageError(f"no reading of the period {start}-{end} of source {source} (see tfp.PERIOD_READINGS)")
    return Period(int(hit["first"].iloc[0]), int(hit["last"].iloc[0]))


def period_readings() -> pd.DataFrame:
    """The readings as a table: source, period as written, first and last growth year, base, years, why."""
    out = PERIOD_READINGS.copy()
    out["base"] = out["first"] - 1
    out["years"] = out["last"] - out["first"] + 1
    return out[["source", "source_zh", "written", "first", "last", "base", "years", "reading"]]


def seed_table() -> pd.DataFrame:
    """The decompositions the seeds quote (seed 000 line 12, seed 004 line 37), one figure per row."""
    return data.load("seed_growth_decompositions")


def bc_table() -> pd.DataFrame:
    """Bosworth & Collins (2008), Table 1: sources of growth in China and India, one figure per row."""
    return data.load("bosworth_collins_2008_growth")


# Seed 004's "labour" share (劳动要素) has no separate human capital, so it is compared with both together.
_SHARE_ITEM = {"tfp_share": "tfp_share", "capital_share": "capital_share", "labour_share": "labour_total_share"}


def seed_comparison(panel: pd.DataFrame, seeds_df: pd.DataFrame, compound: bool = True, **kw) -> pd.DataFrame:
    """Each figure the seeds quote beside our recomputation of the same period (default specification;
    compound rates by default because the seeds' GDP averages are compound rates)."""
    rows = []
    for r in seeds_df.itertuples(index=False):
        p = read_period(r.seed, r.start, r.end)
        res = decompose(panel, "CHN", p.first, p.last, compound=compound, **kw)
        ours = shares(res)[_SHARE_ITEM[r.item]] if r.item in _SHARE_ITEM else res[r.item]
        rows.append({"seed": r.seed, "line": int(r.line), "period": p.label, "item": r.item,
                     "unit": r.unit, "published": float(r.value), "recomputed": ours,
                     "difference": ours - float(r.value)})
    return pd.DataFrame(rows)


def bc_comparison(panel: pd.DataFrame, bc_df: pd.DataFrame, alpha: float = 0.4, **kw) -> pd.DataFrame:
    """Bosworth & Collins (2008) Table 1 beside the same layout computed from PWT with their fixed α = 0.4."""
    rows = []
    for (c, s, e), grp in bc_df.groupby(["countrycode", "start", "end"], sort=False):
        p = read_period("BC2008", s, e)
        ours = per_worker(panel, c, p.first, p.last, alpha, **kw)
        for r in grp.itertuples(index=False):
            rows.append({"countrycode": c, "period": p.label, "item": r.item, "published": float(r.value),
                         "recomputed": float(ours[r.item]), "difference": float(ours[r.item]) - float(r.value)})
    return pd.DataFrame(rows)


def facts() -> dict:
    """Every number the chapter prints, by glue name (:func:`nqpf.analysis.tfp_facts.facts`; raises on NaN)."""
    from nqpf.analysis.tfp_facts import facts as chapter_facts  # imported here: tfp_facts imports this module

    return chapter_facts()
