"""Primitive attributes, shared by ``gen_prim_attrs.py`` (run under real MindSpore) and ``tests/test_ops_table.py``.

Every primitive class of ``ops`` is constructed with no arguments, or with the arguments ``ARGS`` gives it, and
its ``attrs`` dict is recorded in a JSON-able form. ``input_names``/``output_names``/``side_effect_*`` are the
reference graph compiler's bookkeeping (with ``dyn_input_sizes``) and are left out (lightspore has no graph compiler).
"""
SKIP_KEYS = ("input_names", "output_names", "side_effect_mem", "side_effect_io", "side_effect_hidden",
             "primitive_target", "_side_effect", "side_effect_propagate", "dyn_input_sizes")

# constructor arguments for primitives that require some (positional)
ARGS = {
    "BroadcastTo": ((2, 3),), "InplaceAdd": ((0,),), "InplaceSub": ((0,),), "InplaceUpdate": ((0,),),
    "Concat": (1,), "Split": (1, 2), "Stack": (1,), "Squeeze": ((0,),), "ExpandDims": (), "TopK": (True,),
    "OneHot": (0,), "Gather": (1,), "ReduceSum": (True,), "ReduceMean": (True,), "ReduceMax": (True,),
    "ReduceMin": (True,), "ReduceProd": (True,), "ReduceAll": (True,), "ReduceAny": (True,),
    "Argmax": (1,), "Argmin": (1,), "Softmax": (1,), "LogSoftmax": (1,), "Conv2D": (4, 3),
    "MaxPool": (2, 2), "AvgPool": (2, 2), "BatchNorm": (True,), "LayerNorm": (1, 1), "Dropout": (0.7,),
    "MatMul": (True,), "BatchMatMul": (False, True), "CumSum": (True,), "CumProd": (True,), "Tril": (1,),
    "Triu": (1,), "ArgMaxWithValue": (1,), "ArgMinWithValue": (1,), "Pad": (((1, 1), (2, 2)),), "Unstack": (1,),
    "ScatterAdd": (True,), "ScatterUpdate": (True,), "ScatterNdAdd": (True,), "Cast": (), "L2Normalize": (1,),
    "ResizeNearestNeighbor": ((4, 4),), "Sort": (0, True), "Pow": (), "LRN": (3,),
    "SparseSoftmaxCrossEntropyWithLogits": (True,), "SmoothL1Loss": (2.0,), "Elu": (0.5,), "HShrink": (0.3,),
    "SoftShrink": (0.3,), "Range": (100,),
}


def canon(v, tensor_cls=None):
    """A JSON-able, framework-independent form of an attribute value."""
    if isinstance(v, bool) or v is None or isinstance(v, (int, str)):
        return v
    if isinstance(v, float):
        return round(v, 6)
    if isinstance(v, (list, tuple)):
        return [canon(x, tensor_cls) for x in v]
    if isinstance(v, dict):
        return {str(k): canon(x, tensor_cls) for k, x in v.items()}
    return "<" + type(v).__name__ + ":" + str(v) + ">"


def record(p):
    """The recorded attrs of primitive instance ``p``."""
    return {k: canon(v) for k, v in sorted(p.attrs.items()) if k not in SKIP_KEYS}
