"""mindspore.mindrecord.filewriter: FileWriter, writing MindRecord files in the reference's format (see _format).

Rows are kept in memory until ``commit``, which writes the shard file and its ``.db`` index under temporary names
and renames them into place: a writer killed before or during ``commit`` leaves no half-written MindRecord.
"""
import os
import re
import stat
import struct
import warnings

import numpy as np

from . import _format as F
from .common.exceptions import (
    MRMDefineIndexError,
    MRMInvalidHeaderSizeError,
    MRMInvalidPageSizeError,
    MRMInvalidSchemaError,
    ParamTypeError,
    ParamValueError,
)

__all__ = ["FileWriter"]

_VALUE_TYPES = {"int": ("int32", "int64"), "int32": ("int32",), "int64": ("int64",), "float": ("float32", "float64"),
                "float32": ("float32",), "float64": ("float64",), "str": ("string",), "bytes": ("bytes",),
                "ndarray": ("int32", "int64", "float32", "float64")}


class _Shard:
    """Page layout of one shard file, built row by row exactly as the reference's writer lays it out."""

    def __init__(self, page_size):
        self.page_size = page_size
        self.pages = []        # dicts of the header's "page" list, plus "_data"
        self.blob_page = None
        self.raw_page = None
        self.counts = {"BLOB_DATA": 0, "RAW_DATA": 0}
        self.entries = []
        self.rows = 0
        self.compression = 0

    def _new_page(self, kind, start_row):
        page = {"end_row_id": 0, "page_id": len(self.pages), "page_size": 0, "page_type": kind,
                "page_type_id": self.counts[kind], "row_group_ids": [], "shard_id": 0,
                "start_row_id": start_row if kind == "BLOB_DATA" else 0, "_data": bytearray()}
        if kind == "BLOB_DATA":
            page["row_group_ids"].append({"id": 0, "offset": 0})
        self.counts[kind] += 1
        self.pages.append(page)
        return page

    def _place(self, page_attr, kind, item, start_row):
        page = getattr(self, page_attr)
        if len(item) > self.page_size:
            raise RuntimeError(f"Invalid data, a row of {len(item)} bytes is larger than the page size "
                               f"{self.page_size}: call set_page_size with a larger size.")
        if page is None or len(page["_data"]) + len(item) > self.page_size:
            page = self._new_page(kind, start_row)
            setattr(self, page_attr, page)
        off = len(page["_data"])
        page["_data"] += item
        return page, off

    def add(self, blobs, raws, index_values):
        placed = []
        for k, blob in enumerate(blobs):
            row = self.rows + k
            page, off = self._place("blob_page", "BLOB_DATA", struct.pack("<Q", len(blob)) + blob, row)
            page["end_row_id"] = row + 1
            placed.append((page["page_id"], off, len(page["_data"]), page["page_type_id"]))
        for k, raw in enumerate(raws):
            group = placed[k][3]
            page, off = self._place("raw_page", "RAW_DATA", struct.pack("<Q", len(raw)) + raw, 0)
            if not page["row_group_ids"] or page["row_group_ids"][-1]["id"] != group:
                page["row_group_ids"].append({"id": group, "offset": off})
            pb, ob, eb, _ = placed[k]
            self.entries.append((self.rows + k, page["page_id"], off, len(page["_data"]), group, pb, ob, eb,
                                 index_values[k]))
        self.rows += len(blobs)


