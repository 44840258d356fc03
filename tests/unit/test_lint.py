"""Content lint over the sources: file sizes, chart captions and labels, and chart text that mathtext would break.

Pages are every ``book/*.md`` (so a chapter not yet in the toc is linted too). A chart cell is a code cell that
draws with matplotlib or pandas and keeps its output.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import jupytext
import pytest

from tests.helpers import DRAWS, ROOT, chart_cells

MAX_BYTES = 5 * 1024 * 1024
PAGES = sorted((ROOT / "book").glob("*.md"))
# A caption states its source: "来源：…", "依据：…", a seed, a publisher, or the command that computes it.
SOURCE = re.compile(r"来源|出处|依据|种子\s*\d|python -m nqpf|统计局|信通院|Penn World Table|PWT")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def committed_files() -> list[Path]:
    """Tracked files plus new files git would add (not ignored): what the next commit can contain."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return [ROOT / p for p in out.split("\0") if p and (ROOT / p).is_file()]


def oversized(files: list[Path]) -> dict[str, int]:
    return {str(p): p.stat().st_size for p in files if p.stat().st_size > MAX_BYTES}


def math_with_cjk(code: str) -> list[str]:
    """String literals with Chinese between a pair of unescaped ``$`` (mathtext draws it as boxes)."""
    bad = []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            parts = re.split(r"(?<!\\)\$", node.value)
            bad += [f"${p}$" for p in parts[1::2] if len(parts) > 2 and CJK.search(p)]
    return bad


def test_no_committed_file_over_5_mb():
    files = committed_files()
    assert len(files) > 20  # the listing works (seeds, data, book, code)
    big = oversized(files)
    assert not big, f"files over 5 MB (keep them out of git or shrink them): {big}"


def test_size_guard_sees_large_files(tmp_path):
    """The guard's own check: the listing holds the seeds and data; a 6 MB file is flagged, a 5 MB one is not."""
    listed = {p.relative_to(ROOT).as_posix() for p in committed_files()}
    assert "seeds/manifest.csv" in listed and "_toc.yml" in listed
    assert not any(p.startswith(("_build/", ".venv/")) for p in listed)
    big, limit = tmp_path / "big.bin", tmp_path / "limit.bin"
    big.write_bytes(b"\0" * (6 * 1024 * 1024))
    limit.write_bytes(b"\0" * MAX_BYTES)
    assert oversized([big, limit]) == {str(big): 6 * 1024 * 1024}


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_every_chart_has_a_caption_with_its_source_and_a_name(page):
    names = []
    for i, cell in chart_cells(page):
        figure = (cell.metadata.get("mystnb") or {}).get("figure") or {}
        where = f"{page.name}, cell {i}"
        assert str(figure.get("caption", "")).strip(), f"{where}: chart without `mystnb: figure: caption`"
        assert SOURCE.search(figure["caption"]), f"{where}: the caption must state the source (来源：…)"
        name = str(figure.get("name", ""))
        assert re.fullmatch(r"fig-[a-z0-9-]+", name), f"{where}: chart name {name!r} is not an ASCII fig-… label"
        names.append(name)
    assert len(names) == len(set(names)), f"{page.name}: duplicate figure names {names}"


def test_figure_names_are_unique_across_the_book():
    seen = {}
    for page in PAGES:
        for i, cell in chart_cells(page):
            name = ((cell.metadata.get("mystnb") or {}).get("figure") or {}).get("name")
            if name:
                assert name not in seen, f"{name} in {page.name} and {seen[name]}"
                seen[name] = page.name


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_no_chinese_inside_mathtext_in_chart_code(page):
    for i, cell in enumerate(jupytext.read(page).cells):
        if cell.cell_type == "code":
            source = "\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!")))
            assert not math_with_cjk(source), f"{page.name}, cell {i}: {math_with_cjk(source)}"


def test_lint_rules_catch_what_they_are_for():
    assert math_with_cjk("ax.set_ylabel('$\\\\Delta$ 增长率 $g_{全要素}$')") == ["$g_{全要素}$"]
    assert math_with_cjk("ax.set_title(f'$\\\\alpha$ 和 $\\\\beta$')") == []
    assert math_with_cjk("ax.set_xlabel('价格（\\\\$）')") == []
    assert DRAWS.search("fig, ax = plt.subplots(figsize=(6, 3))")
    assert DRAWS.search("df.plot.bar(x='year')")
    assert not DRAWS.search("table(df)")
