"""``autograder similarity``: rank the pairs of submissions whose solution code is suspiciously alike.

The method is winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003; the idea behind MOSS):

1. **Tokens.** Each graded solution cell (matched by grade_id) is read with Python's ``tokenize``.
   Comments, docstrings, blank lines and indentation are dropped; identifiers become ``ID``
   (keywords, builtins and attribute names after ``.`` are kept: ``np.dot`` -> ``ID . dot``),
   numbers ``NUM``, strings ``STR``. Renaming variables, rewording comments and re-spacing the
   code change nothing.
2. **Fingerprints.** Every ``K`` consecutive tokens are hashed; in every window of ``WINDOW``
   consecutive hashes the smallest is kept, with the cell lines it covers. Two cells that share a
   run of at least ``K + WINDOW - 1`` tokens share a fingerprint; reordering independent
   statements only loses the k-grams that straddle the moved boundaries.
3. **Starter code.** Every k-gram of the released solution cells (signature, docstring, stub and
   ``return`` line, handed out to everybody) is removed from every submission, so two untouched
   releases share nothing.
4. **The obvious solution.** A fingerprint found in more than ``COMMON_SHARE`` of the submissions
   that wrote a function (and in more than two of them) is *dropped*, not down-weighted. Code
   that most of the class wrote the same way says nothing about one pair; dropping it keeps the
   score a plain Jaccard index an instructor can read ("the share of their distinctive code
   they have in common") and keeps the highlighted regions to distinctive code. The price is
   that code copied by more than half of the class is not reported either.
5. **Scores.** The Jaccard index of two submissions' fingerprint sets, per function and over all
   functions (fingerprints are keyed by grade_id, so only the same function is compared); pairs
   are ranked by the overall score.

Files: ``COURSE/exports/similarity_<id>.csv`` (rank, student_a, student_b, score, functions) and
``similarity_<id>.html`` (each pair's matching lines side by side), or in ``--output``. A
submission that cannot be read is listed as skipped with its reason; it never stops the run.
"""

from __future__ import annotations

import builtins
import csv
import hashlib
import html
import io
import keyword
import re
import tokenize
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import NamedTuple

import nbformat
from nbformat import NotebookNode
from nbgrader import utils

from .classrun import _find_notebook, submissions
from .course import Assignment
from .derive import release_version
from .errors import AutograderError
from .submission import SubmissionError, load_notebook

K = 5
WINDOW = 4
COMMON_SHARE = 0.5
TOP = 20
CSV_FIELDS = ["rank", "student_a", "student_b", "score", "functions"]

KEPT_NAMES = frozenset(keyword.kwlist) | frozenset(dir(builtins))
SKIPPED_TYPES = frozenset({tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                           tokenize.DEDENT, tokenize.ENCODING, tokenize.ENDMARKER})
STATEMENT_START = frozenset({tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT})
FSTRING_START = getattr(tokenize, "FSTRING_START", None)  # Python >= 3.12 splits f-strings
FSTRING_END = getattr(tokenize, "FSTRING_END", None)
MAGIC = re.compile(r"^[ \t]*[%!].*$", re.MULTILINE)  # IPython magics and shell lines


class Token(NamedTuple):
    """A normalized token and the cell lines (1-based) it spans."""

    text: str
    first: int
    last: int


class Fingerprint(NamedTuple):
    """A selected k-gram hash and the cell lines (1-based) its tokens span."""

    hash: int
    first: int
    last: int


@dataclass(frozen=True)
class Submission:
    """One student's solution cells (grade_id -> source) and their fingerprints, starter removed."""

    student: str
    cells: dict[str, str]
    prints: dict[str, list[Fingerprint]]


@dataclass(frozen=True)
class PairScore:
    """How alike two submissions are: overall and per function (Jaccard), and what they share."""

    student_a: str
    student_b: str
    score: float
    functions: dict[str, float]
    shared: dict[str, frozenset[int]]

    def functions_text(self) -> str:
        ranked = sorted(self.functions.items(), key=lambda kv: -kv[1])
        return "; ".join(f"{name} {value:.2f}" for name, value in ranked if value > 0)