class FileWriter:
    """Write rows of a schema into a MindRecord file (and its ``.db`` index) readable by MindSpore."""

    def __init__(self, file_name, shard_num=1, overwrite=False):
        if not isinstance(file_name, str) or not file_name:
            raise ParamValueError(f"Parameter file_name's type is not str or file_name is empty: {file_name!r}.")
        if os.path.isdir(file_name):
            raise ParamValueError(f"The file name: {file_name} should not be a directory.")
        if shard_num is None:
            raise ParamValueError("Parameter shard_num is None.")
        if not isinstance(shard_num, int) or isinstance(shard_num, bool) or not 1 <= shard_num <= 1000:
            raise ParamValueError(f"Parameter shard_num's value: {shard_num} should between 1 and 1000.")
        if not isinstance(overwrite, bool):
            raise ParamValueError("Parameter overwrite's type is not bool.")
        self._file_name = file_name
        width = len(str(shard_num - 1))
        self._paths = [file_name] if shard_num == 1 else [f"{file_name}{str(k).rjust(width, '0')}"
                                                          for k in range(shard_num)]
        self._overwrite = overwrite
        self._schema = None
        self._desc = None
        self._index_fields = None
        self._header_size = F.HEADER_SIZE
        self._page_size = F.PAGE_SIZE
        self._shards = None
        self._committed = False

    # ------------------------------------------------------------------ schema
    @staticmethod
    def _validate_schema(content):
        if not content:
            return "Schema content is empty."
        if not isinstance(content, dict):
            return "Schema content should be dict."
        for k, v in content.items():
            if not re.match(r"^[0-9a-zA-Z\_]+$", k):
                return f"Field '{k}' should be composed of '0-9' or 'a-z' or 'A-Z' or '_'."
            if not v or not isinstance(v, dict):
                return f"Field '{k}' should be dict."
            if len(v) == 1 and "type" in v:
                if v["type"] not in F.SCALAR_TYPES:
                    return f"Field '{k}' contain illegal attribute '{v['type']}'."
            elif len(v) == 2 and "type" in v:
                if v["type"] not in F.ARRAY_TYPES:
                    return f"Field '{k}' contain illegal attribute '{v['type']}'."
                if "shape" not in v:
                    return f"Field '{v}' contains illegal attributes."
                if not isinstance(v["shape"], list):
                    return f"Field '{k}' contain illegal attribute '{v['shape']}'."
            else:
                return f"Field '{v}' contains illegal attributes."
        return ""

    def add_schema(self, content, desc=None):
        """Set the schema: ``{field: {"type": t}}`` or ``{"type": t, "shape": [...]}`` for arrays."""
        error = self._validate_schema(content)
        if error:
            raise MRMInvalidSchemaError(error)
        if desc is not None and not isinstance(desc, str):
            raise ParamTypeError("desc", "str")
        self._schema = {k: dict(v) for k, v in content.items()}
        self._desc = desc if desc is not None else ""
        return 0

    def add_index(self, index_fields):
        """Fields (scalar, not bytes) stored in the index file; by default every scalar field."""
        if not index_fields or not isinstance(index_fields, list):
            raise ParamTypeError("index_fields", "list")
        blob = F.blob_fields_of(self._schema or {})
        for field in index_fields:
            if field in blob:
                raise MRMDefineIndexError(f"Failed to set field {field} since it's not primitive type.")
            if not isinstance(field, str):
                raise ParamTypeError("index field", "str")
            if self._schema is None or field not in self._schema:
                raise MRMDefineIndexError(f"Field {field} is not in the schema.")
        self._index_fields = list(index_fields)

    def set_header_size(self, header_size):
        """Bytes reserved for the header: 16 KB to 128 MB (default 16 MB)."""
        if not isinstance(header_size, int) or not (1 << 14) <= header_size <= (1 << 27):
            raise MRMInvalidHeaderSizeError()
        self._header_size = header_size

    def set_page_size(self, page_size):
        """Bytes per page: 32 KB to 256 MB (default 32 MB); a row must fit in one page."""
        if not isinstance(page_size, int) or not (1 << 15) <= page_size <= (1 << 28):
            raise MRMInvalidPageSizeError()
        if self._shards is not None:
            raise MRMInvalidPageSizeError()
        self._page_size = page_size

    # ------------------------------------------------------------------ data
    def _row_error(self, i, row):
        for field, spec in self._schema.items():
            if field not in row:
                return f"for schema, {i} th data is wrong, there is not field: '{field}' in the raw data."
            v = row[field]
            vt = type(v).__name__
            if vt not in _VALUE_TYPES:
                return f"for schema, {i} th data is wrong, data type: '{vt}' for field: '{field}' is not matched."
            if spec["type"] not in _VALUE_TYPES[vt]:
                return (f"for schema, {i} th data is wrong, data type: '{spec['type']}' for field: '{field}' is not "
                        "matched.")
            if vt == "ndarray":
                if "shape" not in spec:
                    return f"for schema, {i} th data is wrong, data shape for field: '{field}' is not specified."
                if spec["type"] != str(v.dtype):
                    return (f"for schema, {i} th data is wrong, data type: '{v.dtype}' for field: '{field}' is not "
                            "matched.")
                try:
                    np.reshape(v, spec["shape"])
                except ValueError:
                    return (f"for schema, {i} th data is wrong, data shape: '{v.shape}' for field: '{field}' is not "
                            "matched.")
        return None

    def write_raw_data(self, raw_data, parallel_writer=False):
        """Validate rows (dicts) against the schema and add them; invalid rows are dropped with a warning."""
        if self._schema is None:
            raise MRMInvalidSchemaError("The schema is not set: call add_schema before write_raw_data.")
        if not isinstance(raw_data, list):
            raise ParamTypeError("raw_data", "list")
        if not isinstance(parallel_writer, bool):
            raise ParamTypeError("parallel_writer", "bool")
        for each in raw_data:
            if not isinstance(each, dict):
                raise ParamTypeError("raw_data item", "dict")
        good = []
        for i, row in enumerate(raw_data):
            err = self._row_error(i, row)
            if err:
                warnings.warn(err, stacklevel=2)
            else:
                good.append(row)
        if not good:
            raise RuntimeError("There is no valid data which can be written by 'write_raw_data' to mindrecord file. "
                               "Please check the abnormal input data indicated in the warning log above.")
        if self._shards is None:
            self._shards = [_Shard(self._page_size) for _ in self._paths]
        blob_fields = F.blob_fields_of(self._schema)
        index_fields = self._index()
        n, k = len(good), len(self._shards)
        # the reference splits each call's rows into k consecutive runs, run i starting at round(i * n / k)
        bounds = [(2 * i * n + k) // (2 * k) for i in range(k)] + [n]
        for i, shard in enumerate(self._shards):
            part = good[bounds[i]:bounds[i + 1]]
            if not part:
                continue
            blobs, raws, idx = [], [], []
            for row in part:
                blob, saved = F.encode_blob(row, self._schema, blob_fields)
                shard.compression += saved
                blobs.append(blob)
                raw = {f: _py(row[f]) for f in self._schema if f not in blob_fields}
                raws.append(F.msgpack_dumps(raw))
                idx.append({f: raw[f] for f in index_fields})
            shard.add(blobs, raws, idx)

    def _index(self):
        if self._index_fields is not None:
            return self._index_fields
        blob = F.blob_fields_of(self._schema)
        return sorted(k for k in self._schema if k not in blob)

    # ------------------------------------------------------------------ commit
    def commit(self):
        """Write the shard files and their indexes (under temporary names, then renamed into place)."""
        if self._schema is None:
            raise MRMInvalidSchemaError("The schema is not set: call add_schema before commit.")
        for path in self._paths:
            for p in (path, path + ".db"):
                if os.path.exists(p) and not self._overwrite:
                    raise RuntimeError(f"Invalid file, mindrecord files already exist. Please check file path: "
                                       f"{p}.\nSet overwrite=True to overwrite the existing files.")
        shards = self._shards or [_Shard(self._page_size) for _ in self._paths]
        temps = []
        try:
            for k, (path, shard) in enumerate(zip(self._paths, shards)):
                tmp, tmp_db = f"{path}.{os.getpid()}.tmp", f"{path}.db.{os.getpid()}.tmp"
                temps += [tmp, tmp_db]
                self._write_shard(tmp, k, shard)
                F.write_index_db(tmp_db, os.path.basename(path), self._index(), self._schema, shard.entries)
            for path in self._paths:
                os.replace(f"{path}.{os.getpid()}.tmp", path)
                os.replace(f"{path}.db.{os.getpid()}.tmp", path + ".db")
        finally:
            for p in temps:
                if os.path.exists(p):
                    os.remove(p)
        for path in self._paths:
            for p in (path, path + ".db"):
                os.chmod(p, stat.S_IRUSR | stat.S_IWUSR)
        self._committed = True

    def _write_shard(self, tmp, shard_id, shard):
        pages = [{k: v for k, v in p.items() if k != "_data"} for p in shard.pages]
        for p, page in zip(shard.pages, pages):
            page["page_size"] = len(p["_data"])
            page["shard_id"] = shard_id
        header = {"header_size": self._header_size,
                  "index_fields": [{"index_field": f, "schema_id": 0} for f in self._index()],
                  "page": pages, "page_size": self._page_size, "compression_size": shard.compression,
                  "schema": [{"blob_fields": F.blob_fields_of(self._schema), "desc": self._desc,
                              "schema": self._schema}],
                  "shard_addresses": [os.path.basename(p) for p in self._paths], "shard_id": shard_id,
                  "statistics": None, "version": "3.0"}
        hjson = F.header_json(header)
        if len(hjson) + 8 > self._header_size:
            raise MRMInvalidHeaderSizeError()
        with open(tmp, "wb") as f:
            f.write(struct.pack("<Q", len(hjson)) + hjson)
            f.write(b"\x00" * (self._header_size - 8 - len(hjson)))
            for k, p in enumerate(shard.pages):
                f.write(p["_data"])
                if k != len(shard.pages) - 1:
                    f.write(b"\x00" * (self._page_size - len(p["_data"])))
            f.flush()
            os.fsync(f.fileno())


def _py(v):
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v
