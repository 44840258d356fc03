"""The strict build: what a reader gets (HTML, search, PDF) and what must make the build fail."""

from __future__ import annotations

import re
import subprocess
from urllib.parse import urljoin

import pytest

from nqpf.core import seeds
from tests.build.test_site import Visit, chromium, serve
from tests.helpers import CHART_SETUP, ROOT, evidence, mini_book, run

pytestmark = pytest.mark.build


def test_html_home_and_chapters(html_dir):
    index = (html_dir / "index.html").read_text(encoding="utf-8")
    assert "book/index.html" in index  # the redirect to the cover page
    intro = (html_dir / "book" / "intro.html").read_text(encoding="utf-8")
    assert "导言" in intro
    assert "〔种子000，第6行〕" in intro  # the seedquote attribution


def test_glued_numbers_come_from_the_computation(html_dir):
    corpus = seeds.summary()
    intro = (html_dir / "book" / "intro.html").read_text(encoding="utf-8")
    shown = re.search(r"语料共\s*<span[^>]*>(\d+)</span>\s*份文档、<span[^>]*>([\d,]+)</span>", intro)
    assert shown, "glued corpus size missing from the intro"
    assert int(shown.group(1)) == len(corpus) == len(seeds.manifest())
    assert int(shown.group(2).replace(",", "")) == corpus["characters"].sum()


def test_search_index_is_segmented_by_jieba_with_the_user_dictionary(search_terms):
    # Without jieba Sphinx's zh splitter keeps no Chinese words at all.
    assert "全要素生产率" in search_terms
    # Not a word of jieba's own dictionary: present only because the project's user dictionary was loaded.
    assert "新质生产力" in search_terms


def test_pdf_has_chinese_toc_chapters_and_a_readable_chart(pdf_path, pdf_text):
    assert pdf_path.stat().st_size > 20_000
    assert "目录" in pdf_text
    assert re.search(r"第一章\s+导言", pdf_text)
    assert "字符数（含标点）" in pdf_text  # the axis label of the intro chart, as text
    fonts = run(["pdffonts", str(pdf_path)]).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), "a font is not embedded"


def test_reproducibility_appendix_names_the_commit(html_dir):
    page = (html_dir / "book" / "reproducibility.html").read_text(encoding="utf-8")
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                          text=True).stdout.strip()
    assert head and head in page
    assert "jupyter-book" in page and "pandera" in page


# --- What must fail the build, and what must not: mini-books built with the project's config and flags. ---
# A fault that raises in a cell stops Sphinx (myst-nb raises on a failed execution): one mini-book each. The faults
# that are warnings (stderr, a missing glyph, a broken reference or quotation) are one page each of one mini-book:
# with --keep-going every page's warning is printed, naming its page, and -W makes any warning fail the build, so
# each page's own warning proves that its fault alone fails the build (one build instead of five). What must build
# (a seed citation, a chart shown with its data) is one page each of one more: the strict build passing proves that
# no page of it warns. A mini-book's tests share its build, on one worker (xdist_group; conftest's scheduler).

GOOD = "print('ok')"
FAULTS = {
    "cell_raises": ("1 / 0", "ZeroDivisionError"),
    "data_sha256_mismatch": (
        "import shutil, tempfile, pathlib\nfrom nqpf.core import data\n"
        "d = pathlib.Path(tempfile.mkdtemp())\nsrc = data.resolve('cn_nominal_gdp')\n"
        "shutil.copy(src, d / src.name)\nshutil.copy(data.manifest_path(src), data.manifest_path(d / src.name))\n"
        "(d / src.name).write_text((d / src.name).read_text().replace('3645.2', '9999.9'))\n"
        "data.validate(d / src.name)",
        "sha256 matches manifest",
    ),
}
# page: (markdown, code, what its warning says, what its executed notebook says)
WARNING_FAULTS = {
    "stderr_output": ("", "import sys\nsys.stderr.write('oops\\n')", "stderr", "oops"),
    "missing_glyph": (
        "",
        "from nqpf.render import plotting\nimport matplotlib.pyplot as plt\nplotting.setup()\n"
        "fig, ax = plt.subplots()\nax.set_title('新质生产力 ஆ')\nplt.show()",
        "stderr", "missing from font",
    ),
    "chart_without_its_data": ("", CHART_SETUP + "fig, ax = plt.subplots()\nax.plot([1, 2], [3, 4])\nplt.show()",
                               "stderr", "displayed without its data"),
    "undefined_label": ("见 {ref}`no-such-label`。", GOOD, "undefined label", ""),
    "bad_quotation": ("```{seedquote} 000:6\n以全要素生产率小幅提升为核心标志\n```", GOOD, "quotation not found", ""),
    "bad_seed_citation": ("见 {seed}`000:999`。", GOOD, "bad seed citation", ""),
}


