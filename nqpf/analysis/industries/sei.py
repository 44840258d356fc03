"""The SEI share of GDP: its pace so far, what the 2025 target required (under nominal GDP scenarios and under
every reasonable specification of the starting share), and seed 004's "幾近倍增"."""

from __future__ import annotations

import math
from functools import partial

import pandas as pd

from nqpf.analysis.industries.sources import figure, official_share
from nqpf.core import data, growth
from nqpf.core.errors import UsageError
from nqpf.core.gdp import china_gdp


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
    # shares are levels of start and end: growth years start+1..end
    g_gdp = growth.period_growth(china_gdp().set_index("year")["value"], start + 1, end, name="nominal GDP")
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
    gdp = china_gdp().set_index("year")["value"]
    rows = [("低", 3.0), ("中", 5.0), ("2023年名义", growth.period_growth(gdp, 2023, 2023, name="nominal GDP")),
            ("2015–2023年名义平均", growth.period_growth(gdp, 2015, 2023, name="nominal GDP")),
            (REALISED_SCENARIO, growth.period_growth(gdp, *REALISED, name="nominal GDP")), ("高", 9.0)]
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
    gdp = china_gdp().set_index("year")["value"]
    g = partial(growth.period_growth, gdp, name="nominal GDP")  # growth years first..last, standard series
    s23_revised = s23 * float(first[2023]) / float(gdp[2023])
    rows = [
        (f"种子2023年{s23:g}%（实际GDP增长）", 2023, s23, g(2024, target_year), 2023, s23),
        (f"种子2023年{s23:g}%换算到普查后GDP（{s23_revised:.1f}%）", 2023, s23_revised,
         g(2024, target_year), 2023, s23),
        (f"种子2023年{s23:g}%（2023年增速）", 2023, s23, g(2023, 2023), 2023, s23),
        (f"种子2023年{s23 + 0.5:g}%（实际GDP增长）", 2023, s23 + 0.5, g(2024, target_year),
         2023, s23 + 0.5),
        (f"官方2022年{s22:g}%", 2022, s22, g(2023, target_year), 2022, s22),
        (f"官方2019年{s19:g}%", 2019, s19, g(2020, target_year), 2019, s19),
        (f"2019年{s19:g}%外推至2023年", 2023, carried,
         g(2024, target_year), 2019, s19),
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
