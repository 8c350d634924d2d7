"""Cases for ``mindspore.nn.probability`` (distributions and bijectors), shared by gen_probability.py (run with
the reference python: writes probability.json) and tests/test_probability.py (lightspore).

Each case is a function of the framework module returning a JSON-able value; an exception becomes
``{"error": <type name>}``. Nothing here imports either framework.
"""
import inspect

import numpy as np

CASES = {}

DIST_METHODS = ("prob", "log_prob", "cdf", "log_cdf", "survival_function", "log_survival")
STAT_METHODS = ("mean", "mode", "sd", "var", "entropy")
BIJ_METHODS = ("forward", "inverse", "forward_log_jacobian", "inverse_log_jacobian")


def _v(x):
    """Tensors -> {shape, dtype, value}; containers recurse; dtypes and cells -> their names."""
    if hasattr(x, "asnumpy"):
        return {"shape": list(x.shape), "dtype": str(x.dtype), "value": np.asarray(x.asnumpy()).tolist()}
    if isinstance(x, (tuple, list)):
        return [_v(y) for y in x]
    if isinstance(x, dict):
        return {str(k): _v(y) for k, y in x.items()}
    if isinstance(x, (bool, int, float, str)) or x is None:
        return x
    if hasattr(x, "construct"):
        return "cell:" + type(x).__name__
    return str(x)


def _run(fn):
    try:
        return _v(fn())
    except Exception as e:   # noqa: BLE001 - the type is the result
        return {"error": type(e).__name__}


def _t(ms, x, dtype=None):
    return ms.Tensor(np.asarray(x, dtype=np.float32), dtype=dtype or ms.float32)


# ---- distributions: name -> (class, constructor kwargs, values, per-call parameters, kl/cross-entropy args) ------
# constructor kwargs / per-call parameters / kl args are functions of the framework module
def _f32(*xs):
    return lambda ms: [_t(ms, x) for x in xs]


