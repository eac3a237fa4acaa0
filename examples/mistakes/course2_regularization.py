"""Realistic student mistakes for course2/source/regularization/regularization.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``compute_cost_with_regularization``: the penalty is scaled by ``lambd / m`` (the factor of
  its gradient) instead of ``lambd / (2 * m)``, so it is twice too large.
- ``backward_propagation_with_dropout``: ``dA2`` and ``dA1`` are divided by ``keep_prob`` but the
  masks ``D2`` and ``D1`` are not applied, so gradient flows through the units that were off.

The tests of the other two functions build their inputs themselves, so they still pass.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "compute_cost_with_regularization": ("lambd / (2 * m) *", "lambd / m *"),
    "backward_propagation_with_dropout": [("    dA2 = dA2 * D2\n", ""), ("    dA1 = dA1 * D1\n", "")],
}
