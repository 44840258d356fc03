"""Render layer: tables, charts, glue, notebooks and the data catalogue, built from what the analysis returns.

Submodules are imported where used (``from nqpf.render import book``); nothing is imported here.
"""

__all__ = ["benchmarks", "book", "chartdata", "datacat", "datapackage", "editions", "findings", "front", "labels",
           "notebooks", "palette", "plotting", "release", "tilegrid"]