@dataclass(frozen=True)
class SimilarityReport:
    """Ranked pairs (score > 0), the submissions they refer to, and the skipped ones with reasons."""

    assignment: str
    pairs: list[PairScore]
    submissions: dict[str, Submission]
    skipped: dict[str, str]
    k: int = K
    window: int = WINDOW
    share: float = COMMON_SHARE


def tokens(source: str) -> list[Token]:
    """The normalized tokens of Python source; stops quietly where the code stops being Python."""
    raw: list[tokenize.TokenInfo] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(MAGIC.sub("", source)).readline):
            if tok.type not in (tokenize.COMMENT, tokenize.NL):
                raw.append(tok)
    except (tokenize.TokenError, SyntaxError):
        pass  # a student's syntax error: compare what came before it
    out: list[Token] = []
    depth = 0  # inside an f-string, which Python >= 3.12 splits into tokens: one STR for all
    for i, tok in enumerate(raw):
        if depth:
            depth += (tok.type == FSTRING_START) - (tok.type == FSTRING_END)
            if not depth:
                out[-1] = out[-1]._replace(last=tok.end[0])
        elif tok.type == FSTRING_START:
            depth = 1
            out.append(Token("STR", tok.start[0], tok.start[0]))
        elif tok.type not in SKIPPED_TYPES and not _is_docstring(raw, i):
            text = _normalize(raw, i)
            if text == "STR" and out and out[-1].text == "STR":  # 'a' 'b' is one string
                out[-1] = out[-1]._replace(last=tok.end[0])
            else:
                out.append(Token(text, tok.start[0], tok.end[0]))
    return out


def _is_docstring(raw: list[tokenize.TokenInfo], i: int) -> bool:
    """Is ``raw[i]`` part of a string that stands alone as a statement (a docstring)?"""
    if raw[i].type != tokenize.STRING:
        return False
    start = i
    while start > 0 and raw[start - 1].type == tokenize.STRING:
        start -= 1
    end = i
    while end + 1 < len(raw) and raw[end + 1].type == tokenize.STRING:
        end += 1
    before_ok = start == 0 or raw[start - 1].type in STATEMENT_START
    after_ok = end + 1 == len(raw) or raw[end + 1].type in (tokenize.NEWLINE, tokenize.ENDMARKER)
    return before_ok and after_ok


def _normalize(raw: list[tokenize.TokenInfo], i: int) -> str:
    tok = raw[i]
    if tok.type == tokenize.NAME:
        after_dot = i > 0 and raw[i - 1].type == tokenize.OP and raw[i - 1].string == "."
        return tok.string if after_dot or tok.string in KEPT_NAMES else "ID"
    if tok.type == tokenize.NUMBER:
        return "NUM"
    if tok.type == tokenize.STRING:
        return "STR"
    return tok.string


def kgrams(toks: list[Token], k: int = K) -> list[Fingerprint]:
    """The hash of every ``k`` consecutive tokens, with the lines they span."""
    out = []
    for i in range(len(toks) - k + 1):
        gram = "\x1f".join(t.text for t in toks[i:i + k]).encode()
        value = int.from_bytes(hashlib.blake2b(gram, digest_size=8).digest(), "big")
        out.append(Fingerprint(value, toks[i].first, max(t.last for t in toks[i:i + k])))
    return out


def winnow(grams: list[Fingerprint], window: int = WINDOW) -> list[Fingerprint]:
    """The smallest hash of every ``window`` consecutive ones (the rightmost on ties), each once."""
    if not grams:
        return []
    chosen: list[int] = []
    for start in range(max(1, len(grams) - window + 1)):
        span = range(start, min(start + window, len(grams)))
        best = min(span, key=lambda j: (grams[j].hash, -j))
        if not chosen or chosen[-1] != best:
            chosen.append(best)
    return [grams[j] for j in chosen]


def fingerprints(source: str, *, k: int = K, window: int = WINDOW) -> list[Fingerprint]:
    """The winnowed fingerprints of one cell's source."""
    return winnow(kgrams(tokens(source), k), window)


def solution_ids(source: NotebookNode) -> list[str]:
    """The grade_ids of the source notebook's solution cells, in notebook order."""
    return [gid for cell in source.cells if utils.is_solution(cell) and (gid := _gid(cell))]


