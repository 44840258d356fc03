"""The claims ledger: every quantitative claim in the seeds, one row each.

Columns: ``seed, line, raw, value, unit, kind, context, qualifier, high``.

- ``line`` is the original file line of the claim's first digit (see :mod:`nqpf.analysis.corpus` for how broken
  lines are joined without losing it); ``raw`` is the text as it stands in the file; ``context`` is the sentence
  around it in the analysis text (simplified script).
- ``value`` is normalised to a base unit: yuan, USD, persons, percent, pp (percentage points), times, firms,
  aircraft, units, racks, hours, W, items, departments or rank. Declines (下降 26.4%) are negative.
- ``kind`` is level, growth, share, count, target or contribution; ``qualifier`` is over / about / nearly / under
  (超过, 约, 近, 不足 …); ``high`` is the upper end of a range.

What is a claim (the rules the test fixture was labelled by, and the ones the corpus chapter states): a number
with a unit or classifier that states a quantity. Not claims: dates and years, section numbers, footnote marks and
list ordinals (第N, 一是, 1)), names that contain numerals (十四五, 二十大, “两个毫不动摇”: a numeral right after an
opening quote mark), orders of magnitude (万亿级, 数亿级), durations (近五年, 近两年, 几十年, 40 多年, 过去十年), counts
of one (一个 is mostly the indefinite article), 二次 (secondary) and words built on 倍增 that are not a multiple
(倍增性, 倍增器, 倍增效应). Ranks are claims when stated with 位居 / 排名 / 居 / 成为 (… 第二); multiples in words
(翻一番, 翻两番, 倍增) are claims.

Modules: :mod:`.extract` finds claims (:func:`extract` for the seeds, :func:`extract_text` for any .txt, both with
``_claims_in``) and keeps the ledger file; :mod:`.evaluate` scores them against the labelled samples with one
scorer (:func:`score`).
"""

from nqpf.analysis.claims.evaluate import (
    GOLD,
    HELDOUT,
    POLICY_HELDOUT,
    evaluate,
    evaluate_corpus,
    read_gold,
    read_labels,
    score,
    wilson,
)
from nqpf.analysis.claims.extract import (
    COLUMNS,
    COUNT_UNITS,
    FIGURE_COLUMNS,
    KINDS,
    SCHEMA,
    TextDoc,
    _claims_in,
    check_kind,
    counts,
    extract,
    extract_text,
    ledger,
    write,
)

__all__ = ["COLUMNS", "COUNT_UNITS", "FIGURE_COLUMNS", "GOLD", "HELDOUT", "KINDS", "POLICY_HELDOUT", "SCHEMA",
           "TextDoc", "check_kind", "counts", "evaluate", "evaluate_corpus", "extract", "extract_text", "ledger",
           "read_gold", "read_labels", "score", "wilson", "write", "_claims_in"]
