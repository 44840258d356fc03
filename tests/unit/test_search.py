"""The site's Chinese search language (nqpf.sphinx.search): Sphinx's rules, cheaper.

Expected stems are worked out by hand from the English Snowball algorithm (snowballstemmer.org/algorithms/english)
and Sphinx 7.4's rule for Latin terms (sphinx/search/zh.py, SearchChinese.stem).
"""

from __future__ import annotations

import pytest
from sphinx.search import zh

from nqpf.sphinx import search
from nqpf.sphinx.search import SearchChinese


@pytest.fixture(autouse=True)
def _cuts_in(tmp_path, monkeypatch):
    """Each test keeps its segmentations in its own folder."""
    monkeypatch.setattr(search, "cuts_file", lambda userdict: tmp_path / "cuts.pickle")


@pytest.fixture()
def lang():
    return SearchChinese({})


def test_acronym_cut_below_three_letters_is_kept(lang):
    # "abs": step 1a deletes a final s when the part before it ("ab") holds a vowel not just before the s -> "ab",
    # 2 letters. ABS was split from the text as a Latin term of 3 letters, so it stays whole (lower-cased).
    assert "ABS" in lang.split("ABS发行规模")
    assert lang.stem("ABS") == "abs"


def test_word_not_split_as_latin_term_is_stemmed(lang):
    # The same word never seen by split() is no Latin term of the page: Snowball's "ab" stands.
    assert lang.stem("ABS") == "ab"


def test_english_word_stemmed(lang):
    # productivity: step 2 turns -iviti into -ive (productive); R1 = "uctive", R2 = "tive", so step 4 deletes the
    # -ive standing in R2 -> "product". "growing": step 1b deletes -ing after a vowel-holding stem -> "grow".
    lang.split("total factor productivity is growing")
    assert lang.stem("productivity") == "product"
    assert lang.stem("growing") == "grow"


def test_chinese_words_unchanged(lang):
    assert lang.stem("数字经济") == "数字经济"
    # Lower-cased like every word Sphinx indexes: Σ becomes σ, the Chinese stays.
    assert lang.stem("Σ收敛") == "σ收敛"
    # Digits only: no letter the stemmer could match.
    assert lang.stem("2024") == "2024"


def test_latin_terms_belong_to_one_index(lang):
    # Sphinx's class keeps one list for every instance in the process; here each index (build) has its own.
    lang.split("ABS")
    assert SearchChinese({}).stem("ABS") == "ab"


def test_same_stems_as_sphinx_class():
    """Over a mixed page, every word stems as Sphinx's own class stems it (its latin_terms list reset first)."""
    text = ("新质生产力（new quality productive forces）以全要素生产率（TFP）大幅提升为核心标志；"
            "ABS、ICT 与 R&D 投入 growing rapidly，σ收敛 2.5%，Xi's speeches，A股")
    ours, theirs = SearchChinese({}), zh.SearchChinese({})
    saved = zh.SearchChinese.latin_terms[:]
    zh.SearchChinese.latin_terms.clear()
    try:
        words = ours.split(text)
        assert theirs.split(text) == words
        assert [ours.stem(w) for w in words] == [theirs.stem(w) for w in words]
    finally:
        zh.SearchChinese.latin_terms[:] = saved


def test_segmentation_kept_for_the_next_build(monkeypatch):
    text = "新质生产力以全要素生产率大幅提升为核心标志"
    first = SearchChinese({})
    words = first.split(text)
    assert "生产" in words and "生产力" in words  # jieba's search mode: the word and its parts
    first.save()

    def no_jieba(text):
        raise AssertionError("segmented again")

    monkeypatch.setattr(zh.jieba, "cut_for_search", no_jieba)
    assert SearchChinese({}).split(text) == words  # read from the kept segmentations
    with pytest.raises(AssertionError):
        SearchChinese({}).split("一段新的文字")  # a text never segmented goes to jieba


@pytest.mark.parametrize("index, language, loads", [(True, "zh", True), (False, "zh", False), (True, "en", False)])
def test_jieba_is_loaded_while_waiting_only_for_a_chinese_search_index(monkeypatch, index, language, loads):
    # The HTML builder writes a search index (search = True); the LaTeX and EPUB builders do not.
    from types import SimpleNamespace

    import jieba

    fresh = jieba.Tokenizer()
    monkeypatch.setattr(zh.jieba, "dt", fresh)
    app = SimpleNamespace(builder=SimpleNamespace(search=index), config=SimpleNamespace(html_search_language=language))
    search.prepare(app)
    assert fresh.initialized is loads
    if loads:
        assert len(fresh.FREQ) > 300_000  # jieba's main dictionary (dict.txt: 349,046 words)
