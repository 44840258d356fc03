"""One jieba set-up for the whole project: the domain dictionary, a quiet log, the cache inside _build."""

from __future__ import annotations

import hashlib
import logging
import os
from functools import lru_cache
from pathlib import Path

from nqpf.core.paths import CACHE, USERDICT


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
    import jieba

    h = hashlib.sha256(USERDICT.read_bytes())
    h.update(jieba.__version__.encode())
    return h.hexdigest()[:16]


def _cache_file(text: str) -> Path:
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return CACHE / "tokens" / dictionary_hash() / f"{key}.tok"


def segment(text: str, cache: bool = True) -> list[str]:
    """All tokens of ``text``, white space included, so ``"".join(segment(t)) == t`` (offsets stay usable).

    Cached under ``CACHE/tokens/<dictionary hash>/<text sha256>.tok``: a changed dictionary or text misses.
    """
    path = _cache_file(text) if cache and _SEP not in text else None
    if path is not None and path.exists():
        return path.read_text(encoding="utf-8").split(_SEP)
    tokens = list(tokenizer().cut(text))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # atomic: parallel builds never read half a file
        tmp.write_text(_SEP.join(tokens), encoding="utf-8")
        tmp.replace(path)
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


def warm_cache(texts: list[str], processes: int = 2) -> int:
    """Segment many documents in a process pool, each worker writing the token cache; returns the token count.

    Faster than jieba's parallel mode for whole documents: only a count comes back from each worker, not the
    tokens (jieba's mode sends every line's tokens back through a pipe). Later :func:`segment` calls hit the cache.
    """
    import multiprocessing as mp

    tokenizer()  # load the dictionary before forking: workers inherit it
    with mp.get_context("fork").Pool(processes) as pool:
        return sum(pool.imap_unordered(_segment_count, texts))


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
