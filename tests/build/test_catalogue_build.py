"""What a build records and writes: the data catalogue lists every file each chapter loads (recorded while the
chapter ran), and a build leaves the working tree as it was (nothing written into data/ or anywhere tracked)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from nqpf.core import usage
from nqpf.render.notebooks import is_notebook, source, title
from tests.helpers import tree_state

pytestmark = pytest.mark.build

LOAD = re.compile(r"""\bload\(\s*["']([\w.\-]+)["']""")


@pytest.fixture(scope="module")
def records(built_html):
    return usage.read(built_html / ".data-usage")


@pytest.fixture(scope="module")
def chapters(toc_pages):
    return [d for d in toc_pages if is_notebook(source(d)) and Path(d).name != "data_catalogue"]


@pytest.fixture(scope="module")
def rows(html_dir, toc_pages):
    """File stem -> the catalogue overview line (`stem`（N 行）：章节…)."""
    page = next((d for d in toc_pages if Path(d).name == "data_catalogue"), None)
    if page is None:
        pytest.skip("the data catalogue is not in this build")
    soup = BeautifulSoup((html_dir / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    out = {}
    for li in soup.select("li"):
        code = li.find("code")
        if code is not None and li.get_text().startswith(code.get_text()) and "行）" in li.get_text():
            out.setdefault(code.get_text(), li.get_text())
    return out


def test_every_chapter_that_ran_has_a_record_with_the_files_its_code_names(records, chapters):
    for docname in chapters:
        text = source(docname).read_text(encoding="utf-8")
        named = {Path(n).name.removesuffix(".csv") for n in LOAD.findall(text)}
        recorded = {Path(f).name.removesuffix(".csv") for f in records.get(docname, [])}
        assert named <= recorded, (docname, named - recorded)
    if "book/tfp" in chapters:  # loaded through nqpf.analysis.tfp, never named in the chapter
        assert any(Path(f).name.startswith("pwt") for f in records["book/tfp"])


def test_every_file_a_chapter_loads_is_in_that_chapters_row(records, chapters, rows):
    missing = []
    for docname in chapters:
        name = title(source(docname))
        for file in records.get(docname, []):
            stem = Path(file).name.removesuffix(".csv")
            if name not in rows.get(stem, ""):
                missing.append(f"{stem}: {name}")
    assert not missing


def test_a_build_leaves_the_working_tree_as_it_was(built_book, tree_before_build):
    assert tree_state() == tree_before_build
