"""Analysis layer: one module or package per topic of the book (chapters glue what these functions return).

Submodules are imported where used (``from nqpf.analysis import tfp``); nothing heavy is imported here.
"""

__all__ = ["claims", "cleaning", "concept", "corpus", "digital", "factcheck", "findings", "industries", "outcomes",
           "policy", "provinces", "rd_bulletin", "textfreq", "tfp", "world"]
