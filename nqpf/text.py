"""One jieba set-up for the whole project: the domain dictionary, a quiet log, the cache inside _build."""

from __future__ import annotations

import logging
from functools import lru_cache

from .paths import CACHE, USERDICT


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba Tokenizer with the project's user dictionary loaded (loaded once per process)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # its start-up log goes to stderr, which fails the build
    CACHE.mkdir(parents=True, exist_ok=True)
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(CACHE)
    tk.load_userdict(str(USERDICT))
    return tk


def domain_terms() -> list[str]:
    return [ln.split()[0] for ln in USERDICT.read_text(encoding="utf-8").splitlines() if ln.strip()]


def cut(text: str) -> list[str]:
    return [t for t in tokenizer().cut(text) if t.strip()]
