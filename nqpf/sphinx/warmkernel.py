"""Kernels forked from a process that has already imported the libraries every chapter imports.

Each notebook still runs in a fresh kernel process of its own (nothing of one notebook is seen by another), but the
process is forked from a *template* that imported pandas, matplotlib, pandera, myst-nb's glue, ipykernel and the
book's own package once, instead of every kernel importing them again (about 2 s of CPU per notebook). The
template imports modules only: it never runs a notebook's code, creates no kernel and opens no socket of
ZeroMQ's, so a forked kernel starts from the state a freshly started kernel reaches after its first imports.

What a freshly launched kernel gets (jupyter_client.launcher.launch_kernel), a forked one gets too: a new session
(its own process group, so an interrupt or kill reaches it alone), stdin from /dev/null, the environment and working
folder the kernel manager hands over, ``JPY_PARENT_PID`` naming its parent (the template, which exits when the
process that started it goes), ``sys.argv`` and ``sys.path`` as
``python -m ipykernel_launcher`` sets them, and the ``MPLBACKEND`` ipykernel sets before matplotlib is imported.

Use: :func:`launch` early (the template imports while the caller prepares), :func:`start` once in the parent before
the worker processes are forked (it waits for the template and returns its address, kept in this module for the
workers), then ``NotebookClient(..., kernel_manager_class=WarmKernelManager)``. Without
a template, or for a command that is not ``python -m ipykernel_launcher``, kernels start the usual way.
"""

from __future__ import annotations

import atexit
import importlib
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

__all__ = ["OWN_PACKAGE", "WARM_MODULES", "WarmKernelManager", "launch", "start", "stop"]

# Third-party libraries the chapters import (their first cells, and what nqpf imports at load or at first use).
# Not the book's own package: nqpf.core.usage reads the page's name from the environment when it is imported, and
# that environment is the kernel's. Not ipykernel either: its traits read JPY_PARENT_PID when imported.
# And what every kernel imports while it starts, before any cell runs: the kernel class (not the kernel app) and the
# debugger's debugpy (about 0.5 s of each kernel's start); neither reads the environment when imported. And what
# most chapters import at their first figure (the inline backend renders each as PDF too, subsetting fonts) or
# first Chinese numeral (cn2an): about 0.4 s and 0.3 s of each such kernel.
WARM_MODULES = ("numpy", "pandas", "matplotlib", "matplotlib.pyplot", "pandera.pandas", "myst_nb.ext.glue",
                "scipy.stats", "joblib", "ipykernel.ipkernel", "debugpy.server.api", "matplotlib.backends.backend_pdf",
                "fontTools.subset", "cn2an")
OWN_PACKAGE = "nqpf"
_BACKEND = "module://matplotlib_inline.backend_inline"  # what ipykernel puts in MPLBACKEND when it is unset

_ADDRESS: str | None = None  # the template's socket, set by start() in the parent and inherited by forked workers
_TEMPLATE: subprocess.Popen | None = None
_OWNER: int | None = None  # the process that started the template; only it stops it
_PENDING: tuple | None = None  # (process, ready pipe, address, launcher's pid): launched, not yet waited for


def _is_launcher(cmd: list[str]) -> bool:
    return len(cmd) >= 3 and cmd[1:3] == ["-m", "ipykernel_launcher"]


def _run_kernel(argv: list[str], env: dict, cwd: str, drop_path: str) -> None:
    """In the forked child: become ``python -m ipykernel_launcher ARGS`` started with ``env`` in ``cwd``."""
    code = 1
    try:
        os.setsid()
        _keep_priority()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        # A started interpreter seeds its random generators from the system: so does each kernel, not the template.
        import random

        random.seed()
        if "numpy" in sys.modules:
            sys.modules["numpy"].random.seed()
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *argv]
        # `python -m` puts the working folder first on sys.path and the launcher removes it again.
        if sys.path and sys.path[0] == drop_path:
            del sys.path[0]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        traceback.print_exc()
    finally:
        try:
            atexit._run_exitfuncs()  # what a normal interpreter exit runs (history, open files)
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _keep_priority() -> None:
    """Give the new session's scheduling group the process's own nice. With Linux's autogroup scheduling a session is
    a group that shares the processors with the other groups at nice 0, whatever its processes' nice: without this, a
    build run at a low priority (the test suite's reproducibility run) would run its kernels at full priority."""
    level = os.nice(0)
    if level > 0:
        try:
            Path("/proc/self/autogroup").write_text(f"{level}\n")
        except OSError:  # no autogroup scheduling here: the process's nice is what counts
            pass


