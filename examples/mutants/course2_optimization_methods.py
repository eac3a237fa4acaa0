"""Real student mistakes in course2/optimization_methods."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "update_parameters_with_gd": {"the last layer not updated": ("for layer in range(1, L + 1):",
                                                                 "for layer in range(1, L):")},
    "random_mini_batches": {
        "X and Y shuffled with different permutations": (
            "shuffled_Y = Y[:, permutation].reshape((1, m))",
            "shuffled_Y = Y[:, list(np.random.permutation(m))].reshape((1, m))"),
        "the last, smaller mini-batch dropped": ("if m % mini_batch_size != 0:", "if False:"),
        "slices one column short": ("(k + 1) * mini_batch_size]", "(k + 1) * mini_batch_size - 1]"),
    },
    "initialize_velocity": {"b's velocity shaped like W": ('v["db" + str(layer)] = np.zeros(parameters["b" + str(layer)].shape)',
                                                           'v["db" + str(layer)] = np.zeros(parameters["W" + str(layer)].shape)')},
    "update_parameters_with_momentum": {
        "(1 - beta) forgotten": ('(1 - beta) * grads["d" + key]', 'grads["d" + key]'),
        "parameters updated before the velocity": (
            'v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]\n'
            '            parameters[key] = parameters[key] - learning_rate * v["d" + key]',
            'parameters[key] = parameters[key] - learning_rate * v["d" + key]\n'
            '            v["d" + key] = beta * v["d" + key] + (1 - beta) * grads["d" + key]'),
    },
    "initialize_adam": {"rank-1 moments": ("np.zeros(parameters[key].shape)", "np.zeros(parameters[key].shape[0])")},
    "update_parameters_with_adam": {
        "no bias correction": [("v_corrected[key] = v[key] / (1 - beta1 ** t)", "v_corrected[key] = v[key]"),
                               ("s_corrected[key] = s[key] / (1 - beta2 ** t)", "s_corrected[key] = s[key]")],
        "epsilon inside the square root": ("np.sqrt(s_corrected[key]) + epsilon", "np.sqrt(s_corrected[key] + epsilon)"),
        "(1 - beta1) ** t": ("(1 - beta1 ** t)", "(1 - beta1) ** t"),
        "the gradient not squared": ("np.square(grads[key])", "grads[key]"),
    },
    "update_lr": {"operator precedence": ("learning_rate0 / (1 + decay_rate * epoch_num)",
                                          "learning_rate0 / 1 + decay_rate * epoch_num")},
    "schedule_lr_decay": {
        "no floor": ("np.floor(epoch_num / time_interval)", "epoch_num / time_interval"),
        "round instead of floor": ("np.floor(epoch_num / time_interval)", "np.round(epoch_num / time_interval)"),
    },
}
