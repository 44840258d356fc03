"""Keyness: which words set one group of reports apart from another, with the spread of each word over the
documents taken into account.

Statistics: Dunning's log-likelihood G² (significance) and Hardie's Log Ratio (effect size) on the pooled counts;
Gries's DP (how unevenly a word is spread over a group's documents); G² on DP-adjusted counts; and a
document-level bootstrap (documents drawn with replacement within each group, seeded) that says how often a
word stays key when the reports that make up each period change. Tokens are the content words of the fast
segmenter; each document's token counts are cached on disk, keyed on the file's bytes, the segmenter, the user
dictionary, the stop words, the cleaning rules and the library versions (one pickle a document, read by the C
unpickler; a run whose documents are all cached starts no Dask scheduler). The work and congress reports' counts
are gathered once into a document × term matrix that every period comparison takes its rows from, and the
bootstrap sums the drawn documents' rows with one matrix product per block of draws.
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
from collections import Counter
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

from nqpf.analysis import cleaning
from nqpf.analysis.policy import dispatch, engines
from nqpf.analysis.policy.reading import PER, documents, load, premier
from nqpf.core import data, text
from nqpf.core.errors import UsageError
from nqpf.core.paths import CACHE, write_atomic

__all__ = ["CRITICAL", "preload", "segment_documents", "doc_token_counts", "token_counts", "log_likelihood",
           "log_ratio", "dp", "keyness", "keyness_docs", "PERIOD_A", "PERIOD_B", "keyness_periods",
           "keyness_congress", "WINDOWS", "window_contrasts"]

CRITICAL = 10.83  # chi-square with one degree of freedom, p = 0.001
SEED = 20261207  # the document bootstrap's


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


def _count_tokens(path: str, engine: str) -> dict[str, int]:
    flat, _ = load(path)
    toks = text.segment_fast(flat) if engine == "fast" else text.segment(flat, cache=False)
    if engine == "fast":  # the fast path's Chinese tokens, for the appendix's comparison with jieba
        engines.fast_entry(flat, toks)
    # Counted in C first, then the distinct tokens filtered: the same dict, in the same (first-seen) order. Each
    # distinct token is judged once per process (stop words are read once per process too).
    counts = Counter(toks)
    _CONTENT.update((t, text.is_content(t)) for t in counts.keys() - _CONTENT.keys())
    return {t: n for t, n in counts.items() if _CONTENT[t]}


_CONTENT: dict[str, bool] = {}


# In-process copy of the counts read or computed, by (file sha256, inputs key): the chapter compares the same
# reports under several specifications.
_COUNTS: dict[tuple[str, str], dict[str, int]] = {}


@lru_cache(maxsize=512)
def _digest(path: str, size: int, mtime_ns: int) -> str:  # size and mtime: a changed file is hashed again
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _cache_key(path, engine: str) -> tuple[str, str]:
    st = os.stat(path)
    return _digest(str(path), st.st_size, st.st_mtime_ns), _inputs_key(engine)


def _cache_path(key: tuple[str, str]) -> Path:
    digest, inputs = key
    return CACHE / "policy-counts" / inputs / f"{digest}.pkl"


def _cached(key: tuple[str, str]) -> dict[str, int] | None:
    """The counts of a document from memory or the disk cache; None if never computed for these inputs."""
    hit = _COUNTS.get(key)
    if hit is None:
        try:
            hit = pickle.loads(_cache_path(key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        _COUNTS[key] = hit
    return hit


def _doc_tokens(path, engine: str) -> dict[str, int]:
    """One document's content-token counts, from the cache or counted and written to it (a Dask task)."""
    key = _cache_key(path, engine)
    counts = _cached(key)
    if counts is None:
        counts = _count_tokens(str(path), engine)
        write_atomic(_cache_path(key), pickle.dumps(counts, protocol=5))  # parallel workers
        _COUNTS[key] = counts
    return counts


def _doc_token_counts(paths, engine: str, scheduler=None) -> list[dict[str, int]]:
    """The cached counts of each document, in order; only documents not yet cached go to Dask."""
    paths = [str(p) for p in paths]
    keys = [_cache_key(p, engine) for p in paths]
    found = [_cached(k) for k in keys]
    missing = [i for i, c in enumerate(found) if c is None]
    if missing:
        for i, counts in zip(missing, dispatch.run([paths[i] for i in missing], _doc_tokens, scheduler,
                                                   engine=engine)):
            _COUNTS[keys[i]] = found[i] = counts
    return found


def _doc_token_count(path, engine: str, cache: bool) -> int:
    flat, _ = load(path)
    return len(text.segment(flat, cache=cache, engine=engine))


