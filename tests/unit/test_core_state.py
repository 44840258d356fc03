"""No hidden state: importing writes nothing, cached objects are handed out as copies."""

from __future__ import annotations

import sys

from nqpf.core import seeds, usage
from tests.helpers import run


def test_importing_the_package_writes_nothing(tmp_path):
    # Before: nqpf.core.usage truncated the page's record at import. Now only begin() (or a first note()) writes.
    env = {usage.DOCNAME: "book/a", usage.DIR: str(tmp_path)}
    proc = run([sys.executable, "-c", "import nqpf.core.usage, nqpf.core.data, nqpf.analysis.tfp"], env=env)
    assert proc.returncode == 0, proc.stderr
    assert not list(tmp_path.iterdir())
    proc = run([sys.executable, "-c", "from nqpf.core import usage; usage.begin(); usage.begin()"], env=env)
    assert proc.returncode == 0, proc.stderr
    assert usage.record_path("book/a", tmp_path).read_text(encoding="utf-8") == ""


def test_a_record_is_started_once_for_the_kernels_page_even_when_loads_are_credited_elsewhere(tmp_path):
    # the fact check credits its loads to book/factcheck: that page's record is appended to, never truncated
    (tmp_path / "book").mkdir()
    usage.record_path("book/factcheck", tmp_path).write_text("data/raw/x.csv\n", encoding="utf-8")
    code = ("import os\nfrom nqpf.core import data, usage\n"
            "os.environ[usage.DOCNAME] = 'book/factcheck'\ndata.load('cn_rd_expenditure')\n"
            "os.environ[usage.DOCNAME] = 'book/a'\ndata.load('cn_nominal_gdp')\n")
    proc = run([sys.executable, "-c", code], env={usage.DOCNAME: "book/a", usage.DIR: str(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert usage.record_path("book/a", tmp_path).read_text(encoding="utf-8") == "data/raw/cn_nominal_gdp.csv\n"
    assert usage.record_path("book/factcheck", tmp_path).read_text(encoding="utf-8") == \
        "data/raw/x.csv\ndata/raw/cn_rd_expenditure.csv\n"


def test_the_seed_manifest_is_the_callers_own():
    rows = seeds.manifest()
    rows[0]["file"] = "changed"
    rows.append({"id": "999"})
    seeds.seed("000")["title"] = "changed"
    assert seeds.manifest()[0]["file"] != "changed" and len(seeds.manifest()) == 5
    assert seeds.seed("000")["title"] != "changed"
