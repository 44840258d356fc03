"""Every folder of nqpf is a regular package that states its public names, and they exist."""

from __future__ import annotations

import ast
import importlib
import importlib.util

import pytest

from tests.helpers import ROOT

FOLDERS = [ROOT / "nqpf", *sorted(p for p in (ROOT / "nqpf").rglob("*") if p.is_dir() and p.name != "__pycache__"
                                   and any(p.glob("*.py")))]


def _declared_all(init) -> list[str] | None:
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            return list(ast.literal_eval(node.value))
    return None


def test_the_folders_were_found():
    names = {p.relative_to(ROOT).as_posix() for p in FOLDERS}
    assert {"nqpf", "nqpf/core", "nqpf/analysis", "nqpf/render", "nqpf/cli", "nqpf/sphinx"} <= names


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_folder_is_a_package_with_all(folder):
    init = folder / "__init__.py"
    assert init.exists(), f"{folder.relative_to(ROOT)} has no __init__.py (a namespace package)"
    names = _declared_all(init)
    assert names, f"{init.relative_to(ROOT)} states no __all__"
    assert len(names) == len(set(names)), "a name listed twice"
    package = ".".join(folder.relative_to(ROOT).parts)
    mod = importlib.import_module(package)
    missing = [n for n in names if not hasattr(mod, n) and importlib.util.find_spec(f"{package}.{n}") is None]
    assert not missing, f"{package}.__all__ names what does not exist: {missing}"


def test_the_check_sees_a_missing_name(tmp_path):
    init = tmp_path / "__init__.py"
    init.write_text('"""x"""\n__all__ = ["a", "b"]\n', encoding="utf-8")
    assert _declared_all(init) == ["a", "b"]
    init.write_text('"""x"""\nfrom os import path\n', encoding="utf-8")
    assert _declared_all(init) is None


def test_core_states_every_module():
    # the core layer's public modules, all of them (a new primitive is listed where readers of the package look)
    modules = sorted(p.stem for p in (ROOT / "nqpf" / "core").glob("*.py") if not p.stem.startswith("_"))
    assert sorted(_declared_all(ROOT / "nqpf" / "core" / "__init__.py")) == modules
