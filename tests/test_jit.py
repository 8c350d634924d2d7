"""ms.jit / GRAPH_MODE on torch.compile, checked against real MindSpore 2.7.1.

Golden data: tests/golden/jit.json (tests/golden/gen_jit.py, cases in tests/golden/jit_cases.py) for the
argument checks, JitConfig and small jitted functions; the core LeNet5 golden data (core_lenet.*) re-run
with the step jitted or the cells in GRAPH_MODE, at test_core_golden's tolerances.

Compiling on CI's 2 cores is slow, so these tests compile with the ``aot_eager`` backend (Dynamo's capture,
guards, graph breaks and AOTAutograd: everything lightspore's semantics depend on) and only the tests marked
``inductor`` generate code with Inductor. The full graph-mode run, every test with Inductor:

    LIGHTSPORE_JIT_TEST_BACKEND=inductor .venv/bin/python -m pytest -q tests/test_jit.py
"""
import json
import os
import warnings

import numpy as np
import pytest
import torch
from _golden import GOLDEN, load_cases

import lightspore as ms
from lightspore import nn, ops
from lightspore._compile import JitFallbackWarning, jit_stats

JC = load_cases('jit_cases.py')
C = load_cases('core_cases.py')
JIT = json.loads((GOLDEN / 'jit.json').read_text())
LENET = json.loads((GOLDEN / 'core_lenet.json').read_text())
LENET_NPZ = dict(np.load(GOLDEN / 'core_lenet.npz'))
WEIGHTS = {k[len('weights/'):]: v for k, v in LENET_NPZ.items() if k.startswith('weights/')}
X, LABELS = LENET_NPZ['x'], LENET_NPZ['labels']
PARAM_NAMES = [p['name'] for p in LENET['params']]
FC1_IDX = LENET_NPZ['fc1_subidx']
RTOL, ATOL = 1e-4, 1e-6
TEST_BACKEND = os.environ.get('LIGHTSPORE_JIT_TEST_BACKEND', 'aot_eager')


@pytest.fixture(autouse=True)
def _backend(monkeypatch):
    monkeypatch.setenv('LIGHTSPORE_JIT_BACKEND', TEST_BACKEND)
    monkeypatch.delenv('LIGHTSPORE_JIT', raising=False)
    yield
    ms.set_context(mode=ms.PYNATIVE_MODE)


def close(actual, expected, what='', rtol=RTOL, atol=ATOL):
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.shape == expected.shape, f'{what}: shape {actual.shape} != {expected.shape}'
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol, err_msg=what)


def weight_close(prefix, name, actual, **kw):
    """A parameter or gradient against core_lenet.npz (fc1.weight is stored subsampled)."""
    actual = np.asarray(actual)
    if prefix + name in LENET_NPZ:
        close(actual, LENET_NPZ[prefix + name], prefix + name, **kw)
    else:
        close(actual.reshape(-1)[FC1_IDX], LENET_NPZ[prefix + name + '/sub'], prefix + name, **kw)
        np.testing.assert_allclose(actual.astype(np.float64).sum(), float(LENET_NPZ[prefix + name + '/sum']),
                                   rtol=1e-5, atol=1e-5 * float(LENET_NPZ[prefix + name + '/abssum']))


# ------------------------------------------------------------------------------------------------
# arguments, JitConfig
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize('index', range(len(JIT['jit_args'])))
def test_jit_arguments(index):
    kw, (kind, msg) = JIT['jit_args'][index]
    if kind == 'ok':
        assert callable(ms.jit(lambda x: x, **kw))
        return
    with pytest.raises(Exception) as info:
        ms.jit(lambda x: x, **kw)
    assert type(info.value).__name__ == kind
    assert str(info.value) == msg


@pytest.mark.parametrize('index', range(len(JIT['jit_config'])))
def test_jit_config(index):
    kw, (kind, want) = JIT['jit_config'][index]
    if kind == 'ok':
        assert ms.JitConfig(**kw).jit_config_dict == want
        return
    with pytest.raises(Exception) as info:
        ms.JitConfig(**kw)
    assert type(info.value).__name__ == kind
    assert str(info.value) == want


