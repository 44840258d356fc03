"""Shared fixtures (helper functions are in tests/helpers.py). Tests marked `build` use the book built once per
session by `make book`."""

from __future__ import annotations

import json

import pytest

from tests.helpers import BUILD, OUT, TOC, run, tree_state


@pytest.fixture(scope="session")
def tree_before_build():
    """`git status` (with file hashes) before the book is built: the build must leave it as it was."""
    return tree_state()


@pytest.fixture(scope="session")
def built_book(tree_before_build):
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