DISTS = {
    "normal_scalar": ("Normal", lambda ms: dict(mean=0.5, sd=2.0), [-1., 0., 0.5, 3.], None,
                      lambda ms: ["Normal", _t(ms, 1.), _t(ms, 1.5)]),
    "normal_batch": ("Normal", lambda ms: dict(mean=np.array([0., 1., -1.], np.float32),
                                                sd=np.array([1., 2., 0.5], np.float32)),
                     [[0.2], [1.5]], None, lambda ms: ["Normal", _t(ms, [0., 1., 2.]), _t(ms, [1., 1., 3.])]),
    "normal_call": ("Normal", lambda ms: {}, [0.3, -0.7], _f32([0.1, 0.2], [1.5]),
                    lambda ms: ["Normal", _t(ms, 1.), _t(ms, 2.), _t(ms, [0.1, 0.2]), _t(ms, [1.5])]),
    "normal_f16": ("Normal", lambda ms: dict(mean=0.5, sd=2.0, dtype=ms.float16), [-1., 0.5, 3.], None, None),
    "normal_f64_np": ("Normal", lambda ms: dict(mean=np.array([0., 1.]), sd=np.array([1., 3.])), [0.5], None,
                      None),
    "normal_f64": ("Normal", lambda ms: dict(mean=0.5, sd=2.0, dtype=ms.float64), [-1., 0.5, 3.], None,
                   lambda ms: ["Normal", ms.Tensor(1., ms.float64), ms.Tensor(2., ms.float64)]),
    "exponential_np64": ("Exponential", lambda ms: dict(rate=np.array([0.5, 2.])), [[1.], [2.]], None, None),
    "uniform_f16": ("Uniform", lambda ms: dict(low=0., high=2., dtype=ms.float16), [0.5, 1.5, 3.], None, None),
    "lognormal_f16": ("LogNormal", lambda ms: dict(loc=0., scale=1., dtype=ms.float16), [0.5, 1.5], None, None),
    "bernoulli_scalar": ("Bernoulli", lambda ms: dict(probs=0.3), [0., 1., 0.5, -1., 2.], None,
                         lambda ms: ["Bernoulli", _t(ms, 0.6)]),
    "bernoulli_batch_f32": ("Bernoulli", lambda ms: dict(probs=np.array([0.2, 0.7], np.float32), dtype=ms.float32),
                            [[0.], [1.]], None, lambda ms: ["Bernoulli", _t(ms, [0.5, 0.5])]),
    "bernoulli_call": ("Bernoulli", lambda ms: {}, [0., 1.], _f32([0.25, 0.8]),
                       lambda ms: ["Bernoulli", _t(ms, 0.4), _t(ms, [0.25, 0.8])]),
    "categorical": ("Categorical", lambda ms: dict(probs=[0.2, 0.3, 0.5]), [0., 1., 2., 3., -0.5, 1.7, -2.], None,
                    lambda ms: ["Categorical", _t(ms, [0.5, 0.25, 0.25])]),
    "categorical_scalar_value": ("Categorical", lambda ms: dict(probs=[0.2, 0.3, 0.5]), 2., None, None),
    "categorical_batch": ("Categorical", lambda ms: dict(probs=np.array([[0.1, 0.9], [0.6, 0.4]], np.float32)),
                          [[0.], [1.]], None, lambda ms: ["Categorical", _t(ms, [[0.5, 0.5], [0.3, 0.7]])]),
    "categorical_call": ("Categorical", lambda ms: {}, [1., 0.], _f32([0.3, 0.7]),
                         lambda ms: ["Categorical", _t(ms, [0.5, 0.5]), _t(ms, [0.3, 0.7])]),
    "uniform": ("Uniform", lambda ms: dict(low=0., high=2.), [-1., 0., 0.5, 1.99, 2., 3.], None,
                lambda ms: ["Uniform", _t(ms, -1.), _t(ms, 3.)]),
    "uniform_batch": ("Uniform", lambda ms: dict(low=np.array([0., -1.], np.float32),
                                                 high=np.array([1., 4.], np.float32)),
                      [[0.5], [2.]], None, lambda ms: ["Uniform", _t(ms, [0.2, -2.]), _t(ms, [3., 5.])]),
    "uniform_call": ("Uniform", lambda ms: {}, [0.5], _f32([0., 0.25], [1.]),
                     lambda ms: ["Uniform", _t(ms, 0.), _t(ms, 2.), _t(ms, [0., 0.25]), _t(ms, [1.])]),
    "exponential": ("Exponential", lambda ms: dict(rate=2.), [-1., 0., 0.5, 2.], None,
                    lambda ms: ["Exponential", _t(ms, 0.5)]),
    "exponential_call": ("Exponential", lambda ms: {}, [0.5, 1.], _f32([1., 3.]),
                         lambda ms: ["Exponential", _t(ms, 0.5), _t(ms, [1., 3.])]),
    "geometric": ("Geometric", lambda ms: dict(probs=0.4), [-1., 0., 1., 2.5], None,
                  lambda ms: ["Geometric", _t(ms, 0.7)]),
    "geometric_call": ("Geometric", lambda ms: {}, [0., 3.], _f32([0.2, 0.9]),
                       lambda ms: ["Geometric", _t(ms, 0.5), _t(ms, [0.2, 0.9])]),
    "gamma": ("Gamma", lambda ms: dict(concentration=_t(ms, [2., 3.]), rate=_t(ms, [1.5, 0.5])), [[0.5], [2.]],
              None, lambda ms: ["Gamma", _t(ms, [1., 2.]), _t(ms, [1., 1.])]),
    "gamma_small": ("Gamma", lambda ms: dict(concentration=_t(ms, [0.5]), rate=_t(ms, [2.])), [0.1, 1.], None,
                    None),
    "gamma_call": ("Gamma", lambda ms: {}, [1.], _f32([2., 0.5], [1.]),
                   lambda ms: ["Gamma", _t(ms, 1.), _t(ms, 2.), _t(ms, [2., 0.5]), _t(ms, [1.])]),
    "beta": ("Beta", lambda ms: dict(concentration1=_t(ms, [2., 0.5]), concentration0=_t(ms, [3., 1.5])),
             [[0.2], [0.5], [0.9]], None, lambda ms: ["Beta", _t(ms, [1., 1.]), _t(ms, [2., 2.])]),
    "beta_call": ("Beta", lambda ms: {}, [0.3], _f32([2., 4.], [3.]),
                  lambda ms: ["Beta", _t(ms, 1.), _t(ms, 2.), _t(ms, [2., 4.]), _t(ms, [3.])]),
    "lognormal": ("LogNormal", lambda ms: dict(loc=0.3, scale=1.2), [0.5, 1., 2., -1.], None,
                  lambda ms: ["LogNormal", _t(ms, 0.), _t(ms, 1.)]),
    "lognormal_batch": ("LogNormal", lambda ms: dict(loc=np.array([0., 1.], np.float32),
                                                     scale=np.array([1., 0.5], np.float32)),
                        [[0.5], [3.]], None, lambda ms: ["LogNormal", _t(ms, [0., 0.]), _t(ms, [2., 2.])]),
    "lognormal_call": ("LogNormal", lambda ms: {}, [0.7], _f32([0.1, 0.2], [1.5]),
                       lambda ms: ["LogNormal", _t(ms, 1.), _t(ms, 2.), _t(ms, [0.1, 0.2]), _t(ms, [1.5])]),
    "logistic": ("Logistic", lambda ms: dict(loc=0.5, scale=2.), [-3., 0., 1., 30., -30., 200.], None, None),
    "logistic_call": ("Logistic", lambda ms: {}, [0.5], _f32([0., 1.], [2.]), None),
    "gumbel": ("Gumbel", lambda ms: dict(loc=0.5, scale=2.), [-3., 0., 1., 5.], None,
               lambda ms: ["Gumbel", _t(ms, 1.), _t(ms, 1.5)]),
    "gumbel_batch": ("Gumbel", lambda ms: dict(loc=_t(ms, [0., 1.]), scale=_t(ms, [1., 2.])), [[0.5], [2.]], None,
                     lambda ms: ["Gumbel", _t(ms, [0., 0.]), _t(ms, [2., 2.])]),
    "cauchy": ("Cauchy", lambda ms: dict(loc=0.5, scale=2.), [-3., 0., 1., 5.], None,
               lambda ms: ["Cauchy", _t(ms, 1.), _t(ms, 1.5)]),
    "cauchy_call": ("Cauchy", lambda ms: {}, [0.5], _f32([0., 1.], [2.]),
                    lambda ms: ["Cauchy", _t(ms, 1.), _t(ms, 3.), _t(ms, [0., 1.]), _t(ms, [2.])]),
    "poisson": ("Poisson", lambda ms: dict(rate=_t(ms, [2., 0.5])), [[-1.], [0.], [1.], [2.5], [3.]], None, None),
    "poisson_call": ("Poisson", lambda ms: {}, [2.], _f32([1., 4.]), None),
    "halfnormal": ("HalfNormal", lambda ms: dict(mean=0., sd=1.5), [-1., 0., 1., 2.], None, None),
    "laplace": ("Laplace", lambda ms: dict(mean=0.5, sd=2.), [-1., 0.5, 3.], None, None),
    "laplace_call": ("Laplace", lambda ms: {}, [0.], _f32([0., 1.], [2.]), None),
    "studentt": ("StudentT", lambda ms: dict(df=3., mean=0.5, sd=2.), [-1., 0.5, 3.], None, None),
    "studentt_call": ("StudentT", lambda ms: {}, [0.5], _f32([3., 10.], [0.], [1.]), None),
}


