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
