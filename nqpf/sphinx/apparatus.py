"""Sphinx extension for the book's scholarly apparatus.

- The data under every chart and numeric table: the records that ``nqpf.render.chartdata`` glues into a
  notebook are written to ``_data/<name>.csv`` in the HTML site (UTF-8 with BOM) and linked from the figure
  caption (web) or named in it (PDF); a table's placeholder link is pointed at its file. A captioned ``fig-…``
  figure without a record, or a name used twice, is a warning (so the strict build fails).
- ``nqpf``: a pybtex formatting style — Chinese entries (``langid = {chinese}``) in a GB/T 7714-like form
  (作者. 题名[类型]. 出版地: 出版者, 年.), the others author–year; ``author_year_zh``: author–year citations
  with “等” for three or more authors.
- ``bookcitation``: the directive that prints how to cite the book (CITATION.cff) with the build's commit and
  a BibTeX entry.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from nqpf.core.paths import write_atomic
from nqpf.render import chartdata

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------- chart data


def _store(env) -> dict:
    if not hasattr(env, "nqpf_data"):
        env.nqpf_data = {}  # docname -> {name: csv text or None (a diagram)}
    return env.nqpf_data


def _records(app, docname: str) -> dict:
    """The data records of one executed notebook, from the glue file myst-nb writes next to it."""
    folder = Path(app.env.mystnb_config.output_folder) if hasattr(app.env, "mystnb_config") else None
    if folder is None:
        return {}
    path = folder.joinpath(*docname.split("/")).with_suffix(".glue.json")
    if not path.exists():
        return {}
    glued = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for key, output in glued.items():
        if key.startswith(chartdata.PREFIX):
            payload = output.get("data", {}).get(chartdata.MIME)
            if payload is not None:
                out[payload["name"]] = payload["csv"]
    return out


def _figure_name(fig) -> str | None:
    return next((n for n in [*fig.get("names", []), *fig.get("ids", [])] if n.startswith("fig-")), None)


def _doctree_read(app, doctree):
    docname = app.env.docname
    recs = _records(app, docname)
    _store(app.env)[docname] = recs
    for fig in doctree.findall(nodes.figure):
        name = _figure_name(fig)
        if name and name not in recs:
            logger.warning("figure %s has no data record: draw it with nqpf.render.chartdata.show(df, %r)",
                           name, name, location=fig)


def _purge(app, env, docname):
    _store(env).pop(docname, None)


def _merge(app, env, docnames, other):
    _store(env).update({d: v for d, v in _store(other).items() if d in docnames})


def _all_records(env) -> dict:
    out = {}
    for docname, recs in sorted(_store(env).items()):
        for name, csv in recs.items():
            out.setdefault(name, []).append((docname, csv))
    return out


def _consistency(app, env):
    for name, where in _all_records(env).items():
        if len(where) > 1:
            logger.warning("data name %s is used by %s: names must be unique in the book", name,
                           ", ".join(d for d, _ in where))


def _zoom_links(app, doctree, docname) -> None:
    """Every chart opens full size on a tap: its image links to the full-resolution file (a phone can zoom it)."""
    for fig in doctree.findall(nodes.figure):
        for image in list(fig.findall(nodes.image)):
            if isinstance(image.parent, nodes.reference):
                continue
            uri = image.get("uri", "")
            if uri in app.env.images:
                target = f"{app.builder.imagedir}/{app.env.images[uri][1]}"
            elif "://" in uri:
                target = uri
            else:
                continue
            ref = nodes.reference("", "", refuri=relative_uri(app.builder.get_target_uri(docname), target),
                                  classes=["nqpf-zoom"], reftitle="打开原尺寸图片")
            image.replace_self(ref)
            ref += image


def _doctree_resolved(app, doctree, docname):
    recs = {name: where[0][1] for name, where in _all_records(app.env).items()}
    # The site links the data and the full-size images; the EPUB and the PDF name the data file instead (an EPUB
    # may not link a file that is not a page of the book).
    html = app.builder.name == "html"
    if html:
        _zoom_links(app, doctree, docname)
    for fig in doctree.findall(nodes.figure):
        name = _figure_name(fig)
        if not name or recs.get(name) is None:
            continue
        caption = next(iter(fig.findall(nodes.caption)), None)
        if caption is None:
            continue
        file = chartdata.filename(name)
        if html:
            uri = relative_uri(app.builder.get_target_uri(docname), f"{chartdata.DATA_DIR}/{file}")
            ref = nodes.reference("", "下载图中数据（CSV）", refuri=uri, classes=["nqpf-data"])
            caption += [nodes.Text(" "), ref]
        else:
            caption += [nodes.Text(" 图中数据："), nodes.literal(file, file)]
    # A table's download follows its label: table ``tbl-x`` shows the data recorded as ``tab-x``.
    for tab in doctree.findall(nodes.table):
        name = next(("tab-" + i.removeprefix("tbl-") for i in tab["ids"] if i.startswith("tbl-")), None)
        title = next(iter(tab.findall(nodes.title)), None)
        if name is None or title is None or recs.get(name) is None:
            continue
        file = chartdata.filename(name)
        if html:
            uri = relative_uri(app.builder.get_target_uri(docname), f"{chartdata.DATA_DIR}/{file}")
            title += [nodes.Text(" "), nodes.reference("", "下载表中数据（CSV）", refuri=uri, classes=["nqpf-data"])]
        else:
            title += [nodes.Text(" 表中数据："), nodes.literal(file, file)]
    if app.builder.format == "html" and not html:  # the EPUB: data placeholders in raw HTML lose their link
        for raw in list(doctree.findall(nodes.raw)):
            if "nqpf-data:" in raw.astext():
                raw.replace_self(nodes.raw("", re.sub(r'\s*href="nqpf-data:[^"]+"', "", raw.astext()),
                                           format=raw["format"], classes=raw.get("classes", [])))
        return
    if not html:
        # The glossary's index entries would reach makeindex, which mangles UTF-8 (tofu in the PDF's index).
        from sphinx import addnodes

        for glossary in list(doctree.findall(addnodes.glossary)):
            for entry in list(glossary.findall(addnodes.index)):
                entry.parent.remove(entry)
        return
    for raw in list(doctree.findall(nodes.raw)):
        text = raw.astext()
        if "nqpf-data:" not in text or "html" not in raw.get("format", ""):
            continue

        def repl(m):
            return 'href="' + relative_uri(app.builder.get_target_uri(docname), f"{chartdata.DATA_DIR}/{m[1]}") + '"'

        new = nodes.raw("", re.sub(r'href="nqpf-data:([^"]+)"', repl, text), format=raw["format"],
                        classes=raw.get("classes", []))
        raw.replace_self(new)


def write_csv(folder: Path, name: str, csv: str) -> Path:
    """One data file: UTF-8 with BOM so that Excel shows the Chinese headers."""
    path = folder / chartdata.filename(name)
    path.write_text(csv, encoding="utf-8-sig", newline="")
    return path


def _build_finished(app, exception):
    if exception is not None or app.builder.name != "html":
        return
    folder = Path(app.outdir) / chartdata.DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, where in _all_records(app.env).items():
        if where[0][1] is not None:
            write_csv(folder, name, where[0][1])


# ---------------------------------------------------------------------------------------------- bibliography


def pinyin(name: str, cache: Path | None = None) -> str:
    """The pinyin of a Chinese name, spaced (the order of GB/T 7714), kept in the build's cache: importing pypinyin
    takes most of a second of every build, and the bibliography's names rarely change.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> pinyin("国家统计局", folder), pinyin("国家统计局", folder)
    ('guo jia tong ji ju', 'guo jia tong ji ju')
    """
    from importlib.metadata import version

    from nqpf.core.paths import CACHE

    path = (cache or CACHE) / f"pinyin-{version('pypinyin')}.json"
    try:
        known = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    if name not in known:
        from pypinyin import lazy_pinyin

        known[name] = " ".join(lazy_pinyin(name))
        write_atomic(path, json.dumps(known, ensure_ascii=False, sort_keys=True))  # builds may share the cache
    return known[name]


def _bib_style():
    from pybtex.richtext import HRef, Tag, Text
    from pybtex.style import FormattedEntry
    from pybtex.style.formatting import BaseStyle

    def plain(value: str) -> str:
        # LaTeX escapes of the .bib file (\%, \_) and protective braces are not for the reader.
        return re.sub(r"\\([%_&$#])", r"\1", value).replace("{", "").replace("}", "").replace("--", "–")

    class BookStyle(BaseStyle):
        default_sorting_style = "author_year_title"
        default_label_style = "number"

        @staticmethod
        def _names(entry) -> list[str]:
            return [plain(" ".join(p.last_names)) if not p.first_names and not p.middle_names else
                    (plain(" ".join(p.last_names)), [plain(x) for x in p.first_names + p.middle_names])
                    for p in entry.persons.get("author", [])]

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.sort = self._sort  # BaseStyle binds its sorting plugin's sort() to the instance

        def _sort(self, entries):
            # English works first (by name), then Chinese ones by the pinyin of the author (GB/T 7714), then the
            # five seed documents (the corpus under study).
            def key(entry):
                zh = entry.fields.get("langid", "").lower() == "chinese"
                group = 2 if entry.key.startswith("seed") else int(zh)
                names = [plain(" ".join(p.last_names)) for p in entry.persons.get("author", [])]
                if zh:
                    names = [pinyin(n) for n in names]
                return group, names, entry.fields.get("year", ""), plain(entry.fields.get("title", ""))

            return sorted(entries, key=key)

        def format_entry(self, label, entry, bib_data=None):
            f = {k: plain(v) for k, v in entry.fields.items()}
            zh = f.get("langid", "").lower() in {"chinese", "zh", "zh-cn", "zh-hant"}
            if zh and f.get("year") == "n.d.":
                f["year"] = "[出版年不详]"
            text = self._zh(entry, f) if zh else self._en(entry, f)
            return FormattedEntry(entry.key, text, label)

        def _links(self, f):
            parts = []
            if f.get("doi"):
                url = "https://doi.org/" + f["doi"]
                parts += [HRef(url, url), ". "]
            elif f.get("url"):
                parts += [HRef(f["url"], f["url"]), ". "]
            return parts

        def _zh(self, entry, f):
            """GB/T 7714-2015 (顺序编码制 forms): [J] 刊名, 年, 卷(期): 页码; [N] 报纸名, 日期(版次); [M]/[R]
            出版地: 出版者, 年; a work read online gets /OL, its URL and the date it was read ([引用日期])."""
            names = [n if isinstance(n, str) else " ".join([n[0], *n[1]]) for n in self._names(entry)]
            authors = ", ".join(names[:3]) + (", 等" if len(names) > 3 else "")
            kind = f.get("type") or {"article": "N" if f.get("journal", "").endswith("报") else "J",
                                     "book": "M"}.get(entry.type, "Z")
            online = bool(f.get("url")) and not kind.endswith("/OL")
            parts = [authors, ". ", f["title"], f"[{kind}{'/OL' if online else ''}]", ". "]
            if kind == "J":
                parts += [f["journal"], ", ", f["year"]]
                if f.get("volume"):
                    parts += [", ", f["volume"]]
                if f.get("number"):
                    parts += [f"({f['number']})"]
                if f.get("pages"):
                    parts += [": ", f["pages"]]
            elif kind == "N":
                parts += [f["journal"] + ", " if f.get("journal") else "", f.get("date") or f["year"]]
                if f.get("pages"):
                    parts += [f"({f['pages']})"]
            else:
                where = ": ".join(x for x in (f.get("address"), f.get("publisher")) if x)
                parts += [where + ", " if where else "", f["year"]]
                if f.get("date"):
                    parts += [f"（{f['date']}）"]
            if f.get("urldate") and (f.get("url") or f.get("doi")):
                parts += [f"[{f['urldate']}]"]
            parts += [". "]
            parts += self._links(f)
            if f.get("note"):
                parts += [f["note"], "."]
            return Text(*parts)

        def _en(self, entry, f):
            names = []
            for i, n in enumerate(self._names(entry)):
                if isinstance(n, str):
                    names.append(n)
                else:
                    initials = " ".join(x[0] + "." for x in n[1])
                    names.append(f"{n[0]}, {initials}" if i == 0 else f"{initials} {n[0]}")
            authors = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            parts = [authors, f" ({f['year']}). "]
            if entry.type == "article":
                parts += ["“", f["title"], ".” ", Tag("em", f["journal"])]
                if f.get("volume"):
                    parts += [" " + f["volume"] + (f"({f['number']})" if f.get("number") else "")]
                if f.get("pages"):
                    parts += [": " + f["pages"].replace("--", "–")]
                parts += [". "]
            else:
                parts += [Tag("em", f["title"]), ". "]
                if f.get("publisher") and f["publisher"] not in authors:
                    parts += [f["publisher"], ". "]
            parts += self._links(f)
            if f.get("urldate") and f.get("url"):
                parts += [f"Accessed {f['urldate']}. "]
            if f.get("note"):
                parts += [f["note"], "."]
            return Text(*parts)

    return BookStyle


def _reference_style():
    from pybtex.richtext import Text
    from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def brackets():
        return BracketStyle(left="（", right="）", sep="；")

    @dataclass
    class AuthorYearZh(AuthorYearReferenceStyle):
        # Chinese prose: “Feenstra 等（2015）”, “（Bosworth 和 Collins，2008；国家统计局，2024）”.
        bracket_textual: BracketStyle = field(default_factory=brackets)
        bracket_parenthetical: BracketStyle = field(default_factory=brackets)
        bracket_author: BracketStyle = field(default_factory=brackets)
        bracket_label: BracketStyle = field(default_factory=brackets)
        bracket_year: BracketStyle = field(default_factory=brackets)
        person: PersonStyle = field(default_factory=lambda: PersonStyle(
            sep2=Text(" 和 "), last_sep=Text(" 和 "), sep=Text("、"), other=Text(" 等")))
        author_year_sep: str = "，"
        text_reference_sep: str = ""

    return AuthorYearZh


class FlatBibliography(SphinxPostTransform):
    """The bibliography as plain entries, where the page puts it.

    The citations use author–year labels, so the list's numeric labels mean nothing; and the LaTeX builder would
    move every citation node to a \\thebibliography at the end of the PDF, away from the 参考文献 page. Each
    citation becomes a paragraph headed by a target with the citation's ids, so in-text links still land on it
    (a \\label in the PDF, an anchor on the web).
    """

    default_priority = 700  # after references are resolved, before Sphinx's BibliographyTransform (750)

    def run(self, **kwargs):
        html = self.app.builder.format == "html"
        for cit in list(self.document.findall(nodes.citation)):
            # The web (and the EPUB) carry the ids on the paragraph itself: a target inside it as well gave every
            # entry its id twice (invalid XHTML); LaTeX needs the target for its \label.
            para = nodes.paragraph(classes=["nqpf-bib-entry"], ids=list(cit["ids"]) if html else [])
            if not html:
                para += nodes.target("", "", ids=list(cit["ids"]))
            for child in cit.children:
                if isinstance(child, nodes.label):
                    continue
                para.extend(child.children if isinstance(child, nodes.paragraph) else [child])
            cit.replace_self(para)


# ---------------------------------------------------------------------------------------------- citation


class BookCitation(SphinxDirective):
    """How to cite the book: the citation sentence and a BibTeX entry, with the commit of this build."""

    has_content = False

    def run(self):
        from nqpf.core import citation
        self.env.note_dependency(str(citation.CFF))
        meta = citation.load()
        from nqpf.sphinx import ext

        # With nqpf.sphinx.ext the commit is filled in when the page is written (a new commit reads no page again).
        commit = ext.COMMIT_SLOT if hasattr(self.env.app, "nqpf_build_commit") else ext.build_commit()
        para = nodes.paragraph()
        para += nodes.Text(citation.sentence(meta, commit))
        block = nodes.literal_block(citation.bibtex(meta, commit), citation.bibtex(meta, commit), language="bibtex")
        return [para, block]


def _config_inited(app, config):
    # The .bib path in _config.yml is relative to the project; a book built from another source folder (a test's
    # one-page book) would not find it there.
    from nqpf.core.paths import ROOT

    files = []
    for name in getattr(config, "bibtex_bibfiles", None) or []:
        path = Path(app.confdir) / name
        files.append(str(path if path.exists() else ROOT / name))
    config.bibtex_bibfiles = files


def _plugins_found_once(plugin) -> None:
    """sphinxcontrib-bibtex makes a new pybtex style for every citation, and pybtex looks each of its parts up in the
    entry points of every installed package again (about 20 ms a lookup, over a second a build). A plugin found is
    the same class on every lookup: each is looked up once (one not found still raises each time)."""
    if not hasattr(plugin._load_entry_point, "cache_info"):
        plugin._load_entry_point = functools.cache(plugin._load_entry_point)


def setup(app):
    import pybtex.plugin
    from sphinxcontrib.bibtex.plugin import register_plugin

    pybtex.plugin.register_plugin("pybtex.style.formatting", "nqpf", _bib_style())
    _plugins_found_once(pybtex.plugin)
    register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_zh", _reference_style())
    app.connect("config-inited", _config_inited)
    app.connect("doctree-read", _doctree_read)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-check-consistency", _consistency)
    app.connect("doctree-resolved", _doctree_resolved)
    app.connect("build-finished", _build_finished)
    app.add_directive("bookcitation", BookCitation)
    app.add_post_transform(FlatBibliography)
    app.add_css_file("apparatus.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}
