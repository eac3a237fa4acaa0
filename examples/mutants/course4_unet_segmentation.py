"""Real student mistakes in course4/unet_segmentation."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "conv_block": {
        "no ReLU after the second convolution": (
            'activation="relu", padding="same", kernel_initializer="he_normal")(conv)',
            'padding="same", kernel_initializer="he_normal")(conv)'),
        "valid padding": ('padding="same"', 'padding="valid"'),
        "a Dropout layer even when dropout_prob is 0": (
            "if dropout_prob > 0:\n        conv = Dropout(dropout_prob)(conv)", "conv = Dropout(dropout_prob)(conv)"),
    },
    "upsampling_block": {
        "a transposed convolution with stride 1": ("strides=(2, 2)", "strides=(1, 1)"),
        "one convolution after the merge": (
            '    conv = Conv2D(n_filters, 3, activation="relu", padding="same", kernel_initializer="he_normal")(conv)\n', ""),
        "a ReLU on the transposed convolution": (
            'padding="same")(expansive_input)', 'padding="same", activation="relu")(expansive_input)'),
    },
    "unet_model": {
        "a softmax on the logits": ('Conv2D(n_classes, 1, padding="same")', 'Conv2D(n_classes, 1, padding="same", activation="softmax")'),
        "the 3x3 convolution before the output left out": ("padding=\"same\")(conv9)", "padding=\"same\")(ublock9)"),
        "the bottom block pools": ("max_pooling=False", "max_pooling=True"),
    },
}
