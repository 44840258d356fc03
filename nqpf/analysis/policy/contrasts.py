"""Keyness: which words set one group of reports apart from another, with the spread of each word over the
documents taken into account.

Statistics: Dunning's log-likelihood G² (significance) and Hardie's Log Ratio (effect size) on the pooled counts;
Gries's DP (how unevenly a word is spread over a group's documents); G² on DP-adjusted counts; and a
document-level bootstrap (documents drawn with replacement within each group, seeded) that says how often a
word stays key when the reports that make up each period change. Tokens are the content words of the fast
segmenter; each document's token counts are cached on disk, keyed on the file's bytes, the segmenter, the user
dictionary, the stop words, the cleaning rules and the library versions (``joblib.Memory``).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from functools import lru_cache
from importlib.metadata import version

import numpy as np
import pandas as pd

from nqpf.analysis import cleaning
from nqpf.analysis.policy import dispatch
from nqpf.analysis.policy.reading import PER, documents, load, premier
from nqpf.core import data, text
from nqpf.core.errors import UsageError
from nqpf.core.paths import CACHE

__all__ = ["CRITICAL", "preload", "segment_documents", "doc_token_counts", "token_counts", "log_likelihood",
           "log_ratio", "dp", "keyness", "keyness_docs", "PERIOD_A", "PERIOD_B", "keyness_periods",
           "keyness_congress", "WINDOWS", "window_contrasts"]

CRITICAL = 10.83  # chi-square with one degree of freedom, p = 0.001


def preload(engine: str = "fast") -> None:
    """Load the segmenter's dictionary and the cleaning tables now (in each Dask worker before timing)."""
    text.preload(engine)
    cleaning.traditional_found("")


# --- Tokens per document, cached -------------------------------------------------------------------------------

@lru_cache(maxsize=2)
def _inputs_key(engine: str) -> str:
    """Everything besides a file's bytes that decides its token counts."""
    from nqpf.core.paths import ROOT

    h = hashlib.sha256()
    for part in (engine, text.dictionary_hash(), version("rjieba"), version("jieba"), version("OpenCC"),
                 data.sha256(ROOT / "data" / "lexicon" / "stopwords.csv"),
                 data.sha256(ROOT / "nqpf" / "analysis" / "cleaning.py")):
        h.update(str(part).encode())
    return h.hexdigest()[:16]


def _count_tokens(digest: str, key: str, path: str, engine: str) -> dict[str, int]:
    flat, _ = load(path)
    toks = text.segment_fast(flat) if engine == "fast" else text.segment(flat, cache=False)
    return dict(Counter(t for t in toks if text.is_content(t)))


@lru_cache(maxsize=1)
def _memory():
    from joblib import Memory

    return Memory(CACHE / "policy-tokens", verbose=0)


def _doc_tokens(path, engine: str) -> Counter:
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    cached = _memory().cache(_count_tokens, ignore=["path"])
    return Counter(cached(digest, _inputs_key(engine), str(path), engine))


def _doc_token_count(path, engine: str, cache: bool) -> int:
    flat, _ = load(path)
    return len(text.segment(flat, cache=cache, engine=engine))


def segment_documents(paths, engine: str = "fast", cache: bool = True, scheduler=None) -> int:
    """Segment every document (read, clean, segment; the token cache written when ``cache``) and return the
    number of tokens. Only a count comes back from each task: this is the pipeline the benchmark times."""
    return int(sum(dispatch.run(paths, _doc_token_count, scheduler, engine=engine, cache=cache)))


def doc_token_counts(paths, engine: str = "fast", scheduler=None) -> list[Counter]:
    """Content-token counts of each document, in order (one Dask task a document, cached on disk)."""
    return dispatch.run(paths, _doc_tokens, scheduler, engine=engine)


def token_counts(paths, engine: str = "fast", scheduler=None) -> Counter:
    """Content-token counts summed over documents."""
    total = Counter()
    for c in doc_token_counts(paths, engine, scheduler):
        total.update(c)
    return total


# --- Statistics -------------------------------------------------------------------------------------------------

