"""The summary primitives: ``ScalarSummary``, ``ImageSummary``, ``TensorSummary``, ``HistogramSummary``.

Called in a network's ``construct`` as ``self.summary(name, value)``; the value is cached (checked as the
reference checks it) until ``SummaryRecord.record`` (or ``SummaryCollector``) writes it under ``name``.
"""
from ._table import PRIMS, Primitive


def _summary_prim(cls_name, doc):
    def __init__(self):
        Primitive.__init__(self, cls_name)
        self.add_prim_attr("side_effect_io", True)
        self.add_prim_attr("channel_name", f"ms_{cls_name[:-len('Summary')].lower()}_summary")

    def __call__(self, name, value):
        from ..train.summary import _cache_summary
        _cache_summary(cls_name, name, value)

    cls = type(cls_name, (Primitive,), {"__init__": __init__, "__call__": __call__, "__doc__": doc,
                                         "__module__": __name__})
    PRIMS[cls_name] = cls
    return cls


ScalarSummary = _summary_prim("ScalarSummary", "Record a scalar (a Tensor of one value) under a name.")
ImageSummary = _summary_prim("ImageSummary", "Record NCHW images (1 or 3 channels) under a name.")
TensorSummary = _summary_prim("TensorSummary", "Record a Tensor's values under a name.")
HistogramSummary = _summary_prim("HistogramSummary", "Record the histogram of a Tensor's values under a name.")
