"""Correct alternative solutions for course1/deep_nn_step_by_step."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "initialize_parameters_deep": {"/ 100": ("layer_dims[layer - 1]) * 0.01", "layer_dims[layer - 1]) / 100")},
    "linear_forward": {"@": ("Z = np.dot(W, A) + b", "Z = W @ A + b")},
    "L_model_forward": {"positional activation": ('A, cache = linear_activation_forward(A_prev, W, b, activation="relu")',
                                                  'A, cache = linear_activation_forward(A_prev, W, b, "relu")')},
    "compute_cost": {"the mean": ("cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m",
                                  "cost = -np.mean(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))")},
    "linear_backward": {"mean with keepdims": ("db = np.sum(dZ, axis=1, keepdims=True) / m",
                                               "db = dZ.mean(axis=1, keepdims=True)")},
    "L_model_backward": {"a descending range": ("for layer in reversed(range(1, L)):",
                                                "for layer in range(L - 1, 0, -1):")},
    "update_parameters": {"layers in reverse order": ("for layer in range(1, L + 1):", "for layer in range(L, 0, -1):")},
    "initialize_parameters": {"explicit dtype": ("b1 = np.zeros((n_h, 1))", "b1 = np.zeros((n_h, 1), dtype=float)")},
    "linear_activation_forward": {"relu on a copy": ("A, activation_cache = relu(Z)", "A, activation_cache = relu(Z.copy())")},
    "linear_activation_backward": {"keyword cache": ("linear_backward(dZ, linear_cache)", "linear_backward(dZ, cache=linear_cache)")},
}
