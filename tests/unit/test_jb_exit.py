"""`python -m nqpf.sphinx.jb` (the Makefile's jupyter-book) ends without the interpreter's clean-up, and still exits
with the command's status, runs the exit handlers and flushes what was printed."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

COMMAND = """
import atexit, sys, click
from nqpf.sphinx.jb import run_and_exit

@click.command()
@click.argument("code", type=int)
def cmd(code):
    atexit.register(lambda: open(sys.argv[2], "w").write("handler ran"))
    sys.stdout.write("no newline at the end")  # still in the buffer when the command returns
    sys.exit(code)

run_and_exit(cmd, [sys.argv[1]])
"""


def _run(tmp_path, code: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", COMMAND, str(code), str(tmp_path / "mark")], capture_output=True,
                          text=True, cwd=ROOT)


def test_exit_status_output_and_handlers(tmp_path):
    ok = _run(tmp_path, 0)
    assert (ok.returncode, ok.stdout) == (0, "no newline at the end")
    assert (tmp_path / "mark").read_text() == "handler ran"
    assert _run(tmp_path, 3).returncode == 3


def test_jupyter_book_through_the_wrapper_answers_bad_arguments_with_its_own_error():
    proc = subprocess.run([sys.executable, "-m", "nqpf.sphinx.jb", "build", "/no/such/book"], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 2 and "does not exist" in proc.stderr  # click's usage error, exit status 2