def test_cell_set_jit_config():
    assert JC.cell_jit_config(ms) == JIT['cell_jit_config']


def test_jit_config_import_paths():
    from lightspore.common.jit_config import JitConfig
    assert JitConfig is ms.JitConfig


# ------------------------------------------------------------------------------------------------
# small jitted functions: data-dependent branches, loops, Python constants, a jitted Cell method
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize('mode', ['pynative', 'graph'])
def test_jit_values(mode):
    if mode == 'graph':
        ms.set_context(mode=ms.GRAPH_MODE)
    got = JC.run_values(ms)
    want = JIT['values'][mode]
    assert sorted(got) == sorted(want)
    for k in want:
        close(got[k], want[k], k)


def test_data_dependent_branch_both_ways():
    @ms.jit
    def f(x):
        if x.sum() > 0:
            return x * 2
        return x - 1

    a = ms.Tensor(np.ones((3,), np.float32))
    close(f(a).asnumpy(), [2, 2, 2])
    close(f(-a).asnumpy(), [-2, -2, -2])
    close(f(a).asnumpy(), [2, 2, 2])


def test_print_and_python_side_effects_run_every_call(capsys):
    log = []

    @ms.jit
    def g(x):
        print('inside g', x.shape)
        log.append(len(log))
        y = x + 1
        total = float(y.asnumpy().sum())       # leaves the graph: a host read in the middle
        return y * total

    a = ms.Tensor(np.ones((3,), np.float32))
    for _ in range(3):
        close(g(a).asnumpy(), [12, 12, 12])
    assert log == [0, 1, 2]
    assert capsys.readouterr().out.count('inside g (3,)') == 3


def test_bad_input_raises_the_eager_error_with_one_warning():
    @ms.jit
    def h(x, w):
        return ops.matmul(x, w)

    x, w = ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((4, 5), np.float32))
    with pytest.raises(Exception) as eager:
        ops.matmul(x, w)
    assert isinstance(eager.value, (ValueError, TypeError, RuntimeError))
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter('always')
        for _ in range(3):
            with pytest.raises(type(eager.value)) as jitted:
                h(x, w)
            assert type(jitted.value) is type(eager.value) and str(jitted.value) == str(eager.value)
    fallbacks = [r for r in rec if issubclass(r.category, JitFallbackWarning)]
    assert len(fallbacks) == 1 and ".h'" in str(fallbacks[0].message) and 'frame h' in str(fallbacks[0].message)


def test_backend_failure_falls_back_with_one_warning(monkeypatch):
    with warnings.catch_warnings():       # torch warns about its own torch.jit.script_method use on import
        warnings.simplefilter('ignore', DeprecationWarning)
        import torch._dynamo.backends.debugging as dbg
        import torch._inductor.compile_fx as cfx

    def broken(*a, **k):
        raise RuntimeError('code generation failed on purpose')

    monkeypatch.setattr(cfx, 'compile_fx', broken)
    monkeypatch.setattr(dbg, 'aot_eager', broken)

    @ms.jit
    def f(x):
        return ops.exp(x) * 3

    a = ms.Tensor(np.arange(4, dtype=np.float32))
    with pytest.warns(JitFallbackWarning, match=r"'.*f': the .* backend could not compile a graph \(RuntimeError: "
                                                r"code generation failed on purpose\)") as rec:
        out = [f(a).asnumpy() for _ in range(3)]
        f(ms.Tensor(np.arange(5, dtype=np.float32)))      # a recompile fails too: still one warning
    assert sum(issubclass(r.category, JitFallbackWarning) for r in rec) == 1
    for o in out:
        close(o, np.exp(np.arange(4, dtype=np.float32)) * 3)


