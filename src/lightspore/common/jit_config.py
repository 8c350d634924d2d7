"""``JitConfig``: compile options for a Cell (``Cell.set_jit_config``) or a data-sink step.

lightspore compiles with ``torch.compile`` (see ``lightspore._compile``); the options are checked as the
reference checks them and kept in ``jit_config_dict``. ``jit_level`` 'O0'/'O1' and ``exc_mode`` choose
MindSpore kernels or sinking, which have no PyTorch counterpart: they are recorded, not acted on.
"""

__all__ = ["JitConfig"]


def _one_of(name, value, allowed, shown=None):
    if value not in allowed:
        raise ValueError(f"For '{name}' must be one of {shown or list(allowed)}.")


class JitConfig:
    """``JitConfig(jit_level='', exc_mode='auto', jit_syntax_level='', debug_level='RELEASE', infer_boost='off',
    **kwargs)``."""

    def __init__(self, jit_level="", exc_mode="auto", jit_syntax_level="", debug_level="RELEASE",
                 infer_boost="off", **kwargs):
        _one_of("jit_level", jit_level, ("", "O0", "O1", "O2"), "['O0', 'O1', 'O2']")
        _one_of("exc_mode", exc_mode, ("auto", "sink", "no_sink"), "'['auto', 'sink', 'no_sink']'")
        if jit_syntax_level != "":
            _one_of("jit_syntax_level", jit_syntax_level, ("STRICT", "COMPATIBLE", "LAX"), "'['STRICT', 'LAX']'")
        _one_of("debug_level", debug_level, ("RELEASE", "DEBUG"), "'['RELEASE', 'DEBUG']'")
        if infer_boost != "":
            _one_of("infer_boost", infer_boost, ("on", "off"), "'['on', 'off']'")
        self.jit_config_dict = kwargs
        self.jit_config_dict.update(jit_level=jit_level, exc_mode=exc_mode, jit_syntax_level=jit_syntax_level,
                                    debug_level=debug_level, infer_boost=infer_boost)
        if "backend" not in self.jit_config_dict:
            if jit_level in ("O0", "O1"):
                self.jit_config_dict["backend"] = "ms_backend"
            elif jit_level == "O2":
                self.jit_config_dict["backend"] = "GE"
