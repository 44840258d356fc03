"""The three-industries chapter: taxonomy against the seeds, SEI share arithmetic, low-altitude box, CLI, book."""

from __future__ import annotations

import re

import pytest

from nqpf.analysis import industries as ind

# --- the built book ---------------------------------------------------------------------------------------------

@pytest.mark.build
def test_chapter_in_built_book(html_dir, pdf_text):
    page = (html_dir / "book" / "industries.html").read_text(encoding="utf-8")
    assert "三类产业" in page and "fig-industries-matrix" in page
    assert f"{ind.doubling_check()['ratio']:.2f}" in page  # glued, not typed
    assert "〔种子004，第79行〕" in page
    from nqpf.analysis.findings import industries as fi
    from nqpf.analysis.findings import label

    f = fi.sei_target_2025()
    text = re.sub(r"<[^>]+>", "", page)
    assert f.statement in text and label(f) in text  # the finding's wording and its label, glued
    assert "并非“倍增”" not in text  # the seed said 幾近倍增 (nearly doubled); no rebuttal of a doubling
    assert text.index("摘要") < text.index("Abstract")
    flat = re.sub(r"\s+", "", pdf_text)
    assert "幾近倍增" in flat and "低空经济" in flat
