"""Realistic student mistakes for course1/source/deep_nn_application/deep_nn_application.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``two_layer_model``: ``W1``, ``b1``, ``W2``, ``b2`` are not taken out of the dict that
  ``update_parameters`` returns, so every forward pass uses the initial weights: the costs stay
  at their first value while the returned parameters drift along the initial gradient.

This assignment has only two graded functions, and the "partial" example student built from
``MISTAKES`` must keep some of the points, so the mistake for the other function is kept apart
in ``MORE_MISTAKES`` (same format; it makes ``L_layer_model_tests`` fail just as well):

- ``L_layer_model``: the cost is recorded only every 100 iterations, so the cost of the last
  iteration is missing (3 costs instead of 4 for 250 iterations).
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "two_layer_model": ('        W1 = parameters["W1"]\n        b1 = parameters["b1"]\n'
                        '        W2 = parameters["W2"]\n        b2 = parameters["b2"]\n', ""),
}

MORE_MISTAKES: dict[str, Edit] = {
    "L_layer_model": ("if i % 100 == 0 or i == num_iterations - 1:", "if i % 100 == 0:"),
}
