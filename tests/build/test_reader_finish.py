"""Issue 23 (reader finish), checked on the built book as a reader meets it: HTML at 390 px and 1280 px, the PDF,
the per-chapter PDFs and the EPUB.

The text checks read what a reader sees (the HTML pages' text without scripts, the PDF's text from pdftotext), so a
fragment that leaks from any source -- a cross-reference format, a manifest, a glued number -- is caught wherever it
comes from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from bs4 import BeautifulSoup

from nqpf.render import front
from tests.build.test_site import CHROMIUM, FLAGS, page_url, serve
from tests.helpers import TOC, run

pytestmark = pytest.mark.build

# A word printed twice by a reference format around prose that already says it (附录附录：事实核查, 来源：来源：);
# pdftotext drops the space between CJK words, so the PDF shows 附录附录 where the HTML has 附录 附录.
DOUBLED = re.compile(r"(附录|来源：|第)\s?\1")
# Scientific notation in prose (9.1e-06 个百分点): the prose formatter never writes it.
SCIENTIFIC = re.compile(r"(?<![\w.])\d+(\.\d+)?e[-+]\d+(?![\w])")
# An absolute path of a build machine (/work/..., /home/..., C:\...).
ABSOLUTE = re.compile(r"(?<![\w.:/~-])(/work|/home|/tmp|/root|/usr)/[\w.-]|\b[A-Z]:\\\\")
# A year range with a hyphen or an em dash instead of the book's en dash (2013-2019, 2013—2019).
BAD_RANGE = re.compile(r"(?<![\d.-])(19|20)\d\d(-|—)(19|20)\d\d(?![\d.-])")


def _text(html_file: Path, drop_code: bool = False) -> str:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    main = soup.find("main") or soup
    for tag in main.find_all(["script", "style", "noscript"]):
        tag.decompose()
    if drop_code:  # code, commands, identifiers and the sources' own words (quoted verbatim) are not our prose
        for tag in main.find_all(["pre", "code", "kbd", "blockquote"]):
            tag.decompose()
        for tag in main.select("table.nqpf-datatable, .seed-quote"):
            tag.decompose()
        return re.sub(r"[“「][^”」]*[”」]", "", main.get_text(" "))
    return main.get_text(" ")


@pytest.fixture(scope="module")
def pages(html_dir, toc_pages):
    return {d: html_dir / f"{d}.html" for d in toc_pages}


def _hits(pattern: re.Pattern, text: str, width: int = 25) -> list[str]:
    return [text[max(0, m.start() - width): m.end() + width].replace("\n", " ") for m in pattern.finditer(text)]


def test_no_doubled_words_scientific_notation_or_machine_paths_in_html(pages):
    problems = {}
    for docname, path in pages.items():
        if docname.endswith("/changes"):
            continue  # earlier editions' values, printed as they were recorded
        text = _text(path)
        prose = _text(path, drop_code=True)
        found = {"doubled": _hits(DOUBLED, text), "scientific notation": _hits(SCIENTIFIC, prose),
                 "absolute paths": _hits(ABSOLUTE, text), "ranges without an en dash": _hits(BAD_RANGE, prose)}
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[docname] = found
    assert not problems, problems


def _without_changes(pdf_text: str) -> str:
    """The PDF's text before the 修订记录 page, which prints earlier editions' values as they were recorded."""
    start = pdf_text.find("本书每个发布的版本都")
    return pdf_text if start < 0 else pdf_text[:start]


def test_no_doubled_words_or_machine_paths_in_the_pdf(pdf_text):
    pdf_text = _without_changes(pdf_text)
    assert not _hits(DOUBLED, pdf_text), _hits(DOUBLED, pdf_text)[:10]
    assert not _hits(ABSOLUTE, pdf_text), _hits(ABSOLUTE, pdf_text)[:10]
    assert not _hits(SCIENTIFIC, pdf_text), _hits(SCIENTIFIC, pdf_text)[:10]


def test_no_reference_wraps_a_title_in_a_section_number(pages, pdf_text):
    """'（第语料：五份种子文档 节）': prose wrote 第 … 节 around a reference that prints the section's title."""
    titles = set()
    for path in pages.values():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        titles |= {h.get_text(" ").strip("#¶ \n") for h in soup.find_all(["h1", "h2", "h3"])}
    titles = {re.sub(r"^[\dA-Z.]+\s+", "", t) for t in titles if len(t) >= 2}
    texts = {d: _text(p) for d, p in pages.items()} | {"PDF": pdf_text}
    wrapped = [(d, t) for d, text in texts.items() for t in titles
               if re.search(r"第\s?" + re.escape(t) + r"\s?[节章]", text)]
    assert not wrapped, wrapped


def test_appendix_references_name_the_letter_once(pages):
    # 附录 B“事实核查”: the letter and the title, 附录 said once.
    text = " ".join(_text(p) for p in pages.values())
    assert not re.search(r"附录\s*[A-Z]?\s*[“「]?附录：", text)


def test_back_matter_follows_the_appendices_unnumbered(html_dir, pdf_text):
    parts = front.toc_parts(TOC)
    numbered = [p for part in parts if part.numbered for p in part.pages]
    back = [p for part in parts if not part.numbered for p in part.pages]
    if not back:
        pytest.skip("no back matter in this toc")
    sidebar = BeautifulSoup((html_dir / f"{numbered[0]}.html").read_text(encoding="utf-8"), "html.parser")
    nav = [a.get_text(" ").strip() for a in sidebar.select("nav.bd-docs-nav a.reference")]
    for doc in back:
        title = front._page_title(doc)
        assert title in nav, (title, nav)
        assert not re.match(r"^[\dA-Z]+\.", nav[nav.index(title)]), nav  # no chapter number
    # In the PDF's contents the back matter has no number either: "术语表" alone on its line, after the appendices.
    contents = pdf_text[: pdf_text.find(front._page_title(numbered[0]), pdf_text.find(front._page_title(back[0])))]
    for doc in back:
        line = next((ln for ln in contents.splitlines() if front._page_title(doc) in ln), "")
        assert line and not re.match(r"^\s*(\d+|[A-Z])\s", line), line


