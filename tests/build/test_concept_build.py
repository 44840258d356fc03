"""Chapter 概念与政策脉络: the definition's structure and the policy timeline, each cell checked against its
seed line."""

from __future__ import annotations

import re

import pytest

from nqpf.analysis import concept

# ---------------------------------------------------------------- the built chapter


@pytest.mark.build
def test_chapter_in_the_built_book(html_dir, pdf_text):
    page = (html_dir / "book" / "concept.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert "004:127" in text and "符合创新、协调、绿色、开放、共享的新发展理念" in text
    assert "〔种子004，第63行〕" in text  # the factor table's citations
    assert f"共提到 {len(concept.timeline())} 个有日期的政策事件" in text
    # the final R&D expenditure as concept.facts() writes it (33,357.1 亿元 in the 2023 communiqué)
    assert f"公报终值为 {concept.facts()['cr_exp_2023']} 亿元" in text
    assert "概念与政策脉络" in pdf_text and "附表二" in pdf_text


@pytest.mark.build
def test_chapter_opens_with_the_chinese_abstract(html_dir):
    page = (html_dir / "book" / "concept.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert 0 <= text.index("摘要") < text.index("Abstract")
    # Xinhua's English name is plural; the seed's singular is reported as the seed's, not the book's.
    assert "new quality productive forces" in text
