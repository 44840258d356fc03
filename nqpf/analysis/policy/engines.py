"""The fast path (rjieba) against plain jieba on every Chinese token of the whole policy corpus.

Plain jieba needs about 10 s of CPU for the corpus, so its side is computed where it is done once: ``make bench``
(``bench/bench_text.py``) records, for each document, the sha256 of the cleaned text and of jieba's Chinese-token
sequence, with the count, the user-dictionary hash (which includes jieba's version) and when and on which commit
it ran (:func:`jieba_reference`, kept in ``bench/results_policy.json``). Every build segments the whole corpus again
with the fast path and compares each document with that record (:func:`compare_engines`); a document whose cleaned text
or dictionary differs from the record's is segmented with jieba on the spot, so the comparison always concerns the
texts the build analyses. The fast path's side of a document is kept in the build's cache
(:func:`fast_entry`): the policy chapter, which segments every document for its counts, records it there, so the
appendix, run in another kernel of the same build, need not segment the corpus again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from nqpf.analysis.policy.reading import documents, load
from nqpf.core import envinfo, text
from nqpf.core.paths import CACHE, write_atomic

__all__ = ["REFERENCE_KEY", "token_digest", "fast_entry", "jieba_reference", "compare_engines"]

REFERENCE_KEY = "jieba_reference"  # the record's key in bench/results_policy.json
_SEP = "\x1f"  # never inside a Chinese token


def _sha(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


def token_digest(tokens) -> str:
    """sha256 of a token sequence (equal digests: the same tokens in the same order).

    >>> token_digest(["新质", "生产力"]) == token_digest(["新质生产力"])
    False
    """
    return _sha(_SEP.join(tokens))


def _jieba_entry(flat: str) -> dict:
    chinese = text.chinese_tokens(text.segment(flat, cache=False))
    return {"text": _sha(flat), "tokens": token_digest(chinese), "count": len(chinese)}


def fast_entry(flat: str, tokens: list[str] | None = None) -> dict:
    """The fast path's Chinese tokens of a cleaned text as ``{"tokens": digest, "count": n}``, from the build's
    cache (keyed on the text, the user dictionary and rjieba's version) or from ``tokens`` (its fast-path
    segmentation, when the caller has it) or segmented here, and then cached."""
    path = CACHE / "fast-chinese" / text._cache_folder("fast") / f"{_sha(flat)}.json"  # the token cache's key
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    chinese = text.chinese_tokens(text.segment_fast(flat) if tokens is None else tokens)
    entry = {"tokens": token_digest(chinese), "count": len(chinese)}
    try:
        write_atomic(path, json.dumps(entry))  # kernels and workers run at the same time
    except OSError:  # a read-only cache only costs the next reader a segmentation
        pass
    return entry


def _commit(root) -> str:
    """The commit the record was made on (12 hex digits, ``+dirty`` when tracked files differ from it)."""
    commit, dirty = envinfo.git_commit(root)
    return commit + ("+dirty" if dirty else "")


def jieba_reference(corpus=None) -> dict:
    """Plain jieba's Chinese tokens of every document of the corpus, as digests (the record ``make bench``
    keeps): ``{"date", "commit", "dictionary", "documents": {document: {"text", "tokens", "count"}}}``."""
    from nqpf.core.paths import ROOT

    docs = documents(corpus=corpus)
    out = {document: _jieba_entry(load(path)[0]) for document, path in zip(docs["document"], docs["path"])}
    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d"), "commit": _commit(ROOT),
            "dictionary": text.dictionary_hash(), "documents": out}


def compare_engines(reference: dict | None = None, corpus=None) -> dict:
    """Each document's Chinese tokens by the fast path against plain jieba's, jieba's taken from ``reference``
    (a :func:`jieba_reference` record) where it holds the same cleaned text under the same dictionary, else
    segmented here. Returns ``docs``, ``same`` (documents whose Chinese tokens are identical), ``tokens``
    (jieba's Chinese tokens over the corpus) and ``segmented`` (documents jieba segmented here)."""
    docs = documents(corpus=corpus)
    known = (reference or {}).get("documents", {}) if (reference or {}).get("dictionary") == \
        text.dictionary_hash() else {}
    same = n_tokens = segmented = 0
    for document, path in zip(docs["document"], docs["path"]):
        flat, _ = load(path)
        ref = known.get(document)
        if ref is None or ref["text"] != _sha(flat):
            ref = _jieba_entry(flat)
            segmented += 1
        same += fast_entry(flat)["tokens"] == ref["tokens"]
        n_tokens += ref["count"]
    return {"docs": len(docs), "same": same, "tokens": n_tokens, "segmented": segmented}
