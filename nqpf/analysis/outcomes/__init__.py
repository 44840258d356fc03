"""The 2025 targets the seeds cite, scored against what was published after the seeds were written.

Targets and outcomes come from ``cn_outcomes_2023_2025`` (tidy rows, each with its quote, publisher and a
confidence level: high = the publisher's own page, medium = a re-publication, low = indirect). The rules:

- a target is scored only with an outcome for the target year itself; otherwise the status is ``not published``
  and the latest earlier figure is shown as context, not as a score;
- a figure flagged LOWER-BOUND (超过, 突破) can show that a floor was met, never that it was missed;
- a status of ``met`` or ``missed`` needs at least one figure of high or medium confidence; with only low-confidence
  figures the status is ``undetermined``;
- a multi-year growth target (R&D spending ≥ 7 % a year, 2021–2025) is scored by the compound rate of the level
  indicator the target names (``growth_from``), over the growth years of the target (:mod:`nqpf.core.periods`),
  from the level of the year before, read from that indicator's own series (:data:`LEVELS`);
- a relative target (labour productivity growing faster than GDP, "each year" of 2021–2025) is scored by the
  difference of two outcomes of the same year, in every year the target names: the smallest difference decides,
  and the target is met only if every year is published (years without data are named, and leave it
  ``undetermined``);
- a cumulative reduction (energy and CO₂ per unit of GDP, 2021–2025) by chaining the published cumulative and
  annual reductions, 1 − Π(1 − rᵢ), when they cover the whole period; a chained value is labelled as such
  (``chained``: its pieces need not share a basis) and carries the lowest confidence of its pieces.

The 15th Five-Year Plan's targets (as the 2026 government work report states them, ``cn_fyp15_targets``) are not
scored: :func:`fyp15_requirements` works out what each requires, as the book does for the 2025 targets.
Realised nominal GDP growth, for target arithmetic in any chapter: :func:`realised_gdp_growth`.

Modules: :mod:`.rows` (the data and its vocabulary), :mod:`.scoring` (the rules), :mod:`.plan` (realised growth,
the R&D communiqué, the 15th plan's targets), :mod:`.facts` (every number the appendix prints).
"""

from nqpf.analysis.outcomes.plan import (
    FYP15_GDP_SCENARIOS,
    fyp15_requirements,
    fyp15_targets,
    rd_final,
    realised_gdp_growth,
)
from nqpf.analysis.outcomes.rows import (
    CONF_RANK,
    CONFIDENCE_ZH,
    FILE,
    FYP15,
    INDICATOR_ZH,
    PERIOD_RANK,
    POINT_ZH,
    STATUS_ZH,
    UNIT_ZH,
    YEAR_NOW,
    best,
    figure,
    latest,
    table,
    when,
)
from nqpf.analysis.outcomes.scoring import LEVELS, TARGETS, Target, satisfies, score

__all__ = ["CONF_RANK", "CONFIDENCE_ZH", "FILE", "FYP15", "FYP15_GDP_SCENARIOS", "INDICATOR_ZH", "LEVELS",
           "PERIOD_RANK", "POINT_ZH", "STATUS_ZH", "TARGETS", "Target", "UNIT_ZH", "YEAR_NOW", "best", "figure",
           "fyp15_requirements", "fyp15_targets", "latest", "rd_final", "realised_gdp_growth", "satisfies", "score",
           "table", "when"]
