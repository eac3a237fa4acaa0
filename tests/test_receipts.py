"""Trusted submission records: `autograder collect` copies hand-ins and writes who, when and what."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import nbformat

from autograder.classrun import autograde
from autograder.cli import main
from autograder.derive import student_version
from autograder.gradebook import rows
from autograder.probe import toy_source
from autograder.receipts import collect, read_receipts, receipts_file

WHEN = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def inbox(tmp_path, assignment):
    """A hand-in folder in both layouts: alice/toy.ipynb and bob/toy/toy.ipynb; carol sent nothing."""
    text = nbformat.writes(student_version(toy_source(), assignment))
    (tmp_path / "in" / "alice").mkdir(parents=True)
    (tmp_path / "in" / "alice" / "toy.ipynb").write_text(text)
    (tmp_path / "in" / "bob" / "toy").mkdir(parents=True)
    (tmp_path / "in" / "bob" / "toy" / "toy.ipynb").write_text(text)
    (tmp_path / "in" / "carol").mkdir()
    return tmp_path / "in", hashlib.sha256(text.encode()).hexdigest()


def test_collect_records_time_identity_and_hash(toy, tmp_path):
    """Does collect copy each notebook into submitted/ and log its student, UTC time and sha256?"""
    source, digest = inbox(tmp_path, toy)
    lines = collect(toy, source, now=WHEN)
    assert any(line.startswith("carol: skipped") for line in lines)
    receipts = read_receipts(toy)
    assert set(receipts) == {"alice", "bob"}
    assert receipts["bob"].collected == "2026-12-01T12:00:00+00:00" and receipts["bob"].sha256 == digest
    assert (toy.course.root / "submitted" / "alice" / "toy" / "toy.ipynb").is_file()
    assert receipts_file(toy).parent == toy.course.root / "receipts"  # outside every submission


def test_unchanged_notebook_keeps_its_first_receipt(toy, tmp_path):
    """Does collecting an unchanged notebook again keep its original time, and a changed one get a new one?"""
    source, _ = inbox(tmp_path, toy)
    collect(toy, source, now=WHEN)
    (source / "bob" / "toy" / "toy.ipynb").write_text(nbformat.writes(toy_source()))
    collect(toy, source, now=WHEN.replace(hour=18))
    receipts = read_receipts(toy)
    assert receipts["alice"].collected.startswith("2026-12-01T12:00")
    assert receipts["bob"].collected.startswith("2026-12-01T18:00")
    assert len(receipts_file(toy).read_text().splitlines()) == 3


def test_cli_collect_prints_one_line_per_student(toy, tmp_path, capsys):
    """Does `autograder collect COURSE ID --from DIR` report every student folder?"""
    source, _ = inbox(tmp_path, toy)
    assert main(["collect", "course9", "toy", "--from", str(source)]) == 0
    out = capsys.readouterr().out
    assert "alice: collected at" in out and "carol: skipped" in out


def test_notebook_modified_after_collection_is_flagged(toy, tmp_path):
    """Is a notebook edited after collection graded with a warning, and exported with the receipt's hash?"""
    source, digest = inbox(tmp_path, toy)
    (source / "bob").rename(tmp_path / "bob-elsewhere")  # one student keeps the test fast
    collect(toy, source, now=WHEN)
    submitted = toy.course.root / "submitted" / "alice" / "toy" / "toy.ipynb"
    nb = nbformat.read(submitted, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("added later"))
    nbformat.write(nb, submitted)
    autograde(toy, workers=1)
    (row,) = rows(toy.course)
    assert row.score == 3 and "changed after it was collected" in row.reason
    assert row.sha256 == digest and row.timestamp == "2026-12-01T12:00:00+00:00"
    stored = json.loads((toy.course.root / "autograded" / "alice" / "toy" / "autograder.json").read_text())
    assert stored["submission"]["sha256"] == digest


def test_recollected_submission_is_regraded(toy, tmp_path):
    """Does a run after a new collection regrade that student without --force?"""
    source, _ = inbox(tmp_path, toy)
    (source / "bob").rename(tmp_path / "bob-elsewhere")
    collect(toy, source, now=WHEN)
    autograde(toy, workers=1)
    (source / "alice" / "toy.ipynb").write_text(nbformat.writes(toy_source()))  # the full solution
    collect(toy, source, now=WHEN.replace(hour=13))
    assert "graded 1 of 1" in autograde(toy, workers=1)
    (row,) = rows(toy.course)
    assert row.timestamp == "2026-12-01T13:00:00+00:00"
