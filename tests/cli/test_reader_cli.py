"""Reader paths without a build: notebooks from the MyST sources, launch links, and the data catalogue."""

from __future__ import annotations

import hashlib
import io
import json

import nbformat
import pandas as pd

from nqpf.core import data
from nqpf.render import datacat
from tests.helpers import ROOT, nqpf_cli


def test_cli_writes_the_notebooks_of_the_toc(tmp_path):
    proc = nqpf_cli("book", "notebooks", "book/intro", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [r["page"] for r in rows] == ["book/intro"] and rows[0]["title"] == "导言"
    nb = nbformat.read(tmp_path / "book" / "intro.ipynb", as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")  # not executed unless asked


def test_cli_notebooks_bad_arguments_one_line(tmp_path):
    for args, needle in ((["book", "notebooks", "book/nope", "--out", str(tmp_path)], "not in the table of contents"),
                         (["book", "notebooks", "--toc", str(tmp_path / "x.yml")], "no table of contents"),
                         (["book", "notebooks", "--bogus"], "unrecognized arguments")):
        proc = nqpf_cli(*args)
        assert proc.returncode == 2 and needle in proc.stderr, proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_catalogue_covers_every_data_file_with_its_manifest_facts():
    cat = datacat.catalogue_with_usage()
    files = data.data_files()
    assert len(cat) == len(files)
    for path in files:
        meta = data.read_manifest(path)
        row = cat[cat["file"] == path.relative_to(ROOT).as_posix()].iloc[0]
        assert row["sha256"] == meta["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row["rows"] == len(pd.read_csv(path))
        # readers see the licence in Chinese where catalogue_zh.yml gives it, else as the manifest writes it
        assert row["licence"] == datacat.LICENCE_ZH.get(meta["licence"], meta["licence"])
    proc = nqpf_cli("book", "catalogue", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert len(pd.read_csv(io.StringIO(proc.stdout))) == len(files)
