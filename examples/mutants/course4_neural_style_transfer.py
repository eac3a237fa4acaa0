"""Real student mistakes in course4/neural_style_transfer."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "compute_content_cost": {
        "the mean instead of the sum": ("tf.reduce_sum(tf.square(a_C - a_G))", "tf.reduce_mean(tf.square(a_C - a_G))"),
        "the factor 4 forgotten": ("(4.0 * n_H * n_W * n_C)", "(n_H * n_W * n_C)"),
    },
    "gram_matrix": {
        "the element-wise product": ("tf.matmul(A, tf.transpose(A))", "tf.multiply(A, A)"),
    },
    "compute_layer_style_cost": {
        "n_H * n_W not squared": ("(n_H * n_W) ** 2", "(n_H * n_W)"),
        "the activations compared, not their Gram matrices": ("tf.square(GS - GG)", "tf.square(a_S - a_G)"),
        "the mean instead of the sum": ("tf.reduce_sum(tf.square(GS - GG))", "tf.reduce_mean(tf.square(GS - GG))"),
    },
    "total_cost": {
        "the weights hard-coded": ("J = alpha * J_content + beta * J_style", "J = 10 * J_content + 40 * J_style"),
        "beta forgotten": ("beta * J_style", "J_style"),
    },
    "train_step": {
        "content and style costs swapped": (
            "total_cost(J_content, J_style, alpha=10, beta=40)", "total_cost(J_style, J_content, alpha=10, beta=40)"),
        "clipped before the optimizer's step": (
            "optimizer.apply_gradients([(grad, generated_image)])\n    generated_image.assign(clip_0_1(generated_image))",
            "generated_image.assign(clip_0_1(generated_image))\n    optimizer.apply_gradients([(grad, generated_image)])"),
    },
}

# Automatic mutants that compute the same thing, though the probe cannot show it: train_step steps
# the global optimizer, so each probe call starts from another optimizer state and no two calls
# agree. Graded as alternatives: they must score full marks.
EQUIVALENT = {
    "train_step": {
        "line 20:18: swap the first two arguments of compute_style_cost()":
            "the style cost is symmetric: a sum of (G(S) - G(G))^2 over same-shaped activations",
        "line 21:20: swap the first two arguments of compute_content_cost()":
            "the content cost is symmetric: a sum of (a_C - a_G)^2 over same-shaped activations",
    },
}
