"""The three (four) industry categories: taxonomy from the seeds, the SEI share of GDP and its 2025 target.

Data: ``industry_mentions`` (one row per industry mention in a seed, with seed:line), ``industry_seed_figures``
(figures quoted in the seeds), ``cn_sei_share_gdp`` and ``cn_sei_share_gdp_targets`` (shared extracts), and the
book's standard nominal GDP series (:func:`nqpf.core.gdp.china_gdp`, one latest vintage) for the nominal
growth pace. Periods are named by their first and last growth years (:mod:`nqpf.core.periods`).

Shares are in percent of GDP, growth rates in percent a year (nominal: SEI value added and GDP both in current
prices, so the share is their ratio and inflation cancels out).

Modules: :mod:`.sources` (data), :mod:`.sei` (the share's pace and the 2025 target),
:mod:`.taxonomy` (who names what), :mod:`.low_altitude` (the box) and :mod:`.traditional` (indirect measures).
"""


from nqpf.analysis.industries.low_altitude import low_altitude
from nqpf.analysis.industries.sei import (
    REALISED,
    REALISED_SCENARIO,
    breakeven_gdp_growth,
    default_gdp_scenarios,
    doubling_check,
    extrapolate,
    historical_pace,
    required_growth,
    scenarios,
    target_specifications,
)
from nqpf.analysis.industries.sources import (
    CATEGORIES,
    CATEGORY_ZH,
    FYP14_LIST,
    SEEDS,
    figure,
    last_official_year,
    mentions,
    official_share,
    seed_figures,
    sei_share,
    sei_targets,
)
from nqpf.analysis.industries.taxonomy import (
    category_summary,
    disagreements,
    fyp14_wording,
    list_counts,
    membership,
    missing_from,
)
from nqpf.analysis.industries.traditional import (
    PEERS,
    TRADITIONAL_CODES,
    last_reported_year,
    traditional_evidence,
    traditional_facts,
)

__all__ = ["CATEGORIES", "CATEGORY_ZH", "FYP14_LIST", "PEERS", "REALISED", "REALISED_SCENARIO", "SEEDS",
           "TRADITIONAL_CODES", "breakeven_gdp_growth", "category_summary", "default_gdp_scenarios", "disagreements",
           "doubling_check", "extrapolate", "figure", "fyp14_wording", "historical_pace", "last_official_year",
           "last_reported_year", "list_counts", "low_altitude", "membership", "mentions", "missing_from",
           "official_share", "required_growth", "scenarios", "seed_figures", "sei_share",
           "sei_targets", "target_specifications", "traditional_evidence", "traditional_facts"]
