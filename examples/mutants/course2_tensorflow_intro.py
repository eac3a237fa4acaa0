"""Real student mistakes in course2/tensorflow_intro."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "linear_function": {"the bias forgotten": ("Y = tf.add(tf.matmul(W, X), b)", "Y = tf.matmul(W, X)")},
    "sigmoid": {"relu instead of sigmoid": ("a = keras.activations.sigmoid(z)", "a = keras.activations.relu(z)")},
    "one_hot_matrix": {"one-hot along the last axis": ("tf.one_hot(label, depth, axis=0)",
                                                       "tf.one_hot(label, depth - 1, axis=-1)")},
    "initialize_parameters": {"W1 transposed": ("W1 = tf.Variable(initializer(shape=(25, 12288)))",
                                                "W1 = tf.Variable(tf.transpose(initializer(shape=(12288, 25))))")},
    "forward_propagation": {"sigmoid in the second layer": ("A2 = keras.activations.relu(Z2)",
                                                            "A2 = keras.activations.sigmoid(Z2)")},
    "compute_total_loss": {
        "probabilities expected, logits given": ("from_logits=True", "from_logits=False"),
        "the mean instead of the sum": ("tf.reduce_sum(", "tf.reduce_mean("),
    },
}
