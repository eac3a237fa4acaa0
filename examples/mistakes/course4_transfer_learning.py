"""Realistic student mistakes for course4/source/transfer_learning/transfer_learning.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``alpaca_model``: ``preprocess_input`` is left out, so the base receives pixels from 0 to 255
  instead of -1 to 1. The layers are the same (in Keras 3 the preprocessing is not a layer), only
  the outputs differ.
- ``fine_tune_settings``: the fine-tuning optimizer keeps ``base_learning_rate`` instead of a
  learning rate 10 times smaller.

The "partial" example student keeps the points of ``data_augmenter``. More mistakes, each caught
by its test cell just as well, are kept apart in ``MORE_MISTAKES`` (same format):

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

_ALPACA_HEAD = '''# GRADED FUNCTION: alpaca_model
def alpaca_model(image_shape=IMG_SIZE, data_augmentation=data_augmenter()):
    """
    A binary classifier of images: the pretrained MobileNetV2, frozen, with a new top.

    Args:
        image_shape: (n_H, n_W), the size of the images.
        data_augmentation: a model that augments a batch of images while training.

    Returns:
        model: a tf.keras.Model from images (m, n_H, n_W, 3) with pixels 0..255 to logits (m, 1).
    """
    input_shape = image_shape + (3,)
    base_model = pretrained_mobilenet_v2(input_shape)
'''

_FINE_TUNE_HEAD = '''# GRADED FUNCTION: fine_tune_settings
def fine_tune_settings(base_model, base_learning_rate=0.001, fine_tune_at=120):
    """
    Unfreeze the top of a pretrained model and choose the loss, optimizer and metrics to fine-tune.

    Args:
        base_model: the pretrained tf.keras.Model, frozen until now (changed in place).
        base_learning_rate: the learning rate used to train the new classifier.
        fine_tune_at: index of the first layer of base_model to train; the layers before it stay
            frozen.

    Returns:
        loss_function: a tf.keras.losses.BinaryCrossentropy on logits.
        optimizer: a tf.keras.optimizers.Adam with a learning rate of 0.1 * base_learning_rate.
        metrics: a list with one tf.keras.metrics.BinaryAccuracy on logits, named "accuracy".
    """
'''

_FINE_TUNE_TAIL = '''
    # Keras 3: a trainable batch normalization runs in training mode inside fit; keep them frozen.
    for layer in base_model.layers[fine_tune_at:]:
        if isinstance(layer, tfl.BatchNormalization):
            layer.trainable = False
    return loss_function, optimizer, metrics'''


def _alpaca(body: str) -> str:
    return _ALPACA_HEAD + body + '''
    model = tf.keras.Model(inputs, outputs)
    return model'''


def _fine_tune(body: str) -> str:
    return _FINE_TUNE_HEAD + body + _FINE_TUNE_TAIL


MISTAKES: dict[str, str] = {
    "alpaca_model": _alpaca('''
    base_model.trainable = False

    inputs = tf.keras.Input(shape=input_shape)
    x = data_augmentation(inputs)
    x = base_model(x, training=False)

    x = tfl.GlobalAveragePooling2D()(x)
    x = tfl.Dropout(0.2)(x)
    outputs = tfl.Dense(1)(x)
'''),
    "fine_tune_settings": _fine_tune('''    base_model.trainable = True
    for layer in base_model.layers[:fine_tune_at]:
        layer.trainable = False

    loss_function = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.Adam(learning_rate=base_learning_rate)
    metrics = [tf.keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.0)]
'''),
}

MORE_MISTAKES: dict[str, str] = {
    "data_augmenter": '''# GRADED FUNCTION: data_augmenter
def data_augmenter():
    """
    Create a model that augments images: a random left-right flip, then a random rotation.

    Returns:
        data_augmentation: a tf.keras.Sequential model of two layers; on a batch of images
            (m, n_H, n_W, 3) it returns a batch of the same shape.
    """
    data_augmentation = tf.keras.Sequential()
    data_augmentation.add(tfl.RandomFlip())
    data_augmentation.add(tfl.RandomRotation(0.2))
    return data_augmentation''',
    "alpaca_model (base left trainable)": _alpaca('''
    inputs = tf.keras.Input(shape=input_shape)
    x = data_augmentation(inputs)
    x = preprocess_input(x)
    x = base_model(x, training=False)

    x = tfl.GlobalAveragePooling2D()(x)
    x = tfl.Dropout(0.2)(x)
    outputs = tfl.Dense(1)(x)
'''),
    "alpaca_model (softmax head)": _alpaca('''
    base_model.trainable = False

    inputs = tf.keras.Input(shape=input_shape)
    x = data_augmentation(inputs)
    x = preprocess_input(x)
    x = base_model(x, training=False)

    x = tfl.GlobalAveragePooling2D()(x)
    x = tfl.Dropout(0.2)(x)
    outputs = tfl.Dense(2, activation="softmax")(x)
'''),
    "fine_tune_settings (wrong layers frozen)": _fine_tune('''    base_model.trainable = True
    for layer in base_model.layers[fine_tune_at:]:
        layer.trainable = False

    loss_function = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.Adam(learning_rate=0.1 * base_learning_rate)
    metrics = [tf.keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.0)]
'''),
    "fine_tune_settings (accuracy on probabilities)": _fine_tune('''    base_model.trainable = True
    for layer in base_model.layers[:fine_tune_at]:
        layer.trainable = False

    loss_function = tf.keras.losses.BinaryCrossentropy(from_logits=True)
    optimizer = tf.keras.optimizers.Adam(learning_rate=0.1 * base_learning_rate)
    metrics = ["accuracy"]
'''),
}
