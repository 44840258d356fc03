"""Traditional industries: the indirect measures the data offer (WDI industry share, energy productivity, the
medium/high-tech share and the year it stopped being reported)."""

from __future__ import annotations

import pandas as pd

from nqpf.core import growth
from nqpf.core.errors import UsageError
from nqpf.core.periods import Period

TRADITIONAL_CODES = {
    "NV.IND.TOTL.ZS": "工业（含建筑业）增加值占 GDP（%）",
    "EG.GDP.PUSE.KO.PP.KD": "单位能源 GDP（2021 年国际元/千克油当量）",
    "NV.MNF.TECH.ZS.UN": "中高技术制造业占制造业增加值（%）",
}
PEERS = ("CHN", "USA", "DEU", "JPN", "KOR")


def last_reported_year(s: pd.Series) -> int:
    """The first year of the final run of identical values (:func:`nqpf.core.series.frozen_since`, its one
    tolerance): later years only repeat it; the last year when the last two differ.

    >>> last_reported_year(pd.Series([1.0, 2.0, 2.0, 2.0], index=[2019, 2020, 2021, 2022]))
    2020
    """
    from nqpf.core.series import frozen_since

    s = s.dropna().sort_index()
    if s.empty:
        raise UsageError("an empty series has no reported year")
    frozen = frozen_since(s)
    return int(s.index[-1]) if frozen is None else frozen


def traditional_evidence(countries=PEERS) -> pd.DataFrame:
    """For each indicator and economy: the latest year WDI shows, its value, and the last year with a new value
    (a later 'latest' that only repeats it is not an observation)."""
    from nqpf.analysis import world

    rows = []
    for code, label in TRADITIONAL_CODES.items():
        for c in countries:
            s = world.series(code, c).dropna()
            if s.empty:
                continue
            reported = last_reported_year(s)
            rows.append({"indicator": code, "label": label, "countrycode": c, "latest_year": int(s.index[-1]),
                         "reported_year": reported, "value": float(s[reported]),
                         "repeated_years": int(s.index[-1]) - reported})
    return pd.DataFrame(rows)


def traditional_facts() -> dict:
    """China's traditional-industry evidence: industry share (peak, 2012, latest), energy productivity growth over
    the growth years 2013…latest (from the 2012 level), and the medium/high-tech share's last reported year."""
    from nqpf.analysis import world

    ind_share = world.series("NV.IND.TOTL.ZS").dropna()
    energy = world.series("EG.GDP.PUSE.KO.PP.KD").dropna()
    tech = world.series("NV.MNF.TECH.ZS.UN").dropna()
    e_last = int(energy.index[-1])
    p = Period(2013, e_last)
    return {
        "industry_peak_year": int(ind_share.idxmax()), "industry_peak": float(ind_share.max()),
        "industry_2012": float(ind_share[2012]), "industry_last_year": int(ind_share.index[-1]),
        "industry_last": float(ind_share.iloc[-1]),
        "energy_2012": float(energy[2012]), "energy_last_year": e_last, "energy_last": float(energy.iloc[-1]),
        "energy_growth": float(growth.cagr(energy[p.base], energy[p.last], p.years)),
        "tech_reported_year": last_reported_year(tech), "tech_value": float(tech[last_reported_year(tech)]),
        "tech_latest_year": int(tech.index[-1]),
    }
