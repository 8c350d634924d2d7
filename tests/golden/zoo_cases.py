"""Call sequences shared by tests/golden/gen_zoo.py (real MindSpore) and tests/test_zoo.py (lightspore): each runs
the same calls on the framework module ``ms`` and returns what happened (values, or error type and message), so
the test compares lightspore's record with the reference's."""
import os

import numpy as np

ALGO_KEYS = ["fully_use_devices", "elementwise_op_strategy_follow", "enable_algo_approxi", "algo_approxi_epsilon",
             "tensor_slice_align_enable", "tensor_slice_align_size"]
ALGO_SETS = [dict(fully_use_devices=True), dict(elementwise_op_strategy_follow=True, fully_use_devices=False),
             dict(algo_approxi_epsilon=0.5), dict(algo_approxi_epsilon=2.0), dict(algo_approxi_epsilon=0.0),
             dict(algo_approxi_epsilon=1), dict(tensor_slice_align_size=0), dict(tensor_slice_align_size=2000),
             dict(tensor_slice_align_size=8), dict(enable_algo_approxi=True), dict(tensor_slice_align_enable=True),
             dict(foo=1), dict(fully_use_devices=1), dict(tensor_slice_align_size=True)]
PS_KEYS = ["server_mode", "ms_role", "enable_ps", "worker_num", "server_num", "scheduler_ip", "scheduler_port",
           "enable_ssl", "config_file_path"]
PS_SETS = [dict(enable_ssl=True), dict(worker_num=3), dict(worker_num="a"), dict(worker_num=-1),
           dict(ms_role="MS_WORKER"), dict(ms_role="bad"), dict(server_mode="x"),
           dict(server_mode="PARAMETER_SERVER"), dict(config_file_path="/tmp/a.json"), dict(client_password="x"),
           dict(foo=1), dict(scheduler_port=70000), dict(scheduler_port=1234), dict(scheduler_ip="10.0.0.1"),
           dict(enable_ps=1), dict(enable_ps=True), dict(enable_ps=False), dict(server_num=2), dict(enable_ssl=1)]
RUN_OP_PRIMS = ["Square", "AddN"]   # classic primitives (the reference's pyboost ones have no __infer__ for _run_op)
GRU_CASES = {"one": (3, 4, 1, False), "deep": (3, 4, 2, True)}
GRU_ERRORS = {"input_size_zero": (0, 4, 1, True, False, 0.0), "has_bias_int": (3, 4, 1, 1, False, 0.0),
              "dropout_int": (3, 4, 1, True, False, 1), "dropout_range": (3, 4, 1, True, False, 1.5),
              "hidden_float": (3, 4.0, 1, True, False, 0.0)}


def _run_sequence(outcome, setter, getter, keys, sets):
    """Defaults, then each setter call's outcome and the state after it."""
    rec = [["defaults", {k: getter(k) for k in keys}]]
    for kw in sets:
        rec.append([sorted(kw.items()), outcome(lambda kw=kw: setter(**kw)), {k: getter(k) for k in keys}])
    return rec


def run_algo(ms, outcome):
    ms.reset_algo_parameters()
    rec = _run_sequence(outcome, ms.set_algo_parameters, ms.get_algo_parameters, ALGO_KEYS, ALGO_SETS)
    rec.append(["get_unknown", outcome(lambda: ms.get_algo_parameters("foo"))])
    ms.reset_algo_parameters()
    rec.append(["reset", {k: ms.get_algo_parameters(k) for k in ALGO_KEYS}])
    rec.append(["parallel_is_top", ms.parallel.set_algo_parameters is ms.set_algo_parameters])
    return rec


def run_ps(ms, context, outcome):
    rec = _run_sequence(outcome, ms.set_ps_context, context.get_ps_context, PS_KEYS, PS_SETS)
    rec.append(["get_password", outcome(lambda: ms.get_ps_context("client_password"))])
    ms.reset_ps_context()
    rec.append(["reset", {k: ms.get_ps_context(k) for k in PS_KEYS}])
    return rec


