"""Real student mistakes in course4/transfer_learning."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "data_augmenter": {
        "a vertical flip": ('tfl.RandomFlip("horizontal")', 'tfl.RandomFlip("vertical")'),
        "the rotation given in degrees": ("tfl.RandomRotation(0.2)", "tfl.RandomRotation(20)"),
    },
    "alpaca_model": {
        "no dropout": ("    x = tfl.Dropout(0.2)(x)\n", ""),
        "Flatten instead of global average pooling": ("tfl.GlobalAveragePooling2D()", "tfl.Flatten()"),
        "a sigmoid output where the loss expects a logit": ("tfl.Dense(1)", 'tfl.Dense(1, activation="sigmoid")'),
        "no augmentation": ("x = data_augmentation(inputs)", "x = inputs"),
    },
    "fine_tune_settings": {
        "one layer too few frozen": ("base_model.layers[:fine_tune_at]", "base_model.layers[:fine_tune_at - 1]"),
        "the loss on probabilities": ("BinaryCrossentropy(from_logits=True)", "BinaryCrossentropy()"),
        "RMSprop instead of Adam": ("tf.keras.optimizers.Adam(", "tf.keras.optimizers.RMSprop("),
    },
}
