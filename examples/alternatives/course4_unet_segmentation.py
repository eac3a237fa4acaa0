"""Correct alternative solutions for course4/unet_segmentation."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "conv_block": {
        "keyword filters and tuple kernel sizes, MaxPooling2D(2)": [
            ("Conv2D(n_filters, 3,", "Conv2D(filters=n_filters, kernel_size=(3, 3),"),
            ("MaxPooling2D(pool_size=(2, 2))", "MaxPooling2D(2)")],
        "a truthiness test for the dropout": ("if dropout_prob > 0:", "if dropout_prob:"),
    },
    "upsampling_block": {
        "axis=-1 for the channels": ("axis=3)", "axis=-1)"),
        "tuple kernel, integer strides": ("Conv2DTranspose(n_filters, 3, strides=(2, 2),", "Conv2DTranspose(n_filters, (3, 3), strides=2,"),
    },
    "unet_model": {
        "every argument of the blocks spelt out": [
            ("conv_block(inputs, n_filters)", "conv_block(inputs, n_filters, dropout_prob=0, max_pooling=True)"),
            ("conv_block(cblock4[0], 16 * n_filters, dropout_prob=0.3, max_pooling=False)", "conv_block(cblock4[0], n_filters * 16, 0.3, False)")],
    },
}
