"""Catch-up timing: when did Korea, Japan and Germany first reach China's latest level of an indicator?

The question only makes sense for an indicator that rises steadily with development, so that reaching a level
marks a stage a leader passed through. The rule (:func:`scope`), computed from the panel, never typed:

1. **Rises with development.** Over the ten economies' country-years, the Spearman rank correlation between the
   indicator (signed by its direction) and GDP per person employed is at least :data:`RHO_MIN` (0.5). This leaves
   out, for example, CO₂ per unit of GDP (it rises at low income before it falls), renewables' share of final
   energy (high at low income: traditional biomass) and of electricity (hydropower), high-tech exports' share
   (assembly trade), patents per R&D dollar, mobile subscriptions (saturated) and energy productivity.
2. **Rises along the leaders' own paths.** For at least :data:`LEADERS_RISING_MIN` of the three leaders the
   indicator's rank correlation with the year is at least :data:`RHO_MIN` (productivity *relative to the US*
   falls in Japan and Germany, so it is left out; productivity itself stays).
3. **China has a measured, moving series.** An indicator with no China series is listed, not timed; one whose
   China series ends in a frozen run (:func:`nqpf.core.series.frozen_since`; WDI repeats one value for China's
   medium- and high-tech share from 2011 on) is left out.

A leader whose first WDI observation already exceeds China's level is *censored*: it reached the level before
WDI starts, at an unknown date, so its lead is only known to be longer than WDI's coverage allows to see; it is
never given a number of years set by where WDI's coverage happens to start.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from nqpf.analysis.world.derived import panel
from nqpf.analysis.world.tables import no_china_series
from nqpf.analysis.world.wdi import COUNTRIES, ECONOMIES, LEADERS, META, check_code, check_countries, label
from nqpf.core.errors import UsageError
from nqpf.core.series import frozen_since

__all__ = ["RHO_MIN", "LEADERS_RISING_MIN", "FROZEN_MIN_VALUES", "CANDIDATES", "STATUS_ZH", "rank_corr", "scope",
           "catchup_codes", "reach_year", "catchup", "catchup_all", "catchup_table"]

RHO_MIN = 0.5
LEADERS_RISING_MIN = 2
FROZEN_MIN_VALUES = 3  # a run of at least three identical values ends the series: carried forward, not measured
DEVELOPMENT = "SL.GDP.PCAP.EM.KD"  # the development axis: GDP per person employed, 2021 PPP $
CANDIDATES = [c for c, m in META.items() if m[3] != 0 and m[0] != "背景"]
STATUS_ZH = {"reached": "已达到", "censored": "早于 WDI 起始年", "not yet": "尚未达到", "no data": "无数据"}


def rank_corr(x: pd.Series, y: pd.Series) -> float:
    """Spearman's rank correlation of two aligned series (Pearson on average ranks), NaN below five pairs.

    >>> rank_corr(pd.Series([1, 2, 3, 4, 5]), pd.Series([10, 20, 30, 50, 40]))
    0.9
    """
    both = pd.concat([x, y], axis=1).dropna()
    if len(both) < 5:
        return float("nan")
    r = both.rank()
    return round(float(r.iloc[:, 0].corr(r.iloc[:, 1])), 12)


def scope(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which indicators catch-up timing covers, and why each other one is left out.

    Columns: indicator, label, rho_development (rule 1), leaders_rising (rule 2: how many of the three leaders),
    china_frozen_since (rule 3), included, reason (Chinese, empty when included).
    """
    return _scope().copy() if df is None else _scope_of(df)


