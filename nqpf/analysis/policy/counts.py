"""Term counts per document: trajectories over the national work reports, first-use years, the provincial
reports, and a dictionary-based text index reusable with any published word list."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from nqpf.analysis.policy import dispatch
from nqpf.analysis.policy.reading import PER, documents, load, terms, txt_files
from nqpf.core import data
from nqpf.core.errors import UsageError

__all__ = ["FEW", "rate_text", "count_terms",
           "term_counts", "folder_term_counts", "corpus_counts", "trajectories", "first_years",
           "TIMELINE_TERMS", "MARCH_SINCE", "timeline_check", "province_counts", "INDEX_WORDS", "count_longest",
           "text_index"]


FEW = 5  # below this many uses a rate per 10,000 characters is printed with its raw count


def rate_text(rate: float, count: int, digits: int = 1) -> str:
    """A rate per 10,000 characters as printed in the book: with its raw count when the count is below
    :data:`FEW`, because one use more or less moves such a rate a lot.

    >>> rate_text(0.6423, 1), rate_text(3.4325, 6)
    ('0.6 次（全文 1 次）', '3.4 次')
    """
    shown = f"{rate:.{digits}f} 次"
    return f"{shown}（全文 {int(count)} 次）" if count < FEW else shown


def count_terms(flat: str, wanted) -> dict[str, int]:
    """Occurrences of each term as a string (non-overlapping, left to right), whatever a segmenter would make of
    it: ``count_terms("发展新质生产力", ["新质生产力", "新质"])`` gives 1 and 1 (新质 inside 新质生产力 counts)."""
    return {t: flat.count(t) for t in wanted}


def _doc_rows(item, wanted) -> list[dict]:
    name, path = item
    flat, chars = load(path)
    counts = count_terms(flat, wanted)
    return [{"document": name, "term": t, "count": n, "per_10k_chars": PER * n / chars if chars else math.nan,
             "chars": chars} for t, n in counts.items()]


def term_counts(items, wanted, scheduler=None, keep_chars: bool = False) -> pd.DataFrame:
    """Long table document, term, count, per_10k_chars for ``items`` (pairs of name and path); each Dask task
    reads, cleans and counts one document and returns its rows only."""
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        raise UsageError("no terms to count")
    rows = [r for doc in dispatch.run(items, _doc_rows, scheduler, wanted=tuple(wanted)) for r in doc]
    df = pd.DataFrame(rows, columns=["document", "term", "count", "per_10k_chars", "chars"])
    return df if keep_chars else df.drop(columns="chars")


def folder_term_counts(folder, term_file=None, scheduler=None) -> pd.DataFrame:
    """:func:`term_counts` for every ``.txt`` under ``folder``; documents named by their path under it.
    Every file is read and checked before any row is returned, so a bad file stops the whole run."""
    folder = Path(folder)
    files = txt_files(folder)
    wanted = terms(term_file)
    return term_counts([(p.relative_to(folder).as_posix(), str(p)) for p in files], wanted, scheduler)


@lru_cache(maxsize=4)
def _corpus_counts(collection: str | None, dictionary: tuple[str, ...]) -> pd.DataFrame:
    docs = documents(collection)
    df = term_counts(zip(docs["document"], docs["path"]), dictionary, keep_chars=True)
    return df.merge(docs.drop(columns="path"), on="document")


def corpus_counts(collection: str | None = None, dictionary=None) -> pd.DataFrame:
    """Term counts over the corpus (or one collection) with the document metadata and each document's Chinese
    characters (``chars``); default dictionary: the user dictionary. A copy."""
    return _corpus_counts(collection, tuple(dictionary or terms())).copy()


def trajectories(dictionary=None, counts: bool = False) -> pd.DataFrame:
    """Rows: years of the national work reports; columns: terms; cells: occurrences per 10,000 characters
    (``counts=True``: the raw counts)."""
    df = corpus_counts("gov_work_reports", dictionary)
    wide = df.pivot_table(index="year", columns="term", values="count" if counts else "per_10k_chars",
                          aggfunc="sum")
    return wide[list(dict.fromkeys(df["term"]))]


def first_years(dictionary=None) -> pd.DataFrame:
    """For each term: the first work report that uses it, its count there, and the reports using it since."""
    return _first_years(tuple(dictionary or terms())).copy()


@lru_cache(maxsize=4)
def _first_years(dictionary: tuple[str, ...]) -> pd.DataFrame:  # the chapter and its timeline check both ask
    df = corpus_counts("gov_work_reports", dictionary)
    rows = []
    for term, g in df.groupby("term", sort=False):
        used = g[g["count"] > 0].sort_values("year")
        rows.append({"term": term, "first_year": int(used["year"].iloc[0]) if len(used) else None,
                     "first_count": int(used["count"].iloc[0]) if len(used) else 0,
                     "reports_using": int(len(used)), "total": int(g["count"].sum())})
    return pd.DataFrame(rows)


# The concept chapter's timeline event (data/raw/policy_timeline.csv, by key) that introduces a dictionary term.
TIMELINE_TERMS = {"新质生产力": "first_mention", "人工智能": "ai_13fyp", "数字经济": "digital_plan",
                  "算力": "compute_action_plan", "东数西算": "east_data_west_compute",
                  "低空经济": "low_altitude_transport",
                  "氢能": "hydrogen_plan", "量子科技": "quantum_study"}
# The work report has been delivered at the NPC's March session every year since 1985; before that the sessions
# met in other months (September 1954, June 1983, May 1984 …), so the one-year rule below holds from 1985 on.
MARCH_SINCE = 1985


def timeline_check(dictionary=None) -> pd.DataFrame:
    """First work-report year of each term against the date of the policy-timeline event that introduces it
    (``data/raw/policy_timeline.csv``, from the concept chapter). Since 1985 the reports are delivered in March,
    so a term introduced in year Y (≥ 1985) should appear first in the report of Y or Y+1: ``agree`` when the gap
    is 0 or 1 year; a negative gap means the reports used the term before the event; no report year means it
    never appears."""
    tl = data.load("policy_timeline").set_index("key")
    fy = first_years(dictionary).set_index("term")
    rows = []
    for term, key in TIMELINE_TERMS.items():
        if term not in fy.index:
            continue
        ev = tl.loc[key]
        if int(ev["date"][:4]) < MARCH_SINCE:
            raise UsageError(f"timeline event {key} is before {MARCH_SINCE}: the one-year rule does not apply")
        first = fy.loc[term, "first_year"]
        first = None if first is None or pd.isna(first) else int(first)
        gap = None if first is None else first - int(ev["date"][:4])
        rows.append({"term": term, "report_first_year": first, "timeline_event": ev["event"],
                     "timeline_date": ev["date"], "timeline_ref": ev["seed_ref"], "gap_years": gap,
                     "agree": gap is not None and 0 <= gap <= 1})
    return pd.DataFrame(rows)


def province_counts(dictionary=None, counts: bool = False) -> pd.DataFrame:
    """Rows: the 31 provincial units; columns: terms; cells: occurrences per 10,000 characters of the 2025
    reports (``counts=True``: the raw counts)."""
    df = corpus_counts("provincial_2025", dictionary)
    wide = df.pivot_table(index="province", columns="term", values="count" if counts else "per_10k_chars",
                          aggfunc="sum")
    return wide[list(dict.fromkeys(df["term"]))]


# The word list of the NQPF text index: the user dictionary's terms for new quality productive forces, the
# industries named with them and their inputs (data, compute, AI); chosen for this book, reusable with any list.
INDEX_WORDS = ("新质生产力", "未来产业", "战略性新兴产业", "科技创新", "颠覆性技术", "前沿技术", "关键核心技术",
               "人工智能", "生成式人工智能", "大模型", "数字经济", "数据要素", "算力", "大数据", "低空经济",
               "商业航天", "生物制造", "量子科技", "新型储能", "氢能", "全要素生产率")


def count_longest(flat: str, word_list) -> int:
    """Occurrences of the word list's terms, each stretch of text counted once, longest term first:
    with 新质 and 新质生产力 both listed, "新质生产力" counts once, not twice."""
    words = sorted(set(word_list), key=len, reverse=True)
    if not words:
        return 0
    return len(re.findall("|".join(re.escape(w) for w in words), flat))


def _doc_index(item, words) -> dict:
    name, path = item
    flat, chars = load(path)
    return {"document": name, "hits": count_longest(flat, words), "chars": chars}


def text_index(items, word_list, transform: str = "per10k", scheduler=None) -> pd.DataFrame:
    """A dictionary-based index per document: the uses of a published word list's terms, scaled by length.

    ``items``: pairs (name, path), or a folder (every ``.txt`` under it). Each stretch of text counts once
    (:func:`count_longest`). ``transform``: ``"per10k"`` — 10,000 × hits / Chinese characters; ``"log1p"`` —
    ln(1 + hits), the form used on firm annual reports (e.g. digital-transformation indices), which does not
    scale by length. Example: 4 hits in a 20,000-character report give 2.0 per 10k, or ln 5 = 1.609.
    """
    if transform not in ("per10k", "log1p"):
        raise UsageError("transform must be 'per10k' or 'log1p'")
    words = tuple(dict.fromkeys(word_list))
    if not words:
        raise UsageError("the word list is empty")
    if isinstance(items, (str, Path)):
        folder = Path(items)
        items = [(p.relative_to(folder).as_posix(), str(p)) for p in txt_files(folder)]
    df = pd.DataFrame(dispatch.run(items, _doc_index, scheduler, words=words))
    df["index"] = PER * df["hits"] / df["chars"] if transform == "per10k" else np.log1p(df["hits"])
    return df
