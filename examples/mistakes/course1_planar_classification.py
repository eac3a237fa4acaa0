"""Realistic student mistakes for ``course1/source/planar_classification/planar_classification.ipynb``.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``compute_cost``: the sum of the log-probabilities is not divided by ``m`` (a total, not a mean).
- ``backward_propagation``: the slope of tanh is written ``1 - A1`` instead of ``1 - A1 ** 2``,
  so ``dZ1`` (and ``dW1``, ``db1``) are wrong while ``dW2`` and ``db2`` are right.
- ``predict``: the probabilities are thresholded at 0.4 (``A2 >= 0.4``) instead of ``A2 > 0.5``.

Since ``nn_model`` calls ``backward_propagation``, its test fails too; ``compute_cost`` only
feeds the printed cost, so ``nn_model``'s parameters are not affected by the first mistake.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "compute_cost": '''# GRADED FUNCTION: compute_cost
def compute_cost(A2, Y):
    """
    The cross-entropy cost (6).

    Args:
        A2: output of the network (predicted probabilities), shape (1, m).
        Y: true labels (0 or 1), shape (1, m).

    Returns:
        cost: the cross-entropy cost, a Python float.
    """
    m = Y.shape[1]  # number of examples

    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = -np.sum(logprobs)

    cost = float(np.squeeze(cost))  # e.g. turns [[0.69]] into 0.69
    return cost''',
    "backward_propagation": '''# GRADED FUNCTION: backward_propagation
def backward_propagation(parameters, cache, X, Y):
    """
    The backward pass: the gradients of the cost (6) with respect to the parameters.

    Args:
        parameters: dict with "W1", "b1", "W2", "b2", as made by initialize_parameters.
        cache: dict with "Z1", "A1", "Z2", "A2", as returned by forward_propagation.
        X: input data, shape (n_x, m).
        Y: true labels, shape (n_y, m).

    Returns:
        grads: dict with the gradients "dW1" (n_h, n_x), "db1" (n_h, 1), "dW2" (n_y, n_h) and
            "db2" (n_y, 1).
    """
    m = X.shape[1]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]

    dZ2 = A2 - Y
    dW2 = np.dot(dZ2, A1.T) / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m
    dZ1 = np.dot(W2.T, dZ2) * (1 - A1)
    dW1 = np.dot(dZ1, X.T) / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads''',
    "predict": '''# GRADED FUNCTION: predict
def predict(parameters, X):
    """
    Predict the label (0 or 1) of each example of X with the trained network.

    Args:
        parameters: dict with "W1", "b1", "W2", "b2".
        X: input data, shape (n_x, m).

    Returns:
        predictions: numpy array of shape (1, m) of predicted labels, 0 (red) or 1 (blue).
    """
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 >= 0.4).astype(int)
    return predictions''',
}
