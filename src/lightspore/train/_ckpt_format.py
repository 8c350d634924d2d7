"""MindSpore checkpoint files (``.ckpt`` and ``.safetensors``) at the numpy level.

This layer knows the file formats of MindSpore 2.7.1 and nothing about Tensor, Parameter or Cell.
A checkpoint is an ordered mapping ``name -> (value, dtype_name)`` where ``dtype_name`` is the
MindSpore type name stored in the file (``"Float32"``, ``"BFloat16"``, ``"Int64"``, ``"Bool"``, ...,
or ``"str"``) and ``value`` is

* a C-contiguous ``numpy.ndarray`` of the matching numpy dtype; for ``"BFloat16"`` (numpy has no
  bfloat16) a ``uint16`` array holding the raw bfloat16 bits,
* a ``str`` for ``"str"`` (the strings of ``save_checkpoint(append_dict=...)``).

``.ckpt`` layout, as real MindSpore writes it (see ``_checkpoint_pb2``):

* the file is a concatenation of serialized ``Checkpoint`` messages of one ``Value`` each (which is
  itself a valid ``Checkpoint`` with repeated ``value``); a tensor over 512 MiB is written as several
  consecutive values with the same ``tag`` and the full ``dims`` in each: by raw bytes in 512 MiB
  pieces (the normal, synchronous save) or, for numpy data (``async_save``), split along axis 0
  with ``numpy.array_split`` into ``ceil(nbytes / 512 MiB)`` pieces;
* tensors with no elements are left out by the synchronous save;
* a string is ``dims=[0]``, ``tensor_type="str"``, content = ``numpy.array(s).tobytes()``
  (UTF-32-LE, at least one code unit);
* ``crc_check=True`` appends ``b"crc_num"`` + the CRC-32 (``binascii.crc32``, chained over the
  serialized messages in order) as a 10-byte big-endian integer;
* encryption (``enc_key``) encrypts the whole serialized stream in 64 MiB blocks, each written as
  ``magic(int32 LE) [tag(16), AES-GCM only] block_len(int32) iv_len(int32)=16 iv(16)
  cipher_len(int32) cipher``; magics 0x7F3A5ED8 (AES-GCM), 0x7F3A5ED9 (AES-CBC), 0x7F3A5EDA
  (SM4-CBC); CBC modes use PKCS#7 padding; AES-GCM uses the first 12 bytes of the 16-byte IV as its
  nonce (what MindSpore's OpenSSL calls end up doing), no associated data; ``block_len`` counts
  ``iv_len`` through ``cipher``.

Writes are atomic: the data goes to a file inside a temporary folder beside the target
(``<target>.tmp<pid>-<hex>/``, which also holds the hidden temp file the safetensors writer makes), is
fsynced, given the mode real MindSpore leaves on a checkpoint (0o400, read-only for the owner) and
renamed over the target; the folder is fsynced after. A crash at any moment leaves the old file or the
new one; the temporary folder a killed save leaves is removed by the next save to the same target (once
the process that made it is gone).
Reads validate everything (parse, types, sizes, CRC) and raise ``ValueError`` naming the file.
"""
from __future__ import annotations

import binascii
import math
import os
import re
import secrets
import shutil
import stat
import struct
import warnings
from collections.abc import Callable, Mapping

import numpy as np

__all__ = [
    "CKPT_DTYPES", "SLICE_BYTES", "read_ckpt", "write_ckpt", "read_safetensors", "write_safetensors",
    "is_encrypted", "FILE_MODE", "encrypt_stream", "decrypt_stream",
]

