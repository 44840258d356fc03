"""A provincial index of the science-and-technology core of 新质生产力, with its sensitivity to method.

Ten indicators in three dimensions (:data:`SYSTEM`), 31 provinces, 2011-2023; min-max scaled over the whole
panel; four weightings × two aggregations. The package's modules:

- :mod:`.clean` — the 31 units, the map of misread names, uniqueness and national-total checks;
- :mod:`.inputs` — the cleaned panel (cached), the derived provincial GDP and the ten indicators;
- :mod:`.method` — min-max scaling, weights and aggregation (pure functions on a matrix);
- :mod:`.ranking` — the index, its rankings and how far a ranking is method;
- :mod:`.montecarlo` — rank percentiles under random (Dirichlet) weights;
- :mod:`.regional` — Dagum Gini, Theil, σ/β-convergence, power, slopes (pure functions);
- :mod:`.gaps` — the regional gaps' yearly path, its sub-period trends and convergence, under each method;
- :mod:`.rd2024` — the 2024 R&D bulletin's provincial table beside the panel;
- :mod:`.facts` — every value the chapter prints, as the chapter glues it.

Public entry point: ``index(method="entropy", aggregate="weighted", year=None)`` → province, year, score, rank.
"""

from __future__ import annotations

from nqpf.analysis.provinces.clean import MISREADINGS, PROVINCES, REGION, REGIONS
from nqpf.analysis.provinces.gaps import (
    GAP_MEASURES,
    MEASURES,
    MIDDLE,
    PERIODS,
    TREATMENTS,
    break_summary,
    break_trends,
    convergence,
    inequality,
    path_trend,
    region_means,
    trend_by_method,
    without,
)
from nqpf.analysis.provinces.inputs import (
    BASES,
    BREAK_YEAR,
    CODES,
    DIMENSION,
    NAME,
    REVISION_FALL_PCT,
    SOURCE,
    SYSTEM,
    YEARS,
    checks,
    cleaned,
    gdp,
    gdp_break,
    gdp_falls,
    imputed,
    indicators,
    level_revisions,
    misreadings,
    panel,
    system,
    tech_market_growth,
)
from nqpf.analysis.provinces.montecarlo import TECH_MARKET, VARIANTS, rank_percentiles, variants
from nqpf.analysis.provinces.ranking import (
    BASE,
    BEIJING,
    combos,
    index,
    label,
    leave_one_out,
    method_share,
    normalisation_effect,
    normalised,
    robustness,
    scores,
    weight_sources,
    weights,
)
from nqpf.analysis.provinces.rd2024 import comparison as rd2024_comparison

__all__ = ["PROVINCES", "REGION", "REGIONS", "MISREADINGS", "SYSTEM", "CODES", "NAME", "DIMENSION", "SOURCE",
           "YEARS", "BASE", "BEIJING", "MIDDLE", "PERIODS", "MEASURES", "TECH_MARKET", "VARIANTS",
           "cleaned", "panel", "gdp", "checks", "misreadings", "system", "indicators", "imputed", "normalised",
           "weights", "index", "combos", "label", "scores", "robustness", "leave_one_out", "method_share",
           "normalisation_effect", "inequality", "region_means", "path_trend", "convergence", "trend_by_method",
           "without", "rank_percentiles", "variants", "tech_market_growth", "weight_sources", "rd2024_comparison",
           "BREAK_YEAR", "BASES", "GAP_MEASURES", "TREATMENTS", "gdp_break", "break_trends", "break_summary",
           "REVISION_FALL_PCT", "level_revisions", "gdp_falls"]
