"""Isolation and limits for the kernel that runs a student's notebook.

The kernel is started through a chain of standard Linux tools, each optional:

    prlimit (CPU time, memory, processes, file size)
      -> bwrap (read-only filesystem, /tmp and the instructor's folders hidden,
                no network, own PID/IPC/UTS namespaces, dies with the grader)
        -> setpriv (drop root: run as a fresh unprivileged user id, no new privileges, no
                   capabilities)
          -> python -m ipykernel_launcher

bwrap runs before the privilege drop so that it can mount what root can read; as a non-root
grader, bwrap uses a user namespace instead and setpriv is skipped.

It talks to the grader over Unix sockets in its own scratch folder (the IPC transport), which
work across the network namespace. What is missing on a machine is skipped with a warning, and
``autograder check`` says which mechanisms are active. Limits come from the course's
``nbgrader_config.py`` (``c.Autograder.<name> = ...``) with the defaults of :class:`Limits`.
"""

from __future__ import annotations

import functools
import logging
import os
import secrets
import shutil
import subprocess
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from traitlets.config import Config

log = logging.getLogger(__name__)

# Folders hidden from every kernel (the grader's temp files, home directories); what a kernel
# needs from inside them is bound back read-only (see runtime_paths).
HIDDEN_FOLDERS = ("/tmp", "/root", "/home")

# Each kernel runs as its own unprivileged user id, so that the process limit (counted per
# user) of one submission is not eaten by another graded at the same time.
SANDBOX_UIDS = range(200_000, 265_000)


@dataclass(frozen=True)
class Limits:
    """Resource limits of one grading kernel (``c.Autograder.<field>`` in nbgrader_config.py)."""

    isolate: bool = True
    notebook_timeout: int = 900  # seconds of wall clock for the whole notebook
    cpu_seconds: int = 1800  # CPU time of the kernel process
    memory_mb: int = 6144  # address-space data limit of the kernel process
    max_processes: int = 512  # tasks (processes and threads) of the sandbox user
    max_file_mb: int = 512  # largest file the kernel may write
    max_output_bytes: int = 4_000_000  # cell output kept per notebook; the rest is dropped

    @classmethod
    def from_config(cls, config: Config) -> Limits:
        from .deadlines import OPTIONS as DEADLINE_OPTIONS

        section = {k: v for k, v in config.get("Autograder", {}).items() if k not in DEADLINE_OPTIONS}
        known = {f.name for f in fields(cls)}
        unknown = set(section) - known
        if unknown:
            from .errors import AutograderError

            raise AutograderError(f"unknown c.Autograder option(s) {sorted(unknown)} in "
                                  f"nbgrader_config.py; known: {sorted(known | set(DEADLINE_OPTIONS))}")
        return cls(**{k: type(getattr(cls, k))(v) for k, v in section.items()})


@functools.cache
def mechanisms() -> dict[str, bool]:
    """Which isolation mechanisms work on this machine (probed once per process)."""
    found = {
        "prlimit": shutil.which("prlimit") is not None,
        "setpriv": shutil.which("setpriv") is not None and os.geteuid() == 0,
        "bwrap": False,
    }
    if shutil.which("bwrap"):
        probe = ["bwrap", "--ro-bind", "/", "/", *_unshare(), "--die-with-parent", "true"]
        found["bwrap"] = subprocess.run(probe, capture_output=True).returncode == 0
    return found


def describe() -> str:
    """One line for `autograder check`: what isolates a grading kernel here."""
    active = mechanisms()
    parts = [
        ("bwrap", "filesystem view, no network, own PID namespace (bubblewrap)"),
        ("setpriv", "runs as a fresh unprivileged user per kernel (setpriv)"),
        ("prlimit", "CPU, memory, process and file-size limits (prlimit)"),
    ]
    on = [text for key, text in parts if active[key]]
    off = [key for key, _ in parts if not active[key]]
    line = "isolation: " + ("; ".join(on) if on else "none")
    line += "; output cap and notebook deadline (grader)"
    if off:
        line += f". MISSING: {', '.join(off)} (install bubblewrap / util-linux for full isolation)"
    return line


def warn_if_incomplete() -> None:
    missing = [k for k, ok in mechanisms().items() if not ok]
    if missing:
        log.warning("student code runs with reduced isolation: %s unavailable", ", ".join(missing))


def new_uid() -> int:
    """A fresh user id for one kernel, or -1 when kernels keep ours (no setpriv)."""
    return secrets.choice(SANDBOX_UIDS) if mechanisms()["setpriv"] else -1


def prepare_box(box: Path, uid: int) -> None:
    """Give the kernel's user its scratch folder (it must create sockets and files there)."""
    if uid >= 0:
        for path in [box, *box.rglob("*")]:
            os.chown(path, uid, uid, follow_symlinks=False)


def kernel_prefix(box: Path, workdir: Path, hidden: list[Path], limits: Limits, uid: int) -> list[str]:
    """The command that wraps the kernel command line, given what this machine offers."""
    if not limits.isolate:
        return []
    active = mechanisms()
    prefix: list[str] = []
    if active["prlimit"]:
        prefix += ["prlimit", f"--cpu={limits.cpu_seconds}", f"--data={limits.memory_mb << 20}",
                   f"--fsize={limits.max_file_mb << 20}", f"--nproc={limits.max_processes}",
                   "--core=0", "--"]
    if active["bwrap"]:
        prefix += ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]
        for folder in HIDDEN_FOLDERS:
            prefix += ["--tmpfs", folder]
        for path in runtime_paths():  # what the kernel needs from inside the folders just hidden
            folder = next((f for f in HIDDEN_FOLDERS if path.is_relative_to(f)), None)
            if folder:
                prefix += _traversable_parents(path, Path(folder))
                prefix += ["--ro-bind", str(path), str(path)]
        for path in hidden:
            if path.is_dir():
                prefix += ["--tmpfs", str(path)]
            elif path.exists():  # e.g. .git in a git worktree is a file
                prefix += ["--ro-bind", "/dev/null", str(path)]
        folder = next((f for f in HIDDEN_FOLDERS if box.is_relative_to(f)), None)
        if folder:  # e.g. TMPDIR=/tmp/build: the box's parents are recreated inside the tmpfs
            prefix += _traversable_parents(box, Path(folder))
        prefix += ["--bind", str(box), str(box), "--chdir", str(workdir),
                   *_unshare(), "--die-with-parent", "--new-session", "--"]
    if uid >= 0:
        prefix += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                   "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all", "--"]
    return prefix


def _traversable_parents(path: Path, top: Path) -> list[str]:
    """Create the folders between ``top`` and ``path`` readable by all (bwrap makes them 0700,
    which would lock the unprivileged kernel out of what is bound below them)."""
    options = []
    for parent in reversed(path.parents):
        if parent.is_relative_to(top) and parent != top:
            options += ["--perms", "0755", "--dir", str(parent)]
    return options


def runtime_paths() -> list[Path]:
    """What a kernel must read: Python, the virtualenv, ``shared_utils`` and the data files."""
    import shared_utils
    from shared_utils.datasets import datasets_dir

    paths = [Path(sys.base_prefix), Path(sys.prefix), Path(shared_utils.__file__).resolve().parent,
             datasets_dir().resolve()]
    return [p for p in dict.fromkeys(paths) if p.exists()]


def _unshare() -> list[str]:
    """Namespaces for bwrap: all of them; as root, all but the user namespace (setpriv then
    drops root for real, which also makes the process limit count)."""
    if os.geteuid() == 0:
        return ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                "--unshare-cgroup-try"]
    return ["--unshare-all"]
