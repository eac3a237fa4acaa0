"""Realistic student mistakes for course4/source/conv_step_by_step/conv_step_by_step.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``conv_forward``: the window starts at ``vert_start = h`` and ``horiz_start = w``, without the
  ``* stride``: the output has the right shape but the windows are in the wrong places as soon as
  the stride is larger than 1 (the public test uses a stride of 2).
- ``pool_forward``: ``mode`` is ignored and every window is max-pooled, so average pooling
  returns maxima.
- ``create_mask_from_window``: ``np.max(x, axis=0)`` takes the maximum of each column, so the
  mask has one ``True`` per column instead of a single one.
- ``conv_backward``: the border is removed with ``da_prev_pad[pad:-pad, pad:-pad, :]``, which is
  right for ``pad > 0`` (the public test passes) but empty for ``pad = 0``: the hidden tests with
  no padding raise a ValueError.

Since later functions call earlier ones, the tests that use a mistaken function fail too: the
public test of ``conv_backward`` calls ``conv_forward``, and ``pool_backward`` calls
``create_mask_from_window``. The tests of ``zero_pad``, ``conv_single_step`` and
``distribute_value`` still pass.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "conv_forward": '''# GRADED FUNCTION: conv_forward
def conv_forward(A_prev, W, b, hparameters):
    """
    The forward propagation of a convolution layer.

    Args:
        A_prev: output of the previous layer, numpy array of shape (m, n_H_prev, n_W_prev, n_C_prev).
        W: the weights of the n_C filters, numpy array of shape (f, f, n_C_prev, n_C).
        b: the biases of the n_C filters, numpy array of shape (1, 1, 1, n_C).
        hparameters: dict with the integers "stride" and "pad".

    Returns:
        Z: the output of the convolution, numpy array of shape (m, n_H, n_W, n_C).
        cache: the tuple (A_prev, W, b, hparameters), kept for conv_backward.
    """
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]

    n_H = (n_H_prev - f + 2 * pad) // stride + 1
    n_W = (n_W_prev - f + 2 * pad) // stride + 1
    Z = np.zeros((m, n_H, n_W, n_C))
    A_prev_pad = zero_pad(A_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        for h in range(n_H):
            vert_start = h
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w
                horiz_end = horiz_start + f
                a_slice_prev = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    Z[i, h, w, c] = conv_single_step(a_slice_prev, W[:, :, :, c], b[:, :, :, c])
    cache = (A_prev, W, b, hparameters)
    return Z, cache''',
    "pool_forward": '''# GRADED FUNCTION: pool_forward
def pool_forward(A_prev, hparameters, mode="max"):
    """
    The forward propagation of a pooling layer.

    Args:
        A_prev: input data, numpy array of shape (m, n_H_prev, n_W_prev, n_C_prev).
        hparameters: dict with the integers "f" (the window size) and "stride".
        mode: the pooling mode, the string "max" or "average".

    Returns:
        A: the output of the pooling layer, numpy array of shape (m, n_H, n_W, n_C).
        cache: the tuple (A_prev, hparameters), kept for pool_backward.
    """
    if mode not in ("max", "average"):
        raise ValueError(f"unknown pooling mode {mode!r}: use 'max' or 'average'")
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    f = hparameters["f"]
    stride = hparameters["stride"]
    n_H = (n_H_prev - f) // stride + 1
    n_W = (n_W_prev - f) // stride + 1
    n_C = n_C_prev
    A = np.zeros((m, n_H, n_W, n_C))

    for i in range(m):
        a_prev = A_prev[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                for c in range(n_C):
                    a_slice = a_prev[vert_start:vert_end, horiz_start:horiz_end, c]
                    A[i, h, w, c] = np.max(a_slice)
    cache = (A_prev, hparameters)
    return A, cache''',
    "create_mask_from_window": '''# GRADED FUNCTION: create_mask_from_window
def create_mask_from_window(x):
    """
    Mark the position of the maximum of a window.

    Args:
        x: a window, numpy array of shape (f, f).

    Returns:
        mask: boolean numpy array of the shape of x, True where x has its maximum, False elsewhere.
    """
    mask = x == np.max(x, axis=0)
    return mask''',
    "conv_backward": '''# GRADED FUNCTION: conv_backward
def conv_backward(dZ, cache):
    """
    The backward propagation of a convolution layer.

    Args:
        dZ: gradient of the cost with respect to the output Z of the layer, numpy array of shape
            (m, n_H, n_W, n_C).
        cache: the tuple (A_prev, W, b, hparameters) stored by conv_forward.

    Returns:
        dA_prev: gradient of the cost with respect to the input A_prev of the layer, numpy array
            of shape (m, n_H_prev, n_W_prev, n_C_prev).
        dW: gradient of the cost with respect to the weights W, numpy array of shape
            (f, f, n_C_prev, n_C).
        db: gradient of the cost with respect to the biases b, numpy array of shape (1, 1, 1, n_C).
    """
    (A_prev, W, b, hparameters) = cache
    (m, n_H_prev, n_W_prev, n_C_prev) = A_prev.shape
    (f, f, n_C_prev, n_C) = W.shape
    stride = hparameters["stride"]
    pad = hparameters["pad"]
    (m, n_H, n_W, n_C) = dZ.shape

    dA_prev = np.zeros(A_prev.shape)
    dW = np.zeros(W.shape)
    db = np.zeros(b.shape)
    A_prev_pad = zero_pad(A_prev, pad)
    dA_prev_pad = zero_pad(dA_prev, pad)
    for i in range(m):
        a_prev_pad = A_prev_pad[i]
        da_prev_pad = dA_prev_pad[i]
        for h in range(n_H):
            vert_start = h * stride
            vert_end = vert_start + f
            for w in range(n_W):
                horiz_start = w * stride
                horiz_end = horiz_start + f
                a_slice = a_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :]
                for c in range(n_C):
                    da_prev_pad[vert_start:vert_end, horiz_start:horiz_end, :] += (
                        W[:, :, :, c] * dZ[i, h, w, c])
                    dW[:, :, :, c] += a_slice * dZ[i, h, w, c]
                    db[:, :, :, c] += dZ[i, h, w, c]
        dA_prev[i, :, :, :] = da_prev_pad[pad:-pad, pad:-pad, :]
    return dA_prev, dW, db''',
}
