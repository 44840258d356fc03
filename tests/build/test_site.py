"""The built site as a reader meets it: in headless Chromium, offline, served on 127.0.0.1.

Pages come from the book's _toc.yml. Debian's chromium is driven by Playwright (`make test` installs both);
every request that is not for 127.0.0.1 is blocked and counted as a failure, so the test itself never leaves
the machine. Screenshots of the home page and one chapter are kept in _build/test-artifacts/.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from nqpf.render.notebooks import is_notebook, source, title
from tests.helpers import BUILD, ROOT

pytestmark = pytest.mark.build

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = BUILD / "test-artifacts"


def _repository() -> str:
    import yaml

    from nqpf.sphinx.reader import is_real_repository

    url = (yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")).get("repository") or {}).get("url")
    return url if is_real_repository(url) else ""


REPOSITORY = _repository()
EXTERNAL = ("http:", "https:", "mailto:", "javascript:", "data:", "tel:", "//")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class serve:
    """A folder served on a free port of 127.0.0.1 while the `with` block runs."""

    def __init__(self, folder: Path):
        handler = functools.partial(_Quiet, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def site(html_dir):
    with serve(html_dir) as url:
        yield url


@contextlib.contextmanager
def chromium():
    """Debian's chromium, headless, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} missing: `make test` installs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class Visit:
    """One page opened in a fresh context, with everything that went wrong while it loaded. With go=False the page
    is only prepared: start() sends it on its way and finish() waits for it, so that several load at once."""

    def __init__(self, browser, url: str, go: bool = True):
        self.url = url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.errors, self.failed, self.outside, self.requests = [], [], [], []
        self.context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), self._block)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.pending: set = set()
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._finished)
        self.page.on("requestfailed", self._failed)
        self.page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        if go:
            self.start()
            self.finish()

    def start(self):
        self.page.goto(self.url, wait_until="commit", timeout=90_000)

    def finish(self):
        self.page.wait_for_load_state("load", timeout=90_000)
        self.settle()

    def settle(self, quiet_ms: int = 500, limit_ms: int = 90_000):
        settle([self], quiet_ms, limit_ms)

    def _finished(self, request):
        self.pending.discard(request)

    def _started(self, request):
        self.requests.append(request.url)
        self.pending.add(request)

    def _block(self, route):
        self.outside.append(route.request.url)
        route.abort()

    def _failed(self, request):
        self.pending.discard(request)
        if request.url not in self.outside:
            self.failed.append(f"{request.failure} {request.url}")

    def broken_images(self) -> list[str]:
        # Load every image now (lazy ones too) and report those that do not decode.
        return self.page.evaluate(
            """() => Promise.all([...document.images].map(img => {
                   img.loading = 'eager';
                   return img.decode().then(() => null, () => img.currentSrc || img.src);
               })).then(r => r.filter(Boolean))"""
        )

    def close(self):
        self.context.close()


def settle(visits: list[Visit], quiet_ms: int = 500, limit_ms: int = 90_000):
    """Wait until each page's open requests have stayed none for quiet_ms (all pages at once). Playwright's
    "networkidle" gave no hint of what it waited for when it timed out in CI; wait for our own list of open requests
    to stay empty instead, and name what is still open if it never does."""
    waited, quiet, step = 0, {v: 0 for v in visits}, 100
    while visits and min(quiet.values()) < quiet_ms:
        visits[0].page.wait_for_timeout(step)  # the browser's events for every page are handled meanwhile
        waited += step
        quiet = {v: q + step if not v.pending else 0 for v, q in quiet.items()}
        if waited > limit_ms:
            for v, q in quiet.items():
                if q < quiet_ms:
                    v.failed.extend(f"still loading after {limit_ms // 1000} s: {r.url}" for r in v.pending)
            return


def page_url(site: str, docname: str) -> str:
    return urljoin(site, f"{docname}.html")


# axe-core, the pinned npm package `make axe` installs into the venv folder; injected from that file.
AXE_JS = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BATCH = 4  # pages open at once: while one waits for its network or its scripts, another is rendered or checked


