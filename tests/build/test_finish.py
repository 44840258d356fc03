"""The finish of the built book, HTML and PDF: tables whole and numbered alike, no object reprs, Chinese chrome,
launch buttons only with a real repository, notebooks that read in plain Jupyter.

Runs on the book `make book` builds (conftest.built_book; NQPF_TEST_OUT/NQPF_TEST_TOC for a subset).
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.helpers import ROOT

pytestmark = pytest.mark.build

OVERFULL_LIMIT_PT = 30
OBJECT_REPR = re.compile(r"<[\w.]+ object>|object at 0x[0-9a-f]+")
NUMBER = re.compile(r"^(表|图)\s*([0-9A-Z]+\.[0-9]+)")
ENGLISH_CHROME = ("© Copyright", "entries per page", "Showing ", "Launch on", "Launch interactive content",
                  "Run Time (s)", "列印", "Print to PDF", "Search this book", "Toggle primary sidebar",
                  "Click to show", "Click to hide")
RAW_CODES = {"items", "pp", "yuan", "percent", "persons", "UNCERTAIN", "DERIVED", "ESTIMATE", "ROUNDED", "over",
             "about", "nearly", "zh-Hans", "zh-Hant"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pages(html_dir, toc_pages):
    return {d: BeautifulSoup((html_dir / f"{d}.html").read_text(encoding="utf-8"), "html.parser") for d in toc_pages}


@pytest.fixture(scope="module")
def pdf_flat(pdf_text):
    return squeeze(pdf_text)


def html_tables(pages):
    """(number, caption text, body rows as lists of cell texts) of every numbered table, in reading order."""
    out = []
    for soup in pages.values():
        for table in soup.select("article table"):
            cap = table.find("caption")
            m = NUMBER.match(cap.get_text(" ", strip=True)) if cap else None
            if not m:
                continue
            text = cap.select_one(".caption-text").get_text("", strip=True)
            rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.select("tbody tr")]
            out.append((m.group(2), text, rows))
    return out


def test_latex_log_has_no_large_overfull_box(built_pdf):
    log = (built_pdf / "latex" / "nqpf-book.log").read_text(encoding="utf-8", errors="replace")
    boxes = [float(x) for x in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)]
    assert not [b for b in boxes if b > OVERFULL_LIMIT_PT], sorted(boxes)[-5:]


def test_every_table_has_a_numbered_caption_on_the_web(pages):
    bare = [f"{d}: {t.get_text(' ', strip=True)[:40]}"
            for d, soup in pages.items() for t in soup.select("article table")
            if not (t.find("caption") and NUMBER.match(t.find("caption").get_text(" ", strip=True)))
            and "Run Time" not in t.get_text() and "运行时间" not in t.get_text()
            and "nqpf-changes" not in (t.get("class") or [])]  # 修订记录: lists of values, not numbered tables
    assert not bare, bare


def test_tables_and_figures_carry_the_same_numbers_in_html_and_pdf(pages, pdf_flat):
    missing = []
    for soup in pages.values():
        for cap in soup.select("article figcaption, article table > caption"):
            m = NUMBER.match(cap.get_text(" ", strip=True))
            if not m:
                continue
            start = squeeze(cap.select_one(".caption-text").get_text("", strip=True))[:12]
            number = f"{m.group(1)}{m.group(2)}"
            if f"{number}:{start}" not in pdf_flat and f"{number}{start}" not in pdf_flat:
                missing.append(f"{m.group(1)} {m.group(2)} {start}")
    assert not missing, missing


def table_region(pdf_flat: str, number: str) -> str:
    """The PDF text of table `number`: from its caption to the next other caption (continuations included)."""
    start = pdf_flat.find(f"表{number}:")
    assert start >= 0, f"表 {number} not in the PDF"
    nxt = re.compile(r"(表|图)(?!" + re.escape(number) + r"(?![0-9]))[0-9A-Z]+\.[0-9]+:")
    m = nxt.search(pdf_flat, start + 5)
    return pdf_flat[start: m.start() if m else len(pdf_flat)]


def rows_in_pdf(region: str, rows: list[list[str]]) -> int:
    """Rows found in order in the PDF text, each by the start of its first non-empty cell."""
    found, pos = 0, 0
    for row in rows:
        # Math cells differ (MathJax source on the web, typeset glyphs in the PDF): key on a plain-text cell; three
        # characters, since a cell wrapped in a narrow PDF column (基尼系|数, 高质量|发展) is broken after three.
        key = next((squeeze(c)[:3] for c in row if squeeze(c) and squeeze(c) != "—" and "\\(" not in c), "")
        hit = region.find(key, pos) if key else pos
        if hit >= 0:
            found, pos = found + 1, hit + len(key)
    return found


def test_pdf_shows_every_row_of_every_table(pages, pdf_flat):
    short = {}
    for number, _caption, rows in html_tables(pages):
        n = rows_in_pdf(table_region(pdf_flat, number), rows)
        if n != len(rows):
            short[number] = f"{n} of {len(rows)} rows"
    assert not short, short


def test_row_counter_notices_a_missing_row():
    rows = [["000", "十三"], ["001", "八大"], ["002", "六部门"]]
    assert rows_in_pdf("表1.1:x种子行000十三001八大002六部门", rows) == 3
    assert rows_in_pdf("表1.1:x种子行000十三002六部门", rows) == 2


def test_no_object_repr_in_html_or_pdf(html_dir, pdf_text):
    found = [p.name for p in html_dir.rglob("*.html") if OBJECT_REPR.search(
        BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser").get_text(" "))]
    assert not found and not OBJECT_REPR.search(pdf_text), (found, OBJECT_REPR.findall(pdf_text)[:3])


def test_reader_facing_strings_are_simplified_chinese(pages):
    english, codes = [], []
    for d, soup in pages.items():
        html = str(soup)
        english += [f"{d}: {s}" for s in ENGLISH_CHROME if s in html]
        codes += [f"{d}: {td.get_text(strip=True)}" for td in soup.select("article td")
                  if td.get_text(strip=True) in RAW_CODES]
    assert not english and not codes, (english, codes[:10])


def test_launch_buttons_only_with_a_real_repository(pages):
    from nqpf.sphinx.reader import is_real_repository

    url = (yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")).get("repository") or {}).get("url")
    launch = [a["href"] for soup in pages.values() for a in soup.find_all("a", href=True)
              if a["href"].startswith(("https://mybinder.org", "https://colab.research.google.com"))]
    if is_real_repository(url):
        assert launch and all(url.split("github.com/")[-1] in h for h in launch)
    else:
        assert not launch, launch[:3]


def test_notebooks_for_download_read_in_plain_jupyter(html_dir):
    markup = re.compile(r"\{glue|\{(seed|numref|ref|eq)\}`|^(```|:::)\{|^\([\w:.-]+\)=", re.M)
    files = sorted((html_dir / "_sources").rglob("*.ipynb")) + sorted((html_dir / "_notebooks").rglob("*.ipynb"))
    assert files
    bad = {}
    for path in files:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        hits = markup.findall(text) + re.findall(r"（运行后可见）", text) * ("_sources" in path.parts)
        if hits:
            bad[str(path.relative_to(html_dir))] = len(hits)
        if "colab-setup" in json.dumps(cells) and "EXAMPLE-ORG" in json.dumps(cells):
            bad[str(path.relative_to(html_dir))] = "placeholder repository"
    assert not bad, bad