# page: (markdown, code) of the mini-book that must build.
MATH = "增长核算：$g_Y = \\alpha g_K + (1-\\alpha) g_L + g_A$。\n\n$$\n\\ln Y = \\ln A\n$$"
SOUND = {
    "seed_citation": ("见 {seed}`000:6`。", GOOD),
    "math": (MATH, GOOD),
    "chart_with_its_data": ("", CHART_SETUP + "d = pd.DataFrame({'年份': [2022, 2023], '规模': [50.2, 53.9]})\n"
                            "fig, ax = plt.subplots()\nax.plot(d['年份'], d['规模'])\nchartdata.show(d, 'fig-mini')"),
}


@pytest.fixture(scope="module")
def sound_book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sound")
    return tmp, mini_book(tmp, pages=SOUND)


@pytest.mark.xdist_group("sound_book")
def test_mini_book_without_faults_builds(sound_book):
    tmp, proc = sound_book
    assert proc.returncode == 0, evidence(tmp, proc)[-3000:]
    assert (tmp / "_build" / "html" / "seed_citation.html").is_file()


@pytest.mark.xdist_group("sound_book")
def test_a_chart_shown_with_its_data_writes_the_csv(sound_book):
    """A chart shown with chartdata.show builds and writes its CSV. (One shown without its data fails the build: the
    page chart_without_its_data of the warnings mini-book below.)"""
    tmp, proc = sound_book
    assert proc.returncode == 0, evidence(tmp, proc)[-3000:]
    path = tmp / "_build" / "html" / "_data" / "fig-mini.csv"
    assert path.read_bytes() == "\ufeff年份,规模\n2022,50.2\n2023,53.9\n".encode("utf-8")


@pytest.mark.xdist_group("sound_book")
def test_math_is_typeset_by_the_sites_own_mathjax(sound_book):
    """Whatever chapters exist: a page of a mini-book with the project's config renders math offline."""
    tmp, proc = sound_book
    assert proc.returncode == 0, evidence(tmp, proc)[-3000:]
    html = tmp / "_build" / "html"
    page = (html / "math.html").read_text(encoding="utf-8")
    assert '_static/mathjax/tex-chtml.js' in page and "cdn.jsdelivr" not in page
    with serve(html) as url, chromium() as browser:
        visit = Visit(browser, urljoin(url, "math.html"))
        try:
            visit.page.wait_for_selector("mjx-container", timeout=30_000)
            visit.settle()  # the fonts MathJax asked for have arrived
            rendered = visit.page.locator("mjx-container").count()
            fonts = [u for u in visit.requests if "/_static/mathjax/output/chtml/fonts/woff-v2/" in u]
            assert not visit.errors and not visit.failed and not visit.outside, (visit.errors, visit.failed,
                                                                                  visit.outside)
        finally:
            visit.close()
    assert rendered == 2 and fonts


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_fails_the_build(tmp_path, fault):
    code, needle = FAULTS[fault]
    proc = mini_book(tmp_path, code)
    assert proc.returncode != 0, f"{fault} did not fail the build"
    assert needle in evidence(tmp_path, proc)


@pytest.fixture(scope="module")
def warnings_book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("warnings")
    proc = mini_book(tmp, pages={name: (md, code) for name, (md, code, _, _) in WARNING_FAULTS.items()})
    return tmp, proc


@pytest.mark.xdist_group("warnings_book")
@pytest.mark.parametrize("fault", sorted(WARNING_FAULTS))
def test_warning_fault_fails_the_build(warnings_book, fault):
    tmp, proc = warnings_book
    _, _, needle, output = WARNING_FAULTS[fault]
    assert proc.returncode != 0
    # Sphinx's own warning line, naming this page: "<tmp>/<page>.md:<line>: WARNING: ..."
    log = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout + proc.stderr)
    mine = [line for line in log.splitlines() if line.startswith(f"{tmp}/{fault}.md:") and "WARNING:" in line]
    assert any(needle in line for line in mine), (fault, mine, log[-3000:])
    if output:  # what the cell wrote, kept in the notebook the pre-execution cached (myst-nb drops it from the page)
        assert output in cell_stderr(tmp, WARNING_FAULTS[fault][1])


def cell_stderr(tmp, code: str) -> str:
    """The stderr text of the cached executed notebook whose code cell is `code` (one cached notebook per page)."""
    import json

    text = ""
    for path in (tmp / "_build" / ".jupyter_cache" / "executed").glob("*/base.ipynb"):
        cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        if any("".join(c["source"]) == code for c in cells):
            text += "".join("".join(o.get("text", "")) for c in cells for o in c.get("outputs", [])
                            if o.get("name") == "stderr")
    return text
