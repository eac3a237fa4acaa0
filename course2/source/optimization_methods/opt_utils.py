"""Helpers for "Optimization Methods" (given, not graded).

The network trained in the assignment is a 3-layer classifier of 2-D points

    LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID

with ``layers_dims = [n_x, 5, 2, 1]``. This module gives everything the training loop needs
apart from the optimizers, which you write in the notebook: the initialization, the forward and
backward passes, the cost, and the predictions. The initialization (He, seed 3) and the forward
pass are those of "Initialization" and "Regularization" too, so they come from
``shared_utils/three_layer_net.py``; the cost (a sum over the examples, for the mini-batches) and
the backward pass are this module's own.

Shapes follow the course's conventions: one example per column, ``X`` is (n_x, m), ``Y`` is
(1, m), ``W{l}`` is (n_l, n_{l-1}) and ``b{l}`` is (n_l, 1). Gradients are stored under the
parameter's name with a ``d`` in front (``"dW1"``, ``"db1"``, ...), so ``grads["d" + key]`` has the
shape of ``parameters[key]``.
"""

from __future__ import annotations

import numpy as np

from shared_utils.three_layer_net import forward_propagation, initialize_parameters, relu, sigmoid

__all__ = [
    "backward_propagation", "compute_cost", "forward_propagation", "initialize_parameters",
    "predict", "predict_dec", "relu", "sigmoid",
]


def compute_cost(a3: np.ndarray, Y: np.ndarray) -> float:
    """The **sum** of the cross-entropy losses of the examples (not their mean).

    The training loop adds up these sums over the mini-batches of an epoch and divides by the
    number of examples once, at the end of the epoch, which gives the mean loss of the epoch.

    Args:
        a3: the predicted probabilities, shape (1, m).
        Y: the true labels (0 or 1), shape (1, m).

    Returns:
        cost_total: sum over the examples of -y log(a3) - (1 - y) log(1 - a3), a float.
    """
    log_probs = -Y * np.log(a3) - (1 - Y) * np.log(1 - a3)
    return float(np.sum(log_probs))


def backward_propagation(X: np.ndarray, Y: np.ndarray, cache: tuple) -> dict[str, np.ndarray]:
    """Backward pass of the network: the gradients of the **mean** loss over the examples of X.

    Args:
        X: the input data of the (mini-)batch, shape (n_x, m).
        Y: its labels, shape (1, m).
        cache: the cache returned by :func:`forward_propagation` on X.

    Returns:
        gradients: dict with "dz3", "dW3", "db3", "da2", "dz2", "dW2", "db2", "da1", "dz1",
            "dW1", "db1"; each "dW{l}" / "db{l}" has the shape of "W{l}" / "b{l}".
    """
    m = X.shape[1]
    (z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3) = cache

    dz3 = (a3 - Y) / m
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)

    da2 = np.dot(W3.T, dz3)
    dz2 = da2 * (a2 > 0)
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)

    da1 = np.dot(W2.T, dz2)
    dz1 = da1 * (a1 > 0)
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)

    return {"dz3": dz3, "dW3": dW3, "db3": db3,
            "da2": da2, "dz2": dz2, "dW2": dW2, "db2": db2,
            "da1": da1, "dz1": dz1, "dW1": dW1, "db1": db1}


def predict(X: np.ndarray, y: np.ndarray, parameters: dict[str, np.ndarray]) -> np.ndarray:
    """Predict the labels of X, print the accuracy against y, and return the predictions.

    Args:
        X: data, shape (n_x, m).
        y: true labels, shape (1, m).
        parameters: the trained parameters.

    Returns:
        p: the predicted labels (0 or 1, as integers), shape (1, m).
    """
    a3, _ = forward_propagation(X, parameters)
    p = (a3 > 0.5).astype(int)
    print("Accuracy: " + str(np.mean(p[0, :] == y[0, :])))
    return p


def predict_dec(parameters: dict[str, np.ndarray], X: np.ndarray) -> np.ndarray:
    """Predicted labels of the points X, shape (1, m), without printing (for decision boundaries)."""
    a3, _ = forward_propagation(X, parameters)
    return (a3 > 0.5).astype(int)
