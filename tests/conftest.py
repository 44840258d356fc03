"""Shared fixtures. Tests marked `build` use the book built once per session by `make html pdf`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# NQPF_TEST_OUT / NQPF_TEST_TOC: build tests run on a subset built into another folder (as `make book OUT= TOC=`),
# e.g. while working on one chapter next to others. Default: the whole book in ./_build.
OUT = Path(os.environ.get("NQPF_TEST_OUT", ROOT)).resolve()
TOC = Path(os.environ.get("NQPF_TEST_TOC", ROOT / "_toc.yml")).resolve()
BUILD = OUT / "_build"


def run(cmd, cwd=ROOT, env=None, timeout=3600):
    return subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout)


def nqpf_cli(*args):
    """Run `python -m nqpf ARGS` as a reader would; returns the CompletedProcess."""
    return run([sys.executable, "-m", "nqpf", *args])


def copy_data_file(name: str, folder: Path) -> Path:
    """A copy of a data file and its manifest in `folder`, to corrupt without touching data/."""
    import shutil

    from nqpf.core import data

    src = data.resolve(name)
    dest = folder / src.name
    shutil.copy(src, dest)
    shutil.copy(data.manifest_path(src), data.manifest_path(dest))
    return dest


def rewrite_data_file(path: Path, payload: bytes, fix_sha: bool = True) -> None:
    """Replace a copied data file's bytes; with fix_sha its manifest gets the new sha256, so only the schema
    (not the checksum) can object."""
    import hashlib

    import yaml

    from nqpf.core import data

    path.write_bytes(payload)
    if fix_sha:
        mpath = data.manifest_path(path)
        meta = yaml.safe_load(mpath.read_text(encoding="utf-8"))
        meta["sha256"] = hashlib.sha256(payload).hexdigest()
        mpath.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="session")
def built_book():
    """The whole book, built strictly (HTML and PDF) with the Makefile's own commands."""
    proc = run(["make", "book", f"OUT={OUT}", f"TOC={TOC}"])
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-60:])
        pytest.fail(f"`make book` failed:\n{tail}")
    return BUILD


@pytest.fixture(scope="session")
def toc_pages():
    """Docnames of the book being tested, in reading order, read from its _toc.yml (never a fixed list)."""
    from nqpf.render.notebooks import toc_pages as pages

    return pages(TOC)


@pytest.fixture(scope="session")
def html_dir(built_book):
    return built_book / "html"


@pytest.fixture(scope="session")
def pdf_path(built_book):
    return built_book / "latex" / "nqpf-book.pdf"


@pytest.fixture(scope="session")
def pdf_text(pdf_path):
    return run(["pdftotext", "-layout", str(pdf_path), "-"]).stdout


@pytest.fixture(scope="session")
def search_terms(html_dir):
    """All words of Sphinx's search index (body and title terms)."""
    text = (html_dir / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])


def wdi_gdp_yi(year: int) -> float:
    """China's nominal GDP in 亿元 read straight from the raw WDI file (current US$ x official rate / 1e8), by hand,
    independently of nqpf: the book's standard series must equal it."""
    import csv

    vals = {}
    with open(ROOT / "data" / "raw" / "wdi_selected.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["countrycode"] == "CHN" and int(r["year"]) == year and r["indicator"] in ("NY.GDP.MKTP.CD", "PA.NUS.FCRF"):
                vals[r["indicator"]] = float(r["value"])
    return vals["NY.GDP.MKTP.CD"] * vals["PA.NUS.FCRF"] / 1e8
