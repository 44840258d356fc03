"""One jieba set-up for the whole project: the domain dictionary, a quiet log, the cache inside _build."""

from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache
from pathlib import Path

from nqpf.core.paths import CACHE, USERDICT, write_atomic


def quiet_jieba():
    """jieba with a quiet log (its start-up log goes to stderr, which fails the build) and its dictionary cache
    inside CACHE; returns the module. Used here and by the Sphinx search set-up (nqpf.sphinx.ext)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    CACHE.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(CACHE)
    return jieba


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba Tokenizer with the project's user dictionary loaded (loaded once per process)."""
    tk = quiet_jieba().Tokenizer()
    tk.tmp_dir = str(CACHE)
    tk.load_userdict(str(USERDICT))
    return tk


def domain_terms() -> list[str]:
    return [ln.split()[0] for ln in USERDICT.read_text(encoding="utf-8").splitlines() if ln.strip()]


def cut(text: str) -> list[str]:
    return [t for t in tokenizer().cut(text) if t.strip()]


# --- Token cache and stop words (used by nqpf.analysis.corpus, the book and the benchmark) ---------------------

_SEP = "\x1f"  # unit separator: never in the seeds, so a cached token list splits back exactly


@lru_cache(maxsize=1)
def dictionary_hash() -> str:
    """Hash of everything that decides how text is segmented: the user dictionary and the jieba version."""
    from importlib.metadata import version

    h = hashlib.sha256(USERDICT.read_bytes())
    h.update(version("jieba").encode())  # the installed version, without importing jieba (0.4 s)
    return h.hexdigest()[:16]


ENGINES = ("jieba", "fast")


@lru_cache(maxsize=2)
def _cache_folder(engine: str) -> str:
    if engine == "fast":
        from importlib.metadata import version

        return f"{dictionary_hash()}-rjieba-{version('rjieba')}"
    return dictionary_hash()


def _cache_file(text: str, engine: str = "jieba") -> Path:
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return CACHE / "tokens" / _cache_folder(engine) / f"{key}.tok"


def segment(text: str, cache: bool = True, engine: str = "jieba") -> list[str]:
    """All tokens of ``text``, white space included, so ``"".join(segment(t)) == t`` (offsets stay usable).

    ``engine``: ``"jieba"`` (the reference) or ``"fast"`` (:func:`segment_fast`, rjieba).
    Cached under ``CACHE/tokens/<dictionary hash>[-rjieba-<version>]/<text sha256>.tok``: a changed dictionary,
    engine or text misses.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    path = _cache_file(text, engine) if cache and _SEP not in text else None
    if path is not None and path.exists():
        return path.read_text(encoding="utf-8").split(_SEP)
    tokens = list(tokenizer().cut(text)) if engine == "jieba" else segment_fast(text)
    if path is not None:
        write_atomic(path, _SEP.join(tokens))  # parallel builds
    return tokens


def segment_parallel(text: str, processes: int = 2) -> list[str]:
    """Like :func:`segment` without the cache, using jieba's parallel mode (a process pool, one chunk per line).

    jieba's parallel mode works on its module-level tokenizer, so that one gets the same user dictionary first;
    the pool is forked after the dictionary is loaded and the workers inherit it.
    """
    jieba = quiet_jieba()
    if not getattr(jieba.dt, "_nqpf_userdict", False):
        jieba.dt.load_userdict(str(USERDICT))
        jieba.dt._nqpf_userdict = True
    jieba.enable_parallel(processes)
    try:
        return list(jieba.cut(text))
    finally:
        jieba.disable_parallel()


def _segment_count(text: str) -> int:
    return len(segment(text))


def warm_cache(texts: list[str], processes: int = 2, scheduler=None) -> int:
    """Segment many documents in parallel, each task writing the token cache; returns the token count.

    A ``dask.bag`` over the documents (one task a document; only a count comes back, not the tokens). By default
    a local pool of ``processes`` worker processes; ``scheduler`` may name any dask scheduler ("sync",
    "threads") or be a ``distributed.Client`` / scheduler address. Later :func:`segment` calls hit the cache.
    """
    import dask.bag as db

    texts = list(texts)
    if not texts:
        return 0
    bag = db.from_sequence(texts, npartitions=min(len(texts), max(processes, 1) * 4)).map(_segment_count).sum()
    if scheduler is None:
        import dask

        # fork: workers inherit the loaded dictionary (and the cache folder), as the old process pool did
        with dask.config.set({"multiprocessing.context": "fork"}):
            return int(bag.compute(scheduler="processes", num_workers=processes))
    from nqpf.core.dispatch import compute

    return int(compute(bag, scheduler))


# --- The fast path: rjieba (jieba-rs), the same dictionary and HMM, about 15-20 times faster --------------------

@lru_cache(maxsize=1)
def fast_tokenizer():
    """An rjieba (jieba-rs) segmenter with the project's user dictionary added word by word, as jieba's
    ``load_userdict`` does (``word [freq [tag]]``). Loaded once per process."""
    import rjieba

    # The instance rjieba builds on import (the same default dictionary), not a second one: ~0.2 s less start-up.
    # Nothing in the project calls rjieba's module-level functions, which now see the user dictionary too.
    tk = getattr(rjieba, "_DEFAULT_JIEBA", None) or rjieba.Jieba()
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else (parts[1] if len(parts) > 1 and not parts[1].isdigit() else None)
        tk.add_word(parts[0], freq, tag)
    return tk


def preload(engine: str = "jieba") -> None:
    """Load an engine's dictionary now (in a worker, before timing); returns nothing, so it can run remotely."""
    (tokenizer if engine == "jieba" else fast_tokenizer)()
    _cache_folder(engine)  # reads package metadata: tens of milliseconds the first time


