"""The validation verdict cache of nqpf.core.data: a file whose exact bytes already passed the same schema (same
rules code, same pandas/pandera/numpy) is not checked by pandera again, but a changed file or schema always is.

Expected values are pandera's own output (the first, uncached validation), never the cached path compared with
itself; the failing cases name the line and rule worked out by hand from the corrupted copy.
"""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
import yaml

from nqpf.core import data, paths
from nqpf.core.errors import DataError
from tests.helpers import ROOT, copy_data_file, corrupt_share_above_100, csv_bytes, data_cells, rewrite_data_file


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setattr(paths, "CACHE", folder)
    return folder


def test_a_cached_verdict_types_every_data_file_as_pandera_did(cache):
    files = data.data_files()
    assert len(files) > 30
    for path in files:
        checked = data.validate(path)  # a miss: pandera validates and coerces, the verdict is recorded
        again = data.validate(path)  # a hit: typed from the recorded verdict, pandera not run
        pd.testing.assert_frame_equal(again, checked, check_exact=True)
    assert len(list((cache / "validated").glob("*.json"))) == len(files)


def test_a_warm_kernel_does_not_import_pandera(cache):
    data.validate(data.resolve("cn_nominal_gdp"))
    code = ("import sys; from nqpf.core import data; df = data.load('cn_nominal_gdp'); "
            "print(len(df), 'pandera' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={"NQPF_CACHE": str(cache), "PATH": ""},
                         capture_output=True, text=True, check=True).stdout.split()
    assert out == [str(len(data.load("cn_nominal_gdp"))), "False"]


def test_a_corrupted_copy_of_a_validated_file_still_fails(cache, tmp_path):
    path = copy_data_file("cn_digital_economy_share_gdp", tmp_path)
    data.validate(path)  # the intact bytes: verdict recorded
    assert list((cache / "validated").glob("*.json"))
    rule, line, needle = corrupt_share_above_100(path)  # new bytes, manifest sha256 updated to match
    with pytest.raises(DataError) as err:
        data.validate(path)
    assert err.value.rule.startswith(rule) and err.value.row == line and needle in str(err.value)


def test_the_same_bytes_under_a_stricter_schema_are_checked_again(cache, tmp_path):
    path = copy_data_file("cn_digital_economy_share_gdp", tmp_path)
    data.validate(path)
    df = data_cells(path)
    top = max(float(v) for v in df["value"])
    mpath = data.manifest_path(path)
    meta = yaml.safe_load(mpath.read_text(encoding="utf-8"))
    col = next(c for c in meta["schema"]["columns"] if c["name"] == "value")
    col["max"] = top - 1  # the largest share now breaks the rule: its line is where it stands
    mpath.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    line = 2 + [float(v) for v in df["value"]].index(top)
    with pytest.raises(DataError) as err:
        data.validate(path)
    assert err.value.rule.startswith("column 'value'") and err.value.row == line


def test_a_file_rewritten_with_the_same_bytes_keeps_its_verdict(cache, tmp_path):
    path = copy_data_file("cn_digital_economy_share_gdp", tmp_path)
    first = data.validate(path)
    rewrite_data_file(path, csv_bytes(data_cells(path)))
    pd.testing.assert_frame_equal(data.validate(path), first)
