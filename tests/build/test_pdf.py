"""The whole-book PDF: pages, a Chinese table of contents listing every chapter, embedded fonts, vector charts.

Chapter titles and chart labels are read from the sources of the pages in the book's _toc.yml, so the checks
cover every chapter that exists, and only those.
"""

from __future__ import annotations

import re

import pytest

from nqpf.render.notebooks import source, title
from tests.helpers import chart_cells, run

pytestmark = pytest.mark.build


def squeeze(text: str) -> str:
    """Text without whitespace: pdftotext puts spaces and line breaks between CJK glyphs and in long lines."""
    return re.sub(r"\s+", "", text)


def pdf_title(docname: str) -> str:
    """A page's H1 as the PDF prints it: appendices '附录：数据目录' become '附录 A 数据目录', so drop the prefix."""
    return squeeze(re.sub(r"^附录[：:]", "", title(source(docname))))


@pytest.fixture(scope="module")
def pdf_pages(pdf_path):
    info = run(["pdfinfo", str(pdf_path)]).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture(scope="module")
def chapters(toc_pages):
    return toc_pages[1:]  # the root page is the cover, not a chapter


def test_page_count_fits_the_chapters(pdf_path, pdf_pages, chapters):
    assert pdf_pages >= len(chapters) + 2  # title page and contents, then at least a page a chapter
    per_page = [run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf_path), "-"]).stdout for n in (1, pdf_pages)]
    assert all(p.strip() for p in per_page)  # neither the first nor the last page is blank


def test_chinese_table_of_contents_lists_every_chapter(pdf_path, chapters):
    # The contents are at the front: read the first pages only, up to where the first chapter starts.
    front = run(["pdftotext", "-f", "1", "-l", "6", str(pdf_path), "-"]).stdout
    assert "目录" in front
    toc = squeeze(front[front.index("目录"):])
    missing = [title(source(d)) for d in chapters if pdf_title(d) not in toc]
    assert not missing, f"not in the PDF's table of contents: {missing}"


def test_every_chapter_title_is_in_the_body(pdf_text, chapters):
    body = squeeze(pdf_text)
    for docname in chapters:
        assert body.count(pdf_title(docname)) >= 2, docname  # in the contents and as a heading


def test_all_fonts_embedded_including_the_cjk_font(pdf_path):
    rows = run(["pdffonts", str(pdf_path)]).stdout.splitlines()
    assert rows[0].split()[-6:] == ["encoding", "emb", "sub", "uni", "object", "ID"]
    fonts = rows[2:]
    assert fonts
    # Read from the right: a long font name pushes the fixed-width columns along.
    emb = [line.split()[-5] for line in fonts]
    assert set(emb) == {"yes"}, [f for f, e in zip(fonts, emb) if e != "yes"]
    assert any("NotoSerifSC" in line or "NotoSansSC" in line for line in fonts)


def chart_labels(docnames) -> list[tuple[str, str]]:
    """Plain axis labels and titles set in the chart cells of the given pages (no mathtext, no f-string)."""
    found = []
    pattern = re.compile(r"""\.set_(?:x|y)?(?:label|title)\(\s*(["'])([^"'{}$\\]+)\1""")
    for docname in docnames:
        path = source(docname)
        if path.suffix != ".md":
            continue
        for _, cell in chart_cells(path):
            found += [(docname, m.group(2)) for m in pattern.finditer(cell.source)]
    return found


