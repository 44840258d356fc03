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


@pytest.mark.build
def test_summary_first_vintages_and_the_hub_target(html_dir):
    text = re.sub(r"<[^>]+>", "", (html_dir / "book" / "digital.html").read_text(encoding="utf-8"))
    # the Chinese 摘要 opens the chapter; the English abstract follows it (folded)
    assert text.index("摘要") < text.index("Abstract")
    # the 60 % share of new compute in hub nodes is the December 2023 实施意见's target, not the 行动计划's
    assert "这是实施意见的目标" in text
    # each ratio names its GDP vintage; the 2025 outcome and the 15th-FYP target are printed
    assert "普查前" in text and "普查后" in text and "十五五" in text
    # the finding's wording and label come from the register
    from nqpf.analysis.findings import get, label

    f = get("digital-growth-vs-gdp")
    assert f.statement in text and label(f) in text
