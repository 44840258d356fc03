"""The apparatus in the built book: data downloads under every chart and table, bibliography, glossary, citation.

Runs on the book built by `make book` (or a subset: NQPF_TEST_OUT / NQPF_TEST_TOC, see conftest).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pandas as pd
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

BOM = b"\xef\xbb\xbf"


def page(html_dir: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((html_dir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def resolve(html_dir: Path, docname: str, href: str) -> Path:
    url = urljoin(f"http://site/{docname}.html", href)
    return html_dir / unquote(urlparse(url).path).lstrip("/")


def check_csv(path: Path) -> pd.DataFrame:
    assert path.is_file(), f"missing data file {path}"
    assert path.read_bytes().startswith(BOM), f"{path.name}: not UTF-8 with BOM"
    df = pd.read_csv(path, encoding="utf-8-sig")
    assert len(df) and len(df.columns), f"{path.name} is empty"
    return df


def test_every_figure_caption_links_its_data_and_the_file_is_there(html_dir, toc_pages):
    seen = 0
    for doc in toc_pages:
        soup = page(html_dir, doc)
        for fig in soup.select("figure"):
            caption = fig.select_one("figcaption")
            name = next((i for i in [fig.get("id", ""), *(a.get("id", "") for a in fig.select("[id]"))]
                         if i.startswith("fig-")), None)
            link = caption.select_one("a.nqpf-data") if caption else None
            if link is None:
                # only a schematic diagram, recorded without data, may lack the link
                assert name == "fig-digital-framework", f"{doc}: figure {name} has no data link"
                continue
            df = check_csv(resolve(html_dir, doc, link["href"]))
            assert Path(link["href"]).name == f"{name}.csv"
            seen += 1
            assert df.shape[0] >= 1
    assert seen >= 1


def test_every_table_download_resolves(html_dir, toc_pages):
    for doc in toc_pages:
        for a in page(html_dir, doc).select("p.nqpf-data a"):
            assert not a["href"].startswith("nqpf-data:"), f"{doc}: placeholder link left in the page"
            check_csv(resolve(html_dir, doc, a["href"]))


def test_the_bibliography_lists_at_least_15_works_and_citations_land_on_them(html_dir, toc_pages):
    if "book/references" not in toc_pages:
        pytest.skip("references not in this book")
    refs = page(html_dir, "book/references")
    entries = refs.select("p.nqpf-bib-entry")
    assert len(entries) >= 15
    # The web carries each entry's id on the entry itself (valid XHTML), older builds on a target inside it.
    ids = {e["id"] for e in entries if e.get("id")} | {t["id"] for e in entries for t in e.select("[id]")}
    text = " ".join(e.get_text() for e in entries)
    assert "10.34894/FABVLR" in text and "Feenstra, R. C., R. Inklaar and M. P. Timmer (2015)" in text
    cited = 0
    for doc in toc_pages:
        for a in page(html_dir, doc).select("span.bibtex-citation a"):
            target = urlparse(a["href"])
            assert target.path.endswith("references.html") and target.fragment in ids, a["href"]
            cited += 1
    assert cited >= 10


def test_the_glossary_has_at_least_40_terms_and_chapters_link_them(html_dir, toc_pages):
    if "book/glossary" not in toc_pages:
        pytest.skip("glossary not in this book")
    terms = page(html_dir, "book/glossary").select("dl.glossary dt")
    assert len(terms) >= 40
    linked = sum(len(page(html_dir, d).select("a.reference.internal[href*='glossary.html#term-']")) for d in toc_pages)
    assert linked >= 40


def test_the_pdf_has_the_bibliography_and_names_the_data_files(pdf_text, toc_pages):
    flat = re.sub(r"\s+", "", pdf_text)
    if "book/references" in toc_pages:
        assert "参考文献" in pdf_text
        assert "Feenstra,R.C.,R.InklaarandM.P.Timmer(2015)" in flat
        assert "中国信息通信研究院.中国数字经济发展研究报告（2024年）[R/OL]" in flat
    assert len(re.findall(r"图中数据：fig-[a-z0-9-]+\.csv", flat)) >= 1


def test_the_appendix_prints_the_citation_with_the_commit(html_dir, toc_pages):
    if "book/reproducibility" not in toc_pages:
        pytest.skip("appendix not in this book")
    text = page(html_dir, "book/reproducibility").get_text()
    assert "@book{nqpf" in text and "git commit" in text
    assert re.search(r"git 提交 [0-9a-f]{12}", text)
