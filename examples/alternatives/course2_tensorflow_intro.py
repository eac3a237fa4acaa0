"""Correct alternative solutions for course2/tensorflow_intro."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "linear_function": {"operators": ("Y = tf.add(tf.matmul(W, X), b)", "Y = W @ X + b")},
    "sigmoid": {"tf.math.sigmoid": ("a = keras.activations.sigmoid(z)", "a = tf.math.sigmoid(z)")},
    "one_hot_matrix": {"default axis": ("tf.one_hot(label, depth, axis=0)", "tf.one_hot(label, depth)")},
    "forward_propagation": {"tf.nn.relu": ("A1 = keras.activations.relu(Z1)", "A1 = tf.nn.relu(Z1)")},
    "compute_total_loss": {"softmax_cross_entropy_with_logits": (
        "keras.losses.categorical_crossentropy(\n        tf.transpose(labels), tf.transpose(logits), from_logits=True)",
        "tf.nn.softmax_cross_entropy_with_logits(labels=tf.transpose(labels), logits=tf.transpose(logits))")},
    "initialize_parameters": {"shapes as lists": ("b1 = tf.Variable(initializer(shape=(25, 1)))", "b1 = tf.Variable(initializer(shape=[25, 1]))")},
}
