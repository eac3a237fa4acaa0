"""Similarity: winnowing finds copies (renamed, re-commented, reordered) and ignores starter code."""

from __future__ import annotations

import csv
import textwrap
from itertools import combinations

import nbformat
import pytest

from autograder.cli import main
from autograder.course import find_course
from autograder.derive import release_version, student_version
from autograder.probe import make_course, notebook, solution_cell
from autograder.similarity import Submission, find_similar, fingerprints, score_pairs, tokens

SIGNATURES = {
    "initialize_parameters": ("def initialize_parameters(layer_dims, seed=1):",
                              "Small random weights W1..WL and zero biases b1..bL.", "parameters"),
    "compute_cost": ("def compute_cost(AL, Y):",
                     "Cross-entropy cost of predictions AL (1, N) against labels Y (1, N).", "cost"),
    "update_parameters": ("def update_parameters(parameters, grads, learning_rate):",
                          "One gradient-descent step on every W and b.", "parameters"),
}


def cell(name: str, body: str, *, delimit: bool = False) -> str:
    """A full solution cell: the released signature, docstring and return around ``body``."""
    signature, doc, returned = SIGNATURES[name]
    lines = textwrap.dedent(body).strip("\n").splitlines()
    if delimit:
        lines = ["### BEGIN SOLUTION", *lines, "### END SOLUTION"]
    inner = "\n".join(f"    {ln}" if ln else "" for ln in lines)
    return f'{signature}\n    """{doc}"""\n{inner}\n    return {returned}\n'


SOURCE = {
    "initialize_parameters": """
        rng = np.random.default_rng(seed)
        parameters = {}
        L = len(layer_dims)
        for l in range(1, L):
            parameters["W" + str(l)] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * 0.01
            parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
        """,
    "compute_cost": """
        m = Y.shape[1]
        logprobs = np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL))
        cost = -np.sum(logprobs) / m
        cost = float(np.squeeze(cost))
        """,
    "update_parameters": """
        L = len(parameters) // 2
        for l in range(1, L + 1):
            parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
            parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
        """,
}

# Four students who solved the assignment independently, each in their own way.
INDEPENDENT = {
    "alice": {
        "initialize_parameters": """
            generator = np.random.default_rng(seed)
            parameters = dict()
            n_layers = len(layer_dims)
            for layer in range(1, n_layers):
                rows, cols = layer_dims[layer], layer_dims[layer - 1]
                weights = generator.standard_normal(size=(rows, cols))
                parameters[f"W{layer}"] = weights * 0.01
                parameters[f"b{layer}"] = np.zeros(shape=(rows, 1))
                assert parameters[f"W{layer}"].shape == (rows, cols)
            """,
        "compute_cost": """
            n_examples = AL.shape[1]
            eps = 1e-12
            clipped = np.clip(AL, eps, 1 - eps)
            positive = Y * np.log(clipped)
            negative = (1 - Y) * np.log(1 - clipped)
            total = np.sum(positive + negative, axis=1, keepdims=True)
            cost = float(-total.item() / n_examples)
            """,
        "update_parameters": """
            n_layers = len(parameters) // 2
            for layer in range(n_layers):
                index = layer + 1
                w_key, b_key = f"W{index}", f"b{index}"
                step_w = learning_rate * grads["d" + w_key]
                step_b = learning_rate * grads["d" + b_key]
                parameters[w_key] = parameters[w_key] - step_w
                parameters[b_key] = parameters[b_key] - step_b
            """,
    },
    "bob": {
        "initialize_parameters": """
            np.random.seed(seed)
            parameters = {}
            for i in range(len(layer_dims) - 1):
                fan_in = layer_dims[i]
                fan_out = layer_dims[i + 1]
                parameters["W%d" % (i + 1)] = 0.01 * np.random.randn(fan_out, fan_in)
                parameters["b%d" % (i + 1)] = np.zeros([fan_out, 1])
            """,
        "compute_cost": """
            m = len(Y.ravel())
            total = 0.0
            for a, y in zip(AL.ravel(), Y.ravel()):
                if y == 1:
                    total -= np.log(a)
                else:
                    total -= np.log(1 - a)
            cost = total / m
            """,
        "update_parameters": """
            updated = {}
            for key, value in parameters.items():
                gradient = grads.get("d" + key)
                if gradient is None:
                    raise KeyError(f"no gradient for {key}")
                updated[key] = value - learning_rate * gradient
            parameters = updated
            """,
    },
    "carol": {
        "initialize_parameters": """
            rng = np.random.default_rng(seed)
            shapes = list(zip(layer_dims[1:], layer_dims[:-1]))
            parameters = {}
            for n, shape in enumerate(shapes, start=1):
                parameters["W" + str(n)] = rng.normal(0.0, 0.01, size=shape)
                parameters["b" + str(n)] = np.zeros((shape[0], 1))
            """,
        "compute_cost": """
            m = Y.shape[1]
            losses = -(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))
            cost = np.sum(losses) / m
            cost = float(cost)
            """,
        "update_parameters": """
            parameters = {name: value - learning_rate * grads["d" + name]
                          for name, value in parameters.items()}
            """,
    },
    "dave": {
        "initialize_parameters": """
            rng = np.random.default_rng(seed)
            parameters = {}
            previous = layer_dims[0]
            for l, size in enumerate(layer_dims[1:]):
                scale = 0.01
                parameters["W" + str(l + 1)] = scale * rng.standard_normal((size, previous))
                parameters["b" + str(l + 1)] = np.zeros((size, 1), dtype=float)
                previous = size
            """,
        "compute_cost": """
            m = Y.shape[1]
            cross_entropy = np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)
            cost = -1 / m * cross_entropy
            cost = np.squeeze(cost).item()
            """,
        "update_parameters": """
            L = len(parameters) // 2
            for l in range(1, L + 1):
                for p in ("W", "b"):
                    parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * grads["d" + p + str(l)]
            """,
    },
}

