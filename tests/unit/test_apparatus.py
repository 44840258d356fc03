"""The scholarly apparatus in the sources: bibliography, glossary, abstracts, key findings and how to cite."""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.database
import pytest
import yaml

from nqpf.core import citation
from nqpf.sphinx.apparatus import _bib_style

ROOT = Path(__file__).resolve().parents[2]
BIB = ROOT / "book" / "references.bib"
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
# Chapters and appendices: the toc's numbered parts (the back matter -- glossary, references, changes -- is not).
CHAPTERS = [c["file"] for part in TOC["parts"] if part.get("numbered") for c in part["chapters"]]
ROLE = re.compile(r"\{(cite(?::[a-z]+)?|term)\}`([^`]+)`")


def bib():
    return pybtex.database.parse_file(str(BIB))


def formatted(key: str) -> str:
    entry = bib().entries[key]
    return _bib_style()().format_entry("1", entry).text.render_as("text")


def test_the_bibliography_has_at_least_15_works_each_with_author_title_and_year():
    entries = bib().entries
    assert len(entries) >= 15
    for key, e in entries.items():
        assert e.persons.get("author"), key
        assert e.fields.get("title") and e.fields.get("year"), key


def test_pwt_is_cited_with_its_doi_and_where_it_was_read():
    e = bib().entries["pwt110"]
    assert e.fields["doi"] == "10.34894/FABVLR"
    assert "jivizcaino/PWT10.1" in e.fields["note"]


def test_chinese_entries_are_gbt7714_like_and_english_ones_author_year():
    # GB/T 7714-2015: a report read online is [R/OL] with its URL and the date it was read in brackets.
    assert formatted("caict2024") == (
        "中国信息通信研究院. 中国数字经济发展研究报告（2024年）[R/OL]. 北京: 中国信息通信研究院, 2024[2026-11-21]. "
        "https://jxt.zj.gov.cn/art/2024/9/12/art_1657977_58933048.html. "
        "2023年数字经济规模53.9万亿元；读自浙江省经济和信息化厅网站转载.")
    assert formatted("nbs2021digitalclass") == (
        "国家统计局. 数字经济及其核心产业统计分类（2021）（国家统计局令第33号）[Z]. 北京: 国家统计局, 2021. "
        "数字经济核心产业的四大类：数字产品制造业、数字产品服务业、数字技术应用业、数字要素驱动业.")
    assert formatted("seed003").startswith("吕薇, 金碚, 李平, 等. 以新促质")
    assert "[J]. 技术经济, 2024." in formatted("seed003")
    assert "[N/OL]. 中国民航报, 2023[2026-11-21]. http://m.handmsg.com/" in formatted("bai2023drones")
    assert formatted("bosworth2008") == (
        "Bosworth, B. and S. M. Collins (2008). “Accounting for Growth: Comparing China and India.” "
        "Journal of Economic Perspectives 22(1): 45–66. https://doi.org/10.1257/jep.22.1.45. "
        "Table 1, p. 49. China rows read in the project's shared data notes; India rows in a text copy of the article.")
    assert formatted("feenstra2015").startswith("Feenstra, R. C., R. Inklaar and M. P. Timmer (2015).")


def test_every_chinese_entry_is_marked_and_every_reread_says_where():
    for key, e in bib().entries.items():
        if re.search(r"[\u4e00-\u9fff]", e.fields["title"]):
            assert e.fields.get("langid") == "chinese", key
            assert e.fields.get("note"), f"{key}: say what was read and where (读自……/转引自……)"


def sources():
    for page in sorted((ROOT / "book").glob("*.md")):
        yield page, page.read_text(encoding="utf-8")


def test_every_citation_and_term_role_resolves():
    keys = set(bib().entries)
    terms = glossary_terms()
    cited = set()
    for page, text in sources():
        for role, target in ROLE.findall(text):
            target = re.sub(r"^.*<(.+)>$", r"\1", target)
            if role.startswith("cite"):
                for key in target.split(","):
                    assert key.strip() in keys, f"{page.name}: unknown citation {key}"
                    cited.add(key.strip())
            else:
                assert target in terms, f"{page.name}: {target} is not in the glossary"
    for key in ("feenstra2015", "pwt110", "pwt1001", "bosworth2008", "caict2024", "nbsdigitalcore2023"):
        assert key in cited, f"{key} is in the bibliography but no chapter cites it"


