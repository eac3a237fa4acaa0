"""Correct alternative solutions for course2/optimization_methods."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "update_parameters_with_gd": {"layers in reverse order": ("for layer in range(1, L + 1):",
                                                              "for layer in range(L, 0, -1):")},
    "random_mini_batches": {"integer division": ("num_complete_minibatches = math.floor(m / mini_batch_size)",
                                                 "num_complete_minibatches = m // mini_batch_size")},
    "initialize_velocity": {"zeros_like": [('np.zeros(parameters["W" + str(layer)].shape)', 'np.zeros_like(parameters["W" + str(layer)])'),
                                           ('np.zeros(parameters["b" + str(layer)].shape)', 'np.zeros_like(parameters["b" + str(layer)])')]},
    "update_parameters_with_momentum": {"factors reordered": (
        'v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]',
        'v["d" + key] = v["d" + key] * beta + grads["d" + key] * (1 - beta)')},
    "initialize_adam": {"zeros_like": ("np.zeros(parameters[key].shape)", "np.zeros_like(parameters[key])")},
    "update_parameters_with_adam": {"** 2": ("np.square(grads[key])", "grads[key] ** 2")},
    "update_lr": {"reordered": ("learning_rate0 / (1 + decay_rate * epoch_num)",
                                "1 / (1 + decay_rate * epoch_num) * learning_rate0")},
    "schedule_lr_decay": {"integer division": ("np.floor(epoch_num / time_interval)", "(epoch_num // time_interval)")},
}
