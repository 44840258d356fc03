"""Core layer: paths, data files and their manifests, errors, the seeds, and the book-wide primitives (growth over
a period, the standard GDP series, numbers in prose, frozen series, Chinese text, the tile layout).

Submodules are imported where used (``from nqpf.core import data``); nothing is imported here.
"""

__all__ = ["citation", "data", "dispatch", "envinfo", "errors", "gdp", "geo", "growth", "numbers", "paths", "periods",
           "seeds", "series", "text", "usage"]
