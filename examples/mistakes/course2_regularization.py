"""Realistic student mistakes for course2/source/regularization/regularization.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``compute_cost_with_regularization``: the penalty is scaled by ``lambd / m`` (the factor of
  its gradient) instead of ``lambd / (2 * m)``, so it is twice too large.
- ``backward_propagation_with_dropout``: ``dA2`` and ``dA1`` are divided by ``keep_prob`` but the
  masks ``D2`` and ``D1`` are not applied, so gradient flows through the units that were off.

The tests of the other two functions build their inputs themselves, so they still pass.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "compute_cost_with_regularization": '''# GRADED FUNCTION: compute_cost_with_regularization
def compute_cost_with_regularization(A3, Y, parameters, lambd):
    """
    The cross-entropy cost plus the L2 regularization cost, formula (2).

    Args:
        A3: the output of the forward propagation, shape (1, m).
        Y: true labels (0 or 1), shape (1, m).
        parameters: dict with "W1", "b1", "W2", "b2", "W3", "b3".
        lambd: the regularization strength lambda.

    Returns:
        cost: the regularized cost, a number.
    """
    m = Y.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    W3 = parameters["W3"]

    cross_entropy_cost = compute_cost(A3, Y)  # the cross-entropy part of the cost

    L2_regularization_cost = lambd / m * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                + np.sum(np.square(W3)))

    cost = cross_entropy_cost + L2_regularization_cost
    return cost''',
    "backward_propagation_with_dropout": '''# GRADED FUNCTION: backward_propagation_with_dropout
def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    """
    The backward propagation of the 3-layer network with dropout on the hidden layers.

    Args:
        X: input data, shape (n_x, m).
        Y: true labels (0 or 1), shape (1, m).
        cache: the cache of forward_propagation_with_dropout,
            (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3).
        keep_prob: the probability of keeping a unit of a hidden layer.

    Returns:
        gradients: dict with "dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1", "dW1",
            "db1", each with the shape of the quantity it is the gradient of.
    """
    m = X.shape[1]
    (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1 / m * np.dot(dZ3, A2.T)
    db3 = 1 / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    # Steps 1-2 for layer 2: the mask D2, then the division by keep_prob.
    dA2 = dA2 / keep_prob
    dZ2 = dA2 * (A2 > 0)
    dW2 = 1 / m * np.dot(dZ2, A1.T)
    db2 = 1 / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    # Steps 1-2 for layer 1: the mask D1, then the division by keep_prob.
    dA1 = dA1 / keep_prob
    dZ1 = dA1 * (A1 > 0)
    dW1 = 1 / m * np.dot(dZ1, X.T)
    db1 = 1 / m * np.sum(dZ1, axis=1, keepdims=True)

    gradients = {"dZ3": dZ3, "dW3": dW3, "db3": db3,
                 "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
                 "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}
    return gradients''',
}
