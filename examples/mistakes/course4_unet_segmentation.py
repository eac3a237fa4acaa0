"""Realistic student mistakes for course4/source/unet_segmentation/unet_segmentation.ipynb.

``MISTAKES`` maps the ``grade_id`` of a solution cell (the graded function's name) to the full
source of a wrong submission for that cell, without solution delimiters. Putting one of them in
place of the solution cell must make the matching ``<grade_id>_tests`` cell fail, which checks
that the tests catch common errors and that the autograder withdraws the points.

- ``conv_block``: ``dropout_prob`` is ignored, so the blocks at the bottom of the U have no
  Dropout layer (the outputs at prediction time are the same: only the structure shows it).
- ``unet_model``: a copy-paste slip gives the fourth encoder block ``4 * n_filters`` filters
  instead of ``8 * n_filters``: the shapes still fit together, but the model has the wrong
  number of parameters.

``unet_model`` calls the student's ``conv_block``, so its test fails twice over; the "partial"
example student keeps the points of ``upsampling_block``. More mistakes are kept apart in
``MORE_MISTAKES`` (function name -> list of wrong sources; each makes its function's test cell
fail just as well, which ``tests/test_unet.py`` checks):

- ``conv_block``: the skip connection is taken after the pooling (``skip_connection =
  next_layer``), so it has half the height and width that the decoder needs.
- ``upsampling_block``: the skip connection is forgotten (the convolutions take the upsampled
  tensor alone); the two tensors are concatenated in the other order (same shapes, other
  values: each weight now multiplies the other tensor's channels); they are concatenated along
  axis 1 (the rows) instead of the channels, which Keras refuses since the channels differ.
- ``unet_model``: the bottom block has no dropout.
"""

from __future__ import annotations

MISTAKES: dict[str, str] = {
    "conv_block": '''# GRADED FUNCTION: conv_block
def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    """
    One block of the U-Net's encoder: two 3x3 convolutions with ReLU, optional dropout,
    optional 2x2 max pooling.

    Args:
        inputs: input tensor of shape (m, n_H, n_W, n_C).
        n_filters: integer, the number of filters of both convolutions.
        dropout_prob: float in [0, 1), the dropout rate; 0 adds no Dropout layer.
        max_pooling: boolean, whether to end with a 2x2 max pooling.

    Returns:
        next_layer: the input of the next block, of shape (m, n_H // 2, n_W // 2, n_filters)
            with max pooling, (m, n_H, n_W, n_filters) without.
        skip_connection: the output before the pooling, (m, n_H, n_W, n_filters), for the decoder.
    """
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(inputs)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)

    if max_pooling:
        next_layer = MaxPooling2D(pool_size=(2, 2))(conv)
    else:
        next_layer = conv

    skip_connection = conv
    return next_layer, skip_connection''',
    "unet_model": '''# GRADED FUNCTION: unet_model
def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    """
    The U-Net: 5 encoder blocks, 4 decoder blocks with skip connections, and a 1x1 convolution
    that gives the logits of each class at each pixel.

    Args:
        input_size: shape of one input image, (n_H, n_W, n_C), with n_H and n_W divisible by 16.
        n_filters: integer, the number of filters of the first block (F).
        n_classes: integer, the number of classes.

    Returns:
        model: a keras.Model from (m, n_H, n_W, n_C) images to (m, n_H, n_W, n_classes) logits.
    """
    inputs = Input(input_size)

    # Contracting path (encoder): the number of filters doubles at each block
    cblock1 = conv_block(inputs, n_filters)
    cblock2 = conv_block(cblock1[0], 2 * n_filters)
    cblock3 = conv_block(cblock2[0], 4 * n_filters)
    cblock4 = conv_block(cblock3[0], 4 * n_filters, dropout_prob=0.3)
    cblock5 = conv_block(cblock4[0], 16 * n_filters, dropout_prob=0.3, max_pooling=False)

    # Expanding path (decoder): each block takes the skip connection of the same size
    ublock6 = upsampling_block(cblock5[0], cblock4[1], 8 * n_filters)
    ublock7 = upsampling_block(ublock6, cblock3[1], 4 * n_filters)
    ublock8 = upsampling_block(ublock7, cblock2[1], 2 * n_filters)
    ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)

    conv9 = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(ublock9)

    # One logit per class and pixel
    conv10 = Conv2D(n_classes, 1, padding="same")(conv9)

    model = Model(inputs=inputs, outputs=conv10)
    return model''',
}