def segment_documents(paths, engine: str = "fast", cache: bool = True, scheduler=None) -> int:
    """Segment every document (read, clean, segment; the token cache written when ``cache``) and return the
    number of tokens. Only a count comes back from each task: this is the pipeline the benchmark times."""
    return int(sum(dispatch.run(paths, _doc_token_count, scheduler, engine=engine, cache=cache)))


def doc_token_counts(paths, engine: str = "fast", scheduler=None) -> list[Counter]:
    """Content-token counts of each document, in order (cached on disk; a Dask task a document not yet cached)."""
    return [Counter(c) for c in _doc_token_counts(paths, engine, scheduler)]


def token_counts(paths, engine: str = "fast", scheduler=None) -> Counter:
    """Content-token counts summed over documents."""
    total = Counter()
    for c in _doc_token_counts(paths, engine, scheduler):
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


def _table(ca: np.ndarray, cb: np.ndarray, vocab: np.ndarray, ta: int, tb: int, min_count: int) -> pd.DataFrame:
    """:func:`keyness` from pooled counts: ``ca``/``cb`` of the words ``vocab`` in corpora of ``ta``/``tb`` tokens."""
    sel = (ca + cb) >= min_count
    x, y = ca[sel], cb[sel]
    df = pd.DataFrame({"term": vocab[sel], "count_a": x, "count_b": y, "per_10k_a": PER * x / ta,
                       "per_10k_b": PER * y / tb, "g2": log_likelihood(x, y, ta, tb),
                       "log_ratio": [log_ratio(u, v, ta, tb) for u, v in zip(x.tolist(), y.tolist())]})
    df["key_for"] = np.where(df["log_ratio"] > 0, "A", "B")
    return df.sort_values(["g2", "term"], ascending=[False, True]).reset_index(drop=True)


def keyness(a: Counter, b: Counter, min_count: int = 5) -> pd.DataFrame:
    """Every token with at least ``min_count`` uses in A and B together: counts, rates per 10,000 tokens, G²
    (p < 0.001 above 10.83 with one degree of freedom) and Log Ratio; sorted by G², A's key words first."""
    vocab = list(set(a) | set(b))
    ca = np.array([a.get(w, 0) for w in vocab], dtype=np.int64)
    cb = np.array([b.get(w, 0) for w in vocab], dtype=np.int64)
    return _table(ca, cb, np.array(vocab, dtype=object), sum(a.values()), sum(b.values()), min_count)


def _matrix(docs: list[Counter], vocab: list[str]) -> np.ndarray:
    index = {w: i for i, w in enumerate(vocab)}
    m = np.zeros((len(docs), len(vocab)), dtype=np.int64)
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


