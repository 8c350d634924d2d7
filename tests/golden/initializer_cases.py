"""Initializer / seed cases shared by gen_initializer.py (reference) and tests/test_initializer.py.

Every case is an expression string evaluated in a namespace built by ``namespace(...)``: ``I`` is the
``common.initializer`` module, ``mstype`` the dtype module, ``Tensor`` the Tensor class, ``S`` the
seed functions, ``np`` numpy, plus the custom Initializer subclasses defined in ``custom_classes``.
"""
import numpy as np

# (name, init expression, shape, dtype) - statistics of large draws
STAT_CASES = [
    ("normal_default", "I.Normal()", (1000, 1000), "float32"),
    ("normal_args", "I.Normal(sigma=0.5, mean=1.0)", (500, 400), "float32"),
    ("normal_pos_int32", "I.Normal(0.5, 1)", (1000, 500), "int32"),
    ("normal_pos_f16", "I.Normal(0.5, 1)", (1000, 500), "float16"),
    ("normal_pos_f64", "I.Normal(0.5, 1)", (1000, 500), "float64"),
    ("normal_bf16", "I.Normal(sigma=0.02)", (1000, 500), "bfloat16"),
    ("normal_alias_conv", "'normal'", (256, 128, 3, 3), "float32"),
    ("uniform_default", "I.Uniform()", (1000, 1000), "float32"),
    ("uniform_scale_conv", "I.Uniform(scale=2.5)", (256, 64, 3, 3), "float32"),
    ("uniform_negative_scale", "I.Uniform(scale=-1)", (1000, 500), "float32"),
    ("uniform_alias_f16", "'uniform'", (1000, 500), "float16"),
    ("uniform_int32", "I.Uniform(scale=3.0)", (1000, 500), "int32"),
    ("truncnormal_default", "I.TruncatedNormal()", (1000, 1000), "float32"),
    ("truncnormal_alias", "'truncatednormal'", (1000, 500), "float32"),
    ("truncnormal_narrow", "I.TruncatedNormal(sigma=1, a=-0.5, b=0.5)", (1000, 500), "float32"),
    ("truncnormal_shifted", "I.TruncatedNormal(sigma=2, mean=1, a=-2, b=3)", (1000, 500), "float32"),
    ("truncnormal_swapped", "I.TruncatedNormal(sigma=2, mean=1, a=2, b=-2)", (1000, 500), "float32"),
    ("truncnormal_tail", "I.TruncatedNormal(sigma=1, mean=0, a=3, b=4)", (1000, 500), "float32"),
    ("truncnormal_bf16", "I.TruncatedNormal(sigma=0.02)", (1000, 500), "bfloat16"),
    ("truncnormal_f16_conv", "I.TruncatedNormal(sigma=0.5)", (128, 64, 3, 3), "float16"),
    ("heuniform_default", "I.HeUniform()", (512, 256), "float32"),
    ("heuniform_alias_conv", "'he_uniform'", (256, 128, 3, 3), "float32"),
    ("heuniform_fanout_leaky", "I.HeUniform(negative_slope=0.2, mode='fan_out')", (128, 64, 3, 3), "float32"),
    ("heuniform_relu_upper", "I.HeUniform(mode='FAN_IN', nonlinearity='relu')", (1000, 300), "float32"),
    ("heuniform_tanh", "I.HeUniform(nonlinearity='tanh')", (1000, 500), "float32"),
    ("heuniform_conv1d", "'heuniform'", (640, 32, 5), "float32"),
    ("henormal_default", "I.HeNormal()", (512, 256), "float32"),
    ("henormal_fanout_relu", "I.HeNormal(mode='fan_out', nonlinearity='relu')", (256, 64, 3, 3), "float32"),
    ("henormal_slope", "I.HeNormal(negative_slope=1.5)", (1000, 200), "float32"),
    ("henormal_sigmoid_f16", "I.HeNormal(nonlinearity='sigmoid')", (1000, 200), "float16"),
    ("xavieruniform_default", "I.XavierUniform()", (512, 256), "float32"),
    ("xavieruniform_gain_conv", "I.XavierUniform(gain=2)", (128, 64, 3, 3), "float32"),
    ("xavieruniform_alias_conv3d", "'xavier_uniform'", (64, 32, 3, 3, 3), "float32"),
    ("xaviernormal_default", "I.XavierNormal()", (512, 256), "float32"),
    ("xaviernormal_gain_conv", "I.XavierNormal(gain=0.5)", (128, 64, 3, 3), "float32"),
    ("xaviernormal_alias", "'xaviernormal'", (1000, 200), "float32"),
    ("variancescaling_default", "I.VarianceScaling()", (512, 256), "float32"),
    ("variancescaling_alias", "'variancescaling'", (256, 128, 3, 3), "float32"),
    ("variancescaling_untruncated", "I.VarianceScaling(scale=2.0, mode='fan_out', "
                                    "distribution='untruncated_normal')", (128, 64, 3, 3), "float32"),
    ("variancescaling_uniform_avg", "I.VarianceScaling(mode='fan_avg', distribution='uniform')", (1000, 300),
     "float32"),
    ("sparse_rows10", "I.Sparse(sparsity=0.35, sigma=1.0)", (10, 100000), "float32"),
    ("sparse_default_sigma", "I.Sparse(0.1)", (1000, 500), "float32"),
    ("orthogonal_stats", "I.Orthogonal(gain=2.0)", (300, 500), "float32"),
]

