"""Total factor productivity (book/tfp.md): growth accounting and the Solow residual from the Penn World Table
(:mod:`.accounting`), the headline under every specification (:mod:`.specifications`), PWT's own TFP index and levels
(:mod:`.pwt_levels`), the schooling behind PWT's human capital (:mod:`.schooling`), published decompositions recomputed
(:mod:`.published`: the seeds, Bosworth & Collins 2008) and the chapter's glued numbers and tables
(:mod:`.chapter_facts`).

Callers use the package's names (``from nqpf.analysis import tfp; tfp.decompose(...)``).
"""

from nqpf.analysis.tfp.accounting import (
    CAPITAL,
    COUNTRY_ZH,
    PARTS,
    VINTAGES,
    alpha_grid,
    annual,
    compare,
    decompose,
    per_worker,
    pwt,
    shares,
)
from nqpf.analysis.tfp.published import (
    PERIOD_READINGS,
    bc_comparison,
    bc_table,
    period_readings,
    read_period,
    seed_comparison,
    seed_table,
)
from nqpf.analysis.tfp.pwt_levels import (
    level_in,
    level_vs_us,
    levels,
    mean_log_growth,
    pwt_tfp_check,
    tfp_growth,
    tfp_index,
)
from nqpf.analysis.tfp.schooling import HC_RETURNS, marginal_return, schooling_from_hc
from nqpf.analysis.tfp.specifications import (
    DEFAULT_SPEC,
    LABOUR,
    PWT_METHOD,
    ROBUSTNESS_ALPHAS,
    ROBUSTNESS_PERIODS,
    alpha_name,
    robustness,
    share_change,
    spec_label,
)

__all__ = [
    "CAPITAL", "COUNTRY_ZH", "PARTS", "VINTAGES", "alpha_grid", "annual", "compare", "decompose", "per_worker", "pwt",
    "shares",
    "level_in", "level_vs_us", "levels", "mean_log_growth", "pwt_tfp_check", "tfp_growth", "tfp_index",
    "PERIOD_READINGS", "bc_comparison", "bc_table", "period_readings", "read_period", "seed_comparison", "seed_table",
    "DEFAULT_SPEC", "LABOUR", "PWT_METHOD", "ROBUSTNESS_ALPHAS", "ROBUSTNESS_PERIODS", "alpha_name", "robustness",
    "share_change", "spec_label",
    "HC_RETURNS", "marginal_return", "schooling_from_hc",
    "accounting", "chapter_facts", "published", "pwt_levels", "schooling", "specifications", "facts",
]


def facts() -> dict:
    """Every number the chapter prints, by glue name (:func:`.chapter_facts.facts`; raises on NaN)."""
    from nqpf.analysis.tfp import chapter_facts  # imported here: chapter_facts reads this package's names

    return chapter_facts.facts()
