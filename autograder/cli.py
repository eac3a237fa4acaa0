"""The ``autograder`` command line: parse arguments, call the library, map errors to exit codes.

Exit status: 0 when the job completed (whatever the score), 1 when ``check`` found problems,
2 with a one-line message for bad usage or bad input. Never a traceback for a user error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__, sandbox
from .errors import AutograderError

log = logging.getLogger("autograder")


def _release(args: argparse.Namespace) -> int:
    from .course import select
    from .release import release

    for assignment in select(args.target):
        release(assignment)
        print(f"released {assignment.ref} -> {assignment.release_notebook}")
    return 0


def _grade(args: argparse.Namespace) -> int:
    from .course import infer, resolve
    from .grade import grade_file
    from .submission import load_notebook

    path = Path(args.notebook)
    load_notebook(path)  # bad input fails here, before any work
    sandbox.warn_if_incomplete()
    assignment = resolve(args.assignment) if args.assignment else infer(path)
    result = grade_file(path, assignment)
    print(json.dumps(result.to_dict(), indent=2) if args.json else result.summary())
    return 0


def _collect(args: argparse.Namespace) -> int:
    from .course import find_course
    from .receipts import collect

    assignment = find_course(args.course).assignment(args.assignment_id)
    for line in collect(assignment, Path(args.source)):
        print(line)
    return 0


def _autograde(args: argparse.Namespace) -> int:
    from .classrun import autograde
    from .course import find_course

    assignment = find_course(args.course).assignment(args.assignment_id)
    sandbox.warn_if_incomplete()
    summary = autograde(assignment, workers=args.workers, scheduler=args.scheduler, force=args.force)
    print(summary)
    return 0


def _feedback(args: argparse.Namespace) -> int:
    from .course import find_course
    from .feedback import generate_feedback

    assignment = find_course(args.course).assignment(args.assignment_id)
    for path in generate_feedback(assignment):
        print(path)
    return 0


def _export(args: argparse.Namespace) -> int:
    from .course import find_course
    from .export import export

    print(export(find_course(args.course), fmt=args.format, output=args.output))
    return 0


def _similarity(args: argparse.Namespace) -> int:
    from .course import find_course
    from .similarity import similarity

    assignment = find_course(args.course).assignment(args.assignment_id)
    print(similarity(assignment, top=args.top, output=args.output))
    return 0


def _mutants(args: argparse.Namespace) -> int:
    from .mutants import run_mutants, totals

    output = Path(args.output)
    reports = run_mutants(args.targets, full=args.full, limit=args.limit, workers=args.workers,
                          output=output, command=" ".join(["autograder", *sys.argv[1:]]),
                          roles=(args.only,) if args.only else ("mutant", "alternative"))
    t = totals(reports)
    print(f"{t['caught']}/{t['tried']} mutants caught, {t['equivalent']} equivalent, "
          f"{t['escaped']} escaped; {t['alternatives']} alternatives, {t['wrongly_failed']} wrongly "
          f"failed; report: {output / 'mutants.md'}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .check import run_check

    report = run_check(args.target, corpus=not args.skip_corpus, full=args.full)
    print(report.text())
    return 0 if report.ok else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="autograder", description="Release, grade and report the course notebooks."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("release", help="build student releases and prove they leak nothing")
    p.add_argument("target", nargs="?", help="COURSE or COURSE/ID (default: every assignment)")
    p.set_defaults(run=_release)

    p = sub.add_parser("grade", help="grade one notebook now against the hidden tests")
    p.add_argument("notebook", help="the .ipynb file to grade")
    p.add_argument("--assignment", metavar="COURSE/ID", help="default: inferred from the file name")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    p.set_defaults(run=_grade)

    p = sub.add_parser("collect", help="copy submissions into the course with a receipt (time, sha256)")
    p.add_argument("course")
    p.add_argument("assignment_id", metavar="ID")
    p.add_argument("--from", dest="source", required=True, metavar="DIR",
                   help="DIR/<student>/<id>.ipynb or DIR/<student>/<id>/<id>.ipynb")
    p.set_defaults(run=_collect)

    p = sub.add_parser("autograde", help="grade every collected submission into the gradebook")
    p.add_argument("course")
    p.add_argument("assignment_id", metavar="ID")
    p.add_argument("--workers", type=int, default=2, help="parallel local workers (default 2)")
    p.add_argument("--scheduler", metavar="ADDR", help="Dask scheduler address (scale out)")
    p.add_argument("--force", action="store_true", help="regrade submissions already graded")
    p.set_defaults(run=_autograde)

    p = sub.add_parser("feedback", help="write per-student HTML feedback")
    p.add_argument("course")
    p.add_argument("assignment_id", metavar="ID")
    p.set_defaults(run=_feedback)

    p = sub.add_parser("export", help="the gradebook plus per-function pass rates")
    p.add_argument("course")
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--output", metavar="DIR", help="also write the files here (default COURSE/exports)")
    p.set_defaults(run=_export)

    p = sub.add_parser("similarity", help="rank pairs of submissions with suspiciously similar code")
    p.add_argument("course")
    p.add_argument("assignment_id", metavar="ID")
    p.add_argument("--top", type=int, default=20, help="report the N most similar pairs (default 20)")
    p.add_argument("--output", metavar="DIR", help="write the files here (default COURSE/exports)")
    p.set_defaults(run=_similarity)

    p = sub.add_parser("mutants", help="measure grading accuracy: mutants caught, alternatives accepted")
    p.add_argument("targets", nargs="*", metavar="TARGET",
                   help="COURSE or COURSE/ID (default: every assignment)")
    p.add_argument("--full", action="store_true", help="grade every automatic mutant, not a sample")
    p.add_argument("--limit", type=int, default=12, help="automatic mutants per function (default 12)")
    p.add_argument("--workers", type=int, default=2, help="parallel grading kernels (default 2)")
    p.add_argument("--only", choices=("mutant", "alternative"), help="grade only this kind of variant")
    p.add_argument("--output", default="mutants-report", metavar="DIR",
                   help="where mutants.md and mutants.json go (default ./mutants-report)")
    p.set_defaults(run=_mutants)

    p = sub.add_parser("check", help="self-check: sources score full marks, releases zero, no leaks")
    p.add_argument("target", nargs="?", help="COURSE or COURSE/ID (default: every assignment)")
    p.add_argument("--skip-corpus", action="store_true", help="do not grade the bad-submission corpus")
    p.add_argument("--full", action="store_true",
                   help="also grade with the skip-grading cells run (training included) and compare")
    p.set_defaults(run=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if args.verbose < 2:
        logging.getLogger("traitlets").setLevel(logging.ERROR)
    try:
        return args.run(args)
    except AutograderError as e:
        print(f"autograder: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("autograder: interrupted", file=sys.stderr)
        return 130
