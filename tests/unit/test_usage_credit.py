"""The data catalogue credits a chapter with the files its findings read, whether they were computed in its own
kernel or come from the findings cache that another page of the build filled (nqpf.core.usage.collected,
nqpf.analysis.findings.computed). Before, a clean build left 政策文本 out of the rows of the provincial table and the
stopword list (policy's findings read them, computed in its kernel while crediting was paused), and a rebuild with
the cache warm put it in."""

from __future__ import annotations

from nqpf.core import usage
from tests.helpers import python_code

# A page's kernel asks for the findings of a topic whose computation loads two files, one of them through the
# fact-check appendix (credited to the appendix); the topic's findings are cached in NQPF_CACHE.
CODE = """
from nqpf.analysis import findings
from nqpf.core import data, usage

def compute(name):
    data.load("cn_nominal_gdp")
    with usage.credited_to("book/factcheck"):
        data.load("cn_rd_intensity")
    return ()

findings._compute = compute
findings._topic_modules = lambda: ["fake"]
findings.computed("fake")
"""


def _record(tmp_path, page, cache):
    proc = python_code(CODE, env={usage.DOCNAME: page, usage.DIR: str(tmp_path / "usage"), "NQPF_CACHE": str(cache)})
    assert proc.returncode == 0, proc.stderr
    return usage.record_path(page, tmp_path / "usage").read_text(encoding="utf-8").split()


def test_a_chapter_is_credited_with_its_findings_files_from_a_cold_or_a_warm_cache(tmp_path):
    cache = tmp_path / "cache"
    cold = _record(tmp_path, "book/a", cache)  # computed in this kernel
    assert list((cache / "findings").rglob("output.pkl"))  # and cached
    warm = _record(tmp_path, "book/b", cache)  # read from the cache: nothing loaded in this kernel
    # Not the file the fact-check appendix owns: that one is the appendix's (credited when the appendix runs).
    assert cold == warm == ["data/raw/cn_nominal_gdp.csv"]


def test_collected_counts_paused_loads_but_not_another_pages(tmp_path, monkeypatch):
    monkeypatch.delenv(usage.DOCNAME, raising=False)
    from nqpf.core import data

    with usage.collected() as files:
        with usage.paused():
            data.load("cn_nominal_gdp")
        with usage.credited_to("book/factcheck"):
            data.load("cn_rd_intensity")
    assert list(files) == ["data/raw/cn_nominal_gdp.csv"]
