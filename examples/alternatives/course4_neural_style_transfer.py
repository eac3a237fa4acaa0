"""Correct alternative solutions for course4/neural_style_transfer."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "compute_content_cost": {
        "a_G.shape and the difference the other way round": [
            ("a_G.get_shape().as_list()", "a_G.shape"),
            ("tf.reduce_sum(tf.square(a_C - a_G)) / (4.0 * n_H * n_W * n_C)",
             "tf.reduce_sum((a_G - a_C) ** 2) / (4 * n_H * n_W * n_C)")],
    },
    "gram_matrix": {
        "transpose_b=True": ("tf.matmul(A, tf.transpose(A))", "tf.linalg.matmul(A, A, transpose_b=True)"),
        "the @ operator": ("tf.matmul(A, tf.transpose(A))", "A @ tf.transpose(A)"),
    },
    "compute_layer_style_cost": {
        "reshape with -1": [
            ("tf.reshape(a_S, [n_H * n_W, n_C])", "tf.reshape(a_S, [-1, n_C])"),
            ("tf.reshape(a_G, [n_H * n_W, n_C])", "tf.reshape(a_G, [-1, n_C])")],
        "channels first by transposing the 4-D tensor, then reshape": [
            ("tf.transpose(tf.reshape(a_S, [n_H * n_W, n_C]))", "tf.reshape(tf.transpose(a_S, [0, 3, 1, 2]), [n_C, n_H * n_W])"),
            ("tf.transpose(tf.reshape(a_G, [n_H * n_W, n_C]))", "tf.reshape(tf.transpose(a_G, [0, 3, 1, 2]), [n_C, n_H * n_W])")],
        "the normalization as one square": (
            "/ (4.0 * n_C**2 * (n_H * n_W) ** 2)", "/ (2.0 * n_C * n_H * n_W) ** 2"),
    },
    "total_cost": {"the terms the other way round": (
        "J = alpha * J_content + beta * J_style", "J = beta * J_style + alpha * J_content")},
    "train_step": {
        "total_cost's default weights": (
            "total_cost(J_content, J_style, alpha=10, beta=40)", "total_cost(J_content, J_style)"),
        "tf.clip_by_value instead of clip_0_1": (
            "clip_0_1(generated_image)", "tf.clip_by_value(generated_image, 0.0, 1.0)"),
    },
}
