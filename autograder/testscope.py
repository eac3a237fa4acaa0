"""What a test cell leaves where the student's code can reach it.

A test cell runs in the student's kernel, next to the student's functions. Two rewrites keep the
answers out of that kernel:

- **slice** (student runs only): statements that only compute *expected* values (a reference
  implementation ``def t_reference_model(...)``, ``t_expected = t_reference_model(...)``) are
  dropped. The expected side of every check comes from the reference run, so the student run
  never needs them, and a function that reads ``globals()`` or walks the interpreter's frames finds
  nothing to copy. A statement is kept when a name it binds is read by the code that remains (the
  checks' *actual* values included) or by another cell of the source notebook. Dropping a
  statement whose side effect the student's code would see (random numbers drawn) changes the
  source's own actual values: ``autograder check`` then reports a source that fails its tests.
- **enclose** (both runs, identically): the cell runs as a function called on the spot, so what
  it still binds (inputs, loop variables, case tables) is local to it rather than global in the
  student's namespace. Names another cell reads, and names the cell declares ``global``, stay
  global.

What neither can hide: the inputs and literal case tables a test still needs, from code that
hooks the shell or walks frames. Hidden tests should compute expected values inside the check
call or in statements of their own, never next to the inputs.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator

CELL_FUNCTION = "__autograder_test_cell__"
# Given a call, the expression of the student's value if it is a check call, else None.
ActualOf = Callable[[ast.Call], "ast.expr | None"]
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.ListComp, ast.SetComp,
          ast.DictComp, ast.GeneratorExp)


def loaded_names(tree: ast.AST) -> set[str]:
    """Every name a piece of code reads (or declares global), at any depth."""
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Store)}
    declared = (n.names for n in ast.walk(tree) if isinstance(n, ast.Global | ast.Nonlocal))
    return names.union(*declared)


def bound_names(stmt: ast.stmt) -> set[str] | None:
    """The names a statement only binds (or deletes), or None when it is no such statement: it
    also changes something else (an attribute, an item), or it is not a binding."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {stmt.name}
    if isinstance(stmt, ast.Import | ast.ImportFrom):
        return {(a.asname or a.name).split(".")[0] for a in stmt.names if a.name != "*"} or None
    if isinstance(stmt, ast.Assign | ast.Delete):
        targets = stmt.targets
    elif isinstance(stmt, ast.AnnAssign | ast.AugAssign):
        targets = [stmt.target]
    else:
        return None
    names = set()
    for node in (n for t in targets for n in ast.walk(t)):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif not isinstance(node, ast.Tuple | ast.List | ast.Starred | ast.expr_context):
            return None
    return names


def _blocks(stmt: ast.AST) -> list[list[ast.stmt]]:
    """The statement lists nested directly in a compound statement (none for definitions)."""
    if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return []
    blocks = [block for f in ("body", "orelse", "finalbody")
              if isinstance(block := getattr(stmt, f, None), list)]
    blocks += [h.body for h in getattr(stmt, "handlers", [])]
    blocks += [c.body for c in getattr(stmt, "cases", [])]
    return blocks


def _statements(body: Iterable[ast.stmt]) -> Iterator[ast.stmt]:
    for stmt in body:
        yield stmt
        for block in _blocks(stmt):
            yield from _statements(block)


def _reads(node: ast.AST, dropped: set[int], actual_of: ActualOf) -> set[str]:
    """Names ``node`` reads when run in a student run: not those of dropped statements, nor of
    the expected side of checks (only a check's actual value is evaluated there)."""
    if id(node) in dropped:
        return set()
    if isinstance(node, ast.Call) and (actual := actual_of(node)) is not None:
        return _reads(actual, dropped, actual_of)
    if isinstance(node, ast.Name):
        return set() if isinstance(node.ctx, ast.Store) else {node.id}
    if isinstance(node, ast.Global | ast.Nonlocal):
        return set(node.names)
    names: set[str] = set()
    for child in ast.iter_child_nodes(node):
        names |= _reads(child, dropped, actual_of)
    return names


def slice_for_student(tree: ast.Module, keep: set[str], actual_of: ActualOf) -> ast.Module:
    """Drop the binding statements whose names nothing left reads (see the module docstring)."""
    candidates = {id(s): names for s in _statements(tree.body)
                  if (names := bound_names(s))
                  and not any(isinstance(n, ast.Call) and actual_of(n) is not None for n in ast.walk(s))}
    dropped = set(candidates)
    while True:
        needed = keep | _reads(tree, dropped, actual_of)
        revived = {i for i in dropped if candidates[i] & needed}
        if not revived:
            break
        dropped -= revived
    for stmt in [tree, *_statements(tree.body)]:
        for block in _blocks(stmt):
            kept = [s for s in block if id(s) not in dropped]
            block[:] = kept or ([ast.Pass()] if block else [])  # an emptied block still needs a statement
    return tree


def _stored_at_top(node: ast.AST) -> Iterator[str]:
    """Names the cell binds in its own scope (not in the functions, classes and comprehensions
    it defines)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield child.name
        elif isinstance(child, ast.Import | ast.ImportFrom):
            yield from ((a.asname or a.name).split(".")[0] for a in child.names)
        elif isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store | ast.Del):
            yield child.id
        if not isinstance(child, SCOPES):
            yield from _stored_at_top(child)


def enclose(tree: ast.Module, shared: set[str]) -> ast.Module:
    """The cell as a function that its decorator calls at once (so no name holds it while it
    runs); names bound at the cell's top level that ``shared`` lists, or that the cell declares
    global anywhere, stay global."""
    declared = {name for n in ast.walk(tree) if isinstance(n, ast.Global) for name in n.names}
    keep_global = sorted(set(_stored_at_top(tree)) & (shared | declared))
    body = [s for s in tree.body if not isinstance(s, ast.Global)]  # no-ops at a cell's top level
    body = ([ast.Global(keep_global)] if keep_global else []) + (body or [ast.Pass()])
    no_arguments = ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[])
    call_now = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[ast.arg("f")], kwonlyargs=[],
                                             kw_defaults=[], defaults=[]),
                          body=ast.Call(ast.Name("f", ast.Load()), [], []))
    function = ast.FunctionDef(name=CELL_FUNCTION, args=no_arguments, body=body,
                               decorator_list=[call_now], returns=None)
    if "type_params" in ast.FunctionDef._fields:  # Python >= 3.12
        function.type_params = []
    forget = ast.Delete([ast.Name(CELL_FUNCTION, ast.Del())])
    return ast.fix_missing_locations(ast.Module([function, forget], type_ignores=[]))


def names_read_elsewhere(sources: dict[str, str], others: Iterable[str]) -> dict[str, set[str]]:
    """For each test cell (key -> source), the names the other cells (``others`` and the other
    test cells) read without binding them themselves. A cell that does not parse (IPython magics)
    counts with every identifier in it."""
    def reads(source: str) -> set[str]:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return set(re.findall(r"[A-Za-z_]\w*", source))
        return loaded_names(tree) - set(_stored_at_top(tree))

    outside = set().union(*(reads(s) for s in others))
    per_cell = {key: reads(source) for key, source in sources.items()}
    return {key: outside.union(*(names for other, names in per_cell.items() if other != key))
            for key in sources}
