"""Real student mistakes in course4/conv_step_by_step."""
# ruff: noqa: E501 - one edit per line reads best in this table

MUTANTS = {
    "zero_pad": {
        "padding the batch and height axes": ("((0, 0), (pad, pad), (pad, pad), (0, 0))",
                                              "((pad, pad), (pad, pad), (0, 0), (0, 0))"),
        "padding the channels too": ("((0, 0), (pad, pad), (pad, pad), (0, 0))",
                                     "((0, 0), (pad, pad), (pad, pad), (pad, pad))"),
    },
    "conv_single_step": {"b added as an array": ("Z = Z + b.item()", "Z = Z + b")},
    "conv_forward": {
        "output size without + 1": ("n_H = (n_H_prev - f + 2 * pad) // stride + 1",
                                    "n_H = (n_H_prev - f + 2 * pad) // stride"),
        "the stride ignored vertically": ("vert_start = h * stride", "vert_start = h"),
        "the input not padded": ("A_prev_pad = zero_pad(A_prev, pad)", "A_prev_pad = A_prev"),
    },
    "pool_forward": {
        "the stride ignored horizontally": ("horiz_start = w * stride", "horiz_start = w"),
        "the modes swapped": ('if mode == "max":', 'if mode != "max":'),
    },
    "conv_backward": {
        "db overwritten, not accumulated": ("db[:, :, :, c] += dZ[i, h, w, c]", "db[:, :, :, c] = dZ[i, h, w, c]"),
        "unpadding with -pad (wrong when pad is 0)": (
            "da_prev_pad[pad:pad + n_H_prev, pad:pad + n_W_prev, :]", "da_prev_pad[pad:-pad, pad:-pad, :]"),
    },
    "create_mask_from_window": {"max per column": ("mask = x == np.max(x)", "mask = x == np.max(x, axis=0)")},
    "distribute_value": {
        "divided by n_H only": ("average = dz / (n_H * n_W)", "average = dz / n_H"),
        "not divided": ("average = dz / (n_H * n_W)", "average = dz"),
    },
    "pool_backward": {
        "max gradient overwritten, not accumulated": ("+= mask * dA[i, h, w, c]", "= mask * dA[i, h, w, c]"),
        "distributed over the output shape": ("distribute_value(da, (f, f))", "distribute_value(da, (f, f)) / f"),
    },
}
