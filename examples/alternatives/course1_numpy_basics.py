"""Correct alternative solutions for course1/numpy_basics."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "basic_sigmoid": {"through tanh": ("1 / (1 + math.exp(-x))", "0.5 * (1 + math.tanh(x / 2))")},
    "sigmoid": {"through logaddexp": ("1 / (1 + np.exp(-x))", "np.exp(-np.logaddexp(0, -x))")},
    "sigmoid_derivative": {"s - s**2": ("ds = s * (1 - s)", "ds = s - s ** 2")},
    "image2vector": {"reshape(-1, 1)": ("image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)",
                                        "np.reshape(image, (-1, 1))")},
    "normalize_rows": {"norm by hand": ("np.linalg.norm(x, axis=1, keepdims=True)",
                                        "np.sqrt(np.sum(x * x, axis=1)).reshape(-1, 1)")},
    "softmax": {"sum then a new axis": ("x_sum = np.sum(x_exp, axis=1, keepdims=True)",
                                        "x_sum = x_exp.sum(axis=1)[:, np.newaxis]")},
    "L1": {"a Python loop": ("np.sum(np.abs(y - yhat))",
                             "sum(abs(a - b) for a, b in zip(np.ravel(yhat), np.ravel(y)))")},
    "L2": {"a dot product": ("np.sum((y - yhat) ** 2)", "np.dot(np.ravel(y - yhat), np.ravel(y - yhat))")},
}
