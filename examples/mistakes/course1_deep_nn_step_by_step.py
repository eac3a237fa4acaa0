"""Realistic student mistakes for course1/source/deep_nn_step_by_step/deep_nn_step_by_step.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``initialize_parameters_deep``: the weight matrices are created transposed, with shape
  (layer_dims[l - 1], layer_dims[l]) instead of (layer_dims[l], layer_dims[l - 1]).
- ``L_model_forward``: the output layer uses ReLU like the hidden layers, so AL is not a
  probability.
- ``linear_backward``: ``db`` is summed without ``keepdims=True`` and comes out as a 1-D array.
- ``L_model_backward``: the sign of ``dAL`` is flipped, so every gradient points uphill.

Since later functions call earlier ones, the tests of functions that depend on a mistaken one
(e.g. ``linear_activation_backward`` on ``linear_backward``) fail too; the other tests still pass.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "initialize_parameters_deep": '''# GRADED FUNCTION: initialize_parameters_deep
def initialize_parameters_deep(layer_dims):
    """
    Create the parameters of an L-layer network.

    Args:
        layer_dims: list of the layer sizes [n_x, n_1, ..., n_L], input layer included.

    Returns:
        parameters: dict with, for l = 1, ..., len(layer_dims) - 1,
            "Wl": weight matrix of shape (layer_dims[l], layer_dims[l - 1]), small random values;
            "bl": bias vector of shape (layer_dims[l], 1), zeros.
    """
    parameters = {}
    L = len(layer_dims)  # number of layers, counting the input layer

    for layer in range(1, L):
        parameters["W" + str(layer)] = np.random.randn(layer_dims[layer - 1], layer_dims[layer]) * 0.01
        parameters["b" + str(layer)] = np.zeros((layer_dims[layer], 1))
    return parameters''',
    "L_model_forward": '''# GRADED FUNCTION: L_model_forward
def L_model_forward(X, parameters):
    """
    The forward propagation of [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Args:
        X: data, shape (n_x, m).
        parameters: dict of "W1", "b1", ..., "WL", "bL", as made by initialize_parameters_deep.

    Returns:
        AL: the activations of the output layer (the predicted probabilities), shape (1, m).
        caches: list of the L caches returned by linear_activation_forward, caches[l - 1]
            being the cache of layer l.
    """
    caches = []
    A = X
    L = len(parameters) // 2  # number of layers in the network

    # [LINEAR -> RELU] * (L - 1), appending each cache to caches.
    for layer in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters["W" + str(layer)],
                                             parameters["b" + str(layer)], activation="relu")
        caches.append(cache)

    # LINEAR -> SIGMOID, appending the cache to caches.
    AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)],
                                          activation="relu")
    caches.append(cache)
    return AL, caches''',
    "linear_backward": '''# GRADED FUNCTION: linear_backward
def linear_backward(dZ, cache):
    """
    The linear part of a layer's backward propagation.

    Args:
        dZ: gradient with respect to the layer's linear output Z, shape (n, m).
        cache: the tuple (A_prev, W, b) stored by linear_forward.

    Returns:
        dA_prev: gradient with respect to the previous layer's activations, shape of A_prev (n_prev, m).
        dW: gradient of the cost with respect to W, shape of W (n, n_prev).
        db: gradient of the cost with respect to b, shape of b (n, 1).
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]

    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db''',
    "L_model_backward": '''# GRADED FUNCTION: L_model_backward
def L_model_backward(AL, Y, caches):
    """
    The backward propagation of [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Args:
        AL: predicted probabilities, the output of L_model_forward, shape (1, m).
        Y: true labels (0 or 1), shape (1, m).
        caches: list of the L caches returned by L_model_forward, caches[l - 1] being the cache
            ((A_prev, W, b), Z) of layer l.

    Returns:
        grads: dict with the gradients
            grads["dA" + str(l)] for l = 0, ..., L - 1 (gradient with respect to A[l]);
            grads["dW" + str(l)] for l = 1, ..., L;
            grads["db" + str(l)] for l = 1, ..., L.
    """
    grads = {}
    L = len(caches)  # number of layers
    Y = Y.reshape(AL.shape)  # Y now has the shape of AL

    # Initialize the backward propagation: compute dAL.
    dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)

    # Layer L (SIGMOID -> LINEAR): store grads["dA" + str(L - 1)], grads["dW" + str(L)],
    # grads["db" + str(L)].
    current_cache = caches[L - 1]
    dA_prev_temp, dW_temp, db_temp = linear_activation_backward(dAL, current_cache, activation="sigmoid")
    grads["dA" + str(L - 1)] = dA_prev_temp
    grads["dW" + str(L)] = dW_temp
    grads["db" + str(L)] = db_temp

    # Layers L - 1 down to 1 (RELU -> LINEAR).
    for layer in reversed(range(1, L)):
        current_cache = caches[layer - 1]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(layer)], current_cache,
                                                                    activation="relu")
        grads["dA" + str(layer - 1)] = dA_prev_temp
        grads["dW" + str(layer)] = dW_temp
        grads["db" + str(layer)] = db_temp
    return grads''',
}
