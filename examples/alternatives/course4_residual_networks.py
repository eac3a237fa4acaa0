"""Correct alternative solutions for course4/residual_networks."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "identity_block": {"the addition's operands swapped": ("X = Add()([X, X_shortcut])", "X = Add()([X_shortcut, X])")},
    "convolutional_block": {"the addition's operands swapped": ("X = Add()([X, X_shortcut])",
                                                                 "X = Add()([X_shortcut, X])")},
}