@pytest.fixture(scope="module")
def toc_visits(site, browser, toc_pages) -> dict[str, dict]:
    """Every page of the table of contents opened once, in a fresh context of its own, BATCH pages at a time, and
    what each test of a page reads taken from that one visit: {docname: {check: what was found}}. A page whose
    visit failed has "visit" (the error), which every test reports for that page; a check that failed has the error
    in its own place."""
    from playwright.sync_api import Error

    reports: dict[str, dict] = {}

    def each(visits: dict[str, Visit], check, key: str = "visit") -> None:
        for docname, visit in list(visits.items()):
            try:
                check(docname, visit)
            except Error as err:
                reports[docname][key] = [str(err).splitlines()[0]]
                if key == "visit":
                    visits.pop(docname).close()

    def typeset(docname, visit):
        if visit.page.locator("div.math, span.math").count():
            # Math is typeset by the site's own MathJax (any CDN request would be in `outside`).
            visit.page.wait_for_selector("mjx-container", timeout=20_000)

    def read(docname, visit):
        reports[docname]["images that do not load"] = visit.broken_images()
        reports[docname]["h1"] = visit.page.locator("h1").first.inner_text()
        reports[docname]["links"] = visit.page.eval_on_selector_all("a", "els => els.map(a => a.href)")

    def start_axe(docname, visit):
        visit.page.add_script_tag(path=str(AXE_JS))
        visit.page.evaluate("rules => { window.nqpfAxe = axe.run(document, {runOnly: {type: 'tag', values: rules}})"
                            ".then(r => r.violations); }", AXE_RULES)

    def read_axe(docname, visit):
        if "axe" not in reports[docname]:  # not when it could not start
            reports[docname]["violations"] = visit.page.evaluate("() => window.nqpfAxe")

    for i in range(0, len(toc_pages), BATCH):
        visits: dict[str, Visit] = {}
        for docname in toc_pages[i:i + BATCH]:
            reports[docname] = {}
            visits[docname] = Visit(browser, page_url(site, docname), go=False)
        try:
            each(visits, lambda d, v: v.start())
            each(visits, lambda d, v: v.page.wait_for_load_state("load", timeout=90_000))
            settle(list(visits.values()))
            each(visits, read)
            each(visits, typeset, "math")
            # What went wrong while the page loaded and typeset, before axe runs: axe fetches the style sheets
            # again itself (and asks for an @import's file where the page never does).
            for docname, visit in visits.items():
                reports[docname].update({"console errors": list(visit.errors), "failed requests": list(visit.failed),
                                         "requests leaving localhost": list(visit.outside)})
            if AXE_JS.exists():
                # Started on every page of the batch before the first result is read: they run at once.
                each(visits, start_axe, "axe")
                each(visits, read_axe, "axe")
        finally:
            for visit in visits.values():
                visit.close()
    return reports


def test_every_toc_page_loads_offline_without_errors(toc_visits, toc_pages):
    problems = {}
    for docname in toc_pages:
        report = toc_visits[docname]
        found = {k: report.get(k) for k in ("visit", "console errors", "failed requests", "requests leaving localhost",
                                            "images that do not load", "math")}
        if "h1" in report and report["h1"].strip("#¶ \n") != title(source(docname)):
            found["title"] = [report["h1"]]
        found = {k: v for k, v in found.items() if v}
        if found:
            problems[docname] = found
    assert not problems, problems


def test_chapter_pages_offer_downloads_and_launch_buttons(site, toc_visits, toc_pages):
    chapters = [d for d in toc_pages if is_notebook(source(d))]
    assert chapters
    for docname in chapters:
        links = toc_visits[docname].get("links")
        assert links is not None, (docname, toc_visits[docname].get("visit"))
        assert urljoin(site, f"_sources/{docname}.ipynb") in links, docname
        assert urljoin(site, f"_sources/{docname}.md") in links, docname
        assert urljoin(site, "nqpf-book.pdf") in links, docname
        colab = [u for u in links if u.startswith("https://colab.research.google.com/github/")]
        binder = [u for u in links if u.startswith("https://mybinder.org/v2/gh/")]
        if not REPOSITORY:  # no real repository configured: a launch button could only fail, so there is none
            assert not colab and not binder, (colab, binder)
            continue
        assert colab and colab[0].endswith(f"/blob/notebooks/{docname}.ipynb"), colab
        assert binder and binder[0].endswith(f"urlpath=lab/tree/{docname}.ipynb"), binder


