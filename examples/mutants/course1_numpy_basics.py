"""Real student mistakes in course1/numpy_basics."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "basic_sigmoid": {"the sign of the exponent forgotten": ("math.exp(-x)", "math.exp(x)")},
    "sigmoid": {"math.exp, which takes scalars only": ("np.exp(-x)", "math.exp(-x)")},
    "sigmoid_derivative": {"the derivative in x instead of s": ("ds = s * (1 - s)", "ds = x * (1 - x)")},
    "image2vector": {
        "a row vector": ("image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)",
                         "image.reshape(1, -1)"),
        "column-major order": ("image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)",
                               "image.reshape(-1, 1, order='F')"),
    },
    "normalize_rows": {"keepdims forgotten": ("axis=1, keepdims=True", "axis=1")},
    "softmax": {
        "keepdims forgotten in the sum": ("x_sum = np.sum(x_exp, axis=1, keepdims=True)",
                                          "x_sum = np.sum(x_exp, axis=1)"),
        "one sum over the whole matrix": ("x_sum = np.sum(x_exp, axis=1, keepdims=True)",
                                          "x_sum = np.sum(x_exp)"),
    },
    "L1": {"the mean instead of the sum": ("np.sum(np.abs(y - yhat))", "np.mean(np.abs(y - yhat))")},
    "L2": {"the norm instead of its square": ("np.sum((y - yhat) ** 2)", "np.sqrt(np.sum((y - yhat) ** 2))")},
}
