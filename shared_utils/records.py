"""Plain-data records of check results, as they cross from a grading kernel to the grader.

When the autograder grades a notebook it rewrites every ``expect(...)`` in the test cells into
``emit(...)``: the kernel then only *reports* the student's value, as JSON published with the
MIME type :data:`MIME`, and the grader compares it with the reference value in its own process.
Values are encoded as plain data (numbers, strings, lists, base64 array bytes), never pickled,
so nothing the student's code returns can run code or lie about equality in the grader.
"""

from __future__ import annotations

import base64
import math
from typing import Any

import numpy as np

__all__ = ["MIME", "MAX_ARRAY_BYTES", "Opaque", "decode", "emit", "encode", "type_names"]

MIME = "application/vnd.autograder.check+json"
MAX_ARRAY_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 20


class Opaque:
    """A value the encoder would not carry (an arbitrary object): equal to nothing."""

    def __init__(self, type_name: str, text: str) -> None:
        self.type_name, self.text = type_name, text

    def __repr__(self) -> str:
        return f"<{self.type_name} {self.text}>"


def type_names(value: Any) -> list[str]:
    """Qualified names of ``type(value)`` and its bases, e.g. ``['builtins.float', ...]``."""
    return [f"{c.__module__}.{c.__qualname__}" for c in type(value).__mro__]


def encode(value: Any, depth: int = 0) -> dict:
    """Encode ``value`` as JSON-ready plain data (see :func:`decode`)."""
    if depth > MAX_DEPTH:
        return _opaque(value, "nested too deeply")
    if value is None or isinstance(value, bool | str):
        return {"t": "py", "v": value}
    if isinstance(value, int) and type(value) is int:
        return {"t": "int", "v": str(value)}
    if type(value) is float:
        return {"t": "float", "v": _float_text(value)}
    if isinstance(value, np.generic) and not isinstance(value, np.object_):
        return {"t": "np", **_array_fields(np.asarray(value))}
    if isinstance(value, np.ndarray):
        if value.dtype == object or value.nbytes > MAX_ARRAY_BYTES:
            return _opaque(value, f"array of dtype {value.dtype} and shape {value.shape}")
        return {"t": "nd", **_array_fields(value)}
    if _is_tensor(value):
        return {"t": "nd", "tensor": type(value).__name__, **_array_fields(np.asarray(value))}
    if type(value) in (list, tuple):
        return {"t": type(value).__name__, "v": [encode(v, depth + 1) for v in value]}
    if type(value) is dict:
        return {"t": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    return _opaque(value, "")


def decode(data: Any, depth: int = 0) -> Any:
    """Rebuild a value from :func:`encode`'s output; raises ValueError on malformed data."""
    if not isinstance(data, dict) or depth > MAX_DEPTH:
        raise ValueError("malformed record value")
    kind = data.get("t")
    if kind == "py" and (data["v"] is None or isinstance(data["v"], bool | str)):
        return data["v"]
    if kind == "int":
        return int(str(data["v"]))
    if kind == "float":
        return float(str(data["v"]))
    if kind in ("np", "nd"):
        array = _array_from(data)
        return array[()] if kind == "np" else array
    if kind in ("list", "tuple"):
        items = [decode(v, depth + 1) for v in _list(data["v"])]
        return items if kind == "list" else tuple(items)
    if kind == "dict":
        return {decode(k, depth + 1): decode(v, depth + 1) for k, v in _list(data["v"])}
    if kind == "opaque":
        return Opaque(str(data.get("type")), str(data.get("text", ""))[:200])
    raise ValueError(f"unknown record value kind {kind!r}")


def emit(site: str, kind: str, **fields: Any) -> None:
    """Publish one check record from a kernel. Called by the rewritten test cells only."""
    from IPython.display import publish_display_data

    record = {"site": site, "kind": kind}
    for key, value in fields.items():
        if key == "actual":
            record["actual"] = encode(value)
            record["actual_types"] = type_names(value)
        elif key == "expected":
            record["expected"] = encode(value)
        elif key == "types":
            types = value if isinstance(value, tuple) else (value,)
            record["types"] = [f"{t.__module__}.{t.__qualname__}" for t in types]
        else:
            record[key] = value
    publish_display_data({MIME: record, "text/plain": f"[check {site}]"})


def _array_fields(array: np.ndarray) -> dict:
    return {"dtype": array.dtype.str, "shape": list(array.shape),
            "b64": base64.b64encode(array.tobytes(order="C")).decode("ascii")}


def _array_from(data: dict) -> np.ndarray:
    dtype = np.dtype(str(data["dtype"]))
    if dtype.hasobject:
        raise ValueError("object arrays are not accepted")
    shape = tuple(int(n) for n in _list(data["shape"]))
    raw = base64.b64decode(str(data["b64"]), validate=True)
    if len(raw) > MAX_ARRAY_BYTES or len(raw) != dtype.itemsize * math.prod(shape):
        raise ValueError("array size does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise ValueError("malformed record list")
    return value


def _float_text(value: float) -> str:
    return repr(value)  # keeps nan/inf and every digit


def _is_tensor(value: Any) -> bool:
    return type(value).__module__.startswith("tensorflow") and hasattr(value, "numpy")


def _opaque(value: Any, text: str) -> dict:
    try:
        shown = text or repr(value)[:200]
    except Exception:  # noqa: BLE001 - a hostile __repr__ must not break encoding
        shown = "<unprintable>"
    return {"t": "opaque", "type": f"{type(value).__module__}.{type(value).__qualname__}", "text": shown}
