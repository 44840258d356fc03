"""The book's Sphinx extensions (``_config.yml`` loads :mod:`nqpf.sphinx.ext`).

Submodules are imported by Sphinx; nothing is imported here.
"""

__all__ = ["apparatus", "changes", "ext", "kernels", "preexecute", "reader"]
