"""Convert weights between MindSpore ``.ckpt``, ``.safetensors`` and PyTorch ``.pt``/``.pth``/``.bin``.

    python -m lightspore.convert IN OUT [--crc-check]

The formats follow the file extensions. ``.ckpt`` and ``.safetensors`` are written exactly as MindSpore
2.7.1 writes them (a ``.safetensors`` file has its names sorted); a torch file is a ``state_dict``
(``{name: torch.Tensor}``, what ``torch.save(model.state_dict(), f)`` writes), read with
``torch.load(weights_only=True)``. Names are kept as they are. Strings that a ``.ckpt`` may carry (from
``save_checkpoint(append_dict=...)``) go to ``.ckpt`` and torch files and are left out of
``.safetensors``, which cannot hold them (a note says so).
"""
from __future__ import annotations

import argparse
import os
import sys

import torch

_KINDS = {".ckpt": "ckpt", ".safetensors": "safetensors", ".pt": "torch", ".pth": "torch", ".bin": "torch"}


def _kind(path):
    kind = _KINDS.get(os.path.splitext(path)[1].lower())
    if kind is None:
        raise ValueError(f"cannot tell the format of '{path}' from its extension; use one of "
                         f"{', '.join(_KINDS)}.")
    return kind


def _read(path, kind, crc_check):
    """{name: torch.Tensor | str}"""
    from .train import serialization as ser

    if kind == "torch":
        if not os.path.isfile(path):
            raise ValueError(f"the file '{path}' does not exist.")
        try:
            obj = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as e:
            raise ValueError(f"'{path}' cannot be read as a torch state_dict ({e}).") from e
        if isinstance(obj, dict) and isinstance(obj.get("state_dict"), dict):
            obj = obj["state_dict"]
        if not isinstance(obj, dict):
            raise ValueError(f"'{path}' holds a {type(obj).__name__}, not a state_dict.")
        out = {}
        for k, v in obj.items():
            if not isinstance(v, (torch.Tensor, str)):
                raise ValueError(f"'{path}': the value of '{k}' is a {type(v).__name__}, not a tensor.")
            out[str(k)] = v
        return out
    d = ser.load_checkpoint(path, crc_check=crc_check, format=kind)
    return {k: v if isinstance(v, str) else v._t for k, v in d.items()}


def _write(path, kind, data, crc_check):
    from .common.tensor import Tensor
    from .train import _ckpt_format as fmt
    from .train import serialization as ser

    if kind == "torch":
        umask = os.umask(0)
        os.umask(umask)
        fmt._atomic_write(os.path.abspath(path), lambda f, _tmp: torch.save(data, f), "convert",
                          mode=0o666 & ~umask)
        return
    objs = {}
    for k, v in data.items():
        if isinstance(v, str):
            if kind == "safetensors":
                print(f"note: the string value '{k}' is left out: safetensors cannot hold strings.",
                      file=sys.stderr)
                continue
            objs[k] = v
        else:
            objs[k] = Tensor._make(v.detach())
    ser.save_checkpoint(objs, path, crc_check=crc_check, format=kind)


def convert(src, dst, crc_check=False):
    """Convert the weights file ``src`` to ``dst`` (formats from the extensions)."""
    data = _read(src, _kind(src), crc_check)
    _write(dst, _kind(dst), data, crc_check)
    return dst


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m lightspore.convert",
                                     description="Convert weights between .ckpt, .safetensors and torch .pt.")
    parser.add_argument("src", help="input file (.ckpt, .safetensors, .pt/.pth/.bin)")
    parser.add_argument("dst", help="output file (.ckpt, .safetensors, .pt/.pth/.bin)")
    parser.add_argument("--crc-check", action="store_true",
                        help="verify the input's crc code and write one into a .ckpt/.safetensors output")
    args = parser.parse_args(argv)
    try:
        convert(args.src, args.dst, args.crc_check)
    except (ValueError, TypeError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
