"""Helpers for "Gradient Checking" (given, not graded).

The network of the assignment is the fraud-detection model, a 3-layer network

    LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID

with 4 input features (one payment per column of X), 5 and 3 hidden units and one output unit,
the probability that the payment is fraudulent. Its parameters have the shapes of
:data:`PARAMETER_SHAPES`: W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1), 47
numbers in all.

Gradient checking needs the parameters as one long vector (to nudge one number at a time) and
back again as a dictionary (to run the forward pass), so this module also gives the
conversions :func:`dictionary_to_vector`, :func:`vector_to_dictionary` and
:func:`gradients_to_vector`. They all use the same order: W1, b1, W2, b2, W3, b3, each matrix
read row by row (numpy's ``reshape`` order).

:func:`backward_propagation_n` contains **two deliberate bugs**, for the gradient check to find;
:func:`backward_propagation_n_fixed` is the same function with the bugs corrected.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "PARAMETER_SHAPES", "backward_propagation_n", "backward_propagation_n_fixed",
    "dictionary_to_vector", "forward_propagation_n", "gradient_check_n_test_case",
    "gradients_to_vector", "relu", "sigmoid", "vector_to_dictionary",
]

#: Shapes of the parameters of the 4 -> 5 -> 3 -> 1 network, in vector order.
PARAMETER_SHAPES: dict[str, tuple[int, int]] = {
    "W1": (5, 4), "b1": (5, 1), "W2": (3, 5), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1),
}


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The sigmoid 1 / (1 + exp(-x)), entry by entry."""
    return 1 / (1 + np.exp(-x))


def relu(x: np.ndarray) -> np.ndarray:
    """The rectified linear unit max(0, x), entry by entry."""
    return np.maximum(0, x)


def dictionary_to_vector(parameters: dict[str, np.ndarray]) -> tuple[np.ndarray, list[str]]:
    """Stack the parameters W1, b1, W2, b2, W3, b3 into one column vector.

    Args:
        parameters: dict with the keys "W1", "b1", "W2", "b2", "W3", "b3" (shapes as in
            :data:`PARAMETER_SHAPES`).

    Returns:
        theta: numpy array of shape (47, 1), a new array (changing it leaves ``parameters`` alone).
        keys: list of 47 names, ``keys[i]`` is the parameter that ``theta[i]`` comes from.
    """
    pieces, keys = [], []
    for key in PARAMETER_SHAPES:
        values = np.reshape(parameters[key], (-1, 1))
        pieces.append(values)
        keys += [key] * values.shape[0]
    theta = np.concatenate(pieces, axis=0).astype(float)
    return theta, keys


def vector_to_dictionary(theta: np.ndarray) -> dict[str, np.ndarray]:
    """Cut a vector of 47 numbers back into the parameters W1, b1, W2, b2, W3, b3.

    Args:
        theta: numpy array of shape (47, 1) (or (47,)), in the order of :func:`dictionary_to_vector`.

    Returns:
        parameters: dict with the keys "W1", "b1", "W2", "b2", "W3", "b3", shapes as in
            :data:`PARAMETER_SHAPES`. The arrays are copies: changing them leaves ``theta`` alone.
    """
    theta = np.asarray(theta, dtype=float).reshape(-1)
    expected = sum(rows * cols for rows, cols in PARAMETER_SHAPES.values())
    if theta.size != expected:
        raise ValueError(f"theta has {theta.size} values, the network has {expected} parameters")
    parameters, start = {}, 0
    for key, (rows, cols) in PARAMETER_SHAPES.items():
        parameters[key] = theta[start:start + rows * cols].reshape(rows, cols).copy()
        start += rows * cols
    return parameters


def gradients_to_vector(gradients: dict[str, np.ndarray]) -> np.ndarray:
    """Stack the gradients dW1, db1, dW2, db2, dW3, db3 into one column vector.

    Other entries of ``gradients`` (such as "dZ1" or "dA2") are ignored.

    Args:
        gradients: dict holding at least "dW1", "db1", "dW2", "db2", "dW3", "db3".

    Returns:
        theta: numpy array of shape (47, 1), in the order of :func:`dictionary_to_vector`, so that
            entry i is the derivative of the cost with respect to entry i of the parameters vector.
    """
    pieces = [np.reshape(gradients["d" + key], (-1, 1)) for key in PARAMETER_SHAPES]
    return np.concatenate(pieces, axis=0).astype(float)