# MindSpore type name -> numpy dtype of the stored bytes (BFloat16 as raw uint16 bits).
CKPT_DTYPES = {
    "Bool": np.dtype(np.bool_),
    "Int8": np.dtype(np.int8), "Int16": np.dtype(np.int16),
    "Int32": np.dtype(np.int32), "Int64": np.dtype(np.int64),
    "UInt8": np.dtype(np.uint8), "UInt16": np.dtype(np.uint16),
    "UInt32": np.dtype(np.uint32), "UInt64": np.dtype(np.uint64),
    "Float16": np.dtype(np.float16), "Float32": np.dtype(np.float32),
    "Float64": np.dtype(np.float64), "BFloat16": np.dtype(np.uint16),
}
STR = "str"
SLICE_BYTES = 512 * 1024 * 1024   # MindSpore's SLICE_SIZE (512 * 1024 KB)
FILE_MODE = stat.S_IRUSR          # what MindSpore leaves on a written checkpoint (0o400)

_CRC_MARK = b"crc_num"
_CRC_TRAILER = len(_CRC_MARK) + 10
_ENC_BLOCK = 64 * 1024 * 1024
_IV_LEN = 16
_MAGIC = {"AES-GCM": 0x7F3A5ED8, "AES-CBC": 0x7F3A5ED9, "SM4-CBC": 0x7F3A5EDA}

# safetensors dtype codes <-> MindSpore names; the name numpy/safetensors use when writing.
_ST_TO_MS = {
    "BOOL": "Bool", "I8": "Int8", "I16": "Int16", "I32": "Int32", "I64": "Int64",
    "U8": "UInt8", "U16": "UInt16", "U32": "UInt32", "U64": "UInt64",
    "F16": "Float16", "F32": "Float32", "F64": "Float64", "BF16": "BFloat16",
}
_MS_TO_ST_WRITE = {
    "Bool": "bool", "Int8": "int8", "Int16": "int16", "Int32": "int32", "Int64": "int64",
    "UInt8": "uint8", "UInt16": "uint16", "UInt32": "uint32", "UInt64": "uint64",
    "Float16": "float16", "Float32": "float32", "Float64": "float64", "BFloat16": "bfloat16",
}


def _pb():
    from . import _checkpoint_pb2
    return _checkpoint_pb2


def _fail(path, problem, cause=None):
    err = ValueError(f"Failed to read the checkpoint file '{path}': {problem}")
    if cause is not None:
        raise err from cause
    raise err


# ----------------------------------------------------------------------------------------------
# reading

def _check_source(path):
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"The checkpoint file name must be a str or os.PathLike, "
                        f"but got {type(path).__name__}.")
    path = os.fspath(path)
    if os.path.isdir(path):
        _fail(path, "it is a directory, not a file.")
    if not os.path.exists(path):
        _fail(path, "the file does not exist.")
    return path


def _read_file(path):
    path = _check_source(path)
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        _fail(path, f"the file cannot be read ({e.strerror or e}).", e)


def is_encrypted(data) -> bool:
    """Whether ``data`` (the first bytes of a file) starts with a MindSpore cipher block magic."""
    if len(data) < 4:
        return False
    return struct.unpack_from("<I", data, 0)[0] in _MAGIC.values()


def _cipher(mode, key, iv, encrypt):
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("Encrypted checkpoints need the 'cryptography' package "
                          "(pip install cryptography).") from e
    if mode == "SM4-CBC":
        if len(key) != 16:
            raise ValueError(f"For 'SM4-CBC' the key length must be 16, but got {len(key)}.")
        alg = algorithms.SM4(key)
    else:
        if len(key) not in (16, 24, 32):
            raise ValueError(f"For '{mode}' the key length must be 16, 24 or 32, but got {len(key)}.")
        alg = algorithms.AES(key)
    return Cipher(alg, modes.CBC(iv)), encrypt


def _check_mode(mode):
    if mode not in _MAGIC:
        raise ValueError(f"The encryption mode must be one of {sorted(_MAGIC)}, but got {mode!r}.")


