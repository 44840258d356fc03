"""The software environment, for the reproducibility appendix and the benchmark report."""

from __future__ import annotations

import json
import platform
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported where a table is made: the Sphinx extensions import this module at start-up
    import pandas as pd

# Every direct dependency, as pinned in requirements.txt: what the build and the tests run (jupyter-book, pytest,
# ruff …) and every distribution whose modules nqpf imports (tests/unit/test_core_envinfo.py checks both ways).
PACKAGES = [
    # the book build
    "jupyter-book", "Sphinx", "myst-nb", "jupyter-cache", "jupytext", "nbformat", "nbclient", "jupyter_client",
    "ipykernel", "ipython",
    "matplotlib-inline", "docutils", "sphinx_external_toc", "sphinxcontrib-bibtex", "pybtex",
    "pylopdf-fonts-zh-cn",
    # data and numbers
    "pandas", "numpy", "scipy", "matplotlib", "statsmodels", "scikit-learn", "joblib", "pymcdm", "pandera",
    "PyYAML", "frictionless",
    # Chinese text and the corpus pipeline
    "jieba", "rjieba", "OpenCC", "cn2an", "pypinyin", "dask", "distributed",
    # tests and lint
    "pytest", "pytest-cov", "playwright", "ruff",
]


def installed(names) -> list[str]:
    """``name=version`` of each distribution, ``name=none`` when it is not installed: what a cache key records of
    the libraries a result depends on.

    >>> installed(["no-such-distribution"])
    ['no-such-distribution=none']
    """
    out = []
    for name in names:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=none")
    return out


def normalise(name: str) -> str:
    """A distribution name as pip compares them (PEP 503): 'PyYAML' -> 'pyyaml', 'sphinx_external_toc' ->
    'sphinx-external-toc'.

    >>> normalise("sphinx_external_toc"), normalise("PyYAML")
    ('sphinx-external-toc', 'pyyaml')
    """
    return re.sub(r"[-_.]+", "-", name).lower()


# The JavaScript the site serves (MathJax, DataTables, jQuery): npm packages pinned with their integrity hashes.
JS_LOCK = Path(__file__).resolve().parents[2] / "js" / "package-lock.json"


def js_packages(lock: Path = JS_LOCK) -> dict[str, dict]:
    """The npm packages of the lock file: name -> {"version", "integrity"} (sha512, as npm checks it)."""
    packages = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    return {path.removeprefix("node_modules/"): {"version": p["version"], "integrity": p["integrity"]}
            for path, p in packages.items() if path.startswith("node_modules/")}


def versions() -> pd.DataFrame:
    import pandas as pd

    rows = [{"组件": "Python", "版本": platform.python_version()}, {"组件": "平台", "版本": sys.platform}]
    for name in PACKAGES:
        try:
            rows.append({"组件": name, "版本": metadata.version(name)})
        except metadata.PackageNotFoundError:
            rows.append({"组件": name, "版本": "未安装"})
    rows += [{"组件": f"{name}（npm）", "版本": p["version"]} for name, p in js_packages().items()]
    return pd.DataFrame(rows)


def git_commit(root: Path | None = None) -> tuple[str, bool]:
    """The checkout's commit (12 hex digits; "unknown" outside a git checkout) and whether a tracked file differs
    from it (untracked files — build output, notes — do not count)."""
    import subprocess

    from nqpf.core.paths import ROOT

    try:
        head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root or ROOT, capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root or ROOT,
                               capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown", False
    return head or "unknown", bool(dirty)
