"""The front page (``book/index.md``): the key findings from the register, one card per chapter, the downloads.

Everything on the front page that can change is computed here from its one source: the findings and their
robustness labels from :mod:`nqpf.analysis.findings`, the chapters and their titles from ``_toc.yml`` and the
pages' own headings. Only the one-line summaries of the chapters are written by hand (:data:`SUMMARIES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nqpf.core.paths import ROOT
from nqpf.render.notebooks import title

# One line a chapter, for its card (no numbers: those are the chapters' own, computed there).
SUMMARIES = {
    "book/intro": "新质生产力的官方定义、五份种子文档和全书的主要发现。",
    "book/concept": "把定义拆成主导、特征、途径、内涵和标志，逐格追溯到种子原文，并梳理政策脉络。",
    "book/tfp": "用佩恩表重算增长核算：全要素生产率对中国增长的贡献，以及它随设定怎样变化。",
    "book/world": "与主要经济体比较劳动生产率、研发强度和数字化，并估计中国落后领先者多少年。",
    "book/digital": "数字经济的规模、占比和增速从哪里来，“十四五”目标要求多快的增长，算力意味着什么。",
    "book/industries": "传统产业、战略性新兴产业与未来产业的分类表，以及战略性新兴产业占比目标的算术。",
    "book/provinces": "各省“新质生产力指数”的常见做法在不同方法、权重和样本下是否给出同样的排名与结论。",
    "book/corpus": "五份种子文档的分词、关键词与主题，以及从中抽取的量化陈述台账。",
    "book/policy": "七十年政府工作报告与党代会报告中的新词轨迹、关键性分析与各省报告的文本指数。",
    "book/factcheck": "逐项核对种子自己给出的数字：能否加总、是否自洽、是否与外部数据相符。",
    "book/outcomes": "种子以 2025 年为期的目标与其后公布的结果逐一对照。",
    "book/data_catalogue": "全部数据文件的来源、许可、校验和与使用它们的章节。",
    "book/reproducibility": "构建所用的提交、软件环境、执行记录、性能测量和复现命令。",
}


@dataclass
class Part:
    caption: str
    numbered: bool
    pages: list[str]


def toc_parts(toc: Path | str | None = None) -> list[Part]:
    """The parts of the table of contents below the root page: caption, numbered or not, docnames."""
    from sphinx_external_toc.parsing import parse_toc_yaml

    site = parse_toc_yaml(Path(toc) if toc else ROOT / "_toc.yml")
    parts = []
    for subtree in site[site.root.docname].subtrees:
        pages = [i for i in subtree.items if isinstance(i, str)]
        parts.append(Part(subtree.caption or "", bool(subtree.numbered), pages))
    return parts


def chapters(toc: Path | str | None = None) -> list[str]:
    """Chapters and appendices: the pages of the numbered parts, in reading order."""
    return [p for part in toc_parts(toc) if part.numbered for p in part.pages]


def pdf_name(docname: str) -> str:
    """The file of a chapter's own PDF in the site: ``pdf/tfp.pdf`` for ``book/tfp``."""
    return f"pdf/{Path(docname).name}.pdf"


def tex_names(toc: Path | str | None = None) -> list[str]:
    """The LaTeX files of the chapter PDFs (``tfp.tex`` for ``book/tfp``), as nqpf.sphinx.ext names them."""
    return [Path(d).name + ".tex" for d in chapters(toc)]


def chapter_title(docname: str) -> str:
    """A chapter's title as its card and its PDF show it (an appendix without the 附录： prefix)."""
    return _page_title(docname).removeprefix("附录：")


def _page_title(docname: str) -> str:
    return title(ROOT / f"{docname}.md")


def cards(toc: Path | str | None = None) -> str:
    """One sphinx-design card per chapter and appendix (MyST), linking the chapter, with its one-line summary."""
    items = []
    for doc in chapters(toc):
        name = _page_title(doc).removeprefix("附录：")
        label = f"附录：{name}" if _page_title(doc).startswith("附录：") else name
        items.append(f":::{{grid-item-card}} {label}\n:link: {Path(doc).name}\n:link-type: doc\n\n"
                     f"{SUMMARIES.get(doc, '')}\n:::")
    return "::::{grid} 1 2 2 3\n:gutter: 2\n:class-container: nqpf-cards\n\n" + "\n\n".join(items) + "\n::::\n"


def findings_markdown(findings=None, glue=None) -> str:
    """The key findings grouped by chapter, each its computed sentence and robustness label (MyST).

    ``glue`` (``myst_nb.glue``) glues each sentence and label as ``kf_<id>`` and ``kf_<id>_label`` and the list
    shows the glued values, so the front page records them like any chapter's numbers.
    """
    from nqpf.analysis import findings as register

    found = register.register() if findings is None else findings
    groups: dict[str, list] = {}
    for f in found:
        groups.setdefault(f.section.split("-")[0], []).append(f)
    order = [Path(d).name for d in chapters()]  # chapters in reading order; a section of no chapter goes last
    groups = dict(sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))
    lines = [":::{container} nqpf-findings\n"]
    for chapter, group in groups.items():
        lines.append(f"**{{ref}}`{chapter}`**\n")
        for f in group:
            key = "kf_" + f.id.replace("-", "_")
            if glue is not None:
                glue(key, f.statement, display=False)
                glue(key + "_label", register.label(f), display=False)
                lines.append(f"- {{glue:text}}`{key}` <span class=\"nqpf-label\">{{glue:text}}`{key}_label`</span>")
            else:
                lines.append(f"- {f.statement}——{register.label(f)}")
        lines.append("")
    return "\n".join(lines) + ":::\n"


def _link(href: str, text: str) -> str:
    return f'<a href="../{href}">{text}</a>'  # the front page is book/index.html; the files sit at the site's root


def downloads(toc: Path | str | None = None) -> str:
    """The download list of the front page (MyST, HTML only): the whole book, each chapter's PDF, the EPUB, the
    data. ``make book`` writes every one of these files into the site."""
    per_chapter = " · ".join(_link(pdf_name(d), _page_title(d).removeprefix("附录：")) for d in chapters(toc))
    return "\n".join([
        f"- 全书 PDF：{_link('nqpf-book.pdf', 'nqpf-book.pdf')}",
        f"- 各章 PDF：{per_chapter}",
        f"- 电子书（EPUB）：{_link('nqpf-book.epub', 'nqpf-book.epub')}",
        f"- 全部数据（CSV 文件与清单，一个压缩包）：{_link('nqpf-data.zip', 'nqpf-data.zip')}",
    ]) + "\n"
