"""Real student mistakes in course4/face_recognition."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "triplet_loss": {
        "the hinge after the sum over the batch": (
            "loss = tf.reduce_sum(tf.maximum(basic_loss, 0.0))", "loss = tf.maximum(tf.reduce_sum(basic_loss), 0.0)"),
        "the distances summed over the whole batch (no axis)": ("axis=-1)", ")"),
        "positive and negative distances swapped": (
            "tf.subtract(pos_dist, neg_dist)", "tf.subtract(neg_dist, pos_dist)"),
    },
    "verify": {
        "the threshold of the original course, 0.7": ("if dist < 0.65:", "if dist < 0.7:"),
        "the squared distance": (
            "dist = np.linalg.norm(encoding - database[identity])",
            "dist = np.sum(np.square(encoding - database[identity]))"),
    },
    "who_is_it": {
        "the comparison in the loop inverted": ("if dist < min_dist:", "if dist > min_dist:"),
        "the search starts from the threshold": ("min_dist = 100", "min_dist = 0.65"),
        "the squared distance": ("dist = np.linalg.norm(encoding - db_enc)", "dist = np.sum(np.square(encoding - db_enc))"),
    },
}
