"""What the official model zoo and mindnlp call besides THOR, from the reference, for tests/test_zoo.py (run with
the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_zoo.py

Writes tests/golden/zoo.json + zoo.npz: ``set/get/reset_algo_parameters`` and ``set/get/reset_ps_context`` call
sequences (values and errors, with the MS_* environment cleared), ``DatasetHelper`` without sink mode and the
errors of sink mode / ``connect_network_with_dataset`` on CPU, ``OnRequestExit`` (its arguments, its files,
what it saves when a SIGTERM arrives during ``Model.train``), ``ops.primitive._run_op`` from a primitive
subclass, and ``CudnnGRU``: the reference's CPU build has no kernel for it (recorded), so its expected outputs
are the reference's ``nn.GRU`` (the same GRU equations) run on the weights packed into its flat tensor.
"""
import json
import os
import shutil
import signal
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
for _k in ("MS_ROLE", "MS_WORKER_NUM", "MS_SERVER_NUM", "MS_SCHED_HOST", "MS_SCHED_PORT", "MS_ENABLE_GRACEFUL_EXIT"):
    os.environ.pop(_k, None)
sys.path.insert(0, HERE)
import zoo_cases as Z  # noqa: E402


def outcome(fn):
    try:
        return ["ok", fn()]
    except Exception as e:  # noqa: BLE001
        return [type(e).__name__, str(e).strip().splitlines()[0][:200]]


def main():
    import mindspore as ms
    from mindspore import context, nn
    from mindspore.ops.operations._rl_inner_ops import CudnnGRU
    from mindspore.ops.primitive import _run_op

    out, arrays = {}, {}
    out["algo"] = Z.run_algo(ms, outcome)
    out["ps"] = Z.run_ps(ms, context, outcome)
    out["dataset_helper"] = Z.run_dataset_helper(ms, outcome)

    # OnRequestExit
    tmp = tempfile.mkdtemp()
    try:
        out["exit"] = Z.run_on_request_exit(ms, outcome, tmp, signal.SIGTERM)
    finally:
        shutil.rmtree(tmp)

    # _run_op from a primitive subclass (mindnlp's AllGather pattern)
    for base in Z.RUN_OP_PRIMS:
        sub = type(base, (getattr(ms.ops, base),),   # same name: the reference finds the infer by name
                   {"__call__": lambda self, *args: _run_op(self, self.name, args)})
        arrays[f"run_op_{base}"] = sub()(*Z.run_op_args(ms, base)).asnumpy()

    # CudnnGRU: no CPU kernel in the reference; nn.GRU with the same weights gives the expected values
    gru_cases = {}
    for key, (inp, hid, layers, bidir) in Z.GRU_CASES.items():
        ref = nn.GRU(inp, hid, layers, has_bias=True, batch_first=False, bidirectional=bidir)
        rng = np.random.RandomState(3)
        for p in ref.get_parameters():
            p.set_data(ms.Tensor(rng.uniform(-0.5, 0.5, p.shape).astype(np.float32)))
        dirs = 2 if bidir else 1
        xs = rng.randn(5, 2, inp).astype(np.float32)
        h0 = rng.randn(dirs * layers, 2, hid).astype(np.float32)
        o, hn = ref(ms.Tensor(xs), ms.Tensor(h0))
        params = {p.name: p.asnumpy() for p in ref.get_parameters()}
        arrays[f"gru_{key}_x"], arrays[f"gru_{key}_h0"] = xs, h0
        arrays[f"gru_{key}_out"], arrays[f"gru_{key}_hn"] = o.asnumpy(), hn.asnumpy()
        arrays[f"gru_{key}_w"] = Z.pack_cudnn(params, layers, dirs)
        gru_cases[key] = sorted(params)
    out["gru_param_names"] = gru_cases
    w = ms.Tensor(arrays["gru_one_w"].reshape(-1, 1, 1))
    out["cudnn_gru_cpu"] = outcome(lambda: CudnnGRU(3, 4, 1, True, False, 0.0)(
        ms.Tensor(arrays["gru_one_x"]), ms.Tensor(arrays["gru_one_h0"]), w)[0].shape)
    out["cudnn_gru_errors"] = {k: outcome(lambda a=a: CudnnGRU(*a) and None) for k, a in Z.GRU_ERRORS.items()}

    # strategy files (written with the reference's own protobuf classes) and merge_sliced_parameter
    from mindspore.train import node_strategy_pb2
    with open(os.path.join(HERE, "zoo_strategy.json"), "w") as f:
        json.dump(Z.strategy_json(), f)
    smap = node_strategy_pb2.ParallelStrategyMap()
    smap.current_stage = 0
    for name, item in Z.strategy_json()["parallel_layout_item"].items():
        layout_item = smap.parallel_layout_item.add()
        layout_item.param_name = name
        lay = layout_item.parallel_layouts
        for key in ("dev_matrix", "tensor_map", "param_split_shape"):
            getattr(lay, key).add().dim.extend(item[key])
        lay.field = item["field"]
        lay.opt_weight_shard_step = item["opt_weight_shard_step"]
        lay.opt_weight_shard_size = item["opt_weight_shard_size"]
    with open(os.path.join(HERE, "zoo_strategy.ckpt"), "wb") as f:
        f.write(smap.SerializeToString())
    empty = os.path.join(tempfile.mkdtemp(), "empty.ckpt")
    open(empty, "w").close()
    out["merge"] = Z.run_merge(ms, outcome, os.path.join(HERE, "zoo_strategy.json"),
                               os.path.join(HERE, "zoo_strategy.ckpt"), empty, arrays)

    # load_distributed_checkpoint: per-rank files cut with the reference's own _load_tensor
    from mindspore.parallel._tensor import _load_tensor
    full = Z.dist_full()
    tmp = tempfile.mkdtemp()
    files = []
    for rank in range(4):
        items = [{"name": name, "data": ms.Tensor(
            np.split(full[name], 4)[rank] if name in Z.OPT_SHARD
            else _load_tensor(ms.Tensor(full[name]), [2, 2], tmap, rank_id=rank))}
            for name, (_, tmap) in Z.DIST.items()]
        files.append(os.path.join(tmp, f"rank_{rank}.ckpt"))
        ms.save_checkpoint(items, files[-1])
    dist_json = os.path.join(tmp, "dist_strategy.json")
    with open(dist_json, "w") as f:
        json.dump(Z.dist_strategy_json(), f)
    out["load_distributed"] = Z.run_load_distributed(ms, outcome, files, dist_json, arrays)
    for rank, name in enumerate(files):
        for key, value in ms.load_checkpoint(name).items():
            arrays[f"dist_rank{rank}_{key}"] = value.asnumpy()
    shutil.rmtree(tmp)

    with open(os.path.join(HERE, "zoo.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    np.savez_compressed(os.path.join(HERE, "zoo.npz"), **arrays)
    print("wrote zoo.json, zoo.npz")


if __name__ == "__main__":
    main()