def _props(d):
    out = {}
    for name in ("name", "dtype", "seed", "is_scalar_batch", "batch_shape", "broadcast_shape", "parameter_type",
                 "parameter_names", "default_parameters", "parameters"):
        out[name] = _run(lambda name=name: getattr(d, name))
    out["extend_repr"] = _run(d.extend_repr)
    out["cells"] = _run(lambda: sorted(d.name_cells()))
    out["params"] = _run(lambda: [[n, list(p.shape)] for n, p in d.parameters_and_names()])
    return out


def _dist_case(key):
    cls_name, make_kwargs, values, call_params, kl_args = DISTS[key]

    def case(ms):
        msd = ms.nn.probability.distribution
        d = getattr(msd, cls_name)(**make_kwargs(ms))
        x = _t(ms, values)
        params = call_params(ms) if call_params else []
        out = {"props": _props(d)}
        for m in DIST_METHODS:
            out[m] = _run(lambda m=m: getattr(d, m)(x, *params))
        for m in STAT_METHODS:
            out[m] = _run(lambda m=m: getattr(d, m)(*params))
        out["construct_log_prob"] = _run(lambda: d("log_prob", x, *params))
        out["construct_mean"] = _run(lambda: d("mean", *params))
        out["get_dist_type"] = _run(d.get_dist_type)
        out["get_dist_args"] = _run(lambda: d.get_dist_args(*params))
        out["get_dist_args_default"] = _run(d.get_dist_args)
        if kl_args:
            out["kl_loss"] = _run(lambda: d.kl_loss(*kl_args(ms)))
            out["cross_entropy"] = _run(lambda: d.cross_entropy(*kl_args(ms)))
        sample = _run(lambda: d.sample((4, 2), *params))
        out["sample_shape"] = sample if isinstance(sample, dict) and "error" in sample else \
            [sample["shape"], sample["dtype"]]
        s0 = _run(lambda: d.sample((), *params))
        out["sample_shape_0d"] = s0 if isinstance(s0, dict) and "error" in s0 else [s0["shape"], s0["dtype"]]
        return out
    return case


for _key in DISTS:
    CASES["dist_" + _key] = _dist_case(_key)


# ---- bijectors ---------------------------------------------------------------------------------------------
def _bij(ms, spec):
    msb = ms.nn.probability.bijector
    return {
        "exp": lambda: msb.Exp(),
        "power_2": lambda: msb.PowerTransform(2.),
        "power_half_batch": lambda: msb.PowerTransform(_t(ms, [0.5, 0., 1.5])),
        "scalar_affine": lambda: msb.ScalarAffine(2., 1.),
        "scalar_affine_neg": lambda: msb.ScalarAffine(_t(ms, [-0.5, 3.]), _t(ms, [1., -2.])),
        "softplus": lambda: msb.Softplus(),
        "softplus_sharp": lambda: msb.Softplus(2.5),
        "gumbel_cdf": lambda: msb.GumbelCDF(0.5, 2.),
        "invert_exp": lambda: msb.Invert(msb.Exp()),
        "invert_softplus": lambda: msb.Invert(msb.Softplus(0.5), name="inv"),
        "invert_gumbel": lambda: msb.Invert(msb.GumbelCDF(0.5, 2.)),
    }[spec]()


BIJ_VALUES = {
    "exp": [-2., 0., 0.5, 2.], "power_2": [0., 0.5, 2.], "power_half_batch": [[0.5], [2.]],
    "scalar_affine": [-2., 0., 1.5], "scalar_affine_neg": [[0.5], [-1.]],
    "softplus": [-30., -1., 0., 1., 30.], "softplus_sharp": [-10., 0.1, 0.5, 8.],
    "gumbel_cdf": [0.1, 0.5, 0.9], "invert_exp": [0.5, 1., 3.], "invert_softplus": [0.2, 1., 5.],
    "invert_gumbel": [0.1, 0.5, 0.9],
}


def _bij_case(spec):
    def case(ms):
        b = _bij(ms, spec)
        x = _t(ms, BIJ_VALUES[spec])
        out = {m: _run(lambda m=m: getattr(b, m)(x)) for m in BIJ_METHODS}
        out["construct_forward"] = _run(lambda: b("forward", x))
        out["x64"] = _run(lambda: b.forward(ms.Tensor(np.asarray(BIJ_VALUES[spec], np.float64))))
        for name in ("name", "dtype", "is_constant_jacobian", "is_injective", "batch_shape", "is_scalar_batch",
                     "parameters"):
            out[name] = _run(lambda name=name: getattr(b, name))
        out["extend_repr"] = _run(b.extend_repr)
        out["cells"] = _run(lambda: sorted(b.name_cells()))
        out["shape_mapping"] = _run(lambda: b.shape_mapping((4, 1)))
        return out
    return case


