"""Correct alternative solutions for course1/planar_classification."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "layer_sizes": {"len": ("n_x = X.shape[0]", "n_x = len(X)")},
    "initialize_parameters": {"shape keyword": ("b1 = np.zeros((n_h, 1))", "b1 = np.zeros(shape=(n_h, 1))")},
    "forward_propagation": {"tanh through sigmoid, @": [("A1 = np.tanh(Z1)", "A1 = 2 * sigmoid(2 * Z1) - 1"),
                                                        ("Z1 = np.dot(W1, X) + b1", "Z1 = W1 @ X + b1")]},
    "compute_cost": {"* instead of np.multiply": (
        "logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)",
        "logprobs = Y * np.log(A2) + (1 - Y) * np.log(1 - A2)")},
    "backward_propagation": {"A1 * A1": ("(1 - np.power(A1, 2))", "(1 - A1 * A1)")},
    "update_parameters": {"factors swapped": ('parameters["W1"] - learning_rate * grads["dW1"]',
                                              'parameters["W1"] - grads["dW1"] * learning_rate')},
    "predict": {"np.where": ("(A2 > 0.5).astype(int)", "np.where(A2 > 0.5, 1, 0)")},
    "nn_model": {"the learning rate spelt out": ("parameters = update_parameters(parameters, grads)", "parameters = update_parameters(parameters, grads, learning_rate=1.2)")},
}
