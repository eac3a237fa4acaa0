"""Realistic student mistakes for course1/source/deep_nn_step_by_step/deep_nn_step_by_step.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

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

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "initialize_parameters_deep": ("np.random.randn(layer_dims[layer], layer_dims[layer - 1])",
                                   "np.random.randn(layer_dims[layer - 1], layer_dims[layer])"),
    "L_model_forward": ('activation="sigmoid")', 'activation="relu")'),
    "linear_backward": ("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1)"),
    "L_model_backward": ("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
                         "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),
}
