"""Real student mistakes in course1/deep_nn_application."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "two_layer_model": {
        "sigmoid in the hidden layer": ('linear_activation_forward(X, W1, b1, "relu")',
                                        'linear_activation_forward(X, W1, b1, "sigmoid")'),
        "W1 and b1 not refreshed after the update": ('        W1 = parameters["W1"]\n        b1 = parameters["b1"]\n',
                                                     ""),
    },
    "L_layer_model": {"the last cost not recorded": ("if i % 100 == 0 or i == num_iterations - 1:",
                                                     "if i % 100 == 0:")},
}