# (name, expression producing a Tensor) - deterministic results compared exactly
EXACT_CASES = [
    ("identity_wide", "I.initializer(I.Identity(), (3, 5), mstype.float32)"),
    ("identity_tall_alias", "I.initializer('identity', [5, 3], mstype.float32)"),
    ("identity_int", "I.initializer('identity', (3, 3), mstype.int32)"),
    ("dirac_4d", "I.initializer(I.Dirac(), (4, 2, 3, 3), mstype.float32)"),
    ("dirac_groups", "I.initializer(I.Dirac(groups=2), (6, 4, 3, 3), mstype.float32)"),
    ("dirac_3d_alias", "I.initializer('dirac', (3, 5, 4), mstype.float32)"),
    ("dirac_5d_groups", "I.initializer(I.Dirac(groups=2), (4, 4, 3, 2, 3), mstype.float16)"),
    ("zero_int", "I.initializer(I.Zero(), (2, 3), mstype.int32)"),
    ("zeros_alias", "I.initializer('zeros', (2, 3), mstype.float32)"),
    ("zero_alias", "I.initializer('zero', 4, mstype.float64)"),
    ("one_bool", "I.initializer(I.One(), (2, 3), mstype.bool_)"),
    ("ones_f16", "I.initializer('ones', (2, 2), mstype.float16)"),
    ("one_alias_upper", "I.initializer('One', [3], mstype.int64)"),
    ("ones_scalar_shape", "I.initializer('ones', (), mstype.float32)"),
    ("const_int", "I.initializer(I.Constant(3), (2, 3), mstype.float32)"),
    ("const_float_to_int", "I.initializer(I.Constant(2.7), (2, 2), mstype.int32)"),
    ("const_negfloat_to_int", "I.initializer(-2.7, (2, 2), mstype.int32)"),
    ("const_bool", "I.initializer(True, (2,), mstype.float32)"),
    ("const_array1", "I.initializer(I.Constant(np.array([5.0])), (2, 2), mstype.float32)"),
    ("number_f64", "I.initializer(0.5, (2,), mstype.float64)"),
    ("number_int_shape", "I.initializer(7, 4, mstype.float32)"),
    ("number_default_dtype", "I.initializer(1.5, [2, 2])"),
    ("number_scalar_shape", "I.initializer(3, (), mstype.float32)"),
    ("number_bool_in_shape", "I.initializer(2, (True, 2), mstype.float32)"),
    ("custom_arange_f16", "I.initializer(Arange(), (2, 3), mstype.float16)"),
    ("custom_arange_int", "I.initializer(Arange(), (2, 3), mstype.int32)"),
    ("custom_subclass_of_normal", "I.initializer(FillSigma(sigma=3.0), (2, 2), mstype.float32)"),
    ("custom_subclass_of_zero", "I.initializer(OnesButZero(), (2, 2), mstype.float32)"),
    ("tensor_passthrough", "I.initializer(Tensor(np.arange(6, dtype=np.float32).reshape(2, 3)), (2, 3))"),
    ("tensor_passthrough_dtype", "I.initializer(Tensor(np.ones(3, np.float32)), 3, mstype.float16)"),
]

# (name, shape, gain) - Gram matrix of the flattened (semi-)orthogonal result
ORTHOGONAL_CASES = [
    ("orth_3d_gain2", (3, 4, 2), 2.0),
    ("orth_tall", (8, 3), 1.0),
    ("orth_square_half", (5, 5), 0.5),
    ("orth_conv", (16, 4, 3, 3), 1.0),
]

