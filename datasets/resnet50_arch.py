"""The ResNet-50 of the course4 "Residual Networks" assignment, for the weights-training script.

The same architecture as the notebook's reference solution (course4/source/residual_networks),
written once more here so that ``train_resnet50.py`` does not depend on the notebook. The
shipped weights (``datasets/resnet50/``) are stored as the flat list ``model.get_weights()``
of this model, so they load into any model whose layers are built in the same order with the
same shapes, which is what the assignment asks of the student's ``ResNet50``.

- ``identity_block``: 1x1 conv, f x f conv ("same"), 1x1 conv, each followed by
  ``BatchNormalization(axis=3)``; ReLU after the first two; the input is added before the last
  ReLU.
- ``convolutional_block``: the same main path with stride ``s`` in its first 1x1 conv, and a
  shortcut of a 1x1 conv with stride ``s`` and a batch normalization.
- ``ResNet50``: zero padding 3, 7x7/2 conv with 64 filters, BN, ReLU, 3x3/2 max pooling, then
  stages of (1 convolutional + 2, 3, 5, 2 identity) blocks with 256, 512, 1024 and 2048
  output channels, 2x2 average pooling, flatten, dense softmax.

Batch normalization gets no ``training`` argument: Keras passes the flag given to the model
(``fit`` trains with batch statistics, ``predict`` / ``evaluate`` use the moving averages).
"""

from __future__ import annotations

from keras import Input, Model
from keras.initializers import glorot_uniform, random_uniform
from keras.layers import (
    Activation,
    Add,
    AveragePooling2D,
    BatchNormalization,
    Conv2D,
    Dense,
    Flatten,
    MaxPooling2D,
    ZeroPadding2D,
)

__all__ = ["ResNet50", "convolutional_block", "identity_block"]


def identity_block(X, f, filters, initializer=random_uniform):
    F1, F2, F3 = filters
    X_shortcut = X

    X = Conv2D(filters=F1, kernel_size=1, strides=(1, 1), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    X = Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    X = Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)

    X = Add()([X, X_shortcut])
    X = Activation("relu")(X)
    return X


def convolutional_block(X, f, filters, s=2, initializer=glorot_uniform):
    F1, F2, F3 = filters
    X_shortcut = X

    X = Conv2D(filters=F1, kernel_size=1, strides=(s, s), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    X = Conv2D(filters=F2, kernel_size=f, strides=(1, 1), padding="same",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    X = Conv2D(filters=F3, kernel_size=1, strides=(1, 1), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)

    X_shortcut = Conv2D(filters=F3, kernel_size=1, strides=(s, s), padding="valid",
                        kernel_initializer=initializer(seed=0))(X_shortcut)
    X_shortcut = BatchNormalization(axis=3)(X_shortcut)

    X = Add()([X, X_shortcut])
    X = Activation("relu")(X)
    return X


def ResNet50(input_shape=(64, 64, 3), classes=6):
    X_input = Input(input_shape)

    X = ZeroPadding2D((3, 3))(X_input)

    X = Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)
    X = MaxPooling2D((3, 3), strides=(2, 2))(X)

    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])

    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])

    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])

    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=2)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])

    X = AveragePooling2D((2, 2))(X)

    X = Flatten()(X)
    X = Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)

    return Model(inputs=X_input, outputs=X)