for _key in BIJ_VALUES:
    CASES["bij_" + _key] = _bij_case(_key)



def case(fn):
    CASES[fn.__name__] = fn
    return fn


# ---- transformed distributions -----------------------------------------------------------------------------
@case
def transformed_affine_normal(ms):
    msb, msd = ms.nn.probability.bijector, ms.nn.probability.distribution
    d = msd.TransformedDistribution(msb.ScalarAffine(2., 1.), msd.Normal(0.5, 1.5), seed=3, name="aff")
    x = _t(ms, [-1., 0., 2.])
    out = {m: _run(lambda m=m: getattr(d, m)(x)) for m in DIST_METHODS}
    out.update({m: _run(lambda m=m: getattr(d, m)()) for m in STAT_METHODS})
    out["props"] = _props(d)
    out["is_linear_transformation"] = d.is_linear_transformation
    out["sample_shape"] = _run(lambda: list(d.sample((3,)).shape))
    return out


@case
def transformed_exp_normal_call(ms):
    msb, msd = ms.nn.probability.bijector, ms.nn.probability.distribution
    d = msb.Exp()(msd.Normal())        # Bijector.__call__ on a Distribution
    x = _t(ms, [0.5, 2.])
    m, s = _t(ms, [0., 1.]), _t(ms, [1.])
    out = {m_: _run(lambda m_=m_: getattr(d, m_)(x, m, s)) for m_ in DIST_METHODS}
    out["type"] = type(d).__name__
    out["mean"] = _run(lambda: d.mean(m, s))
    out["props"] = _props(d)
    return out


@case
def keyword_arguments(ms):
    msd = ms.nn.probability.distribution
    d = msd.Normal()
    x = _t(ms, [0.5, 1.])
    m, s = _t(ms, [0., 1.]), _t(ms, [2.])
    return {"log_prob": _run(lambda: d.log_prob(x, mean=m, sd=s)),
            "log_prob_sd_only": _run(lambda: msd.Normal(0.5, 1.).log_prob(x, sd=s)),
            "kl": _run(lambda: d.kl_loss("Normal", mean_b=m, sd_b=s, mean=_t(ms, 1.), sd=_t(ms, 1.))),
            "construct_kw": _run(lambda: d("cdf", x, mean=m, sd=s)),
            "sample_kw": _run(lambda: list(d.sample(shape=(3,), mean=m, sd=s).shape)),
            "bernoulli_int_value": _run(lambda: msd.Bernoulli(0.3).prob(ms.Tensor(np.array([0, 1], np.int32)))),
            "categorical_int_value": _run(lambda: msd.Categorical([0.2, 0.8]).log_prob(
                ms.Tensor(np.array([1, 0], np.int32)))),
            "get_dist_args_kw": _run(lambda: msd.Normal(0., 1.).get_dist_args(sd=s))}


@case
def transformed_softplus_uniform(ms):
    msb, msd = ms.nn.probability.bijector, ms.nn.probability.distribution
    d = msd.TransformedDistribution(msb.Softplus(2.), msd.Uniform(-1., 1.))
    x = _t(ms, [0.2, 0.7, 1.5, 3.])
    return {m: _run(lambda m=m: getattr(d, m)(x)) for m in DIST_METHODS}


# ---- gradients (grad of a scalar with respect to the inputs) -------------------------------------------------
def _grad(ms, fn, *args):
    pos = tuple(range(len(args)))
    return _run(lambda: ms.grad(fn, grad_position=pos)(*args))


GRADS = {
    "normal_log_prob": ("Normal", [[0.3], [-1.], [2.]], ([0.5, 0.], [1.5, 2.]), "log_prob"),
    "normal_cdf": ("Normal", [0.3, -1.], ([0.5], [1.5]), "cdf"),
    "exponential_log_prob": ("Exponential", [0.3, 2.], ([0.5, 2.],), "log_prob"),
    "uniform_log_prob": ("Uniform", [0.3, 0.9], ([0.], [2.]), "log_prob"),
    "gamma_log_prob": ("Gamma", [0.5, 2.], ([2., 0.7], [1.5, 1.]), "log_prob"),
    "gamma_cdf": ("Gamma", [0.5, 2.], ([2., 0.7], [1.5, 1.]), "cdf"),
    "beta_log_prob": ("Beta", [0.3, 0.8], ([2., 0.7], [1.5, 3.]), "log_prob"),
    "lognormal_log_prob": ("LogNormal", [0.5, 2.], ([0.2], [1.3]), "log_prob"),
    "logistic_log_prob": ("Logistic", [0.5, -2.], ([0.2], [1.3]), "log_prob"),
    "cauchy_log_prob": ("Cauchy", [0.5, -2.], ([0.2], [1.3]), "log_prob"),
    "cauchy_log_cdf": ("Cauchy", [0.5, -2.], ([0.2], [1.3]), "log_cdf"),
    "bernoulli_log_prob": ("Bernoulli", [0., 1.], ([0.3, 0.6],), "log_prob"),
    "geometric_log_prob": ("Geometric", [0., 2.], ([0.3, 0.6],), "log_prob"),
    "categorical_log_prob": ("Categorical", [0., 2.], ([0.2, 0.3, 0.5],), "log_prob"),
    "poisson_log_prob": ("Poisson", [0., 2.], ([1.5, 3.],), "log_prob"),
    "studentt_log_prob": ("StudentT", [0.5, -2.], ([3.], [0.2], [1.3]), "log_prob"),
    "laplace_log_prob": ("Laplace", [0.5, -2.], ([0.2], [1.3]), "log_prob"),
    "halfnormal_prob": ("HalfNormal", [0.5, 2.], ([0.], [1.3]), "prob"),
    "normal_entropy": ("Normal", None, ([0.5], [1.5, 2.]), "entropy"),
    "gamma_entropy": ("Gamma", None, ([2., 0.7], [1.5, 1.]), "entropy"),
    "beta_entropy": ("Beta", None, ([2., 0.7], [1.5, 3.]), "entropy"),
    "beta_mean": ("Beta", None, ([2., 0.7], [1.5, 3.]), "mean"),
    "lognormal_mean": ("LogNormal", None, ([0.2], [1.3]), "mean"),
    "gamma_sd": ("Gamma", None, ([2., 0.7], [1.5, 1.]), "sd"),
    "categorical_entropy": ("Categorical", None, ([0.2, 0.3, 0.5],), "entropy"),
}


