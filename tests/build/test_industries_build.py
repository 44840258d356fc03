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
    flat = re.sub(r"\s+", "", pdf_text)
    assert "幾近倍增" in flat and "低空经济" in flat
