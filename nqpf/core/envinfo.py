"""The software environment, for the reproducibility appendix and the benchmark report."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

import pandas as pd

PACKAGES = ["jupyter-book", "sphinx", "myst-nb", "jupyter-cache", "pandas", "numpy", "matplotlib", "jieba",
            "opencc", "pandera", "pylopdf-fonts-zh-cn", "itables", "scikit-learn", "cn2an", "playwright",
            "sphinx-mathjax-offline"]


def versions() -> pd.DataFrame:
    rows = [{"组件": "Python", "版本": platform.python_version()}, {"组件": "平台", "版本": sys.platform}]
    for name in PACKAGES:
        try:
            rows.append({"组件": name, "版本": metadata.version(name)})
        except metadata.PackageNotFoundError:
            rows.append({"组件": name, "版本": "未安装"})
    return pd.DataFrame(rows)
