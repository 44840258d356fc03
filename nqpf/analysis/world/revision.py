"""Statistical vintages: WDI's yuan GDP beside NBS's earlier releases, how the census revision changes published
ratios (R&D intensity, the digital economy's share), and why NBS says 2025's 2.8 % R&D intensity "first exceeded the
OECD average" while WDI's OECD aggregate is 2.93 %.

Every ratio here names the vintage of its numerator and denominator (columns or keys ``*_vintage``).
"""

from __future__ import annotations

import pandas as pd

from nqpf.analysis.world.wdi import series
from nqpf.core import data
from nqpf.core.gdp import GDP_FIRST_YEAR, GDP_VINTAGE, china_gdp, china_gdp_wdi_all
from nqpf.core.growth import WAN_YI

__all__ = ["FIRST_RELEASE_VINTAGE", "gdp_check", "rd_revision", "digital_revision", "oecd_reconcile",
           "MSTI_OECD_TOTAL"]

FIRST_RELEASE_VINTAGE = "NBS earlier releases (cn_nominal_gdp: first releases for most years, mixed vintages)"
RD = "GB.XPD.RSDV.GD.ZS"

# OECD's own aggregate: "R&D intensity in the OECD area" (MSTI, GDP and R&D converted at PPPs), as the MSTI
# highlights pages printed it. Source: https://www.oecd.org/sti/msti.htm (editions as named). year: (value, edition)
# Two editions print 2018 differently (2.40, then 2.38): MSTI revises too.
MSTI_OECD_TOTAL = {2018: {"MSTI 2019/2 (February 2020)": 2.40, "MSTI 2020/1 (August 2020)": 2.38}}


def gdp_check() -> pd.DataFrame:
    """WDI's yuan GDP (dollars x official rate) beside NBS figures as first published (cn_nominal_gdp), every year
    both have: the gap in percent, and why (the dual exchange rate of 1978-1993, when WDI used an alternative
    conversion factor; afterwards NBS's revisions after each economic census)."""
    nbs = data.load("cn_nominal_gdp").set_index("year")
    w = china_gdp_wdi_all().set_index("year")["value"]
    out = pd.DataFrame({"nbs_first": nbs["value"], "wdi": w.reindex(nbs.index)}).dropna()
    out["gap_percent"] = (out["wdi"] / out["nbs_first"] - 1) * 100
    out["in_standard_series"] = out.index >= GDP_FIRST_YEAR
    out["why"] = ["双轨汇率" if 1978 <= y < GDP_FIRST_YEAR else "普查修订" for y in out.index]
    return out.reset_index().rename(columns={"index": "year"})


def rd_revision() -> pd.DataFrame:
    """R&D intensity on NBS's earlier GDP (cn_nominal_gdp: first releases for most years, 2023 included; mixed
    vintages) and on the standard (revised) GDP, beside the published NBS figure and WDI's. R&D expenditure as
    first published (cn_rd_expenditure)."""
    rd = data.load("cn_rd_expenditure").set_index("year")["value"]
    pub = data.load("cn_rd_intensity").set_index("year")["value"]
    first = data.load("cn_nominal_gdp").set_index("year")["value"]
    std = china_gdp().set_index("year")["value"]
    wdi_rd = series(RD)
    years = [y for y in rd.index if y in first.index and y in std.index]
    out = pd.DataFrame({"rd": rd[years], "gdp_first": first[years], "gdp_standard": std[years]})
    out["on_first_release"] = out["rd"] / out["gdp_first"] * 100
    out["on_standard"] = out["rd"] / out["gdp_standard"] * 100
    out["nbs_published"] = pub.reindex(out.index)
    out["wdi"] = wdi_rd.reindex(out.index)
    out["first_release_vintage"] = FIRST_RELEASE_VINTAGE
    out["standard_vintage"] = GDP_VINTAGE
    return out.reset_index().rename(columns={"index": "year"})


def digital_revision() -> pd.DataFrame:
    """The digital economy's share of GDP (CAICT/CAC scale, 万亿元) on the first-release and on the standard GDP."""
    scale = data.load("cn_digital_economy_scale").set_index("year")["value"]
    pub = data.load("cn_digital_economy_share_gdp").set_index("year")["value"]
    first = data.load("cn_nominal_gdp").set_index("year")["value"]
    std = china_gdp().set_index("year")["value"]
    years = [y for y in scale.index if y in first.index and y in std.index]
    out = pd.DataFrame({"scale": scale[years]})
    out["on_first_release"] = out["scale"] * WAN_YI / first[years] * 100
    out["on_standard"] = out["scale"] * WAN_YI / std[years] * 100
    out["published"] = pub.reindex(out.index)
    out["first_release_vintage"] = FIRST_RELEASE_VINTAGE
    out["standard_vintage"] = GDP_VINTAGE
    return out.reset_index().rename(columns={"index": "year"})


