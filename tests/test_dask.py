"""Class grading through a real Dask cluster: a scheduler and two workers on localhost."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from autograder.classrun import autograde
from autograder.gradebook import rows
from autograder.release import release
from examples.submissions import write_class

DASK = Path(sys.executable).parent / "dask"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cluster(tmp_path):
    """`dask scheduler` and two `dask worker` processes on 127.0.0.1, stopped afterwards."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{free_port()}"
    log = (tmp_path / "dask.log").open("w")
    quiet = {"stdout": log, "stderr": subprocess.STDOUT}
    processes = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port",
                                   address.rsplit(":", 1)[1], "--no-dashboard"], **quiet)]
    time.sleep(2)
    processes += [subprocess.Popen([str(DASK), "worker", address, "--nthreads", "1",
                                    "--no-dashboard", "--memory-limit", "0"], **quiet)
                  for _ in range(2)]
    try:
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        log.close()


def test_class_grades_through_a_dask_cluster(toy, cluster):
    """Does a class graded on two Dask workers get the same gradebook as a local run?"""
    release(toy)
    write_class(toy)
    assert "graded 4 of 4" in autograde(toy, scheduler=cluster)
    on_dask = {(r.student, r.score, r.reason) for r in rows(toy.course)}
    autograde(toy, workers=1, force=True)
    assert on_dask == {(r.student, r.score, r.reason) for r in rows(toy.course)}
    assert {(r.student, r.score) for r in rows(toy.course)} == {
        ("perfect", 3), ("broken", 3), ("corrupt", 0), ("untouched", 0)}
