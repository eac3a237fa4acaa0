"""Realistic student mistakes for course1/source/numpy_basics/numpy_basics.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the function name) to a replacement cell
that contains one typical mistake, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them.
Substituting any one of them into the source notebook must make that function's test cell
(``<grade_id>_tests``) fail, which shows that the tests catch the mistake.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    # The minus sign of the exponent is forgotten: this computes sigmoid(-x) = 1 - sigmoid(x).
    "sigmoid": ("np.exp(-x)", "np.exp(x)"),
    # The norms are taken over axis=0 (one per column) instead of axis=1 (one per row).
    "normalize_rows": ("norm(x, axis=1, keepdims=True)", "norm(x, axis=0, keepdims=True)"),
    # The exponentials are normalized over each column (axis=0) instead of each row.
    "softmax": [("np.exp(x - np.max(x, axis=1, keepdims=True))", "np.exp(x)"),
                ("np.sum(x_exp, axis=1, keepdims=True)", "np.sum(x_exp, axis=0, keepdims=True)")],
    # The absolute value is used instead of the square: this is the L1 loss again.
    "L2": ("np.sum((y - yhat) ** 2)", "np.sum(np.abs(y - yhat))"),
}