def forward_propagation_n(
    X: np.ndarray, Y: np.ndarray, parameters: dict[str, np.ndarray]
) -> tuple[float, tuple]:
    """Forward pass of the fraud-detection network and its cross-entropy cost.

    Args:
        X: payments, numpy array of shape (4, m), one payment per column.
        Y: labels (1 = fraud, 0 = legitimate), numpy array of shape (1, m).
        parameters: dict with "W1", "b1", "W2", "b2", "W3", "b3".

    Returns:
        cost: the cross-entropy cost (1/m) * sum(-Y log A3 - (1 - Y) log(1 - A3)), a float.
        cache: (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3), for the backward pass.
    """
    m = X.shape[1]
    W1, b1 = parameters["W1"], parameters["b1"]
    W2, b2 = parameters["W2"], parameters["b2"]
    W3, b3 = parameters["W3"], parameters["b3"]

    Z1 = np.dot(W1, X) + b1
    A1 = relu(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = relu(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)

    log_probs = -Y * np.log(A3) - (1 - Y) * np.log(1 - A3)
    cost = float(np.sum(log_probs) / m)
    cache = (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)
    return cost, cache


def backward_propagation_n(X: np.ndarray, Y: np.ndarray, cache: tuple) -> dict[str, np.ndarray]:
    """Backward pass of the fraud-detection network -- WITH TWO DELIBERATE BUGS.

    The bugs are there for the gradient check to catch (the notebook tells you where they are):

    - ``dW2`` is multiplied by 2;
    - ``db1`` is computed with ``4. / m`` instead of ``1. / m``.

    Args:
        X: payments, shape (4, m).
        Y: labels, shape (1, m).
        cache: the cache returned by :func:`forward_propagation_n`.

    Returns:
        gradients: dict with "dZ3", "dW3", "db3", "dA2", "dZ2", "dW2", "db2", "dA1", "dZ1",
            "dW1", "db1"; each "dP" has the shape of P.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T) * 2  # BUG: the factor 2 does not belong here
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 4. / m * np.sum(dZ1, axis=1, keepdims=True)  # BUG: 4. / m instead of 1. / m

    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def backward_propagation_n_fixed(X: np.ndarray, Y: np.ndarray, cache: tuple) -> dict[str, np.ndarray]:
    """Backward pass of the fraud-detection network, with the two bugs corrected.

    Same arguments and return value as :func:`backward_propagation_n`; the only differences are
    ``dW2 = 1. / m * dZ2 A1^T`` and ``db1 = 1. / m * sum(dZ1)``.
    """
    m = X.shape[1]
    (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) = cache

    dZ3 = A3 - Y
    dW3 = 1. / m * np.dot(dZ3, A2.T)
    db3 = 1. / m * np.sum(dZ3, axis=1, keepdims=True)

    dA2 = np.dot(W3.T, dZ3)
    dZ2 = np.multiply(dA2, np.int64(A2 > 0))
    dW2 = 1. / m * np.dot(dZ2, A1.T)
    db2 = 1. / m * np.sum(dZ2, axis=1, keepdims=True)

    dA1 = np.dot(W2.T, dZ2)
    dZ1 = np.multiply(dA1, np.int64(A1 > 0))
    dW1 = 1. / m * np.dot(dZ1, X.T)
    db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True)

    return {"dZ3": dZ3, "dW3": dW3, "db3": db3,
            "dA2": dA2, "dZ2": dZ2, "dW2": dW2, "db2": db2,
            "dA1": dA1, "dZ1": dZ1, "dW1": dW1, "db1": db1}


def gradient_check_n_test_case(
    seed: int = 1, m: int = 3
) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """A small, reproducible batch of payments and a randomly initialized network.

    Args:
        seed: seed of the random generator (the same seed always gives the same case).
        m: number of payments.

    Returns:
        X: standardized payment features, shape (4, m).
        Y: labels, shape (1, m), alternately 1, 1, 0, 1, 1, 0, ... (fraud, fraud, legitimate).
        parameters: dict "W1", "b1", "W2", "b2", "W3", "b3" with the shapes of
            :data:`PARAMETER_SHAPES`, drawn from a standard normal distribution.
    """
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((4, m))
    Y = np.array([[1, 1, 0] * (m // 3) + [1, 1, 0][: m % 3]])
    parameters = {key: rng.standard_normal(shape) for key, shape in PARAMETER_SHAPES.items()}
    return X, Y, parameters
