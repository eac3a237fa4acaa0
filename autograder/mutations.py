"""Deterministic AST mutations of a solution cell, for measuring how well tests catch mistakes.

Only code inside the cell's ``### BEGIN SOLUTION`` / ``### END SOLUTION`` regions is mutated;
signatures, docstrings and ``return`` lines stay as the student receives them. Each operator
yields one mutant per place it applies, in source order, so the same cell always gives the same
mutants. ``refactorings`` are the opposite: rewrites that keep behaviour (``a @ b`` as
``np.matmul(a, b)``), used as automatic correct alternatives.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .derive import SOLUTION_DELIMITERS


@dataclass(frozen=True)
class Mutant:
    """One variant of a solution cell: ``label`` says what changed, ``source`` is the whole cell."""

    kind: str
    label: str
    source: str


def solution_lines(source: str) -> set[int]:
    """1-based line numbers strictly inside the solution regions of a cell."""
    begin, end = SOLUTION_DELIMITERS
    inside, lines = False, set()
    for number, line in enumerate(source.splitlines(), start=1):
        if line.strip() == begin:
            inside = True
        elif line.strip() == end:
            inside = False
        elif inside:
            lines.add(number)
    return lines


def canonical(source: str) -> str:
    """The cell as ``ast.unparse`` writes it (comments and delimiters dropped)."""
    return ast.unparse(ast.parse(source))


# --- operators: each maps a node to the replacements it offers --------------------------------

BINOP_SWAPS = {ast.Add: [ast.Sub], ast.Sub: [ast.Add], ast.Mult: [ast.Div, ast.MatMult],
               ast.Div: [ast.Mult], ast.MatMult: [ast.Mult], ast.Pow: [ast.Mult]}
COMPARE_SWAPS = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE,
                 ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}
BOUNDARY_SWAPS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
# functions that students confuse with each other (attribute or bare name)
FUNCTION_SWAPS = {
    "sigmoid": "relu", "relu": "sigmoid", "tanh": "sigmoid", "exp": "log", "log": "exp",
    "sum": "mean", "mean": "sum", "maximum": "minimum", "minimum": "maximum", "max": "min",
    "min": "max", "sqrt": "square", "square": "sqrt", "zeros": "ones", "ones": "zeros",
    "randn": "rand", "rand": "randn", "dot": "multiply", "multiply": "dot", "matmul": "multiply",
    "abs": "square", "argmax": "argmin", "floor": "ceil", "ceil": "floor",
    "sigmoid_backward": "relu_backward", "relu_backward": "sigmoid_backward",
}
STRING_SWAPS = {"relu": "sigmoid", "sigmoid": "relu", "tanh": "relu", "softmax": "sigmoid",
                "same": "valid", "valid": "same", "linear": "relu"}
AXIS_SWAPS = {0: [1], 1: [0], -1: [0], 2: [1], 3: [1]}


def _binop(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    if not isinstance(node, ast.BinOp):
        return
    for new in BINOP_SWAPS.get(type(node.op), []):
        yield f"{type(node.op).__name__} -> {new.__name__}", ast.BinOp(node.left, new(), node.right)
    if isinstance(node.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
        yield "drop the right operand", node.left
        if isinstance(node.op, ast.Add | ast.Mult):
            yield "drop the left operand", node.right
    if isinstance(node.op, ast.Sub | ast.Div | ast.MatMult | ast.Pow):
        yield "swap the operands", ast.BinOp(node.right, node.op, node.left)


def _compare(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        op = type(node.ops[0])
        if op in COMPARE_SWAPS:
            yield f"{op.__name__} -> {COMPARE_SWAPS[op].__name__}", \
                ast.Compare(node.left, [COMPARE_SWAPS[op]()], node.comparators)
        if op in BOUNDARY_SWAPS:
            yield f"{op.__name__} -> {BOUNDARY_SWAPS[op].__name__}", \
                ast.Compare(node.left, [BOUNDARY_SWAPS[op]()], node.comparators)


def _constant(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        return
    if isinstance(node.value, int):
        yield f"{node.value} -> {node.value + 1}", ast.Constant(node.value + 1)
        yield f"{node.value} -> {node.value - 1}", ast.Constant(node.value - 1)
    elif isinstance(node.value, float) and node.value not in (0.0,):
        yield f"{node.value} -> {node.value * 2}", ast.Constant(node.value * 2)
    elif isinstance(node.value, str) and node.value in STRING_SWAPS:
        yield f"{node.value!r} -> {STRING_SWAPS[node.value]!r}", ast.Constant(STRING_SWAPS[node.value])


def _unary(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        yield "drop the minus sign", node.operand


def _transpose(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    if isinstance(node, ast.Attribute) and node.attr == "T":
        yield "drop .T", node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
        yield "transpose the left operand", ast.BinOp(_t(node.left), node.op, node.right)
        yield "transpose the right operand", ast.BinOp(node.left, node.op, _t(node.right))
    if _called(node) in ("dot", "matmul") and len(node.args) == 2:
        yield "transpose the first argument", ast.Call(node.func, [_t(node.args[0]), node.args[1]],
                                                       node.keywords)


def _t(node: ast.AST) -> ast.AST:
    if isinstance(node, ast.Attribute) and node.attr == "T":
        return node.value
    return ast.Attribute(node, "T", ast.Load())


def _called(node: ast.AST) -> str | None:
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
        if isinstance(node.func, ast.Name):
            return node.func.id
    return None


def _call(node: ast.AST) -> Iterator[tuple[str, ast.AST]]:
    name = _called(node)
    if name is None:
        return
    if name in FUNCTION_SWAPS:
        func = copy.copy(node.func)
        if isinstance(func, ast.Attribute):
            func.attr = FUNCTION_SWAPS[name]
        else:
            func.id = FUNCTION_SWAPS[name]
        yield f"{name}() -> {FUNCTION_SWAPS[name]}()", ast.Call(func, node.args, node.keywords)
    for i, kw in enumerate(node.keywords):
        rest = node.keywords[:i] + node.keywords[i + 1:]
        if kw.arg in ("keepdims", "axis", "axes", "padding", "strides", "activation", "use_bias"):
            yield f"drop {kw.arg}=", ast.Call(node.func, node.args, rest)
        if kw.arg == "axis" and isinstance(kw.value, ast.Constant) and kw.value.value in AXIS_SWAPS:
            for new in AXIS_SWAPS[kw.value.value]:
                yield f"axis={kw.value.value} -> axis={new}", ast.Call(
                    node.func, node.args, [*rest, ast.keyword("axis", ast.Constant(new))])
    if len(node.args) >= 2 and not any(isinstance(a, ast.Starred) for a in node.args[:2]):
        if ast.dump(node.args[0]) != ast.dump(node.args[1]):
            yield f"swap the first two arguments of {name}()", \
                ast.Call(node.func, [node.args[1], node.args[0], *node.args[2:]], node.keywords)


EXPRESSION_OPERATORS: tuple[Callable[[ast.AST], Iterator[tuple[str, ast.AST]]], ...] = (
    _binop, _compare, _constant, _unary, _transpose, _call)


def _negate(stmt: ast.stmt) -> Iterator[tuple[str, ast.stmt]]:
    if isinstance(stmt, ast.Assign | ast.AugAssign) and not isinstance(stmt.value, ast.Tuple | ast.Call):
        new = copy.copy(stmt)
        value = stmt.value
        if isinstance(value, ast.Constant) and isinstance(value.value, bool):  # -False is False
            new.value = ast.Constant(not value.value)
        else:
            new.value = ast.UnaryOp(ast.USub(), value)
        yield "negate the assigned value", new


# --- applying the operators --------------------------------------------------------------------


class _Replace(ast.NodeTransformer):
    """Replace the node (or statement) with the given index in walk order."""

    def __init__(self, target: int, replacement: ast.AST | None) -> None:
        self.target, self.replacement, self.index = target, replacement, -1

    def generic_visit(self, node: ast.AST) -> ast.AST | None:
        self.index += 1
        if self.index == self.target:
            return self.replacement
        return super().generic_visit(node)


def _inside(node: ast.AST, lines: set[int]) -> bool:
    start = getattr(node, "lineno", None)
    end = getattr(node, "end_lineno", start)
    return start is not None and all(n in lines for n in range(start, end + 1))


def _sites(tree: ast.AST) -> list[ast.AST]:
    """Nodes in the order _Replace counts them (pre-order, children in field order)."""
    found: list[ast.AST] = []

    def visit(node: ast.AST) -> None:
        found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _stmt_lists(tree: ast.AST) -> Iterator[tuple[ast.AST, str, int]]:
    for node in ast.walk(tree):
        for field in ("body", "orelse"):
            body = getattr(node, field, None)
            if isinstance(body, list):
                for i, stmt in enumerate(body):
                    if isinstance(stmt, ast.stmt):
                        yield node, field, i


def mutants(source: str) -> list[Mutant]:
    """Every automatic mutant of a solution cell's regions, deduplicated, in source order."""
    lines = solution_lines(source)
    tree = ast.parse(source)
    reference = ast.unparse(tree)
    found: dict[str, Mutant] = {}

    def add(kind: str, label: str, new_tree: ast.AST) -> None:
        try:
            text = ast.unparse(ast.fix_missing_locations(new_tree))
            compile(text, "<mutant>", "exec")
        except (SyntaxError, ValueError, TypeError, AttributeError):
            return
        if text != reference and text not in found:
            taken = sum(m.label.split(" (")[0] == label for m in found.values())
            found[text] = Mutant(kind, f"{label} ({taken + 1})" if taken else label, text)

    for index, node in enumerate(_sites(tree)):
        if not _inside(node, lines) or isinstance(node, ast.expr_context):
            continue
        line = f"{node.lineno}:{node.col_offset}"
        for operator in EXPRESSION_OPERATORS:
            for label, replacement in operator(node):
                new_tree = _Replace(index, replacement).visit(copy.deepcopy(tree))
                add(operator.__name__.strip("_"), f"line {line}: {label}", new_tree)
    for parent, field, i in list(_stmt_lists(tree)):
        stmt = getattr(parent, field)[i]
        if not _inside(stmt, lines):
            continue
        for label, replacement in _negate(stmt):
            new_tree = _replace_stmt(tree, parent, field, i, [replacement])
            add("negate", f"line {stmt.lineno}: {label}", new_tree)
        if isinstance(stmt, ast.Assign | ast.AugAssign | ast.Expr):
            rest = [] if len(getattr(parent, field)) > 1 else [ast.Pass()]
            add("delete", f"line {stmt.lineno}: delete `{ast.unparse(stmt)[:60]}`",
                _replace_stmt(tree, parent, field, i, rest))
    return list(found.values())


