"""The 3-layer network of "Initialization" (given, not graded).

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, a binary classifier. The
notebook only changes how its parameters start; everything else lives here, so that the three
trainings differ by their initialization alone.

Shapes follow the course's conventions: the data ``X`` is ``(n_x, m)``, one column per example;
the labels ``Y`` are ``(1, m)``; ``parameters`` is a dict with ``"W1", "b1", "W2", "b2", "W3",
"b3"``, where ``W[l]`` has shape ``(n[l], n[l-1])`` and ``b[l]`` has shape ``(n[l], 1)``.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "accuracy", "backward_propagation", "compute_loss", "forward_propagation", "predict",
    "relu", "sigmoid", "train", "update_parameters",
]


def sigmoid(Z: np.ndarray) -> np.ndarray:
    """1 / (1 + exp(-Z)) entry by entry, without overflow for large |Z|.

    For |Z| above about 37 the result rounds to exactly 0.0 or 1.0 in float64.
    """
    E = np.exp(-np.abs(Z))
    return np.where(Z >= 0, 1.0 / (1.0 + E), E / (1.0 + E))


def relu(Z: np.ndarray) -> np.ndarray:
    """max(0, Z) entry by entry."""
    return np.maximum(0, Z)


def forward_propagation(X: np.ndarray, parameters: dict) -> tuple[np.ndarray, tuple]:
    """The forward pass LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID.

    Args:
        X: data, shape (n_x, m).
        parameters: dict with "W1" (n1, n_x), "b1" (n1, 1), "W2" (n2, n1), "b2" (n2, 1),
            "W3" (1, n2), "b3" (1, 1).

    Returns:
        A3: the predicted probabilities, shape (1, m).
        cache: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), for backward_propagation.
    """
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)

    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return A3, cache


def compute_loss(A3: np.ndarray, Y: np.ndarray) -> float:
    """The cross-entropy cost -1/m * sum(Y log A3 + (1 - Y) log(1 - A3)).

    A prediction of exactly 0.0 or 1.0 on the wrong label gives log(0) = -inf, so the cost is
    ``inf``: that is what a hopelessly over-confident network deserves, and it is not an error
    (numpy's warning about it is silenced). Terms 0 * log(0) count as 0.

    Args:
        A3: predicted probabilities, shape (1, m).
        Y: true labels (0 or 1), shape (1, m).

    Returns:
        cost: a Python float.
    """
    m = Y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        losses = -np.where(Y == 1, np.log(A3), np.log(1 - A3))
    return float(np.sum(losses) / m)


def backward_propagation(X: np.ndarray, Y: np.ndarray, cache: tuple) -> dict:
    """The backward pass of the 3-layer network (sigmoid output with the cross-entropy cost).

    Args:
        X: data, shape (n_x, m).
        Y: true labels, shape (1, m).
        cache: the cache returned by forward_propagation.

    Returns:
        gradients: dict with "dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1",
            "dW1", "db1", each with the shape of the quantity it is the gradient of.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = dZ3 @ A2.T / m
    db3 = np.sum(dZ3, axis=1, keepdims=True) / m

    dA2 = W3.T @ dZ3
    dZ2 = dA2 * (A2 > 0)
    dW2 = dZ2 @ A1.T / m
    db2 = np.sum(dZ2, axis=1, keepdims=True) / m

    dA1 = W2.T @ dZ2
    dZ1 = dA1 * (A1 > 0)
    dW1 = dZ1 @ X.T / m
    db1 = np.sum(dZ1, axis=1, keepdims=True) / m

    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def update_parameters(parameters: dict, grads: dict, learning_rate: float) -> dict:
    """One step of gradient descent: W[l] -= learning_rate * dW[l], and the same for b[l].

    Returns a new dict; the arrays of ``parameters`` are not modified.
    """
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def predict(X: np.ndarray, parameters: dict) -> np.ndarray:
    """Labels predicted by the network: 1 where the probability exceeds 0.5, else 0.

    Args:
        X: data, shape (n_x, m).
        parameters: trained parameters.

    Returns:
        predictions: integer array of shape (1, m).
    """
    A3, _ = forward_propagation(X, parameters)
    return (A3 > 0.5).astype(int)


def accuracy(X: np.ndarray, Y: np.ndarray, parameters: dict) -> float:
    """The fraction of the examples of ``X`` whose predicted label equals ``Y`` (a float in [0, 1])."""
    return float(np.mean(predict(X, parameters) == Y))


def train(
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict,
    learning_rate: float = 0.01,
    num_iterations: int = 15000,
    print_cost: bool = True,
) -> tuple[dict, list[float]]:
    """Batch gradient descent on the 3-layer network, from the given initial parameters.

    Args:
        X: training data, shape (n_x, m).
        Y: training labels, shape (1, m).
        parameters: the initial parameters (a dict as described in forward_propagation).
        learning_rate: the step size of gradient descent.
        num_iterations: the number of steps.
        print_cost: if True, print the cost every 1000 iterations.

    Returns:
        parameters: the trained parameters.
        costs: the cost recorded every 100 iterations (iteration 0 included).
    """
    costs = []
    for i in range(num_iterations):
        A3, cache = forward_propagation(X, parameters)
        if i % 100 == 0:
            cost = compute_loss(A3, Y)
            costs.append(cost)
            if print_cost and i % 1000 == 0:
                print(f"Cost after iteration {i}: {cost}")
        grads = backward_propagation(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
