"""Realistic student mistakes for course4/source/neural_style_transfer/neural_style_transfer.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

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

MISTAKES: dict[str, str] = {
    "compute_layer_style_cost": '''# GRADED FUNCTION: compute_layer_style_cost
def compute_layer_style_cost(a_S, a_G):
    """
    Compute the style cost of one layer.

    Args:
        a_S: tensor of shape (1, n_H, n_W, n_C), the layer's activations for the style image S.
        a_G: tensor of shape (1, n_H, n_W, n_C), the layer's activations for the generated image G.

    Returns:
        J_style_layer: scalar tensor, the layer's style cost of equation (3).
    """
    _, n_H, n_W, n_C = a_G.get_shape().as_list()

    a_S = tf.reshape(a_S, [n_C, n_H * n_W])
    a_G = tf.reshape(a_G, [n_C, n_H * n_W])

    GS = gram_matrix(a_S)
    GG = gram_matrix(a_G)

    J_style_layer = tf.reduce_sum(tf.square(GS - GG)) / (4.0 * n_C**2 * (n_H * n_W) ** 2)
    return J_style_layer''',
    "total_cost": '''# GRADED FUNCTION: total_cost
@tf.function()
def total_cost(J_content, J_style, alpha=10, beta=40):
    """
    Compute the total cost.

    Args:
        J_content: the content cost.
        J_style: the style cost.
        alpha: the weight of the content cost.
        beta: the weight of the style cost.

    Returns:
        J: the total cost of equation (5).
    """
    J = beta * J_content + alpha * J_style
    return J''',
}

MORE_MISTAKES: dict[str, str] = {
    "compute_content_cost": '''# GRADED FUNCTION: compute_content_cost
def compute_content_cost(content_output, generated_output):
    """
    Compute the content cost between the content image and the generated image.

    Args:
        content_output: list of the feature model's activations for the content image C; the
            last item, of shape (1, n_H, n_W, n_C), is the content layer's.
        generated_output: the same list for the generated image G.

    Returns:
        J_content: scalar tensor, the content cost of equation (1).
    """
    a_C = content_output[-1]
    a_G = generated_output[-1]

    J_content = tf.reduce_sum(tf.square(a_C - a_G))
    return J_content''',
    "gram_matrix": '''# GRADED FUNCTION: gram_matrix
def gram_matrix(A):
    """
    The Gram matrix of a matrix: the dot products of its rows.

    Args:
        A: tensor of shape (n_C, n_H * n_W).

    Returns:
        GA: tensor of shape (n_C, n_C), the Gram matrix of A (equation (2)).
    """
    GA = tf.matmul(tf.transpose(A), A)
    return GA''',
    "train_step": '''# GRADED FUNCTION: train_step
@tf.function()
def train_step(generated_image):
    """
    One step of gradient descent on the generated image.

    Uses the global variables vgg_model_outputs (the feature model), a_C and a_S (the activations
    of the content and style images) and optimizer.

    Args:
        generated_image: tf.Variable of shape (1, n_H, n_W, 3), the generated image G; updated in
            place, its values kept in [0, 1].

    Returns:
        J: the total cost of the image before the step.
    """
    with tf.GradientTape() as tape:
        a_G = vgg_model_outputs(generated_image)
        J_style = compute_style_cost(a_S, a_G)
        J_content = compute_content_cost(a_C, a_G)
        J = total_cost(J_content, J_style, alpha=10, beta=40)

    grad = tape.gradient(J, generated_image)
    optimizer.apply_gradients([(grad, generated_image)])
    return J''',
}