def glossary_terms() -> list[str]:
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    terms = []
    for block in re.findall(r"```\{glossary\}\n(.*?)```", text, re.S):
        terms += [line for line in block.splitlines() if line and not line.startswith(" ")]
    return terms


def test_the_glossary_has_at_least_40_terms_each_with_english_definition_and_chapter():
    text = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    terms = glossary_terms()
    assert len(terms) >= 40 and len(terms) == len(set(terms))
    for block in re.findall(r"```\{glossary\}\n(.*?)```", text, re.S):
        for term, body in re.findall(r"^(\S.*)\n((?:  .*\n?)+)", block, re.M):
            assert re.match(r"\s+\*[A-Za-z]", body), f"{term}: definition must start with the English rendering"
            assert "{ref}`" in body, f"{term}: name the chapter that uses it"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_each_chapter_opens_with_a_chinese_abstract_then_a_folded_english_one(chapter):
    """Issue 23: a Chinese 摘要 (three to five sentences) first, then the English abstract (80-150 words) folded."""
    text = (ROOT / f"{chapter}.md").read_text(encoding="utf-8")
    body = re.sub(r"^```\{code-cell\}.*?^```\n", "", text.split("\n# ", 1)[1], flags=re.M | re.S)  # cells hidden
    fence = r"(?::{3,}|`{3,})"
    m = re.match(rf"[^\n]*\n\s*{fence}\{{admonition\}} 摘要\n:class: [a-z ]*\babstract-zh\b[a-z -]*\n\n(.*?)\n{fence}\n"
                 rf"\s*{fence}\{{admonition\}} Abstract\n:class: [a-z ]*\bdropdown\b[a-z ]*\babstract-en\b[a-z -]*\n\n"
                 rf"(.*?)\n{fence}", body, re.S)
    assert m, f"{chapter}: under the title a 摘要 (class abstract-zh), then Abstract (class dropdown abstract-en)"
    # One sentence a line (the book's convention); a line may end in a glued sentence, whose 。 is not in the source.
    sentences = [line for line in m[1].splitlines() if line.strip()]
    assert 3 <= len(sentences) <= 5, f"{chapter}: the 摘要 has {len(sentences)} sentences"
    words = re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-.]*", m[2])
    assert 80 <= len(words) <= 150, f"{chapter}: {len(words)} words"


@pytest.mark.parametrize("chapter", [c for c in CHAPTERS if c not in ("book/index",)])
def test_chapters_link_their_first_use_of_glossary_terms(chapter):
    text = (ROOT / f"{chapter}.md").read_text(encoding="utf-8")
    if "附录" in text.split("\n# ", 1)[-1].splitlines()[0]:
        pytest.skip("appendix")
    assert "{term}`" in text, f"{chapter}: link the first use of glossary terms with {{term}}"


def test_front_page_findings_come_from_the_register_glued_with_their_labels():
    """The front page types no finding: each statement and its robustness label is glued from the register."""
    from nqpf.analysis.findings import Finding, Spec
    from nqpf.render import front

    # Two hand-made findings: one holds under all three specifications, one fails under "c".
    a = Finding.decide("x-a", "tfp-robust", "> 0", [Spec("a", 1), Spec("b", 2), Spec("c", 3)],
                       robust="甲成立。", depends="甲未必成立。")
    b = Finding.decide("x-b", "digital-growth", "> 0", [Spec("a", 1), Spec("b", 2), Spec("c", -3)],
                       robust="乙成立。", depends="乙取决于设定。")
    glued = {}
    text = front.findings_markdown([a, b], glue=lambda k, v, display=False: glued.__setitem__(k, v))
    assert glued == {"kf_x_a": "甲成立。", "kf_x_a_label": "稳健（全部 3 种设定下成立）",
                     "kf_x_b": "乙取决于设定。", "kf_x_b_label": "取决于设定（3 种设定中 2 种成立；不成立：c）"}
    # Grouped by chapter in reading order (tfp before digital), each statement shown through its glue.
    assert text.index("{ref}`tfp`") < text.index("{ref}`digital`")
    assert "{glue:text}`kf_x_a`" in text and "{glue:text}`kf_x_b_label`" in text
    assert "甲成立" not in text  # never typed into the page