def _serve(address: str, ready_fd: int) -> None:
    """The template: import the warm modules, then fork one kernel per request until the parent goes away."""
    from multiprocessing.connection import Listener

    atexit._clear()  # exit handlers of what `python -m` imported are not the kernels'
    # `python -m` imported this module's packages: kernels import the book's package afresh, with their own
    # environment (nqpf.core.usage reads the page name when imported).
    for name in [m for m in sys.modules if m == OWN_PACKAGE or m.startswith(OWN_PACKAGE + ".")]:
        del sys.modules[name]
    drop_path = sys.path[0] if sys.path else ""
    os.environ.setdefault("MPLBACKEND", _BACKEND)
    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # an optional module missing: the kernel imports (or fails on) it itself
            pass
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped by the system
    parent = os.getppid()
    with Listener(address, family="AF_UNIX") as listener:
        os.write(ready_fd, b"1")
        os.close(ready_fd)
        while True:
            if not select.select([listener._listener._socket], [], [], 1.0)[0]:
                if os.getppid() != parent:  # the parent died without stopping it
                    return
                continue
            with listener.accept() as conn:
                request = conn.recv()
                if request is None:
                    return
                argv, env, cwd = request
                # As jupyter_client's launcher sets it: the kernel's parent, which the kernel exits without.
                env["JPY_PARENT_PID"] = str(os.getpid())
                pid = os.fork()
                if pid == 0:
                    conn.close()
                    listener._listener._socket.close()
                    _run_kernel(argv, env, cwd, drop_path)
                conn.send(pid)


def launch() -> None:
    """Start the template, a fresh interpreter (nothing of this process's modules or state), without waiting for its
    imports (about 4 s): the caller prepares its work meanwhile, and :func:`start` waits."""
    global _PENDING
    if _ADDRESS is not None or _PENDING is not None:
        return
    address = str(Path(tempfile.mkdtemp(prefix="nqpf-warm-")) / "socket")
    ready_r, ready_w = os.pipe()
    # stdout and stderr are this process's, as a launched kernel's are; the pipe only says "ready".
    proc = subprocess.Popen([sys.executable, "-m", __name__, address, str(ready_w)], pass_fds=(ready_w,),
                            stdin=subprocess.DEVNULL)
    os.close(ready_w)
    _PENDING = (proc, ready_r, address, os.getpid())
    atexit.register(stop)


def start() -> str:
    """Launch the template if :func:`launch` has not, and wait until it has imported everything; returns (and
    remembers) its address."""
    global _ADDRESS, _TEMPLATE, _OWNER, _PENDING
    if _ADDRESS is not None:
        return _ADDRESS
    launch()
    proc, ready_r, address, _ = _PENDING
    _PENDING = None
    with os.fdopen(ready_r, "rb") as ready:
        ok = ready.read(1)
    if ok != b"1":
        proc.wait()
        _remove(address)
        raise RuntimeError(f"the warm kernel template did not start (exit code {proc.returncode})")
    _ADDRESS, _TEMPLATE, _OWNER = address, proc, os.getpid()
    return address


def _remove(address: str) -> None:
    Path(address).unlink(missing_ok=True)
    Path(address).parent.rmdir()


def stop() -> None:
    """Tell the template to exit (kernels it forked are not touched) and remove its socket; a template launched but
    never waited for (nothing to run after all) is killed."""
    global _ADDRESS, _TEMPLATE, _PENDING
    if _PENDING is not None and _PENDING[3] == os.getpid():
        proc, ready_r, address, _ = _PENDING
        _PENDING = None
        proc.kill()
        proc.wait()
        os.close(ready_r)
        _remove(address)
    if _ADDRESS is None or os.getpid() != _OWNER:
        return
    from multiprocessing.connection import Client

    try:
        with Client(_ADDRESS, family="AF_UNIX") as conn:
            conn.send(None)
        _TEMPLATE.wait(timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        _TEMPLATE.kill()
    _remove(_ADDRESS)
    _ADDRESS = _TEMPLATE = None


def _fork(cmd: list[str], env: dict, cwd: str) -> int:
    from multiprocessing.connection import Client

    with Client(_ADDRESS, family="AF_UNIX") as conn:
        conn.send((cmd[3:], env, cwd))
        return conn.recv()


class _Forked:
    """The part of subprocess.Popen a provisioner uses, for a kernel the template forked (and reaps)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self):
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0  # its exit status went to the template, which let the system reap it
        return self.returncode

    def wait(self, timeout=None):
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise TimeoutError(f"kernel {self.pid} still running")
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class WarmKernelManager(AsyncKernelManager):
    """A kernel manager whose local ipykernel kernels are forked from the template when one is running."""

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        provisioner = self.provisioner
        if _ADDRESS is None or not _is_launcher(kernel_cmd) or type(provisioner) is not LocalProvisioner:
            return await super()._async_launch_kernel(kernel_cmd, **kw)
        env = dict(kw.get("env") or os.environ)
        cwd = str(kw.get("cwd") or os.getcwd())
        pid = _fork([os.path.expanduser(s) for s in kernel_cmd], env, cwd)
        provisioner.process = _Forked(pid)
        provisioner.pid = provisioner.pgid = pid  # its own session: the group id is its pid
        provisioner.cwd = cwd
        self._reconcile_connection_info(provisioner.connection_info)


if __name__ == "__main__":  # the template: python -m nqpf.sphinx.warmkernel ADDRESS READY_FD
    code = 0
    try:
        _serve(sys.argv[1], int(sys.argv[2]))
    except BaseException:
        traceback.print_exc()
        code = 1
    os._exit(code)
