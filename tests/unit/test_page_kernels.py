"""Each page's kernel is told its own page name (issue 20): never through this process's os.environ.

The extension declares itself parallel-read safe, so the name must not depend on which page's source was read
last. The test reads two pages' sources before either notebook runs (as an interleaved or parallel reader would),
then lets myst-nb's own cache client run each page, and asks each kernel which page it is. The old mechanism
(``os.environ[NQPF_DOCNAME] = docname`` at source-read) gives both kernels the name of the page read last.
"""

from __future__ import annotations

import os
import threading
from types import SimpleNamespace

import nbformat
import pytest
from myst_nb.core.config import NbParserConfig
from myst_nb.core.execute import create_client
from myst_nb.core.read import create_nb_reader, myst_nb_reader_plugin
from myst_parser.config.main import MdParserConfig

from nqpf.core import usage
from nqpf.sphinx import ext, kernels, preexecute

PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---
# {name}

```{{code-cell}} ipython3
import os  # page {name} (jupyter-cache keys on the code: two pages with the same code would share outputs)
print(os.environ.get("{docname}"), os.environ.get("{folder}"))
```
"""


class _Logger:
    """What myst-nb's clients call on their logger."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


class _App:
    """The part of a Sphinx application the extension's set-up and its source-read handlers use."""

    def __init__(self, root, cache):
        self.handlers: dict[str, list] = {}
        self.outdir = str(root / "_build" / "html")
        self.nqpf_build_commit = "abc123"
        self.env = SimpleNamespace(mystnb_config=NbParserConfig(execution_mode="cache",
                                                                execution_cache_path=str(cache)),
                                   myst_config=MdParserConfig(), doc2path=lambda d: str(root / f"{d}.md"))

    def connect(self, event, handler, priority=500):
        self.handlers.setdefault(event, []).append((priority, handler))

    def __getattr__(self, name):  # add_role, add_directive, add_post_transform …
        return lambda *args, **kwargs: None

    def emit(self, event, *args):
        for _, handler in sorted(self.handlers.get(event, []), key=lambda h: h[0]):
            handler(self, *args)


def _printed(nb) -> str:
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs).strip()


def test_two_pages_read_before_either_runs_each_get_their_own_name(tmp_path, monkeypatch):
    monkeypatch.delenv(usage.DOCNAME, raising=False)
    monkeypatch.delenv(usage.DIR, raising=False)
    app = _App(tmp_path, tmp_path / "cache")
    ext.setup(app)
    sources = {}
    for name in ("a", "b"):
        path = tmp_path / f"{name}.md"
        path.write_text(PAGE.format(name=name, docname=usage.DOCNAME, folder=usage.DIR), encoding="utf-8")
        source = [path.read_text(encoding="utf-8")]
        app.emit("source-read", name, source)  # both pages' sources are read first …
        sources[name] = source[0]
    # … and then myst-nb's parser runs each page (cache mode), as Sphinx's parse step does.
    folder = str(tmp_path / "_build" / ".data-usage")
    for name in ("a", "b"):
        path = str(tmp_path / f"{name}.md")
        reader = create_nb_reader(path, app.env.myst_config, app.env.mystnb_config, sources[name])
        nb = reader.read(sources[name])
        with create_client(nb, path, app.env.mystnb_config, _Logger(), reader.read_fmt) as client:
            assert _printed(client.notebook) == f"{name} {folder}"
            assert client.exec_metadata["succeeded"]
    assert usage.DOCNAME not in os.environ  # and no page's name was left in this process's environment


def test_notebooks_run_at_the_same_time_each_see_their_own_page(tmp_path, monkeypatch):
    monkeypatch.delenv(usage.DOCNAME, raising=False)
    code = f'import os\nprint(os.environ.get("{usage.DOCNAME}"))'
    nbs = {name: nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)],
                                          metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                   "display_name": "Python 3"}})
           for name in ("book/x", "book/y")}
    errors = []

    def run(name):
        result = preexecute.execute_notebook(nbs[name], str(tmp_path), preexecute.page_env(name, tmp_path))
        errors.append(result.err)

    threads = [threading.Thread(target=run, args=(name,)) for name in nbs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [None, None]
    assert {name: _printed(nb) for name, nb in nbs.items()} == {"book/x": "book/x", "book/y": "book/y"}
    assert usage.DOCNAME not in os.environ


def test_a_failing_page_is_not_cached(tmp_path):
    # myst-nb then runs it again and reports the cell's error the usual way (the strict build fails there).
    app = _App(tmp_path, tmp_path / "cache")
    path = tmp_path / "bad.md"
    path.write_text(PAGE.replace("import os", "raise ValueError('x')\nimport os").format(
        name="bad", docname=usage.DOCNAME, folder=usage.DIR), encoding="utf-8")
    source = [path.read_text(encoding="utf-8")]
    kernels.execute_uncached(app, "bad", source)
    from jupyter_cache import get_cache

    assert get_cache(str(tmp_path / "cache")).list_cache_records() == []


@pytest.mark.parametrize("text", ["# 只是文字\n\n没有代码。\n"])
def test_a_page_that_is_no_notebook_runs_nothing(tmp_path, text):
    app = _App(tmp_path, tmp_path / "cache")
    (tmp_path / "plain.md").write_text(text, encoding="utf-8")
    assert kernels.notebook(app, "plain", text) is None


def test_the_pre_execution_gives_each_page_its_name_and_caches_every_page(tmp_path, monkeypatch):
    # Three pages on two workers: every notebook is cached (none lost to jupyter-cache trimming the cache while
    # another worker stores one) and each kernel printed its own page and the usage folder.
    monkeypatch.delenv(usage.DOCNAME, raising=False)
    from jupyter_cache import get_cache

    names = ("p1", "p2", "p3")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: p1\nchapters:\n  - file: p2\n  - file: p3\n",
                                       encoding="utf-8")
    for name in names:
        (tmp_path / f"{name}.md").write_text(PAGE.format(name=name, docname=usage.DOCNAME, folder=usage.DIR),
                                             encoding="utf-8")
    cache_dir, folder = tmp_path / "cache", tmp_path / "usage"
    out = preexecute.run(tmp_path / "_toc.yml", cache_dir, folder, jobs=2, root=tmp_path)
    assert (out["pages"], out["executed"], out["failed"]) == (3, 3, [])
    cache = get_cache(str(cache_dir))
    for name in names:
        nb = myst_nb_reader_plugin(str(tmp_path / f"{name}.md"))  # the reader the pre-execution names
        _, merged = cache.merge_match_into_notebook(nb)
        assert _printed(merged) == f"{name} {folder}"
    assert usage.DOCNAME not in os.environ