def _scope_of(df: pd.DataFrame) -> pd.DataFrame:
    dev = df[(df["indicator"] == DEVELOPMENT)].set_index(["countrycode", "year"])["value"]
    absent = set(no_china_series(CANDIDATES, df))
    rows = []
    by_code = dict(list(df.groupby("indicator", sort=False)))  # one pass over the string column, not one a code
    for code in CANDIDATES:
        d = META[code][3]
        sel = by_code[code] if code in by_code else df.iloc[:0]
        x = sel[sel["countrycode"].isin(ECONOMIES)].set_index(["countrycode", "year"])["value"] * d
        rho = rank_corr(x, dev.reindex(x.index))
        rising = 0
        for c in LEADERS:
            s = sel[sel["countrycode"] == c].set_index("year")["value"] * d
            rising += rank_corr(pd.Series(s.index, index=s.index, dtype=float), s) >= RHO_MIN
        chn = sel[sel["countrycode"] == "CHN"].set_index("year")["value"].sort_index()
        frozen = frozen_since(chn) if len(chn) else None
        frozen = frozen if frozen is not None and (chn.index >= frozen).sum() >= FROZEN_MIN_VALUES else None
        if code in absent:
            reason = "WDI 无中国数据"
        elif frozen is not None:
            reason = f"中国序列自 {frozen} 年起重复同一数值（推算值，非实测）"
        elif not rho >= RHO_MIN:
            reason = f"不随发展稳定上升（与劳动生产率的秩相关 {rho:.2f}）"
        elif rising < LEADERS_RISING_MIN:
            reason = f"领先者自身路径不上升（三国中 {rising} 国上升）"
        else:
            reason = ""
        rows.append({"indicator": code, "label": label(code), "rho_development": rho, "leaders_rising": int(rising),
                     "china_frozen_since": frozen, "included": reason == "", "reason": reason})
    out = pd.DataFrame(rows)
    out["china_frozen_since"] = out["china_frozen_since"].astype("Int64")
    return out


@lru_cache(maxsize=1)
def _scope() -> pd.DataFrame:
    return _scope_of(panel())


def catchup_codes() -> list[str]:
    """The indicators catch-up timing covers (rules 1-3 of :func:`scope`), in META order."""
    s = scope()
    return list(s.loc[s["included"], "indicator"])


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


def _check_timed(indicator: str) -> None:
    s = scope().set_index("indicator")
    why = s.loc[indicator, "reason"] if indicator in s.index else ""
    check_code(indicator, catchup_codes(), why=why)


def catchup(indicator: str, leaders=LEADERS, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each leader: the first year it reached China's latest value of `indicator`.

    Columns: indicator, countrycode, country, china_year, china_value, status (reached / censored / not yet /
    no data), reach_year, first_year (the leader's first WDI observation), years_behind (china_year - reach_year,
    only when reached). A censored leader gets no number of years: it reached the level before `first_year`.
    """
    _check_timed(indicator)
    leaders = check_countries(leaders)
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
                     "years_behind": china_year - year if year is not None else None})
    out = pd.DataFrame(rows)
    for col in ("reach_year", "first_year", "years_behind"):
        out[col] = out[col].astype("Int64")
    return out


def catchup_all(codes=None, leaders=LEADERS, df: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`catchup` for several indicators (default: every indicator :func:`scope` includes)."""
    if codes is None and df is None and tuple(leaders) == tuple(LEADERS):
        return _catchup_all().copy()  # the chapter, its facts and its findings all ask for this one table
    codes = list(codes or catchup_codes())
    df = panel() if df is None else df
    return pd.concat([catchup(c, leaders, df) for c in codes], ignore_index=True)


@lru_cache(maxsize=1)
def _catchup_all() -> pd.DataFrame:
    df = panel()
    return pd.concat([catchup(c, LEADERS, df) for c in catchup_codes()], ignore_index=True)


def catchup_table(cu: pd.DataFrame, leaders=LEADERS) -> pd.DataFrame:
    """The chapter's table: one row per indicator, China's year and value, and per leader its reach year with the
    years behind, "早于 WDI 起始年（首年 Y）" when censored, or the status in Chinese."""
    rows = []
    for code, grp in cu.groupby("indicator", sort=False):
        g = grp.set_index("countrycode")
        v = float(g["china_value"].iloc[0])
        row = {"指标": label(code), "中国年份": int(g["china_year"].iloc[0]),
               "中国数值": f"{v:,.0f}" if v >= 100 else f"{v:.2f}"}
        for c in leaders:
            r = g.loc[c]
            if r["status"] == "reached":
                row[COUNTRIES[c]] = f"{int(r['reach_year'])}（{int(r['years_behind'])}年）"
            elif r["status"] == "censored":
                row[COUNTRIES[c]] = f"早于 WDI 起始年（首年 {int(r['first_year'])}）"
            else:
                row[COUNTRIES[c]] = STATUS_ZH[r["status"]]
        rows.append(row)
    return pd.DataFrame(rows)
