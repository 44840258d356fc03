"""The policy-text corpus (``data/corpus/``) and any folder of ``.txt`` files: reading, term counts, trajectories,
keyness, the provincial reports and a dictionary-based text index.

Every document goes through one path: :func:`read_text` (UTF-8, or a :class:`DataError` naming the file) →
:func:`nqpf.analysis.cleaning.clean` → :func:`analysis_text` (line breaks inside the document dropped, because
Wikisource puts link text on lines of its own and a term may straddle one). The corpus in ``data/corpus`` is
first checked against its manifest (``manifest.csv`` against ``manifest.csv.yml``, then every file's bytes and
sha256 against its row, and no file without a row).

Work over many documents is a ``dask.bag`` over file *paths*: each task reads, cleans and reduces one document
and returns only its small result, so memory stays flat however large the folder. The scheduler is
``"sync"`` by default (the book's corpus is 6 MB); pass ``scheduler="processes"``, a ``distributed.Client``,
or an address (``"tcp://host:8786"``; also from the environment variable ``NQPF_DASK_SCHEDULER``) to spread
the work over cores or a cluster.

Public functions:

- ``manifest()`` -> the checked corpus manifest (one row per file, with ``path``);
- ``documents(collection=None)`` -> DataFrame document, collection, year, title, province, path;
- ``terms(path=None)`` -> the term dictionary (default: the user dictionary ``data/lexicon/userdict.txt``);
- ``term_counts(paths, terms, scheduler=None)`` -> long DataFrame document, term, count, per_10k_chars;
- ``folder_term_counts(folder, terms)`` -> the same for every ``.txt`` under a folder (the CLI);
- ``trajectories()`` / ``first_years()`` -> national work reports 1954–2025 per 10,000 characters;
- ``keyness(a, b)`` -> log-likelihood G² and log ratio for every content token;
- ``province_counts()``, ``tile_grid()``, ``text_index(...)``.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from nqpf.analysis import cleaning
from nqpf.core import data, text
from nqpf.core.errors import DataError, UsageError
from nqpf.core.paths import CORPUS, USERDICT, rel

MANIFEST = CORPUS / "manifest.csv"
PER = 10_000  # rates are per 10,000 Chinese characters
SCHEDULER_ENV = "NQPF_DASK_SCHEDULER"


# --- Reading ---------------------------------------------------------------------------------------------------

def read_text(path) -> str:
    """The file as text; a DataError naming the file (and line) if it cannot be read or is not UTF-8."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(rel(path), "file readable", detail=exc.strerror or str(exc)) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(rel(path), "encoding is UTF-8", line, f"byte 0x{raw[exc.start]:02x} is not UTF-8") from None


def analysis_text(cleaned: str) -> str:
    """Cleaned text with line breaks and spaces inside Chinese text removed, for counting terms."""
    return "".join(ln.strip().replace("\u3000", "") for ln in cleaned.split("\n"))


def load(path) -> tuple[str, int]:
    """Read, clean and flatten one document: (analysis text, number of Chinese characters)."""
    flat = analysis_text(cleaning.clean(read_text(path)).text)
    return flat, cleaning.hanzi_count(flat)


