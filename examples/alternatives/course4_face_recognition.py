"""Correct alternative solutions for course4/face_recognition."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "triplet_loss": {
        "tf.where instead of tf.maximum": (
            "loss = tf.reduce_sum(tf.maximum(basic_loss, 0.0))",
            "loss = tf.reduce_sum(tf.where(basic_loss > 0, basic_loss, tf.zeros_like(basic_loss)))"),
        "operators and axis=1": [
            ("tf.reduce_sum(tf.square(tf.subtract(anchor, positive)), axis=-1)", "tf.reduce_sum((anchor - positive) ** 2, axis=1)"),
            ("tf.reduce_sum(tf.square(tf.subtract(anchor, negative)), axis=-1)", "tf.reduce_sum((anchor - negative) ** 2, axis=1)"),
            ("tf.add(tf.subtract(pos_dist, neg_dist), alpha)", "pos_dist - neg_dist + alpha")],
        "tf.nn.relu for the hinge": ("tf.maximum(basic_loss, 0.0)", "tf.nn.relu(basic_loss)"),
    },
    "verify": {
        "the norm written out": (
            "np.linalg.norm(encoding - database[identity])",
            "np.sqrt(np.sum(np.square(encoding - database[identity])))"),
    },
    "who_is_it": {
        "start from infinity": ("min_dist = 100", 'min_dist = float("inf")'),
        "the norm written out": ("np.linalg.norm(encoding - db_enc)", "np.sqrt(np.sum((encoding - db_enc) ** 2))"),
    },
}
