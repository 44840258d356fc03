"""The provincial chapter's findings: the ids the issue names, their specifications and the computed verdicts."""

from __future__ import annotations

import pytest

from nqpf.analysis.findings import label
from nqpf.analysis.findings import provinces as fp


@pytest.fixture(scope="module")
def found():
    return {f.id: f for f in fp.findings()}


def test_the_named_findings_exist_with_three_or_more_specifications(found):
    assert {"provinces-beijing-first", "provinces-gap-narrowing", "provinces-method-share"} <= set(found)
    for f in found.values():
        assert len(f.specifications) >= 3 and f.section.startswith("provinces-")
        assert f.verdict in ("robust", "depends")
        assert (f.verdict == "robust") == (not f.flips_under)
        assert label(f).startswith("稳健" if f.verdict == "robust" else "取决于设定")


def test_beijing_is_first_under_all_eight_methods(found):
    f = found["provinces-beijing-first"]
    eight = f.specifications[:8]
    assert [s.value for s in eight] == [1.0] * 8  # the 2023 ranks of the eight methods (`provinces robustness`)
    assert f.statement.startswith("北京在八种方法下都排第一")


def test_gap_narrowing_reads_the_path_not_the_endpoints(found):
    # the Gini fell clearly before the 2019 census break and not after it (see test_provinces_break), so the claim
    # that the gap narrowed depends on the measure and the treatment of the break, whatever the endpoints say
    f = found["provinces-gap-narrowing"]
    v = {s.name: s.value for s in f.specifications}
    assert v["基尼系数·全程·首次公布值"] > 0  # the upper end of the Gini's whole-period interval
    assert f.verdict == "depends" and "基尼系数·全程·首次公布值" in f.flips_under
    assert "不能笼统地说省际差距在缩小" in f.statement
    # the sub-periods are stated apart: the Gini fell before the break and not after it
    assert "2011–2018 年三种指标都显著下降，2019–2023 年仅变异系数显著下降" in f.statement


def test_method_share_below_half_in_every_specification(found):
    f = found["provinces-method-share"]
    assert all(0 < s.value < 50 for s in f.specifications) and f.verdict == "robust"
