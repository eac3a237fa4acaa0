"""Building blocks of a deep neural network, for "Deep neural network for image classification".

These are the functions you wrote one by one in "Building your deep neural network, step by
step", given here finished so that this assignment can focus on putting them together. Read them
whenever you want to know exactly what a block expects and returns.

Conventions (the same as in the step-by-step assignment):

- one example per **column**: the input ``X`` has shape ``(n_x, m)`` and the activations of
  layer ``l`` have shape ``(n_l, m)``;
- the parameters of a network with layer sizes ``[n_0, n_1, ..., n_L]`` (``n_0 = n_x``) live in
  one dict: ``"W<l>"`` of shape ``(n_l, n_{l-1})`` and ``"b<l>"`` of shape ``(n_l, 1)``;
- every forward function returns its output and a *cache* of what the matching backward function
  needs: ``linear_cache = (A_prev, W, b)``, ``activation_cache = Z`` and
  ``cache = (linear_cache, activation_cache)``;
- the gradients live in a dict with the keys ``"dW<l>"``, ``"db<l>"`` (same shapes as the
  parameters) and ``"dA<l>"`` (same shape as ``A<l>``).

The hidden layers use ReLU and the output layer a sigmoid: LINEAR -> RELU, repeated L - 1
times, then LINEAR -> SIGMOID.

The random initializers draw from numpy's global generator and do not seed it: call
``np.random.seed(...)`` first when you want the same initial parameters every time.
"""

from __future__ import annotations

import copy

import numpy as np

__all__ = [
    "L_model_backward", "L_model_forward", "compute_cost", "initialize_parameters",
    "initialize_parameters_deep", "linear_activation_backward", "linear_activation_forward",
    "linear_backward", "linear_forward", "predict", "print_mislabeled_images", "relu",
    "relu_backward", "sigmoid", "sigmoid_backward", "update_parameters",
]


# --- activations -----------------------------------------------------------------------------


def sigmoid(Z):
    """Apply the sigmoid 1 / (1 + exp(-Z)) entry by entry.

    Args:
        Z: pre-activations, numpy array of any shape, e.g. (n_l, m).

    Returns:
        A: sigmoid(Z), same shape as Z, every value in (0, 1).
        cache: Z itself, kept for :func:`sigmoid_backward`.
    """
    # exp(-|Z|) never overflows; both branches equal 1 / (1 + exp(-Z)).
    E = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + E), E / (1.0 + E))
    cache = Z
    return A, cache


def relu(Z):
    """Apply the rectified linear unit max(0, Z) entry by entry.

    Args:
        Z: pre-activations, numpy array of any shape, e.g. (n_l, m).

    Returns:
        A: max(0, Z), same shape as Z.
        cache: Z itself, kept for :func:`relu_backward`.
    """
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def sigmoid_backward(dA, cache):
    """Backward pass through a sigmoid: dZ = dA * s * (1 - s), with s = sigmoid(Z).

    Args:
        dA: gradient of the cost with respect to the sigmoid's output, shape (n_l, m).
        cache: Z, stored by :func:`sigmoid`, same shape as dA.

    Returns:
        dZ: gradient of the cost with respect to Z, same shape as Z.
    """
    s, _ = sigmoid(cache)
    dZ = dA * s * (1 - s)
    return dZ


def relu_backward(dA, cache):
    """Backward pass through a ReLU: dZ = dA where Z > 0, and 0 elsewhere (slope 0 at Z = 0).

    Args:
        dA: gradient of the cost with respect to the ReLU's output, shape (n_l, m).
        cache: Z, stored by :func:`relu`, same shape as dA.

    Returns:
        dZ: gradient of the cost with respect to Z, same shape as Z.
    """
    Z = cache
    dZ = np.array(dA, dtype=float, copy=True)
    dZ[Z <= 0] = 0
    return dZ


# --- initialization --------------------------------------------------------------------------


