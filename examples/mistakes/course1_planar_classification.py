"""Realistic student mistakes for ``course1/source/planar_classification/planar_classification.ipynb``.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``compute_cost``: the sum of the log-probabilities is not divided by ``m`` (a total, not a mean).
- ``backward_propagation``: the slope of tanh is written ``1 - A1`` instead of ``1 - A1 ** 2``,
  so ``dZ1`` (and ``dW1``, ``db1``) are wrong while ``dW2`` and ``db2`` are right.
- ``predict``: the probabilities are thresholded at 0.4 (``A2 >= 0.4``) instead of ``A2 > 0.5``.

Since ``nn_model`` calls ``backward_propagation``, its test fails too; ``compute_cost`` only
feeds the printed cost, so ``nn_model``'s parameters are not affected by the first mistake.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "compute_cost": ("cost = -np.sum(logprobs) / m", "cost = -np.sum(logprobs)"),
    "backward_propagation": ("(1 - np.power(A1, 2))", "(1 - A1)"),
    "predict": ("(A2 > 0.5)", "(A2 >= 0.4)"),
}
