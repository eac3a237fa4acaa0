"""Realistic student mistakes for course4/source/neural_style_transfer/neural_style_transfer.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``compute_layer_style_cost``: the activations are unrolled with ``tf.reshape(a, [n_C, n_H * n_W])``
  and no transpose. The matrix has the right shape, but its rows mix the channels of
  neighbouring positions, so the Gram matrices, and the cost, are wrong.
- ``total_cost``: ``alpha`` and ``beta`` swapped, ``J = beta * J_content + alpha * J_style``; the
  public test (0.2, 0.8) gives 16 instead of 34.

``train_step`` calls the student's costs, so these two mistakes make its test fail too; the
"partial" example student keeps the points of ``compute_content_cost`` and ``gram_matrix``. The
mistakes for the other three functions are kept apart in ``MORE_MISTAKES`` (same format; each
makes its function's test cell fail just as well):

- ``compute_content_cost``: the sum of squared differences without the factor
  1 / (4 n_H n_W n_C);
- ``gram_matrix``: ``A^T A`` instead of ``A A^T``, an (n_H n_W, n_H n_W) matrix;
- ``train_step``: no clipping after the optimizer's step, so pixels leave [0, 1].
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "compute_layer_style_cost": [
        ("    # Unroll to (n_C, n_H * n_W): positions in rows first, then transpose.\n", ""),
        ("tf.transpose(tf.reshape(a_S, [n_H * n_W, n_C]))", "tf.reshape(a_S, [n_C, n_H * n_W])"),
        ("tf.transpose(tf.reshape(a_G, [n_H * n_W, n_C]))", "tf.reshape(a_G, [n_C, n_H * n_W])"),
    ],
    "total_cost": ("J = alpha * J_content + beta * J_style", "J = beta * J_content + alpha * J_style"),
}

MORE_MISTAKES: dict[str, Edit] = {
    "compute_content_cost": [("    _, n_H, n_W, n_C = a_G.get_shape().as_list()\n", ""),
                             (" / (4.0 * n_H * n_W * n_C)", "")],
    "gram_matrix": ("tf.matmul(A, tf.transpose(A))", "tf.matmul(tf.transpose(A), A)"),
    "train_step": ("    generated_image.assign(clip_0_1(generated_image))\n", ""),
}
