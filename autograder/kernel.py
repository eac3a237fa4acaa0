"""Grading kernels: sandboxed, started early, used for one submission, then discarded.

Before a grading kernel runs a single cell it has paid for a process, the sandbox, ipykernel's
start-up and the assignment's imports (numpy in a blink, TensorFlow in seconds). None of that
depends on the submission, so :func:`start` pays it ahead: it makes the kernel's workspace,
launches the kernel and queues the *warm-up* (importing the modules the source notebook imports,
without binding a single name in the student's namespace) and returns at once. The kernel boots
and imports while the grader records the source, sanitizes the submission or grades the
previous one; the first cell then finds everything imported.

A kernel serves exactly one submission and is shut down: nothing one student's code did can
reach the next student's. :func:`prefetch` keeps one such kernel ready per process (a class-run
worker starts the next one as soon as a submission is graded); :func:`take` hands it out only
for the assignment it was started for, else starts a fresh one.
"""

from __future__ import annotations

import ast
import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from multiprocessing.util import Finalize
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from jupyter_client.session import Session
from jupyter_core.utils import run_sync
from traitlets import Integer, List, Unicode
from traitlets.config import Config

from . import sandbox
from .course import Assignment

# Environment of the grading kernel: no home-directory writes, quiet TensorFlow, no GUI.
KERNEL_ENV = {
    # one BLAS/OpenMP thread per kernel: parallel graders on few cores otherwise thrash
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "MPLBACKEND": "Agg",
    "PYTHONWARNINGS": "ignore",
}

# ipykernel's start-up warnings would land on our stderr; in its own PID namespace the kernel
# cannot see the grader, so it must not poll for it (bwrap kills it with the grader); and no
# history file.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR", "--IPKernelApp.parent_handle=0",
                    "--HistoryManager.hist_file=:memory:"]


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel behind the sandbox's command prefix."""

    prefix = List(Unicode(), help="Command line that wraps the kernel's own.").tag(config=True)
    owner = Integer(-1, help="User id the kernel runs as, if not ours.").tag(config=True)

    def write_connection_file(self, **kwargs):
        super().write_connection_file(**kwargs)
        if self.owner >= 0:  # the kernel must read its connection file after dropping root
            os.chown(self.connection_file, self.owner, self.owner)

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        # The kernel's own stdout/stderr (banners, crash tracebacks) go to a log in its box,
        # never into the grader's output (which may be `--json`).
        log_path = Path(self.connection_file).with_name("kernel.log")
        with open(log_path, "ab") as log_file:
            kw.setdefault("stdout", log_file)
            kw.setdefault("stderr", log_file)
            await super()._async_launch_kernel(kernel_cmd, **kw)

    async def interrupt_kernel(self) -> None:
        # A signal would stop at the sandbox's session boundary; ask the kernel itself.
        self.kernel_spec.interrupt_mode = "message"
        await super()._async_interrupt_kernel()

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [*self.prefix, *super().format_kernel_cmd(extra_arguments)]


@dataclass(frozen=True)
class Workspace:
    """A scratch folder for one kernel: ``work`` is its cwd (a copy of the assignment's files),
    ``box`` the folder it may write to (cwd, home, sockets); ``env`` its environment."""

    box: Path
    work: Path
    uid: int  # the user the kernel runs as; -1: ours
    env: dict[str, str] = field(default_factory=dict)


@contextlib.contextmanager
def workspace(assignment: Assignment):
    """A scratch folder holding the assignment's files (not its notebooks), deleted afterwards."""
    with tempfile.TemporaryDirectory(prefix="autograder-") as tmp:
        box = Path(tmp)
        work = box / assignment.id
        shutil.copytree(assignment.source_dir, work, ignore=shutil.ignore_patterns("*.ipynb"))
        for name in ("home", "ipython", "jupyter", "mpl", "runtime", "tmp"):
            (box / name).mkdir()
        env = {
            **KERNEL_ENV,
            "HOME": f"{tmp}/home",
            "IPYTHONDIR": f"{tmp}/ipython",
            "JUPYTER_CONFIG_DIR": f"{tmp}/jupyter",
            "JUPYTER_RUNTIME_DIR": f"{tmp}/runtime",
            "MPLCONFIGDIR": f"{tmp}/mpl",
            "KERAS_HOME": f"{tmp}/home/.keras",
            "TMPDIR": f"{tmp}/tmp",  # the grader's own may be hidden from the kernel
        }
        uid = sandbox.new_uid()
        sandbox.prepare_box(box, uid)
        yield Workspace(box, work, uid, env)