def txt_files(folder) -> list[Path]:
    """Every ``.txt`` file under ``folder`` (recursively), sorted; UsageError if there is none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    if not files:
        raise UsageError(f"{folder}: no .txt files")
    return files


# --- The corpus and its manifest --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def manifest() -> pd.DataFrame:
    """``data/corpus/manifest.csv``, validated against its ``.yml``; every file checked against its row."""
    df = data.validate(MANIFEST).copy()
    for line, row in enumerate(df.itertuples(index=False), start=2):
        path = CORPUS / row.file
        if not path.exists():
            raise DataError(rel(MANIFEST), "listed file exists", line, row.file)
        raw = path.read_bytes()
        if len(raw) != row.bytes:
            raise DataError(rel(path), "bytes match manifest.csv", detail=f"file {len(raw)}, manifest {row.bytes} "
                            f"(manifest.csv line {line})")
        if data.sha256(path) != row.sha256:
            raise DataError(rel(path), "sha256 matches manifest.csv", detail=f"manifest.csv line {line}")
    listed = set(df["file"])
    for p in txt_files(CORPUS):
        if p.relative_to(CORPUS).as_posix() not in listed:
            raise DataError(rel(p), "file listed in data/corpus/manifest.csv")
    df["path"] = [str(CORPUS / f) for f in df["file"]]
    return df


def _province(row) -> str:
    return Path(row["file"]).stem.split("_", 1)[1] if row["collection"] == "provincial_2025" else ""


def documents(collection: str | None = None) -> pd.DataFrame:
    """The corpus documents: document (file path under data/corpus), collection, year, title, province, path."""
    df = manifest()
    if collection is not None:
        if collection not in set(df["collection"]):
            raise UsageError(f"unknown collection {collection!r} (one of: {', '.join(sorted(set(df['collection'])))})")
        df = df[df["collection"] == collection]
    out = df.rename(columns={"file": "document"})[["document", "collection", "year", "title", "path"]].copy()
    out["province"] = [_province({"file": d, "collection": c}) for d, c in zip(out["document"], out["collection"])]
    return out.reset_index(drop=True)


# --- Terms and counts -------------------------------------------------------------------------------------------

def terms(path=None) -> list[str]:
    """Terms of a dictionary file, one a line (jieba user-dictionary format: the first field is the term).
    Default: the book's user dictionary. Duplicates are dropped, order kept."""
    p = Path(path) if path else USERDICT
    body = read_text(p)
    out = [ln.split()[0] for ln in body.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not out:
        raise UsageError(f"{p}: no terms")
    return list(dict.fromkeys(out))


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


def _compute(bag, scheduler=None):
    """Run a dask collection on the chosen scheduler (see the module docstring)."""
    scheduler = scheduler or os.environ.get(SCHEDULER_ENV) or "sync"
    if isinstance(scheduler, str) and "://" in scheduler:
        from distributed import Client

        with Client(scheduler) as client:
            return client.compute(bag).result()
    if hasattr(scheduler, "compute") and hasattr(scheduler, "scheduler_info"):  # a distributed.Client
        return scheduler.compute(bag).result()
    return bag.compute(scheduler=scheduler)


# Bytes of text per Dask task: a task costs about 10 ms of scheduling on a LocalCluster, small beside the
# segmentation of 4 MB (about 0.3 s on the fast path), while 1 GB still makes hundreds of tasks to share out.
PARTITION_BYTES = 4_000_000


def _size(item) -> int:
    try:
        return os.path.getsize(item[1] if isinstance(item, tuple) else item)
    except OSError:
        return 0  # reading it will name the file


def _bag(items):
    """A dask bag of documents (paths, or pairs of name and path) in order, cut into contiguous partitions of
    about equal bytes: about PARTITION_BYTES each, and at least four where there are four documents, so that two
    workers share a small corpus. Each task streams its documents one at a time."""
    import dask.bag as db

    items = list(items)
    sizes = [_size(it) for it in items]
    n = max(1, min(len(items), max(4, math.ceil(sum(sizes) / PARTITION_BYTES))))
    step = sum(sizes) / n
    parts, part, seen = [], [], 0
    for item, size in zip(items, sizes):
        part.append(item)
        seen += size
        if len(parts) < n - 1 and seen >= step * (len(parts) + 1):
            parts.append(part)
            part = []
    parts += [part] if part else []
    return db.from_sequence(parts, npartitions=max(1, len(parts))).flatten()


def term_counts(items, wanted, scheduler=None, keep_chars: bool = False) -> pd.DataFrame:
    """Long table document, term, count, per_10k_chars for ``items`` (pairs of name and path).

    A dask bag over the paths: each task reads, cleans and counts one document and returns its rows only.
    """
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        raise UsageError("no terms to count")
    rows = _compute(_bag(items).map(_doc_rows, wanted=tuple(wanted)).flatten(), scheduler)
    df = pd.DataFrame(rows, columns=["document", "term", "count", "per_10k_chars", "chars"])
    return df if keep_chars else df.drop(columns="chars")


def folder_term_counts(folder, term_file=None, scheduler=None) -> pd.DataFrame:
    """:func:`term_counts` for every ``.txt`` under ``folder``; documents named by their path under it.

    Every file is read and checked before any row is returned, so a bad file stops the whole run.
    """
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
    """Term counts over the corpus (or one collection) with the document metadata; default dictionary: the
    user dictionary."""
    return _corpus_counts(collection, tuple(dictionary or terms())).copy()


# --- Trajectories 1954-2025 -------------------------------------------------------------------------------------

def trajectories(dictionary=None) -> pd.DataFrame:
    """Rows: years of the national work reports; columns: terms; cells: occurrences per 10,000 characters."""
    df = corpus_counts("gov_work_reports", dictionary)
    wide = df.pivot_table(index="year", columns="term", values="per_10k_chars", aggfunc="sum")
    return wide[list(dict.fromkeys(df["term"]))]


def first_years(dictionary=None) -> pd.DataFrame:
    """For each term: the first work report that uses it, its count there, and the reports using it since."""
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


def timeline_check(dictionary=None) -> pd.DataFrame:
    """First work-report year of each term against the date of the policy-timeline event that introduces it
    (``data/raw/policy_timeline.csv``, from the concept chapter). Work reports are delivered in March, so a term
    introduced in year Y should appear first in the report of Y or Y+1: ``agree`` when the gap is 0 or 1 year;
    a negative gap means the reports used the term before the event; no report year means it never appears."""
    tl = data.load("policy_timeline").set_index("key")
    fy = first_years(dictionary).set_index("term")
    rows = []
    for term, key in TIMELINE_TERMS.items():
        if term not in fy.index:
            continue
        ev = tl.loc[key]
        first = fy.loc[term, "first_year"]
        first = None if first is None or pd.isna(first) else int(first)
        gap = None if first is None else first - int(ev["date"][:4])
        rows.append({"term": term, "report_first_year": first, "timeline_event": ev["event"],
                     "timeline_date": ev["date"], "timeline_ref": ev["seed_ref"], "gap_years": gap,
                     "agree": gap is not None and 0 <= gap <= 1})
    return pd.DataFrame(rows)


# --- Keyness ----------------------------------------------------------------------------------------------------

def preload(engine: str = "fast") -> None:
    """Load the segmenter's dictionary and the cleaning tables now (in each Dask worker before timing)."""
    text.preload(engine)
    cleaning.traditional_found("")


def _doc_tokens(path, engine: str) -> Counter:
    flat, _ = load(path)
    toks = text.segment_fast(flat) if engine == "fast" else text.segment(flat, cache=False)
    return Counter(t for t in toks if text.is_content(t))


def _doc_token_count(path, engine: str, cache: bool) -> int:
    flat, _ = load(path)
    return len(text.segment(flat, cache=cache, engine=engine))


def segment_documents(paths, engine: str = "fast", cache: bool = True, scheduler=None) -> int:
    """Segment every document (read, clean, segment; the token cache written when ``cache``) and return the
    number of tokens. Only a count comes back from each task: this is the pipeline the benchmark times."""
    bag = _bag(paths).map(_doc_token_count, engine=engine, cache=cache).sum()
    return int(_compute(bag, scheduler))


def token_counts(paths, engine: str = "fast", scheduler=None) -> Counter:
    """Content-token counts summed over documents (a dask bag: one Counter per document, summed)."""
    counters = _compute(_bag(paths).map(_doc_tokens, engine=engine), scheduler)
    total = Counter()
    for c in counters:
        total.update(c)
    return total


def log_likelihood(a: int, b: int, total_a: int, total_b: int) -> float:
    """Dunning's log-likelihood G² for a word seen ``a`` times in corpus A and ``b`` times in B.

    Expected counts ``E_A = total_a (a + b) / (total_a + total_b)`` (same for B); ``G² = 2 Σ O ln(O / E)``.
    Example: a=10, b=0, totals 1,000 each: E=5 and 5, G² = 2·10·ln 2 = 13.86.
    """
    ea = total_a * (a + b) / (total_a + total_b)
    eb = total_b * (a + b) / (total_a + total_b)
    return 2 * sum(o * math.log(o / e) for o, e in ((a, ea), (b, eb)) if o > 0)


def log_ratio(a: int, b: int, total_a: int, total_b: int) -> float:
    """Hardie's Log Ratio, the effect size: log2 of the ratio of relative frequencies, a zero count replaced by
    0.5. Example: 20 per 1,000 against 10 per 1,000 gives 1.0 (twice as frequent)."""
    return math.log2((max(a, 0.5) / total_a) / (max(b, 0.5) / total_b))


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


def _paths(collection, years) -> list[str]:
    docs = documents(collection)
    return list(docs[docs["year"].isin(list(years))]["path"])


def keyness_periods(engine: str = "fast") -> pd.DataFrame:
    """Work reports 2024–2025 (A) against 2013–2022 (B)."""
    a = token_counts(_paths("gov_work_reports", range(2024, 2026)), engine)
    b = token_counts(_paths("gov_work_reports", range(2013, 2023)), engine)
    return keyness(a, b)


def keyness_congress(engine: str = "fast") -> pd.DataFrame:
    """Congress reports 1982–2022 (A) against the work reports of the same years 1982–2022 (B)."""
    a = token_counts(list(documents("cpc_congress_reports")["path"]), engine)
    b = token_counts(_paths("gov_work_reports", range(1982, 2023)), engine)
    return keyness(a, b)


# --- The 2025 provincial reports --------------------------------------------------------------------------------

def province_counts(dictionary=None) -> pd.DataFrame:
    """Rows: the 31 provincial units; columns: terms; cells: occurrences per 10,000 characters."""
    df = corpus_counts("provincial_2025", dictionary)
    wide = df.pivot_table(index="province", columns="term", values="per_10k_chars", aggfunc="sum")
    return wide[list(dict.fromkeys(df["term"]))]


# A tile-grid map: each provincial unit one square, placed roughly where it lies (row 0 is the north).
TILES = {
    "黑龙江": (0, 7),
    "新疆": (1, 0), "内蒙古": (1, 4), "北京": (1, 5), "辽宁": (1, 6), "吉林": (1, 7),
    "青海": (2, 1), "甘肃": (2, 2), "宁夏": (2, 3), "山西": (2, 4), "河北": (2, 5), "天津": (2, 6),
    "西藏": (3, 1), "四川": (3, 2), "陕西": (3, 3), "河南": (3, 4), "山东": (3, 5),
    "重庆": (4, 2), "湖北": (4, 3), "安徽": (4, 4), "江苏": (4, 5), "上海": (4, 6),
    "云南": (5, 1), "贵州": (5, 2), "湖南": (5, 3), "江西": (5, 4), "浙江": (5, 5),
    "广西": (6, 2), "广东": (6, 3), "福建": (6, 4),
    "海南": (7, 3),
}


def tile_grid(term: str = "新质生产力") -> pd.DataFrame:
    """province, row, col, per_10k_chars of ``term`` in its 2025 report."""
    rates = province_counts([term])[term]
    missing = set(rates.index) ^ set(TILES)
    if missing:
        raise DataError(rel(CORPUS / "provincial_2025"), "one tile per provincial unit",
                        detail=", ".join(sorted(missing)))
    return pd.DataFrame([{"province": p, "row": r, "col": c, "per_10k_chars": float(rates[p])}
                         for p, (r, c) in TILES.items()])


# --- A dictionary-based text index ------------------------------------------------------------------------------

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
    df = pd.DataFrame(_compute(_bag(items).map(_doc_index, words=words), scheduler))
    df["index"] = PER * df["hits"] / df["chars"] if transform == "per10k" else np.log1p(df["hits"])
    return df


# --- Talk and the provincial index --------------------------------------------------------------------------------

def talk_vs_index(year: int | None = None) -> tuple[pd.DataFrame, dict]:
    """Each province's 2025 report (the NQPF text index of :data:`INDEX_WORDS` and 新质生产力 per 10,000 characters)
    beside its score on the provincial index of the chapter 省际比较 (``nqpf.analysis.provinces.index``, entropy
    weights, weighted sum; ``year``: default the latest year of the index). Returns the table and the Spearman rank
    correlations (rho and p) of both text measures with the score."""
    from scipy.stats import spearmanr

    from nqpf.analysis import provinces

    scores = provinces.index(method="entropy", aggregate="weighted", year=None)
    year = int(scores["year"].max()) if year is None else int(year)
    scores = scores[scores["year"] == year][["province", "score", "rank"]]
    docs = documents("provincial_2025")
    idx = text_index(zip(docs["province"], docs["path"]), INDEX_WORDS).rename(columns={"document": "province"})
    nq = province_counts(["新质生产力"])["新质生产力"].rename("nqpf_per_10k")
    df = (idx[["province", "index"]].rename(columns={"index": "text_index"})
          .merge(nq, left_on="province", right_index=True).merge(scores, on="province"))
    stats = {"year": year, "n": len(df)}
    for col in ("text_index", "nqpf_per_10k"):
        rho, p = spearmanr(df[col], df["score"])
        stats[f"rho_{col}"], stats[f"p_{col}"] = float(rho), float(p)
    return df.sort_values("score", ascending=False).reset_index(drop=True), stats
