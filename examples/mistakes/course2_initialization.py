"""Realistic student mistakes for course2/source/initialization/initialization.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``initialize_parameters_random``: the scale ``* 0.01`` of the previous course's
  ``initialize_parameters_deep`` copied instead of ``* 10``.
- ``initialize_parameters_he``: the scale uses the number of units of the layer,
  ``layers_dims[layer]``, instead of its number of inputs, ``layers_dims[layer - 1]``.

The three functions are independent, so the test of ``initialize_parameters_zeros`` still passes.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "initialize_parameters_random": '''# GRADED FUNCTION: initialize_parameters_random
def initialize_parameters_random(layers_dims):
    """
    Create the parameters of a network: large random weights, zero biases.

    Args:
        layers_dims: list of the layer sizes [n_x, n_1, ..., n_L], input layer included.

    Returns:
        parameters: dict with, for l = 1, ..., len(layers_dims) - 1,
            "Wl": np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10;
            "bl": zeros of shape (layers_dims[l], 1).
    """
    np.random.seed(3)  # so that your values match ours
    parameters = {}
    L = len(layers_dims) - 1  # number of layers, not counting the input layer

    for layer in range(1, L + 1):
        parameters["W" + str(layer)] = np.random.randn(layers_dims[layer], layers_dims[layer - 1]) * 0.01
        parameters["b" + str(layer)] = np.zeros((layers_dims[layer], 1))
    return parameters''',
    "initialize_parameters_he": '''# GRADED FUNCTION: initialize_parameters_he
def initialize_parameters_he(layers_dims):
    """
    Create the parameters of a network with He initialization.

    Args:
        layers_dims: list of the layer sizes [n_x, n_1, ..., n_L], input layer included.

    Returns:
        parameters: dict with, for l = 1, ..., len(layers_dims) - 1,
            "Wl": np.random.randn(layers_dims[l], layers_dims[l - 1]) * sqrt(2 / layers_dims[l - 1]);
            "bl": zeros of shape (layers_dims[l], 1).
    """
    np.random.seed(3)  # so that your values match ours
    parameters = {}
    L = len(layers_dims) - 1  # number of layers, not counting the input layer

    for layer in range(1, L + 1):
        scale = np.sqrt(2 / layers_dims[layer])
        parameters["W" + str(layer)] = np.random.randn(layers_dims[layer], layers_dims[layer - 1]) * scale
        parameters["b" + str(layer)] = np.zeros((layers_dims[layer], 1))
    return parameters''',
}
