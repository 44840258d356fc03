"""The package's layers, read from its import graph: core < analysis < render < cli / sphinx.

A lower layer never imports a higher one (at module level or inside a function), cli and sphinx never import
each other, and chapters use only public names of the package, never the command line's modules.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jupytext
import pytest

from tests.helpers import ROOT

PACKAGE = ROOT / "nqpf"
RANK = {"core": 0, "analysis": 1, "render": 2, "cli": 3, "sphinx": 3}


def layer(module: str) -> str | None:
    """'nqpf.analysis.factcheck.engine' -> 'analysis'; the package root (nqpf, nqpf.__main__) has no layer."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in RANK else None


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """Every nqpf module a file imports, wherever the import statement stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing package
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{a.name}" for a in node.names}  # `from nqpf import cli` imports nqpf.cli
    return {m for m in found if m == "nqpf" or m.startswith("nqpf.")}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def violations(edges: dict[str, set[str]]) -> list[str]:
    bad = []
    for src, targets in edges.items():
        a = layer(src)
        for dst in targets:
            b = layer(dst)
            if a is None or b is None or a == b:
                continue
            if RANK[b] > RANK[a] or RANK[b] == RANK[a]:  # upward, or across the two top layers (cli <-> sphinx)
                bad.append(f"{src} ({a}) imports {dst} ({b})")
    return sorted(bad)


def test_every_module_is_in_a_layer():
    loose = [m for m in graph() if layer(m) is None and m not in ("nqpf", "nqpf.__main__")]
    assert not loose, f"modules outside nqpf/core, analysis, render, cli, sphinx: {loose}"


def test_lower_layers_never_import_higher_ones():
    edges = graph()
    assert sum(len(t) for t in edges.values()) > 30  # the graph really was read
    assert not violations(edges)


def test_the_check_sees_an_upward_import():
    edges = {"nqpf.core.data": {"nqpf.analysis.tfp"}, "nqpf.render.book": {"nqpf.core.data"},
             "nqpf.sphinx.ext": {"nqpf.cli.core"}, "nqpf.analysis.tfp": {"nqpf.analysis.digital"}}
    assert violations(edges) == ["nqpf.core.data (core) imports nqpf.analysis.tfp (analysis)",
                                 "nqpf.sphinx.ext (sphinx) imports nqpf.cli.core (cli)"]


def test_relative_and_function_level_imports_are_seen(tmp_path, monkeypatch):
    pkg = tmp_path / "nqpf" / "core"
    pkg.mkdir(parents=True)
    (pkg / "x.py").write_text("def f():\n    from ..render import book\n    import nqpf.cli\n", encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert {"nqpf.render", "nqpf.render.book", "nqpf.cli"} <= imports(pkg / "x.py")


_PRIVATE = re.compile(r"^\s*from\s+nqpf[\w.]*\s+import\s+.*\b_\w+|\bnqpf\.cli\b|^\s*from\s+nqpf\s+import\s+.*\bcli\b",
                      re.M)


@pytest.mark.parametrize("page", sorted((ROOT / "book").glob("*.md")), ids=lambda p: p.stem)
def test_chapters_import_only_public_names(page):
    code = "\n".join(c.source for c in jupytext.read(page).cells if c.cell_type == "code")
    assert not _PRIVATE.findall(code)
    # attribute access to a private name of a package module, e.g. corpus._build(...)
    modules = set(re.findall(r"^\s*from\s+nqpf[\w.]*\s+import\s+([\w, ]+)", code, re.M))
    names = {n.strip().split(" as ")[-1] for group in modules for n in group.split(",")}
    private = [m for n in names for m in re.findall(rf"\b{re.escape(n)}\._\w+", code)]
    assert not private
