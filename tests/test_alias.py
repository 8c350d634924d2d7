"""The opt-in `mindspore` alias: same module objects, only when asked for."""
import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import mindspore as ms
    import mindspore.nn as nn
    from mindspore import ops
    from mindspore.common.initializer import Normal
    import lightspore
    assert ms is lightspore and nn is lightspore.nn and ops is lightspore.ops
    net = nn.Dense(3, 2, weight_init=Normal(0.02))
    print(type(net).__module__, net(ms.Tensor([[1.0, 2.0, 3.0]])).shape)
""")


def _run(args, tmp_path):
    script = tmp_path / "ms_script.py"
    script.write_text(SCRIPT)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, *args, str(script)], capture_output=True, text=True, env=env,
                          cwd=tmp_path)


def test_python_m_lightspore_runs_unmodified_script(tmp_path):
    r = _run(["-m", "lightspore"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert "(1, 2)" in r.stdout


def test_no_alias_without_opt_in(tmp_path):
    r = subprocess.run([sys.executable, "-c", "import lightspore, sys; import importlib.util as u; "
                        "print(u.find_spec('mindspore') is None or 'lightspore' not in str(u.find_spec('mindspore')))"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "True", r.stderr


def test_install_alias_in_process(tmp_path):
    code = ("import lightspore; lightspore.install_alias(); import mindspore.nn.cell as c; "
            "import lightspore.nn.cell as d; print(c is d)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "True", r.stderr
