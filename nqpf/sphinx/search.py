"""The site's Chinese search language: Sphinx's own (``sphinx.search.zh.SearchChinese``), the same index, cheaper.

Sphinx 7.4's class keeps every Latin term it has split in a class-level *list* and tests each word's membership in
it while stemming, so indexing costs grow with the square of the book (8 s of a clean build); and every Chinese word
goes through the English Snowball stemmer, which cannot change it. Here:

- the Latin terms are a set, kept by the instance (one per build): the same membership test, in constant time;
- a word with no ASCII letter and no apostrophe once lower-cased is returned lower-cased without stemming: every
  change the English stemmer makes follows a match of a literal made of ``a``–``z``, ``'`` and ``Y`` (the ``Y`` it
  writes itself in place of a ``y``), so such a word comes back unchanged;
- the stems of the other words are remembered for the whole build (the stemmer is a pure function of the word;
  Sphinx remembers them for one page at a time);
- jieba's segmentation of each text is kept in the build's cache (``NQPF_CACHE``), keyed by jieba's version and
  the user dictionary, and jieba loads its dictionaries (a second and more) only when a text is not there: a
  rebuild feeds the index again with the pages it writes, mostly unchanged text.

``searchindex.js`` is byte for byte the one Sphinx's class writes (tests/unit/test_search.py checks the rules).
:mod:`nqpf.sphinx.ext` registers the class for ``html_search_language: zh``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from pathlib import Path

from sphinx.search import zh

from nqpf.core.paths import write_atomic

__all__ = ["SearchChinese"]

# The characters the English Snowball stemmer can match on (a lower-cased word holds no "Y").
_STEMMABLE = re.compile(r"[a-z']")


class SearchChinese(zh.SearchChinese):
    """``sphinx.search.zh.SearchChinese`` with a set of Latin terms and Chinese words not stemmed."""

    def init(self, options: dict[str, str]) -> None:
        # Sphinx's init loads the user dictionary into jieba now; here when the first text is segmented.
        self._userdict = options.get("dict")
        self.stemmer = zh.snowballstemmer.stemmer("english")
        self.latin_terms: set[str] = set()  # shadows the class-level list, which every instance extended
        self._stems: dict[str, str] = {}
        self._cuts_file = cuts_file(self._userdict)
        self._cuts = _load(self._cuts_file)
        self._cut_new = False
        self._jieba_ready = False

    def _cut(self, text: str) -> list[str]:
        cut = self._cuts.get(text)
        if cut is None:
            if not self._jieba_ready:
                if self._userdict and os.path.isfile(self._userdict):
                    zh.jieba.load_userdict(self._userdict)
                self._jieba_ready = True
            cut = self._cuts[text] = list(zh.jieba.cut_for_search(text))
            self._cut_new = True
        return cut

    def split(self, input: str) -> list[str]:
        chinese = self._cut(input) if zh.JIEBA else []
        latin1 = [term.strip() for term in self.latin1_letters.findall(input)]
        self.latin_terms.update(latin1)
        return chinese + latin1

    def save(self) -> None:
        """Keep the segmentations (with those of earlier builds) for the next build, if there are new ones."""
        if self._cut_new and self._cuts_file is not None:
            write_atomic(self._cuts_file, pickle.dumps(self._cuts, pickle.HIGHEST_PROTOCOL))  # builds may share it
            self._cut_new = False

    def stem(self, word: str) -> str:
        lowered = word.lower()
        if not _STEMMABLE.search(lowered):
            return lowered
        stemmed = self._stems.get(lowered)
        if stemmed is None:
            stemmed = self._stems[lowered] = self.stemmer.stemWord(lowered)
        # Sphinx's rule: a Latin term of 3 or more letters that its stem would cut below 3 (an acronym) stays whole.
        if word in self.latin_terms and len(word) >= 3 and len(stemmed) < 3:
            return lowered
        return stemmed


def prepare(app) -> None:
    """Load jieba's main dictionary (about a second) now, in a build that writes a Chinese search index: called while
    Sphinx waits for a notebook page (nothing else to do then), it is off the path of a one-chapter rebuild, which
    segments the changed text when writing. Not the user dictionary: :meth:`SearchChinese._cut` loads it, once."""
    if zh.JIEBA and getattr(app.builder, "search", False) and app.config.html_search_language == "zh":
        zh.jieba.dt.check_initialized()  # the tokenizer jieba.cut_for_search uses


def cuts_file(userdict: str | None) -> Path | None:
    """Where the build keeps jieba's segmentations: one file per jieba version and user dictionary."""
    if not zh.JIEBA:
        return None
    from nqpf.core.paths import CACHE

    h = hashlib.sha256(zh.jieba.__version__.encode())
    if userdict and os.path.isfile(userdict):
        h.update(Path(userdict).read_bytes())
    return CACHE / f"search-cuts-{h.hexdigest()[:16]}.pickle"


def _load(path: Path | None) -> dict[str, list[str]]:
    try:
        return pickle.loads(path.read_bytes()) if path is not None else {}
    except (OSError, pickle.UnpicklingError, EOFError):
        return {}