def encrypt_stream(plain, key, mode="AES-GCM", *, block_size=_ENC_BLOCK, iv_source=None) -> bytes:
    """Encrypt ``plain`` the way MindSpore's ``_encrypt`` does (64 MiB blocks, see the module doc).

    ``iv_source()`` gives each block's 16-byte IV (random by default; tests pass known ones).
    """
    _check_mode(mode)
    out = []
    view = memoryview(plain)
    for start in range(0, len(view), block_size):
        block = view[start:start + block_size]
        iv = iv_source() if iv_source is not None else secrets.token_bytes(_IV_LEN)
        if mode == "AES-GCM":
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM
            if len(key) not in (16, 24, 32):
                raise ValueError(f"For 'AES-GCM' the key length must be 16, 24 or 32, but got {len(key)}.")
            sealed = AESGCM(key).encrypt(iv[:12], bytes(block), None)
            cipher, tag = sealed[:-16], sealed[-16:]
        else:
            from cryptography.hazmat.primitives import padding
            c, _ = _cipher(mode, key, iv, True)
            padder = padding.PKCS7(128).padder()
            padded = padder.update(bytes(block)) + padder.finalize()
            enc = c.encryptor()
            cipher, tag = enc.update(padded) + enc.finalize(), b""
        body = struct.pack("<i", _IV_LEN) + iv + struct.pack("<i", len(cipher)) + cipher
        out.append(struct.pack("<I", _MAGIC[mode]) + tag + struct.pack("<i", len(body)) + body)
    return b"".join(out)


def decrypt_stream(data, key, mode, path="<bytes>") -> bytes:
    """Inverse of :func:`encrypt_stream`; a wrong key, mode or a damaged file raises ValueError."""
    _check_mode(mode)
    view = memoryview(data)
    out = []
    pos = 0
    magic = _MAGIC[mode]
    hint = "please check that 'dec_key' and 'dec_mode' are the ones used to save it, or the file is damaged."
    while pos < len(view):
        if pos + 4 > len(view) or struct.unpack_from("<I", view, pos)[0] != magic:
            _fail(path, f"it is not an {mode} encrypted checkpoint at byte {pos}; {hint}")
        pos += 4
        tag = b""
        if mode == "AES-GCM":
            tag = bytes(view[pos:pos + 16])
            pos += 16
        if pos + 4 > len(view):
            _fail(path, f"the encrypted block at byte {pos} is truncated.")
        (block_len,) = struct.unpack_from("<i", view, pos)
        pos += 4
        end = pos + block_len
        if block_len < 8 + _IV_LEN or end > len(view):
            _fail(path, f"the encrypted block at byte {pos} is truncated or damaged.")
        (iv_len,) = struct.unpack_from("<i", view, pos)
        if iv_len != _IV_LEN:
            _fail(path, f"bad IV length {iv_len} in the encrypted block at byte {pos}.")
        iv = bytes(view[pos + 4:pos + 4 + iv_len])
        (cipher_len,) = struct.unpack_from("<i", view, pos + 4 + iv_len)
        if cipher_len <= 0 or 8 + iv_len + cipher_len != block_len:
            _fail(path, f"bad cipher length in the encrypted block at byte {pos}.")
        cipher = bytes(view[pos + 8 + iv_len:end])
        try:
            if mode == "AES-GCM":
                from cryptography.hazmat.primitives.ciphers.aead import AESGCM
                if len(key) not in (16, 24, 32):
                    raise ValueError(f"the key length must be 16, 24 or 32, but got {len(key)}")
                out.append(AESGCM(key).decrypt(iv[:12], cipher + tag, None))
            else:
                from cryptography.hazmat.primitives import padding
                c, _ = _cipher(mode, key, iv, False)
                dec = c.decryptor()
                padded = dec.update(cipher) + dec.finalize()
                unpadder = padding.PKCS7(128).unpadder()
                out.append(unpadder.update(padded) + unpadder.finalize())
        except ImportError:
            raise
        except Exception as e:  # InvalidTag, bad padding, bad key length
            _fail(path, f"decryption failed; {hint}", e)
        pos = end
    return b"".join(out)


def _split_crc(data, path, crc_check):
    if len(data) >= _CRC_TRAILER and bytes(data[-_CRC_TRAILER:-10]) == _CRC_MARK:
        stored = int.from_bytes(bytes(data[-10:]), "big")
        body = memoryview(data)[:-_CRC_TRAILER]
        if crc_check and binascii.crc32(body) != stored:
            _fail(path, "the crc check failed; the file is damaged.")
        return body
    if crc_check:
        warnings.warn(f"For 'load_checkpoint', the checkpoint file '{path}' does not contain a crc code.",
                      stacklevel=3)
    return data


