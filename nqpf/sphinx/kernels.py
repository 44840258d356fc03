"""Each page's notebook runs in a kernel of its own that is told its page (issue 20).

myst-nb (cache mode) starts a page's kernel from this process's environment and offers no per-notebook kernel
settings, so a page name put into ``os.environ`` would be whatever page was read last. Instead a page that misses
the notebook cache is executed when its source is read (``source-read``, after every other handler, so on the source
myst-nb parses), by :func:`nqpf.sphinx.preexecute.execute_notebook` with ``NQPF_DOCNAME`` and ``NQPF_USAGE_DIR`` in
that kernel's environment only, and cached as myst-nb caches it; myst-nb's parser then finds the page in the cache,
as it finds every pre-executed page. :mod:`nqpf.sphinx.ext` connects :func:`execute_uncached`.
"""

from __future__ import annotations

import os
import re
from contextlib import nullcontext
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory

from sphinx.util import logging

__all__ = ["usage_dir", "notebook", "execute_uncached"]

logger = logging.getLogger(__name__)


def usage_dir(app) -> Path:
    """The build's data usage record folder (``_build/.data-usage``)."""
    return Path(app.outdir).parent / ".data-usage"


def notebook(app, docname: str, text: str):
    """The notebook myst-nb makes of this page's final source, and its execution settings, as its parser does
    (myst_nb.sphinx_.Parser.parse: kernel aliases, notebook-level ``mystnb`` metadata); None if the page is not a
    notebook that myst-nb's cache mode would execute."""
    from myst_nb.core.nb_to_tokens import nb_node_to_dict
    from myst_nb.core.read import create_nb_reader

    env = app.env
    config = getattr(env, "mystnb_config", None)
    path = Path(env.doc2path(docname))
    reader = create_nb_reader(str(path), env.myst_config, config, text) if config is not None else None
    if reader is None:
        return None
    nb = reader.read(text)
    kernel = nb.metadata.get("kernelspec", {}).get("name")
    for rgx, alias in (config.kernel_rgx_aliases or {}).items():
        if kernel is not None and re.fullmatch(rgx, kernel):
            nb.metadata["kernelspec"]["name"] = alias
            break
    if config.metadata_key in nb.metadata:
        overrides = nb_node_to_dict(nb.metadata[config.metadata_key])
        overrides.pop("output_folder", None)
        config = config.copy(**overrides)
    if any(PurePosixPath(path.as_posix()).match(p) for p in config.execution_excludepatterns):
        return None
    if config.execution_mode != "cache":
        if config.execution_mode != "off":  # myst-nb would run it in a kernel that is not told its page
            logger.warning("execution mode %r: the page's kernel is not told its page, so the data catalogue would "
                           "miss the files it loads (the book builds with execute_notebooks: cache)",
                           config.execution_mode, location=docname)
        return None
    return nb, path, reader.read_fmt, config


def execute_uncached(app, docname: str, source: list) -> None:
    """A notebook page missing from the cache runs now, in a kernel started with this page's name and the usage
    folder in its own environment, and is cached as myst-nb caches it; myst-nb's parser then finds it in the cache.
    A failed run is not cached: myst-nb executes the page again and reports the error the usual way."""
    from jupyter_cache import get_cache
    from jupyter_cache.cache.db import NbProjectRecord

    from nqpf.sphinx import preexecute
    from nqpf.sphinx.search import prepare

    found = notebook(app, docname, source[0])
    if found is None:
        return
    nb, path, read_fmt, config = found
    cache = get_cache(config.execution_cache_path or ".jupyter_cache")
    # Cached, or cached meanwhile by the pre-execution running beside this build.
    if preexecute.await_page(cache, nb, config.execution_cache_path or ".jupyter_cache", idle=lambda: prepare(app)):
        return
    record = cache.add_nb_to_project(str(path), read_data=read_fmt) if read_fmt else cache.add_nb_to_project(str(path))
    NbProjectRecord.remove_tracebacks([record.pk], cache.db)
    logger.info("executing %s in a kernel of its own", docname)
    with TemporaryDirectory() if config.execution_in_temp else nullcontext(str(path.parent)) as cwd:
        preexecute.execute_and_cache(cache, nb, record.uri, os.path.abspath(cwd), docname, usage_dir(app),
                                     config.execution_timeout, config.execution_allow_errors)
