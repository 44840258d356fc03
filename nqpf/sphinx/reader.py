"""Sphinx extension for the reader's paths: an offline site, downloads and launch buttons.

- The site's JavaScript comes from npm packages pinned with their integrity hashes in ``js/package-lock.json``
  (``make js`` installs them with ``npm ci`` into ``.venv/js``) and is copied into the site's ``_static``, so no page
  asks a CDN for anything and nothing is downloaded while the book builds: MathJax (``_static/mathjax``) and
  DataTables with jQuery (``_static/datatables``).
- Every notebook chapter is also written as a real ``.ipynb`` (jupytext, with a set-up cell for Colab) into
  ``_notebooks/`` of the site; the Pages workflow publishes these files on the ``notebooks`` branch, where the
  Colab button points. Binder runs ``binder/postBuild``, which writes the same notebooks beside the chapters.
- The download menu of every page gets the whole-book PDF (``nqpf-book.pdf``, copied into the site by
  ``make book``) next to the page's ``.ipynb`` and ``.md``.
- Launch buttons (Binder, Colab) and the notebooks' Colab set-up cell exist only when ``repository.url`` in
  ``_config.yml`` names a real public repository; empty (or the old placeholder) means none.
- Tables with the class ``nqpf-datatable`` (``nqpf.render.book.interactive_table``) become sortable, searchable
  and paged with DataTables, with simplified-Chinese controls (``nqpf-tables.js``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

import nbformat
from docutils import nodes
from sphinx.util import logging

from nqpf.core import envinfo
from nqpf.sphinx.ext import fill_commit

logger = logging.getLogger(__name__)

MATHJAX_SCRIPT = "tex-chtml.js"
# The combined builds we do not use (SVG output, MathML input) stay out of the site.
_MATHJAX_KEEP = ("tex-chtml.js", "a11y", "adaptors", "input", "output", "sre", "ui")

DATATABLES_DIR = "datatables"
# Served from _static/datatables, loaded in this order (classic scripts: jQuery before DataTables).
DATATABLES_FILES = {
    "jquery.min.js": "jquery/dist/jquery.min.js",
    "dataTables.min.js": "datatables.net/js/dataTables.min.js",
    "dataTables.dataTables.min.js": "datatables.net-dt/js/dataTables.dataTables.min.js",
    "dataTables.dataTables.min.css": "datatables.net-dt/css/dataTables.dataTables.min.css",
}


def node_modules() -> Path:
    """Where `make js` installs the locked packages: <venv>/js/node_modules (NQPF_JS names another folder)."""
    return Path(os.environ.get("NQPF_JS") or Path(sys.prefix) / "js") / "node_modules"


def installed_mismatches(folder: Path | None = None, lock: Path = envinfo.JS_LOCK) -> list[str]:
    """The locked packages missing from ``folder`` or installed at another version (empty when all match)."""
    folder = folder or node_modules()
    problems = []
    for name, locked in envinfo.js_packages(lock).items():
        manifest = folder / name / "package.json"
        version = json.loads(manifest.read_text(encoding="utf-8"))["version"] if manifest.exists() else None
        if version != locked["version"]:
            problems.append(f"{name} {version or 'missing'} (locked {locked['version']})")
    return problems


def mathjax_dir() -> Path:
    return node_modules() / "mathjax" / "es5"


PLACEHOLDER_HOSTS = ("EXAMPLE-ORG", "executablebooks/jupyter-book")  # the old placeholder, Jupyter Book's default


def is_real_repository(url: str) -> bool:
    """True for a public repository URL the launch buttons can use; False for '' and placeholders."""
    url = (url or "").strip()
    return url.startswith("https://") and not any(p in url for p in PLACEHOLDER_HOSTS)


def _config_inited(app, config):
    # Relative to _static: sphinx.ext.mathjax adds it only to pages that contain math.
    config.mathjax_path = f"mathjax/{MATHJAX_SCRIPT}"
    theme = dict(config.html_theme_options or {})
    if not is_real_repository(theme.get("repository_url", "")):
        # No real repository: a Binder or Colab button could only fail, so there is none.
        theme.pop("launch_buttons", None)
        theme["repository_url"] = ""
    theme["search_bar_text"] = "搜索本书…"  # Jupyter Book sets "Search this book..."
    config.html_theme_options = theme
    # Without a default the theme logs "Got invalid theme mode" as a console error on a first visit.
    html_context = dict(config.html_context or {})
    html_context.setdefault("default_mode", "auto")
    config.html_context = html_context


def _keep(path: str) -> bool:
    parts = Path(path).parts  # relative to the package's mathjax folder
    return parts[0] in _MATHJAX_KEEP and not (len(parts) > 1 and parts[:2] == ("output", "svg"))


def _copy_mathjax(app) -> None:
    src = mathjax_dir()
    dest = Path(app.outdir) / "_static" / "mathjax"

    def ignore(folder, names):
        here = Path(folder).relative_to(src)
        return [n for n in names if not _keep((here / n).as_posix())]

    shutil.copytree(src, dest, ignore=ignore, dirs_exist_ok=True, copy_function=_copy_changed)


def _copy_changed(src: str, dest: str) -> str:
    """shutil.copy2, skipped when ``dest`` is already the copy copy2 made (same size and time): MathJax is copied
    once into a site, not on every build."""
    try:
        a, b = os.stat(src), os.stat(dest)
        if a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns:
            return dest
    except OSError:
        pass
    return shutil.copy2(src, dest)


def reference_resolver(app):
    """Names cross-references as the built book shows them (图 4.2, 表 A.1, 式 (3.1), a section's title)."""
    env = app.env
    std = env.get_domain("std")
    fmt = app.config.numfig_format or {}

    def number(docname, figtype, node_id):
        nums = env.toc_fignumbers.get(docname, {}).get(figtype, {}).get(node_id)
        return ".".join(map(str, nums)) if nums else ""

    def resolve(role: str, target: str) -> str:
        label = target.split("<")[-1].rstrip(">").strip()
        if role == "eq":
            eq = env.get_domain("math").equations.get(label)
            n = number(eq[0], "displaymath", f"equation-{label}") if eq else ""
            return app.config.math_eqref_format.format(number=n) if n else ""
        if role == "numref" and label in std.labels:
            docname, node_id, _ = std.labels[label]
            for figtype in ("figure", "table", "code-block"):
                n = number(docname, figtype, node_id)
                if n:
                    return fmt.get(figtype, "%s") % n
        if role in ("ref", "doc") and label in std.labels:
            return f"“{std.labels[label][2]}”"
        return ""

    return resolve


def _write_notebooks(app) -> None:
    """The site's notebooks read well in plain Jupyter: the download (_sources/, executed) and the Colab copy.

    A page's download is copied from the executed notebook when the page is written, and rewritten here then. Its
    Colab copy is written again when what it is made of differs from the last build's: the page's source, its
    glued values, the repository and the names of the cross-references it holds (kept beside the doctrees, so a
    clean build writes every notebook)."""
    from nqpf.render import notebooks  # jupytext: imported only when notebooks are written

    out = Path(app.outdir) / notebooks.SITE_FOLDER
    executed = Path(app.outdir).parent / "jupyter_execute"
    resolve = reference_resolver(app)
    repo = repository_url(app)
    state_file = Path(app.doctreedir) / NOTEBOOKS_STATE
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    written = getattr(app, "nqpf_written", set())
    for docname in sorted(app.env.found_docs):
        source = Path(app.env.doc2path(docname))
        if source.suffix == ".md" and "kernelspec" in app.env.metadata.get(docname, {}):
            glue = executed / f"{docname}.glue.json"
            values = notebooks.glue_values(glue_json=glue)
            dest = out / f"{docname}.ipynb"
            made_of = {"source": _digest(source), "glue": _digest(glue), "repo": repo}
            last = state.get(docname, {})
            if not dest.exists() or {k: last.get(k) for k in made_of} != made_of or \
                    any(resolve(role, target) != name for role, target, name in last.get("refs", [])):
                refs = []

                def recording(role, target):
                    name = resolve(role, target)
                    refs.append((role, target, name))
                    return name

                notebooks.write_notebook(source, dest, repo_url=repo, values=values, resolve=recording)
                state[docname] = {**made_of, "refs": sorted(set(refs))}
            download = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
            if docname in written and download.exists():  # copied from the executed notebook just now
                nb = notebooks.for_jupyter(nbformat.read(download, as_version=4), values, resolve)
                commit = getattr(app, "nqpf_build_commit", None)
                for cell in nb.cells if commit is not None else []:  # the slot nqpf.sphinx.ext fills in pages
                    if cell.cell_type == "markdown":
                        cell.source = fill_commit(cell.source, commit)
                nbformat.write(nb, download)
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps(state, ensure_ascii=False, sort_keys=True), encoding="utf-8")


