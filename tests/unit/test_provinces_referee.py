"""Reference test for the counts of the provincial indicator system the chapter prints."""

from __future__ import annotations

import csv

from nqpf.core import data


def test_system_counts_ten_indicators_in_three_dimensions_each_read_from_a_raw_table():
    from nqpf.analysis.provinces import facts, inputs

    with open(data.RAW / "techme_provincial_long.csv", encoding="utf-8", newline="") as fh:
        datasets = {r["dataset"] for r in csv.DictReader(fh)}
    sysdf = inputs.system()
    # every indicator is built from tables of the raw file (GDP is derived from RDIntense: R&D ÷ intensity)
    for tables in sysdf["来源表"]:
        for t in tables.split("；"):
            assert t == "GDP" or t in datasets, t
    # innovation input (4), output (3), transfer (3): the three dimensions written out by hand
    dims = [d for d in sysdf["维度"]]
    assert (dims.count("创新投入"), dims.count("创新产出"), dims.count("成果转化")) == (4, 3, 3)
    assert facts.system() == {"pv_n_ind": 10, "pv_n_dim": 3}