def starter_hashes(source: NotebookNode, assignment: Assignment, *, k: int = K) -> set[int]:
    """Every k-gram hash of the released solution cells: what every student was handed."""
    released = release_version(source, assignment)
    wanted = set(solution_ids(source))
    return {g.hash for cell in released.cells if _gid(cell) in wanted
            for g in kgrams(tokens(cell.source), k)}


def submission_prints(student: str, nb: NotebookNode, grade_ids: list[str], starter: set[int], *,
                      k: int = K, window: int = WINDOW) -> Submission:
    """A submission's solution cells and their fingerprints, starter code removed."""
    cells: dict[str, str] = {}
    for cell in nb.cells:
        gid = _gid(cell)
        if gid in grade_ids and gid not in cells and cell.get("cell_type") == "code":
            cells[gid] = cell.source
    prints = {gid: [f for f in fingerprints(src, k=k, window=window) if f.hash not in starter]
              for gid, src in cells.items()}
    return Submission(student, cells, prints)


def common_hashes(subs: list[Submission], *, share: float = COMMON_SHARE) -> dict[str, set[int]]:
    """Per grade_id, the fingerprints in more than ``share`` of the submissions that wrote it
    (and in more than two): the obvious solution, dropped before scoring."""
    counts: dict[str, dict[int, int]] = {}
    writers: dict[str, int] = {}
    for sub in subs:
        for gid, prints in sub.prints.items():
            if prints:
                writers[gid] = writers.get(gid, 0) + 1
            per = counts.setdefault(gid, {})
            for h in {f.hash for f in prints}:
                per[h] = per.get(h, 0) + 1
    return {gid: {h for h, n in per.items() if n > max(2, share * writers.get(gid, 0))}
            for gid, per in counts.items()}


def score_pairs(subs: list[Submission], *, share: float = COMMON_SHARE) -> list[PairScore]:
    """Every pair with something distinctive in common, most alike first."""
    common = common_hashes(subs, share=share)
    kept = {s.student: {gid: {f.hash for f in prints} - common.get(gid, set())
                        for gid, prints in s.prints.items()} for s in subs}
    pairs = []
    for a, b in combinations(sorted(kept), 2):
        functions, shared = {}, {}
        inter_total = union_total = 0
        for gid in sorted(set(kept[a]) | set(kept[b])):
            ha, hb = kept[a].get(gid, set()), kept[b].get(gid, set())
            inter, union = len(ha & hb), len(ha | hb)
            inter_total, union_total = inter_total + inter, union_total + union
            if ha and hb:
                functions[gid] = inter / union
            if inter:
                shared[gid] = frozenset(ha & hb)
        if inter_total:
            pairs.append(PairScore(a, b, inter_total / union_total, functions, shared))
    return sorted(pairs, key=lambda p: (-p.score, p.student_a, p.student_b))


def find_similar(assignment: Assignment, *, k: int = K, window: int = WINDOW,
                 share: float = COMMON_SHARE) -> SimilarityReport:
    """Fingerprint every submission of ``assignment`` and rank the pairs."""
    jobs = submissions(assignment)
    if not jobs:
        raise AutograderError(
            f"no submissions in {assignment.course.root / 'submitted'}/*/{assignment.id}/: "
            "collect them first or copy them there"
        )
    source = nbformat.read(assignment.source_notebook, as_version=4)
    grade_ids = solution_ids(source)
    starter = starter_hashes(source, assignment, k=k)
    subs, skipped = {}, {}
    for job in jobs:
        path, _ = _find_notebook(Path(job.notebook))
        try:
            nb = load_notebook(path, label=str(path.relative_to(assignment.course.root)))
        except SubmissionError as e:
            skipped[job.student] = (f"no {path.name} in the submission" if not path.exists()
                                    else str(e))
            continue
        subs[job.student] = submission_prints(job.student, nb, grade_ids, starter, k=k, window=window)
    pairs = score_pairs(list(subs.values()), share=share)
    return SimilarityReport(assignment.ref, pairs, subs, skipped, k, window, share)


def similarity(assignment: Assignment, *, top: int = TOP, output: str | None = None) -> str:
    """Write the top pairs as CSV and HTML; return the text the CLI prints."""
    if top < 1:
        raise AutograderError("--top must be at least 1")
    report = find_similar(assignment)
    out_dir = Path(output) if output else assignment.course.root / "exports"
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path = out_dir / f"similarity_{assignment.id}.csv"
    html_path = out_dir / f"similarity_{assignment.id}.html"
    csv_path.write_text(write_csv(report.pairs[:top]), encoding="utf-8")
    html_path.write_text(write_html(report, top), encoding="utf-8")
    return format_table(report, top) + f"\n\nwritten: {csv_path}, {html_path.name}"


