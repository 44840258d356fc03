"""The three (four) industry categories: taxonomy from the seeds, the SEI share of GDP and its 2025 target.

Data: ``industry_mentions`` (one row per industry mention in a seed, with seed:line), ``industry_seed_figures``
(figures quoted in the seeds), ``cn_sei_share_gdp`` and ``cn_sei_share_gdp_targets`` (shared extracts), and the
book's standard nominal GDP series (:func:`nqpf.core.gdp.china_gdp`, one latest vintage) for the nominal
growth pace. Periods are named by their first and last growth years (:mod:`nqpf.core.periods`).

Shares are in percent of GDP, growth rates in percent a year (nominal: SEI value added and GDP both in current
prices, so the share is their ratio and inflation cancels out).
"""

from __future__ import annotations

import math

import pandas as pd

from nqpf.core import data, growth
from nqpf.core.errors import DataError, UsageError
from nqpf.core.gdp import china_gdp
from nqpf.core.periods import Period

CATEGORIES = ("traditional", "strategic emerging", "future", "other")
CATEGORY_ZH = {"traditional": "传统产业", "strategic emerging": "战略性新兴产业", "future": "未来产业",
               "other": "其他/未分类"}
SEEDS = ("000", "001", "002", "003", "004")
# The 14th Five-Year Plan's nine SEI fields, as seed 000 line 40 lists them (the reference list for comparisons).
FYP14_LIST = "000-fyp14"
_ZH_NUMERALS = {"七": 7, "八": 8, "九": 9, "十": 10}


# --- data -------------------------------------------------------------------------------------------------

def mentions() -> pd.DataFrame:
    return data.load("industry_mentions")


def seed_figures() -> pd.DataFrame:
    return data.with_flags(data.load("industry_seed_figures"))


def figure(key: str) -> float:
    """One figure quoted in a seed, by key (see ``industry_seed_figures``)."""
    return data.figure("industry_seed_figures", key)


def _shared_plus_seed(name: str, seed_key: str) -> pd.DataFrame:
    """A shared series with flags, plus one figure quoted in a seed (its reference is seed:line)."""
    shared = data.with_flags(data.load(name)).assign(ref=name)
    seed = seed_figures().query("key == @seed_key").rename(columns={"seed_ref": "ref"})
    cols = ["year", "value", "flags", "source", "ref"]
    return pd.concat([shared[cols], seed[cols]], ignore_index=True).sort_values("year", ignore_index=True)


def sei_share() -> pd.DataFrame:
    """SEI value added, % of GDP: the shared series plus the 2023 figure of seed 004, with flags and a reference."""
    return _shared_plus_seed("cn_sei_share_gdp", "sei_share_2023")


def sei_targets() -> pd.DataFrame:
    """Plan targets (and one projection) for the SEI share, with the 2025 target quoted in seed 000 line 17."""
    return _shared_plus_seed("cn_sei_share_gdp_targets", "sei_target_2025")


def nominal_gdp_growth(first: int, last: int) -> float:
    """Average nominal GDP growth (% a year, compound) over the growth years first…last (from the level of
    first − 1), on the standard GDP series."""
    if last < first:
        raise UsageError(f"last growth year {last} must not be before the first {first}")
    return growth.period_growth(china_gdp().set_index("year")["value"], first, last, name="nominal GDP")


# --- SEI share: the pace so far and what the 2025 target requires -------------------------------------------

def _check_shares(base_share: float, target_share: float, base_year: int, target_year: int) -> None:
    for name, v in (("base share", base_share), ("target share", target_share)):
        if not 0 < v < 100:
            raise UsageError(f"{name} must be a percentage of GDP between 0 and 100, not {v}")
    if target_year <= base_year:
        raise UsageError(f"target year {target_year} must be after base year {base_year}")


def required_growth(gdp_growth: float, base_share: float = 13.0, target_share: float = 17.0,
                    base_year: int = 2023, target_year: int = 2025) -> float:
    """Nominal SEI value-added growth (% a year) that lifts the share from base to target while GDP grows at
    ``gdp_growth`` (% a year, nominal): share_T = share_0 * ((1 + g_sei) / (1 + g_gdp)) ** n."""
    _check_shares(base_share, target_share, base_year, target_year)
    if not -100 < gdp_growth < 100:
        raise UsageError(f"nominal GDP growth must be a percentage between -100 and 100, not {gdp_growth}")
    return growth.required_growth(base_share, target_share, target_year - base_year, gdp_growth)


