"""Shared code for 《新质生产力》研究文集: paths, data loading and validation, plotting, text, calculations.

Layers, each a package: :mod:`nqpf.core` < :mod:`nqpf.analysis` < :mod:`nqpf.render` < :mod:`nqpf.cli` and
:mod:`nqpf.sphinx` (a lower layer never imports a higher one; ``tests/unit/test_layers.py``).
"""

__version__ = "0.1.0"

__all__ = ["__version__", "analysis", "cli", "core", "render", "sphinx"]
