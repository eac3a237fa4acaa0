"""Correct alternative solutions for course2/regularization."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "compute_cost_with_regularization": {"Frobenius norms squared": ("np.sum(np.square(W1))",
                                                                     "np.linalg.norm(W1) ** 2")},
    "backward_propagation_with_regularization": {"factors reordered": ("lambd / m * W3", "W3 * lambd / m")},
    "forward_propagation_with_dropout": {"an integer mask": ("D1 = D1 < keep_prob", "D1 = (D1 < keep_prob).astype(int)")},
    "backward_propagation_with_dropout": {"np.multiply": ("dA2 = dA2 * D2", "dA2 = np.multiply(dA2, D2)")},
}
