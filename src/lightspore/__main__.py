"""``python -m lightspore script.py [args]``: run an unmodified MindSpore script on lightspore."""
import os
import runpy
import sys


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python -m lightspore SCRIPT.py [ARGS...]\n"
              "       python -m lightspore -m MODULE [ARGS...]\n"
              "Runs a MindSpore program with 'import mindspore' resolved to lightspore.")
        return 0 if argv else 2
    from lightspore import install_alias

    install_alias()
    if argv[0] == "-m":
        if len(argv) < 2:
            print("python -m lightspore -m: a module name is required", file=sys.stderr)
            return 2
        sys.argv = argv[1:]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        return 0
    script = argv[0]
    if not os.path.isfile(script):
        print(f"python -m lightspore: no such file: {script}", file=sys.stderr)
        return 2
    sys.argv = argv
    sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
    runpy.run_path(script, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