def _grad_case(key):
    cls_name, value, params, method = GRADS[key]

    def case(ms):
        d = getattr(ms.nn.probability.distribution, cls_name)()
        args = [_t(ms, p) for p in params]
        if value is None:
            return _grad(ms, lambda *a: getattr(d, method)(*a).sum(), *args)
        x = _t(ms, value)
        return _grad(ms, lambda *a: getattr(d, method)(x, *a).sum(), *args)
    return case


for _key in GRADS:
    CASES["grad_" + _key] = _grad_case(_key)


@case
def grad_kl_normal(ms):
    d = ms.nn.probability.distribution.Normal()
    args = [_t(ms, [0.5, 1.]), _t(ms, [2.]), _t(ms, [0.]), _t(ms, [1.5])]
    return _grad(ms, lambda a, b, c, e: d.kl_loss("Normal", a, b, c, e).sum(), *args)


@case
def grad_kl_gamma(ms):
    d = ms.nn.probability.distribution.Gamma()
    args = [_t(ms, [0.5, 1.]), _t(ms, [2.]), _t(ms, [3.]), _t(ms, [1.5])]
    return _grad(ms, lambda a, b, c, e: d.kl_loss("Gamma", a, b, c, e).sum(), *args)


@case
def grad_gumbel_value(ms):
    d = ms.nn.probability.distribution.Gumbel(0.5, 2.)
    return _grad(ms, lambda x: (d.log_prob(x) + d.cdf(x)).sum(), _t(ms, [0., 1., 3.]))


@case
def grad_transformed_value(ms):
    msb, msd = ms.nn.probability.bijector, ms.nn.probability.distribution
    d = msd.TransformedDistribution(msb.Softplus(1.5), msd.Normal(0.5, 1.))
    return _grad(ms, lambda x: d.log_prob(x).sum(), _t(ms, [0.3, 1., 3.]))


@case
def grad_bijectors(ms):
    out = {}
    for spec in BIJ_VALUES:
        b = _bij(ms, spec)
        for m in BIJ_METHODS:
            out[f"{spec}.{m}"] = _grad(ms, lambda x, m=m, b=b: getattr(b, m)(x).sum(), _t(ms, BIJ_VALUES[spec]))
    return out


