"""Real student mistakes in course1/deep_nn_step_by_step."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "initialize_parameters": {"W1 not scaled by 0.01": ("W1 = np.random.randn(n_h, n_x) * 0.01",
                                                       "W1 = np.random.randn(n_h, n_x)")},
    "initialize_parameters_deep": {
        "W transposed": ("np.random.randn(layer_dims[layer], layer_dims[layer - 1])",
                         "np.random.randn(layer_dims[layer - 1], layer_dims[layer])"),
        "the last layer forgotten": ("for layer in range(1, L):", "for layer in range(1, L - 1):"),
    },
    "linear_forward": {
        "* for the matrix product": ("Z = np.dot(W, A) + b", "Z = np.sum(W * A.T, axis=1, keepdims=True) + b"),
        "the bias forgotten": ("Z = np.dot(W, A) + b", "Z = np.dot(W, A)"),
    },
    "linear_activation_forward": {"relu in the sigmoid branch": ("A, activation_cache = sigmoid(Z)",
                                                                 "A, activation_cache = relu(Z)")},
    "L_model_forward": {
        "hidden layers not cached": ("        caches.append(cache)\n", ""),
        "sigmoid in the hidden layers": ('b, activation="relu")', 'b, activation="sigmoid")'),
    },
    "compute_cost": {"no 1/m": ("np.log(1 - AL)) / m", "np.log(1 - AL))")},
    "linear_backward": {
        "keepdims forgotten": ("db = np.sum(dZ, axis=1, keepdims=True) / m", "db = np.sum(dZ, axis=1) / m"),
        "no 1/m in dW": ("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)"),
        "1/m in dA_prev too": ("dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(W.T, dZ) / m"),
    },
    "linear_activation_backward": {"sigmoid_backward in the relu branch": (
        "dZ = relu_backward(dA, activation_cache)", "dZ = sigmoid_backward(dA, activation_cache)")},
    "L_model_backward": {
        "the wrong layer's cache": ("current_cache = caches[layer - 1]", "current_cache = caches[layer]"),
        "dAL without its minus sign": ("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                                       "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
    },
    "update_parameters": {"the last layer not updated": ("for layer in range(1, L + 1):",
                                                         "for layer in range(1, L):")},
}
