"""The digital-economy chapter: growth arithmetic, the 2025 target, compute, seed figures and the corpus counts."""

from __future__ import annotations

import re

import pytest

from nqpf.analysis import digital

# ---------------------------------------------------------------- the built chapter


@pytest.mark.build
def test_chapter_in_the_built_book(html_dir, pdf_text):
    page = (html_dir / "book" / "digital.html").read_text(encoding="utf-8")
    assert "数据+算力+算法=服务" in page
    text = re.sub(r"<[^>]+>", "", page)
    assert f"{digital.seeds_growth()['cagr']:.1f}%" in text  # the glued CAGR
    assert "不确定（UNCERTAIN）" in text
    assert "数字经济与" in pdf_text and "东数西算" in pdf_text