def historical_pace(start: int = 2014, end: int = 2023, start_share: float | None = None,
                    end_share: float | None = None) -> dict:
    """The SEI share's pace between two years: points a year, share growth, nominal GDP growth and the implied
    nominal growth of SEI value added. Shares default to the seed 004 figures (7.6 % in 2014, 13 % in 2023)."""
    s0 = figure("sei_share_2014") if start_share is None else start_share
    s1 = figure("sei_share_2023") if end_share is None else end_share
    _check_shares(s0, s1, start, end)
    n = end - start
    g_gdp = nominal_gdp_growth(start + 1, end)  # shares are levels of start and end: growth years start+1..end
    share_growth = growth.cagr(s0, s1, n)
    return {
        "start": start, "end": end, "start_share": s0, "end_share": s1, "years": n,
        "points_per_year": (s1 - s0) / n,
        "share_growth": share_growth,
        "gdp_growth": g_gdp,
        "sei_growth": ((1 + share_growth / 100) * (1 + g_gdp / 100) - 1) * 100,
    }


REALISED = (2024, 2025)  # the growth years from the 2023 base to the target year, realised on the standard series
REALISED_SCENARIO = "2024–2025年实际名义"


def default_gdp_scenarios() -> pd.DataFrame:
    """Nominal GDP growth scenarios: round numbers, the 2023 outturn, the 2015–2023 average and the realised
    2024–2025 growth (standard GDP series, one vintage) from the data."""
    rows = [("低", 3.0), ("中", 5.0), ("2023年名义", nominal_gdp_growth(2023, 2023)),
            ("2015–2023年名义平均", nominal_gdp_growth(2015, 2023)),
            (REALISED_SCENARIO, nominal_gdp_growth(*REALISED)), ("高", 9.0)]
    return pd.DataFrame(rows, columns=["scenario", "gdp_growth"]).sort_values("gdp_growth", ignore_index=True)


def scenarios(gdp_growths=None, base_share: float | None = None, target_share: float | None = None,
              base_year: int = 2023, target_year: int = 2025) -> pd.DataFrame:
    """Required nominal SEI value-added growth for each nominal GDP growth scenario, next to the 2014-2023 pace."""
    base_share = figure("sei_share_2023") if base_share is None else base_share
    target_share = figure("sei_target_2025") if target_share is None else target_share
    _check_shares(base_share, target_share, base_year, target_year)
    if gdp_growths is None:
        sc = default_gdp_scenarios()
    else:
        sc = pd.DataFrame({"scenario": [f"{g:g}%" for g in gdp_growths], "gdp_growth": [float(g) for g in gdp_growths]})
    past = historical_pace()
    n = target_year - base_year
    sc["required_sei_growth"] = [required_growth(g, base_share, target_share, base_year, target_year)
                                 for g in sc["gdp_growth"]]
    sc["required_points_per_year"] = (target_share - base_share) / n
    sc["past_sei_growth"] = past["sei_growth"]
    sc["gap"] = sc["required_sei_growth"] - sc["past_sei_growth"]
    sc.insert(1, "base_year", base_year)
    sc.insert(2, "target_year", target_year)
    sc.insert(3, "base_share", base_share)
    sc.insert(4, "target_share", target_share)
    return sc


def breakeven_gdp_growth(base_share: float | None = None, target_share: float | None = None,
                         base_year: int = 2023, target_year: int = 2025) -> float:
    """Nominal GDP growth (% a year) at which the 2014-2023 growth of SEI value added would just reach the target."""
    base_share = figure("sei_share_2023") if base_share is None else base_share
    target_share = figure("sei_target_2025") if target_share is None else target_share
    _check_shares(base_share, target_share, base_year, target_year)
    return growth.breakeven_denominator_growth(base_share, target_share, target_year - base_year,
                                               historical_pace()["sei_growth"])


