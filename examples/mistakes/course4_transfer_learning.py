"""Realistic student mistakes for course4/source/transfer_learning/transfer_learning.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to a wrong
submission for that cell, written as an edit of the reference solution (see
:func:`autograder.derive.apply_edit`): one ``(old, new)`` replacement or a list of them. Putting
one of them in place of the solution cell must make the matching ``<grade_id>_tests`` cell fail,
which checks that the tests catch common errors and that the autograder withdraws the points.

- ``alpaca_model``: ``preprocess_input`` is left out, so the base receives pixels from 0 to 255
  instead of -1 to 1. The layers are the same (in Keras 3 the preprocessing is not a layer), only
  the outputs differ.
- ``fine_tune_settings``: the fine-tuning optimizer keeps ``base_learning_rate`` instead of a
  learning rate 10 times smaller.

The "partial" example student keeps the points of ``data_augmenter``. More mistakes, each caught
by its test cell just as well, are kept apart in ``MORE_MISTAKES`` (edits too):

- ``data_augmenter``: ``RandomFlip()`` with its default mode, which also flips upside down;
- ``alpaca_model (base left trainable)``: ``base_model.trainable = False`` forgotten, so all
  410,208 parameters of the base would train with the head;
- ``alpaca_model (softmax head)``: two classes with a softmax, ``Dense(2, activation="softmax")``,
  the multi-class habit, where the assignment's loss expects one logit;
- ``fine_tune_settings (wrong layers frozen)``: the layers from ``fine_tune_at`` on are frozen
  instead of those before it;
- ``fine_tune_settings (accuracy on probabilities)``: ``metrics=["accuracy"]``, which thresholds
  the logits at 0.5.

The keys of ``MORE_MISTAKES`` are ``"<grade_id> (<what>)"``; the grade id is the part before the
parenthesis.
"""

from __future__ import annotations

from autograder.derive import Edit

MISTAKES: dict[str, Edit] = {
    "alpaca_model": ("    x = preprocess_input(x)\n", ""),
    "fine_tune_settings": ("learning_rate=0.1 * base_learning_rate", "learning_rate=base_learning_rate"),
}

MORE_MISTAKES: dict[str, Edit] = {
    "data_augmenter": ('RandomFlip("horizontal")', "RandomFlip()"),
    "alpaca_model (base left trainable)": (
        "    # Freeze the pretrained layers\n    base_model.trainable = False\n\n", ""),
    "alpaca_model (softmax head)": ("tfl.Dense(1)(x)", 'tfl.Dense(2, activation="softmax")(x)'),
    "fine_tune_settings (wrong layers frozen)": (
        "layers[:fine_tune_at]:\n        layer.trainable = False",
        "layers[fine_tune_at:]:\n        layer.trainable = False"),
    "fine_tune_settings (accuracy on probabilities)": (
        '[tf.keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.0)]', '["accuracy"]'),
}