def test_a_mode_that_runs_pages_outside_the_cache_is_reported(tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(kernels.logger, "warning", lambda msg, *args, **kw: warned.append(msg % args))
    app = _App(tmp_path, tmp_path / "cache")
    text = PAGE.format(name="f", docname=usage.DOCNAME, folder=usage.DIR)
    (tmp_path / "f.md").write_text(text, encoding="utf-8")
    app.env.mystnb_config = app.env.mystnb_config.copy(execution_mode="force")
    assert kernels.notebook(app, "f", text) is None and "'force'" in warned[0]
    app.env.mystnb_config = app.env.mystnb_config.copy(execution_mode="off")  # nothing runs: nothing to report
    assert kernels.notebook(app, "f", text) is None and len(warned) == 1


def test_the_catalogue_runs_last_in_the_pre_execution_and_sphinx_finds_it(tmp_path, monkeypatch):
    # p1 notes a data file in its record; the reader page (it names preexecute.USAGE_READER) prints the records it
    # finds. Run by the pre-execution after p1, it sees p1's record; cached under its source as Sphinx reads it
    # (the record's digest cell appended by the extension's source-read handler), so Sphinx runs nothing.
    monkeypatch.delenv(usage.DOCNAME, raising=False)
    from jupyter_cache import get_cache

    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: p1\nchapters:\n  - file: cat\n", encoding="utf-8")
    (tmp_path / "p1.md").write_text(PAGE.replace("import os", "import os\nfrom nqpf.core import usage\n"
                                                 "usage.note('data/raw/x.csv')").format(
        name="p1", docname=usage.DOCNAME, folder=usage.DIR), encoding="utf-8")
    reader = PAGE.replace('print(os.environ.get("{docname}"), os.environ.get("{folder}"))',
                          f"# {preexecute.USAGE_READER})\nfrom nqpf.core import usage\n"
                          "print(sorted(usage.read().items()))")
    (tmp_path / "cat.md").write_text(reader.format(name="cat"), encoding="utf-8")
    cache_dir, folder = tmp_path / "cache", tmp_path / "usage"
    usage.write_pages(["p1", "cat"], folder)  # as the extension does when Sphinx starts reading
    out = preexecute.run(tmp_path / "_toc.yml", cache_dir, folder, jobs=2, root=tmp_path)
    assert (out["pages"], out["executed"], out["failed"]) == (2, 2, [])
    app = _App(tmp_path, cache_dir)
    app.outdir = str(folder.parent / "html")  # the extension's usage folder: <outdir>/../.data-usage
    folder.rename(folder.parent / ".data-usage")
    source = [(tmp_path / "cat.md").read_text(encoding="utf-8")]
    ext._source_read(app, "cat", source)
    nb = create_nb_reader(str(tmp_path / "cat.md"), app.env.myst_config, app.env.mystnb_config, source[0]).read(
        source[0])
    _, merged = get_cache(str(cache_dir)).merge_match_into_notebook(nb)
    # The kernel ran in the page's folder: the noted file is that folder's (outside the project: an absolute path).
    assert _printed(merged) == str([("p1", [str(tmp_path / "data" / "raw" / "x.csv")])])


def test_outputs_slow_to_arrive_are_waited_for_not_dropped(tmp_path, monkeypatch):
    # nbclient waits 4 s (its default iopub_timeout) for a cell's outputs after the cell's reply, then goes on without
    # them, logging a line only: on a busy machine the reproducibility run lost glued values that way. Here every
    # cell's outputs come 5 s late; all must still be in the notebook.
    import asyncio

    import nbformat
    from nbclient import NotebookClient

    from nqpf.sphinx import preexecute

    poll = NotebookClient._async_poll_output_msg

    async def late(self, *args, **kwargs):
        await asyncio.sleep(5)
        return await poll(self, *args, **kwargs)

    monkeypatch.setattr(NotebookClient, "_async_poll_output_msg", late)
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}})
    nb.cells = [nbformat.v4.new_code_cell("print('kept')")]
    result = preexecute.execute_notebook(nb, str(tmp_path), {}, timeout=60)
    assert result.err is None
    assert [o.get("text") for o in nb.cells[0].outputs] == ["kept\n"]