def test_charts_are_vector_with_text_labels(pdf_path, pdf_text, chapters, built_pdf):
    tex = (built_pdf / "latex" / "nqpf-book.tex").read_text(encoding="utf-8")
    # \sphinxincludegraphics[opts]{{name}.pdf} (or {name.pdf}): every chart is included as a PDF.
    graphics = re.findall(r"\\sphinxincludegraphics(?:\[[^\]]*\])?\{(\{[^}]*\}\.\w+|[^{}]+)\}", tex)
    charts = sum(1 for d in chapters if source(d).suffix == ".md" for _ in chart_cells(source(d)))
    assert len(graphics) >= charts
    assert all(g.endswith(".pdf") for g in graphics), graphics
    # No chart-sized bitmap: a chart drawn as PNG (7 in wide at 150 dpi) would be about 1000 px wide. Small
    # images inside a vector chart (a heatmap's cells, a colour bar) are matplotlib's way and are allowed.
    listing = run(["pdfimages", "-list", str(pdf_path)]).stdout.splitlines()[2:]
    sizes = [(int(f[3]), int(f[4])) for f in (line.split() for line in listing)]
    assert not [s for s in sizes if s[0] >= 700 and s[1] >= 250], listing
    body = squeeze(pdf_text)
    labels = chart_labels(chapters)
    missing = [(d, label) for d, label in labels if squeeze(label) not in body]
    assert not missing, f"chart labels not extractable as text: {missing}"


def test_english_apostrophes_are_set_as_latin_punctuation(pdf_text):
    """A U+2019 in English text is set by xeCJK as a full-width Chinese quote, which leaves a gap ("China’ s");
    the book keeps ASCII apostrophes (smartquotes_action De), which the Latin font curls."""
    gaps = re.findall(r"\b[A-Za-z]+[’'] (?:s|t|re|ve|ll|d)\b", pdf_text)
    assert not gaps, gaps[:5]
    assert re.search(r"\bChina[’']s\b", pdf_text)  # the introduction's abstract, whole


def page_labels(pdf: bytes) -> list[tuple[int, str, int]]:
    """The /PageLabels number tree of a PDF as (first page index, style, first number): the catalog is in a
    compressed object stream, so every Flate stream is inflated and searched."""
    import zlib

    chunks = [pdf]
    for m in re.finditer(rb"stream\r?\n", pdf):
        try:
            chunks.append(zlib.decompressobj().decompress(pdf[m.end():m.end() + 1_000_000]))
        except zlib.error:
            continue
    found = [m for c in chunks for m in re.finditer(rb"/PageLabels\s*<<\s*/Nums\s*\[(.*?)\]", c, re.S)]
    assert len(found) == 1, f"{len(found)} /PageLabels entries"
    entries = re.findall(rb"(\d+)\s*<<(.*?)>>", found[0].group(1), re.S)
    return [(int(i), re.search(rb"/S\s*/(\w)", d).group(1).decode(),
             int(m.group(1)) if (m := re.search(rb"/St\s+(\d+)", d)) else 1) for i, d in entries]


def roman(n: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
              (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, digits in values:
        while n >= value:
            out, n = out + digits, n - value
    return out


def test_page_labels_match_the_printed_page_numbers(pdf_path, pdf_text, pdf_pages):
    """A reader's viewer shows the page labels: they must name each page as its footer does (contents in roman
    numerals, the body from 1). The labels are written in the pass that sets the pages (_config.yml's preamble):
    read back from the .aux of a first pass without the contents, they would start the body three pages early."""
    labels = page_labels(pdf_path.read_bytes())
    assert [style for _, style, _ in labels][-2:] == ["r", "D"]

    def label(index: int) -> str:
        start, style, first = max(e for e in labels if e[0] <= index)
        n = first + index - start
        return roman(n) if style == "r" else str(n)

    pages = pdf_text.split("\f")[:pdf_pages]
    assert len(pages) == pdf_pages
    checked = {"r": 0, "D": 0}
    for index, text in enumerate(pages):
        lines = [line for line in text.splitlines() if line.strip()]
        folio = lines[-1].split()[-1] if lines else ""
        if re.fullmatch(r"\d+|[ivxlc]+", folio):
            assert folio == label(index), f"page {index + 1}: footer {folio}, label {label(index)}"
            checked["D" if folio.isdigit() else "r"] += 1
    assert checked["r"] >= 2 and checked["D"] >= 0.9 * (pdf_pages - 10), checked
