"""Realistic student mistakes for course2/source/tensorflow_intro/tensorflow_intro.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

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

MISTAKES: dict[str, str] = {
    "one_hot_matrix": '''# GRADED FUNCTION: one_hot_matrix
def one_hot_matrix(label, depth=6):
    """
    Compute the one-hot encoding of a single label.

    Args:
        label: the class, an integer (a number, or a tensor of shape () or (1,)).
        depth: the number of classes C.

    Returns:
        one_hot: a float32 tf.Tensor of shape (depth,), 1 at position label and 0 elsewhere.
    """
    one_hot = tf.one_hot(label, depth)
    return one_hot''',
    "forward_propagation": '''# GRADED FUNCTION: forward_propagation
def forward_propagation(X, parameters):
    """
    The forward pass LINEAR -> RELU -> LINEAR -> RELU -> LINEAR.

    Args:
        X: float32 input tensor of shape (n_x, m), one example per column.
        parameters: dict with "W1", "b1", "W2", "b2", "W3", "b3", as made by
            initialize_parameters (any compatible shapes).

    Returns:
        Z3: float32 tensor of shape (n_3, m), the outputs of the last LINEAR unit (logits).
    """
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    W3 = parameters["W3"]
    b3 = parameters["b3"]

    Z1 = tf.math.add(tf.linalg.matmul(W1, X), b1)
    A1 = keras.activations.relu(Z1)
    Z2 = tf.math.add(tf.linalg.matmul(W2, A1), b2)
    A2 = keras.activations.relu(Z2)
    Z3 = keras.activations.relu(tf.math.add(tf.linalg.matmul(W3, A2), b3))
    return Z3''',
    "compute_total_loss": '''# GRADED FUNCTION: compute_total_loss
def compute_total_loss(logits, labels):
    """
    Sum of the categorical cross-entropy losses of a mini-batch.

    Args:
        logits: float32 tensor of shape (6, m), the output of forward_propagation.
        labels: float32 tensor of shape (6, m), the one-hot labels, one example per column.

    Returns:
        total_loss: a float32 scalar tensor, the sum of the m losses.
    """
    total_loss = tf.reduce_mean(keras.losses.categorical_crossentropy(
        tf.transpose(labels), tf.transpose(logits), from_logits=True))
    return total_loss''',
}
