"""Appendix 事实核查: claims read from the seed lines, the verdict rules, hand-checked results, the command line."""

from __future__ import annotations

import re

import pytest

from nqpf.analysis import factcheck


@pytest.mark.build
def test_appendix_in_the_built_book(html_dir, pdf_text):
    text = re.sub(r"<[^>]+>", "", (html_dir / "book" / "factcheck.html").read_text(encoding="utf-8"))
    assert f"共 {len(factcheck.run())} 项核查" in text
    assert "舍入误差内" in text and "无法核对" in text and "一致（初步数）" in text
    assert text.index("摘要") < text.index("Abstract")  # Chinese first (issue 23)
    assert "事实核查" in pdf_text
