"""Two builds give the same derived data and the same glued numbers.

The book the test session builds (conftest.built_book) is compared with one more clean run (conftest.repro_book):
every notebook of the book executed from scratch (`make preexecute`) into an empty jupyter-cache in its own folder,
with caches of its own. Only the notebooks run again: a glued value is a notebook's output, and Sphinx, which puts
it on the page, computes no number; the main build's work is not repeated, and the run goes beside the main build
(started with it), not after it. data/derived/ is hashed before the builds and when each ends. The main build's glued
values are read from the ``<page>.glue.json`` files myst-nb writes beside the executed notebooks (what the book
prints); the clean run's from the outputs its jupyter-cache holds (glue's display_data, named in
metadata.scrapbook).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from nqpf.core.paths import DERIVED, ROOT
from tests.helpers import OUT

pytestmark = pytest.mark.build


def derived_hashes() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DERIVED.glob("*")) if p.is_file()}


def _text(data: dict, prefix: str = "") -> dict[str, str]:
    """The text representations of a glued output (a figure's PNG bytes are compared by the chart tests, not here),
    under the mime types myst-nb gives them (it drops glue's prefix)."""
    return {mime.removeprefix(prefix): v for mime, v in data.items() if mime.removeprefix(prefix).startswith("text/")}


def glued(build: Path) -> dict[str, dict]:
    """{'page:name': {mime: text}} for every glued value of a build (myst-nb keeps them in <page>.glue.json)."""
    folder = build / "_build" / "jupyter_execute"
    values = {}
    for path in sorted(folder.rglob("*.glue.json")):
        page = path.relative_to(folder).as_posix().removesuffix(".glue.json")
        for name, out in json.loads(path.read_text(encoding="utf-8")).items():
            values[f"{page}:{name}"] = _text(out.get("data", {}))
    return values


def glued_in_cache(cache_dir: Path, root: Path = ROOT) -> dict[str, dict]:
    """{'page:name': {mime: text}} for every glued value in the executed notebooks a jupyter-cache holds (one record a
    page: the cache is the clean run's own)."""
    from jupyter_cache import get_cache

    cache = get_cache(str(cache_dir))
    values = {}
    for record in cache.list_cache_records():
        page = Path(record.uri).relative_to(root).with_suffix("").as_posix()
        for cell in cache.get_cache_bundle(record.pk).nb.cells:
            for out in cell.get("outputs", []):
                meta = out.get("metadata", {}).get("scrapbook", {})
                if "name" in meta:
                    values[f"{page}:{meta['name']}"] = _text(out.get("data", {}), meta.get("mime_prefix", ""))
    return values


@pytest.fixture(scope="module")
def two_builds(built_book, repro_book):
    out, log, hashes = repro_book
    # Really executed, not taken from a cache, and every notebook: none failed (the main build's Sphinx would have run
    # a failed one again; here its values would be missing).
    assert re.search(r"pre-executed [1-9]\d* of", log) and "left to Sphinx" not in log, log[-3000:]
    return (hashes["main"], glued(OUT)), (hashes["repro"], glued_in_cache(out / "_build" / ".jupyter_cache")), \
        hashes["before"]


def test_derived_files_identical(two_builds):
    (derived_a, _), (derived_b, _), before = two_builds
    assert derived_a == derived_b
    # And identical to what the checkout held before either build and holds now: a build writes no derived file.
    assert before == derived_a == derived_hashes()
    assert derived_a  # the comparison really sees the files (data/derived/claims.csv at least)


def test_glued_numbers_identical(two_builds, toc_pages):
    (_, glue_a), (_, glue_b), _ = two_builds
    assert glue_a == glue_b
    pages_with_glue = {key.split(":")[0] for key in glue_a}
    assert pages_with_glue <= set(toc_pages)
    if "book/intro" in toc_pages:
        assert "book/intro:corpus_n" in glue_a  # the comparison really sees glued values


def test_glue_reader_reads_glue_files(tmp_path):
    folder = tmp_path / "_build" / "jupyter_execute" / "book"
    folder.mkdir(parents=True)
    record = {"x": {"output_type": "display_data", "metadata": {"scrapbook": {"name": "x"}},
                    "data": {"text/plain": "'1.5'", "image/png": "AAAA"}}}
    (folder / "p.glue.json").write_text(json.dumps(record), encoding="utf-8")
    assert glued(tmp_path) == {"book/p:x": {"text/plain": "'1.5'"}}


def test_cache_glue_reader_reads_the_executed_notebooks(tmp_path):
    """glue() writes its mime types under a prefix (metadata.scrapbook.mime_prefix) that myst-nb drops from
    <page>.glue.json: the clean run's values are read under the same names as the book's."""
    import nbformat
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    page = tmp_path / "book" / "p.md"
    page.parent.mkdir()
    page.write_text("# p\n", encoding="utf-8")
    prefix = "application/papermill.record/"
    glue = nbformat.v4.new_output("display_data", data={f"{prefix}text/plain": "'1.5'", f"{prefix}image/png": "AAAA"},
                                  metadata={"scrapbook": {"name": "x", "mime_prefix": prefix}})
    plain = nbformat.v4.new_output("display_data", data={"text/plain": "'2'"})  # shown, not glued
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("glue('x', '1.5')", outputs=[glue, plain])])
    get_cache(str(tmp_path / "cache")).cache_notebook_bundle(CacheBundleIn(nb, str(page)), check_validity=False)
    assert glued_in_cache(tmp_path / "cache", root=tmp_path) == {"book/p:x": {"text/plain": "'1.5'"}}
