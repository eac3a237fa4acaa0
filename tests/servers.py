"""Throw-away servers on localhost for the scale-out tests and benchmark: PostgreSQL, Dask.

``postgres`` runs the machine's own server binaries (Debian's ``postgresql`` package puts them
in /usr/lib/postgresql/<version>/bin) on a fresh data folder and a free port, and yields a
SQLAlchemy URL; ``dask_cluster`` starts a ``dask scheduler`` and ``dask worker`` processes.
Everything is stopped and deleted on exit. PostgreSQL refuses to run as root: as root, the
server runs as the ``postgres`` user (or ``nobody``) instead.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DASK = Path(sys.executable).parent / "dask"
PG_USER = "grader"  # the database role the autograder connects as


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def postgres_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (newest installed version), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def missing_servers() -> str | None:
    """Why the real-server tests cannot run here, or None when they can."""
    if postgres_bin() is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl): apt-get install postgresql"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "no PostgreSQL driver: pip install 'psycopg[binary]'"
    if not DASK.exists():
        return f"no {DASK}: pip install distributed"
    return None


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name).pw_name
    raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")


@contextlib.contextmanager
def postgres(database: str = "gradebook") -> Iterator[str]:
    """A PostgreSQL server on 127.0.0.1 holding an empty ``database``; yields its SQLAlchemy URL."""
    import psycopg

    bin_dir, user = postgres_bin(), _server_user()
    if bin_dir is None:
        raise RuntimeError(missing_servers())
    home = Path(tempfile.mkdtemp(prefix="autograder-pg-"))
    if user:
        shutil.chown(home, user)
    data, port = home / "data", free_port()
    run = {"user": user, "check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    subprocess.run([bin_dir / "initdb", "-D", data, "-U", PG_USER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync"], **run)
    # a test server: durability off, which only matters when the machine itself crashes
    options = (f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    subprocess.run([bin_dir / "pg_ctl", "-D", data, "-o", options, "-l", home / "server.log", "-w",
                    "start"], **run)
    try:
        with psycopg.connect(host="127.0.0.1", port=port, user=PG_USER, dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{database}"
    finally:
        subprocess.run([bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       **{**run, "check": False})
        shutil.rmtree(home, ignore_errors=True)


@dataclass
class DaskCluster:
    """A running scheduler and its workers; each worker (nanny and all) in its own process group."""

    address: str
    scheduler: subprocess.Popen
    workers: dict[str, subprocess.Popen] = field(default_factory=dict)

    def kill_worker(self, name: str) -> None:
        """SIGKILL a worker and everything it started, as if its host lost power."""
        os.killpg(self.workers[name].pid, signal.SIGKILL)
        self.workers[name].wait(timeout=30)


@contextlib.contextmanager
def dask_cluster(n_workers: int, log: Path, env: dict[str, str] | None = None) -> Iterator[DaskCluster]:
    """``dask scheduler`` and ``n_workers`` single-threaded ``dask worker`` processes (named
    ``w0``, ``w1``, ...) on 127.0.0.1, each given ``env``; stopped afterwards."""
    from distributed import Client

    port = free_port()
    out = log.open("a")
    spawn = {"stdout": out, "stderr": subprocess.STDOUT, "start_new_session": True,
             "env": {**os.environ, **(env or {})}}
    cluster = DaskCluster(f"tcp://127.0.0.1:{port}", subprocess.Popen(
        [DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], **spawn))
    try:
        for i in range(n_workers):
            cluster.workers[f"w{i}"] = subprocess.Popen(
                [DASK, "worker", cluster.address, "--name", f"w{i}", "--nthreads", "1",
                 "--no-dashboard", "--memory-limit", "0"], **spawn)
        with Client(cluster.address, timeout=120) as client:
            client.wait_for_workers(n_workers, timeout=180)
        yield cluster
    finally:
        for process in [*cluster.workers.values(), cluster.scheduler]:
            if process.poll() is None:
                process.terminate()
        for process in [*cluster.workers.values(), cluster.scheduler]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=30)
        out.close()


def wait_until(predicate, timeout: float, what: str, interval: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:g} s for {what}")
        time.sleep(interval)