# (name, statements ending in an assignment to `out`) - Initializer.__call__ on numpy arrays
CALL_CASES = [
    ("call_normal_f32", "a = np.zeros((1000, 500), np.float32); r = I.Normal(sigma=0.5)(a); out = (r, a)"),
    ("call_xavier_f64", "a = np.zeros((500, 500), np.float64); r = I.XavierUniform()(a); out = (r, a)"),
    ("call_trunc_f16", "a = np.zeros((500, 400), np.float16); r = I.TruncatedNormal(1.0, a=-1, b=1.5)(a); "
                       "out = (r, a)"),
]
CALL_EXACT_CASES = [
    ("call_one_int", "a = np.zeros((2, 3), np.int32); r = I.One()(a); out = (r, a)"),
    ("call_const_int", "a = np.zeros((2, 2), np.int32); r = I.Constant(2.7)(a); out = (r, a)"),
    ("call_identity_f64", "a = np.zeros((2, 3), np.float64); r = I.Identity()(a); out = (r, a)"),
    ("call_dirac", "a = np.zeros((2, 2, 3), np.float32); r = I.Dirac()(a); out = (r, a)"),
    ("call_zero", "a = np.ones((2, 2), np.float32); r = I.Zero()(a); out = (r, a)"),
    ("call_scalar_one", "a = np.zeros((), np.float32); r = I.One()(a); out = (r, a)"),
]

# expression strings whose outcome (exception type, or "ok") is recorded
ERROR_CASES = [
    "I.initializer(I.Normal(sigma=-1), [2, 3])",
    "I.initializer(I.Normal(sigma=-1), [2, 3], mstype.float16)",
    "I.initializer(I.TruncatedNormal(sigma=-1), [2, 3])",
    "I.initializer(I.XavierNormal(gain=-1), [2, 3])",
    "I.initializer(I.XavierUniform(gain=-1), [2, 3])",
    "I.initializer(I.Uniform(scale=0), [2, 3])",
    "I.initializer(I.Constant(np.array([1., 2., 3.])), [2, 3])",
    "I.initializer('normal')",
    "I.initializer(I.Normal())",
    "I.initializer('normal', [2, 0])",
    "I.initializer('normal', [2, -1])",
    "I.initializer('normal', [2, 1.0])",
    "I.initializer('normal', 2.0)",
    "I.initializer('normal', (np.int64(3),))",
    "I.initializer('foo', [2])",
    "I.initializer('constant', [2])",
    "I.initializer('sparse', [2, 2])",
    "I.initializer([1, 2], [2])",
    "I.initializer(None, [2])",
    "I.initializer(I.Zero, [3])",
    "I.initializer(np.ones(3), [3])",
    "I.initializer(Tensor(np.ones((2, 3), np.float32)), [3, 2])",
    "I.initializer(Tensor(np.ones((2, 3), np.float32)))",
    "I.initializer('normal', [3], 'float32')",
    "I.initializer('normal', [3], np.float32)",
    "I.initializer('xavier_uniform', [3])",
    "I.initializer('he_uniform', [3])",
    "I.initializer('he_normal', ())",
    "I.initializer(I.HeUniform(mode='foo'), [3, 3])",
    "I.initializer(I.HeNormal(nonlinearity='gelu'), [3, 3])",
    "I.initializer(I.HeNormal(negative_slope='a'), [3, 3])",
    "I.initializer(I.HeNormal(negative_slope=True), [3, 3])",
    "I.initializer(I.HeNormal(negative_slope=None), [3, 3])",
    "I.initializer(I.HeNormal(nonlinearity='relu', negative_slope='a'), [3, 3])",
    "I.initializer('identity', [3, 3, 3])",
    "I.initializer('identity', [3])",
    "I.initializer('dirac', [3, 3])",
    "I.initializer(I.Dirac(groups=2), [3, 3, 3])",
    "I.initializer('orthogonal', [3])",
    "I.initializer(I.Sparse(0.5), [3, 3, 3])",
    "I.initializer('variancescaling', [3])",
    "I.VarianceScaling(scale=0)",
    "I.VarianceScaling(scale=-1.0)",
    "I.VarianceScaling(mode='x')",
    "I.VarianceScaling(mode='FAN_IN')",
    "I.VarianceScaling(distribution='x')",
    "I.VarianceScaling(distribution='truncated_norm')",
    "I.initializer(I.Initializer(), [3])",
    "I.Initializer()(np.zeros(3))",
    "I.Sparse()",
    "I._calculate_fan_in_and_fan_out((3,))",
    "I._calculate_correct_fan((3, 3), 'fan_avg')",
    "I._calculate_gain('gelu')",
]

FAN_SHAPES = [(3, 4), (64, 32, 3, 3), (16, 8, 5), (4, 2, 3, 3, 3), (7, 1)]
GAIN_CASES = [("linear", None), ("conv2d", None), ("conv_transpose3d", None), ("sigmoid", None), ("tanh", None),
              ("relu", None), ("leaky_relu", None), ("leaky_relu", 0), ("leaky_relu", 0.2), ("leaky_relu", 3)]

