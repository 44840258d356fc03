"""Shared test helpers (not fixtures: those are in conftest.py). Test files import from here, never from each other."""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import jupytext

ROOT = Path(__file__).resolve().parents[1]

# NQPF_TEST_OUT / NQPF_TEST_TOC: build tests run on a subset built into another folder (as `make book OUT= TOC=`),
# e.g. while working on one chapter next to others. Default: the whole book in ./_build.
OUT = Path(os.environ.get("NQPF_TEST_OUT", ROOT)).resolve()
TOC = Path(os.environ.get("NQPF_TEST_TOC", ROOT / "_toc.yml")).resolve()
BUILD = OUT / "_build"


def run(cmd, cwd=ROOT, env=None, timeout=3600):
    return subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, capture_output=True, text=True,
                          timeout=timeout)


def tree_state() -> dict[str, str]:
    """What `git status` reports (tracked changes and untracked files), with each listed file's sha256."""
    import hashlib

    out = subprocess.run(["git", "status", "--porcelain=v1", "-z", "--untracked-files=all"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    state = {}
    for entry in filter(None, out.split("\0")):
        path = ROOT / entry[3:]
        state[entry] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return state


# `python -m nqpf` spends about 2 s of CPU importing pandas, pandera and jupytext before it reads its arguments;
# the tests call it about 120 times. Each call runs in a process forked from a server that imported those
# third-party libraries only (multiprocessing's forkserver, one per pytest process): nqpf itself is imported afresh
# in every call, `nqpf/__main__.py` runs as __main__ with the call's argv, environment and folder, its output goes
# to its own stdout and stderr, and the exit code and an uncaught exception's traceback are Python's own.
# NQPF_TEST_CLI=subprocess runs a fresh interpreter instead.
CLI_PRELOAD = ["pandas", "pandera.pandas", "jupytext", "yaml"]
_START_VARS = ("PYTHONHASHSEED", "PYTHONPATH", "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONWARNINGS", "PYTHONHOME")
_FORKSERVER = None


def _forkserver():
    global _FORKSERVER
    if _FORKSERVER is None:
        import multiprocessing

        _FORKSERVER = multiprocessing.get_context("forkserver")
        _FORKSERVER.set_forkserver_preload(CLI_PRELOAD)
        _FORKSERVER.start_env = {k: os.environ.get(k) for k in _START_VARS}
    return _FORKSERVER


def _cli_child(args, cwd, env, out_path, err_path, source=None):  # pragma: no cover - runs in the forked process
    """What `python -m nqpf ARGS` (or `python -c CODE`) does, in a process forked from the preloaded server."""
    import atexit
    import runpy
    import traceback

    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.stdout.flush()
    sys.stderr.flush()
    for path, fd in ((out_path, 1), (err_path, 2)):
        f = os.open(path, os.O_WRONLY | os.O_TRUNC)
        os.dup2(f, fd)
        os.close(f)
    sys.argv = ["-m", *args] if source is None else ["-c", *args]
    try:
        if source is None:
            runpy.run_module("nqpf", run_name="__main__", alter_sys=True)
        else:
            exec(compile(source, "<string>", "exec"), {"__name__": "__main__"})
        code = 0
    except SystemExit as exit_:
        code = exit_.code
        if code is None:
            code = 0
        elif not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
    except BaseException:  # the interpreter prints the traceback and exits with 1
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code & 0xFF)


def nqpf_cli(*args, cwd=ROOT, timeout=3600):
    """Run `python -m nqpf ARGS` as a reader would; returns the CompletedProcess."""
    return _forked([sys.executable, "-m", "nqpf", *args], list(args), None, cwd, {}, timeout)


def python_code(code: str, env=None, cwd=ROOT, timeout=3600):
    """Run `python -c CODE` with `env` added to the environment (as `run` would), in a process forked from the same
    preloaded server; returns the CompletedProcess."""
    return _forked([sys.executable, "-c", code], [], code, cwd, env or {}, timeout)


def _forked(cmd, args, code, cwd, extra_env, timeout):
    env = {**os.environ, **extra_env}
    # Variables a fresh interpreter reads as it starts (the hash seed...) must be those the server started with.
    if os.environ.get("NQPF_TEST_CLI") == "subprocess" or \
            _forkserver().start_env != {k: env.get(k) for k in _START_VARS}:
        return run(cmd, cwd=cwd, env=extra_env, timeout=timeout)
    import locale
    import tempfile

    with tempfile.TemporaryDirectory(prefix="nqpf-cli-") as tmp:
        out, err = Path(tmp) / "stdout", Path(tmp) / "stderr"
        out.touch()
        err.touch()
        proc = _forkserver().Process(target=_cli_child, args=(args, str(cwd), env, str(out), str(err), code))
        proc.start()
        proc.join(timeout)
        if proc.exitcode is None:
            proc.kill()
            proc.join()
            raise subprocess.TimeoutExpired(cmd, timeout)
        encoding = locale.getpreferredencoding(False)
        return subprocess.CompletedProcess(cmd, proc.exitcode, out.read_text(encoding), err.read_text(encoding))


def copy_data_file(name: str, folder: Path) -> Path:
    """A copy of a data file and its manifest in `folder`, to corrupt without touching data/."""
    import shutil

    from nqpf.core import data

    src = data.resolve(name)
    dest = folder / src.name
    shutil.copy(src, dest)
    shutil.copy(data.manifest_path(src), data.manifest_path(dest))
    return dest


def rewrite_data_file(path: Path, payload: bytes, fix_sha: bool = True) -> None:
    """Replace a copied data file's bytes; with fix_sha its manifest gets the new sha256, so only the schema
    (not the checksum) can object."""
    import hashlib

    import yaml

    from nqpf.core import data

    path.write_bytes(payload)
    if fix_sha:
        mpath = data.manifest_path(path)
        meta = yaml.safe_load(mpath.read_text(encoding="utf-8"))
        meta["sha256"] = hashlib.sha256(payload).hexdigest()
        mpath.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def pwt_raw_rgdpna(country: str, year: int) -> float:
    """rgdpna read straight from the PWT 11.0 file with the csv module: an answer independent of nqpf."""
    import csv

    from nqpf.core.paths import RAW

    with open(RAW / "pwt110_selected.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["countrycode"] == country and int(row["year"]) == year:
                return float(row["rgdpna"])
    raise KeyError((country, year))


def data_cells(path: Path):
    """A data file's cells as text, exactly as written (no type guessing, no NA parsing)."""
    import pandas as pd

    return pd.read_csv(path, dtype=str, keep_default_na=False)


def csv_bytes(df) -> bytes:
    return df.to_csv(index=False, lineterminator="\n").encode("utf-8")


def file_line(df, column: str, value: str) -> int:
    """File line of the first row whose `column` equals `value` (the header is line 1)."""
    return int(df.index[df[column] == value][0]) + 2


def corrupt_share_above_100(path: Path):
    """Set the fourth row's share to 130.5; returns (rule, line, text) the error must name."""
    df = data_cells(path)
    year = df.loc[3, "year"]
    df.loc[3, "value"] = "130.5"
    rewrite_data_file(path, csv_bytes(df))
    return "column 'value'", file_line(df, "year", year), "130.5"


# --- a one-page book built with the project's Makefile and config (tests of what must fail the build)

FRONT = textwrap.dedent(
    """\
    ---
    jupytext:
      text_representation: {extension: .md, format_name: myst, format_version: 0.13}
    kernelspec: {display_name: Python 3, language: python, name: python3}
    ---
    """
)


def evidence(tmp: Path, proc: subprocess.CompletedProcess) -> str:
    """Build log plus the executed notebook (where a cell's stderr text is kept): the one Sphinx writes, or the one
    the parallel pre-execution cached (when Sphinx stops before writing its own)."""
    build = tmp / "_build"
    notebooks = [build / "jupyter_execute" / "page.ipynb",
                 *sorted((build / ".jupyter_cache" / "executed").glob("*/base.ipynb"))]
    return proc.stdout + proc.stderr + "".join(nb.read_text(encoding="utf-8") for nb in notebooks if nb.exists())


@functools.lru_cache(maxsize=None)
def mpl_config() -> str:
    """A matplotlib config folder whose font cache is built. In a fresh one a page's first chart prints
    'Matplotlib is building the font cache' on stderr, which fails the strict build; mini-books may now run before
    (or beside) the main build that used to leave the cache behind."""
    import tempfile

    folder = os.environ.get("MPLCONFIGDIR") or str(Path(tempfile.gettempdir()) / "nqpf-test-mplconfig")
    subprocess.run([sys.executable, "-c", "import matplotlib.font_manager"], env={**os.environ, "MPLCONFIGDIR": folder},
                   check=True, capture_output=True)
    return folder


# The first lines of a mini-book's chart cell.
CHART_SETUP = ("import matplotlib.pyplot as plt\nimport pandas as pd\n"
               "from nqpf.render import chartdata, plotting\nplotting.setup()\n")


def mini_book(tmp: Path, code: str = "", extra_md: str = "", pages: dict[str, tuple[str, str]] | None = None
              ) -> subprocess.CompletedProcess:
    """A one-page book (`page`: extra_md, then a cell of code) built in tmp; with pages ({name: (markdown, code)}),
    one page each after a plain front page."""
    if pages is None:
        (tmp / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
        pages = {"page": (extra_md, code)}
    else:
        (tmp / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n"
                                      + "".join(f"- file: {name}\n" for name in pages), encoding="utf-8")
        (tmp / "index.md").write_text("# 测试书\n", encoding="utf-8")
    for name, (markdown, source) in pages.items():
        body = f"({name})=\n# 测试页\n\n{markdown}\n\n```{{code-cell}} ipython3\n{source}\n```\n"
        (tmp / f"{name}.md").write_text(FRONT + body, encoding="utf-8")
    return run(["make", "html", f"SRC={tmp}", f"OUT={tmp}", f"TOC={tmp}/_toc.yml", f"CONFIG={ROOT}/_config.yml"],
               env={"MPLCONFIGDIR": mpl_config()}, timeout=600)


# --- chart cells of a chapter (lint and PDF checks)

DRAWS = re.compile(r"plt\.(subplots|figure|plot|bar|barh|scatter)\(|\.plot(\.\w+)?\(|\bsns\.\w+\(")


def chart_cells(page: Path):
    for i, cell in enumerate(jupytext.read(page).cells):
        if cell.cell_type != "code" or not DRAWS.search(cell.source):
            continue
        tags = cell.metadata.get("tags", [])
        if "remove-cell" in tags or "remove-output" in tags:
            continue
        yield i, cell


def wdi_gdp_yi(year: int) -> float:
    """China's nominal GDP in 亿元 read straight from the raw WDI file (current US$ x official rate / 1e8), by hand,
    independently of nqpf: the book's standard series must equal it."""
    import csv

    vals = {}
    with open(ROOT / "data" / "raw" / "wdi_selected.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            wanted = r["indicator"] in ("NY.GDP.MKTP.CD", "PA.NUS.FCRF")
            if wanted and r["countrycode"] == "CHN" and int(r["year"]) == year:
                vals[r["indicator"]] = float(r["value"])
    return vals["NY.GDP.MKTP.CD"] * vals["PA.NUS.FCRF"] / 1e8
