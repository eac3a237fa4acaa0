"""Realistic student mistakes for course2/source/optimization_methods/optimization_methods.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``random_mini_batches``: ``X`` and ``Y`` are shuffled with two different permutations, so the
  labels no longer match their examples (the shapes are all right).
- ``update_parameters_with_momentum``: the velocity adds the whole gradient,
  ``v = beta * v + dW``, without the factor ``(1 - beta)``.
- ``update_parameters_with_adam``: no bias correction (``v_corrected = v``,
  ``s_corrected = s``), so the first steps have the wrong size (about three times too
  large with the default betas).

None of the graded functions calls another, so only the matching tests fail.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "random_mini_batches": '''# GRADED FUNCTION: random_mini_batches
def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    """
    Shuffle the examples of (X, Y) and cut them into mini-batches.

    Args:
        X: input data, numpy array of shape (n_x, m), one example per column.
        Y: labels, numpy array of shape (1, m).
        mini_batch_size: number of examples per mini-batch (the last one may hold fewer).
        seed: seed of numpy's random generator, so that the shuffle can be reproduced.

    Returns:
        mini_batches: list of tuples (mini_batch_X, mini_batch_Y), of shapes
            (n_x, mini_batch_size) and (1, mini_batch_size), except possibly the last one.
    """
    np.random.seed(seed)
    m = X.shape[1]  # number of examples
    mini_batches = []

    # Step 1: shuffle X and Y.
    shuffled_X = X[:, np.random.permutation(m)]
    shuffled_Y = Y[:, np.random.permutation(m)].reshape((1, m))

    # Step 2: partition.
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(num_complete_minibatches):
        mini_batch_X = shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batch_Y = shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    if m % mini_batch_size != 0:
        mini_batch_X = shuffled_X[:, num_complete_minibatches * mini_batch_size:]
        mini_batch_Y = shuffled_Y[:, num_complete_minibatches * mini_batch_size:]
        mini_batches.append((mini_batch_X, mini_batch_Y))
    return mini_batches''',
    "update_parameters_with_momentum": '''# GRADED FUNCTION: update_parameters_with_momentum
def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    """
    One step of gradient descent with momentum on every parameter.

    Args:
        parameters: dict of the parameters "W1", "b1", ..., "WL", "bL".
        grads: dict of the gradients "dW1", "db1", ..., "dWL", "dbL".
        v: dict of the current velocities "dW1", "db1", ..., "dWL", "dbL".
        beta: the momentum hyperparameter, a number in [0, 1).
        learning_rate: the learning rate alpha.

    Returns:
        parameters: dict of the updated parameters.
        v: dict of the updated velocities.
    """
    L = len(parameters) // 2  # number of layers

    for layer in range(1, L + 1):
        for key in ("W" + str(layer), "b" + str(layer)):
            v["d" + key] = beta * v["d" + key] + grads["d" + key]
            parameters[key] = parameters[key] - learning_rate * v["d" + key]
    return parameters, v''',
    "update_parameters_with_adam": '''# GRADED FUNCTION: update_parameters_with_adam
def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
                                beta2=0.999, epsilon=1e-8):
    """
    One step of Adam on every parameter.

    Args:
        parameters: dict of the parameters "W1", "b1", ..., "WL", "bL".
        grads: dict of the gradients "dW1", "db1", ..., "dWL", "dbL".
        v: dict of the moving averages of the gradients, keys "dW1", "db1", ...
        s: dict of the moving averages of the squared gradients, same keys.
        t: the number of Adam steps taken so far, this one included (1 for the first step).
        learning_rate: the learning rate alpha.
        beta1: decay rate of the first moment v.
        beta2: decay rate of the second moment s.
        epsilon: the small number that prevents a division by zero.

    Returns:
        parameters: dict of the updated parameters.
        v: dict of the updated moving averages of the gradients.
        s: dict of the updated moving averages of the squared gradients.
        v_corrected: dict of the bias-corrected first moments, keys of v.
        s_corrected: dict of the bias-corrected second moments, keys of s.
    """
    L = len(parameters) // 2  # number of layers
    v_corrected = {}
    s_corrected = {}

    for layer in range(1, L + 1):
        for name in ("W" + str(layer), "b" + str(layer)):
            key = "d" + name
            v[key] = beta1 * v[key] + (1 - beta1) * grads[key]
            v_corrected[key] = v[key]
            s[key] = beta2 * s[key] + (1 - beta2) * np.square(grads[key])
            s_corrected[key] = s[key]
            parameters[name] = parameters[name] - learning_rate * v_corrected[key] / (
                np.sqrt(s_corrected[key]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected''',
}
