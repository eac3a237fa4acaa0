"""Correct alternative solutions for course1/deep_nn_application."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "two_layer_model": {"dA2 without the outer minus": ("dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))", "dA2 = np.divide(1 - Y, 1 - A2) - np.divide(Y, A2)")},
    "L_layer_model": {"the last iteration as i + 1": ("if i % 100 == 0 or i == num_iterations - 1:", "if i % 100 == 0 or i + 1 == num_iterations:")},
}
