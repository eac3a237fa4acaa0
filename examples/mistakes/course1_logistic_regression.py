"""Realistic student mistakes for ``course1/source/logistic_regression/logistic_regression.ipynb``.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``propagate``: the ``1/m`` is missing from ``dw`` (the gradient is a sum instead of a mean).
- ``optimize``: the update adds the gradient (gradient *ascent*), so the cost goes up.
- ``predict``: the probabilities are returned instead of 0/1 labels (no threshold at 0.5).
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "propagate": '''# GRADED FUNCTION: propagate
def propagate(w, b, X, Y):
    """
    Forward and backward propagation of logistic regression: the cost and its gradients.

    Args:
        w: weights, numpy array of shape (n_x, 1).
        b: bias, a scalar.
        X: data, numpy array of shape (n_x, m), one example per column.
        Y: true labels (0 = non-face, 1 = face), numpy array of shape (1, m).

    Returns:
        grads: dict with
            "dw": gradient of the cost with respect to w, same shape as w;
            "db": gradient of the cost with respect to b, a scalar.
        cost: the cross-entropy cost, a scalar.
    """
    m = X.shape[1]
    # Compute A, cost, dw and db.
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m
    dw = np.dot(X, (A - Y).T)
    db = np.sum(A - Y) / m
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost''',
    "optimize": '''# GRADED FUNCTION: optimize
def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    """
    Learn w and b with gradient descent.

    Args:
        w: initial weights, numpy array of shape (n_x, 1).
        b: initial bias, a scalar.
        X: data of shape (n_x, m).
        Y: true labels (0 = non-face, 1 = face), shape (1, m).
        num_iterations: number of gradient-descent iterations.
        learning_rate: the step size alpha of the update rule.
        print_cost: if True, print the cost every 100 iterations.

    Returns:
        params: dict with the learned "w" and "b".
        grads: dict with the gradients "dw" and "db" computed at the last iteration.
        costs: list of the costs computed every 100 iterations.
    """
    w = copy.deepcopy(w)
    b = copy.deepcopy(b)
    costs = []

    for i in range(num_iterations):
        # Compute grads and cost with propagate, then update w and b.
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w + learning_rate * dw
        b = b + learning_rate * db

        # Record the cost every 100 iterations.
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print(f"Cost after iteration {i}: {cost:f}")

    params = {"w": w, "b": b}
    return params, grads, costs''',
    "predict": '''# GRADED FUNCTION: predict
def predict(w, b, X):
    """
    Predict the labels (0 or 1) of the examples in X with the learned logistic regression.

    Args:
        w: weights, numpy array of shape (n_x, 1).
        b: bias, a scalar.
        X: data of shape (n_x, m).

    Returns:
        Y_prediction: numpy array of shape (1, m) with the predicted labels, 0. or 1.
    """
    w = w.reshape(X.shape[0], 1)
    # Compute the probabilities A, then threshold them at 0.5.
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = A
    return Y_prediction''',
}