# What each Colab notebook was made of in the last build, beside the doctrees (a clean build starts without it).
NOTEBOOKS_STATE = "nqpf-notebooks.json"


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def repository_url(app) -> str:
    url = (app.config.html_theme_options or {}).get("repository_url", "")
    return url if is_real_repository(url) else ""


def _copy_datatables(app) -> None:
    dest = Path(app.outdir) / "_static" / DATATABLES_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for name, path in DATATABLES_FILES.items():
        shutil.copyfile(node_modules() / path, dest / name)


def _copy_javascript(app) -> None:
    """MathJax and DataTables into the site, from the packages `make js` installed (never from the network).

    Before any page is written (builder-inited), so that Sphinx finds the files and adds its checksum (?v=…) to
    their URLs: a reader's browser fetches them again when the lock changes."""
    if app.builder.name != "html":  # the site only: not the EPUB (also an html format)
        return
    problems = installed_mismatches()
    if problems:
        logger.warning("the site's JavaScript does not match js/package-lock.json in %s: %s; run `make js`",
                       node_modules(), "; ".join(problems))
        return
    _copy_mathjax(app)
    _copy_datatables(app)


def _page_written(app, pagename, templatename, context, doctree):
    if doctree is not None:  # a source page, not genindex or search
        app.nqpf_page_written = True  # on the application: this build only, never pickled with the environment
        app.nqpf_written = getattr(app, "nqpf_written", set()) | {pagename}