def _nbs_intensity(year: int, basis: str) -> float:
    o = data.load("cn_outcomes_2023_2025")
    sel = o[(o["indicator"] == "rd_intensity") & (o["year"] == year) & (o["basis"] == basis)]
    if len(sel) != 1:
        raise KeyError(f"cn_outcomes_2023_2025: expected one rd_intensity row for {year} ({basis}), found {len(sel)}")
    return float(sel["value"].iloc[0])


def _usd_ppp_share(year: int) -> tuple[float, float]:
    """The US share of the OECD members' GDP at market exchange rates and at PPP (WDI's OED aggregate)."""
    def v(code, c):
        return float(series(code, c)[year])
    pop = {c: v("NY.GDP.MKTP.CD", c) / v("NY.GDP.PCAP.CD", c) for c in ("USA", "OED")}
    usd = v("NY.GDP.MKTP.CD", "USA") / v("NY.GDP.MKTP.CD", "OED")
    ppp = v("NY.GDP.PCAP.PP.CD", "USA") * pop["USA"] / (v("NY.GDP.PCAP.PP.CD", "OED") * pop["OED"])
    return usd, ppp


def oecd_reconcile() -> dict:
    """Why 2025's 2.8 % can "first exceed the OECD average" (NBS) while WDI's OECD aggregate is 2.93 %.

    - ``implied_low`` .. ``implied_high``: the benchmark the NBS sentence implies. 2024's final 2.69 % did not
      exceed it and 2025's 2.8 % did, so it lies in [2.69, 2.8).
    - ``wdi_oed``: WDI's OECD-members aggregate by year. The World Bank weights R&D intensities by GDP in current
      US$; ``wdi_years_in_range`` lists the years (if any) whose WDI value falls in the implied range.
    - ``us_share_usd`` / ``us_share_ppp`` (latest WDI year): the US, with an R&D intensity above the aggregate, weighs
      more at market exchange rates than at PPP. ``oed_us_at_ppp``: WDI's aggregate with only the US share moved to
      its PPP share (the rest of the OECD kept at its dollar-weighted mean), a first step towards a PPP aggregate.
    - ``msti_gap_low/high``: OECD's own MSTI "OECD area" intensity (PPP) minus WDI's OED in the year MSTI is quoted
      (:data:`MSTI_OECD_TOTAL`, two editions); ``oed_msti_basis_low/high``: WDI's latest OED moved by those gaps.
    """
    oed, chn = series(RD, "OED"), series(RD, "CHN")
    latest = int(oed.index.max())
    low, high = _nbs_intensity(2024, "final"), _nbs_intensity(2025, "preliminary")
    usd, ppp = _usd_ppp_share(latest)
    us = float(series(RD, "USA")[latest])
    rest = (float(oed[latest]) - usd * us) / (1 - usd)
    msti_year = max(MSTI_OECD_TOTAL)
    editions = MSTI_OECD_TOTAL[msti_year]
    gaps = [x - float(oed[msti_year]) for x in editions.values()]
    in_range = [int(y) for y, x in oed.items() if low <= x < high]
    return {
        "nbs_2024_final": low, "nbs_2025_preliminary": high, "implied_low": low, "implied_high": high,
        "nbs_vintage": "NBS: 2024 final communiqué (2025-09); 2025 preliminary (2026-01), each on its own year's GDP",
        "wdi_latest_year": latest, "wdi_oed_latest": float(oed[latest]), "wdi_chn_latest": float(chn[latest]),
        "wdi_oed_min_since_2020": float(oed.loc[2020:].min()), "wdi_years_in_range": in_range,
        "wdi_vintage": "WDI 2026-07 (current-US$ GDP weights)",
        "us_share_usd": usd * 100, "us_share_ppp": ppp * 100, "rest_usd_weighted": rest,
        "oed_us_at_ppp": ppp * us + (1 - ppp) * rest,
        "msti_year": msti_year, "msti_low": min(editions.values()), "msti_high": max(editions.values()),
        "msti_editions": "; ".join(f"{k}: {v}" for k, v in editions.items()),
        "wdi_oed_msti_year": float(oed[msti_year]), "msti_gap_low": min(gaps), "msti_gap_high": max(gaps),
        "oed_msti_basis_low": float(oed[latest]) + min(gaps), "oed_msti_basis_high": float(oed[latest]) + max(gaps),
    }
