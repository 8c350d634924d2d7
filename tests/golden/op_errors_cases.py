"""Op errors whose wording came from torch: the reference's exception type and first message line are recorded by
``gen_op_errors.py``; ``tests/test_ops_table.py`` requires lightspore's exception of that exact type, mentioning
every keyword, and none of torch's phrases (``TORCH_WORDS``). Nothing here imports mindspore or lightspore."""
from collections import OrderedDict

import numpy as np

TORCH_WORDS = ("mat1 and mat2", "Target 12 is out of bounds", "expected target dtype",
               "Expected size for first two dimensions", "must match the size of tensor b",
               "Sizes of tensors must match", "expected scalar type", "must be Tensor, not",
               "Dimension out of range", "position 1", "out of bounds", "size mismatch", "Expected size",
               "but got size", "torch", "dimension specified as", "repeated dim", "number of dims don't match",
               "split_with_sizes", "permute(", "duplicate dims", "Tensors must have same number")


def _f32(*shape):
    return np.ones(shape, np.float32)


def _materialize(r):
    if isinstance(r, (tuple, list)):
        for x in r:
            _materialize(x)
    elif hasattr(r, "asnumpy"):
        r.asnumpy()


materialize = _materialize

# keywords None: the whole first line of the message must be the reference's
_X1, _X2 = (1, 2, 8), (1, 2, 5, 5)
POOL_EXACT = [
    ("avg_pool1d kernel_size 0", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), 0)),
    ("avg_pool1d kernel_size float", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), 1.5)),
    ("avg_pool1d kernel_size tuple", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), (2,))),
    ("avg_pool1d stride str", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), 2, "a")),
    ("avg_pool1d stride tuple", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), 2, (1,))),
    ("avg_pool1d padding -1", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), 2, 1, -1)),
    ("avg_pool1d ceil_mode str", lambda ms: ms.ops.avg_pool1d(ms.Tensor(_f32(*_X1)), 2, 1, 0, "a")),
    ("avg_pool2d kernel_size 0", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 0)),
    ("avg_pool2d kernel_size float", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 1.5)),
    ("avg_pool2d kernel_size 3-tuple", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), (2, 2, 2))),
    ("avg_pool2d kernel_size (2, 0)", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), (2, 0))),
    ("avg_pool2d stride str", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 2, "a")),
    ("avg_pool2d padding 2-tuple", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 2, 1, (1, 2))),
    ("avg_pool2d padding float", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 2, 1, 1.0)),
    ("avg_pool2d padding over kernel", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 3, 2, (1, 1, 2, 2))),
    ("avg_pool2d ceil_mode int", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 2, ceil_mode=1)),
    ("avg_pool2d divisor_override -1", lambda ms: ms.ops.avg_pool2d(ms.Tensor(_f32(*_X2)), 2, divisor_override=-1)),
]

