"""The software environment, for the reproducibility appendix and the benchmark report."""

from __future__ import annotations

import platform
import re
import sys
from importlib import metadata

import pandas as pd

# Every direct dependency, as pinned in requirements.txt: what the build and the tests run (jupyter-book, pytest,
# ruff …) and every distribution whose modules nqpf imports (tests/unit/test_core_envinfo.py checks both ways).
PACKAGES = [
    # the book build
    "jupyter-book", "Sphinx", "myst-nb", "jupyter-cache", "jupytext", "nbformat", "nbclient", "ipython",
    "matplotlib-inline", "docutils", "sphinx_external_toc", "sphinxcontrib-bibtex", "pybtex",
    "sphinx-mathjax-offline", "itables", "pylopdf-fonts-zh-cn",
    # data and numbers
    "pandas", "numpy", "scipy", "matplotlib", "statsmodels", "scikit-learn", "joblib", "pymcdm", "pandera",
    "PyYAML", "frictionless",
    # Chinese text and the corpus pipeline
    "jieba", "rjieba", "OpenCC", "cn2an", "pypinyin", "dask", "distributed",
    # tests and lint
    "pytest", "pytest-cov", "playwright", "ruff",
]


def normalise(name: str) -> str:
    """A distribution name as pip compares them (PEP 503): 'PyYAML' -> 'pyyaml', 'sphinx_external_toc' ->
    'sphinx-external-toc'.

    >>> normalise("sphinx_external_toc"), normalise("PyYAML")
    ('sphinx-external-toc', 'pyyaml')
    """
    return re.sub(r"[-_.]+", "-", name).lower()


def versions() -> pd.DataFrame:
    rows = [{"组件": "Python", "版本": platform.python_version()}, {"组件": "平台", "版本": sys.platform}]
    for name in PACKAGES:
        try:
            rows.append({"组件": name, "版本": metadata.version(name)})
        except metadata.PackageNotFoundError:
            rows.append({"组件": name, "版本": "未安装"})
    return pd.DataFrame(rows)
