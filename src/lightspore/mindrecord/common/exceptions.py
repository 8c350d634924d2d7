"""mindspore.mindrecord.common.exceptions: the MindRecord error classes (messages as in the reference)."""

__all__ = ["MindRecordException", "ParamValueError", "ParamTypeError", "MRMOpenError", "MRMInvalidSchemaError",
           "MRMValidateDataError", "MRMDefineIndexError", "MRMUnsupportedSchemaError", "MRMCommitError",
           "MRMInvalidHeaderSizeError", "MRMInvalidPageSizeError", "MRMAddIndexError", "MRMGetMetaError"]

_BASE = {
    "ParamTypeError": "Param type is error.",
    "ParamValueError": "Param value is error.",
    "MRMOpenError": "MindRecord could not open.",
    "MRMInvalidPageSizeError": "Failed to set page size.",
    "MRMInvalidHeaderSizeError": "Failed to set header size.",
    "MRMCommitError": "Failed to commit.",
    "MRMAddIndexError": "Failed to add index field.",
    "MRMGetMetaError": "Failed to get meta info.",
    "MRMInvalidSchemaError": "Schema is error.",
    "MRMValidateDataError": "Raw data is valid.",
    "MRMDefineIndexError": "Index field is error.",
    "MRMUnsupportedSchemaError": "Schema is not supported.",
}


class MindRecordException(Exception):
    """Base of the MindRecord errors: ``str()`` is ``[ClassName]: message``."""

    def __init__(self):
        super().__init__()
        self.error_msg = _BASE.get(type(self).__name__, "Unknown Error.")

    def __str__(self):
        return f"[{type(self).__name__}]: {self.error_msg}"


class ParamValueError(MindRecordException):
    def __init__(self, error_detail):
        super().__init__()
        self.error_msg = f"Invalid parameter value. {error_detail}"


class ParamTypeError(MindRecordException):
    def __init__(self, param_name, expected_type):
        super().__init__()
        self.error_msg = f"Invalid parameter type. '{param_name}' expect {expected_type} type."


class MRMOpenError(MindRecordException):
    def __init__(self):
        super().__init__()
        self.error_msg = "MindRecord File could not open successfully."


class MRMInvalidSchemaError(MindRecordException):
    def __init__(self, error_detail):
        super().__init__()
        self.error_msg = f"Schema format is error. Detail: {error_detail}"


class MRMValidateDataError(MindRecordException):
    def __init__(self, error_detail):
        super().__init__()
        self.error_msg = f"Raw data do not match the schema. Detail: {error_detail}"


class MRMDefineIndexError(MindRecordException):
    def __init__(self, error_detail):
        super().__init__()
        self.error_msg = f"Failed to define index field. Detail: {error_detail}"


class MRMUnsupportedSchemaError(MindRecordException):
    def __init__(self, error_detail):
        super().__init__()
        self.error_msg = f"Schema is not supported. Detail: {error_detail}"


class MRMCommitError(MindRecordException):
    pass


class MRMInvalidHeaderSizeError(MindRecordException):
    pass


class MRMInvalidPageSizeError(MindRecordException):
    pass


class MRMAddIndexError(MindRecordException):
    pass


class MRMGetMetaError(MindRecordException):
    pass