def write_csv(pairs: list[PairScore]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for rank, p in enumerate(pairs, 1):
        writer.writerow({"rank": rank, "student_a": p.student_a, "student_b": p.student_b,
                         "score": f"{p.score:.3f}", "functions": p.functions_text()})
    return buffer.getvalue()


def format_table(report: SimilarityReport, top: int) -> str:
    """The top pairs as aligned text, then the skipped submissions."""
    n = len(report.submissions)
    if not report.pairs:
        lines = [f"{report.assignment}: no two of {n} submissions share distinctive code"]
    else:
        lines = [f"{report.assignment}: top {min(top, len(report.pairs))} of {len(report.pairs)} "
                 f"similar pairs among {n} submissions",
                 f"{'rank':>4}  {'score':>5}  {'student_a':<16} {'student_b':<16} functions"]
        lines += [f"{rank:>4}  {p.score:5.2f}  {p.student_a:<16} {p.student_b:<16} {p.functions_text()}"
                  for rank, p in enumerate(report.pairs[:top], 1)]
    lines += [f"skipped {student}: {reason}" for student, reason in report.skipped.items()]
    return "\n".join(lines)


def matched_lines(prints: list[Fingerprint], shared: frozenset[int]) -> set[int]:
    """The cell lines covered by the shared fingerprints."""
    return {line for f in prints if f.hash in shared for line in range(f.first, f.last + 1)}


def _side(source: str, hits: set[int]) -> str:
    rows = []
    for number, line in enumerate(source.splitlines(), 1):
        cls = ' class="hit"' if number in hits else ""
        rows.append(f'<span{cls}><i>{number:>3}</i> {html.escape(line)}</span>')
    return "<pre>" + "\n".join(rows) + "</pre>"


def write_html(report: SimilarityReport, top: int) -> str:
    """The page: per pair (ranked), per shared function, both sources with matching lines marked."""
    parts = [f"<h1>{html.escape(report.assignment)}: similar submissions</h1>",
             f"<p>{len(report.submissions)} submissions compared; winnowing over normalized tokens "
             f"(k={report.k}, window={report.window}); starter code removed; fingerprints in more "
             f"than {report.share:.0%} of the class dropped. Score: Jaccard index of fingerprints.</p>"]
    if report.skipped:
        parts.append("<h2>Skipped</h2><ul>" + "".join(
            f"<li>{html.escape(s)}: {html.escape(r)}</li>" for s, r in report.skipped.items()) + "</ul>")
    if not report.pairs:
        parts.append("<p>No two submissions share distinctive code.</p>")
    for rank, pair in enumerate(report.pairs[:top], 1):
        a, b = report.submissions[pair.student_a], report.submissions[pair.student_b]
        parts.append(f'<h2 id="pair{rank}">#{rank} {html.escape(pair.student_a)} &amp; '
                     f"{html.escape(pair.student_b)}: {pair.score:.2f}</h2>")
        parts.append(f"<table><tr><th>function</th><th>{html.escape(pair.student_a)}</th>"
                     f"<th>{html.escape(pair.student_b)}</th></tr>")
        for gid, shared in pair.shared.items():
            parts.append(f"<tr><td>{html.escape(gid)}<br>{pair.functions.get(gid, 0):.2f}</td>"
                         f"<td>{_side(a.cells[gid], matched_lines(a.prints[gid], shared))}</td>"
                         f"<td>{_side(b.cells[gid], matched_lines(b.prints[gid], shared))}</td></tr>")
        parts.append("</table>")
    style = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
             "pre{margin:0}pre i{color:#999;font-style:normal}.hit{background:#ffe08a;display:block}")
    return f"<!doctype html><meta charset=utf-8><style>{style}</style>" + "\n".join(parts) + "\n"


def _gid(cell: NotebookNode) -> str | None:
    meta = cell.get("metadata", {}).get("nbgrader")
    return meta.get("grade_id") if isinstance(meta, dict) else None