def _dataset(ms):
    data = {"x": np.arange(24, dtype=np.float32).reshape(6, 4), "y": np.arange(6, dtype=np.int32)}
    return ms.dataset.NumpySlicesDataset(data=data, shuffle=False).batch(2)


def run_dataset_helper(ms, outcome):
    rec = {}
    h = ms.DatasetHelper(_dataset(ms), dataset_sink_mode=False)
    first = next(iter(h))
    rec["first"] = [[type(t).__name__, list(t.shape), str(t.dtype), t.asnumpy().tolist()] for t in first]
    rec["rest"] = sum(1 for _ in h)
    rec["again"] = outcome(lambda: sum(1 for _ in h))
    h2 = ms.DatasetHelper(_dataset(ms), dataset_sink_mode=False, epoch_num=2)
    rec["two_epochs"] = [sum(1 for _ in h2), sum(1 for _ in h2)]
    rec["third"] = outcome(lambda: sum(1 for _ in h2))
    for name in ["types_shapes", "sink_size", "stop_send"]:
        rec[name] = outcome(lambda name=name: getattr(h, name)())[0]
    rec["connect"] = outcome(lambda: ms.connect_network_with_dataset(ms.nn.Dense(4, 2), h))
    for key, kw in {"sink_size_0": dict(sink_size=0), "sink_size_-2": dict(sink_size=-2),
                    "sink_size_float": dict(sink_size=1.5), "sink_mode_int": dict(dataset_sink_mode=1)}.items():
        rec[key] = outcome(lambda kw=kw: ms.DatasetHelper(_dataset(ms), **kw) and None)
    rec["sink_mode"] = outcome(lambda: list(ms.DatasetHelper(_dataset(ms), dataset_sink_mode=True)) and None)[0]
    return rec


def _train(ms, callbacks, steps_seen, weight_init):
    nn = ms.nn
    net = nn.Dense(4, 2, weight_init=weight_init, bias_init='zeros')
    model = ms.train.Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), 0.01, 0.9))
    data = {"x": np.linspace(-1, 1, 32, dtype=np.float32).reshape(8, 4),
            "y": np.linspace(0, 1, 16, dtype=np.float32).reshape(8, 2)}
    ds = ms.dataset.NumpySlicesDataset(data=data, shuffle=False).batch(2)
    model.train(1, ds, callbacks=callbacks, dataset_sink_mode=False)
    return net


def run_on_request_exit(ms, outcome, tmp, sig):
    import signal
    cb_cls = ms.train.OnRequestExit
    rec = {"errors": {
        "save_ckpt_int": outcome(lambda: cb_cls(save_ckpt=1) and None),
        "save_mindir_str": outcome(lambda: cb_cls(save_mindir="yes") and None),
        "sig_str": outcome(lambda: cb_cls(sig="x") and None),
        "sigkill": outcome(lambda: cb_cls(sig=signal.SIGKILL) and None),
    }}
    cb = cb_cls(save_mindir=False, directory=tmp, file_name="Lenet")
    rec["names"] = [os.path.relpath(cb.train_name, tmp), os.path.relpath(cb.eval_name, tmp)]
    rec["made"] = sorted(os.listdir(tmp))
    steps = []
    previous = signal.getsignal(sig)

    def step_end(run_context):
        p = run_context.original_args()
        steps.append(p.cur_step_num)
        if p.cur_step_num == 2:
            os.kill(os.getpid(), sig)

    net = _train(ms, [ms.train.LambdaCallback(on_train_step_end=step_end), cb], steps, 'ones')
    rec["steps"] = steps
    rec["exit_flag"] = cb.exit
    rank_dir = os.path.join(tmp, "rank_0")
    rec["files"] = sorted(os.listdir(rank_dir))
    saved = ms.load_checkpoint(os.path.join(rank_dir, "Lenet_train.ckpt"))
    rec["saved_names"] = sorted(saved)
    rec["saved_is_final"] = bool(np.allclose(saved["weight"].asnumpy(), net.weight.asnumpy()))
    # a new run with the same callback settings starts from the saved checkpoint
    cb2 = cb_cls(save_mindir=False, directory=tmp, file_name="Lenet")
    first_weight = []

    def step_begin(run_context):
        if not first_weight:
            first_weight.append(run_context.original_args().network.weight.asnumpy().copy())

    _train(ms, [cb2, ms.train.LambdaCallback(on_train_step_begin=step_begin)], [], 'zeros')
    rec["resumed_from_saved"] = bool(np.allclose(first_weight[0], saved["weight"].asnumpy()))
    signal.signal(sig, previous)
    return rec


