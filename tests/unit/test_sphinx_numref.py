"""Numbered references unpickle each target page once per build (nqpf.sphinx.ext._patch_numref), and resolve as
Sphinx's own code does: a two-page Sphinx project with three {numref}s to figures of the other page."""

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
    ext._patch_numref()
    app = Sphinx(str(src), str(src), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html", status=None,
                 warning=None, freshenv=True)
    app.connect("builder-inited", ext._forget_doctrees)
    app.connect("env-updated", ext._forget_doctrees)
    app.build()
    return (tmp_path / "out" / "a.html").read_text(encoding="utf-8"), loads


def test_three_references_to_one_page_unpickle_it_once(tmp_path, monkeypatch):
    html, loads = _build(tmp_path, monkeypatch)
    # Page b is loaded to write it, and once for the three references to it (Sphinx alone: once per reference, 4).
    assert loads.count("b") == 2
    assert html.count("Fig. 2.1") == 2 and html.count("Fig. 2.2") == 1  # b is chapter 2: its figures 2.1, 2.2
    assert 'href="b.html#fig-one"' in html
