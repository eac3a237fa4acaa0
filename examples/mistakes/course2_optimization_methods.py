"""Realistic student mistakes for course2/source/optimization_methods/optimization_methods.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``random_mini_batches``: ``X`` and ``Y`` are shuffled with two different permutations, so the
  labels no longer match their examples (the shapes are all right).
- ``update_parameters_with_momentum``: the velocity adds the whole gradient,
  ``v = beta * v + dW``, without the factor ``(1 - beta)``.
- ``update_parameters_with_adam``: no bias correction (``v_corrected = v``,
  ``s_corrected = s``), so the first steps have the wrong size (about three times too
  large with the default betas).

None of the graded functions calls another, so only the matching tests fail.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "random_mini_batches": [("shuffle X and Y with the same permutation of the columns.", "shuffle X and Y."),
                            ("permutation = list(np.random.permutation(m))\n    ", ""),
                            ("[:, permutation]", "[:, np.random.permutation(m)]")],
    "update_parameters_with_momentum": ('(1 - beta) * grads["d" + key]', 'grads["d" + key]'),
    "update_parameters_with_adam": [("v[key] / (1 - beta1 ** t)", "v[key]"),
                                    ("s[key] / (1 - beta2 ** t)", "s[key]")],
}
