"""The 2024 bulletin's provincial table beside the panel, against the published figures."""

from __future__ import annotations

import pytest

from nqpf.analysis.provinces import rd2024


def test_beijing_and_tianjin_as_published():
    # 《2024年全国科技经费投入统计公报》附表2: 北京 3278.4 亿元, 6.58 %, restated 2023 6.22 %; 天津 620.6, 3.44, 3.48.
    # The panel's 2023 value is the first-published one (《2023年全国科技经费投入统计公报》附表: 北京 6.73 %).
    c = rd2024.comparison().set_index("province")
    bj, tj = c.loc["北京"], c.loc["天津"]
    assert (bj["rd_2024"], bj["intensity_2024"], bj["intensity_2023_restated"]) == (3278.4, 6.58, 6.22)
    assert (tj["rd_2024"], tj["intensity_2024"], tj["intensity_2023_restated"]) == (620.6, 3.44, 3.48)
    assert bj["intensity_2023_panel"] == pytest.approx(6.73)
    assert bj["restated_minus_panel"] == pytest.approx(-0.51) and bj["change_2024"] == pytest.approx(0.36)
    assert len(c) == 31 and c["index_rank_2023"].notna().all()


def test_summary_counts_add_up_to_31():
    s = rd2024.summary()
    assert s["restated_down"] + s["restated_up"] + s["restated_same"] == 31
    assert s["top_2024"] == "北京" and s["top_2024_value"] == 6.58
    assert -1 <= s["spearman_2024_vs_index"] <= 1


def test_facts_are_printed_values():
    # the chapter glues these: every value is a string or a whole number as printed, never a float to format
    from nqpf.analysis.provinces import facts

    f = facts.facts()
    assert all(isinstance(v, (str, int)) for v in f.values())
    assert f["pv_first"] == 2011 and f["pv_last"] == 2023 and f["pv_n_prov"] == 31
    assert f["pv_rd_top"] == "北京" and f["pv_rd_top_v"] == "6.58"
    assert facts.signed(-0.5, ".1f") == "−0.5"
