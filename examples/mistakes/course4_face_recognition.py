"""Realistic student mistakes for course4/source/face_recognition/face_recognition.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``triplet_loss``: the batch is averaged (``reduce_mean``) instead of summed, so the loss of
  the public test is a third of the expected one; a batch of one triplet would not show it, the
  three-triplet public test and the five-triplet hidden tests do.
- ``who_is_it``: the name is updated on every pass of the loop, not only when the distance is
  smaller, so the function returns the smallest distance with the *last* name of the database.
  The public test's photo of bruno happens to be found (he is not last), the hidden test whose
  nearest entry is in the middle of the database catches it.

``verify`` is right, so the "partial" example student keeps its points. More mistakes, kept
apart in ``MORE_MISTAKES``, a list of ``(grade_id, source)`` pairs since two concern the same
function (each makes its test cell fail just as well):

- ``triplet_loss`` forgets the margin ``alpha``, so a triplet with ``A = P = N`` costs 0, not
  ``alpha``;
- ``triplet_loss`` takes the distances without squaring them (``tf.norm``), which changes every
  value of a violated triplet;
- ``verify`` inverts the test (``dist > threshold``), opening the door for strangers and closing
  it for members.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "triplet_loss": '''# GRADED FUNCTION: triplet_loss
def triplet_loss(y_true, y_pred, alpha=0.2):
    """
    The triplet loss of a batch of triplets, summed over the batch.

    Args:
        y_true: labels, required by Keras' loss signature; not used.
        y_pred: list of three tensors [anchor, positive, negative], each of shape (m, n): the
            encodings of the anchor, positive and negative image of each of the m triplets.
        alpha: the margin, a number.

    Returns:
        loss: scalar tensor, sum over the triplets of max(||A - P||^2 - ||A - N||^2 + alpha, 0).
    """
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    pos_dist = tf.reduce_sum(tf.square(anchor - positive), axis=-1)
    neg_dist = tf.reduce_sum(tf.square(anchor - negative), axis=-1)
    basic_loss = pos_dist - neg_dist + alpha
    loss = tf.reduce_mean(tf.maximum(basic_loss, 0.0))
    return loss''',
    "who_is_it": '''# GRADED FUNCTION: who_is_it
def who_is_it(image_path, database, model):
    """
    Find who of the database is on the photo at image_path, if anyone.

    Args:
        image_path: path of the photo taken by the camera.
        database: dict mapping a name to the (1, 128) encoding of that person's photo.
        model: the encoder, a Keras model (used through img_to_encoding).

    Returns:
        min_dist: the distance between the photo's encoding and the nearest encoding of the database.
        identity: the name of the nearest person of the database.
    """
    encoding = img_to_encoding(image_path, model)
    min_dist = 100
    identity = None
    for name, db_enc in database.items():
        dist = np.linalg.norm(encoding - db_enc)
        if dist < min_dist:
            min_dist = dist
        identity = name
    if min_dist > 0.65:
        print("Not in the database.")
    else:
        print("it's " + str(identity) + ", the distance is " + str(min_dist))
    return min_dist, identity''',
}

MORE_MISTAKES: list[tuple[str, str]] = [
    ("triplet_loss", '''# GRADED FUNCTION: triplet_loss
def triplet_loss(y_true, y_pred, alpha=0.2):
    """
    The triplet loss of a batch of triplets, summed over the batch.
    """
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    pos_dist = tf.reduce_sum(tf.square(anchor - positive), axis=-1)
    neg_dist = tf.reduce_sum(tf.square(anchor - negative), axis=-1)
    loss = tf.reduce_sum(tf.maximum(pos_dist - neg_dist, 0.0))
    return loss'''),
    ("triplet_loss", '''# GRADED FUNCTION: triplet_loss
def triplet_loss(y_true, y_pred, alpha=0.2):
    """
    The triplet loss of a batch of triplets, summed over the batch.
    """
    anchor, positive, negative = y_pred[0], y_pred[1], y_pred[2]
    pos_dist = tf.norm(anchor - positive, axis=-1)
    neg_dist = tf.norm(anchor - negative, axis=-1)
    loss = tf.reduce_sum(tf.maximum(pos_dist - neg_dist + alpha, 0.0))
    return loss'''),
    ("verify", '''# GRADED FUNCTION: verify
def verify(image_path, identity, database, model):
    """
    Check whether the person on the photo at image_path is the one they claim to be.
    """
    encoding = img_to_encoding(image_path, model)
    dist = np.linalg.norm(encoding - database[identity])
    if dist > 0.65:
        print("It's " + str(identity) + ", welcome in!")
        door_open = True
    else:
        print("It's not " + str(identity) + ", please go away")
        door_open = False
    return dist, door_open'''),
]