def pack_cudnn(params, layers, dirs):
    """cuDNN's flat GRU weight: per layer, per direction, W_ih, W_hh, b_ih, b_hh (gates r, z, n)."""
    chunks = []
    for layer in range(layers):
        for d in range(dirs):
            sfx = f"l{layer}" + ("_reverse" if d else "")
            for kind in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
                name = next(n for n in params if n.endswith(f"{kind}_{sfx}"))
                chunks.append(params[name].reshape(-1))
    return np.concatenate(chunks).astype(np.float32)


def run_op_args(ms, base):
    x = ms.Tensor(np.array([[-1.5, 2.0], [0.5, -0.25]], np.float32))
    return (x,) if base == "Square" else ((x, x),)


# parallel strategy layouts (dev_matrix, tensor_map, param_split_shape, field) and the slices of each parameter
LAYOUTS = {
    "w1": ([2, 2], [1, 0], [], 0, [(2, 3)] * 4),
    "w2": ([2, 2], [-1, 0], [], 0, [(4, 3)] * 4),
    "w3": ([2], [0, -1], [3, 1], 0, [(3, 2), (1, 2)]),
    "w4": ([2], [0, -1], [], 2, [(4, 2)] * 2),
}


def strategy_json():
    return {"current_stage": 0, "parallel_layout_item": {
        name: {"dev_matrix": dev, "tensor_map": tmap, "param_split_shape": split, "field": field,
               "opt_weight_shard_step": 0, "opt_weight_shard_size": 0}
        for name, (dev, tmap, split, field, _) in LAYOUTS.items()}}


def slices(ms, name):
    rng = np.random.RandomState(sum(map(ord, name)))
    return [ms.Parameter(ms.Tensor(rng.randn(*shape).astype(np.float32)), name) for shape in LAYOUTS[name][4]]


def describe(strategy):
    return {name: [list(s.dev_matrix[0].dim), list(s.tensor_map[0].dim), list(s.param_split_shape[0].dim),
                   int(s.field), int(s.opt_weight_shard_step), int(s.opt_weight_shard_size)]
            for name, s in strategy.items()}


def run_merge(ms, outcome, json_file, pb_file, empty_file, arrays):
    rec = {"json": describe(ms.build_searched_strategy(json_file)),
           "pb": describe(ms.build_searched_strategy(pb_file))}
    strategy = ms.build_searched_strategy(pb_file)
    for name in LAYOUTS:
        merged = ms.merge_sliced_parameter(slices(ms, name), strategy)
        arrays[f"merged_{name}"] = merged.asnumpy()
        rec[f"merged_{name}"] = [merged.name, list(merged.shape), merged.requires_grad]
    plain = ms.merge_sliced_parameter(slices(ms, "w3"))
    arrays["merged_plain"] = plain.asnumpy()
    one = slices(ms, "w1")
    other = ms.Parameter(ms.Tensor(np.ones((2, 3), np.float32)), "other")
    rec["errors"] = {
        "not_list": outcome(lambda: ms.merge_sliced_parameter(tuple(one)) and None),
        "empty": outcome(lambda: ms.merge_sliced_parameter([]) and None),
        "strategy_list": outcome(lambda: ms.merge_sliced_parameter(one, [1]) and None),
        "not_parameter": outcome(lambda: ms.merge_sliced_parameter([one[0], np.ones((2, 3))]) and None),
        "names_differ": outcome(lambda: ms.merge_sliced_parameter([one[0], other]) and None),
        "not_in_strategy": outcome(lambda: ms.merge_sliced_parameter([other, other], strategy) and None),
        "device_count": outcome(lambda: ms.merge_sliced_parameter(one[:2], strategy) and None),
        "uneven": outcome(lambda: ms.merge_sliced_parameter(slices(ms, "w3")[::-1] + slices(ms, "w3"), strategy)
                          and None),
        "split_shape": outcome(lambda: ms.merge_sliced_parameter(slices(ms, "w3")[::-1], strategy) and None),
        "file_type": outcome(lambda: ms.build_searched_strategy(123) and None),
        "file_missing": outcome(lambda: ms.build_searched_strategy(pb_file + ".missing") and None),
        "file_empty": outcome(lambda: ms.build_searched_strategy(empty_file) and None),
        "file_none": outcome(lambda: ms.build_searched_strategy(None)),
    }
    return rec