def _bootstrap(ma: np.ndarray, mb: np.ndarray, sa: np.ndarray, sb: np.ndarray, draws: int,
               seed: int) -> np.ndarray:
    """Signed G² of every word (columns) in each of ``draws`` document bootstrap draws (rows).

    Each draw takes ``len(ma)`` rows of A and ``len(mb)`` of B with replacement, in the order the seeded generator
    always gave them (A's draw, then B's, draw after draw); the draws are summed in blocks whose temporaries stay
    in the processor's cache. The sums are of whole numbers, so exact in any order."""
    rng = np.random.default_rng(seed)
    na, nb = len(ma), len(mb)
    ia, ib = np.empty((draws, na), dtype=np.intp), np.empty((draws, nb), dtype=np.intp)
    for d in range(draws):
        ia[d] = rng.integers(0, na, na)
        ib[d] = rng.integers(0, nb, nb)
    signed = np.empty((draws, ma.shape[1]))
    step = max(1, 32_768 // max(ma.shape[1], 1))  # draws per block: temporaries of 256 kB
    for lo in range(0, draws, step):
        da, db = ia[lo:lo + step], ib[lo:lo + step]
        ca, cb = ma[da].sum(axis=1), mb[db].sum(axis=1)
        xa, xb = sa[da].sum(axis=1)[:, None], sb[db].sum(axis=1)[:, None]
        g = log_likelihood(ca, cb, xa, xb)
        signed[lo:lo + step] = np.where(ca / xa >= cb / xb, g, -g)
    return signed


def _keyness_matrix(ma: np.ndarray, mb: np.ndarray, vocab: np.ndarray, min_count: int, draws: int, seed: int,
                    terms, key_only: bool = False) -> pd.DataFrame:
    """:func:`keyness_docs` from document × word count matrices (integers) over the words ``vocab``.
    ``key_only``: the bootstrap columns only for the words key at p < 0.001 (G² ≥ :data:`CRITICAL`; NaN for the
    others; each word's draws are its own column, so the numbers it gives are the same)."""
    sa, sb = ma.sum(axis=1), mb.sum(axis=1)
    ca, cb = ma.sum(axis=0), mb.sum(axis=0)
    used = (ca + cb) > 0  # a word of neither group is not in the table (``terms`` adds it back with zeros)
    base = _table(ca[used], cb[used], vocab[used], int(sa.sum()), int(sb.sum()), 0 if terms else min_count)
    if terms:
        missing = [t for t in terms if t not in set(base["term"])]
        base = pd.concat([base[base["term"].isin(list(terms))], pd.DataFrame({
            "term": missing, "count_a": 0, "count_b": 0, "per_10k_a": 0.0, "per_10k_b": 0.0, "g2": 0.0,
            "log_ratio": 0.0, "key_for": "A"})], ignore_index=True) if missing else base[base["term"].isin(list(terms))]
        base = base.set_index("term").loc[list(terms)].reset_index()
    column = {w: j for j, w in enumerate(vocab)}
    cols = [column.get(w, len(vocab)) for w in base["term"]]  # len(vocab): a column of zeros
    # C order: the DP sums add the rows in the order they always did (another layout rounds differently)
    ma = np.hstack([ma, np.zeros((len(ma), 1), dtype=ma.dtype)])[:, cols].astype(float, order="C")
    mb = np.hstack([mb, np.zeros((len(mb), 1), dtype=mb.dtype)])[:, cols].astype(float, order="C")
    sa, sb = sa.astype(float), sb.astype(float)
    ta, tb = sa.sum(), sb.sum()
    base["docs_a"] = (ma > 0).sum(axis=0)
    base["docs_b"] = (mb > 0).sum(axis=0)
    base["dp_a"], base["dp_b"] = _dp_rows(ma, sa), _dp_rows(mb, sb)
    adj_a = base["count_a"].to_numpy() * (1 - np.nan_to_num(base["dp_a"].to_numpy()))
    adj_b = base["count_b"].to_numpy() * (1 - np.nan_to_num(base["dp_b"].to_numpy()))
    base["g2_dp"] = log_likelihood(adj_a, adj_b, ta, tb)
    sign = np.where(base["key_for"].to_numpy() == "A", 1.0, -1.0)
    boot = (base["g2"].to_numpy() >= CRITICAL) if key_only else np.ones(len(base), dtype=bool)
    signed = _bootstrap(ma[:, boot], mb[:, boot], sa, sb, draws, seed)
    up = sign[boot] > 0  # each side's percentile over its own words only
    p05 = np.empty(int(boot.sum()))
    p05[up] = np.percentile(signed[:, up], 5, axis=0)
    p05[~up] = -np.percentile(-signed[:, ~up], 5, axis=0)
    base["g2_p05"], base["boot_share"] = np.nan, np.nan
    base.loc[boot, "g2_p05"] = p05
    base.loc[boot, "boot_share"] = ((signed * sign[boot]) >= CRITICAL).mean(axis=0)
    return base


def keyness_docs(docs_a: list[Counter], docs_b: list[Counter], min_count: int = 5, draws: int = 2000,
                 seed: int = SEED, terms=None) -> pd.DataFrame:
    """:func:`keyness` from per-document counts, with the spread over documents taken into account.

    Extra columns: ``docs_a``/``docs_b`` (documents using the word), ``dp_a``/``dp_b`` (Gries's DP within each
    group), ``g2_dp`` (G² of the counts multiplied by 1 − DP: a word used in one report only counts for less), and
    from a bootstrap over documents (each group's documents drawn with replacement, ``draws`` times, seeded):
    ``g2_p05`` (5th percentile of the signed G², positive = key for A) and ``boot_share`` (share of draws in
    which the word is key in the same direction at p < 0.001). ``terms``: only these words, whatever their
    counts (``min_count`` is then not applied; a word used in neither group gets G² 0).
    """
    vocab = list(dict.fromkeys(w for c in (*docs_a, *docs_b) for w in c))
    return _keyness_matrix(_matrix(docs_a, vocab), _matrix(docs_b, vocab), np.array(vocab, dtype=object),
                           min_count, draws, seed, terms)


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


@lru_cache(maxsize=2)
def _reports(engine: str) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
    """The work and congress reports' content-token counts, once: the row of each document (by path), the
    vocabulary, and the document × word count matrix."""
    docs = documents()
    paths = list(docs[docs["collection"].isin(["gov_work_reports", "cpc_congress_reports"])]["path"])
    counts = _doc_token_counts(paths, engine)
    column: dict[str, int] = {}
    rows, cols, values = [], [], []
    for r, c in enumerate(counts):
        cols.append(np.array([column.setdefault(w, len(column)) for w in c], dtype=np.int64))
        rows.append(np.full(len(c), r, dtype=np.int64))
        values.append(np.fromiter(c.values(), dtype=np.int64, count=len(c)))
    m = np.zeros((len(paths), len(column)), dtype=np.int64)
    if counts:
        m[np.concatenate(rows), np.concatenate(cols)] = np.concatenate(values)
    return {p: i for i, p in enumerate(paths)}, np.array(list(column), dtype=object), m


def _rows(paths, engine: str) -> np.ndarray:
    where, _, m = _reports(engine)
    return m[[where[str(p)] for p in paths]]


@lru_cache(maxsize=16)
def _periods(a: tuple[int, int], b: tuple[int, int], engine: str, draws: int, terms,
             key_only: bool = False) -> pd.DataFrame:
    ma = _rows(_paths("gov_work_reports", _span(a)), engine)
    mb = _rows(_paths("gov_work_reports", _span(b)), engine)
    df = _keyness_matrix(ma, mb, _reports(engine)[1], 5, draws, SEED, terms, key_only)
    df.attrs.update(period_a=a, period_b=b, premiers_a=sorted({premier(y) for y in _span(a)}),
                    premiers_b=sorted({premier(y) for y in _span(b)}), tokens_a=int(ma.sum()),
                    tokens_b=int(mb.sum()), docs_a=len(ma), docs_b=len(mb))
    return df


def keyness_periods(a=PERIOD_A, b=PERIOD_B, engine: str = "fast", draws: int = 2000, terms=None,
                    key_only: bool = False) -> pd.DataFrame:
    """Work reports of the years ``a`` (first, last; default 2024–2026) against ``b`` (default 2013–2022), with
    dispersion and the document bootstrap (:func:`keyness_docs`; ``terms``: only those words). ``attrs`` name the
    premiers of each period and the token totals. ``key_only``: the bootstrap only for the words key at
    p < 0.001 (the others' ``g2_p05`` and ``boot_share`` NaN; the chapter reads no others)."""
    df = _periods(tuple(a), tuple(b), engine, draws, tuple(terms) if terms else None, key_only)
    out = df.copy()
    out.attrs = dict(df.attrs)
    return out


@lru_cache(maxsize=2)
def _congress(engine: str) -> pd.DataFrame:
    ma = _rows(documents("cpc_congress_reports")["path"], engine)
    mb = _rows(_paths("gov_work_reports", range(1982, 2023)), engine)
    ca, cb = ma.sum(axis=0), mb.sum(axis=0)
    used = (ca + cb) > 0
    return _table(ca[used], cb[used], _reports(engine)[1][used], int(ma.sum()), int(mb.sum()), 5)


def keyness_congress(engine: str = "fast") -> pd.DataFrame:
    """Congress reports 1982–2022 (A) against the work reports of the same years 1982–2022 (B)."""
    return _congress(engine).copy()


# Adjacent three-report windows: how many key words a change of premier brings, against a change of three years
# under the same premier (the drafting team's own vocabulary is part of any period contrast).
WINDOWS = (((2011, 2013), (2014, 2016)), ((2015, 2017), (2018, 2020)), ((2018, 2020), (2021, 2023)),
           ((2021, 2023), (2024, 2026)))


def window_contrasts(engine: str = "fast") -> pd.DataFrame:
    """For each pair of adjacent windows: the number of words key for the later window at p < 0.001 (pooled
    G²), and how many of them stay key in at least 95 % of the document-bootstrap draws."""
    rows = []
    for early, late in WINDOWS:
        df = _periods(late, early, engine, 500, None, key_only=True)  # only key words' bootstrap is read
        key = df[(df["key_for"] == "A") & (df["g2"] >= CRITICAL)]
        rows.append({"early": f"{early[0]}–{early[1]}", "late": f"{late[0]}–{late[1]}",
                     "premier_early": "、".join(df.attrs["premiers_b"]),
                     "premier_late": "、".join(df.attrs["premiers_a"]),
                     "premier_change": df.attrs["premiers_a"] != df.attrs["premiers_b"], "key_words": len(key),
                     "key_words_boot95": int((key["boot_share"] >= 0.95).sum()),
                     "tokens_late": df.attrs["tokens_a"]})
    return pd.DataFrame(rows)
