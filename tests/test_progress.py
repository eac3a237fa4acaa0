"""The class-run progress line."""

from __future__ import annotations

import io

from autograder.progress import Progress


def test_progress_reports_counts_rate_eta_and_failures():
    """Does the line say how many are done, the rate, an ETA and the failures so far?"""
    stream = io.StringIO()
    progress = Progress(4, "course1/x", stream)
    for failed in (False, True, False, False):
        progress.update(failed)
    lines = stream.getvalue().splitlines()
    assert lines[-1].startswith("course1/x: 4/4 graded, ")
    assert "/min, ETA 0s, 1 failed" in lines[-1]


def test_progress_prints_a_line_per_tenth_when_not_a_terminal():
    """Does a long run print about ten lines to a log, not one per submission?"""
    stream = io.StringIO()
    progress = Progress(200, "c/x", stream)
    for _ in range(200):
        progress.update(False)
    assert 10 <= len(stream.getvalue().splitlines()) <= 11