def extrapolate(base_share: float | None = None, target_share: float | None = None, base_year: int = 2023,
                target_year: int = 2025) -> dict:
    """Where the 2014-2023 pace leads: the share in the target year and the year the target would be reached,
    for a linear (points a year) and a compound (share growth) pace."""
    past = historical_pace()
    s0 = figure("sei_share_2023") if base_share is None else base_share
    s1 = figure("sei_target_2025") if target_share is None else target_share
    _check_shares(s0, s1, base_year, target_year)
    n = target_year - base_year
    linear_years = (s1 - s0) / past["points_per_year"]
    compound_years = math.log(s1 / s0) / math.log(1 + past["share_growth"] / 100)
    return {
        "share_linear": s0 + n * past["points_per_year"],
        "share_compound": s0 * (1 + past["share_growth"] / 100) ** n,
        "year_linear": base_year + linear_years,
        "year_compound": base_year + compound_years,
        "points_per_year_required": (s1 - s0) / n,
        "points_per_year_past": past["points_per_year"],
    }


def official_share(year: int) -> float:
    """The SEI share of one year from the shared official series (``cn_sei_share_gdp``), not from a seed; a missing
    year is a data error naming the file."""
    df = data.load("cn_sei_share_gdp")
    row = df[df["year"] == year]
    if row.empty:
        raise DataError("data/raw/cn_sei_share_gdp.csv", f"has a row for {year}",
                        detail=f"years: {', '.join(map(str, df['year']))}")
    return float(row["value"].iloc[0])


def last_official_year() -> int:
    """The last year with an official SEI share (2022: MIIT's lower bound); later shares exist only in the seeds."""
    return int(data.load("cn_sei_share_gdp")["year"].max())


def target_specifications(target_year: int = 2025) -> pd.DataFrame:
    """What the 2025 target required under each reasonable specification: the base year and share (the seed's 2023
    "13 % 以上" read as 13 or 13.5; the last official figures, 2019's 11.5 % and 2022's "超过 13 %"; 2019's figure
    carried to 2023 at the 2015–2019 pace), nominal GDP growth from the base year to 2025 (realised on the standard
    series, or the 2023 outturn as seen when the seeds were written), the required nominal growth of SEI value
    added, and the past pace it is compared with (from 2014 to the base year; for the carried 2019 figure,
    2015–2019). Nominal GDP grows from the base year to 2025 on the standard series, except in the "2023年增速"
    row; one row puts the seed's 13 % (a share of the pre-census GDP, ``cn_nominal_gdp`` 2023) on the census-revised
    GDP of the standard series, so that base share and growth are of one vintage. ``gap`` = required − past, in
    percentage points a year: positive means the target required faster growth than before."""
    s14 = figure("sei_share_2014")
    s23 = figure("sei_share_2023")
    s19, s22 = official_share(2019), official_share(2022)
    pace19 = historical_pace(2014, 2019, s14, s19)
    carried = s19 + (2023 - 2019) * pace19["points_per_year"]
    # The seed's 2023 share is NBS's, on GDP before the fifth economic census; the standard series (and the growth
    # that follows) is census-revised. On one vintage the same value added is a smaller share of the revised GDP.
    first = data.load("cn_nominal_gdp").set_index("year")["value"]
    s23_revised = s23 * float(first[2023]) / float(china_gdp().set_index("year").loc[2023, "value"])
    rows = [
        (f"种子2023年{s23:g}%（实际GDP增长）", 2023, s23, nominal_gdp_growth(2024, target_year), 2023, s23),
        (f"种子2023年{s23:g}%换算到普查后GDP（{s23_revised:.1f}%）", 2023, s23_revised,
         nominal_gdp_growth(2024, target_year), 2023, s23),
        (f"种子2023年{s23:g}%（2023年增速）", 2023, s23, nominal_gdp_growth(2023, 2023), 2023, s23),
        (f"种子2023年{s23 + 0.5:g}%（实际GDP增长）", 2023, s23 + 0.5, nominal_gdp_growth(2024, target_year),
         2023, s23 + 0.5),
        (f"官方2022年{s22:g}%", 2022, s22, nominal_gdp_growth(2023, target_year), 2022, s22),
        (f"官方2019年{s19:g}%", 2019, s19, nominal_gdp_growth(2020, target_year), 2019, s19),
        (f"2019年{s19:g}%外推至2023年", 2023, carried,
         nominal_gdp_growth(2024, target_year), 2019, s19),
    ]
    target = figure("sei_target_2025")
    out = []
    for name, base_year, base, g_gdp, past_end, past_share in rows:
        past = historical_pace(2014, past_end, s14, past_share)
        req = required_growth(g_gdp, base, target, base_year, target_year)
        out.append({"specification": name, "base_year": base_year, "base_share": base, "gdp_growth": g_gdp,
                    "required_sei_growth": req, "past_period": f"2015–{past_end}",
                    "past_sei_growth": past["sei_growth"], "gap": req - past["sei_growth"]})
    return pd.DataFrame(out)


