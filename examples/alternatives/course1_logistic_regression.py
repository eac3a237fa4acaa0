"""Correct alternative solutions for course1/logistic_regression."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "sigmoid": {"through logaddexp": ("1 / (1 + np.exp(-z))", "np.exp(-np.logaddexp(0, -z))")},
    "initialize_with_zeros": {"zeros then reshape": ("w = np.zeros((dim, 1))", "w = np.zeros(dim).reshape(dim, 1)")},
    "propagate": {"@ and mean": [("A = sigmoid(np.dot(w.T, X) + b)", "A = sigmoid(w.T @ X + b)"),
                                 ("db = np.sum(A - Y) / m", "db = np.mean(A - Y)")]},
    "optimize": {"augmented assignment on b": ("b = b - learning_rate * db", "b -= learning_rate * db")},
    "predict": {"np.where": ("(A > 0.5).astype(float)", "np.where(A > 0.5, 1.0, 0.0)")},
    "model": {"keyword arguments": ("Y_prediction_train = predict(w, b, X_train)", "Y_prediction_train = predict(w=w, b=b, X=X_train)")},
}