def log_likelihood(a, b, total_a, total_b):
    """Dunning's log-likelihood G² for a word seen ``a`` times in corpus A and ``b`` times in B (scalars or
    arrays). Expected counts ``E_A = total_a (a + b) / (total_a + total_b)`` (same for B);
    ``G² = 2 Σ O ln(O / E)``, a zero count contributing nothing (Rayson and Garside 2000).
    Example: a=10, b=0, totals 1,000 each: E=5 and 5, G² = 2·10·ln 2 = 13.86.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    total = np.asarray(total_a, dtype=float) + np.asarray(total_b, dtype=float)
    ea, eb = total_a * (a + b) / total, total_b * (a + b) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        g = 2 * (np.where(a > 0, a * np.log(a / ea), 0.0) + np.where(b > 0, b * np.log(b / eb), 0.0))
    return float(g) if g.ndim == 0 else g


def log_ratio(a: float, b: float, total_a: float, total_b: float) -> float:
    """Hardie's Log Ratio, the effect size: log2 of the ratio of relative frequencies, a zero count replaced by
    0.5. Example: 20 per 1,000 against 10 per 1,000 gives 1.0 (twice as frequent)."""
    return math.log2((max(a, 0.5) / total_a) / (max(b, 0.5) / total_b))


def dp(counts, sizes) -> float:
    """Gries's (2008) DP, deviation of proportions: ``0.5 Σ |v_i / f − s_i|`` where ``v_i`` is the word's count in
    document i, ``f`` its total and ``s_i`` document i's share of all tokens. 0: spread exactly like the text;
    near 1: all in one small document. NaN for a word not seen. Example: counts (2, 0), sizes (50, 50):
    0.5 (|1 − 0.5| + |0 − 0.5|) = 0.5."""
    v, s = np.asarray(counts, dtype=float), np.asarray(sizes, dtype=float)
    f = v.sum()
    if f == 0:
        return math.nan
    return float(0.5 * np.abs(v / f - s / s.sum()).sum())


def keyness(a: Counter, b: Counter, min_count: int = 5) -> pd.DataFrame:
    """Every token with at least ``min_count`` uses in A and B together: counts, rates per 10,000 tokens, G²
    (p < 0.001 above 10.83 with one degree of freedom) and Log Ratio; sorted by G², A's key words first."""
    ta, tb = sum(a.values()), sum(b.values())
    rows = []
    for w in set(a) | set(b):
        x, y = a.get(w, 0), b.get(w, 0)
        if x + y < min_count:
            continue
        rows.append({"term": w, "count_a": x, "count_b": y, "per_10k_a": PER * x / ta, "per_10k_b": PER * y / tb,
                     "g2": log_likelihood(x, y, ta, tb), "log_ratio": log_ratio(x, y, ta, tb)})
    df = pd.DataFrame(rows)
    df["key_for"] = np.where(df["log_ratio"] > 0, "A", "B")
    return df.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)


def _matrix(docs: list[Counter], vocab: list[str]) -> np.ndarray:
    index = {w: i for i, w in enumerate(vocab)}
    m = np.zeros((len(docs), len(vocab)))
    for r, c in enumerate(docs):
        for w, n in c.items():
            if w in index:
                m[r, index[w]] = n
    return m


