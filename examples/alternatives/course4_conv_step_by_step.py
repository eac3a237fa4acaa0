"""Correct alternative solutions for course4/conv_step_by_step."""
# ruff: noqa: E501 - one edit per line reads best in this table

ALTERNATIVES = {
    "zero_pad": {"np.pad's defaults": ('np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)), mode="constant", constant_values=(0, 0))',
                                       "np.pad(X, ((0, 0), (pad, pad), (pad, pad), (0, 0)))")},
    "conv_single_step": {"np.multiply": ("s = a_slice_prev * W", "s = np.multiply(a_slice_prev, W)")},
    "conv_forward": {"int() of a true division": ("n_H = (n_H_prev - f + 2 * pad) // stride + 1",
                                                  "n_H = int((n_H_prev - f + 2 * pad) / stride) + 1")},
    "pool_forward": {"np.average": ("A[i, h, w, c] = np.mean(a_slice)", "A[i, h, w, c] = np.average(a_slice)")},
    "conv_backward": {"explicit bias index": ("db[:, :, :, c] += dZ[i, h, w, c]", "db[0, 0, 0, c] += dZ[i, h, w, c]")},
    "create_mask_from_window": {">= max": ("mask = x == np.max(x)", "mask = x >= x.max()")},
    "distribute_value": {"np.full": ("a = np.ones(shape) * average", "a = np.full(shape, average)")},
    "pool_backward": {"inline average": ("distribute_value(da, (f, f))", "np.ones((f, f)) * da / (f * f)")},
}