# load_distributed_checkpoint: four ranks on dev_matrix [2, 2]; "c" is replicated (data parallel), "d" is
# replicated but its optimizer shards it four ways along axis 0 (opt_weight_shard_step 1, size 4)
DIST = {"a": ((4, 6), [1, 0]), "b": ((4, 6), [-1, 0]), "c": ((4,), [-1]), "d": ((8, 2), [-1, -1])}
OPT_SHARD = {"d": (1, 4)}
PREDICT = {"a": [[2, 2], [1, 0], [], 0, 0, ""], "b": [[4], [0, -1], [], 0, 0, ""], "c": [[2, 2], [-1], [], 0, 0, ""],
           "d": [[2, 2], [-1, -1], [], 0, 0, ""]}
PREDICT_SHAPES = {"a": (2, 3), "b": (1, 6), "c": (4,), "d": (8, 2)}


def dist_full():
    rng = np.random.RandomState(5)
    return {name: rng.randn(*shape).astype(np.float32) for name, (shape, _) in DIST.items()}


def dist_strategy_json():
    return {"current_stage": 0, "parallel_layout_item": {
        name: {"dev_matrix": [2, 2], "tensor_map": tmap, "param_split_shape": [], "field": 0,
               "opt_weight_shard_step": OPT_SHARD.get(name, (0, 0))[0],
               "opt_weight_shard_size": OPT_SHARD.get(name, (0, 0))[1]} for name, (_, tmap) in DIST.items()}}


def _param_net(ms, shapes):
    class Net(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            for name, shape in shapes.items():
                setattr(self, name, ms.Parameter(ms.Tensor(np.zeros(shape, np.float32)), name))
    return Net()


def run_load_distributed(ms, outcome, files, strategy_file, arrays):
    rec = {}
    net = _param_net(ms, {name: shape for name, (shape, _) in DIST.items()})
    rec["whole"] = outcome(lambda: ms.load_distributed_checkpoint(net, files, None, strategy_file))
    for name in DIST:
        arrays[f"dist_whole_{name}"] = getattr(net, name).asnumpy()
    net2 = _param_net(ms, PREDICT_SHAPES)
    rec["predict"] = outcome(lambda: ms.load_distributed_checkpoint(net2, files, PREDICT, strategy_file))
    if rec["predict"][0] == "ok":
        for name in DIST:
            arrays[f"dist_predict_{name}"] = getattr(net2, name).asnumpy()
    rec["errors"] = {
        "file_count": outcome(lambda: ms.load_distributed_checkpoint(net, files[:2], None, strategy_file)),
        "file_missing": outcome(lambda: ms.load_distributed_checkpoint(net, files[:3] + ["nope.ckpt"], None,
                                                                       strategy_file)),
        "format": outcome(lambda: ms.load_distributed_checkpoint(net, files, None, strategy_file, format="npz")),
        "predict_field": outcome(lambda: ms.load_distributed_checkpoint(net, files, {"a": [[2], [0], [], 1]},
                                                                        strategy_file)),
        "network": outcome(lambda: ms.load_distributed_checkpoint("net", files, None, strategy_file)),
        "no_strategy": outcome(lambda: ms.load_distributed_checkpoint(net, files)),
        "predict_short": outcome(lambda: ms.load_distributed_checkpoint(
            _param_net(ms, PREDICT_SHAPES), files, {k: v[:4] for k, v in PREDICT.items()}, strategy_file)),
        "dec_key": outcome(lambda: ms.load_distributed_checkpoint(net, files, None, strategy_file, dec_key="k")),
    }
    return rec