def doubling_check() -> dict:
    """Seed 004 line 79: the share '幾近倍增' (nearly doubled) from 7.6 % (2014) to "13 % 以上" (2023; a figure
    found only in the seeds). The verdict on the wording is the fact-check's (``factcheck.verdict("sei_doubling")``)."""
    s0, s1 = figure("sei_share_2014"), figure("sei_share_2023")
    return {"start_share": s0, "end_share": s1, "ratio": s1 / s0, "increase_pct": (s1 / s0 - 1) * 100,
            "years": 2023 - 2014}


# --- the taxonomy: who names what, and where they disagree --------------------------------------------------

def _cell(categories: set[str]) -> str:
    """One seed's category for one industry: a specific category wins over 'other' (an unsorted list)."""
    specific = sorted(c for c in categories if c != "other")
    if not specific:
        return "other"
    return " + ".join(specific)


def membership(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Industry x seed matrix: the category each seed gives (empty if the seed does not name it), the number of
    seeds naming it, and whether the seeds give different specific categories."""
    df = mentions() if df is None else df
    cells = df.groupby(["industry", "seed"])["category"].agg(lambda s: _cell(set(s))).unstack("seed")
    cells = cells.reindex(columns=[s for s in SEEDS if s in cells.columns])
    out = cells.fillna("")
    out["n_seeds"] = (out[list(cells.columns)] != "").sum(axis=1)
    specific = df[df["category"] != "other"].groupby("industry")["category"].nunique()
    out["n_categories"] = specific.reindex(out.index).fillna(0).astype(int)
    out["n_mentions"] = df.groupby("industry").size().reindex(out.index)
    out = out.reset_index().rename_axis(columns=None)
    return out.sort_values(["n_seeds", "n_mentions", "industry"], ascending=[False, False, True], ignore_index=True)


def disagreements(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Industries the seeds put into different specific categories, with every mention's category and place."""
    df = mentions() if df is None else df
    spec = df[df["category"] != "other"]
    multi = spec.groupby("industry")["category"].nunique()
    rows = []
    for industry in multi[multi > 1].index:
        sub = spec[spec["industry"] == industry]
        for cat, g in sub.groupby("category"):
            refs = [f"{s}:{ln}" for s, ln in zip(g["seed"], g["line"])]
            labels = sorted(set(g["label_as_written"]))
            docs = sorted(set(g["document"]))
            rows.append({"industry": industry, "category": cat, "mentions": len(g), "refs": ", ".join(refs),
                         "labels": "；".join(labels), "documents": "；".join(docs)})
    return pd.DataFrame(rows, columns=["industry", "category", "mentions", "refs", "labels", "documents"])


def list_counts(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each list that announces a number ('八大', '九大') against the number of items it really gives."""
    df = mentions() if df is None else df
    rows = []
    for lst, g in df.groupby("list"):
        label = g["label_as_written"].iloc[0]
        for ch, n in _ZH_NUMERALS.items():
            if f"{ch}大" in label:
                rows.append({"list": lst, "seed": g["seed"].iloc[0], "lines": f"{g['line'].min()}-{g['line'].max()}",
                             "label": label, "announced": n, "listed": g["industry"].nunique()})
    out = pd.DataFrame(rows, columns=["list", "seed", "lines", "label", "announced", "listed"])
    out["missing"] = out["announced"] - out["listed"]
    return out


def fyp14_wording(df: pd.DataFrame | None = None, min_fields: int = 1) -> pd.DataFrame:
    """The 14th FYP's nine SEI fields (seed 000 line 40) and how each SEI list in the seeds writes them
    (lists naming at least ``min_fields`` of the nine)."""
    df = mentions() if df is None else df
    nine = list(df.loc[df["list"] == FYP14_LIST, "industry"])
    sei = df[(df["category"] == "strategic emerging") & df["industry"].isin(nine)]
    words = sei.groupby(["industry", "list"])["industry_as_written"].agg(lambda s: "/".join(dict.fromkeys(s)))
    table = words.unstack("list").reindex(nine).fillna("—")
    sizes = df[df["category"] == "strategic emerging"].groupby("list")["industry"].nunique()
    covered = (table != "—").sum()
    table = table[sorted(covered[covered >= min_fields].index, key=lambda c: (-covered[c], c))]
    table.loc["（该清单列出的战略性新兴产业总数）"] = [str(sizes[c]) for c in table.columns]
    return table.reset_index().rename(columns={"industry": "十四五九大领域"}).rename_axis(columns=None)


def missing_from(list_id: str, reference: str = FYP14_LIST, df: pd.DataFrame | None = None) -> list[str]:
    """Industries of the reference list that ``list_id`` leaves out (normalised names)."""
    df = mentions() if df is None else df
    if list_id not in set(df["list"]):
        raise UsageError(f"unknown list '{list_id}' (known: {', '.join(sorted(set(df['list'])))})")
    ref = list(dict.fromkeys(df.loc[df["list"] == reference, "industry"]))
    have = set(df.loc[df["list"] == list_id, "industry"])
    return [i for i in ref if i not in have]


def category_summary(df: pd.DataFrame | None = None) -> pd.DataFrame:
    """Mentions and distinct industries per category, and which seeds use each category."""
    df = mentions() if df is None else df
    g = df.groupby("category")
    out = pd.DataFrame({"mentions": g.size(), "industries": g["industry"].nunique(),
                        "seeds": g["seed"].agg(lambda s: ", ".join(sorted(set(s))))})
    return out.reindex(CATEGORIES).reset_index()


# --- the low-altitude economy box ------------------------------------------------------------------------

def _base(level: float, growth_pct: float, level_step: float, growth_step: float) -> tuple[float, float, float]:
    """Previous-year level from a level and its growth, with the range the rounding of both allows."""
    mid = level / (1 + growth_pct / 100)
    lo = (level - level_step / 2) / (1 + (growth_pct + growth_step / 2) / 100)
    hi = (level + level_step / 2) / (1 + (growth_pct - growth_step / 2) / 100)
    return mid, lo, hi


def low_altitude() -> dict:
    """Seed 000 line 43: back out the 2022 base of registered drones and drone flight hours, and check the rest."""
    drones, dg = figure("drones_2023"), figure("drones_growth_2023")
    hours, hg = figure("drone_hours_2023"), figure("drone_hours_growth_2023")
    d22, d22_lo, d22_hi = _base(drones, dg, 0.1, 0.1)
    h22, h22_lo, h22_hi = _base(hours, hg, 1, 0.1)
    hpd23, hpd22 = hours / drones, h22 / d22
    ga_hours, ga_g = figure("ga_hours_2023"), figure("ga_hours_growth_3y")
    gdp = china_gdp().set_index("year")["value"]
    scale = figure("la_scale_2023")
    caac = data.load("cn_drones_registered").set_index("year")["value"]
    if 2022 not in caac.index:  # a missing row is an error naming the file, never a NaN read as a conflict
        raise DataError("data/raw/cn_drones_registered.csv", "has a row for 2022",
                        detail="the 2022 stock the seed's 2023 figures imply is checked against it")
    return {
        "drones_2023": drones, "drones_growth": dg, "drones_2022": d22, "drones_2022_lo": d22_lo,
        "drones_2022_hi": d22_hi, "drones_added": drones - d22,
        "drones_2022_caac": float(caac[2022]),
        "drone_hours_2023": hours, "drone_hours_growth": hg, "drone_hours_2022": h22,
        "drone_hours_2022_lo": h22_lo, "drone_hours_2022_hi": h22_hi,
        "hours_per_drone_2023": hpd23, "hours_per_drone_2022": hpd22,
        "hours_per_drone_change": (hpd23 / hpd22 - 1) * 100,
        # the same change follows from the two growth rates alone
        "hours_per_drone_change_check": ((1 + hg / 100) / (1 + dg / 100) - 1) * 100,
        "ga_hours_2023": ga_hours, "ga_hours_2020_max": ga_hours / (1 + ga_g / 100) ** 3,
        "drone_to_ga_hours": hours / ga_hours,
        "scale_2023": scale, "gdp_2023": float(gdp[2023]), "scale_share_gdp": scale / gdp[2023] * 100,
    }


# --- traditional industries: what the data can and cannot say ---------------------------------------------

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