cases = OrderedDict([
    ("ops.matmul shapes", (lambda ms: ms.ops.matmul(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(4, 5))), ("3", "4"))),
    ("Tensor.matmul shapes", (lambda ms: ms.Tensor(_f32(2, 3)).matmul(ms.Tensor(_f32(4, 5))), ("3", "4"))),
    ("x @ y shapes", (lambda ms: ms.Tensor(_f32(2, 3)) @ ms.Tensor(_f32(4, 5)), ("3", "4"))),
    ("ops.MatMul shapes", (lambda ms: ms.ops.MatMul()(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(4, 5))), ("3", "4"))),
    ("ops.reshape size", (lambda ms: ms.ops.reshape(ms.Tensor(_f32(2, 3)), (4, 2)), ("6",))),
    ("Tensor.reshape size", (lambda ms: ms.Tensor(_f32(2, 3)).reshape(4, 2), ("6",))),
    ("ops.Reshape size", (lambda ms: ms.ops.Reshape()(ms.Tensor(_f32(2, 3)), (4, 2)), ("6",))),
    ("nll_loss target out of range", (lambda ms: ms.ops.nll_loss(ms.Tensor(_f32(2, 3)),
                                                                ms.Tensor(np.array([0, 12], np.int32))), ("12",))),
    ("cross_entropy target out of range", (lambda ms: ms.ops.cross_entropy(
        ms.Tensor(_f32(2, 3)), ms.Tensor(np.array([0, 12], np.int32))), ("12",))),
    ("ops.bmm shapes", (lambda ms: ms.ops.bmm(ms.Tensor(_f32(2, 2, 3)), ms.Tensor(_f32(2, 4, 5))), ("'y'", "'x'"))),
    ("ops.dense shapes", (lambda ms: ms.ops.dense(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(4, 5))), ("3", "5"))),
    ("ops.add broadcast", (lambda ms: ms.ops.add(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(4, 5))),
                           ("input1.shape", "input2.shape", "broadcast"))),
    ("ops.cat shapes", (lambda ms: ms.ops.cat((ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(4, 5)))), ())),
    ("ops.add bool bool", (lambda ms: ms.ops.add(ms.Tensor(np.array([True])), ms.Tensor(np.array([False]))),
                           ("Add", "Tensor[Bool]"))),
    ("uint16 + int8", (lambda ms: ms.Tensor(np.array([1], np.uint16)) + ms.Tensor(np.array([1], np.int8)),
                       ("Int8", "UInt16", "implicit conversion"))),
    ("ops.add list", (lambda ms: ms.ops.add(ms.Tensor(_f32(2)), [1, 2]), ("Add",))),
    # a float target (class indices expected)
    ("nll_loss float target", (lambda ms: ms.ops.nll_loss(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(2))),
                               ("Int32", "Int64", "Float32"))),
    ("nn.NLLLoss float target", (lambda ms: ms.nn.NLLLoss()(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(2))), ("float32",))),
    ("mint nll_loss float target", (lambda ms: ms.mint.nn.functional.nll_loss(ms.Tensor(_f32(2, 3)),
                                                                              ms.Tensor(_f32(2))), ("Float32",))),
    ("cross_entropy float target of another shape", (lambda ms: ms.ops.cross_entropy(ms.Tensor(_f32(2, 3)),
                                                                                     ms.Tensor(_f32(2))), ())),
    # a dim outside the input's rank
    ("ops.gather_elements dim", (lambda ms: ms.ops.gather_elements(ms.Tensor(_f32(2, 3)), 5,
                                                                   ms.Tensor(np.zeros((2, 3), np.int32))),
                                 ("dim", "5"))),
    ("mint.gather dim", (lambda ms: ms.mint.gather(ms.Tensor(_f32(2, 3)), 5, ms.Tensor(np.zeros((2, 3), np.int64))),
                         ("dim", "5"))),
    ("ops.gather axis", (lambda ms: ms.ops.gather(ms.Tensor(_f32(2, 3)), ms.Tensor(np.array([0], np.int32)), 5),
                         ("axis", "5"))),
    # a non-tensor where a tensor is expected (torch's argument parser)
    ("ops.exp list", (lambda ms: ms.ops.exp([1.0, 2.0]), ("input", "list"))),
    ("ops.relu None", (lambda ms: ms.ops.relu(None), ("input", "None"))),
    ("ops.softmax list", (lambda ms: ms.ops.softmax([1.0, 2.0]), ("input", "list"))),
    # input channels that the weight does not take
    ("ops.conv2d channels", (lambda ms: ms.ops.conv2d(ms.Tensor(_f32(1, 3, 5, 5)), ms.Tensor(_f32(4, 2, 3, 3))),
                             ("2", "3"))),
    ("nn.Conv2d channels", (lambda ms: ms.nn.Conv2d(2, 4, 3)(ms.Tensor(_f32(1, 3, 5, 5))), ("2", "3"))),
    ("ops.BatchMatMul shapes", (lambda ms: ms.ops.BatchMatMul()(ms.Tensor(_f32(2, 2, 3)), ms.Tensor(_f32(2, 4, 5))),
                                ("3", "4"))),
    ("ops.gather index out of range", (lambda ms: ms.ops.gather(ms.Tensor(_f32(4, 3)),
                                                                ms.Tensor(np.array([0, 7], np.int32)), 0), ("7",))),
    ("ops.one_hot depth", (lambda ms: ms.ops.one_hot(ms.Tensor(np.array([0, 1], np.int32)), -2,
                                                     ms.Tensor(1.0), ms.Tensor(0.0)), ("depth", "-2"))),
    ("ops.transpose perm", (lambda ms: ms.ops.transpose(ms.Tensor(_f32(2, 3)), (0, 0)), ("transpose", "perm"))),
    ("ops.transpose perm length", (lambda ms: ms.ops.transpose(ms.Tensor(_f32(2, 3)), (0, 1, 2)),
                                   ("transpose", "perm", "3", "2"))),
    ("ops.split sizes", (lambda ms: ms.ops.split(ms.Tensor(_f32(4, 3)), [1, 2]), ("4",))),
    ("ops.concat ranks", (lambda ms: ms.ops.concat((ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(3)))), ("rank",))),
    ("x[5] index", (lambda ms: ms.Tensor(_f32(4, 3))[5], ("5",))),
    ("cross_entropy target dtype", (lambda ms: ms.ops.cross_entropy(
        ms.Tensor(_f32(2, 3)), ms.Tensor(np.array([0, 1], np.int16))), ())),
    ("mul broadcast", (lambda ms: ms.ops.mul(ms.Tensor(_f32(2, 3)), ms.Tensor(_f32(2, 4))), ("broadcast",))),
    *((name, (fn, None)) for name, fn in POOL_EXACT),
])
