"""mindspore.export: ONNX files from torch.onnx run in onnxruntime with lightspore's outputs; the reference's
errors for AIR, unknown formats and bad names (tests/golden/gen_export.py); a MINDIR export of an op the MindIR
writer has no primitive for, and inexpressible nets, raise ValueError naming the way out, leaving nothing on disk
(MINDIR files themselves: tests/test_mindir_export.py)."""
import json
import os

import numpy as np
import pytest

import lightspore as ms
from lightspore import nn

ort = pytest.importorskip("onnxruntime", reason="onnxruntime is in the 'test' extra of pyproject.toml")
GOLDEN = json.load(open(os.path.join(os.path.dirname(__file__), "golden", "export.json")))


class LeNetBN(nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, pad_mode="valid")
        self.bn = nn.BatchNorm2d(6)
        self.conv2 = nn.Conv2d(6, 16, 5, pad_mode="valid")
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        self.relu = nn.ReLU()
        self.flatten = nn.Flatten()
        self.fc1 = nn.Dense(16 * 5 * 5, 32)
        self.fc2 = nn.Dense(32, 10)

    def construct(self, x):
        x = self.pool(self.relu(self.bn(self.conv1(x))))
        x = self.pool(self.relu(self.conv2(x)))
        return self.fc2(self.relu(self.fc1(self.flatten(x))))


class HostRead(nn.Cell):
    def construct(self, x):
        if float(x.sum().asnumpy()) > 0:          # a host read: not expressible in a graph
            return x * 2
        return x


def test_onnx_runs_in_onnxruntime_with_the_same_outputs(tmp_path):
    ms.set_seed(1)
    net = LeNetBN()
    net.set_train(True)
    x = ms.Tensor(np.random.default_rng(0).standard_normal((2, 1, 32, 32)).astype(np.float32))
    path = ms.export(net, x, file_name=str(tmp_path / "lenet"), file_format="ONNX")
    assert path == str(tmp_path / "lenet.onnx") and os.listdir(tmp_path) == ["lenet.onnx"]
    assert net.training                                   # restored
    net.set_train(False)
    want = net(x).asnumpy()
    sess = ort.InferenceSession(path)
    (got,) = sess.run(None, {sess.get_inputs()[0].name: x.asnumpy()})
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)
    other = np.random.default_rng(1).standard_normal((2, 1, 32, 32)).astype(np.float32)
    (got2,) = sess.run(None, {sess.get_inputs()[0].name: other})
    np.testing.assert_allclose(got2, net(ms.Tensor(other)).asnumpy(), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("key", ["AIR", "onnx", "TXT", "name_int"])
def test_reference_errors(key, tmp_path):
    want = GOLDEN[key]
    net = nn.Dense(4, 3)
    kw = dict(GOLDEN["calls"][key])
    if isinstance(kw["file_name"], str):
        kw["file_name"] = str(tmp_path / kw["file_name"])
    with pytest.raises({"ValueError": ValueError, "TypeError": TypeError}[want["error"]]) as e:
        ms.export(net, ms.Tensor(np.ones((2, 4), np.float32)), **kw)
    assert str(e.value) == want["message"]
    assert os.listdir(tmp_path) == []


class _Cumsum(nn.Cell):
    def construct(self, x):
        return ms.ops.cumsum(x, 0)


def test_mindir_unwritable_op_names_onnx_and_writes_nothing(tmp_path):
    with pytest.raises(ValueError, match="file_format='ONNX'"):
        ms.export(_Cumsum(), ms.Tensor(np.ones((2, 4), np.float32)), file_name=str(tmp_path / "m"),
                  file_format="MINDIR")
    assert os.listdir(tmp_path) == []


def test_inexpressible_net_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(ValueError, match="cannot be expressed as an ONNX graph"):
        ms.export(HostRead(), ms.Tensor(np.ones((2,), np.float32)), file_name=str(tmp_path / "h"),
                  file_format="ONNX")
    assert os.listdir(tmp_path) == []
    with pytest.raises(TypeError, match="inputs of Dense are needed"):
        ms.export(nn.Dense(4, 3), file_name=str(tmp_path / "d"), file_format="ONNX")


def test_onnx_module_export_with_dynamic_batch(tmp_path):
    import lightspore.onnx
    net = nn.SequentialCell([nn.Dense(4, 3), nn.ReLU(), nn.Dense(3, 2)])
    x = ms.Tensor(np.random.default_rng(2).standard_normal((2, 4)).astype(np.float32))
    path = lightspore.onnx.export(net, x, file_name=str(tmp_path / "d"), input_names=["x"], output_names=["y"],
                                  dynamic_axes={"x": {0: "batch"}})
    sess = ort.InferenceSession(path)
    assert [i.name for i in sess.get_inputs()] == ["x"] and [o.name for o in sess.get_outputs()] == ["y"]
    big = np.random.default_rng(3).standard_normal((5, 4)).astype(np.float32)
    (got,) = sess.run(None, {"x": big})
    np.testing.assert_allclose(got, net(ms.Tensor(big)).asnumpy(), rtol=1e-5, atol=1e-6)
    with pytest.raises(TypeError, match="input_names"):
        lightspore.onnx.export(net, x, file_name=str(tmp_path / "e"), input_names="x")
    with pytest.raises(ValueError, match="export_params"):
        lightspore.onnx.export(net, x, file_name=str(tmp_path / "e"), export_params=False)
