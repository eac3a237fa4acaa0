"""A course on several machines: the gradebook on a PostgreSQL server, grading on Dask workers.

The servers are real and local (see ``tests/servers.py``): PostgreSQL from the machine's server
binaries, a ``dask scheduler`` and ``dask worker`` processes. Where the binaries are missing the
server tests skip, saying why; with ``AUTOGRADER_REQUIRE_SERVERS=1`` (set by CI) they fail instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy

from autograder import results
from autograder.classrun import autograde
from autograder.course import DB_URL_ENV, find_course
from autograder.gradebook import record_grades, rows
from autograder.release import release
from examples.toy_class import write_toy_class
from tests.servers import dask_cluster, missing_servers, postgres, wait_until

CLASS_SIZE = 50
AUTOGRADER = Path(sys.executable).parent / "autograder"


@pytest.fixture
def servers_available() -> None:
    reason = missing_servers()
    if reason and os.environ.get("AUTOGRADER_REQUIRE_SERVERS"):
        pytest.fail(f"AUTOGRADER_REQUIRE_SERVERS is set but {reason}")
    if reason:
        pytest.skip(reason)


@pytest.fixture
def pg_gradebook(servers_available, monkeypatch: pytest.MonkeyPatch):
    """A fresh PostgreSQL server; $AUTOGRADER_DB_URL points every course at its own database."""
    with postgres("course9") as url:
        monkeypatch.setenv(DB_URL_ENV, url.replace("/course9", "/{course}"))
        yield url


def rows_per_student(url: str) -> Counter:
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as connection:
            return Counter(dict(connection.execute(sqlalchemy.text(
                "SELECT student_id, count(*) FROM submitted_assignment GROUP BY student_id")).all()))
    finally:
        engine.dispose()


def test_gradebook_url_from_environment_then_config_then_sqlite(toy_root: Path, monkeypatch):
    """Is the gradebook $AUTOGRADER_DB_URL, else nbgrader's c.CourseDirectory.db_url, else SQLite?"""
    course = find_course("course9", toy_root)
    assert course.db_url == f"sqlite:///{toy_root / 'course9' / 'gradebook.db'}"
    config = toy_root / "course9" / "nbgrader_config.py"
    config.write_text(config.read_text() + 'c.CourseDirectory.db_url = "postgresql://db/from_config"\n')
    course = find_course("course9", toy_root)
    assert course.db_url == "postgresql://db/from_config"
    assert course.config.CourseDirectory.db_url == course.db_url  # what nbgrader's apps are given
    monkeypatch.setenv(DB_URL_ENV, "postgresql+psycopg://grader@db/{course}")
    assert find_course("course9", toy_root).db_url == "postgresql+psycopg://grader@db/course9"


def test_concurrent_writes_of_one_submission_leave_one_row(toy, pg_gradebook):
    """Do eight writers racing to record the same submission leave one row, and no error?"""
    release(toy)
    tests = [results.TestResult("double_tests", 2, "passed"),
             results.TestResult("square_tests", 1, "failed", "square(3): got 6, expected 9")]
    result = results.GradingResult(toy.ref, tests, [])
    barrier = threading.Barrier(8)

    def write(_: int) -> None:
        barrier.wait()
        record_grades(pg_gradebook, toy.id, "racer", result)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(write, range(8)))
    assert rows_per_student(pg_gradebook) == {"racer": 1}
    assert [(r.student, r.score) for r in rows(toy.course)] == [("racer", 2)]


@pytest.mark.slow
def test_class_on_two_workers_into_postgres_survives_a_killed_worker(toy, pg_gradebook, tmp_path,
                                                                     monkeypatch):
    """Graded by two Dask workers into PostgreSQL, one of them killed midway: does every
    submission end with exactly one row, graded by one live worker, scored as a serial SQLite run?

    Every part is its own process, as on several hosts: the database server, the scheduler, the
    workers and the `autograder autograde` client; they share only the course folder."""
    from distributed import Client

    release(toy)
    expected = write_toy_class(toy, CLASS_SIZE)
    with dask_cluster(2, tmp_path / "dask.log") as cluster, Client(cluster.address) as client:
        client.get_task_stream()  # start recording which worker finishes which task
        log = (tmp_path / "autograde.log").open("w")
        run = subprocess.Popen([AUTOGRADER, "autograde", "course9", "toy", "--scheduler", cluster.address],
                               stdout=subprocess.PIPE, stderr=log, text=True)
        wait_until(lambda: sum(rows_per_student(pg_gradebook).values()) >= 10 or run.poll() is not None,
                   timeout=600, what="the first 10 gradebook rows")
        busy = {a: keys for a, keys in client.processing().items() if keys}
        assert busy and run.poll() is None, "the class finished before a worker could be killed"
        victim = next(iter(busy))
        cluster.kill_worker(client.scheduler_info()["workers"][victim]["name"])
        recorded_at_kill = sum(rows_per_student(pg_gradebook).values())
        summary, _ = run.communicate(timeout=900)
        log.close()
        finished = [(t["key"], t["worker"]) for t in client.get_task_stream()
                    if str(t["key"]).startswith("autograde-")]
    assert run.returncode == 0 and f"graded {CLASS_SIZE} of {CLASS_SIZE}" in summary, \
        (tmp_path / "autograde.log").read_text()[-2000:]
    assert recorded_at_kill < CLASS_SIZE
    assert rows_per_student(pg_gradebook) == dict.fromkeys(expected, 1)
    on_postgres = {(r.student, r.score, r.reason) for r in rows(toy.course)}
    assert {(student, score) for student, score, _ in on_postgres} == set(expected.items())
    graded_on = {}
    for key, worker in finished:
        graded_on.setdefault(key, set()).add(worker)
    assert len(graded_on) == CLASS_SIZE
    twice = {key: workers for key, workers in graded_on.items() if len(workers) > 1}
    assert all(victim in workers for workers in twice.values()), \
        f"graded on two live workers: {twice}"
    in_flight = busy[victim]
    assert all(graded_on[key] - {victim} for key in in_flight), "the killed worker's tasks were lost"
    print(f"killed {victim} with {recorded_at_kill}/{CLASS_SIZE} recorded and {len(in_flight)} "
          f"submissions in flight (finished on the other worker); {len(twice)} finished twice")

    monkeypatch.delenv(DB_URL_ENV)  # the same class, serially, into the default SQLite gradebook
    sqlite_course = find_course("course9", toy.course.root.parent)
    assert sqlite_course.db_url.startswith("sqlite:///")
    autograde(sqlite_course.assignment("toy"), workers=1, force=True)
    assert {(r.student, r.score, r.reason) for r in rows(sqlite_course)} == on_postgres
