"""The reproducibility table lists every direct dependency with the version requirements.txt pins."""

from __future__ import annotations

import ast
import sys
from importlib.metadata import packages_distributions

from nqpf.core import envinfo
from tests.helpers import ROOT


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[envinfo.normalise(name)] = version
    return pins


def _imported_distributions() -> set[str]:
    """Distributions whose modules nqpf imports (sphinxcontrib.bibtex -> sphinxcontrib-bibtex)."""
    found = set()
    for path in (ROOT / "nqpf").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    dists = packages_distributions()
    out = set()
    for module in found:
        top = module.split(".")[0]
        if top in sys.stdlib_module_names or top == "nqpf":
            continue
        if top == "sphinxcontrib":  # a namespace shared by several distributions
            out.add(f"sphinxcontrib-{module.split('.')[1]}")
        else:
            out |= set(dists.get(top, [top]))
    return {envinfo.normalise(d) for d in out}


def test_the_five_that_were_missing_are_listed():
    listed = {envinfo.normalise(p) for p in envinfo.PACKAGES}
    assert {"pymcdm", "statsmodels", "scipy", "rjieba", "dask"} <= listed


def test_every_listed_package_is_pinned():
    pins = _pins()
    unpinned = [p for p in envinfo.PACKAGES if envinfo.normalise(p) not in pins]
    assert not unpinned


def test_every_distribution_nqpf_imports_is_listed():
    listed = {envinfo.normalise(p) for p in envinfo.PACKAGES}
    imported = _imported_distributions()
    assert len(imported) > 15  # the imports were read
    assert not imported - listed


def test_the_table_shows_the_pinned_versions():
    pins = _pins()
    table = envinfo.versions().set_index("组件")["版本"]
    assert table["Python"].startswith("3.")
    wrong = {p: (table[p], pins[envinfo.normalise(p)]) for p in envinfo.PACKAGES
             if table[p] != pins[envinfo.normalise(p)]}
    assert not wrong, wrong


def test_git_commit_names_the_commit_and_only_a_changed_tracked_file_makes_it_dirty(tmp_path):
    import subprocess

    from nqpf.core.envinfo import git_commit

    assert git_commit(tmp_path) == ("unknown", False)  # not a checkout
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.txt").write_text("1\n")
    subprocess.run([*git, "add", "a.txt"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], cwd=tmp_path, check=True)
    full = subprocess.run(["git", "log", "-1", "--format=%H"], cwd=tmp_path, capture_output=True, text=True).stdout
    (tmp_path / "notes.md").write_text("untracked\n")
    assert git_commit(tmp_path) == (full.strip()[:12], False)
    (tmp_path / "a.txt").write_text("2\n")
    assert git_commit(tmp_path) == (full.strip()[:12], True)
