"""Bad data stops everything with one clear line naming file, row and rule — never a traceback, never a chart.

Each case corrupts a copy of a real data file (and its manifest) in a temporary folder, then checks both ways a
reader meets the file: ``nqpf.core.data.load`` (what chapters call) and ``python -m nqpf data validate PATH``.
The manifest's sha256 is recomputed for the corrupted copy unless the case is about the sha256 itself, so each
case reaches the rule it is about.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest

from nqpf.core import data
from nqpf.core.errors import DataError
from tests.helpers import (
    copy_data_file,
    corrupt_share_above_100,
    csv_bytes,
    data_cells,
    file_line,
    nqpf_cli,
    rewrite_data_file,
)

_copy = copy_data_file
_rewrite = rewrite_data_file
_frame = data_cells
_csv = csv_bytes
_line_of = file_line
share_above_100 = corrupt_share_above_100


# Each corruption takes the copied file, damages it, and returns (rule, line or None, extra text expected).

def missing_column(path):
    df = _frame(path).drop(columns=["unit"])
    _rewrite(path, _csv(df))
    return "required column present", 1, "'unit'"


def non_numeric_cell(path):
    df = _frame(path)
    line = 2 + 5
    df.loc[5, "value"] = "约三千"
    _rewrite(path, _csv(df))
    return "column 'value'", line, "约三千"


def year_out_of_order(path):
    df = _frame(path)
    df.iloc[[4, 5]] = df.iloc[[5, 4]].to_numpy()  # swap two neighbouring years
    _rewrite(path, _csv(df))
    return "'year' strictly increasing", 2 + 5, df.loc[5, "year"]


def duplicated_year(path):
    df = _frame(path)
    df = pd.concat([df.iloc[:7], df.iloc[[6]], df.iloc[7:]], ignore_index=True)
    _rewrite(path, _csv(df))
    return "primary key unique", 2 + 7, df.loc[7, "year"]


def wrong_sha256(path):
    text = path.read_text(encoding="utf-8")
    first_value = _frame(path).loc[0, "value"]
    _rewrite(path, text.replace(f",{first_value},", f",{first_value}1,", 1).encode("utf-8"), fix_sha=False)
    return "sha256 matches manifest", None, "manifest"


def empty_file(path):
    _rewrite(path, b"")
    return "file not empty", None, ""


def gbk_not_utf8(path):
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if any("\u4e00" <= c <= "\u9fff" for c in row))
    _rewrite(path, text.encode("gbk"))
    return "encoding is UTF-8", line, "not UTF-8"


def missing_manifest(path):
    data.manifest_path(path).unlink()
    return "manifest exists", None, ".yml"


def negative_employment(path):
    df = _frame(path)
    line = _line_of(df, "year", "2000") if (df["year"] == "2000").any() else 2
    row = line - 2
    df.loc[row, "emp"] = "-" + df.loc[row, "emp"].lstrip("-")
    _rewrite(path, _csv(df))
    return "column 'emp'", line, "-"


def ragged_row(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] += ",extra,cells"
    _rewrite(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return "CSV well formed", 4, ""


def empty_cell(path):
    df = _frame(path)
    df.loc[2, "year"] = ""
    _rewrite(path, _csv(df))
    return "column 'year' not empty", 2 + 2, "empty cell"


def unexpected_column(path):
    df = _frame(path)
    df["comment"] = "x"
    _rewrite(path, _csv(df))
    return "no unexpected column", 1, "'comment'"


def broken_manifest_yaml(path):
    mpath = data.manifest_path(path)
    text = mpath.read_text(encoding="utf-8").rstrip("\n") + "\nschema: [unclosed\n"
    mpath.write_text(text, encoding="utf-8")
    # PyYAML reports the flow sequence left open at the end of the file: the line after the last one.
    return "manifest is valid YAML", len(text.splitlines()) + 1, "flow sequence"


CASES = {
    "missing_column": ("cn_rd_intensity", missing_column),
    "non_numeric_cell": ("cn_nominal_gdp", non_numeric_cell),
    "share_above_100": ("cn_digital_economy_share_gdp", share_above_100),
    "year_out_of_order": ("cn_rd_intensity", year_out_of_order),
    "duplicated_year": ("cn_real_gdp_growth", duplicated_year),
    "wrong_sha256": ("cn_nominal_gdp", wrong_sha256),
    "empty_file": ("cn_rd_expenditure", empty_file),
    "gbk_not_utf8": ("cn_rd_intensity", gbk_not_utf8),
    "missing_manifest": ("cn_sei_share_gdp", missing_manifest),
    "negative_employment": ("pwt110_selected", negative_employment),
    "ragged_row": ("cn_digital_economy_scale", ragged_row),
    "empty_cell": ("cn_rd_expenditure", empty_cell),
    "unexpected_column": ("cn_real_gdp_growth", unexpected_column),
    "broken_manifest_yaml": ("cn_nominal_gdp", broken_manifest_yaml),
}


@pytest.fixture(params=sorted(CASES))
def corrupted(request, tmp_path):
    name, corrupt = CASES[request.param]
    path = _copy(name, tmp_path)
    data.validate(path)  # the intact copy is valid: the failure below is the corruption's doing
    rule, line, needle = corrupt(path)
    return path, rule, line, needle


def test_load_stops_with_file_row_and_rule(corrupted):
    path, rule, line, needle = corrupted
    with pytest.raises(DataError) as info:
        data.load(str(path))
    err = info.value
    msg = str(err)
    assert "\n" not in msg
    assert path.name in err.path and path.name in msg  # the data file or its manifest
    assert rule in err.rule and rule in msg
    assert err.row == line
    if line is not None:
        assert f"line {line}" in msg
    assert needle in msg


def test_cli_validate_gives_one_line_and_no_traceback(corrupted):
    path, rule, line, needle = corrupted
    proc = nqpf_cli("data", "validate", str(path))
    assert proc.returncode == 3
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert lines[0].startswith("nqpf: data error: ")
    assert path.name in lines[0] and rule in lines[0] and needle in lines[0]
    if line is not None:
        assert f"line {line}:" in lines[0]


def test_intact_copies_pass_the_cli(tmp_path):
    names = sorted({name for name, _ in CASES.values()})
    for name in names:
        path = _copy(name, tmp_path)
        proc = nqpf_cli("data", "validate", str(path))
        assert proc.returncode == 0, proc.stderr
        rows = len(pd.read_csv(io.BytesIO(path.read_bytes())))
        assert f'"rows": {rows}' in proc.stdout


def test_at_least_ten_distinct_rules():
    assert len(CASES) >= 10


def test_a_relative_path_validates_that_file_not_its_namesake_in_data(tmp_path, monkeypatch):
    # Before the fix, some/dir/cn_nominal_gdp.csv was reduced to its file name and data/raw/cn_nominal_gdp.csv
    # (intact) was validated instead: the corrupted copy passed.
    import sys

    from tests.helpers import run

    folder = tmp_path / "some" / "dir"
    folder.mkdir(parents=True)
    path = _copy("cn_nominal_gdp", folder)
    rule, line, needle = non_numeric_cell(path)
    proc = run([sys.executable, "-m", "nqpf", "data", "validate", "some/dir/cn_nominal_gdp.csv"], cwd=tmp_path)
    assert proc.returncode == 3, proc.stdout
    assert "some/dir/cn_nominal_gdp.csv" in proc.stderr and f"line {line}:" in proc.stderr and needle in proc.stderr
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError, match="约三千"):
        data.load("some/dir/cn_nominal_gdp.csv")
    # a bare name still means the file in data/
    assert data.resolve("cn_nominal_gdp.csv") == data.RAW / "cn_nominal_gdp.csv"


def test_a_loaded_frame_is_the_callers_own(tmp_path):
    # Mutating what load() returns must not change the next load (the cache hands out copies).
    first = data.load("cn_nominal_gdp")
    value = first.loc[0, "value"]
    first.loc[0, "value"] = -1.0
    first["extra"] = 1
    again = data.load("cn_nominal_gdp")
    assert again.loc[0, "value"] == value and "extra" not in again.columns
