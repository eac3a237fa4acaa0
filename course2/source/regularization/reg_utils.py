"""The 3-layer network of "Regularization" (given, not graded).

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, a binary classifier with
layer sizes ``[n_x, 20, 3, 1]``. This module gives the plain (unregularized) versions of its
pieces; the notebook adds L2 regularization and dropout on top of them, and :func:`train` runs
gradient descent with whichever forward pass, cost and backward pass it is given. The pieces are
those of "Initialization" and "Optimization Methods" too, so they live in
``shared_utils/three_layer_net.py`` (with the shapes of the arrays); this module imports them
from there and gives :func:`train`, gradient descent with this assignment's settings.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from shared_utils.three_layer_net import (
    accuracy,
    backward_propagation,
    compute_cost,
    forward_propagation,
    gradient_descent,
    initialize_parameters,
    predict,
    relu,
    sigmoid,
    update_parameters,
)

__all__ = [
    "accuracy", "backward_propagation", "compute_cost", "forward_propagation", "initialize_parameters",
    "predict", "relu", "sigmoid", "train", "update_parameters",
]


def train(
    X: np.ndarray,
    Y: np.ndarray,
    parameters: dict,
    forward: Callable[[np.ndarray, dict], tuple[np.ndarray, tuple]] = forward_propagation,
    cost_function: Callable[[np.ndarray, np.ndarray, dict], float] | None = None,
    backward: Callable[[np.ndarray, np.ndarray, tuple], dict] = backward_propagation,
    learning_rate: float = 0.3,
    num_iterations: int = 30000,
    print_cost: bool = True,
) -> tuple[dict, list[float]]:
    """Batch gradient descent from the given initial parameters.

    Each iteration runs ``A3, cache = forward(X, parameters)``, records the cost every 1000
    iterations, runs ``grads = backward(X, Y, cache)`` and updates the parameters.

    Args:
        X: training data, shape (n_x, m).
        Y: training labels, shape (1, m).
        parameters: the initial parameters.
        forward: the forward pass, ``forward(X, parameters) -> (A3, cache)``.
        cost_function: ``cost_function(A3, Y, parameters) -> cost``; None means the plain
            cross-entropy :func:`compute_cost`.
        backward: the backward pass, ``backward(X, Y, cache) -> grads``; it must understand the
            cache that ``forward`` returns.
        learning_rate: the step size of gradient descent.
        num_iterations: the number of steps.
        print_cost: if True, print the cost every 10000 iterations.

    Returns:
        parameters: the trained parameters.
        costs: the cost recorded every 1000 iterations (iteration 0 included).
    """
    return gradient_descent(X, Y, parameters, learning_rate=learning_rate, num_iterations=num_iterations,
                            forward=forward, cost_function=cost_function, backward=backward,
                            record_every=1000, print_every=10000, print_cost=print_cost)
