"""Message classes from a hand-built ``FileDescriptorProto`` (the ``_*_pb2`` modules of checkpoints, strategy
files and MindIR): each file goes into its own descriptor pool, so its message names never clash with the same
names registered by real MindSpore in the same process; only field numbers, types and labels reach the wire."""
from google.protobuf import descriptor_pool, message_factory

__all__ = ["message_classes"]


def message_classes(fdp, names):
    """The classes of the messages ``names`` (dotted within the file's package for nested ones, e.g.
    ``'Checkpoint.Value'``) of the file ``fdp``, in the order of ``names``."""
    pool = descriptor_pool.DescriptorPool()
    pool.AddSerializedFile(fdp.SerializeToString())
    get_class = getattr(message_factory, "GetMessageClass", None)  # protobuf >= 4.22
    if get_class is None:
        get_class = message_factory.MessageFactory(pool).GetPrototype
    return tuple(get_class(pool.FindMessageTypeByName(f"{fdp.package}.{name}")) for name in names)
