"""Correct alternative solutions for course4/transfer_learning."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "data_augmenter": {
        "the layers given to the constructor, keyword arguments": (
            'data_augmentation = tf.keras.Sequential()\n    data_augmentation.add(tfl.RandomFlip("horizontal"))\n    data_augmentation.add(tfl.RandomRotation(0.2))',
            'data_augmentation = tf.keras.Sequential([tfl.RandomFlip(mode="horizontal"), tfl.RandomRotation(factor=0.2)])'),
    },
    "alpaca_model": {
        "keyword arguments for the head": [
            ("tfl.Dropout(0.2)", "tfl.Dropout(rate=0.2)"),
            ("tfl.Dense(1)", "tfl.Dense(units=1, activation=None)")],
    },
    "fine_tune_settings": {
        "one loop over all layers with enumerate": (
            "for layer in base_model.layers[:fine_tune_at]:\n        layer.trainable = False",
            "for i, layer in enumerate(base_model.layers):\n        layer.trainable = i >= fine_tune_at"),
        "the learning rate divided by 10": ("learning_rate=0.1 * base_learning_rate", "learning_rate=base_learning_rate / 10"),
    },
}