# constructor expressions whose attributes / _kwargs are recorded
ATTR_CASES = ["I.Normal()", "I.Normal(sigma=2)", "I.Uniform()", "I.TruncatedNormal()", "I.HeUniform()",
              "I.HeNormal(mode='fan_out')", "I.XavierUniform()", "I.XavierNormal(gain=3)", "I.Constant(4)",
              "I.Zero()", "I.One()", "I.Identity()", "I.Orthogonal()", "I.Dirac(groups=2)", "I.Sparse(0.3)",
              "I.VarianceScaling()", "I.Initializer(a=1)"]

SEED_ERROR_CASES = ["S.set_seed(True)", "S.set_seed(2**32 - 1)", "S.set_seed(2**32)", "S.set_seed(-1)",
                    "S.set_seed(1.0)", "S.set_seed(np.int64(3))", "S.set_seed(0)", "S.set_seed('1')",
                    "S.manual_seed(5.0)", "S.manual_seed(-5)", "S.manual_seed(13)", "S.manual_seed(True)"]


def custom_classes(I):  # noqa: E741 - the module alias used in the case strings
    """Initializer subclasses written against the reference API (they fill numpy arrays)."""

    class Arange(I.Initializer):
        def _initialize(self, arr):
            arr[...] = (np.arange(arr.size).reshape(arr.shape) * 0.5 - 1).astype(arr.dtype)

    class FillSigma(I.Normal):
        def _initialize(self, arr):
            arr.fill(self.sigma)

    class OnesButZero(I.Zero):
        def _initialize(self, arr):
            arr.fill(1)

    return {"Arange": Arange, "FillSigma": FillSigma, "OnesButZero": OnesButZero}


def namespace(I, mstype, Tensor, S):  # noqa: E741
    ns = {"I": I, "mstype": mstype, "Tensor": Tensor, "S": S, "np": np}
    ns.update(custom_classes(I))
    return ns


def outcome(fn):
    """'ok' or the exception's type name."""
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return type(e).__name__
    return "ok"


def stats(a):
    a = np.asarray(a, dtype=np.float64)
    return {"mean": float(a.mean()), "std": float(a.std()), "min": float(a.min()), "max": float(a.max()),
            "zero_frac": float(np.mean(a == 0)), "n": int(a.size)}


def public_attrs(obj):
    d = {k: v for k, v in vars(obj).items() if not k.startswith("_")}
    d["_kwargs"] = dict(obj._kwargs)
    return {k: (v if isinstance(v, (int, float, str, type(None), dict)) else repr(v)) for k, v in d.items()}


RANDOM_INITS = ["'normal'", "'uniform'", "I.TruncatedNormal()", "I.HeUniform()", "I.HeNormal()",
                "I.XavierUniform()", "I.XavierNormal()", "I.Orthogonal()", "I.Sparse(0.3)",
                "I.VarianceScaling(distribution='untruncated_normal')"]


def seed_properties(ns, to_numpy):
    """For each random initializer: whether set_seed(11) twice reproduces the draws (float32 and float16), whether
    set_seed(12) changes them, whether two successive draws differ, whether float32 and float16 draws differ, and
    whether np.random.seed alone (no set_seed) reproduces a draw. The random streams of MindSpore and torch differ,
    so these properties, not the values, are what lightspore shares with the reference."""
    import numpy as np
    I, S, mstype = ns["I"], ns["S"], ns["mstype"]  # noqa: E741
    out = {}
    for expr in RANDOM_INITS:
        def draws(expr=expr):
            return [to_numpy(I.initializer(eval(expr, ns), (16, 8), dt)) for dt in (mstype.float32, mstype.float16)]
        S.set_seed(11)
        a = draws()
        S.set_seed(11)
        b = draws()
        S.set_seed(12)
        c = draws()
        S.set_seed(11)
        d1 = to_numpy(I.initializer(eval(expr, ns), (16, 8)))
        d2 = to_numpy(I.initializer(eval(expr, ns), (16, 8)))
        np.random.seed(3)
        e1 = to_numpy(I.initializer(eval(expr, ns), (5, 5)))
        np.random.seed(3)
        e2 = to_numpy(I.initializer(eval(expr, ns), (5, 5)))
        out[expr] = {"same_seed_equal": all(np.array_equal(x, y) for x, y in zip(a, b)),
                     "other_seed_differs": not np.array_equal(a[0], c[0]),
                     "successive_differ": not np.array_equal(d1, d2),
                     "float16_differs": not np.array_equal(a[0], a[1].astype(np.float32)),
                     "numpy_seed_alone_equal": bool(np.array_equal(e1, e2))}
    return out
