"""The 3-layer network of "Initialization" (given, not graded).

The network is LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, a binary classifier. The
notebook only changes how its parameters start; everything else lives here, so that the three
trainings differ by their initialization alone. Its pieces (the forward and backward passes, the
cost, the update, the predictions) are those of "Regularization" and "Optimization Methods" too,
so they live in ``shared_utils/three_layer_net.py`` (with the shapes of the arrays); this module
adds the training loop's settings.
"""

from __future__ import annotations

import numpy as np

from shared_utils.three_layer_net import (
    accuracy,
    backward_propagation,
    forward_propagation,
    gradient_descent,
    predict,
    relu,
    sigmoid,
    update_parameters,
)
from shared_utils.three_layer_net import compute_cost as compute_loss

__all__ = [
    "accuracy", "backward_propagation", "compute_loss", "forward_propagation", "predict",
    "relu", "sigmoid", "train", "update_parameters",
]


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
    return gradient_descent(X, Y, parameters, learning_rate=learning_rate, num_iterations=num_iterations,
                            record_every=100, print_every=1000, print_cost=print_cost)
