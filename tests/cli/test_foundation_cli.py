"""Foundation: seeds unchanged, data manifests honoured, the font set-up, the command line."""

from __future__ import annotations

import pytest

from tests.helpers import nqpf_cli


@pytest.mark.parametrize(
    "args, needle",
    [
        (["nosuch"], "invalid choice"),
        (["data", "show", "no_such_file"], "unknown data file"),
        ([], "required"),
    ],
)
def test_cli_bad_arguments_give_one_line(args, needle):
    proc = nqpf_cli(*args)
    assert proc.returncode != 0
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_seeds_csv():
    proc = nqpf_cli("seeds", "list", "--format", "csv")
    assert proc.returncode == 0
    header, *rows = proc.stdout.strip().splitlines()
    assert header.startswith("id,file,title")
    assert len(rows) == 5 and rows[4].startswith("004,")