def test_fullgraph_true_raises_on_a_graph_break():
    @ms.jit(fullgraph=True)
    def f(x):
        if x.sum() > 0:
            return x * 2
        return x

    a = ms.Tensor(np.ones((2,), np.float32))
    close(f(a).asnumpy(), [2, 2])            # the first call runs eagerly; the second compiles
    with pytest.raises(RuntimeError, match=r"fullgraph=True, '.*f' cannot be compiled as one graph: .*x.sum"):
        f(a)

    @ms.jit(fullgraph=True)
    def g(x):
        return ops.relu(x) + 1
    for _ in range(2):
        close(g(ms.Tensor(np.array([-1.0, 2.0], np.float32))).asnumpy(), [1, 3])
    assert jit_stats(g) == (1, [])


def test_lightspore_jit_0_runs_eagerly(monkeypatch):
    monkeypatch.setenv('LIGHTSPORE_JIT', '0')

    @ms.jit
    def f(x):
        return x + 1

    close(f(ms.Tensor(np.zeros(2, np.float32))).asnumpy(), [1, 1])
    assert jit_stats(f) == (0, [])


# ------------------------------------------------------------------------------------------------
# recompilation: only when shapes, dtypes or Python constants change
# ------------------------------------------------------------------------------------------------
def test_recompiles_only_on_shape_dtype_constant_change():
    @ms.jit
    def f(x, k):
        y = ops.relu(x)
        for _ in range(k):                  # a Python constant: the traced graph unrolls it
            y = y * x + x
        return y

    def graphs():
        return jit_stats(f)[0]

    def want(x, k):
        y = np.maximum(x, 0)
        for _ in range(k):
            y = y * x + x
        return y

    a_np = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)
    a = ms.Tensor(a_np)
    f(a, 2)
    assert graphs() == 0                                     # the first call runs eagerly
    f(a, 2)
    n = graphs()
    assert n == 1
    for _ in range(3):
        f(ms.Tensor(np.full((2, 3), 5, np.float32)), 2)      # new values, same shape/dtype/constant
    assert graphs() == n
    f(ms.Tensor(np.ones((4, 3), np.float32)), 2)             # new shape
    assert graphs() == n + 1
    f(ms.Tensor(np.ones((4, 3), np.float16)), 2)             # new dtype
    assert graphs() == n + 2
    f(a, 3)                                                  # new Python constant
    assert graphs() == n + 3
    f(a, 2)
    f(ms.Tensor(np.ones((4, 3), np.float32)), 2)
    f(ms.Tensor(np.ones((4, 3), np.float16)), 2)
    f(a, 3)                                                  # all seen before: cached
    assert graphs() == n + 3
    close(f(a, 3).asnumpy(), want(a_np, 3), rtol=1e-6)
    close(f(a, 2).asnumpy(), want(a_np, 2), rtol=1e-6)


def test_new_promotion_pair_elsewhere_does_not_recompile():
    @ms.jit
    def f(x):
        return x * 2 + 1                    # tensor-scalar: the promotion plan path

    a = ms.Tensor(np.ones((2, 3), np.float32))
    f(a)
    f(a)
    n = jit_stats(f)[0]
    ms.Tensor(np.ones((2,), np.float64)) * 3    # eager code elsewhere meets a new (dtype, scalar) pair
    f(a)
    assert jit_stats(f)[0] == n


def test_dynamic_shapes_compile_once():
    @ms.jit(dynamic=1)
    def f(x):
        return ops.tanh(x).sum(axis=0) * 2

    for rows in (3, 5, 7, 11):
        x = np.random.RandomState(rows).rand(rows, 4).astype(np.float32)
        close(f(ms.Tensor(x)).asnumpy(), np.tanh(x).sum(0) * 2, rtol=1e-5)
    assert jit_stats(f)[0] == 1


# ------------------------------------------------------------------------------------------------
# Cells: jitted method, ms.jit(cell), ms.jit(CellClass), GRAPH_MODE
# ------------------------------------------------------------------------------------------------
def test_jit_cell_instance_and_class():
    net = C.make_lenet(ms, WEIGHTS)
    bound = ms.jit(net)
    for _ in range(2):
        close(bound(ms.Tensor(X)).asnumpy(), LENET_NPZ['logits'], 'logits')
    assert jit_stats(bound)[0] >= 1

    cls = C.lenet5_class(ms)
    jitted_cls = ms.jit(cls)
    assert jitted_cls is cls
    net2 = cls()
    for p in net2.get_parameters():
        p.set_data(ms.Tensor(np.array(WEIGHTS[p.name])))
    for _ in range(2):
        close(net2(ms.Tensor(X)).asnumpy(), LENET_NPZ['logits'], 'logits')
    assert jit_stats(cls.construct)[0] >= 1


