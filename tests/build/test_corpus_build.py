"""The corpus pipeline: normalisation with original line numbers, segmentation and its cache, statistics."""

from __future__ import annotations

import re

import pytest


@pytest.mark.build
def test_chapter_in_the_built_book(html_dir, pdf_text):
    from nqpf.analysis import claims

    page = (html_dir / "book" / "corpus.html").read_text(encoding="utf-8")
    ev = claims.evaluate()
    n = len(claims.extract())
    # Glued numbers reach both outputs.
    for out in (page, pdf_text):
        assert f"{ev['precision']:.2f}" in out and f"{ev['recall']:.2f}" in out
        assert str(n) in out
    # The ledger is an offline DataTable on the web (bundle inlined, nothing from a CDN) and plain in the PDF.
    assert "nqpf-datatable" in page and "_static/datatables/" in page
    assert not re.search(r"<script[^>]+src=[\"']https?://[^\"']*(datatables|itables|unpkg|jsdelivr)", page)
    assert "量化陈述台账" in pdf_text and "contribution" in pdf_text


@pytest.mark.build
def test_policy_chapter_in_the_built_book(html_dir, pdf_text):
    import html

    from nqpf.analysis import policy
    from nqpf.analysis.findings import label, register

    raw = (html_dir / "book" / "policy.html").read_text(encoding="utf-8")
    page = html.unescape(re.sub(r"<[^>]+>", "", raw))
    # Chinese 摘要 first, the English abstract after it, folded.
    assert 0 < page.index("摘要") < page.index("Abstract")
    # The conclusions are the register's sentences with the labels their verdicts give, in both outputs.
    flat_pdf = re.sub(r"\s+", "", pdf_text)
    for f in register("policy"):
        assert f.statement in page and label(f) in page, f.id
        assert re.sub(r"\s+", "", f.statement)[:20] in flat_pdf, f.id
    # The 2026 report is in the corpus the chapter reads; the referee's two slips stay corrected.
    assert f"1978–{int(policy.documents('gov_work_reports')['year'].max())} 年的每一年" in page
    assert "正好一年" not in page and "每年 3 月宣读" not in page
    # No unbreakable test id in the prose (it made the page 818 px wide on a 390 px phone).
    assert "::test_" not in raw
