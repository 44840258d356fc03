"""``jupyter-book`` as the Makefile runs it, without the interpreter's clean-up at exit.

After a build, jupyter-book's process holds Sphinx's environment and every page's doctree: tearing that down object
by object took about 0.8 s after the last line was printed, on every build (a one-chapter rebuild, the PDF, the
mini-books of the tests). Here jupyter-book's own command line runs as usual; then the exit handlers run, the output
is flushed, and the process ends at once with the command's exit status. Files are closed by then: Sphinx writes
each one in a ``with`` block.

``python -m nqpf.sphinx.jb build …`` takes jupyter-book's arguments.
"""

from __future__ import annotations

import atexit
import os
import sys

__all__ = ["run_and_exit"]


def run_and_exit(command, args=None) -> None:
    """Run a click ``command`` (standalone: it exits with its status) and end the process with that status, after
    the exit handlers and a flush, without tearing down the interpreter. An error that is not an exit takes the
    normal way out (traceback, clean-up)."""
    try:
        command(args, prog_name="jupyter-book")
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    from jupyter_book.cli.main import main

    run_and_exit(main)