def initialize_parameters(n_x, n_h, n_y):
    """Random parameters of a two-layer network LINEAR -> RELU -> LINEAR -> SIGMOID.

    The weights are standard normal draws times 0.01, the biases zero. Draws come from numpy's
    global generator (W1 first, then W2); seed it beforehand for reproducible results.

    Args:
        n_x: size of the input layer.
        n_h: size of the hidden layer.
        n_y: size of the output layer.

    Returns:
        parameters: dict with
            "W1": shape (n_h, n_x), "b1": shape (n_h, 1),
            "W2": shape (n_y, n_h), "b2": shape (n_y, 1).
    """
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims):
    """Random parameters of an L-layer network, weights scaled by 1 / sqrt(fan-in).

    ``W<l>`` is a standard normal draw divided by ``sqrt(layer_dims[l - 1])``, the number of
    inputs of layer ``l``: then each pre-activation ``Z = W A_prev + b`` is a sum of
    ``layer_dims[l - 1]`` terms whose variance stays of order 1 whatever the layer's width, so
    the signal neither explodes nor dies out from one layer to the next (a fixed factor such as
    0.01 makes it shrink layer after layer in a deep network). Biases start at zero. Draws come
    from numpy's global generator, layer by layer; seed it beforehand for reproducible results.

    Args:
        layer_dims: list of the layer sizes [n_x, n_1, ..., n_L], input layer included.

    Returns:
        parameters: dict with "W<l>" of shape (layer_dims[l], layer_dims[l - 1]) and "b<l>" of
            shape (layer_dims[l], 1), for l = 1, ..., L.
    """
    parameters = {}
    for layer in range(1, len(layer_dims)):
        W = np.random.randn(layer_dims[layer], layer_dims[layer - 1]) / np.sqrt(layer_dims[layer - 1])
        parameters[f"W{layer}"] = W
        parameters[f"b{layer}"] = np.zeros((layer_dims[layer], 1))
    return parameters


# --- forward propagation ---------------------------------------------------------------------


def linear_forward(A, W, b):
    """The linear part of a layer: Z = W A + b.

    Args:
        A: activations of the previous layer (or the input X), shape (n_{l-1}, m).
        W: weights, shape (n_l, n_{l-1}).
        b: biases, shape (n_l, 1).

    Returns:
        Z: pre-activations, shape (n_l, m).
        cache: (A, W, b), kept for :func:`linear_backward`.
    """
    Z = np.dot(W, A) + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    """One layer forward: LINEAR, then the activation.

    Args:
        A_prev: activations of the previous layer (or the input X), shape (n_{l-1}, m).
        W: weights, shape (n_l, n_{l-1}).
        b: biases, shape (n_l, 1).
        activation: "sigmoid" or "relu".

    Returns:
        A: activations of this layer, shape (n_l, m).
        cache: (linear_cache, activation_cache) = ((A_prev, W, b), Z).
    """
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f'activation must be "sigmoid" or "relu", got {activation!r}')
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """The whole forward pass: [LINEAR -> RELU] * (L - 1) -> LINEAR -> SIGMOID.

    Args:
        X: input data, shape (n_x, m).
        parameters: dict of "W<l>", "b<l>" for l = 1, ..., L (see
            :func:`initialize_parameters_deep`).

    Returns:
        AL: output of the sigmoid layer, the predicted probabilities, shape (1, m).
        caches: list of the L caches of :func:`linear_activation_forward`, layer 1 first.
    """
    caches = []
    A = X
    L = len(parameters) // 2
    for layer in range(1, L):
        A, cache = linear_activation_forward(A, parameters[f"W{layer}"], parameters[f"b{layer}"], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters[f"W{L}"], parameters[f"b{L}"], "sigmoid")
    caches.append(cache)
    return AL, caches


# --- cost ------------------------------------------------------------------------------------


def compute_cost(AL, Y):
    """The cross-entropy cost J = -(1/m) sum(Y log(AL) + (1 - Y) log(1 - AL)).

    Args:
        AL: predicted probabilities, shape (1, m).
        Y: true labels (0 or 1), shape (1, m).

    Returns:
        cost: the cost, a Python float.
    """
    m = Y.shape[1]
    cost = -(np.dot(Y, np.log(AL).T) + np.dot(1 - Y, np.log(1 - AL).T)) / m
    return float(np.squeeze(cost))


# --- backward propagation --------------------------------------------------------------------


