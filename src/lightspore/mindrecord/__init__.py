"""mindspore.mindrecord: the MindRecord file format (FileWriter, FileReader) in the reference's byte layout."""
from . import common
from .common.exceptions import *  # noqa: F403
from .common.exceptions import __all__ as _errors
from .filereader import FileReader
from .filewriter import FileWriter

__all__ = ["FileWriter", "FileReader"] + list(_errors)