def test_citation_cff_has_what_a_citation_needs():
    meta = citation.load()
    assert meta["cff-version"] == "1.2.0"
    # No public repository yet: no placeholder URL that would lead nowhere (the release adds the real one).
    assert "EXAMPLE-ORG" not in (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert citation.url(meta) == ""
    assert str(meta["version"]) == __import__("nqpf").__version__


def test_citation_sentence_and_bibtex_carry_the_commit(tmp_path):
    meta = {"authors": [{"name": "编写组"}], "title": "《书》", "version": "1.0", "date-released": "2026-12-02",
            "repository-code": "https://git.example.net/b"}
    expected = "编写组. 《书》[M/OL]. 版本 1.0, 2026. https://git.example.net/b（git 提交 abc123）."
    assert citation.sentence(meta, "abc123") == expected
    entry = citation.bibtex(meta, "abc123")
    parsed = pybtex.database.parse_string(entry, "bibtex").entries["nqpf2026"]
    assert parsed.fields["note"] == "git commit abc123"
    assert parsed.persons["author"][0].last_names == ["{编写组}"]
    # Without a repository (or with the old placeholder): [M], and neither the sentence nor BibTeX has a URL.
    for repo in ("", "https://github.com/EXAMPLE-ORG/nqpf-book"):
        meta["repository-code"] = repo
        assert citation.sentence(meta, "abc123") == "编写组. 《书》[M]. 版本 1.0, 2026（git 提交 abc123）."
        assert "url" not in pybtex.database.parse_string(citation.bibtex(meta, "abc123"), "bibtex").entries[
            "nqpf2026"].fields
    bad = tmp_path / "CITATION.cff"
    bad.write_text("cff-version: 1.2.0\ntitle: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing message, authors"):
        citation.load(bad)


def test_references_follow_gbt7714_in_full():
    """Issue 23: read-online entries carry their URL and 引用日期; one author's works of one year are 2024a, 2024b;
    Chinese entries are sorted by the pinyin of the author; the works the chapters rely on are listed."""
    entries = bib().entries
    for key, e in entries.items():
        if e.fields.get("url"):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", e.fields.get("urldate", "")), f"{key}: url without urldate"
    seen = {}
    for key, e in entries.items():
        first = " ".join(e.persons["author"][0].last_names)
        seen.setdefault((first, e.fields["year"]), []).append(key)
    assert not {k: v for k, v in seen.items() if len(v) > 1}, "disambiguate with 2024a, 2024b"
    assert entries["nbs2024prelim"].fields["year"] == "2024a" and entries["nbs2024communique"].fields["year"] == "2024b"
    for key in ("pwt80guide", "wu2011", "pboctfp", "nbs2021digitalclass"):
        assert key in entries, key
    # Pinyin order (hand-read): 柏 bai < 国家统计局 guo jia < 国务院 guo wu < 中国信息通信研究院 zhong guo.
    style = _bib_style()()
    order = [e.key for e in style.sort(entries.values())]
    assert order.index("bai2023drones") < order.index("nbs2021digitalclass") < order.index("gwr2024") \
        < order.index("caict2024")
    assert formatted("nbs2024prelim").startswith("国家统计局. 2023年国民经济回升向好 高质量发展扎实推进[R]. 2024a")


def test_pybtex_plugins_are_looked_up_once_and_a_missing_one_each_time():
    from types import SimpleNamespace

    from nqpf.sphinx import apparatus

    calls = []

    def load(group, name, use_aliases=False):
        calls.append(name)
        if name == "missing":
            raise LookupError(name)
        return (group, name)

    plugin = SimpleNamespace(_load_entry_point=load)
    apparatus._plugins_found_once(plugin)
    apparatus._plugins_found_once(plugin)  # a second set-up (another build in the process) wraps nothing again
    assert [plugin._load_entry_point("pybtex.style.names", "plain") for _ in range(3)] == [
        ("pybtex.style.names", "plain")] * 3
    for _ in range(2):
        with pytest.raises(LookupError):
            plugin._load_entry_point("pybtex.style.names", "missing")
    assert calls == ["plain", "missing", "missing"]
