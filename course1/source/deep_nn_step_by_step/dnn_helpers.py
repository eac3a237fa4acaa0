"""Activation functions for "Building your deep neural network, step by step" (given, not graded).

Each forward function returns its output together with a *cache*, the value its backward
function needs later: here the cache is simply ``Z``, the input of the activation. Each backward
function turns the gradient of the cost with respect to the activation's output, ``dA``, into the
gradient with respect to its input, ``dZ``, by the chain rule:

    dZ = dA * g'(Z)    (entry by entry)

All arrays have the shape of one layer's activations, ``(n_units, m)``: one row per unit, one
column per example. The functions work for any shape, as long as ``dA`` and ``Z`` agree.
"""

from __future__ import annotations

import numpy as np

__all__ = ["relu", "relu_backward", "sigmoid", "sigmoid_backward"]


def sigmoid(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Apply the sigmoid 1 / (1 + exp(-Z)) entry by entry.

    Args:
        Z: pre-activations of a layer, numpy array of shape (n_units, m).

    Returns:
        A: sigmoid(Z), same shape as Z, every value in (0, 1).
        cache: Z itself, kept for :func:`sigmoid_backward`.
    """
    # exp(-|Z|) never overflows; both branches give 1 / (1 + exp(-Z)).
    E = np.exp(-np.abs(Z))
    A = np.where(Z >= 0, 1.0 / (1.0 + E), E / (1.0 + E))
    cache = Z
    return A, cache


def relu(Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Apply the rectified linear unit max(0, Z) entry by entry.

    Args:
        Z: pre-activations of a layer, numpy array of shape (n_units, m).

    Returns:
        A: max(0, Z), same shape as Z.
        cache: Z itself, kept for :func:`relu_backward`.
    """
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def sigmoid_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    """Backward pass through a sigmoid unit: dZ = dA * s * (1 - s), with s = sigmoid(Z).

    Args:
        dA: gradient with respect to the sigmoid's output A, shape (n_units, m).
        cache: Z, the input the forward pass stored, same shape as dA.

    Returns:
        dZ: gradient with respect to Z, same shape as Z.
    """
    Z = cache
    s, _ = sigmoid(Z)
    dZ = dA * s * (1 - s)
    return dZ


def relu_backward(dA: np.ndarray, cache: np.ndarray) -> np.ndarray:
    """Backward pass through a ReLU unit: dZ = dA where Z > 0, and 0 elsewhere.

    The ReLU has slope 1 for Z > 0 and 0 for Z < 0; at Z = 0 we take the slope 0.

    Args:
        dA: gradient with respect to the ReLU's output A, shape (n_units, m).
        cache: Z, the input the forward pass stored, same shape as dA.

    Returns:
        dZ: gradient with respect to Z, same shape as Z.
    """
    Z = cache
    dZ = np.array(dA, dtype=float, copy=True)
    dZ[Z <= 0] = 0
    return dZ
