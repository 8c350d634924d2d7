"""mindspore.mindrecord.common.exceptions: the MindRecord error classes (messages as in the reference)."""

__all__ = ["MindRecordException", "UnknownError", "ParamValueError", "ParamTypeError", "ParamMissError",
           "PathNotExistsError", "DbConnectionError", "MRMOpenError", "MRMOpenForAppendError",
           "MRMInvalidPageSizeError", "MRMInvalidHeaderSizeError", "MRMSetHeaderError", "MRMWriteDatasetError",
           "MRMCommitError", "MRMLaunchError", "MRMFinishError", "MRMCloseError", "MRMAddSchemaError",
           "MRMAddIndexError", "MRMBuildSchemaError", "MRMGetMetaError", "MRMIndexGeneratorError",
           "MRMGenerateIndexError", "MRMInitSegmentError", "MRMFetchCandidateFieldsError", "MRMReadCategoryInfoError",
           "MRMFetchDataError", "MRMInvalidSchemaError", "MRMValidateDataError", "MRMDefineIndexError",
           "MRMDefineBlobError", "MRMUnsupportedSchemaError", "MRMDefineCategoryError"]

_BASE = {
    "UnknownError": "Unknown Error.",
    "ParamTypeError": "Param type is error.",
    "ParamValueError": "Param value is error.",
    "ParamMissError": "Param missing.",
    "PathNotExistsError": "Path does not exist.",
    "DbConnectionError": "Db connection is error.",
    "MRMOpenError": "MindRecord could not open.",
    "MRMOpenForAppendError": "MindRecord could not open for append.",
    "MRMInvalidPageSizeError": "Failed to set page size.",
    "MRMInvalidHeaderSizeError": "Failed to set header size.",
    "MRMSetHeaderError": "Failed to set header.",
    "MRMWriteDatasetError": "Failed to write dataset.",
    "MRMCommitError": "Failed to commit.",
    "MRMLaunchError": "Failed to launch.",
    "MRMFinishError": "Failed to finish.",
    "MRMCloseError": "Failed to close.",
    "MRMAddSchemaError": "Failed to add schema.",
    "MRMAddIndexError": "Failed to add index field.",
    "MRMBuildSchemaError": "Failed to build schema.",
    "MRMGetMetaError": "Failed to get meta info.",
    "MRMIndexGeneratorError": "Failed to create index generator.",
    "MRMGenerateIndexError": "Failed to generate index.",
    "MRMInitSegmentError": "Failed to initialize segment.",
    "MRMFetchCandidateFieldsError": "Failed to fetch candidate category fields.",
    "MRMReadCategoryInfoError": "Failed to read category information.",
    "MRMFetchDataError": "Failed to fetch data by category.",
    "MRMInvalidSchemaError": "Schema is error.",
    "MRMValidateDataError": "Raw data is valid.",
    "MRMDefineIndexError": "Index field is error.",
    "MRMDefineBlobError": "Blob field is error.",
    "MRMUnsupportedSchemaError": "Schema is not supported.",
    "MRMDefineCategoryError": "Category field is error.",
}


class MindRecordException(Exception):
    """Base of the MindRecord errors: ``str()`` is ``[ClassName]: message``."""

    def __init__(self):
        super().__init__()
        self.error_msg = _BASE.get(type(self).__name__, _BASE["UnknownError"])

    def __str__(self):
        return f"[{type(self).__name__}]: {self.error_msg}"


def _plain(name):
    """An error whose message is the base message of its name."""
    return type(name, (MindRecordException,), {"__doc__": _BASE[name]})


def _detailed(name, template):
    def __init__(self, error_detail):
        MindRecordException.__init__(self)
        self.error_msg = template.format(error_detail)
    return type(name, (MindRecordException,), {"__init__": __init__, "__doc__": _BASE[name]})


UnknownError = _plain("UnknownError")
MRMInvalidPageSizeError = _plain("MRMInvalidPageSizeError")
MRMInvalidHeaderSizeError = _plain("MRMInvalidHeaderSizeError")
MRMSetHeaderError = _plain("MRMSetHeaderError")
MRMWriteDatasetError = _plain("MRMWriteDatasetError")
MRMCommitError = _plain("MRMCommitError")
MRMLaunchError = _plain("MRMLaunchError")
MRMFinishError = _plain("MRMFinishError")
MRMCloseError = _plain("MRMCloseError")
MRMAddSchemaError = _plain("MRMAddSchemaError")
MRMAddIndexError = _plain("MRMAddIndexError")
MRMBuildSchemaError = _plain("MRMBuildSchemaError")
MRMGetMetaError = _plain("MRMGetMetaError")
MRMIndexGeneratorError = _plain("MRMIndexGeneratorError")
MRMGenerateIndexError = _plain("MRMGenerateIndexError")
MRMInitSegmentError = _plain("MRMInitSegmentError")
MRMFetchCandidateFieldsError = _plain("MRMFetchCandidateFieldsError")
MRMReadCategoryInfoError = _plain("MRMReadCategoryInfoError")
MRMFetchDataError = _plain("MRMFetchDataError")
ParamValueError = _detailed("ParamValueError", "Invalid parameter value. {}")
DbConnectionError = _detailed("DbConnectionError", "Db connection is error. Detail: {}")
MRMInvalidSchemaError = _detailed("MRMInvalidSchemaError", "Schema format is error. Detail: {}")
MRMValidateDataError = _detailed("MRMValidateDataError", "Raw data do not match the schema. Detail: {}")
MRMDefineIndexError = _detailed("MRMDefineIndexError", "Failed to define index field. Detail: {}")
MRMDefineBlobError = _detailed("MRMDefineBlobError", "Failed to define blob field. Detail: {}")
MRMUnsupportedSchemaError = _detailed("MRMUnsupportedSchemaError", "Schema is not supported. Detail: {}")
MRMDefineCategoryError = _detailed("MRMDefineCategoryError", "Failed to define category field. Detail: {}")


class ParamTypeError(MindRecordException):
    """Param type is error."""

    def __init__(self, param_name, expected_type):
        super().__init__()
        self.error_msg = f"Invalid parameter type. '{param_name}' expect {expected_type} type."


class ParamMissError(MindRecordException):
    """Param missing."""

    def __init__(self, param_name):
        super().__init__()
        self.error_msg = f"Param missing. '{param_name}' is required."


class PathNotExistsError(MindRecordException):
    """Path does not exist."""

    def __init__(self, error_path):
        super().__init__()
        self.error_msg = f"Invalid path. {error_path}"


class MRMOpenError(MindRecordException):
    """MindRecord could not open."""

    def __init__(self):
        super().__init__()
        self.error_msg = "MindRecord File could not open successfully."


class MRMOpenForAppendError(MindRecordException):
    """MindRecord could not open for append."""

    def __init__(self):
        super().__init__()
        self.error_msg = "MindRecord File could not open successfully for append."