def _decode_str(content, path, tag):
    if len(content) % 4:
        _fail(path, f"the string value '{tag}' has {len(content)} bytes, not a multiple of 4.")
    try:  # numpy's "<U" view of the bytes, which drops trailing NULs
        return bytes(content).decode("utf-32-le").rstrip("\x00")
    except UnicodeDecodeError as e:
        _fail(path, f"the string value '{tag}' is not valid UTF-32.", e)


def read_ckpt(path, *, crc_check=False, dec_key=None, dec_mode="AES-GCM",
              choice: Callable[[str], bool] | None = None) -> dict:
    """Read a MindSpore ``.ckpt`` file into ``{name: (value, dtype_name)}`` in file order.

    ``choice(name)`` returning False skips a value (it is still validated). Every problem with the
    file raises ``ValueError`` naming the file and what is wrong; nothing is returned half-read.
    """
    data = _read_file(path)
    path = os.fspath(path)
    if len(data) == 0:
        _fail(path, "the file is empty.")
    if dec_key is not None:
        data = decrypt_stream(data, dec_key, dec_mode, path)
    elif is_encrypted(data):
        _fail(path, "the file is encrypted; pass the 'dec_key' (and 'dec_mode') it was saved with.")
    data = _split_crc(data, path, crc_check)
    pb = _pb()
    msg = pb.Checkpoint()
    try:
        msg.ParseFromString(data)
    except Exception as e:  # google.protobuf.message.DecodeError and friends
        _fail(path, "the content cannot be parsed as a MindSpore checkpoint; the file may be "
                    "truncated or corrupted.", e)
    del data
    values = msg.value
    if len(values) == 0:
        _fail(path, "the file contains no values.")
    result = {}
    i, n = 0, len(values)
    while i < n:
        first = values[i]
        tag = first.tag
        if not isinstance(tag, str):     # protobuf hands back bytes for a name that is not valid UTF-8
            _fail(path, f"the name {bytes(tag)!r} of value {i} is not valid UTF-8; the file may be corrupted.")
        j = i + 1
        while j < n and values[j].tag == tag:
            j += 1
        result_value = _read_group(values, i, j, path)
        if choice is None or choice(tag):
            result[tag] = result_value
        i = j
    return result


def _read_group(values, i, j, path):
    first = values[i]
    tag = first.tag
    kind = first.WhichOneof("value")
    if kind == "maptensor":
        _fail(path, f"the value '{tag}' is a map tensor (MapParameter), which lightspore does not support.")
    if kind != "tensor":
        _fail(path, f"the value '{tag}' holds no tensor.")
    t = first.tensor
    if not (t.HasField("tensor_type") and t.HasField("tensor_content")):
        _fail(path, f"the tensor '{tag}' misses its type or content.")
    ttype = t.tensor_type
    dims = tuple(t.dims)
    for k in range(i + 1, j):
        other = values[k]
        if other.WhichOneof("value") != "tensor" or other.tensor.tensor_type != ttype \
                or tuple(other.tensor.dims) != dims:
            _fail(path, f"the chunks of tensor '{tag}' disagree on type or shape.")
    if j - i == 1:
        content = t.tensor_content
    else:
        content = b"".join(values[k].tensor.tensor_content for k in range(i, j))
    if ttype == STR:
        return _decode_str(content, path, tag), STR
    np_dtype = CKPT_DTYPES.get(ttype)
    if np_dtype is None:
        _fail(path, f"the tensor '{tag}' has the unsupported data type '{ttype}'.")
    if any(d < 0 for d in dims):
        _fail(path, f"the tensor '{tag}' has a negative dimension in shape {list(dims)}.")
    count = math.prod(dims)
    expected = count * np_dtype.itemsize
    if len(content) != expected:
        _fail(path, f"the tensor '{tag}' of type {ttype} and shape {list(dims)} needs {expected} bytes, "
                    f"but the file holds {len(content)}; the file may be truncated or corrupted.")
    arr = np.empty(dims, dtype=np_dtype)
    if expected:
        _raw(arr)[:] = content
    return arr, ttype


