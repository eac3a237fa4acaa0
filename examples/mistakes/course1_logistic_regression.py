"""Realistic student mistakes for ``course1/source/logistic_regression/logistic_regression.ipynb``.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``propagate``: the ``1/m`` is missing from ``dw`` (the gradient is a sum instead of a mean).
- ``optimize``: the update adds the gradient (gradient *ascent*), so the cost goes up.
- ``predict``: the probabilities are returned instead of 0/1 labels (no threshold at 0.5).
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "propagate": ("dw = np.dot(X, (A - Y).T) / m", "dw = np.dot(X, (A - Y).T)"),
    "optimize": [("w = w - learning_rate * dw", "w = w + learning_rate * dw"),
                 ("b = b - learning_rate * db", "b = b + learning_rate * db")],
    "predict": ("Y_prediction = (A > 0.5).astype(float)", "Y_prediction = A"),
}