def test_graph_mode_lenet_forward_and_grads():
    ms.set_context(mode=ms.GRAPH_MODE)
    assert ms.get_context('mode') == ms.GRAPH_MODE
    res = C.lenet_grads(ms, WEIGHTS, X, LABELS, 'sce', extended=True)
    close(res['loss'], LENET_NPZ['loss/sce'], 'loss')
    assert [n for n, _ in res['grads']] == PARAM_NAMES
    for name, g in res['grads']:
        weight_close('grad/sce/', name, g)
    close(res['dx'], LENET_NPZ['dx/sce/dx'], 'dx')
    close(res['dxw_dx'], LENET_NPZ['dxw/dx'], 'dxw dx')
    close(res['grad_fn_dx'], LENET_NPZ['grad_fn/dx'], 'grad dx')
    close(res['aux_logits'], LENET_NPZ['aux/logits'], 'aux logits')
    for i in C.EXTENDED_GRAD_INDICES:
        close(res['aux_grads'][i], LENET_NPZ[f'aux/grad{i}'], f'aux grad{i}')
    ms.set_context(mode=ms.PYNATIVE_MODE)
    from lightspore._compile import graph_mode_enabled
    assert not graph_mode_enabled()


def test_graph_mode_set_inputs_dynamic_batch():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = nn.Dense(4, 3, weight_init='ones', bias_init='zeros')

        def construct(self, x):
            return ops.tanh(self.dense(x)) * 2

    ms.set_context(mode=ms.GRAPH_MODE)
    net = Net()
    net.set_inputs(ms.Tensor(shape=[None, 4], dtype=ms.float32))
    for rows in (3, 5, 7, 9):
        x = np.random.RandomState(rows).rand(rows, 4).astype(np.float32)
        close(net(ms.Tensor(x)).asnumpy(), np.tanh(x.sum(1, keepdims=True).repeat(3, 1)) * 2, rtol=1e-5)
    assert jit_stats(Net) == (1, [])       # the first call runs eagerly; one shape-generic graph after it


# ------------------------------------------------------------------------------------------------
# the whole training step jitted: forward, value_and_grad, optimizer update (Parameters in place)
# ------------------------------------------------------------------------------------------------
def run_jitted_steps(case, steps=C.N_STEPS, jit_level='O0'):
    """core_cases.run_optimizer_case with the tutorial's train_step under @ms.jit."""
    net = C.make_lenet(ms, WEIGHTS)
    loss_fn = C.lenet_loss_fn(ms, 'sce')
    optimizer = C.OPTIMIZER_CASES[case](ms, net.trainable_params())

    def forward_fn(data, label):
        logits = net(data)
        return loss_fn(logits, label), logits

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters, has_aux=True)

    @ms.jit(jit_level=jit_level)
    def train_step(data, label):
        (loss, _), grads = grad_fn(data, label)
        optimizer(grads)
        return loss

    t_x, t_y = ms.Tensor(X), ms.Tensor(LABELS)
    losses, lrs = [], []
    for _ in range(steps):
        lrs.append(float(np.asarray(optimizer.get_lr().asnumpy())))
        losses.append(float(train_step(t_x, t_y).asnumpy()))
    lrs.append(float(np.asarray(optimizer.get_lr().asnumpy())))
    return losses, lrs, net, optimizer, train_step