# Copies of alice's work, disguised.
COPIES = {
    "eve": {  # variables renamed, comments and blank lines added
        "initialize_parameters": """
            # set up the random generator
            rand = np.random.default_rng(seed)
            parameters = dict()

            depth = len(layer_dims)   # how many layers
            for k in range(1, depth):
                h, w = layer_dims[k], layer_dims[k - 1]
                mat = rand.standard_normal(size=(h, w))
                parameters[f"W{k}"] = mat * 0.01    # small weights
                parameters[f"b{k}"] = np.zeros(shape=(h, 1))
                assert parameters[f"W{k}"].shape == (h, w)
            """,
        "compute_cost": """
            count = AL.shape[1]
            tiny = 1e-12  # avoid log(0)
            safe = np.clip(AL, tiny, 1 - tiny)
            pos = Y * np.log(safe)
            neg = (1 - Y) * np.log(1 - safe)

            s = np.sum(pos + neg, axis=1, keepdims=True)
            cost = float(-s.item() / count)
            """,
        "update_parameters": """
            depth = len(parameters) // 2
            for k in range(depth):
                j = k + 1
                kw, kb = f"W{j}", f"b{j}"
                dw = learning_rate * grads["d" + kw]
                db = learning_rate * grads["d" + kb]
                # gradient step
                parameters[kw] = parameters[kw] - dw
                parameters[kb] = parameters[kb] - db
            """,
    },
    "frank": {  # independent statements reordered, names changed, spacing and comments changed
        "initialize_parameters": """
            parameters = dict()
            gen = np.random.default_rng(seed)
            num = len(layer_dims)
            for idx in range(1, num):
                r, c = layer_dims[idx], layer_dims[idx - 1]
                parameters[f"b{idx}"] = np.zeros(shape=(r, 1))
                weights = gen.standard_normal(size=(r, c))
                parameters[f"W{idx}"] = weights * 0.01
                assert parameters[f"W{idx}"].shape == (r, c)
            """,
        "compute_cost": """
            eps = 1e-12
            n = AL.shape[1]
            clipped = np.clip(AL, eps, 1 - eps)
            negative = (1 - Y) * np.log(1 - clipped)
            positive = Y * np.log(clipped)
            total = np.sum(positive + negative, axis=1, keepdims=True)
            cost = float(-total.item() / n)  # the mean loss
            """,
        "update_parameters": """
            nl = len(parameters)//2
            for i in range(nl):
                ix = i + 1
                wk, bk = f"W{ix}", f"b{ix}"
                step_b = learning_rate*grads["d" + bk]
                step_w = learning_rate*grads["d" + wk]
                parameters[bk] = parameters[bk] - step_b
                parameters[wk] = parameters[wk] - step_w
            """,
    },
}

COPY_RING = {"alice", "eve", "frank"}


