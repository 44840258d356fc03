"""The low-altitude economy box: the seed's 2023 figures backed out to 2022 and checked against one another."""

from __future__ import annotations

from nqpf.analysis.industries.sources import figure
from nqpf.core import data
from nqpf.core.errors import DataError
from nqpf.core.gdp import china_gdp


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
