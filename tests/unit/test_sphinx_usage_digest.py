"""The data catalogue's notebook carries a hash of the data usage record (nqpf.sphinx.ext._source_read), so the
cache runs it again exactly when the record changes what it shows."""

from __future__ import annotations

from types import SimpleNamespace

from nqpf.core import usage
from nqpf.sphinx import ext

CATALOGUE = "```{code-cell} ipython3\ncat = catalogue_with_usage()\n```\n"


def _digest_line(tmp_path) -> str:
    app = SimpleNamespace(nqpf_build_commit="abc", outdir=str(tmp_path / "html"))
    source = [CATALOGUE]
    ext._source_read(app, "book/data_catalogue", source)
    added = source[0][len(CATALOGUE):]
    assert added.startswith("\n```{code-cell} ipython3\n:tags: [remove-cell]\n# data usage record ")
    return added


def test_pages_that_loaded_nothing_do_not_change_the_catalogue_hash(tmp_path):
    folder = tmp_path / ".data-usage"
    usage.write_pages(["book/world", "book/index", "book/data_catalogue"], folder)
    (folder / "book").mkdir()
    (folder / "book" / "world.txt").write_text("data/raw/wdi_selected.csv\n", encoding="utf-8")
    before = _digest_line(tmp_path)
    # After the catalogue (and the front page, which loads nothing) have run once, their records exist, empty: the
    # catalogue shows the same table, so its hash, and with it its cached run, stay.
    (folder / "book" / "data_catalogue.txt").write_text("", encoding="utf-8")
    (folder / "book" / "index.txt").write_text("", encoding="utf-8")
    assert _digest_line(tmp_path) == before
    # A page that loads one more file changes what the catalogue shows: the hash changes.
    (folder / "book" / "index.txt").write_text("data/raw/wdi_selected.csv\n", encoding="utf-8")
    assert _digest_line(tmp_path) != before
    (folder / "book" / "index.txt").write_text("", encoding="utf-8")
    (folder / "book" / "world.txt").write_text("data/raw/pwt110_selected.csv\n", encoding="utf-8")
    assert _digest_line(tmp_path) != before