def _raw(arr):
    """A writable-if-possible byte view of a C-contiguous array (any dtype, any shape)."""
    return memoryview(arr.reshape(-1).view(np.uint8))


# ----------------------------------------------------------------------------------------------
# writing

def _as_array(name, value, dtype_name):
    if dtype_name not in CKPT_DTYPES:
        raise ValueError(f"Cannot save '{name}': unsupported checkpoint data type '{dtype_name}'.")
    arr = np.asarray(value)
    if not arr.flags.c_contiguous:  # (np.ascontiguousarray would turn 0-d into 1-d)
        arr = arr.copy(order="C")
    want = CKPT_DTYPES[dtype_name]
    if arr.dtype.itemsize != want.itemsize or (arr.dtype != want and dtype_name != "BFloat16"):
        raise ValueError(f"Cannot save '{name}': numpy data of dtype {arr.dtype} does not hold "
                         f"{dtype_name} elements.")
    return arr


def _iter_items(items):
    if isinstance(items, Mapping):
        for name, (value, dtype_name) in items.items():
            yield name, value, dtype_name
    else:
        for name, value, dtype_name in items:
            yield name, value, dtype_name


def _ckpt_messages(items, chunk_bytes, chunking):
    """Yield the serialized single-value ``Checkpoint`` messages of ``items``, in order."""
    pb = _pb()
    for name, value, dtype_name in _iter_items(items):
        if not isinstance(name, str):
            raise TypeError(f"Checkpoint names must be str, but got {type(name).__name__}.")
        if dtype_name == STR:
            if not isinstance(value, str):
                raise TypeError(f"Cannot save '{name}': dtype 'str' needs a str value, "
                                f"got {type(value).__name__}.")
            pieces, dims = [np.array(value).tobytes()], [0]
        else:
            arr = _as_array(name, value, dtype_name)
            dims = list(arr.shape)
            if chunking == "bytes":
                raw = _raw(arr)
                pieces = [raw[k:k + chunk_bytes] for k in range(0, len(raw), chunk_bytes)]
            else:  # "rows": numpy data in MindSpore's async save
                kb = arr.nbytes / 1024
                limit = chunk_bytes / 1024
                parts = np.array_split(arr, math.ceil(kb / limit)) if kb > limit else [arr]
                pieces = [p.tobytes() for p in parts]
        for piece in pieces:
            msg = pb.Checkpoint()
            v = msg.value.add()
            v.tag = name
            t = v.tensor
            t.dims.extend(dims)
            t.tensor_type = dtype_name
            t.tensor_content = bytes(piece)
            yield msg.SerializeToString()


def _check_target(path, what):
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"For '{what}', the file name must be a str or os.PathLike, "
                        f"but got {type(path).__name__}.")
    path = os.path.abspath(os.fspath(path))
    if os.path.isdir(path):
        raise IsADirectoryError(f"For '{what}', the file name '{path}' is a directory, "
                                "it must be a file name.")
    return path


def _pid_alive(pid):
    if pid == os.getpid():
        return True            # this process: a save in another thread, or one that cleans up after itself
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:            # alive under another user (PermissionError), or cannot tell: keep its files
        return True
    return True


def _remove_stale_temps(path):
    """Remove what earlier saves to ``path`` left when they were killed mid-write: ``<path>.tmp<pid>-<hex>``
    folders (and the plain temp files older versions wrote) whose process no longer runs."""
    folder, base = os.path.split(path)
    pattern = re.compile(re.escape(base) + r"\.tmp(\d+)-[0-9a-f]{8}\Z")
    try:
        names = os.listdir(folder or ".")
    except OSError:
        return
    for name in names:
        m = pattern.match(name)
        if m is None or _pid_alive(int(m.group(1))):
            continue
        stale = os.path.join(folder, name)
        try:
            if os.path.isdir(stale) and not os.path.islink(stale):
                shutil.rmtree(stale, ignore_errors=True)
            else:
                os.unlink(stale)
        except OSError:
            pass


