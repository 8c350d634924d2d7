"""An unmodified MindSpore data-parallel script (no lightspore in it), for tests/golden/gen_msrun.py and
tests/test_msrun.py: init() from the launcher's environment, the rank and group size, an AllReduce (sum, the one
CPU supports in the reference), printed as one JSON line."""
import json

import mindspore as ms
import numpy as np
from mindspore import Tensor, ops
from mindspore.communication import get_group_size, get_rank, init

ms.set_context(mode=ms.PYNATIVE_MODE)
init()
x = Tensor(np.array([get_rank() + 1.0, 10.0 * (get_rank() + 1)], np.float32))
y = ops.AllReduce()(x)
print("MSJSON " + json.dumps({"rank": get_rank(), "size": get_group_size(), "sum": y.asnumpy().tolist()}), flush=True)
