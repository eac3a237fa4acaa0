"""The given 3-layer binary classifier of course2's "Initialization", "Regularization" and
"Optimization Methods" assignments.

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID. Each assignment's helper
module (``init_utils.py``, ``reg_utils.py``, ``opt_utils.py``, in the assignment's folder)
imports what it needs from here, so the notebooks import everything from their own helper module.

Shapes follow the course's conventions: the data ``X`` is ``(n_x, m)``, one column per example;
the labels ``Y`` are ``(1, m)``; ``parameters`` is a dict with ``"W1", "b1", "W2", "b2", "W3",
"b3"``, where ``W[l]`` has shape ``(n[l], n[l-1])`` and ``b[l]`` has shape ``(n[l], 1)``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

__all__ = [
    "accuracy", "backward_propagation", "compute_cost", "forward_propagation", "gradient_descent",
    "initialize_parameters", "predict", "relu", "sigmoid", "update_parameters",
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


def initialize_parameters(layer_dims: list[int], seed: int = 3) -> dict:
    """He initialization: W[l] = randn(n[l], n[l-1]) * sqrt(2 / n[l-1]), b[l] = 0.

    Args:
        layer_dims: the layer sizes [n_x, n1, ..., nL], input layer included.
        seed: the seed of numpy's global random generator, set before drawing the weights.

    Returns:
        parameters: dict with "W1", "b1", ..., "WL", "bL".
    """
    np.random.seed(seed)
    parameters = {}
    for k in range(1, len(layer_dims)):
        scale = np.sqrt(2 / layer_dims[k - 1])
        parameters[f"W{k}"] = np.random.randn(layer_dims[k], layer_dims[k - 1]) * scale
        parameters[f"b{k}"] = np.zeros((layer_dims[k], 1))
    return parameters


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


def compute_cost(A3: np.ndarray, Y: np.ndarray) -> float:
    """The cross-entropy cost -1/m * sum(Y log A3 + (1 - Y) log(1 - A3)), without regularization.

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
    """The backward pass of the 3-layer network (sigmoid output with the cross-entropy cost),
    without regularization.

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
    """Labels predicted by the network (without dropout): 1 where the probability exceeds 0.5, else 0.

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


def gradient_descent(
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict,
    *,
    learning_rate: float,
    num_iterations: int,
    forward: Callable[[np.ndarray, dict], tuple[np.ndarray, tuple]] = forward_propagation,
    cost_function: Callable[[np.ndarray, np.ndarray, dict], float] | None = None,
    backward: Callable[[np.ndarray, np.ndarray, tuple], dict] = backward_propagation,
    record_every: int,
    print_every: int,
    print_cost: bool = True,
) -> tuple[dict, list[float]]:
    """Batch gradient descent from the given initial parameters.

    Each iteration runs ``A3, cache = forward(X, parameters)``, records the cost every
    ``record_every`` iterations (printing it every ``print_every`` if ``print_cost``), runs
    ``grads = backward(X, Y, cache)`` and updates the parameters.

    Args:
        X: training data, shape (n_x, m).
        Y: training labels, shape (1, m).
        parameters: the initial parameters.
        learning_rate: the step size of gradient descent.
        num_iterations: the number of steps.
        forward: the forward pass, ``forward(X, parameters) -> (A3, cache)``.
        cost_function: ``cost_function(A3, Y, parameters) -> cost``; None means the plain
            cross-entropy :func:`compute_cost`.
        backward: the backward pass, ``backward(X, Y, cache) -> grads``; it must understand the
            cache that ``forward`` returns.
        record_every: how often the cost is recorded.
        print_every: how often a recorded cost is printed, a multiple of ``record_every``.
        print_cost: whether to print the cost.

    Returns:
        parameters: the trained parameters.
        costs: the recorded costs (iteration 0 included).
    """
    costs = []
    for i in range(num_iterations):
        A3, cache = forward(X, parameters)
        if i % record_every == 0:
            cost = compute_cost(A3, Y) if cost_function is None else cost_function(A3, Y, parameters)
            costs.append(cost)
            if print_cost and i % print_every == 0:
                print(f"Cost after iteration {i}: {cost}")
        grads = backward(X, Y, cache)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
