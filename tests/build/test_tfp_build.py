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


@pytest.mark.build
def test_chapter_reads_as_the_findings_say(html_dir):
    from nqpf.analysis.findings import label, register

    page = (html_dir / "book" / "tfp.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", page))
    # The Chinese 摘要 comes before the (folded) English abstract.
    assert 0 <= text.index("摘要") < text.index("Abstract")
    # Every TFP finding is printed as the register words it, with its robustness label.
    for f in register("tfp"):
        assert re.sub(r"\s+", "", f.statement) in text, f.id
        assert re.sub(r"\s+", "", label(f)) in text, f.id
    # The default specification (rnna, heads) is not PWT's: the chapter must not say it is.
    assert "下文的计算与PWT的方法一致" not in text
    assert "PWT自己的设定是" in text
    # Both 1978-2012 TFP contributions are labelled with their rate (log, compound).
    assert "个百分点（对数口径" in text and "复合口径" in text
