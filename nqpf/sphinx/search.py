"""The site's Chinese search language: Sphinx's own (``sphinx.search.zh.SearchChinese``), the same index, cheaper.

Sphinx 7.4's class keeps every Latin term it has split in a class-level *list* and tests each word's membership in
it while stemming, so indexing costs grow with the square of the book (8 s of a clean build); and every Chinese word
goes through the English Snowball stemmer, which cannot change it. Here:

- the Latin terms are a set, kept by the instance (one per build): the same membership test, in constant time;
- a word with no ASCII letter and no apostrophe once lower-cased is returned lower-cased without stemming: every
  change the English stemmer makes follows a match of a literal made of ``a``–``z``, ``'`` and ``Y`` (the ``Y`` it
  writes itself in place of a ``y``), so such a word comes back unchanged;
- the stems of the other words are remembered for the whole build (the stemmer is a pure function of the word;
  Sphinx remembers them for one page at a time).

``searchindex.js`` is byte for byte the one Sphinx's class writes (tests/unit/test_search.py checks the rules).
:mod:`nqpf.sphinx.ext` registers the class for ``html_search_language: zh``.
"""

from __future__ import annotations

import re

from sphinx.search import zh

__all__ = ["SearchChinese"]

# The characters the English Snowball stemmer can match on (a lower-cased word holds no "Y").
_STEMMABLE = re.compile(r"[a-z']")


class SearchChinese(zh.SearchChinese):
    """``sphinx.search.zh.SearchChinese`` with a set of Latin terms and Chinese words not stemmed."""

    def init(self, options: dict[str, str]) -> None:
        super().init(options)  # the user dictionary into jieba, the English stemmer
        self.latin_terms: set[str] = set()  # shadows the class-level list, which every instance extended
        self._stems: dict[str, str] = {}

    def split(self, input: str) -> list[str]:
        chinese = list(zh.jieba.cut_for_search(input)) if zh.JIEBA else []
        latin1 = [term.strip() for term in self.latin1_letters.findall(input)]
        self.latin_terms.update(latin1)
        return chinese + latin1

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
