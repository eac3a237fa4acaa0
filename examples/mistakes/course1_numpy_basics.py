"""Realistic student mistakes for course1/source/numpy_basics/numpy_basics.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the function name) to the full source of a
replacement cell that contains one typical mistake. Substituting any one of them into the source
notebook must make that function's test cell (``<grade_id>_tests``) fail, which shows that the
tests catch the mistake. The sources carry no solution delimiters.
"""

MISTAKES: dict[str, str] = {
    # The minus sign of the exponent is forgotten: this computes sigmoid(-x) = 1 - sigmoid(x).
    "sigmoid": '''# GRADED FUNCTION: sigmoid
def sigmoid(x):
    """
    Compute the sigmoid of x, elementwise.

    Args:
        x: a scalar or numpy array of any shape.

    Returns:
        s: sigmoid(x), same shape as x.
    """
    s = 1 / (1 + np.exp(x))
    return s
''',
    # The norms are taken over axis=0 (one per column) instead of axis=1 (one per row).
    "normalize_rows": '''# GRADED FUNCTION: normalize_rows
def normalize_rows(x):
    """
    Divide each row of the matrix x by its L2 norm.

    Args:
        x: a numpy array of shape (n, m).

    Returns:
        x: the row-normalized numpy array of shape (n, m).
    """
    x_norm = np.linalg.norm(x, axis=0, keepdims=True)
    x = x / x_norm
    return x
''',
    # The exponentials are normalized over each column (axis=0) instead of each row.
    "softmax": '''# GRADED FUNCTION: softmax
def softmax(x):
    """
    Compute the softmax of each row of x.

    Args:
        x: a numpy array of shape (m, n).

    Returns:
        s: a numpy array of shape (m, n), the softmax of each row of x.
    """
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=0, keepdims=True)
    s = x_exp / x_sum
    return s
''',
    # The absolute value is used instead of the square: this is the L1 loss again.
    "L2": '''# GRADED FUNCTION: L2
def L2(yhat, y):
    """
    Compute the L2 loss.

    Args:
        yhat: a numpy array of m predicted values, shape (m,) or (m, 1).
        y: a numpy array of the m true values, same shape as yhat.

    Returns:
        loss: the L2 loss, a scalar.
    """
    loss = np.sum(np.abs(y - yhat))
    return loss
''',
}