def _atomic_write(path, write_body, what, mode=FILE_MODE):
    """Write ``path`` through a temp folder beside it: ``write_body(f, tmp)`` fills the file ``tmp`` inside it,
    which is fsynced, given ``mode`` and renamed over ``path``; the folders are fsynced after. On any failure the
    temp folder goes and ``path`` is untouched; a folder left by a killed save is removed by the next save.

    ``write_body`` gets the open temp file and its name; it may also replace the file by name (the
    safetensors writer does, through its own hidden temp file in the same folder), which is why the fsync and
    chmod reopen it by name afterwards.
    """
    folder = os.path.dirname(path) or "."
    _remove_stale_temps(path)
    tmp_dir = f"{path}.tmp{os.getpid()}-{secrets.token_hex(4)}"
    tmp = os.path.join(tmp_dir, "data")
    try:
        os.mkdir(tmp_dir, 0o700)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as e:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise type(e)(e.errno, f"For '{what}', cannot write the file '{path}' ({e.strerror})") from e
    try:
        with os.fdopen(fd, "wb") as f:
            write_body(f, tmp)
        fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            os.fsync(fd)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def write_ckpt(path, items, *, crc_check=False, enc_key=None, enc_mode="AES-GCM",
               chunk_bytes=SLICE_BYTES, chunking="bytes", mode=FILE_MODE):
    """Write ``items`` (``{name: (value, dtype_name)}`` or ``(name, value, dtype_name)`` triples).

    ``chunking="bytes"`` is MindSpore's normal save: tensors with no elements are left out and a
    tensor over ``chunk_bytes`` is cut into raw-byte pieces. ``chunking="rows"`` is its numpy
    (``async_save``) path: ``numpy.array_split`` along axis 0, empty tensors kept.
    """
    if chunking not in ("bytes", "rows"):
        raise ValueError(f"chunking must be 'bytes' or 'rows', but got {chunking!r}.")
    if enc_key is not None and crc_check:
        raise ValueError("For 'save_checkpoint', 'crc_check' and 'enc_key' cannot be used together: "
                         "MindSpore cannot load an encrypted checkpoint that carries a crc code.")
    if enc_key is not None:
        _check_mode(enc_mode)
    path = _check_target(path, "save_checkpoint")

    def body(f, _tmp):
        if enc_key is not None:
            plain = b"".join(_ckpt_messages(items, chunk_bytes, chunking))
            f.write(encrypt_stream(plain, enc_key, enc_mode))
            return
        crc = 0
        for piece in _ckpt_messages(items, chunk_bytes, chunking):
            if crc_check:
                crc = binascii.crc32(piece, crc)
            f.write(piece)
        if crc_check:
            f.write(_CRC_MARK + crc.to_bytes(10, "big"))

    _atomic_write(path, body, "save_checkpoint", mode)
    return path


# ----------------------------------------------------------------------------------------------
# safetensors