@pytest.mark.parametrize('case', ['momentum', 'adam', 'sgd_lr_list', 'momentum_exp_decay'])
def test_jitted_train_step_golden(case):
    ref = LENET['optimizers'][case]
    losses, lrs, net, opt, step = run_jitted_steps(case)
    close(losses, ref['losses'], 'step losses')
    if ref['lr'] is not None:
        close(lrs, ref['lr'], 'get_lr() per step', rtol=1e-6, atol=0)
    kw = dict(rtol=RTOL, atol=3e-5) if case == 'adam' else {}
    for p in net.get_parameters():
        weight_close(f'opt/{case}/final/', p.name, p.asnumpy(), **kw)
    assert int(opt.global_step.asnumpy()[0]) == C.N_STEPS
    graphs, fallbacks = jit_stats(step)
    assert fallbacks == []
    assert graphs == 2 if case in UPDATE_IN_GRAPH else graphs >= 2


# optimizers whose update reads its hyper-parameters in the graph (no host read splits it)
UPDATE_IN_GRAPH = ('momentum', 'momentum_wd', 'momentum_exp_decay', 'adam', 'adam_amsgrad', 'adam_wd',
                   'adamweightdecay', 'sgd', 'sgd_nesterov_wd', 'sgd_lr_list')


@pytest.mark.parametrize('jit_level', ['O0', 'O1'])
@pytest.mark.parametrize('case', ['momentum', 'adam', 'momentum_wd', 'adam_amsgrad', 'adamweightdecay', 'sgd',
                                  'sgd_nesterov_wd'])
def test_train_step_graphs(case, jit_level):
    """The optimizer update is one graph: no host read of a learning rate, step counter or beta power splits it
    (or recompiles it each step). jit_level O0: the differentiated function is one graph (AOTAutograd compiles
    its backward) and the update another, the only break being the gradient between them, where torch.compile
    splits a PyTorch step; O1: forward, backward and update are one graph. Results are the reference's."""
    from torch._dynamo.utils import counters

    counters.clear()
    ref = LENET['optimizers'][case]
    losses, _, net, opt, step = run_jitted_steps(case, steps=C.N_STEPS + 1, jit_level=jit_level)
    close(losses[:C.N_STEPS], ref['losses'], 'step losses')
    breaks = [str(k).splitlines()[0] for k in counters['graph_break']]
    if jit_level == 'O1':
        assert jit_stats(step) == (1, []) and breaks == []
    else:
        assert jit_stats(step) == (2, [])
        assert breaks and all('disable()' in b for b in breaks), breaks
    assert int(opt.global_step.asnumpy()[0]) == C.N_STEPS + 1


def test_jitted_step_in_place_parameter_updates_and_no_recompiles():
    w = ms.Parameter(ms.Tensor(np.zeros((3,), np.float32)), name='w')
    counter = ms.Parameter(ms.Tensor(np.zeros((1,), np.int32)), name='counter')

    @ms.jit
    def step(x):
        ops.assign_add(w, x * 2)
        ops.assign_add(counter, ms.Tensor([1], ms.int32))
        return w * 1

    x = ms.Tensor(np.array([1, 2, 3], np.float32))
    for i in range(1, 5):
        out = step(x)
        close(out.asnumpy(), np.array([2, 4, 6]) * i)
        if i == 2:                           # (the first call runs eagerly)
            first = jit_stats(step)[0]       # ms.Tensor([1]) from a list is a graph break: several graphs
    close(w.asnumpy(), [8, 16, 24])
    assert int(counter.asnumpy()[0]) == 4
    assert jit_stats(step)[0] == first      # and none compiled again on later calls


def test_graph_mode_train_one_step_cell():
    """GRAPH_MODE with the wrapper cells MindSpore scripts use (WithLossCell + TrainOneStepCell)."""
    ms.set_context(mode=ms.GRAPH_MODE)
    net = C.make_lenet(ms, WEIGHTS)
    opt = C.OPTIMIZER_CASES['momentum'](ms, net.trainable_params())
    train = nn.TrainOneStepCell(nn.WithLossCell(net, C.lenet_loss_fn(ms, 'sce')), opt)
    train.set_train()
    losses = [float(train(ms.Tensor(X), ms.Tensor(LABELS)).asnumpy()) for _ in range(C.N_STEPS)]
    ref = LENET['optimizers']['momentum']
    close(losses, ref['losses'], 'step losses')
    for p in net.get_parameters():
        weight_close('opt/momentum/final/', p.name, p.asnumpy())