def _dp_rows(m: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    f = m.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = 0.5 * np.abs(m / f - (sizes / sizes.sum())[:, None]).sum(axis=0)
    return np.where(f > 0, out, np.nan)


def keyness_docs(docs_a: list[Counter], docs_b: list[Counter], min_count: int = 5, draws: int = 2000,
                 seed: int = 20261207, terms=None) -> pd.DataFrame:
    """:func:`keyness` from per-document counts, with the spread over documents taken into account.

    Extra columns: ``docs_a``/``docs_b`` (documents using the word), ``dp_a``/``dp_b`` (Gries's DP within each
    group), ``g2_dp`` (G² of the counts multiplied by 1 − DP: a word used in one report only counts for less), and
    from a bootstrap over documents (each group's documents drawn with replacement, ``draws`` times, seeded):
    ``g2_p05`` (5th percentile of the signed G², positive = key for A) and ``boot_share`` (share of draws in
    which the word is key in the same direction at p < 0.001). ``terms``: only these words, whatever their
    counts (``min_count`` is then not applied; a word used in neither group gets G² 0).
    """
    base = keyness(sum(docs_a, Counter()), sum(docs_b, Counter()), 0 if terms else min_count)
    if terms:
        missing = [t for t in terms if t not in set(base["term"])]
        base = pd.concat([base[base["term"].isin(list(terms))], pd.DataFrame({
            "term": missing, "count_a": 0, "count_b": 0, "per_10k_a": 0.0, "per_10k_b": 0.0, "g2": 0.0,
            "log_ratio": 0.0, "key_for": "A"})], ignore_index=True) if missing else base[base["term"].isin(list(terms))]
        base = base.set_index("term").loc[list(terms)].reset_index()
    vocab = list(base["term"])
    ma, mb = _matrix(docs_a, vocab), _matrix(docs_b, vocab)
    sa = np.array([sum(c.values()) for c in docs_a], dtype=float)
    sb = np.array([sum(c.values()) for c in docs_b], dtype=float)
    ta, tb = sa.sum(), sb.sum()
    base["docs_a"] = (ma > 0).sum(axis=0)
    base["docs_b"] = (mb > 0).sum(axis=0)
    base["dp_a"], base["dp_b"] = _dp_rows(ma, sa), _dp_rows(mb, sb)
    adj_a = base["count_a"].to_numpy() * (1 - np.nan_to_num(base["dp_a"].to_numpy()))
    adj_b = base["count_b"].to_numpy() * (1 - np.nan_to_num(base["dp_b"].to_numpy()))
    base["g2_dp"] = log_likelihood(adj_a, adj_b, ta, tb)
    sign = np.where(base["key_for"].to_numpy() == "A", 1.0, -1.0)
    rng = np.random.default_rng(seed)
    signed = np.empty((draws, len(vocab)))
    for d in range(draws):
        ia = rng.integers(0, len(docs_a), len(docs_a))
        ib = rng.integers(0, len(docs_b), len(docs_b))
        ca, cb = ma[ia].sum(axis=0), mb[ib].sum(axis=0)
        xa, xb = sa[ia].sum(), sb[ib].sum()
        g = log_likelihood(ca, cb, xa, xb)
        signed[d] = np.where(ca / xa >= cb / xb, g, -g)
    base["g2_p05"] = np.where(sign > 0, np.percentile(signed, 5, axis=0), -np.percentile(-signed, 5, axis=0))
    base["boot_share"] = ((signed * sign) >= CRITICAL).mean(axis=0)
    return base


# --- The comparisons of the chapter -----------------------------------------------------------------------------

# The latest reports (Li Qiang's) against the decade before (Wen Jiabao's last and Li Keqiang's 2014–2022).
PERIOD_A = (2024, 2026)
PERIOD_B = (2013, 2022)


def _paths(collection, years) -> list[str]:
    docs = documents(collection)
    years = list(years)
    paths = list(docs[docs["year"].isin(years)]["path"])
    if not paths:
        raise UsageError(f"no {collection} documents in {years[0]}–{years[-1]} (the corpus has "
                         f"{docs['year'].min()}–{docs['year'].max()})")
    return paths


def _span(years) -> range:
    return range(years[0], years[1] + 1)


@lru_cache(maxsize=16)
def _periods(a: tuple[int, int], b: tuple[int, int], engine: str, draws: int, terms) -> pd.DataFrame:
    docs_a = doc_token_counts(_paths("gov_work_reports", _span(a)), engine)
    docs_b = doc_token_counts(_paths("gov_work_reports", _span(b)), engine)
    df = keyness_docs(docs_a, docs_b, draws=draws, terms=terms)
    df.attrs.update(period_a=a, period_b=b, premiers_a=sorted({premier(y) for y in _span(a)}),
                    premiers_b=sorted({premier(y) for y in _span(b)}), tokens_a=sum(sum(c.values()) for c in docs_a),
                    tokens_b=sum(sum(c.values()) for c in docs_b), docs_a=len(docs_a), docs_b=len(docs_b))
    return df


def keyness_periods(a=PERIOD_A, b=PERIOD_B, engine: str = "fast", draws: int = 2000, terms=None) -> pd.DataFrame:
    """Work reports of the years ``a`` (first, last; default 2024–2026) against ``b`` (default 2013–2022), with
    dispersion and the document bootstrap (:func:`keyness_docs`; ``terms``: only those words). ``attrs`` name the
    premiers of each period and the token totals."""
    df = _periods(tuple(a), tuple(b), engine, draws, tuple(terms) if terms else None)
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


def keyness_congress(engine: str = "fast") -> pd.DataFrame:
    """Congress reports 1982–2022 (A) against the work reports of the same years 1982–2022 (B)."""
    a = token_counts(list(documents("cpc_congress_reports")["path"]), engine)
    b = token_counts(_paths("gov_work_reports", range(1982, 2023)), engine)
    return keyness(a, b)


# Adjacent three-report windows: how many key words a change of premier brings, against a change of three years
# under the same premier (the drafting team's own vocabulary is part of any period contrast).
WINDOWS = (((2011, 2013), (2014, 2016)), ((2015, 2017), (2018, 2020)), ((2018, 2020), (2021, 2023)),
           ((2021, 2023), (2024, 2026)))


def window_contrasts(engine: str = "fast") -> pd.DataFrame:
    """For each pair of adjacent windows: the number of words key for the later window at p < 0.001 (pooled
    G²), and how many of them stay key in at least 95 % of the document-bootstrap draws."""
    rows = []
    for early, late in WINDOWS:
        df = keyness_periods(late, early, engine, draws=500)
        key = df[(df["key_for"] == "A") & (df["g2"] >= CRITICAL)]
        rows.append({"early": f"{early[0]}–{early[1]}", "late": f"{late[0]}–{late[1]}",
                     "premier_early": "、".join(df.attrs["premiers_b"]),
                     "premier_late": "、".join(df.attrs["premiers_a"]),
                     "premier_change": df.attrs["premiers_a"] != df.attrs["premiers_b"], "key_words": len(key),
                     "key_words_boot95": int((key["boot_share"] >= 0.95).sum()),
                     "tokens_late": df.attrs["tokens_a"]})
    return pd.DataFrame(rows)
