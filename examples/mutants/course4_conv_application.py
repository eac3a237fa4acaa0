"""Real student mistakes in course4/conv_application."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "happyModel": {
        "no ReLU after the batch norm": ("        layers.ReLU(),\n", ""),
        "no sigmoid on the output": ('layers.Dense(1, activation="sigmoid")', "layers.Dense(1)"),
    },
    "convolutional_model": {
        "the first pooling with stride 1": ("pool_size=(8, 8), strides=(8, 8)", "pool_size=(8, 8), strides=(1, 1)"),
        "sigmoid instead of softmax": ('activation="softmax"', 'activation="sigmoid"'),
    },
}
