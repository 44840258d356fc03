"""Figure numbers and numbered references are found in each page's outline, kept when the page is read
(nqpf.sphinx.ext._patch_numbering), without unpickling the page, and resolve as Sphinx's own code does: a two-page
Sphinx project with three {numref}s to figures of the other page."""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from nqpf.sphinx import ext

PAGES = {
    "index": ".. toctree::\n   :numbered:\n\n   a\n   b\n",
    "a": "A\n=\n\nSee :numref:`fig-one`, :numref:`fig-two` and :numref:`fig-one` again.\n",
    "b": ("B\n=\n\n.. _fig-one:\n\n.. figure:: x.png\n\n   One.\n\n"
          ".. _fig-two:\n\n.. figure:: x.png\n\n   Two.\n"),
}


def _build(tmp_path: Path, monkeypatch) -> tuple[str, list[str]]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text("numfig = True\nnumfig_format = {'figure': 'Fig. %s'}\n")
    for name, text in PAGES.items():
        (src / f"{name}.rst").write_text(text)
    (src / "x.png").write_bytes(b"")
    loads = []
    original = BuildEnvironment.get_doctree

    def counting(self, docname):
        loads.append(docname)
        return original(self, docname)

    monkeypatch.setattr(BuildEnvironment, "get_doctree", counting)
    ext._patch_numbering()
    app = Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html", status=None,
                 warning=None, freshenv=True)
    app.connect("doctree-read", ext._note_outline, priority=990)
    app.connect("env-purge-doc", ext._purge_outline)
    app.build()
    return (tmp_path / "out" / "a.html").read_text(encoding="utf-8"), loads


def test_numbering_and_references_unpickle_no_page(tmp_path, monkeypatch):
    html, loads = _build(tmp_path, monkeypatch)
    # Sphinx alone unpickles every page to number the figures and page b once per reference to it (4 loads of b;
    # the pages just read are written from memory). The outlines need none (the root is loaded for its toctree).
    assert loads.count("a") == loads.count("b") == 0
    assert html.count("Fig. 2.1") == 2 and html.count("Fig. 2.2") == 1  # b is chapter 2: its figures 2.1, 2.2
    assert 'href="b.html#fig-one"' in html
