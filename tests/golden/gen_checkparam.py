"""mindspore._checkparam's checks on CALLS (return value or error type and message), for
tests/test_checkparam.py (run with the reference python):

    GLOG_v=3 /root/.cache/mindspore-ref/bin/python tests/golden/gen_checkparam.py

Writes tests/golden/checkparam.json.
"""
import json
import os
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))

# (function name, args, kwargs); relation constants are spelled by name ("@GT") and resolved in the module
CALLS = [
    ("check_positive_int", [3], {}), ("check_positive_int", [0], {}), ("check_positive_int", [-2, "n", "Net"], {}),
    ("check_positive_int", [2.0, "n"], {}), ("check_positive_int", [True, "n", "Net"], {}),
    ("check_non_negative_int", [0, "k"], {}), ("check_non_negative_int", [-1, "k", "Cell"], {}),
    ("check_non_negative_float", [0.0, "eps"], {}), ("check_non_negative_float", [-0.5, "eps", "Opt"], {}),
    ("check_non_negative_float", [1, "eps", "Opt"], {}), ("check_positive_float", [0.0, "lr", "Opt"], {}),
    ("check_positive_float", [float("inf"), "lr"], {}),
    ("check_bool", [True, "flag"], {}), ("check_bool", [1, "flag", "Cell"], {}), ("check_bool", ["x"], {}),
    ("check_int_range", [5, 0, 5, "@INC_BOTH", "v", "Net"], {}), ("check_int_range", [5, 0, 5, "@INC_LEFT", "v"], {}),
    ("check_int_range", [1.0, 0, 5, "@INC_BOTH", "v"], {}), ("check_float_range", [0.5, 0.0, 1.0, "@INC_NEITHER"], {}),
    ("check_float_range", [1.0, 0.0, 1.0, "@INC_NEITHER", "p", "Drop"], {}),
    ("check_float_range", [0.0, 0.0, 1.0, "@INC_RIGHT", "p"], {}),
    ("check_string", ["same", ["same", "valid"], "pad_mode", "Conv"], {}),
    ("check_string", ["SAME", ["same", "valid"], "pad_mode", "Conv"], {}), ("check_string", [3, ["a"]], {}),
    ("check_value_type", ["x", 3, [int]], {}), ("check_value_type", ["x", True, [int], "Net"], {}),
    ("check_value_type", ["x", 1.5, [int, float]], {}), ("check_value_type", ["x", "s", [int, float], "Net"], {}),
    ("check_value_type", ["x", 0.1234567891, [float]], {}), ("check_value_type", ["x", [1], (tuple,)], {}),
    ("check_int", [3, 2, "@GE", "a", "P"], {}), ("check_int", [1, 2, "@GE", "a", "P"], {}),
    ("check_int", [1, 2, "@EQ"], {}), ("check_float", [0.5, 1.0, "@LT", "a"], {}),
    ("check_float", [1.5, 1.0, "@LT", "a"], {}), ("check_is_int", [3, "a"], {}), ("check_is_int", [3.0, "a", "P"], {}),
    ("check_is_float", [3.0], {}), ("check_is_float", [3, "b"], {}),
    ("check", ["a", 3, "b", 4, "@EQ", "Prim"], {}), ("check", ["x rank", 2, "y rank", 3, "@EQ"], {}),
    ("check", ["a", 3, "b", 4, "@NE"], {}),
    ("check_number", ["a", 3, 5, "@GT", "Prim"], {}), ("check_number", ["a", 6, 5, "@GT", "Prim"], {}),
    ("check_positive_int_sequence", [[1, 2, 0], "dims", "P"], {}), ("check_positive_int_sequence", [(1, 2)], {}),
    ("check_non_negative_int_sequence", [[1, -2]], {}), ("check_positive_float_sequence", [[1.0, 0.0], "w"], {}),
    ("check_equal_int", [2, 2, "n"], {}), ("check_equal_int", [2, 3, "n", "P"], {}),
    ("check_isinstance", ["a", 3, (str,)], {}), ("check_isinstance", ["a", 3, (int,)], {}),
]
CONSTANTS = ["EQ", "NE", "LT", "LE", "GT", "GE", "INC_NEITHER", "INC_LEFT", "INC_RIGHT", "INC_BOTH", "IN", "NOT_IN"]


def resolve(mod, args):
    return [getattr(mod, a[1:]) if isinstance(a, str) and a.startswith("@") else a for a in args]


def run(mod, name, args, kwargs):
    try:
        return {"out": repr(getattr(mod, name)(*resolve(mod, args), **kwargs))}
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__, "message": str(e)}


def main():
    warnings.simplefilter("ignore")
    from mindspore import _checkparam as V

    data = {"calls": [run(V, n, a, k) for n, a, k in CALLS], "constants": {c: getattr(V, c) for c in CONSTANTS}}
    with open(os.path.join(HERE, "checkparam.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
