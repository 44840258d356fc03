"""How well the extractor finds the claims people label: precision and recall on hand-labelled samples, with one
scorer (:func:`score`) for the seeds' samples (:func:`evaluate`) and the policy corpus's (:func:`evaluate_corpus`),
and a Wilson interval for each rate (the samples are small)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from nqpf.analysis.claims.extract import extract, extract_text
from nqpf.core import data
from nqpf.core.paths import LABELS

__all__ = ["GOLD", "HELDOUT", "POLICY_HELDOUT", "read_gold", "read_labels", "evaluate", "evaluate_corpus", "score",
           "wilson"]

GOLD = LABELS / "claims_gold.csv"  # development sample (rules written on these lines)
HELDOUT = LABELS / "claims_heldout.csv"  # labelled after the rules were written
POLICY_HELDOUT = LABELS / "claims_policy_heldout.csv"  # policy corpus, labelled before the extractor was extended


def read_labels(path=POLICY_HELDOUT) -> pd.DataFrame:
    """A labelled sample of text documents: document, line, value, unit, kind (empty value: no claim); checked
    against its manifest like any data file."""
    df = data.validate(Path(path))
    df[["unit", "kind"]] = df[["unit", "kind"]].fillna("")
    return df


def evaluate_corpus(path=POLICY_HELDOUT) -> dict:
    """Precision and recall on a labelled sample of the policy corpus (documents under data/corpus); a claim
    matches on document, line, value and unit, as in :func:`evaluate`."""
    from nqpf.analysis import policy

    gold = read_labels(path)
    lines = set(zip(gold["document"], gold["line"]))
    found = []
    for name in sorted(set(gold["document"])):
        df = extract_text(policy.CORPUS / name, name)
        found.append(df[[(name, ln) in lines for ln in df["line"]]])
    found = pd.concat(found, ignore_index=True)
    out = score(gold.rename(columns={"document": "seed"}), found)
    out.pop("kind_agreement")
    return out


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    """The hand-labelled sample: one row per claim; a labelled line without claims has an empty value.
    Checked against its manifest like any data file."""
    df = data.validate(Path(path))
    df[["unit", "kind"]] = df[["unit", "kind"]].fillna("")
    return df


def _key(seed, line, value, unit):
    return (seed, int(line), unit, round(float(value), 6))


def evaluate(paths=(GOLD, HELDOUT)) -> dict:
    """Precision and recall of :func:`extract` on the labelled lines; a claim matches on seed, line, value, unit.

    ``paths``: one fixture or several (default: the development sample and the held-out sample together).
    Also the share of matched claims whose ``kind`` agrees with the label.
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    gold = pd.concat([read_gold(p) for p in paths], ignore_index=True)
    lines = set(zip(gold["seed"], gold["line"]))
    found = extract()
    found = found[[(s, ln) in lines for s, ln in zip(found["seed"], found["line"])]]
    return score(gold, found)


def score(gold: pd.DataFrame, found: pd.DataFrame) -> dict:
    """Precision and recall of ``found`` claims against ``gold`` labels (both with ``seed`` (or document), ``line``,
    ``value``, ``unit``, ``kind``; gold rows without a value are labelled lines without claims). A claim matches on
    seed, line, value and unit, as a multiset (a claim stated twice on one line must be found twice); also the share
    of matched claims whose ``kind`` agrees with the label, and a 95 % Wilson interval for precision and recall (the
    samples are small).

    >>> g = pd.DataFrame({"seed": ["000", "000"], "line": [1, 2], "value": [5.0, None], "unit": ["percent", ""],
    ...                   "kind": ["share", ""]})
    >>> f = pd.DataFrame({"seed": ["000", "000"], "line": [1, 2], "value": [5.0, 3.0], "unit": ["percent", "items"],
    ...                   "kind": ["share", "count"]})
    >>> r = score(g, f)
    >>> r["true_positives"], r["precision"], r["recall"]
    (1, 0.5, 1.0)
    """
    truth = gold.dropna(subset=["value"])
    g = pd.Series([_key(*r) for r in truth[["seed", "line", "value", "unit"]].itertuples(index=False)], dtype=object)
    f = pd.Series([_key(*r) for r in found[["seed", "line", "value", "unit"]].itertuples(index=False)], dtype=object)
    gc, fc = g.value_counts(), f.value_counts()
    tp = int(sum(min(n, fc.get(k, 0)) for k, n in gc.items()))
    gold_kind = dict(zip(g, truth["kind"]))
    found_kind = dict(zip(f, found["kind"]))
    matched = [k for k in gc.index if k in fc.index]
    kind_ok = sum(gold_kind[k] == found_kind[k] for k in matched)
    return {
        "lines": len(set(zip(gold["seed"], gold["line"]))), "gold_claims": len(g), "extracted": len(f),
        "true_positives": tp,
        "precision": tp / len(f) if len(f) else 1.0, "recall": tp / len(g) if len(g) else 1.0,
        "precision_interval": wilson(tp, len(f)), "recall_interval": wilson(tp, len(g)),
        "kind_agreement": kind_ok / len(matched) if matched else 1.0,
        "missed": sorted(set(gc.index) - set(fc.index)), "spurious": sorted(set(fc.index) - set(gc.index)),
    }


def wilson(k: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95 % Wilson score interval of a proportion k/n (what a precision of 13/13 can and cannot tell).

    >>> [round(x, 3) for x in wilson(13, 13)]  # 13/13: the true rate may still be as low as 0.77
    [0.772, 1.0]
    >>> wilson(0, 0)
    (0.0, 1.0)
    """
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


