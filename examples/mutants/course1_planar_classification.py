"""Real student mistakes in course1/planar_classification."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "layer_sizes": {"sizes read from the wrong axis": [("n_x = X.shape[0]", "n_x = X.shape[1]"),
                                                       ("n_y = Y.shape[0]", "n_y = Y.shape[1]")]},
    "initialize_parameters": {
        "W1 transposed": ("W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_x, n_h) * 0.01"),
        "W2 not scaled by 0.01": ("W2 = np.random.randn(n_y, n_h) * 0.01", "W2 = np.random.randn(n_y, n_h)"),
        "b1 a rank-1 array": ("b1 = np.zeros((n_h, 1))", "b1 = np.zeros(n_h)"),
    },
    "forward_propagation": {
        "sigmoid in the hidden layer": ("A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)"),
        "the bias forgotten": ("Z2 = np.dot(W2, A1) + b2", "Z2 = np.dot(W2, A1)"),
    },
    "compute_cost": {
        "no 1/m": ("cost = -np.sum(logprobs) / m", "cost = -np.sum(logprobs)"),
        "log(A2) in the second term": ("np.multiply(np.log(1 - A2), 1 - Y)", "np.multiply(np.log(A2), 1 - Y)"),
    },
    "backward_propagation": {
        "tanh's derivative as 1 - A1": ("(1 - np.power(A1, 2))", "(1 - A1)"),
        "db1 summed over the wrong axis": ("db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
                                           "db1 = np.sum(dZ1, axis=0, keepdims=True) / m"),
        "dZ1 with a matrix product for the elementwise one": (
            "np.dot(W2.T, dZ2) * (1 - np.power(A1, 2))", "np.dot(np.dot(W2.T, dZ2).T, 1 - np.power(A1, 2))"),
    },
    "update_parameters": {
        "gradient ascent on W1": ('W1 = parameters["W1"] - learning_rate', 'W1 = parameters["W1"] + learning_rate'),
        "b2 updated with db1": ('grads["db2"]', 'grads["db1"][:1]'),
    },
    "nn_model": {"the update's result not kept": ("parameters = update_parameters(parameters, grads)",
                                                  "update_parameters(parameters, grads)")},
    "predict": {"probabilities instead of labels": ("(A2 > 0.5).astype(int)", "A2")},
}
