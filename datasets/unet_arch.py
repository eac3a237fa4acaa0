"""The U-Net of the course4 segmentation assignment: the notebook's reference solution.

``unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23)`` builds the model of the
original assignment (8,640,471 parameters with these defaults); ``datasets/train_unet.py``
trains a narrower one (``n_filters=16``) on the street scenes, and the notebook loads those
weights into the model the student built, array by array, so both must build the same layers in
the same order.
"""

from __future__ import annotations

from keras import Input, Model
from keras.layers import Conv2D, Conv2DTranspose, Dropout, MaxPooling2D, concatenate


def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    """Two 3x3 ReLU convolutions, optional dropout, optional 2x2 max pooling.

    Returns:
        next_layer: the input of the next block (pooled when ``max_pooling``).
        skip_connection: the output of the convolutions (and dropout), for the decoder.
    """
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(inputs)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    if dropout_prob > 0:
        conv = Dropout(dropout_prob)(conv)
    next_layer = MaxPooling2D(pool_size=(2, 2))(conv) if max_pooling else conv
    return next_layer, conv


def upsampling_block(expansive_input, contractive_input, n_filters=32):
    """A 3x3 transposed convolution of stride 2, the skip connection concatenated, two convolutions."""
    up = Conv2DTranspose(n_filters, 3, strides=(2, 2), padding="same")(expansive_input)
    merge = concatenate([up, contractive_input], axis=3)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    return conv


def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    """The U-Net: 5 encoder blocks (the last two with dropout 0.3), 4 decoder blocks, 1x1 logits."""
    inputs = Input(input_size)
    cblock1 = conv_block(inputs, n_filters)
    cblock2 = conv_block(cblock1[0], 2 * n_filters)
    cblock3 = conv_block(cblock2[0], 4 * n_filters)
    cblock4 = conv_block(cblock3[0], 8 * n_filters, dropout_prob=0.3)
    cblock5 = conv_block(cblock4[0], 16 * n_filters, dropout_prob=0.3, max_pooling=False)
    ublock6 = upsampling_block(cblock5[0], cblock4[1], 8 * n_filters)
    ublock7 = upsampling_block(ublock6, cblock3[1], 4 * n_filters)
    ublock8 = upsampling_block(ublock7, cblock2[1], 2 * n_filters)
    ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)
    conv9 = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(ublock9)
    conv10 = Conv2D(n_classes, 1, padding="same")(conv9)
    return Model(inputs=inputs, outputs=conv10)
