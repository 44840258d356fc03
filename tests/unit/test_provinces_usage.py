"""The chapter is credited with the data files it reads (the data catalogue lists them) even though the cleaned
table is cached in memory: the first read of a fresh process must happen where the record is not paused."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_chapter_facts_credit_the_provincial_table_and_wdi(tmp_path):
    env = {**os.environ, "NQPF_CACHE": str(tmp_path / "cache"), "NQPF_DOCNAME": "book/provinces",
           "NQPF_USAGE_DIR": str(tmp_path / "usage")}
    code = "from nqpf.analysis.provinces import facts; facts.facts()"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    record = (tmp_path / "usage" / "book" / "provinces.txt").read_text(encoding="utf-8").split()
    # the techme long table (indicators and derived GDP) and WDI (the national growth of the census splice)
    assert {"data/raw/techme_provincial_long.csv", "data/raw/wdi_selected.csv"} <= set(record)
