"""``repr``/``str`` of a Tensor in the reference's layout."""
import numpy as np
import torch


def _array(t):
    t = t._t.detach()
    if t.dtype == torch.bfloat16:
        t = t.float()
    return t.cpu().numpy()


def _meta(t):
    """The reference's text for a tensor on the meta device (no values to show), for repr and str alike."""
    return f"Tensor(shape={list(t._t.shape)}, dtype={t.dtype}, value=\n<meta>)"


def tensor_str(t):
    if t._t.is_meta:
        return _meta(t)
    return str(_array(t))


def _body(a):
    if a.size == 0:
        return ""
    if a.ndim == 0:
        v = a.item()
        if isinstance(v, float):      # the reference prints 0-d floats like C's %g
            return " %g" % v
        return " " + str(v)
    fmt = None
    if a.dtype.kind == "f":
        spec = "% .4e" if a.dtype == np.float16 else "% .8e"
        fmt = {"float_kind": lambda x: spec % x}
    s = np.array2string(a, separator=", ", formatter=fmt, threshold=1000, edgeitems=3,
                        max_line_width=1 << 30)
    s = s.replace(", ...,", " ...").replace("...,", "...")
    while "\n\n" in s:
        s = s.replace("\n\n", "\n")
    return s


def tensor_repr(t):
    if t._t.is_meta:
        return _meta(t)
    a = _array(t)
    shape = list(a.shape)
    body = _body(a)
    head = f"Tensor(shape={shape}, dtype={t.dtype}, value="
    if a.ndim == 0:
        return f"{head}{body})"
    if a.ndim == 1 and a.size:
        return f"{head} {body})"
    return f"{head}\n{body})"