def linear_backward(dZ, cache):
    """The linear part of a layer, backward: from dZ to dA_prev, dW and db.

    Args:
        dZ: gradient of the cost with respect to Z, shape (n_l, m).
        cache: (A_prev, W, b), stored by :func:`linear_forward`.

    Returns:
        dA_prev: gradient with respect to A_prev, shape (n_{l-1}, m).
        dW: gradient with respect to W, shape (n_l, n_{l-1}).
        db: gradient with respect to b, shape (n_l, 1).
    """
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """One layer backward: through the activation, then through LINEAR.

    Args:
        dA: gradient of the cost with respect to this layer's output A, shape (n_l, m).
        cache: (linear_cache, activation_cache), stored by :func:`linear_activation_forward`.
        activation: "sigmoid" or "relu", the activation used in the forward pass.

    Returns:
        dA_prev: gradient with respect to A_prev, shape (n_{l-1}, m).
        dW: gradient with respect to W, shape (n_l, n_{l-1}).
        db: gradient with respect to b, shape (n_l, 1).
    """
    linear_cache, activation_cache = cache
    if activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    elif activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    else:
        raise ValueError(f'activation must be "sigmoid" or "relu", got {activation!r}')
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """The whole backward pass, from the cost back to layer 1.

    Args:
        AL: output of :func:`L_model_forward`, shape (1, m).
        Y: true labels (0 or 1), shape (1, m).
        caches: the list of caches returned by :func:`L_model_forward`.

    Returns:
        grads: dict with "dA<l-1>", "dW<l>" and "db<l>" for l = 1, ..., L ("dA0" is the gradient
            with respect to the input X).
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    # Derivative of the cross-entropy with respect to AL.
    dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    dA = dAL
    for layer in reversed(range(1, L + 1)):
        activation = "sigmoid" if layer == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[layer - 1], activation)
        grads[f"dA{layer - 1}"] = dA
        grads[f"dW{layer}"] = dW
        grads[f"db{layer}"] = db
    return grads


# --- update ----------------------------------------------------------------------------------


def update_parameters(parameters, grads, learning_rate):
    """One step of gradient descent: W := W - learning_rate * dW, b := b - learning_rate * db.

    The input dict is left unchanged: the function works on a copy and **returns** the updated
    parameters, so use the returned dict.

    Args:
        parameters: dict of "W<l>", "b<l>".
        grads: dict with (at least) "dW<l>", "db<l>" of the same shapes.
        learning_rate: the step size.

    Returns:
        parameters: a new dict with the updated "W<l>", "b<l>".
    """
    parameters = copy.deepcopy(parameters)
    L = len(parameters) // 2
    for layer in range(1, L + 1):
        parameters[f"W{layer}"] = parameters[f"W{layer}"] - learning_rate * grads[f"dW{layer}"]
        parameters[f"b{layer}"] = parameters[f"b{layer}"] - learning_rate * grads[f"db{layer}"]
    return parameters


# --- using a trained network -----------------------------------------------------------------


def predict(X, y, parameters):
    """Predict the labels of an L-layer network (label 1 when AL > 0.5) and print the accuracy.

    Works for the two-layer network too: its parameters W1, b1, W2, b2 are an L-layer network
    with L = 2.

    Args:
        X: data, shape (n_x, m).
        y: true labels (0 or 1), shape (1, m).
        parameters: the trained parameters, dict of "W<l>", "b<l>".

    Returns:
        p: predicted labels (0. or 1.), shape (1, m).
    """
    m = X.shape[1]
    probas, _ = L_model_forward(X, parameters)
    p = (probas > 0.5).astype(float)
    print("Accuracy: " + str(np.sum(p == y) / m))
    return p


def print_mislabeled_images(classes, X, y, p, columns=5):
    """Show the examples whose prediction differs from the label, in a grid.

    Args:
        classes: names of the classes as bytes, e.g. [b"non-face", b"face"].
        X: flattened images, shape (num_px * num_px * 3, m), values in [0, 1] or [0, 255].
        y: true labels (0 or 1), shape (1, m).
        p: predicted labels (0 or 1), shape (1, m).
        columns: number of images per row of the grid.

    Returns:
        mislabeled: the indices of the misclassified examples, a 1-D int array.
    """
    import matplotlib.pyplot as plt

    from shared_utils.plotting import show_image_grid

    mislabeled = np.flatnonzero(np.asarray(p).ravel() != np.asarray(y).ravel())
    if mislabeled.size == 0:
        print("No mislabeled example.")
        return mislabeled
    num_px = int(round(np.sqrt(X.shape[0] / 3)))
    images = X[:, mislabeled].T.reshape(-1, num_px, num_px, 3)
    if images.max() > 1:
        images = images / 255.0
    titles = [f"#{i}\npredicted: {classes[int(p[0, i])].decode()}\n"
              f"true: {classes[int(y[0, i])].decode()}" for i in mislabeled]
    show_image_grid(images, titles, columns=max(1, min(columns, mislabeled.size)), size=2.5)
    plt.show()
    return mislabeled
