"""修订记录: the directive ``{nqpf-changes}`` lists every glued value that differs from the latest recorded
edition (``data/editions/``), grouped by chapter, with its recorded reason; a changed value without a reason is a
build warning, which fails the strict build.

The table is made when the page is written (after every notebook of the build has run), from the build's own
``<page>.glue.json`` files. The page is written again whenever what it shows may differ from what it showed when
last written without a warning: any page's glued values or title, the recorded editions or reasons (their digest is
kept beside the doctrees). So it is never stale, a changed value without a reason fails every build until it has
one, and neither a no-op build nor an edit that changes no value writes it (or loads pandas for it).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

STATUS_ZH = {"changed": "数值改变", "new": "新增", "removed": "删除"}
HEADERS = ("名称", "上一版", "本版", "原因")


class changes_node(nodes.General, nodes.Element):
    """Placeholder, replaced by the tables when the page is written."""


class ChangesDirective(SphinxDirective):
    has_content = False

    def run(self):
        self.env.nqpf_changes_doc = self.env.docname
        return [changes_node()]


def _table(rows, widths=(28, 22, 22, 28)) -> nodes.table:
    # colwidths-given: the PDF gets wrapping p{} columns of these widths, not l columns as wide as the longest cell
    table = nodes.table(classes=["longtable", "colwidths-given", "nqpf-changes"])
    group = nodes.tgroup(cols=len(HEADERS))
    table += group
    for w in widths:
        group += nodes.colspec(colwidth=w)
    head = nodes.thead()
    group += head
    body = nodes.tbody()
    group += body
    for target, cells in ((head, [HEADERS]), (body, rows)):
        for cells_row in cells:
            row = nodes.row()
            for cell in cells_row:
                entry = nodes.entry()
                entry += nodes.paragraph("", "", *_breakable(str(cell)))
                row += entry
            target += row
    return table


_BREAK_AFTER = re.compile(r"(?<=[_/.·、@])")


def _breakable(text: str) -> list[nodes.Node]:
    """Text the PDF may break after _ / . · 、 @ (glue names and file paths are long unbroken runs)."""
    out = []
    for i, part in enumerate(p for p in _BREAK_AFTER.split(text) if p):
        if i:
            out.append(nodes.raw("", r"\allowbreak{}", format="latex"))
        out.append(nodes.Text(part))
    return out


def _remember(app, clean: bool) -> None:
    """Keep the digest of what the page now shows; none after a warning, so that the next build warns again."""
    state = Path(app.doctreedir) / STATE
    if clean:
        state.write_text(_shown(app), encoding="utf-8")
    else:
        state.unlink(missing_ok=True)


def _titles(app) -> dict[str, str]:
    env = app.builder.env
    return {d: (env.titles[d].astext() if d in env.titles else d) for d in env.found_docs}


def _shown_rows(app, docname) -> tuple[str, list, bool]:
    """What the page shows: its summary line, each page's title and rows, and whether no value lacks a reason. Kept
    beside the doctrees with the digest it was made from (when no value lacks one): a builder that starts from
    another's doctrees (the PDF from the site's) finds it there and neither imports pandas nor compares again."""
    shown = _shown(app)
    kept_path = Path(app.doctreedir) / ROWS
    try:
        kept = json.loads(kept_path.read_text(encoding="utf-8"))
        if kept["shown"] == shown:
            return kept["summary"], kept["sections"], True
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from nqpf.render import editions  # pandas: imported only when the page is written

    build = Path(app.outdir).parent / "jupyter_execute"
    version = editions.latest()
    if version is None:
        summary, sections, clean = "尚无已发布的版本记录。", [], True
    else:
        table = editions.diff(editions.load_edition(version), editions.glued_values(build), editions.reasons())
        unexplained = editions.unexplained(table)
        for r in unexplained.itertuples():
            logger.warning(f"glued value {r.key} changed since edition {version} ({r.old!r} -> {r.new!r}) with no "
                           f"reason in data/editions/reasons.csv", location=docname)
        clean = unexplained.empty
        titles = _titles(app)
        summary = (f"与第 {version} 版相比：数值改变 {(table['status'] == 'changed').sum()} 项，"
                   f"新增 {(table['status'] == 'new').sum()} 项，"
                   f"删除 {(table['status'] == 'removed').sum()} 项。")
        sections = []
        for page, group in table.groupby("page", sort=False):
            rows = []
            for r in group.itertuples():
                reason = r.reason or {"new": "（本版新增）", "removed": "（本版删除）"}.get(r.status, "")
                rows.append([f"{r.name}（{STATUS_ZH[r.status]}）", r.old or "—", r.new or "—", reason])
            sections.append([titles.get(page, page), rows])
    if clean:
        kept_path.write_text(json.dumps({"shown": shown, "summary": summary, "sections": sections},
                                        ensure_ascii=False), encoding="utf-8")
    else:
        kept_path.unlink(missing_ok=True)
    return summary, sections, clean


def _resolve(app, doctree, docname):
    found = list(doctree.findall(changes_node))
    if not found:
        return
    summary, sections, clean = _shown_rows(app, docname)
    _remember(app, clean=clean)
    out = [nodes.paragraph(text=summary)]
    for title, rows in sections:
        out.append(nodes.rubric(text=title))
        out.append(_table(rows))
    for node in found:
        node.replace_self(out)


# Beside the doctrees: the digest of what the page showed when it was last written without a warning.
STATE = "nqpf-changes.json"
ROWS = "nqpf-changes-rows.json"  # what it showed, for the next builder (_shown_rows)


def _shown(app) -> str:
    """A digest of everything the page shows: each page's glued values and title, the editions and the reasons."""
    from nqpf.core.paths import DATA

    h = hashlib.sha256()
    build = Path(app.outdir).parent / "jupyter_execute"
    files = [*build.rglob("*.glue.json"), *(p for p in (DATA / "editions").rglob("*") if p.is_file())]
    for path in sorted(files):  # editions: nqpf.render.editions.EDITIONS, named here without importing pandas
        h.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
    h.update(repr(sorted(_titles(app).items())).encode())
    return h.hexdigest()


def _updated(app, env):
    """The changes page is written again when what it shows may have changed since it was last written."""
    doc = getattr(env, "nqpf_changes_doc", None)
    if not doc or doc not in env.found_docs:
        return []
    state = Path(app.doctreedir) / STATE
    return [] if state.exists() and state.read_text(encoding="utf-8") == _shown(app) else [doc]


def setup(app):
    app.add_node(changes_node)
    app.add_directive("nqpf-changes", ChangesDirective)
    app.connect("env-updated", _updated)
    app.connect("doctree-resolved", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "0.1"}
