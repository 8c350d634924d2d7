"""mindspore.mindrecord: the MindRecord file format (FileWriter, FileReader) in the reference's byte layout."""
from . import common
from .common.exceptions import (
    MindRecordException,
    MRMAddIndexError,
    MRMCommitError,
    MRMDefineIndexError,
    MRMGetMetaError,
    MRMInvalidHeaderSizeError,
    MRMInvalidPageSizeError,
    MRMInvalidSchemaError,
    MRMOpenError,
    MRMUnsupportedSchemaError,
    MRMValidateDataError,
    ParamTypeError,
    ParamValueError,
)
from .filereader import FileReader
from .filewriter import FileWriter

__all__ = ["FileWriter", "FileReader", "MindRecordException", "MRMAddIndexError", "MRMCommitError",
           "MRMDefineIndexError", "MRMGetMetaError", "MRMInvalidHeaderSizeError", "MRMInvalidPageSizeError",
           "MRMInvalidSchemaError", "MRMOpenError", "MRMUnsupportedSchemaError", "MRMValidateDataError",
           "ParamTypeError", "ParamValueError"]