# Inherited from a Jupyter server or IPython session (e.g. `%autograde` in JupyterLab): their
# folders may be hidden by the sandbox, and a kernel that can't read its IPYTHONDIR hangs.
INHERITED_NOT_PASSED = ("JUPYTER_", "JPY_", "IPYTHON", "PYTHONSTARTUP")


def kernel_environment(space: Workspace) -> dict[str, str]:
    """Our environment without Jupyter's and IPython's settings, plus the workspace's."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED_NOT_PASSED)}
    return {**inherited, **space.env}


def hidden_paths(assignment: Assignment) -> list[Path]:
    """What student code must not see: every course folder (sources, gradebooks, other
    students' work, reference caches) and the project's git history."""
    root = assignment.course.root.parent
    return [*sorted(p for p in root.glob("course*") if p.is_dir()), root / ".git"]


def imported_modules(notebook: Path) -> list[str]:
    """The modules a notebook imports at the top level of its cells, in order, once each.

    Solution cells are left out: what a student imports there is the student's business.
    """
    nb = nbformat.read(notebook, as_version=4)
    names: list[str] = []
    for cell in nb.cells:
        if cell.cell_type != "code" or cell.metadata.get("nbgrader", {}).get("solution"):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # IPython magics; such a cell imports nothing we need ahead
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.append(node.module)
    return list(dict.fromkeys(names))


def warmup_code(modules: list[str]) -> str:
    """Code that imports ``modules`` in the kernel without binding any name in its namespace."""
    body = ("import importlib\n"
            "for name in names:\n"
            "    try:\n"
            "        importlib.import_module(name)\n"
            "    except Exception:\n"
            "        pass\n")
    return f"exec({body!r}, {{'names': {modules!r}}})"


class Kernel:
    """A started grading kernel and the workspace it runs in; close it when done."""

    def __init__(self, assignment: Assignment, config: Config):
        self.ref = assignment.ref
        self._stack = contextlib.ExitStack()
        try:
            self.space = self._stack.enter_context(workspace(assignment))
            self.limits = sandbox.Limits.from_config(config)
            self.manager = self._manager(config, hidden_paths(assignment))
            run_sync(self.manager.start_kernel)(extra_arguments=KERNEL_ARGUMENTS, cwd=str(self.space.work),
                                                env=kernel_environment(self.space))
            self._stack.callback(self._shutdown)
            # A session of its own: ZeroMQ ignores a second client with the same identity,
            # and the executor's client (the manager's session) must be heard.
            self._client = self.manager.client(session=Session(key=self.manager.session.key))
            self._client.start_channels(iopub=False, stdin=False, hb=False, control=False)
            self._stack.callback(self._client.stop_channels)
            modules = imported_modules(assignment.source_notebook)
            if modules:  # queued: the kernel runs it as soon as it is up, before any cell
                self._client.execute(warmup_code(modules), silent=True, store_history=False)
        except BaseException:
            self._stack.close()
            raise

    def _manager(self, config: Config, hidden: list[Path]) -> SandboxedKernelManager:
        uid = self.space.uid if self.limits.isolate else -1
        config = Config(config)
        config.SandboxedKernelManager.prefix = sandbox.kernel_prefix(
            self.space.box, self.space.work, hidden, self.limits, uid)
        config.SandboxedKernelManager.transport = "ipc"  # Unix sockets: they work without a network
        config.SandboxedKernelManager.ip = str(self.space.box / "kernel")
        config.SandboxedKernelManager.connection_file = str(self.space.box / "kernel.json")
        config.SandboxedKernelManager.owner = uid
        return SandboxedKernelManager(config=config)

    def alive(self) -> bool:
        return bool(run_sync(self.manager.is_alive)())

    def _shutdown(self) -> None:
        with contextlib.suppress(Exception):  # it may be dead already; the sandbox reaps the rest
            run_sync(self.manager.shutdown_kernel)(now=True)

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> Kernel:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_spare: Kernel | None = None


def prefetch(assignment: Assignment) -> None:
    """Start the kernel for the next submission of ``assignment`` now, in the background."""
    global _spare
    discard()
    _spare = Kernel(assignment, assignment.course.config)


def take(assignment: Assignment) -> Kernel:
    """A kernel for one submission: the prefetched one if it fits and lives, else a fresh one."""
    global _spare
    kernel, _spare = _spare, None
    if kernel is not None and kernel.ref == assignment.ref and kernel.alive():
        return kernel
    if kernel is not None:
        kernel.close()
    return Kernel(assignment, assignment.course.config)


def discard() -> None:
    """Shut the prefetched kernel down, if any (also at exit)."""
    global _spare
    kernel, _spare = _spare, None
    if kernel is not None:
        kernel.close()


# at exit, also in pool workers (multiprocessing runs these where atexit handlers may not run)
Finalize(None, discard, exitpriority=10)