def test_no_serious_accessibility_violation_on_any_page(toc_visits, toc_pages):
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} missing: `make axe` installs the pinned axe-core from the npm registry")
    problems = {}
    for docname in toc_pages:
        report = toc_visits[docname]
        if "violations" not in report:  # the page or axe did not run: that is a failure too
            problems[docname] = report.get("visit") or report.get("axe") or ["axe did not run"]
            continue
        bad = [f"{v['id']} ({v['impact']}): {len(v['nodes'])}x, e.g. {v['nodes'][0]['target']}"
               for v in report["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            problems[docname] = bad
    assert not problems, problems


@pytest.mark.parametrize("query, docname", [("全要素生产率", "book/tfp"), ("数字经济", "book/digital")])
def test_chinese_search_finds_the_chapter(site, browser, toc_pages, query, docname):
    if docname not in toc_pages:
        pytest.skip(f"{docname} is not in _toc.yml yet")
    visit = Visit(browser, urljoin(site, f"search.html?q={query}"))
    try:
        visit.page.wait_for_selector("#search-results ul.search li a", timeout=30_000)
        hits = visit.page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(a => a.href)")
        assert not visit.errors and not visit.outside, (visit.errors, visit.outside)
    finally:
        visit.close()
    assert any(urlparse(h).path.endswith(f"/{docname}.html") for h in hits), hits


def test_screenshots_of_home_and_a_chapter(site, browser, toc_pages):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chapters = [d for d in toc_pages if is_notebook(source(d))]
    chapter = "book/tfp" if "book/tfp" in chapters else chapters[0]
    for name, url in (("home", site), ("chapter", page_url(site, chapter))):
        visit = Visit(browser, url)
        try:
            shot = ARTIFACTS / f"{name}.png"
            visit.page.screenshot(path=str(shot), full_page=True)
        finally:
            visit.close()
        head = shot.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width = int.from_bytes(head[16:20], "big")
        assert width == 1280 and shot.stat().st_size > 10_000


# --- Checks on the built files (no browser) ---

def html_pages(html_dir: Path) -> list[Path]:
    return sorted(p for p in html_dir.rglob("*.html") if "_static" not in p.parts)


@functools.lru_cache(maxsize=None)
def _anchors(path: Path) -> frozenset[str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    ids = {t["id"] for t in soup.find_all(attrs={"id": True})}
    names = {t["name"] for t in soup.find_all("a", attrs={"name": True})}
    return frozenset(ids | names)


def broken_links(html_dir: Path) -> list[str]:
    """Every local href/src of every page that points to a missing file or a missing #anchor."""
    broken = []
    for page in html_pages(html_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag, attrs={attr: True}):
                url = el[attr].strip()
                if not url or url.startswith(EXTERNAL):
                    continue
                target, fragment = urldefrag(url)
                target = unquote(urlparse(target).path)
                path = page if not target else (page.parent / target).resolve()
                if path.is_dir():
                    path = path / "index.html"
                if not path.exists():
                    broken.append(f"{page.relative_to(html_dir)}: {url} (no such file)")
                elif fragment and path.suffix == ".html" and unquote(fragment) not in _anchors(path):
                    broken.append(f"{page.relative_to(html_dir)}: {url} (no such anchor)")
    return broken


def test_no_broken_internal_link_or_anchor(built_book, html_dir, toc_pages):
    pages = html_pages(html_dir)
    assert {f"{d}.html" for d in toc_pages} <= {p.relative_to(html_dir).as_posix() for p in pages}
    assert not broken_links(html_dir)


def test_link_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a.html").write_text('<p id="x"></p><a href="b.html#y">1</a><a href="#x">2</a>'
                                     '<a href="missing.html">3</a><img src="_images/gone.png">', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="z"></h1>', encoding="utf-8")
    assert broken_links(tmp_path) == ["a.html: b.html#y (no such anchor)", "a.html: missing.html (no such file)",
                                      "a.html: _images/gone.png (no such file)"]


def test_pages_and_styles_reference_no_third_party_host(html_dir):
    remote = re.compile(r"""^(https?:)?//(?!127\.0\.0\.1|localhost)""")
    found = []
    for page in html_pages(html_dir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src")):
            for el in soup.find_all(tag, attrs={attr: True}):
                if remote.match(el[attr]) and not (tag == "link" and "canonical" in el.get("rel", [])):
                    found.append(f"{page.relative_to(html_dir)}: <{tag} {attr}={el[attr]}>")
    for css in (html_dir / "_static").rglob("*.css"):
        text = css.read_text("utf-8", "replace")
        for url in re.findall(r"""(?:@import\s+|url\()\s*["']?((?:https?:)?//[^"')\s]+)""", text):
            found.append(f"{css.relative_to(html_dir)}: {url}")
    assert not found, found
    assert (html_dir / "_static" / "mathjax" / "tex-chtml.js").exists()
    assert list((html_dir / "_static" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").glob("*.woff"))