def _build_finished(app, exc):
    if exc is not None or app.builder.name != "html":  # the site only: not the EPUB (also an html format)
        return
    # The notebooks depend on pages, glued values and numbers: a build that wrote no page (a no-op) changed none,
    # and skipping them keeps a no-op build about a second shorter.
    from nqpf.render.notebooks import SITE_FOLDER

    if getattr(app, "nqpf_page_written", False) or not (Path(app.outdir) / SITE_FOLDER).exists():
        _write_notebooks(app)


def _alt_text(app, doctree, docname):
    """A chart without alt text gets its caption as alt text (screen readers, and images that fail to load)."""
    for figure in doctree.findall(nodes.figure):
        captions = list(figure.findall(nodes.caption))
        if not captions:
            continue
        for image in figure.findall(nodes.image):
            alt = image.get("alt", "")
            if not alt or alt == image.get("uri") or alt.endswith((".png", ".svg", ".jpg")):
                image["alt"] = captions[0].astext()


def _dedupe_scripts(context) -> None:
    """sphinx-thebe registers its inline set-up script twice (a console error: THEBE_JS_URL declared twice)."""
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # One copy is registered with filename None, the other with '': compare what reaches the page.
        key = (getattr(script, "filename", str(script)) or "", tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


# Tooltips the theme leaves in English or in traditional script (列印成 PDF), by button label.
TOOLTIPS_ZH = {
    "download-buttons": "下载本页",
    "download-notebook-button": "下载笔记本（.ipynb，含运行结果）",
    "download-source-button": "下载源文件（MyST Markdown）",
    "download-pdf-button": "打印本页为 PDF",
    "fullscreen-button": "全屏模式",
    "launch-buttons": "在线运行本章",
}


def _page_context(app, pagename, templatename, context, doctree):
    """Runs after sphinx-book-theme built the header buttons (priority 501)."""
    if app.builder.name != "html":
        return
    if "nqpf-datatable" in context.get("body", ""):  # before _dedupe_scripts copies the page's script list
        # Deferred scripts run in page order once the page is parsed: jQuery, DataTables, then the tables' set-up.
        for name in DATATABLES_FILES:
            url = f"{DATATABLES_DIR}/{name}"
            if name.endswith(".css"):
                app.add_css_file(url)
            else:
                app.add_js_file(url, defer="defer")
        app.add_js_file("nqpf-tables.js", defer="defer")
    _dedupe_scripts(context)
    pathto = context["pathto"]
    for group in context.get("header_buttons", []):
        for button in [group, *group.get("buttons", [])]:
            if button.get("label") in TOOLTIPS_ZH:
                button["tooltip"] = TOOLTIPS_ZH[button["label"]]
            elif button.get("text") in ("Binder", "Colab"):
                button["tooltip"] = f"在 {button['text']} 中运行"
        if group.get("label") == "download-buttons":
            if pagename in _chapters(app):  # `make book` writes each chapter's PDF into the site's pdf/ folder
                from nqpf.render.front import pdf_name

                group["buttons"].append({
                    "type": "link",
                    "url": pathto(pdf_name(pagename), 1),
                    "text": "本章 PDF",
                    "tooltip": "下载本章的 PDF（与全书同样排版）",
                    "icon": "fas fa-file-pdf",
                    "label": "download-chapter-pdf-button",
                })
            group["buttons"].append({
                "type": "link",
                "url": pathto("nqpf-book.pdf", 1),
                "text": "全书 PDF",
                "tooltip": "下载整本书的 PDF",
                "icon": "fas fa-book",
                "label": "download-book-pdf-button",
            })
        if group.get("label") == "launch-buttons":
            for button in group["buttons"]:
                button["url"] = launch_url(button["text"], button["url"], pagename, app.config.nqpf_notebooks_branch)


def _chapters(app) -> list[str]:
    """The chapters and appendices of the toc being built (each has its own PDF)."""
    if not hasattr(app, "nqpf_chapters"):
        from nqpf.render.front import chapters

        toc = Path(app.config.external_toc_path)
        app.nqpf_chapters = chapters(toc if toc.is_absolute() else Path(app.srcdir) / toc)
    return app.nqpf_chapters


def _epub_without_scripts(app, pagename, templatename, context, doctree):
    """The EPUB has no scripts (MathJax and DataTables are copied into the site only, and a script makes a page
    "scripted", which e-book readers need not run and epubcheck wants declared); the text reads without them.
    Runs last, after every extension added its scripts (thebe's configuration, the kernel name)."""
    if app.builder.name == "epub":
        context["script_files"] = []
        # myst-nb writes its stylesheet into _static after the EPUB is packed: a link to it would lead nowhere.
        context["css_files"] = [c for c in context.get("css_files", [])
                                if "mystnb." not in str(getattr(c, "filename", c) or "")]


def _epub_without_raw_scripts(app, doctree, docname):
    """Scripts that extensions put into the page itself (thebe's configuration, the kernel name) and inline SVG
    icons (sphinx-design's dropdown markers, invalid where they stand in EPUB's XHTML) leave the EPUB."""
    if app.builder.name == "epub":
        for raw in list(doctree.findall(nodes.raw)):
            if "<script" in raw.astext() or "<svg" in raw.astext():
                raw.parent.remove(raw)


def _offer_notebook(app, pagename, templatename, context, doctree):
    """The executed notebook in _sources/ for the download menu (priority 500, before the theme's buttons).

    sphinx-book-theme copies it only when it also builds launch buttons; without a repository there are none,
    but the page's .ipynb is still worth downloading.
    """
    if app.builder.name != "html" or "kernelspec" not in app.env.metadata.get(pagename, {}):
        return
    if (app.config.html_theme_options or {}).get("launch_buttons"):
        return  # the theme copies it
    executed = Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb"
    if executed.exists():
        dest = Path(app.outdir) / "_sources" / f"{pagename}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(executed, dest)
        context["ipynb_source"] = f"{pagename}.ipynb"


def launch_url(provider: str, url: str, pagename: str, notebooks_branch: str) -> str:
    """Point Binder and Colab at real notebooks instead of the MyST source."""
    md, nb = f"{pagename}.md", f"{pagename}.ipynb"
    if provider == "Colab":
        # .../blob/<branch>/book/x.md -> .../blob/<notebooks branch>/book/x.ipynb (published by the workflow)
        head, _, _ = url.partition("/blob/")
        return f"{head}/blob/{notebooks_branch}/{nb}"
    if provider == "Binder" and url.endswith(md):
        return url[: -len(md)] + nb  # binder/postBuild writes book/x.ipynb
    return url


def setup(app):
    app.add_config_value("nqpf_notebooks_branch", "notebooks", "html")
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _copy_javascript)
    app.connect("build-finished", _build_finished)
    app.connect("doctree-resolved", _alt_text)
    app.connect("html-page-context", _offer_notebook, priority=500)
    app.connect("html-page-context", _page_context, priority=510)
    app.connect("html-page-context", _page_written, priority=900)
    app.connect("html-page-context", _epub_without_scripts, priority=999)
    app.connect("doctree-resolved", _epub_without_raw_scripts, priority=999)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}
