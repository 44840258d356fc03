"""Kernels forked from the warm template (nqpf.sphinx.warmkernel) behave as freshly started kernels.

Each notebook below is run once in a kernel started the usual way (jupyter_client launches
``python -m ipykernel_launcher``) and once or twice in kernels forked from the template; the outputs must be the
same: what the kernel is told (page name, working folder, sys.path), matplotlib's inline backend and its settings,
the PNG bytes of a figure, and no state carried from one notebook's kernel to the next.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from nqpf.core import usage
from nqpf.sphinx import warmkernel

CELLS = [
    # What the kernel is told: its page (read by nqpf.core.usage when it is imported), folder and path.
    "import os, sys\nfrom nqpf.core import usage\n"
    "print(usage._PAGE, os.environ.get('NQPF_DOCNAME'), os.getcwd(), sys.path[0],\n"
    "      sys.argv[0].endswith('ipykernel_launcher.py'))",
    # State: a module attribute set by one notebook must not be seen by the next.
    "import pandas as pd\nprint(getattr(pd, '_nqpf_seen', 'fresh'))\npd._nqpf_seen = 'set'",
    # matplotlib: the inline backend, its settings, and a figure's bytes.
    "import hashlib, matplotlib.pyplot as plt\nprint(plt.get_backend())\n"
    "print(hashlib.sha256(repr(sorted(plt.rcParams.items())).encode()).hexdigest())\n"
    "fig, ax = plt.subplots(figsize=(3, 2)); ax.plot([1, 3, 2]); ax.set_title('t')",
    "import os\nprint(os.environ.get('JPY_PARENT_PID') == str(os.getppid()) or 'parent differs')",
]


def _run(tmp_path, page: str, warm: bool) -> list[str]:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    extra = {"kernel_manager_class": warmkernel.WarmKernelManager} if warm else {}
    client = NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}, **extra)
    client.execute(env={**os.environ, usage.DOCNAME: page})
    out = []
    for cell in nb.cells:
        # A cell's printed text as one string: how a kernel chunks its stream messages depends on timing.
        printed = "".join(o.text for o in cell.outputs if o.output_type == "stream").strip()
        if printed:
            out.append(printed)
        out += [hashlib.sha256(o.data["image/png"].encode()).hexdigest() for o in cell.outputs
                if "image/png" in o.get("data", {})]
    return out


@pytest.fixture()
def template():
    assert warmkernel._ADDRESS is None
    warmkernel.start()
    yield
    warmkernel.stop()
    assert warmkernel._ADDRESS is None


def test_forked_kernels_give_the_outputs_of_a_freshly_started_kernel(tmp_path, monkeypatch, template):
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    cold = _run(tmp_path, "book/a", warm=False)
    first = _run(tmp_path, "book/a", warm=True)
    second = _run(tmp_path, "book/b", warm=True)
    # The page name reaches nqpf.core.usage (read at its import) and the environment; folder and path are the
    # notebook's, as `python -m ipykernel_launcher` started in it has them.
    assert cold[0].startswith(f"book/a book/a {tmp_path} ") and cold[0].endswith(" True")
    assert first == cold  # sys.path[0] included: the launcher's removal of the working folder is repeated
    assert second[0] == cold[0].replace("book/a book/a", "book/b book/b")
    assert second[1] == "fresh"  # the first kernel's pandas attribute is not carried over
    assert second[2:] == cold[2:]
    assert cold[2].startswith("module://matplotlib_inline.backend_inline\n")


def test_without_a_template_kernels_start_the_usual_way(tmp_path):
    assert warmkernel._ADDRESS is None
    out = _run(tmp_path, "book/c", warm=True)
    assert out[0].startswith("book/c book/c") and out[1] == "fresh"


def test_the_template_does_not_hold_the_parents_copy_of_the_book_package(tmp_path, template):
    # The parent (this test process) imported nqpf.core.usage with no page name; a forked kernel imports it
    # afresh and sees its own.
    assert usage._PAGE is None or usage._PAGE != "book/d"
    assert _run(tmp_path, "book/d", warm=True)[0].startswith("book/d ")


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_a_template_launched_and_never_needed_is_killed_at_once(tmp_path):
    # The pre-execution launches the template before it knows whether any notebook must run (its imports overlap
    # the matching of pages with the cache); when none must, stop() kills it instead of waiting for its imports.
    warmkernel.launch()
    proc, _, address, _ = warmkernel._PENDING
    assert _alive(proc.pid)
    warmkernel.stop()
    assert warmkernel._PENDING is None and warmkernel._ADDRESS is None
    assert proc.returncode is not None and not _alive(proc.pid)
    assert not Path(address).parent.exists()  # its socket folder is gone


def test_a_launched_template_is_waited_for_by_start_and_forks_kernels(tmp_path):
    warmkernel.launch()
    pending = warmkernel._PENDING[0]
    try:
        assert warmkernel.start() == warmkernel._ADDRESS and warmkernel._TEMPLATE is pending
        out = _run(tmp_path, "book/d", warm=True)
        assert out[0].startswith("book/d book/d") and out[1] == "fresh"
    finally:
        warmkernel.stop()
    assert warmkernel._ADDRESS is None and pending.returncode is not None


@pytest.mark.skipif(not Path("/proc/self/autogroup").exists(), reason="no autogroup scheduling on this kernel")
def test_a_kernel_in_a_session_of_its_own_keeps_its_priority():
    # A new session is a new autogroup at nice 0: the kernel's group must get the nice the build was started with.
    import subprocess
    import sys

    # (The test itself may run at a nice above 0, as `make test`'s workers do: the kernel's is that plus 7.)
    code = ("import os; os.nice(7); os.setsid(); from nqpf.sphinx.warmkernel import _keep_priority; "
            "_keep_priority(); print(os.nice(0), open('/proc/self/autogroup').read().split()[-1])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == [str(os.nice(0) + 7)] * 2
