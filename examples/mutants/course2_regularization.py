"""Real student mistakes in course2/regularization."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "compute_cost_with_regularization": {
        "lambda/m instead of lambda/(2m)": ("lambd / (2 * m)", "lambd / m"),
        "W1 left out of the penalty": ("np.sum(np.square(W1)) + ", ""),
        "the norm instead of its square": ("np.sum(np.square(W2))", "np.sqrt(np.sum(np.square(W2)))"),
    },
    "backward_propagation_with_regularization": {
        "lambda without 1/m": ("lambd / m * W3", "lambd * W3"),
        "W1's penalty forgotten": (" + lambd / m * W1", ""),
    },
    "forward_propagation_with_dropout": {
        "the mask not rescaled": [("A1 = A1 / keep_prob", "A1 = A1"), ("A2 = A2 / keep_prob", "A2 = A2")],
        "keeping with probability 1 - keep_prob": ("D1 = D1 < keep_prob", "D1 = D1 > keep_prob"),
        "one mask for both layers": ("D2 = np.random.rand(A2.shape[0], A2.shape[1])", "D2 = D1[:A2.shape[0]]"),
    },
    "backward_propagation_with_dropout": {
        "multiplied by keep_prob": ("dA2 = dA2 / keep_prob", "dA2 = dA2 * keep_prob"),
        "dA1 not rescaled": ("dA1 = dA1 / keep_prob", "dA1 = dA1"),
    },
}
