"""Realistic student mistakes for course4/source/residual_networks/residual_networks.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``identity_block``: the last ReLU is applied before the shortcut is added instead of after, so
  the block's output can be negative and the layers come out in the order Activation, Add.
- ``ResNet50``: stage 5's convolutional block keeps the stride 1 of stage 2 (``s=1``), so the
  volume stays 4 x 4, the average pooling gives 2 x 2 x 2048 and the dense layer has 49,158
  parameters instead of 12,294 (23,636,870 in all instead of 23,600,006).

``ResNet50`` calls the student's blocks, so a wrong ``identity_block`` fails its test too; the
"partial" example student keeps the points of ``convolutional_block``. The mistake for
``convolutional_block`` is kept apart in ``MORE_MISTAKES`` (same format; it makes
``convolutional_block_tests`` fail just as well):

- ``convolutional_block``: the shortcut has its 1 x 1 convolution but no batch normalization, so
  the shortcut's values are not on the scale of the main path's; the output has the right shape,
  but one layer is missing and the values differ.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "identity_block": '''# GRADED FUNCTION: identity_block
def identity_block(X, f, filters, initializer=random_uniform):
    """
    The identity block of ResNet-50: three convolutions on the main path, the input as shortcut.

    Args:
        X: input tensor of shape (m, n_H_prev, n_W_prev, n_C_prev).
        f: integer, the height and width of the middle convolution's window.
        filters: list of 3 integers [F1, F2, F3], the numbers of filters of the three
            convolutions; F3 equals n_C_prev.
        initializer: function of a seed that returns the initializer of the convolution kernels.

    Returns:
        X: output tensor of the block, of shape (m, n_H_prev, n_W_prev, F3).
    """
    F1, F2, F3 = filters

    # Keep the input: it is the shortcut, added back at the end.
    X_shortcut = X

    # First component of the main path
    X = Conv2D(filters=F1, kernel_size=(1, 1), strides=(1, 1), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    # Second component of the main path
    X = Conv2D(filters=F2, kernel_size=(f, f), strides=(1, 1), padding="same",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    # Third component of the main path
    X = Conv2D(filters=F3, kernel_size=(1, 1), strides=(1, 1), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)

    # Final step: the ReLU, then add the shortcut
    X = Activation("relu")(X)
    X = Add()([X, X_shortcut])
    return X''',
    "ResNet50": '''# GRADED FUNCTION: ResNet50
def ResNet50(input_shape=(64, 64, 3), classes=6):
    """
    ResNet-50: ZEROPAD -> CONV2D -> BATCHNORM -> RELU -> MAXPOOL -> CONVBLOCK -> IDBLOCK*2
    -> CONVBLOCK -> IDBLOCK*3 -> CONVBLOCK -> IDBLOCK*5 -> CONVBLOCK -> IDBLOCK*2 -> AVGPOOL
    -> FLATTEN -> DENSE (softmax).

    Args:
        input_shape: shape of one input image, (n_H, n_W, n_C).
        classes: integer, the number of classes.

    Returns:
        model: a keras.Model.
    """
    X_input = Input(input_shape)

    # Zero-padding
    X = ZeroPadding2D((3, 3))(X_input)

    # Stage 1
    X = Conv2D(64, (7, 7), strides=(2, 2), kernel_initializer=glorot_uniform(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)
    X = MaxPooling2D((3, 3), strides=(2, 2))(X)

    # Stage 2
    X = convolutional_block(X, f=3, filters=[64, 64, 256], s=1)
    X = identity_block(X, 3, [64, 64, 256])
    X = identity_block(X, 3, [64, 64, 256])

    # Stage 3
    X = convolutional_block(X, f=3, filters=[128, 128, 512], s=2)
    for _ in range(3):
        X = identity_block(X, 3, [128, 128, 512])

    # Stage 4
    X = convolutional_block(X, f=3, filters=[256, 256, 1024], s=2)
    for _ in range(5):
        X = identity_block(X, 3, [256, 256, 1024])

    # Stage 5
    X = convolutional_block(X, f=3, filters=[512, 512, 2048], s=1)
    for _ in range(2):
        X = identity_block(X, 3, [512, 512, 2048])

    # Average pooling
    X = AveragePooling2D(pool_size=(2, 2))(X)

    # Output layer
    X = Flatten()(X)
    X = Dense(classes, activation="softmax", kernel_initializer=glorot_uniform(seed=0))(X)

    model = Model(inputs=X_input, outputs=X)
    return model''',
}

MORE_MISTAKES: dict[str, str] = {
    "convolutional_block": '''# GRADED FUNCTION: convolutional_block
def convolutional_block(X, f, filters, s=2, initializer=glorot_uniform):
    """
    The convolutional block of ResNet-50: three convolutions on the main path, a 1x1
    convolution with stride s on the shortcut.

    Args:
        X: input tensor of shape (m, n_H_prev, n_W_prev, n_C_prev).
        f: integer, the height and width of the middle convolution's window.
        filters: list of 3 integers [F1, F2, F3], the numbers of filters of the three
            convolutions of the main path (and F3 that of the shortcut's).
        s: integer, the stride of the first convolution and of the shortcut's.
        initializer: function of a seed that returns the initializer of the convolution kernels.

    Returns:
        X: output tensor of the block, of shape (m, n_H, n_W, F3) with
            n_H = (n_H_prev - 1) // s + 1 and n_W = (n_W_prev - 1) // s + 1.
    """
    F1, F2, F3 = filters

    X_shortcut = X

    # First component of the main path
    X = Conv2D(filters=F1, kernel_size=(1, 1), strides=(s, s), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    # Second component of the main path
    X = Conv2D(filters=F2, kernel_size=(f, f), strides=(1, 1), padding="same",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)
    X = Activation("relu")(X)

    # Third component of the main path
    X = Conv2D(filters=F3, kernel_size=(1, 1), strides=(1, 1), padding="valid",
               kernel_initializer=initializer(seed=0))(X)
    X = BatchNormalization(axis=3)(X)

    # Shortcut path
    X_shortcut = Conv2D(filters=F3, kernel_size=(1, 1), strides=(s, s), padding="valid",
                        kernel_initializer=initializer(seed=0))(X_shortcut)

    # Final step: add the shortcut, then the ReLU
    X = Add()([X, X_shortcut])
    X = Activation("relu")(X)
    return X''',
}
