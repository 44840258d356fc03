"""The changes page (nqpf.sphinx.changes) is written again exactly when what it shows may have changed since it
was last written without a warning: a build that changes no glued value does not write it, one that changes a
value (or follows a build that warned) does."""

from __future__ import annotations

import json
from types import SimpleNamespace

from nqpf.sphinx import changes


def _app(tmp_path):
    build = tmp_path / "_build"
    (build / "jupyter_execute" / "book").mkdir(parents=True)
    (build / ".doctrees").mkdir()
    env = SimpleNamespace(found_docs={"book/changes", "book/tfp"}, titles={}, nqpf_changes_doc="book/changes")
    return SimpleNamespace(outdir=str(build / "html"), doctreedir=str(build / ".doctrees"),
                           builder=SimpleNamespace(env=env)), env


def _glue(tmp_path, value: str) -> None:
    path = tmp_path / "_build" / "jupyter_execute" / "book" / "tfp.glue.json"
    path.write_text(json.dumps({"share": {"data": {"text/plain": value}}}), encoding="utf-8")


def test_written_when_a_value_changed_or_after_a_warning(tmp_path):
    app, env = _app(tmp_path)
    _glue(tmp_path, "'0.21'")
    assert changes._updated(app, env) == ["book/changes"]  # never written: no record of what it showed
    changes._remember(app, clean=True)
    assert changes._updated(app, env) == []  # nothing it shows has changed (an edit elsewhere, a no-op)
    _glue(tmp_path, "'0.22'")
    assert changes._updated(app, env) == ["book/changes"]  # a glued value changed
    changes._remember(app, clean=False)  # it warned: a value changed without a reason
    assert changes._updated(app, env) == ["book/changes"]  # so the next build writes it (and warns) again


def test_not_written_without_a_changes_page(tmp_path):
    app, env = _app(tmp_path)
    env.nqpf_changes_doc = None
    assert changes._updated(app, env) == []