@pytest.fixture
def dnn(tmp_path, monkeypatch):
    """course9/dnn: three graded functions, a class of independent solutions, copies of alice's,
    two untouched releases, a corrupt notebook and an empty submission folder."""
    source = notebook(*(solution_cell(name, cell(name, body, delimit=True)) for name, body in SOURCE.items()))
    make_course(tmp_path, source, assignment="dnn")
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))
    assignment = find_course("course9", tmp_path).assignment("dnn")
    submitted = assignment.course.root / "submitted"
    students = {
        name: nbformat.writes(student_version(source, assignment, {f: cell(f, b) for f, b in bodies.items()}))
        for name, bodies in {**INDEPENDENT, **COPIES}.items()
    }
    students["untouched1"] = students["untouched2"] = nbformat.writes(release_version(source, assignment))
    students["corrupt"] = students["bob"][: len(students["bob"]) // 2]
    for name, text in students.items():
        (submitted / name / "dnn").mkdir(parents=True)
        (submitted / name / "dnn" / "dnn.ipynb").write_text(text, encoding="utf-8")
    (submitted / "absent" / "dnn").mkdir(parents=True)
    return assignment


def test_tokens_normalize_names_and_literals_and_drop_comments():
    """Do names become ID (except keywords, builtins and attributes), literals NUM/STR, and do
    comments, docstrings and layout vanish?"""
    source = 'def f(x):\n    """Doc."""\n    y = np.dot(x, 2.5)  # note\n\n    return len(y) + "s" "t"\n'
    assert [t.text for t in tokens(source)] == [
        "def", "ID", "(", "ID", ")", ":", "ID", "=", "ID", ".", "dot", "(", "ID", ",", "NUM", ")",
        "return", "len", "(", "ID", ")", "+", "STR"]
    assert [t.first for t in tokens(source)][-1] == 5


def test_renaming_and_comments_leave_fingerprints_unchanged():
    """Are the fingerprints of alice's code and eve's renamed, re-commented copy identical?"""
    for name in SIGNATURES:
        mine = fingerprints(cell(name, INDEPENDENT["alice"][name]))
        theirs = fingerprints(cell(name, COPIES["eve"][name]))
        assert {f.hash for f in mine} == {f.hash for f in theirs} and mine


def test_copies_rank_above_every_independent_pair(dnn):
    """Does every pair of disguised copies score above every pair of independent solutions?"""
    report = find_similar(dnn)
    scores = {frozenset((p.student_a, p.student_b)): p.score for p in report.pairs}
    written = [*INDEPENDENT, *COPIES]
    copies = {pair: scores.get(frozenset(pair), 0.0) for pair in combinations(sorted(COPY_RING), 2)}
    others = {pair: scores.get(frozenset(pair), 0.0) for pair in combinations(sorted(written), 2)
              if not set(pair) <= COPY_RING}
    print("copies:", {" & ".join(p): round(s, 3) for p, s in copies.items()})
    print("highest independent:", {" & ".join(p): round(s, 3)
                                   for p, s in sorted(others.items(), key=lambda kv: -kv[1])[:3]})
    assert min(copies.values()) > 0.5
    assert min(copies.values()) > 2 * max(others.values())
    assert [frozenset((p.student_a, p.student_b)) for p in report.pairs[:3]] == [
        frozenset(p) for p in sorted(copies, key=lambda p: -copies[p])]


def test_untouched_releases_share_nothing(dnn):
    """Does the starter code alone give two untouched releases (and anyone else) a score of 0?"""
    report = find_similar(dnn)
    assert report.submissions["untouched1"].prints == {name: [] for name in SIGNATURES}
    assert not [p for p in report.pairs if {"untouched1", "untouched2"} & {p.student_a, p.student_b}]


def test_unreadable_submissions_are_skipped_with_a_reason(dnn):
    """Are a corrupt notebook and an empty submission listed as skipped, with their reasons?"""
    report = find_similar(dnn)
    assert "not valid JSON" in report.skipped["corrupt"]
    assert report.skipped["absent"] == "no dnn.ipynb in the submission"
    assert "corrupt" not in report.submissions


def test_code_most_of_the_class_wrote_is_ignored():
    """Is code shared by most of the class dropped, while the same code shared by two still counts?"""
    obvious = cell("compute_cost", SOURCE["compute_cost"])
    own = {name: cell("compute_cost", bodies["compute_cost"]) for name, bodies in INDEPENDENT.items()}

    def sub(student: str, source: str) -> Submission:
        return Submission(student, {"compute_cost": source}, {"compute_cost": fingerprints(source)})

    everyone = [sub(name, obvious) for name in ("s1", "s2", "s3", "s4", "s5")]
    assert score_pairs(everyone) == []
    two = [sub("s1", obvious), sub("s2", obvious), *(sub(n, src) for n, src in own.items())]
    assert score_pairs(two)[0].score == 1.0 and {score_pairs(two)[0].student_a, "s2"} == {"s1", "s2"}


def test_cli_writes_ranked_csv_and_side_by_side_html(dnn, capsys, tmp_path):
    """Does `autograder similarity` write the CSV and the HTML with the matching lines marked?"""
    assert main(["similarity", "course9", "dnn", "--top", "5"]) == 0
    out = capsys.readouterr().out
    exports = dnn.course.root / "exports"
    with (exports / "similarity_dnn.csv").open() as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["rank", "student_a", "student_b", "score", "functions"]
    assert len(rows) == 5 and rows[0]["rank"] == "1"
    assert {rows[0]["student_a"], rows[0]["student_b"]} <= COPY_RING
    assert "compute_cost 1.00" in rows[0]["functions"]
    page = (exports / "similarity_dnn.html").read_text()
    assert 'class="hit"' in page and "corrupt" in page and page.count('<h2 id="pair') == 5
    assert "skipped corrupt" in out and "similarity_dnn.csv" in out
    assert main(["similarity", "course9", "dnn", "--output", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "similarity_dnn.html").is_file()


def test_cli_without_submissions_is_a_clear_error(capsys, tmp_path, monkeypatch):
    """Does asking before any submission is collected give exit 2 and say where they belong?"""
    make_course(tmp_path)
    monkeypatch.setenv("AUTOGRADER_ROOT", str(tmp_path))
    assert main(["similarity", "course9", "toy"]) == 2
    assert "no submissions in" in capsys.readouterr().err