def test_front_page_has_findings_chapters_downloads_and_citation(built_book, html_dir):
    from nqpf.analysis import findings

    soup = BeautifulSoup((html_dir / "book" / "index.html").read_text(encoding="utf-8"), "html.parser")
    items = soup.select(".nqpf-findings li")
    assert len(items) == len(findings.register())  # every finding of the register, none typed by hand
    for f in findings.register():
        assert any(f.statement in li.get_text() and findings.label(f) in li.get_text() for li in items), f.id
    cards = soup.select(".sd-card")
    assert len(cards) == len(front.chapters(TOC))
    # Every download the front page offers exists in the site (a link that leads nowhere is a defect).
    links = [a["href"] for a in soup.select("a[href]") if a["href"].endswith((".pdf", ".epub", ".zip"))]
    assert {"../nqpf-book.pdf", "../nqpf-book.epub", "../nqpf-data.zip"} <= set(links)
    for href in links:
        assert (html_dir / "book" / unquote(href)).resolve().is_file(), href
    assert "[M" in soup.get_text() and "@book{" in soup.get_text()  # how to cite, with its BibTeX


def _pdf_pages(path: Path) -> int:
    info = run(["pdfinfo", str(path)]).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def test_each_chapter_has_its_own_pdf_typeset_like_the_book(built_book, html_dir):
    for doc in front.chapters(TOC):
        path = html_dir / front.pdf_name(doc)
        assert path.is_file(), path
        assert _pdf_pages(path) >= 1
        text = run(["pdftotext", "-l", "3", str(path), "-"]).stdout
        assert front.chapter_title(doc).replace(" ", "")[:6] in text.replace(" ", ""), doc
        assert "Missing character" not in (html_dir.parent / "latex-chapters" / (Path(doc).name + ".log")).read_text(
            encoding="utf-8", errors="replace")


def test_chapter_pages_link_their_own_pdf(html_dir):
    for doc in front.chapters(TOC):
        soup = BeautifulSoup((html_dir / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
        hrefs = {a["href"] for a in soup.select("a[href]")}
        assert any(h.endswith(front.pdf_name(doc)) for h in hrefs), doc


def test_epub_is_valid_chinese_and_has_the_figures(built_book, html_dir):
    epub = built_book / "epub" / "nqpf-book.epub"
    assert epub.is_file() and (html_dir / "nqpf-book.epub").is_file()
    # epubcheck's report on this very file, written by `make epub` when it checked it (Makefile: EPUB_REPORT).
    report = json.loads((built_book / "epub" / "epubcheck.json").read_text(encoding="utf-8"))
    checker = report["checker"]
    assert checker["filename"] == epub.name and checker["checkerVersion"]
    assert (built_book / "epub" / "epubcheck.json").stat().st_mtime >= epub.stat().st_mtime  # not an older file's
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0), report["messages"][:20]
    import zipfile

    with zipfile.ZipFile(epub) as z:
        opf = z.read("content.opf").decode("utf-8")
        images = [n for n in z.namelist() if n.endswith((".png", ".svg", ".jpg"))]
    assert "<dc:language>zh-CN</dc:language>" in opf
    assert "《新质生产力》研究文集" in opf and "新质生产力研究文集编写组" in opf
    assert images  # the charts are in the book


def test_every_numeric_table_links_its_csv(pages, html_dir):
    missing = []
    for docname, path in pages.items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for table in soup.select("main table"):
            caption = table.find("caption")
            if caption is None or "DataTable" in " ".join(table.get("class", [])):
                continue
            # A figure in a cell of its own (0.35, -1.2, 13%, 1,260,582), not a year or a version inside text.
            cells = [td.get_text(" ").strip() for td in table.select("td")]
            if not any(re.fullmatch(r"[+\-−]?\d[\d,]*(\.\d+)?\s*%?", c)
                       and not re.fullmatch(r"(19|20)\d\d|0\d+", c)  # a year, or a code such as seed 000
                       for c in cells):
                continue
            link = caption.select_one("a.nqpf-data")
            if link is None or not (path.parent / unquote(link["href"])).resolve().is_file():
                missing.append((docname, caption.get_text(" ")[:40]))
    assert not missing, missing


def test_every_figure_opens_full_size(pages):
    problems = []
    for docname, path in pages.items():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for img in soup.select("main figure img"):
            link = img.find_parent("a")
            if link is None or not (path.parent / unquote(link["href"])).resolve().is_file():
                problems.append((docname, img.get("src")))
    assert not problems, problems


def test_no_page_is_wider_than_a_phone(html_dir, toc_pages):
    """At 390 px (a phone) every page fits the screen: tables and code scroll inside their own box."""
    from playwright.sync_api import sync_playwright

    wide = {}
    with serve(html_dir) as site, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True)
        context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        page = context.new_page()
        for docname in [*toc_pages, "search"]:
            page.goto(page_url(site, docname) if docname != "search" else urljoin(site, "search.html"),
                      wait_until="load", timeout=90_000)
            width = page.evaluate("document.scrollingElement.scrollWidth")
            if width > 390:
                culprit = page.evaluate("""() => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > 392)
                    .slice(-3).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))""")
                wide[docname] = (width, culprit)
        browser.close()
    assert not wide, wide