def segment_fast(text: str) -> list[str]:
    """All tokens of ``text`` by the fast path (white space included, ``"".join`` gives ``text`` back).

    Equal to :func:`segment` on every run of Chinese characters (over the whole policy corpus in ``make bench``,
    over a subset covering every rule in the tests); runs of digits, Latin letters and punctuation may split
    differently (jieba-rs keeps ``2011-2020`` apart where jieba splits it), so analyses built on it use Chinese
    tokens only.
    """
    return fast_tokenizer().cut(text)


def chinese_tokens(tokens) -> list[str]:
    """The tokens made only of Chinese characters, in order (what the fast path must reproduce exactly).

    >>> chinese_tokens(["新质", "生产力", "2024", "AI芯片", "", "，", "㐀"])  # digits, Latin, punctuation out
    ['新质', '生产力', '㐀']
    """
    full = _HANZI_RUN.fullmatch  # the same characters as is_hanzi, tested in C
    return [t for t in tokens if full(t)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The project's stop words (``data/lexicon/stopwords.csv``, validated against its manifest)."""
    from nqpf.core import data

    return frozenset(data.load("stopwords")["word"])


def is_content(token: str) -> bool:
    """A token worth counting: two or more characters, some letter or CJK character, not a stop word."""
    t = token.strip()
    if len(t) < 2 or t in stopwords():
        return False
    return any(ch.isalpha() for ch in t)  # CJK characters count as alphabetic; numbers and punctuation do not


@lru_cache(maxsize=1)
def t2s():
    """The one OpenCC converter, traditional -> simplified characters (configuration ``t2s``)."""
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional -> simplified characters (OpenCC t2s); simplified text passes through unchanged."""
    return t2s().convert(str(text))


# --- Chinese characters -------------------------------------------------------------------------------------------

# CJK unified ideographs (U+4E00-U+9FFF) and extension A (U+3400-U+4DBF): the characters the book counts.
_HANZI_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]+")


def is_hanzi(ch: str) -> bool:
    """One Chinese character (CJK unified ideograph, extension A included).

    >>> is_hanzi("质"), is_hanzi("㐀"), is_hanzi("，"), is_hanzi("A")
    (True, True, False, False)
    """
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def hanzi_count(text: str) -> int:
    """Number of Chinese characters in ``text`` (by runs: C speed on large documents).

    >>> hanzi_count("2024年，新质生产力㐀 ABC")  # 年 新 质 生 产 力 㐀
    7
    """
    return sum(map(len, _HANZI_RUN.findall(text)))


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """Every Chinese character that OpenCC ``t2s`` changes when it stands alone (們, 國, 業 …).

    >>> {"們", "國", "業"} <= traditional_chars(), "国" in traditional_chars()
    (True, False)
    """
    chars = [chr(c) for c in (*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000))]
    converted = t2s().convert("\n".join(chars)).split("\n")
    return frozenset(a for a, b in zip(chars, converted) if a != b)
