"""Sphinx extension for the book: Chinese search set-up, build facts, and cited seed quotations.

- ``html_search_options['dict']`` points at the project's one user dictionary (an absolute path: a wrong
  relative path would be silently ignored by Sphinx).
- ``{{ build_commit }}`` is the git commit the book was built from, put into a page's source when it is read;
  only the pages showing it are read again when the commit changes.
- ``{seed}`000:6``` renders a citation 〔种子000，第6行〕 and warns (failing the strict build) if the line does
  not exist.
- The ``seedquote`` directive renders a quotation and warns unless the text really stands in the cited lines.
- Data usage is recorded where it happens: each page's kernel knows the page (``NQPF_DOCNAME``) and the loader
  notes the files it loads (:mod:`nqpf.core.usage`). The name is given to that one kernel, never put into this
  process's environment: a page that misses the notebook cache is executed when its source is read, in a kernel
  started with its own name (:mod:`nqpf.sphinx.kernels`, as the pre-execution does), and
  cached, so myst-nb reads it from the cache like a pre-executed page (pages read in parallel cannot see each
  other's names). Pages that read the record (the data catalogue) are read last and again whenever another page
  is read, and their code carries the record's hash, so a changed record re-executes them while a no-op build
  stays a no-op.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from nqpf.core import seeds, usage
from nqpf.core.errors import NqpfError
from nqpf.core.paths import ROOT, USERDICT
from nqpf.core.text import quiet_jieba
from nqpf.sphinx import kernels
from nqpf.sphinx.search import SearchChinese

logger = logging.getLogger(__name__)


_parse_ref = seeds.parse_ref


def build_commit() -> str:
    from nqpf.core.envinfo import git_commit

    commit, dirty = git_commit(ROOT)
    return commit + ("（工作区有未提交修改）" if dirty else "")


class SeedRole(SphinxRole):
    def run(self):
        try:
            sid, first, last = _parse_ref(self.text)
            seeds.line(sid, last)
            text = seeds.cite(sid, first, last)
        except (ValueError, NqpfError) as exc:
            logger.warning("bad seed citation %r: %s", self.text, exc, location=self.get_location())
            text = f"〔{self.text}〕"
        return [nodes.inline(text, text, classes=["seed-cite"])], []


class SeedQuote(SphinxDirective):
    required_arguments = 1  # 000:6 or 003:120-122
    has_content = True
    option_spec = {"class": directives.class_option}

    def run(self):
        ref = self.arguments[0]
        quote = "\n".join(self.content).strip()
        try:
            sid, first, last = _parse_ref(ref)
            if not seeds.find_quote(sid, first, last, quote):
                logger.warning("quotation not found in seed %s lines %s-%s: %.30s…", sid, first, last, quote,
                               location=self.get_location())
            cite = seeds.cite(sid, first, last)
        except (ValueError, NqpfError) as exc:
            logger.warning("bad seed quotation reference %r: %s", ref, exc, location=self.get_location())
            cite = ref
        block = nodes.block_quote(classes=["seed-quote"])
        para = nodes.paragraph()
        para += nodes.Text(f"“{quote}”")
        block += para
        block += nodes.attribution(cite, cite)
        return [block]


def _cjk_fonts_tex() -> str:
    """xeCJK font set-up from the pip font package, so the PDF needs no system CJK font."""
    # The folder of nqpf.render.plotting.cjk_font_file, found without importing plotting (matplotlib: about a
    # second of every build, the site's included).
    import pylopdf_fonts_zh_cn

    folder = Path(pylopdf_fonts_zh_cn.__file__).parent.as_posix() + "/"
    opts = f"Path={folder},AutoFakeBold=2.5,AutoFakeSlant=0.2"
    return (
        f"\\setCJKmainfont{{NotoSerifSC-Regular.otf}}[{opts}]\n"
        f"\\setCJKsansfont{{NotoSansSC-Regular.otf}}[{opts}]\n"
        f"\\setCJKmonofont{{NotoSansSC-Regular.otf}}[{opts}]\n"
        # Greek (σ收敛, β收敛) and relations (≥, ≤, ≈) in prose and tables: Latin Modern lacks them, Noto CJK has them.
        "\\xeCJKDeclareCharClass{CJK}{\"0391 -> \"03A9, \"03B1 -> \"03C9, \"2248, \"2260, \"2264, \"2265}\n"
    )


def _config_inited(app, config):
    quiet_jieba()  # Sphinx's zh search segments with jieba's default tokenizer
    options = dict(config.html_search_options or {})
    options["dict"] = str(USERDICT)
    config.html_search_options = options
    # The book's own CSS, by absolute path so builds of other source folders (tests, subsets) find it too.
    static = str(ROOT / "book" / "_static")
    if static not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, static]
    templates = str(ROOT / "book" / "_templates")  # theme buttons with Chinese tooltips
    if templates not in config.templates_path:
        config.templates_path = [templates, *config.templates_path]
    if "nqpf.css" not in config.html_css_files:
        config.html_css_files = [*config.html_css_files, "nqpf.css"]
    elements = dict(config.latex_elements or {})
    elements["preamble"] = _cjk_fonts_tex() + elements.get("preamble", "")
    config.latex_elements = elements
    app.nqpf_build_commit = build_commit()
    if not config.version:  # the EPUB's metadata carries the book's version (an empty one is invalid there)
        from nqpf import __version__

        config.version = config.release = __version__


def _chapter_documents(app, env):
    """`make chapter-pdfs`: one LaTeX document per chapter and appendix instead of the whole book. Set once the
    sources are read (jupyter-book rewrites latex_documents after the configuration is read)."""
    toc = os.environ.get(CHAPTER_PDFS)
    if not toc or app.builder.name != "latex":
        return
    from nqpf.render import front

    config = app.config
    author = config.latex_documents[0][3] if config.latex_documents else config.author
    docclass = config.latex_documents[0][4] if config.latex_documents else "manual"
    config.latex_documents = [(d, name, front.chapter_title(d), author, docclass)
                              for d, name in zip(front.chapters(toc), front.tex_names(toc))]


# `make chapter-pdfs` sets this to the toc: the LaTeX builder then writes one document per chapter.
CHAPTER_PDFS = "NQPF_CHAPTER_PDFS"


APPENDIX_PREFIX = "附录："
# The number formats of a {numref} to a whole chapter or appendix (numfig_format's section format is for sections).
CHAPTER_FORMAT, APPENDIX_FORMAT = "第 %s 章", "附录 %s"


def appendix_reference(letter: str, title: str) -> str:
    """How prose names an appendix: its letter and its title without the 附录： prefix.

    >>> appendix_reference("B", "附录：事实核查"), appendix_reference("", "附录：事实核查")
    ('附录 B“事实核查”', '附录“事实核查”')
    """
    title = title.removeprefix(APPENDIX_PREFIX)
    return f"附录 {letter}“{title}”" if letter else f"附录“{title}”"


class AppendixReferences(SphinxPostTransform):
    """Cross-references to whole chapters and appendices, named as the book names them.

    A {ref} to an appendix printed its title, 附录：事实核查, after prose that already said 附录 (附录附录：事实核查);
    it now prints 附录 B“事实核查” and a 附录 just before it is dropped. A {numref} to a chapter says 第 3 章, to an
    appendix 附录 B (the section format 第 %s 节 is for sections).
    """

    default_priority = 5  # before Sphinx resolves references (10)

    def run(self, **kwargs):
        from sphinx import addnodes

        env = self.env
        std = env.get_domain("std")
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("refdomain") != "std" or xref.get("reftype") not in ("ref", "numref") \
                    or xref.get("refexplicit"):
                continue
            docname, _, sectname = std.labels.get(xref["reftarget"], (None, None, None))
            title = env.titles.get(docname)
            if title is None or sectname != title.astext():
                continue  # a section, figure or table inside a page
            appendix = sectname.startswith(APPENDIX_PREFIX)
            if xref["reftype"] == "numref":
                text = APPENDIX_FORMAT if appendix else CHAPTER_FORMAT
            elif appendix:
                nums = env.toc_secnumbers.get(docname, {}).get("") or ("",)
                text = appendix_reference(str(nums[0]), sectname)
                _drop_word_before(xref, "附录")
            else:
                continue
            xref["refexplicit"] = True
            xref.children = [nodes.inline(text, text, classes=["xref", "std", f"std-{xref['reftype']}"])]
            xref.children[0].parent = xref


def _drop_word_before(node, word: str) -> None:
    """Remove ``word`` (and a space) where the text just before ``node`` ends with it."""
    parent = node.parent
    i = parent.index(node)
    if i == 0 or not isinstance(parent[i - 1], nodes.Text):
        return
    before = str(parent[i - 1])
    stripped = before.rstrip()
    if stripped.endswith(word):
        parent[i - 1] = nodes.Text(stripped[: -len(word)])


def _latex_appendices(app, doctree, docname):
    """In the PDF, chapters titled 附录：… follow \\appendix (附录 A, B, …) and drop the now redundant prefix; the
    back matter after them (the toc's unnumbered part: glossary, references) is set without numbers, as on the web."""
    if app.builder.name != "latex":
        return
    from sphinx import addnodes

    if os.environ.get(CHAPTER_PDFS):
        _chapter_number(app, doctree, docname)
        return
    starts = list(doctree.findall(addnodes.start_of_file))
    if starts and starts[0].parent is not None:
        # The front page's own sections (key findings, chapters, citation) are front matter: unnumbered chapters,
        # and the first real chapter is 第 1 章.
        doctree.insert(0, nodes.raw("", "\\setcounter{secnumdepth}{-1}\n", format="latex"))
        starts[0].parent.insert(starts[0].parent.index(starts[0]), nodes.raw(
            "", "\\setcounter{secnumdepth}{2}\\setcounter{chapter}{0}\n", format="latex"))
    first, numbered_seen, back = True, False, False
    for start in starts:
        numbered = bool(app.env.toc_secnumbers.get(start.get("docname"), {}).get(""))
        if numbered:
            numbered_seen = True
        elif numbered_seen and not back:  # the first unnumbered page after the numbered ones
            start.parent.insert(start.parent.index(start), nodes.raw("", "\\setcounter{secnumdepth}{-1}\n",
                                                                     format="latex"))
            back = True
        section = next(start.findall(nodes.section), None)
        title = section[0] if section is not None and len(section) and isinstance(section[0], nodes.title) else None
        if title is None or not title.astext().startswith(APPENDIX_PREFIX):
            continue
        if first:
            start.parent.insert(start.parent.index(start), nodes.raw("", "\\appendix\n", format="latex"))
            first = False
        text = title.astext()[len(APPENDIX_PREFIX):]
        title.children = [nodes.Text(text)]


def _chapter_number(app, doctree, docname):
    """A chapter's own PDF numbers it as the book does: 第 3 章 and 图 3.1 for the third chapter, 附录 B and 图 B.1
    for the second appendix (the counters are set before the chapter starts)."""
    nums = app.env.toc_secnumbers.get(docname, {}).get("") or ()
    section = next(doctree.findall(nodes.section), None)
    if not nums or section is None:
        return
    number = nums[0]
    if isinstance(number, int):
        tex = f"\\setcounter{{chapter}}{{{number - 1}}}\n"
    else:
        tex = f"\\appendix\\setcounter{{chapter}}{{{ord(str(number)) - ord('A')}}}\n"
    title = section[0] if len(section) and isinstance(section[0], nodes.title) else None
    if title is not None and title.astext().startswith(APPENDIX_PREFIX):
        title.children = [nodes.Text(title.astext()[len(APPENDIX_PREFIX):])]
    # LaTeX takes the document's first title as the PDF's title and sets the sections under it one level up
    # (the chapter's 1.1 would become a chapter). A wrapper section carries that title, so the chapter stays a
    # chapter and its sections sections, as in the whole book.
    parent, index = section.parent, section.parent.index(section)
    parent.remove(section)
    wrapper = nodes.section("", nodes.title("", title.astext() if title is not None else docname))
    wrapper += nodes.raw("", tex, format="latex")
    wrapper += section
    parent.insert(index, wrapper)


def _appendix_numbers(app, env):
    """Put back the numbers Sphinx gave the appendices before it numbers the toc again and compares: with the
    letters left in place every build found the appendices renumbered and rewrote them (a no-op was not one)."""
    for docname, (secnumbers, fignumbers) in getattr(env, "nqpf_appendix_numbers", {}).items():
        if docname in env.toc_secnumbers:
            env.toc_secnumbers[docname] = secnumbers
        if docname in env.toc_fignumbers:
            env.toc_fignumbers[docname] = fignumbers
    return []


def _appendix_letters(app, env):
    """On the web, number the appendices A, B, C as the PDF does (\\appendix), in headings, the sidebar, and the
    numbers of their figures and tables (图 A.1 on both)."""
    numbered = {d: n[""][0] for d, n in env.toc_secnumbers.items() if n.get("") and len(n[""]) == 1}
    appendices = sorted((num, d) for d, num in numbered.items() if isinstance(num, int)
                        and d in env.titles and env.titles[d].astext().startswith(APPENDIX_PREFIX))
    env.nqpf_appendix_numbers = {
        d: (dict(env.toc_secnumbers[d]), {t: dict(ids) for t, ids in env.toc_fignumbers.get(d, {}).items()})
        for _, d in appendices}
    for i, (_, docname) in enumerate(appendices):
        letter = chr(ord("A") + i)

        def relabel(numbers, letter=letter):
            return (letter, *numbers[1:]) if numbers and isinstance(numbers[0], int) else numbers

        env.toc_secnumbers[docname] = {k: relabel(v) for k, v in env.toc_secnumbers[docname].items()}
        for figtype, ids in env.toc_fignumbers.get(docname, {}).items():
            env.toc_fignumbers[docname][figtype] = {k: relabel(v) for k, v in ids.items()}
        for ref in env.tocs[docname].findall(nodes.reference):
            if ref.get("secnumber"):
                ref["secnumber"] = relabel(tuple(ref["secnumber"]))
        if env.titles[docname].get("secnumber"):  # previous/next links
            env.titles[docname]["secnumber"] = relabel(tuple(env.titles[docname]["secnumber"]))
    return []


def _latex_small_abstracts(app, doctree, docname):
    """The English abstract (class abstract-en, folded on the web) is set in a smaller size in the PDF."""
    if app.builder.name != "latex":
        return
    for node in list(doctree.findall(nodes.Element)):
        if "abstract-en" in node.get("classes", []) and node.parent is not None:
            parent = node.parent
            parent.insert(parent.index(node), nodes.raw("", "\\begingroup\\footnotesize\n", format="latex"))
            parent.insert(parent.index(node) + 1, nodes.raw("", "\\endgroup\n", format="latex"))


EXEC_TABLE_ZH = {"Document": "章节", "Modified": "最后修改", "Method": "执行方式", "Run Time (s)": "运行时间（秒）",
                 "Status": "状态", "cache": "缓存", "force": "强制", "auto": "自动",
                 # myst-nb's status marks are emoji, which many readers' fonts (and the PDF's) lack: shown as boxes
                 "✅": "成功", "❌": "失败"}


def _exec_table_zh(app, doctree, docname):
    """The {nb-exec-table} of the reproducibility appendix, with Chinese headers and methods."""
    for table in doctree.findall(nodes.table):
        if "Run Time (s)" not in table.astext():
            continue
        for entry in table.findall(nodes.entry):
            for text in list(entry.findall(nodes.Text)):
                if str(text) in EXEC_TABLE_ZH:
                    text.parent.replace(text, nodes.Text(EXEC_TABLE_ZH[str(text)]))


# A page reads the usage record if its code builds the data catalogue.
USAGE_READER = "catalogue_with_usage("


_usage_dir = kernels.usage_dir


def _pages_with(env, *marks: str) -> list[str]:
    """The pages whose source holds any of ``marks``, sorted."""
    return sorted(d for d in env.found_docs
                  if any(m in Path(env.doc2path(d)).read_text(encoding="utf-8") for m in marks))


def _readers(app, env) -> list[str]:
    return _pages_with(env, USAGE_READER)


# Pages that show the commit of the build. A page holds a slot for it, filled when the page is written: a commit
# that changes (or a tree that turns dirty, as an edit does) rewrites those pages without reading them again. (A MyST
# substitution is a config value: every commit, or any edit that made the tree dirty, re-read the whole book.)
COMMIT_MARK = "{{ build_commit }}"
COMMIT_USERS = (COMMIT_MARK, "{bookcitation}")
COMMIT_SLOT = "NQPFBUILDCOMMIT"  # in a page's source and doctree until it is written


def _commit_updated(app, env):
    """When the commit (or the tree's dirty state) differs from the last build's, its pages are written again."""
    if getattr(env, "nqpf_build_commit", None) == app.nqpf_build_commit:
        return []
    env.nqpf_build_commit = app.nqpf_build_commit
    return _pages_with(env, *COMMIT_USERS)


def fill_commit(text: str, commit: str) -> str:
    return text.replace(COMMIT_SLOT, commit)


def _put_commit(app, doctree, docname):
    """The build's commit where the page holds its slot: in text, and in code blocks' source (highlighted from it)."""
    commit = app.nqpf_build_commit
    for text in list(doctree.findall(nodes.Text)):
        if COMMIT_SLOT in text:
            text.parent.replace(text, nodes.Text(fill_commit(str(text), commit)))
    for block in doctree.findall(nodes.literal_block):
        if COMMIT_SLOT in block.rawsource:
            block.rawsource = fill_commit(block.rawsource, commit)


def _outdated(app, env, added, changed, removed):
    """When any other page is read (and so may load other files), the catalogue is read again too."""
    readers = _readers(app, env)
    return readers if (set(added) | set(changed) | set(removed)) - set(readers) else []


def _read_order(app, env, docnames):
    """Pages that read the usage record come last, after every page that writes it. While the pre-execution runs
    beside Sphinx, the other pages are read in the order their notebooks are expected to be ready (pages that are
    no notebook first)."""
    usage.write_pages(env.found_docs, _usage_dir(app))
    readers = set(_readers(app, env))
    from nqpf.sphinx import preexecute  # jupyter-cache and nbclient: imported when pages are read, not at start-up

    rank = preexecute.running_ranks(app.env, docnames)
    docnames[:] = sorted(docnames, key=lambda d: (d in readers, rank.get(d, -1)))


def _source_read(app, docname, source):
    source[0] = source[0].replace(COMMIT_MARK, COMMIT_SLOT)
    if USAGE_READER in source[0]:
        # The record's hash in the page's code: jupyter-cache re-executes the page when the record changes.
        source[0] += usage.digest_cell(_usage_dir(app))


# Figure numbering and {numref} read little of a page, but Sphinx unpickles the whole page for them: every doctree
# of the book once per build to number the figures (TocTreeCollector.assign_figure_numbers, even when one page was
# read), and each page a {numref} points to (StandardDomain._resolve_numref_xref). Each page's outline is kept in
# the environment when the page is read instead: its sections, toctrees and numbered nodes (figures, tables,
# captioned code, equations) with their titles and captions, and a stub (class, attributes, children's classes) for
# every other node with an id. Both read the outline where they read the doctree, and find there what they would
# have found in the page (the same nodes, classes, attributes, ids and titles, in the same order).


class _Outline(nodes.Element):
    """A page's outline; ``ids`` maps each id of the page to its node here, as ``document.ids`` does."""

    def __init__(self):
        super().__init__()
        self.ids: dict[str, nodes.Element] = {}


def _figtype(env):
    """The numbered type of a node, as TocTreeCollector.assign_figure_numbers decides it (None: not numbered)."""
    std = env.get_domain("std")

    def figtype(node):
        for domain in env.domains.values():
            kind = domain.get_enumerable_node_type(node)
            if domain.name == "std" and not std.get_numfig_title(node):
                continue
            if kind:
                return kind
        return None

    return figtype


def _stub(node: nodes.Element) -> nodes.Element:
    """A node's class and attributes, with its element children's (what decides its enumerable type)."""
    stub = node.copy()
    stub.extend(child.copy() for child in node.children if isinstance(child, nodes.Element))
    return stub


def outline(env, doctree: nodes.Element) -> _Outline:
    """The outline of a page: numbering walks it as it walks the page, and finds the same numbered nodes."""
    from sphinx import addnodes

    figtype = _figtype(env)
    copies: dict[int, nodes.Element] = {}

    def walk(node):
        if isinstance(node, addnodes.toctree):
            copy = copies[id(node)] = node.copy()
            return copy
        parts, found = [], isinstance(node, nodes.section) or figtype(node) is not None
        for child in node.children:
            if not isinstance(child, nodes.Element):
                continue
            if isinstance(child, (nodes.caption, nodes.title)):
                parts.append(child.deepcopy())  # read for the number's title
                continue
            sub = walk(child)
            found = found or sub is not None
            parts.append(sub if sub is not None else child.copy())
        if not found:
            return None
        copy = copies[id(node)] = node.copy()
        copy.extend(parts)
        return copy

    root = _Outline()
    for child in doctree.children:
        if isinstance(child, nodes.Element):
            sub = walk(child)
            if sub is not None:
                root += sub
    for node in doctree.findall(nodes.Element):
        for node_id in node["ids"]:
            root.ids.setdefault(node_id, copies.get(id(node)) or _stub(node))
    for top in [root, *root.ids.values()]:
        for node in top.findall():
            node._document = None  # a copy keeps its page's document: pickled with it, the outline was the page
    return root


def _outlines(env) -> dict[str, _Outline]:
    if not hasattr(env, "nqpf_outlines"):
        env.nqpf_outlines = {}
    return env.nqpf_outlines


def _note_outline(app, doctree):
    _outlines(app.env)[app.env.docname] = outline(app.env, doctree)


def _purge_outline(app, env, docname):
    _outlines(env).pop(docname, None)


def _merge_outlines(app, env, docnames, other):
    _outlines(env).update({d: o for d, o in _outlines(other).items() if d in docnames})


class _Outlines:
    """The environment, with pages' outlines for their doctrees (read, never changed)."""

    def __init__(self, env):
        object.__setattr__(self, "_env", env)

    def get_doctree(self, docname: str):
        found = _outlines(self._env).get(docname)
        return found if found is not None else self._env.get_doctree(docname)

    def __getattr__(self, name):
        return getattr(self._env, name)

    def __setattr__(self, name, value):  # assign_figure_numbers sets env.toc_fignumbers
        setattr(self._env, name, value)


def _patch_numbering() -> None:
    from sphinx.domains.std import StandardDomain
    from sphinx.environment.collectors.toctree import TocTreeCollector

    resolve = StandardDomain._resolve_numref_xref
    if getattr(resolve, "nqpf_outline", False):
        return

    def _resolve_numref_xref(self, env, *args, **kwargs):
        return resolve(self, _Outlines(env), *args, **kwargs)

    assign = TocTreeCollector.assign_figure_numbers

    def assign_figure_numbers(self, env):
        return assign(self, _Outlines(env))

    _resolve_numref_xref.nqpf_outline = assign_figure_numbers.nqpf_outline = True
    _resolve_numref_xref.__wrapped__, assign_figure_numbers.__wrapped__ = resolve, assign
    StandardDomain._resolve_numref_xref = _resolve_numref_xref
    TocTreeCollector.assign_figure_numbers = assign_figure_numbers


def _patch_latex_renderer() -> None:
    """Sphinx's LaTeX writer makes a new template renderer for every table, whose new jinja environment compiles the
    table's template again (about a second of the PDF's build for the book's 80 tables). One renderer per engine
    and translations (the templates' 接上页/续下页) serves them all: the same templates, the same output."""
    from sphinx.locale import translators
    from sphinx.writers import latex

    make = latex.LaTeXRenderer
    if getattr(make, "nqpf_shared", False):
        return
    renderers: dict = {}

    def shared(template_path=None, latex_engine=None):
        translations = translators.get(("general", "sphinx"))  # the app's (None: none, as get_translator's default)
        key = (None if template_path is None else tuple(template_path), latex_engine, translations)
        if key not in renderers:
            renderers[key] = make(template_path, latex_engine)
        return renderers[key]

    shared.nqpf_shared = True
    shared.__wrapped__ = make
    latex.LaTeXRenderer = shared


def _pause_gc(app):
    """The LaTeX builder holds the whole book in memory at once (its pages become one document): Python's cyclic
    garbage collector scanned those million objects again and again while finding next to nothing to free, a third of
    the CPU time of the PDF's Sphinx part (2.5 s of 7) and of the chapter documents'. It is paused while the LaTeX
    builder runs, a process that ends soon after (7 MB more memory for the book, 85 MB for the chapter documents);
    what is written does not depend on it."""
    if app.builder.name == "latex" and gc.isenabled():
        gc.disable()
        app.nqpf_gc_paused = True


def _resume_gc(app, exc):
    if getattr(app, "nqpf_gc_paused", False):
        gc.enable()
        app.nqpf_gc_paused = False


def _save_search(app, exc):
    """The search index's segmentations, kept for the next build (nqpf.sphinx.search)."""
    lang = getattr(getattr(app.builder, "indexer", None), "lang", None)
    if exc is None and isinstance(lang, SearchChinese):
        lang.save()


def setup(app):
    _patch_numbering()
    _patch_latex_renderer()
    app.connect("doctree-read", _note_outline, priority=990)  # the page as it is saved, after other handlers
    app.connect("env-purge-doc", _purge_outline)
    app.connect("env-merge-info", _merge_outlines)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-updated", _commit_updated)
    app.connect("env-before-read-docs", _read_order)
    app.connect("source-read", _source_read)
    app.connect("source-read", kernels.execute_uncached, priority=900)  # on the final source: myst-nb's hash
    app.connect("config-inited", _config_inited)
    app.connect("env-get-updated", _appendix_numbers, priority=100)  # before Sphinx numbers the toc (500)
    app.connect("env-get-updated", _appendix_letters, priority=900)  # after it
    app.connect("doctree-resolved", _put_commit, priority=100)  # before the others read the text
    app.connect("doctree-resolved", _exec_table_zh)
    app.connect("doctree-resolved", _latex_appendices)
    app.connect("doctree-resolved", _latex_small_abstracts)
    app.connect("env-updated", _chapter_documents)
    app.add_post_transform(AppendixReferences)
    app.add_search_language(SearchChinese)  # Sphinx's Chinese search: the same index in a fraction of the time
    app.connect("build-finished", _save_search)
    app.connect("builder-inited", _pause_gc)
    app.connect("build-finished", _resume_gc)
    app.add_role("seed", SeedRole())
    app.add_directive("seedquote", SeedQuote)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}