@case
def grad_parameters_in_cell(ms):
    """value_and_grad of a Cell whose distribution holds Parameters (the weights)."""
    msd = ms.nn.probability.distribution

    class Net(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.mu = ms.Parameter(_t(ms, [0.5, -0.5]), name="mu")
            self.sigma = ms.Parameter(_t(ms, [1.5, 0.7]), name="sigma")
            self.dist = msd.Normal(self.mu, self.sigma)

        def construct(self, x):
            return -self.dist.log_prob(x).sum() + self.dist.kl_loss("Normal", _t(ms, 0.), _t(ms, 1.)).sum()

    net = Net()
    fn = ms.value_and_grad(net, None, net.trainable_params())
    loss, grads = fn(_t(ms, [0.3, 1.2]))
    return {"loss": _v(loss), "grads": _v(grads),
            "names": [p.name for p in net.trainable_params()],
            "cells": [n for n, _ in net.cells_and_names()]}


# ---- errors ------------------------------------------------------------------------------------------------
def _errors(ms):
    msb, msd = ms.nn.probability.bijector, ms.nn.probability.distribution
    x = _t(ms, [0.5])
    return {
        "normal_int_dtype": lambda: msd.Normal(dtype=ms.int32),
        "normal_neg_sd": lambda: msd.Normal(0., -1.),
        "normal_zero_sd": lambda: msd.Normal(0., 0.),
        "normal_neg_seed": lambda: msd.Normal(seed=-1),
        "normal_float_seed": lambda: msd.Normal(seed=1.5),
        "normal_int_name": lambda: msd.Normal(name=1),
        "normal_bool_param": lambda: msd.Normal(True, 1.),
        "normal_str_param": lambda: msd.Normal("a", 1.),
        "normal_bad_broadcast": lambda: msd.Normal(np.zeros(3, np.float32), np.ones(2, np.float32)),
        "normal_mixed_np_dtypes": lambda: msd.Normal(np.zeros(3, np.float32), np.ones(3)),
        "normal_no_params": lambda: msd.Normal().log_prob(x),
        "normal_one_param": lambda: msd.Normal().mean(_t(ms, 0.)),
        "normal_float_value": lambda: msd.Normal(0., 1.).log_prob(0.5),
        "normal_numpy_value": lambda: msd.Normal(0., 1.).cdf(np.array([0.5], np.float32)),
        "normal_mixed_param_dtypes": lambda: msd.Normal().log_prob(x, _t(ms, 1.), _t(ms, 1., ms.float16)),
        "normal_float_param": lambda: msd.Normal().log_prob(x, 0., 1.),
        "normal_list_shape": lambda: msd.Normal(0., 1.).sample([2]),
        "normal_kl_wrong_dist": lambda: msd.Normal(0., 1.).kl_loss("Gamma", _t(ms, 1.), _t(ms, 1.)),
        "normal_kl_none_dist": lambda: msd.Normal(0., 1.).kl_loss(None, _t(ms, 1.), _t(ms, 1.)),
        "normal_kl_float_arg": lambda: msd.Normal(0., 1.).kl_loss("Normal", 1., _t(ms, 1.)),
        "normal_value_not_broadcast": lambda: msd.Normal().log_prob(_t(ms, [1., 2., 3.]), _t(ms, [0., 1.]),
                                                                    _t(ms, [1.])),
        "exponential_value_not_broadcast": lambda: msd.Exponential(np.ones(2, np.float32)).cdf(_t(ms, [1., 2., 3.])),
        "normal_construct_unknown": lambda: msd.Normal(0., 1.)("foo", x),
        "bernoulli_prob_gt1": lambda: msd.Bernoulli(1.5),
        "bernoulli_prob_0": lambda: msd.Bernoulli(0.),
        "bernoulli_bool_dtype": lambda: msd.Bernoulli(0.5, dtype=ms.bool_),
        "categorical_sum": lambda: msd.Categorical([0.5, 0.6]),
        "categorical_rank0": lambda: msd.Categorical(0.5),
        "categorical_zero": lambda: msd.Categorical([0., 1.]),
        "uniform_low_high": lambda: msd.Uniform(2., 1.),
        "uniform_equal": lambda: msd.Uniform(1., 1.),
        "gamma_scalar": lambda: msd.Gamma(2., 1.),
        "beta_scalar": lambda: msd.Beta(2., 1.),
        "beta_negative": lambda: msd.Beta(_t(ms, [-1.]), _t(ms, [1.])),
        "poisson_scalar": lambda: msd.Poisson(2.),
        "poisson_negative": lambda: msd.Poisson(_t(ms, [-2.])),
        "exponential_negative": lambda: msd.Exponential(-1.),
        "geometric_one": lambda: msd.Geometric(1.0),
        "cauchy_mean": lambda: msd.Cauchy(0., 1.).mean(),
        "cauchy_var": lambda: msd.Cauchy(0., 1.).var(),
        "halfnormal_mean": lambda: msd.HalfNormal(0., 1.).mean(),
        "halfnormal_cdf": lambda: msd.HalfNormal(0., 1.).cdf(x),
        "laplace_cdf": lambda: msd.Laplace(0., 1.).cdf(x),
        "studentt_sample": lambda: msd.StudentT(3., 0., 1.).sample(),
        "studentt_neg_df": lambda: msd.StudentT(-3., 0., 1.),
        "poisson_entropy": lambda: msd.Poisson(_t(ms, [2.])).entropy(),
        "base_get_dist_type": lambda: msd.Distribution(0, ms.float32, "base", {"param_dict": {}}).get_dist_type(),
        "transformed_bad_dist": lambda: msd.TransformedDistribution(msb.Exp(), "x"),
        "transformed_bad_bijector": lambda: msd.TransformedDistribution("x", msd.Normal()),
        "transformed_int_dist": lambda: msd.TransformedDistribution(msb.ScalarAffine(), msd.Bernoulli(0.5)),
        "transformed_nonlinear_mean": lambda: msd.TransformedDistribution(msb.Exp(), msd.Normal(0., 1.)).mean(),
        "transformed_float_value": lambda: msd.TransformedDistribution(msb.Exp(), msd.Normal(0., 1.)).prob(1.),
        "gumbel_neg_scale": lambda: msd.Gumbel(0., -1.),
        "gumbel_none": lambda: msd.Gumbel(None, 1.),
        "gumbel_int_dtype": lambda: msd.Gumbel(0., 1., dtype=ms.int32),
        "lognormal_neg_scale": lambda: msd.LogNormal(0., -1.),
        "power_negative": lambda: msb.PowerTransform(-1.),
        "power_int": lambda: msb.PowerTransform(2),
        "affine_bool": lambda: msb.ScalarAffine(True),
        "affine_none": lambda: msb.ScalarAffine(None),
        "affine_mixed_dtypes": lambda: msb.ScalarAffine(_t(ms, 1.), _t(ms, 1., ms.float16)),
        "gumbel_cdf_zero_scale": lambda: msb.GumbelCDF(0., 0.),
        "invert_not_bijector": lambda: msb.Invert("x"),
        "exp_int_value": lambda: msb.Exp().forward(ms.Tensor(np.array([1, 2], np.int32))),
        "exp_float_value": lambda: msb.Exp().forward(1.0),
        "exp_bad_name": lambda: msb.Exp()("bad", x),
        "exp_int_name": lambda: msb.Exp(name=1),
        "bijector_bool_flag": lambda: msb.Bijector(is_constant_jacobian=1, name="b", param={}),
        "bijector_int_dtype": lambda: msb.Bijector(name="b", dtype=ms.int32, param={}),
    }


def _error_case(ms):
    out = {}
    for name, fn in _errors(ms).items():
        r = _run(fn)
        out[name] = r if isinstance(r, dict) and "error" in r else "ok"
    return out


CASES["errors"] = _error_case


# ---- signatures ----------------------------------------------------------------------------------------------
DIST_PUBLIC = ("prob", "log_prob", "cdf", "log_cdf", "survival_function", "log_survival", "mean", "mode", "sd",
               "var", "entropy", "kl_loss", "cross_entropy", "sample", "get_dist_args", "get_dist_type",
               "construct", "extend_repr")
BIJ_PUBLIC = ("forward", "inverse", "forward_log_jacobian", "inverse_log_jacobian", "construct", "shape_mapping",
              "cast_param_by_value", "extend_repr")


def _properties(cls, ms):
    names = set()
    for klass in cls.__mro__:
        if klass is ms.nn.Cell:
            break
        names |= {n for n, v in vars(klass).items() if isinstance(v, property) and not n.startswith("_")}
    return sorted(names)


@case
def signatures(ms):
    out = {}
    for mod, methods in ((ms.nn.probability.distribution, DIST_PUBLIC), (ms.nn.probability.bijector, BIJ_PUBLIC)):
        for name in mod.__all__:
            cls = getattr(mod, name)
            out[name] = {"init": str(inspect.signature(cls)), "properties": _properties(cls, ms)}
            for m in methods:
                out[name][m] = str(inspect.signature(getattr(cls, m)))
    return out


@case
def module_layout(ms):
    import importlib
    p = "mindspore" if ms.__name__ == "mindspore" else "lightspore"
    out = {"nn_has_probability": hasattr(ms.nn, "probability"),
           "probability_subpackages": [hasattr(ms.nn.probability, n) for n in ("bijector", "distribution")],
           "probability_all": hasattr(ms.nn.probability, "__all__"),
           "nn_all_has_probability": "probability" in ms.nn.__all__}
    for sub in ("distribution", "bijector"):
        out[sub] = sorted(importlib.import_module(f"{p}.nn.probability.{sub}").__all__)
    return out


# ---- Bayesian layers (bnn_layers): sampled weights; with untransformed_std = -30 the posterior sd is ~1e-6, so the
# outputs are deterministic to ~1e-6 ------------------------------------------------------------------------------
def _bnn(ms):
    """The bnn_layers module (the reference does not import it with ``nn.probability``)."""
    import importlib
    return importlib.import_module(ms.__name__ + ".nn.probability.bnn_layers")


def _bnn_set(ms, net, std_pre):
    for i, p in enumerate(net.get_parameters()):
        if not p.requires_grad:
            continue
        n = int(np.prod(p.shape))
        if p.name.endswith("untransformed_std"):
            value = np.full(p.shape, std_pre, np.float32)
        else:
            value = (np.linspace(-0.5, 0.5, n) * (1 + 0.1 * i)).reshape(p.shape).astype(np.float32)
        p.set_data(ms.Tensor(value))


def _bnn_params(net):
    return [[p.name, list(p.shape), p.requires_grad] for p in net.get_parameters()]


def _bnn_layer_case(make, x_shape):
    def case(ms):
        bnn = _bnn(ms)
        net = make(ms, bnn)
        out = {"params": _bnn_params(net), "cells": sorted(net.name_cells())}
        x = ms.Tensor(np.linspace(-1., 1., int(np.prod(x_shape))).reshape(x_shape).astype(np.float32))
        _bnn_set(ms, net, -30.)
        out["out"] = _run(lambda: net(x))
        _bnn_set(ms, net, 0.3)
        out["kl"] = _run(net.compute_kl_loss)
        weights = net.trainable_params()
        out["kl_grads"] = _run(lambda: ms.value_and_grad(lambda: net.compute_kl_loss(), None, weights)()[1])
        return out
    return case


BNN_LAYERS = {
    "dense_reparam": (lambda ms, bnn: bnn.DenseReparam(3, 2, activation="tanh"), (4, 3)),
    "dense_reparam_nobias": (lambda ms, bnn: bnn.DenseReparam(3, 2, has_bias=False), (2, 3)),
    "dense_local": (lambda ms, bnn: bnn.DenseLocalReparam(3, 2, activation=ms.nn.ReLU()), (4, 3)),
    "conv_reparam": (lambda ms, bnn: bnn.ConvReparam(2, 3, 3), (1, 2, 5, 5)),
    "conv_reparam_bias_pad": (lambda ms, bnn: bnn.ConvReparam(2, 4, (3, 2), stride=2, pad_mode="pad", padding=1,
                                                              has_bias=True), (2, 2, 6, 5)),
}
for _key, (_make, _shape) in BNN_LAYERS.items():
    CASES["bnn_" + _key] = _bnn_layer_case(_make, _shape)


@case
def bnn_with_loss_cell(ms):
    bnn = _bnn(ms)

    class Net(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc1 = bnn.DenseReparam(3, 4, activation="relu")
            self.fc2 = bnn.DenseLocalReparam(4, 2)
            self.plain = ms.nn.Dense(2, 2)

        def construct(self, x):
            return self.plain(self.fc2(self.fc1(x)))

    backbone = Net()
    x = ms.Tensor(np.linspace(-1., 1., 12).reshape(4, 3).astype(np.float32))
    y = ms.Tensor(np.array([[0.1, 0.2], [0.3, -0.4], [0.5, 0.], [-1., 1.]], np.float32))
    out = {}
    for dnn, bnn_f in ((2, 0), (1, 0.5)):
        net = bnn.WithBNNLossCell(backbone, ms.nn.MSELoss(), dnn, bnn_f)
        _bnn_set(ms, backbone, -30. if bnn_f == 0 else 0.3)
        out[f"kl_terms_{dnn}_{bnn_f}"] = len(net.kl_loss)
        if bnn_f == 0:
            loss, grads = ms.value_and_grad(net, None, net.trainable_params())(x, y)
            out["loss"], out["grads"] = _v(loss), _v(grads)
        else:
            out["kl_part"] = _run(lambda net=net: sum(float(f().asnumpy()) for f in net.kl_loss))
    out["names"] = [p.name for p in net.trainable_params()]
    out["backbone_is_net"] = net.backbone_network is backbone
    return out


@case
def bnn_posterior_prior(ms):
    bnn = _bnn(ms)
    post = bnn.NormalPosterior("w", (2, 3), loc_mean=1., untransformed_scale_mean=0.)
    post.mean.set_data(ms.Tensor(np.full((2, 3), 0.5, np.float32)))
    post.untransformed_std.set_data(ms.Tensor(np.full((2, 3), 0.2, np.float32)))
    prior = bnn.NormalPrior(mean=1, std=0.5)
    args = post("get_dist_args")
    return {"names": [p.name for p in post.get_parameters()], "args": _v(args),
            "type": post("get_dist_type"), "mean": _v(post("mean")), "sd": _v(post("sd")),
            "kl": _v(prior("kl_loss", "Normal", *args)), "prior_mean": _v(prior("mean")),
            "sample_shape": list(post("sample").shape), "prior_cells": sorted(prior.name_cells())}


def _bnn_errors(ms):
    bnn = _bnn(ms)

    class BadPrior(ms.nn.Cell):
        def __init__(self):
            super().__init__()
            self.gauss = ms.nn.probability.distribution.Normal(0., 1.)

    return {
        "posterior_int_name": lambda: bnn.NormalPosterior(1, (2,)),
        "posterior_int_shape": lambda: bnn.NormalPosterior("w", 2),
        "posterior_bool_mean": lambda: bnn.NormalPosterior("w", (2,), loc_mean=True),
        "posterior_neg_std": lambda: bnn.NormalPosterior("w", (2,), loc_std=-1.),
        "posterior_neg_scale_std": lambda: bnn.NormalPosterior("w", (2,), untransformed_scale_std=-1.),
        "dense_zero_in": lambda: bnn.DenseReparam(0, 2),
        "dense_bad_activation": lambda: bnn.DenseReparam(3, 2, activation=1),
        "dense_unknown_activation": lambda: bnn.DenseReparam(3, 2, activation="nope"),
        "dense_bias_int": lambda: bnn.DenseReparam(3, 2, has_bias=1),
        "dense_bad_prior": lambda: bnn.DenseReparam(3, 2, weight_prior_fn=BadPrior),
        "dense_prior_no_sd": lambda: bnn.DenseReparam(3, 2, weight_prior_fn=lambda: bnn.NormalPrior(std=None)),
        "dense_bad_posterior": lambda: bnn.DenseReparam(3, 2, weight_posterior_fn=lambda: None),
        "conv_bad_pad_mode": lambda: bnn.ConvReparam(2, 3, 3, pad_mode="bad"),
        "conv_bad_group": lambda: bnn.ConvReparam(3, 3, 3, group=2),
        "loss_neg_dnn": lambda: bnn.WithBNNLossCell(bnn.DenseReparam(3, 2), ms.nn.MSELoss(), -1),
        "loss_str_bnn": lambda: bnn.WithBNNLossCell(bnn.DenseReparam(3, 2), ms.nn.MSELoss(), 1, "a"),
        "loss_bool_dnn": lambda: bnn.WithBNNLossCell(bnn.DenseReparam(3, 2), ms.nn.MSELoss(), True),
    }


@case
def bnn_errors(ms):
    out = {}
    for name, fn in _bnn_errors(ms).items():
        r = _run(fn)
        out[name] = r if isinstance(r, dict) and "error" in r else "ok"
    return out


def _sig(obj):
    """inspect.signature with class and function defaults shown by name (no module paths or addresses)."""
    parts = []
    for p in inspect.signature(obj).parameters.values():
        d = p.default
        if d is inspect.Parameter.empty:
            parts.append(str(p))
        else:
            parts.append(f"{p.name}={d.__name__ if callable(d) and hasattr(d, '__name__') else repr(d)}")
    return "(" + ", ".join(parts) + ")"


@case
def bnn_signatures(ms):
    bnn = _bnn(ms)
    out = {}
    for name in bnn.__all__:
        cls = getattr(bnn, name)
        out[name] = {"init": _sig(cls), "construct": _sig(cls.construct)}
        for m in ("compute_kl_loss", "apply_variational_bias"):
            if hasattr(cls, m):
                out[name][m] = _sig(getattr(cls, m))
    out["__all__"] = sorted(bnn.__all__)
    return out