def _replace_stmt(tree: ast.AST, parent: ast.AST, field: str, i: int, new: list[ast.stmt]) -> ast.AST:
    path = _path_to(tree, parent)
    copied = copy.deepcopy(tree)
    target = copied
    for step in path:
        target = step(target)
    body = getattr(target, field)
    setattr(target, field, body[:i] + new + body[i + 1:])
    return copied


def _path_to(tree: ast.AST, wanted: ast.AST) -> list[Callable[[ast.AST], ast.AST]]:
    """Accessors from ``tree`` to ``wanted`` that also work on a deep copy of ``tree``."""
    def search(node: ast.AST, path: list) -> list | None:
        if node is wanted:
            return path
        for name, value in ast.iter_fields(node):
            items = value if isinstance(value, list) else [value]
            for k, child in enumerate(items):
                if isinstance(child, ast.AST):
                    step = (lambda n, name=name, k=k: getattr(n, name)[k]) if isinstance(value, list) \
                        else (lambda n, name=name: getattr(n, name))
                    found = search(child, [*path, step])
                    if found is not None:
                        return found
        return None

    return search(tree, []) or []


# --- behaviour-preserving rewrites: automatic correct alternatives -----------------------------


class _Refactor(ast.NodeTransformer):
    """Rewrite every ``a @ b`` as ``np.matmul(a, b)``, ``x.T`` as ``np.transpose(x)``,
    ``np.sum(x, ...)`` as ``x.sum(...)``, and ``a - b`` as ``a + -b`` inside the regions."""

    def __init__(self, lines: set[int]) -> None:
        self.lines, self.changed = lines, False

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if not _inside(node, self.lines):
            return node
        if isinstance(node.op, ast.MatMult):
            self.changed = True
            return ast.Call(_np("matmul"), [node.left, node.right], [])
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if node.attr == "T" and _inside(node, self.lines) and isinstance(node.ctx, ast.Load):
            self.changed = True
            return ast.Call(_np("transpose"), [node.value], [])
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if (_inside(node, self.lines) and isinstance(func, ast.Attribute) and func.attr == "sum"
                and isinstance(func.value, ast.Name) and func.value.id == "np" and len(node.args) == 1):
            self.changed = True
            return ast.Call(ast.Attribute(node.args[0], "sum", ast.Load()), [], node.keywords)
        return node


def _np(name: str) -> ast.expr:
    return ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load())


def refactorings(source: str) -> list[Mutant]:
    """One automatic correct alternative of the cell, if a behaviour-keeping rewrite applies."""
    lines = solution_lines(source)
    tree = ast.parse(source)
    rewriter = _Refactor(lines)
    new = rewriter.visit(copy.deepcopy(tree))
    if not rewriter.changed:
        return []
    text = ast.unparse(ast.fix_missing_locations(new))
    return [Mutant("refactor", "@ as np.matmul, .T as np.transpose, np.sum(x) as x.sum()", text)]