# ------------------------------------------------------------------------------------------------
# Inductor (code generation) and its cache on disk
# ------------------------------------------------------------------------------------------------
def test_inductor_train_step_golden(monkeypatch):
    monkeypatch.setenv('LIGHTSPORE_JIT_BACKEND', 'inductor')
    ref = LENET['optimizers']['momentum']
    losses, _, net, _, step = run_jitted_steps('momentum')
    close(losses, ref['losses'], 'step losses')
    for p in net.get_parameters():
        weight_close('opt/momentum/final/', p.name, p.asnumpy())
    assert jit_stats(step) == (2, [])


def test_inductor_cache_in_compile_cache_path(monkeypatch, tmp_path):
    monkeypatch.setenv('LIGHTSPORE_JIT_BACKEND', 'inductor')
    monkeypatch.delenv('TORCHINDUCTOR_CACHE_DIR', raising=False)
    ms.set_context(enable_compile_cache=True, compile_cache_path=str(tmp_path))

    @ms.jit
    def f(x):
        return ops.sin(x) * 3 + 1

    try:
        x = np.linspace(0, 1, 7, dtype=np.float32)
        for _ in range(2):
            close(f(ms.Tensor(x)).asnumpy(), np.sin(x) * 3 + 1, rtol=1e-5)
    finally:
        ms.set_context(compile_cache_path='')
        os.environ.pop('TORCHINDUCTOR_CACHE_DIR', None)
    assert jit_stats(f) == (1, [])
    assert any(p.is_file() for p in (tmp_path / 'torchinductor').rglob('*')), 'no cache files in compile_cache_path'


# ------------------------------------------------------------------------------------------------
# the GPU target (runs where CUDA is present; skipped with the reason on CPU-only machines)
# ------------------------------------------------------------------------------------------------
@pytest.mark.skipif(not torch.cuda.is_available(), reason='needs a CUDA device: this machine has none')
def test_gpu_target_state_follows_device(tmp_path):
    ms.set_context(device_target='GPU')
    try:
        net = C.make_lenet(ms, WEIGHTS)
        opt = C.OPTIMIZER_CASES['momentum'](ms, net.trainable_params())
        assert all(p._t.is_cuda for p in net.get_parameters())
        assert all(m._t.is_cuda for m in opt.moments)
        data = ms.dataset.NumpySlicesDataset({'x': X, 'y': LABELS}, shuffle=False).batch(8)
        bx, by = next(data.create_tuple_iterator())
        assert bx._t.is_cuda and by._t.is_cuda, 'dataset batches stay on the CPU under device_target=GPU'
        losses, _, net2, opt2, _ = run_jitted_steps('momentum')
        close(losses, LENET['optimizers']['momentum']['losses'], 'step losses', rtol=1e-3, atol=1e-5)
        ms.save_checkpoint(net2, str(tmp_path / 'gpu.ckpt'))
    finally:
        ms.set_context(device_target='CPU')
    cpu_net = C.lenet5_class(ms)()
    ms.load_param_into_net(cpu_net, ms.load_checkpoint(str(tmp_path / 'gpu.ckpt')))
    for p in cpu_net.get_parameters():
        assert not p._t.is_cuda
        weight_close('opt/momentum/final/', p.name, p.asnumpy(), rtol=1e-3, atol=1e-5)


def test_recompile_limit_falls_back_with_one_warning():
    @ms.jit
    def f(x):
        return x * 2

    with pytest.warns(JitFallbackWarning, match=r"recompiled too often \(config.recompile_limit") as rec:
        for n in range(1, 12):                   # 11 shapes, static compilation: the limit (8) is hit
            close(f(ms.Tensor(np.ones((n,), np.float32))).asnumpy(), np.full((n,), 2.0))
    assert sum(issubclass(r.category, JitFallbackWarning) for r in rec) == 1
