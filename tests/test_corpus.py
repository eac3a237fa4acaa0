"""The bad-submission corpus: every promise about broken, hostile and cheating submissions holds."""

from __future__ import annotations

from autograder.corpus import cases, run_corpus


def test_corpus_covers_the_promised_kinds_of_trouble():
    """Does the corpus hold cheats, hostile code, broken files and edited cells?"""
    names = {c.name for c in cases()}
    assert len(names) == len(cases()) >= 30
    for expected in ("invalid-json", "not-utf8", "renamed-notebook", "deleted-test-cell",
                     "hostile-fork-bomb", "hostile-memory-hog", "cheat-patch-numpy",
                     "cheat-always-equal-object", "notebook-of-another-assignment"):
        assert expected in names


def test_every_corpus_promise_holds():
    """Graded as one class, does every case get its row, score, statuses and reason?"""
    report = run_corpus(workers=2)
    assert report.ok, report.text()
    assert report.cheat_points == 0 and not report.missing_rows and not report.crashes
