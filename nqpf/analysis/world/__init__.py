"""International comparison (book/world.md): WDI metadata (:mod:`.wdi`), derived indicators (:mod:`.derived`),
cross-country tables (:mod:`.tables`), catch-up timing and its scope rule (:mod:`.timing`), labour productivity
per person and per hour with PWT's levels (:mod:`.productivity`), statistical vintages and the OECD benchmark
(:mod:`.revision`), and the chapter's glued numbers (:mod:`.chapter_facts`).

The book's standard nominal GDP series lives in :mod:`nqpf.core.gdp`; it is re-exported here for old callers.
"""

from nqpf.analysis.world.chapter_facts import LP_PERIOD, PWT_PERIOD, facts
from nqpf.analysis.world.derived import PPP_BASE_YEAR, derived, line, panel, value
from nqpf.analysis.world.productivity import PWT, hours_gap, productivity_gap, pwt_levels
from nqpf.analysis.world.revision import digital_revision, gdp_check, oecd_reconcile, rd_revision
from nqpf.analysis.world.tables import compare, coverage, latest_table, no_china_series, scatter_data
from nqpf.analysis.world.timing import (
    CANDIDATES,
    LEADERS_RISING_MIN,
    RHO_MIN,
    STATUS_ZH,
    catchup,
    catchup_all,
    catchup_codes,
    catchup_table,
    reach_year,
    scope,
)
from nqpf.analysis.world.wdi import (
    COUNTRIES,
    DERIVED_HOW,
    ECONOMIES,
    HEADLINE,
    INDICATORS,
    LEADERS,
    META,
    PEERS,
    WDI,
    check_code,
    check_countries,
    direction,
    indicators,
    label,
    series,
    unit,
    wdi,
)
from nqpf.core.gdp import china_gdp, china_gdp_wdi_all, gdp

__all__ = [
    "CANDIDATES", "LEADERS_RISING_MIN", "RHO_MIN", "STATUS_ZH", "catchup", "catchup_all", "catchup_codes",
    "catchup_table", "reach_year", "scope",
    "compare", "coverage", "latest_table", "no_china_series", "scatter_data",
    "PPP_BASE_YEAR", "derived", "line", "panel", "value",
    "facts", "LP_PERIOD", "PWT_PERIOD",
    "PWT", "hours_gap", "productivity_gap", "pwt_levels",
    "digital_revision", "gdp_check", "oecd_reconcile", "rd_revision",
    "COUNTRIES", "DERIVED_HOW", "ECONOMIES", "HEADLINE", "INDICATORS", "LEADERS", "META", "PEERS", "WDI",
    "check_code", "check_countries", "direction", "indicators", "label", "series", "unit", "wdi",
    "china_gdp", "china_gdp_wdi_all", "gdp",
]