def read_safetensors(path, *, crc_check=False, choice: Callable[[str], bool] | None = None):
    """Read a ``.safetensors`` file: ``({name: (array, dtype_name)}, metadata)``, names sorted.

    Names come back sorted, as MindSpore's loader returns them.
    """
    from safetensors import safe_open

    path = _read_file_exists(path)
    try:
        handle = safe_open(path, framework="pt")
    except Exception as e:
        _fail(path, f"it is not a valid safetensors file ({e}).", e)
    result = {}
    crc = 0
    with handle as f:
        meta = f.metadata() or {}
        for name in sorted(f.keys()):
            if not (crc_check or choice is None or choice(name)):
                continue
            try:
                st_dtype = f.get_slice(name).get_dtype()
            except Exception as e:
                _fail(path, f"the tensor '{name}' cannot be read ({e}).", e)
            ms_name = _ST_TO_MS.get(st_dtype)
            if ms_name is None or meta.get(name) == "Int4":
                _fail(path, f"the tensor '{name}' has the unsupported data type "
                            f"'{'Int4' if meta.get(name) == 'Int4' else st_dtype}'.")
            try:
                t = f.get_tensor(name)
            except Exception as e:
                _fail(path, f"the tensor '{name}' cannot be read ({e}).", e)
            arr = _torch_to_numpy(t)
            if crc_check:
                crc = binascii.crc32(name.encode("utf-8"), crc)
                crc = binascii.crc32(_st_crc_bytes(arr), crc)
            if choice is None or choice(name):
                result[name] = (arr, ms_name)
    if crc_check:
        if "crc_num" not in meta:
            warnings.warn(f"For 'load_checkpoint', the safetensors file '{path}' does not contain "
                          "a crc code.", stacklevel=2)
        elif str(crc) != meta["crc_num"]:
            _fail(path, "the crc check failed; the file is damaged.")
    return result, meta


def _tensor_spec(st_dtype, arr):
    """What ``safetensors.serialize_file`` takes for one tensor: a ``TensorSpec`` pointing at the
    array (safetensors >= 0.8, no copy), or the older ``{"dtype", "shape", "data": bytes}`` dict."""
    try:
        from safetensors import TensorSpec
    except ImportError:
        return {"dtype": st_dtype, "shape": list(arr.shape), "data": arr.tobytes()}
    return TensorSpec(dtype=st_dtype, shape=list(arr.shape), data_ptr=arr.ctypes.data, data_len=arr.nbytes)


def _st_crc_bytes(arr):
    """The bytes MindSpore's safetensors crc hashes for an array: ``bytes(arr)``.

    For a 0-d integer array that is ``bytes(int(arr))``, i.e. that many zero bytes (Python's
    ``bytes(n)``), not the element's bytes; we reproduce it so crc codes agree both ways (values
    MindSpore itself cannot hash, negative or huge, fall back to the element's bytes).
    """
    if arr.ndim == 0 and arr.dtype.kind in "iu":
        n = int(arr)
        if 0 <= n <= 1 << 24:
            return bytes(n)
    return arr.tobytes()


def _read_file_exists(path):
    path = _check_source(path)
    if os.path.getsize(path) == 0:
        _fail(path, "the file is empty.")
    return path


def _torch_to_numpy(t):
    import torch
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        return t.view(torch.uint16).numpy()
    return t.numpy()


def write_safetensors(path, items, *, crc_check=False, metadata: Mapping[str, str] | None = None,
                      mode=FILE_MODE):
    """Write ``items`` as MindSpore writes ``format='safetensors'``: names sorted, metadata
    ``{"format": "ms", ...}`` (plus ``crc_num`` with ``crc_check``); an empty checkpoint gets no metadata.
    """
    from safetensors import serialize_file

    path = _check_target(path, "save_checkpoint")
    entries = {}
    for name, value, dtype_name in _iter_items(items):
        if dtype_name == STR or isinstance(value, str):
            raise ValueError(f"For 'save_checkpoint', the safetensors format cannot store the string value "
                             f"'{name}'.")
        entries[name] = _as_array(name, value, dtype_name), dtype_name
    meta = {"format": "ms"}
    if metadata:
        meta.update(metadata)
    specs = {}
    crc = 0
    for name in sorted(entries):
        arr, dtype_name = entries[name]
        specs[name] = _tensor_spec(_MS_TO_ST_WRITE[dtype_name], arr)
        if crc_check:
            crc = binascii.crc32(name.encode("utf-8"), crc)
            crc = binascii.crc32(_st_crc_bytes(arr), crc)
    if crc_check:
        meta["crc_num"] = str(crc)

    def body(f, tmp):
        # safetensors writes by name; fsync on our fd of the same file covers its writes.
        # ``entries`` keeps the arrays the TensorSpecs point into alive until this returns.
        serialize_file(specs, tmp, metadata=meta if specs else None)

    _atomic_write(path, body, "save_checkpoint", mode)
    return path
