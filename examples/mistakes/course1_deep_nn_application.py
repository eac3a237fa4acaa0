"""Realistic student mistakes for course1/source/deep_nn_application/deep_nn_application.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``two_layer_model``: ``W1``, ``b1``, ``W2``, ``b2`` are not taken out of the dict that
  ``update_parameters`` returns, so every forward pass uses the initial weights: the costs stay
  at their first value while the returned parameters drift along the initial gradient.

This assignment has only two graded functions, and the "partial" example student built from
``MISTAKES`` must keep some of the points, so the mistake for the other function is kept apart
in ``MORE_MISTAKES`` (same format; it makes ``L_layer_model_tests`` fail just as well):

- ``L_layer_model``: the cost is recorded only every 100 iterations, so the cost of the last
  iteration is missing (3 costs instead of 4 for 250 iterations).
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "two_layer_model": '''# GRADED FUNCTION: two_layer_model
def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """
    Train a two-layer neural network: LINEAR -> RELU -> LINEAR -> SIGMOID.

    Args:
        X: input data, numpy array of shape (n_x, m), one example per column.
        Y: true labels (1 = face, 0 = non-face), numpy array of shape (1, m).
        layers_dims: the sizes of the layers, (n_x, n_h, n_y).
        learning_rate: the learning rate of the gradient-descent update.
        num_iterations: number of iterations of the optimization loop.
        print_cost: if True, print the cost each time it is recorded.

    Returns:
        parameters: dict with the trained "W1" (n_h, n_x), "b1" (n_h, 1), "W2" (n_y, n_h) and
            "b2" (n_y, 1).
        costs: list of the costs recorded at iterations 0, 100, 200, ... and at the last
            iteration (num_iterations - 1), each a float.
    """
    costs = []
    n_x, n_h, n_y = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]

    for i in range(num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")

        cost = compute_cost(A2, Y)

        dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")

        grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
        parameters = update_parameters(parameters, grads, learning_rate)

        if i % 100 == 0 or i == num_iterations - 1:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs''',
}

MORE_MISTAKES: dict[str, str] = {
    "L_layer_model": '''# GRADED FUNCTION: L_layer_model
def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    """
    Train an L-layer neural network: [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Args:
        X: input data, numpy array of shape (n_x, m), one example per column.
        Y: true labels (1 = face, 0 = non-face), numpy array of shape (1, m).
        layers_dims: list of the layer sizes [n_x, n_1, ..., n_L], input layer included
            (length L + 1).
        learning_rate: the learning rate of the gradient-descent update.
        num_iterations: number of iterations of the optimization loop.
        print_cost: if True, print the cost each time it is recorded.

    Returns:
        parameters: dict with the trained "W1", "b1", ..., "WL", "bL"; "Wl" has shape
            (layers_dims[l], layers_dims[l - 1]) and "bl" shape (layers_dims[l], 1).
        costs: list of the costs recorded at iterations 0, 100, 200, ... and at the last
            iteration (num_iterations - 1), each a float.
    """
    costs = []
    parameters = initialize_parameters_deep(layers_dims)

    for i in range(num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)

        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost}")
    return parameters, costs''',
}
