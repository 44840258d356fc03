"""Two builds give the same derived data and the same glued numbers.

The book the test session builds (conftest.built_book) is compared with one more clean build (conftest.repro_book):
an empty jupyter-cache in its own folder and caches of its own, HTML only (the numbers do not depend on the PDF),
its notebooks run from scratch. The main build's work is not repeated: one extra build, not two, and it runs beside
the main build (started with it), not after it. data/derived/ is hashed before the builds and when each ends; glued
values are read from the ``<page>.glue.json`` files myst-nb writes beside the executed notebooks.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from nqpf.core.paths import DERIVED
from tests.helpers import OUT

pytestmark = pytest.mark.build


def derived_hashes() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DERIVED.glob("*")) if p.is_file()}


def glued(build: Path) -> dict[str, dict]:
    """{'page:name': {mime: text}} for every glued value of a build (myst-nb keeps them in <page>.glue.json)."""
    folder = build / "_build" / "jupyter_execute"
    values = {}
    for path in sorted(folder.rglob("*.glue.json")):
        page = path.relative_to(folder).as_posix().removesuffix(".glue.json")
        for name, out in json.loads(path.read_text(encoding="utf-8")).items():
            # Text only: a glued figure's PNG bytes are compared by the chart tests, not here.
            values[f"{page}:{name}"] = {k: v for k, v in out.get("data", {}).items() if k.startswith("text/")}
    return values


@pytest.fixture(scope="module")
def two_builds(built_book, repro_book):
    out, log, hashes = repro_book
    # Really executed, not taken from a cache: by the parallel pre-execution or by Sphinx itself.
    assert re.search(r"pre-executed [1-9]\d* of|Executing notebook", log), log[-3000:]
    return (hashes["main"], glued(OUT)), (hashes["repro"], glued(out)), hashes["before"]


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
