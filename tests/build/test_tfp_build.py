"""Growth accounting (nqpf.analysis.tfp, `python -m nqpf tfp…`) and the chapter book/tfp.md."""

from __future__ import annotations

import re

import pytest

from nqpf.analysis import tfp


@pytest.fixture(scope="module")
def pwt11():
    return tfp.pwt("11.0")


@pytest.mark.build
def test_chapter_in_built_book(html_dir, pdf_text, pwt11):
    html = (html_dir / "book" / "tfp.html").read_text(encoding="utf-8")
    assert "Feenstra" in html and "CC BY 4.0" in html
    tfp_7812 = tfp.decompose(pwt11, "CHN", 1978, 2012, compound=True)["tfp"]
    assert f"{tfp_7812:.2f}" in html
    flat = re.sub(r"\s+", "", pdf_text)
    assert "全要素生产率与增长核算" in flat and f"{tfp_7812:.2f}" in flat
