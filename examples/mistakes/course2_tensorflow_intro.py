"""Realistic student mistakes for course2/source/tensorflow_intro/tensorflow_intro.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``one_hot_matrix``: ``tf.one_hot`` without ``axis=0`` and without the final reshape: right for
  a scalar label, but a label of shape (1,) gives a (1, depth) tensor instead of (depth,).
- ``forward_propagation``: a ReLU is applied to the output layer too, so the logits can no longer
  be negative.
- ``compute_total_loss``: ``tf.reduce_mean`` instead of ``tf.reduce_sum``, the mean loss of the
  mini-batch instead of the total.

The training cells that would use these functions are skipped by the grader, and no other test
cell calls them, so only these three test cells fail.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "one_hot_matrix": ("tf.reshape(tf.one_hot(label, depth, axis=0), shape=[depth])",
                       "tf.one_hot(label, depth)"),
    "forward_propagation": ("Z3 = tf.math.add(tf.linalg.matmul(W3, A2), b3)",
                            "Z3 = keras.activations.relu(tf.math.add(tf.linalg.matmul(W3, A2), b3))"),
    "compute_total_loss": ("tf.reduce_sum(keras.losses", "tf.reduce_mean(keras.losses"),
}