MORE_MISTAKES: dict[str, list[str]] = {
    "conv_block": ['''# GRADED FUNCTION: conv_block
def conv_block(inputs=None, n_filters=32, dropout_prob=0, max_pooling=True):
    """
    One block of the U-Net's encoder: two 3x3 convolutions with ReLU, optional dropout,
    optional 2x2 max pooling.

    Args:
        inputs: input tensor of shape (m, n_H, n_W, n_C).
        n_filters: integer, the number of filters of both convolutions.
        dropout_prob: float in [0, 1), the dropout rate; 0 adds no Dropout layer.
        max_pooling: boolean, whether to end with a 2x2 max pooling.

    Returns:
        next_layer: the input of the next block, of shape (m, n_H // 2, n_W // 2, n_filters)
            with max pooling, (m, n_H, n_W, n_filters) without.
        skip_connection: the output before the pooling, (m, n_H, n_W, n_filters), for the decoder.
    """
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(inputs)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)

    if dropout_prob > 0:
        conv = Dropout(dropout_prob)(conv)

    if max_pooling:
        next_layer = MaxPooling2D(pool_size=(2, 2))(conv)
    else:
        next_layer = conv

    skip_connection = next_layer
    return next_layer, skip_connection'''],
    "upsampling_block": [
        '''# GRADED FUNCTION: upsampling_block
def upsampling_block(expansive_input, contractive_input, n_filters=32):
    """
    One block of the U-Net's decoder: a transposed convolution that doubles the height and
    width, the skip connection concatenated, then two 3x3 convolutions with ReLU.

    Args:
        expansive_input: input tensor from the previous layer, of shape (m, n_H, n_W, n_C).
        contractive_input: the skip connection from the encoder, of shape
            (m, 2 * n_H, 2 * n_W, n_C_skip).
        n_filters: integer, the number of filters of the three convolutions.

    Returns:
        conv: output tensor of shape (m, 2 * n_H, 2 * n_W, n_filters).
    """
    up = Conv2DTranspose(n_filters, 3, strides=(2, 2), padding="same")(expansive_input)

    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(up)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    return conv''',
        '''# GRADED FUNCTION: upsampling_block
def upsampling_block(expansive_input, contractive_input, n_filters=32):
    """
    One block of the U-Net's decoder: a transposed convolution that doubles the height and
    width, the skip connection concatenated, then two 3x3 convolutions with ReLU.

    Args:
        expansive_input: input tensor from the previous layer, of shape (m, n_H, n_W, n_C).
        contractive_input: the skip connection from the encoder, of shape
            (m, 2 * n_H, 2 * n_W, n_C_skip).
        n_filters: integer, the number of filters of the three convolutions.

    Returns:
        conv: output tensor of shape (m, 2 * n_H, 2 * n_W, n_filters).
    """
    up = Conv2DTranspose(n_filters, 3, strides=(2, 2), padding="same")(expansive_input)

    # Merge the previous output and the contractive_input
    merge = concatenate([contractive_input, up], axis=3)

    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    return conv''',
        '''# GRADED FUNCTION: upsampling_block
def upsampling_block(expansive_input, contractive_input, n_filters=32):
    """
    One block of the U-Net's decoder: a transposed convolution that doubles the height and
    width, the skip connection concatenated, then two 3x3 convolutions with ReLU.

    Args:
        expansive_input: input tensor from the previous layer, of shape (m, n_H, n_W, n_C).
        contractive_input: the skip connection from the encoder, of shape
            (m, 2 * n_H, 2 * n_W, n_C_skip).
        n_filters: integer, the number of filters of the three convolutions.

    Returns:
        conv: output tensor of shape (m, 2 * n_H, 2 * n_W, n_filters).
    """
    up = Conv2DTranspose(n_filters, 3, strides=(2, 2), padding="same")(expansive_input)

    # Merge the previous output and the contractive_input
    merge = concatenate([up, contractive_input], axis=1)

    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(merge)
    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)
    return conv''',
    ],
    "unet_model": ['''# GRADED FUNCTION: unet_model
def unet_model(input_size=(96, 128, 3), n_filters=32, n_classes=23):
    """
    The U-Net: 5 encoder blocks, 4 decoder blocks with skip connections, and a 1x1 convolution
    that gives the logits of each class at each pixel.

    Args:
        input_size: shape of one input image, (n_H, n_W, n_C), with n_H and n_W divisible by 16.
        n_filters: integer, the number of filters of the first block (F).
        n_classes: integer, the number of classes.

    Returns:
        model: a keras.Model from (m, n_H, n_W, n_C) images to (m, n_H, n_W, n_classes) logits.
    """
    inputs = Input(input_size)

    # Contracting path (encoder): the number of filters doubles at each block
    cblock1 = conv_block(inputs, n_filters)
    cblock2 = conv_block(cblock1[0], 2 * n_filters)
    cblock3 = conv_block(cblock2[0], 4 * n_filters)
    cblock4 = conv_block(cblock3[0], 8 * n_filters, dropout_prob=0.3)
    cblock5 = conv_block(cblock4[0], 16 * n_filters, max_pooling=False)

    # Expanding path (decoder): each block takes the skip connection of the same size
    ublock6 = upsampling_block(cblock5[0], cblock4[1], 8 * n_filters)
    ublock7 = upsampling_block(ublock6, cblock3[1], 4 * n_filters)
    ublock8 = upsampling_block(ublock7, cblock2[1], 2 * n_filters)
    ublock9 = upsampling_block(ublock8, cblock1[1], n_filters)

    conv9 = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(ublock9)

    # One logit per class and pixel
    conv10 = Conv2D(n_classes, 1, padding="same")(conv9)

    model = Model(inputs=inputs, outputs=conv10)
    return model'''],
}
