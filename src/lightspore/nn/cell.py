"""``Cell``: the base of every network, and the containers ``SequentialCell``, ``CellList``, ``CellDict``.

Attribute assignment routes Parameters and child Cells into ordered dicts and names parameters the
way the reference does (attribute path, auto-prefixing when a child is attached). ``__call__`` has a
fast path: with no hooks and no casting it goes straight to ``construct``.
"""

import itertools
from collections import OrderedDict
from typing import Any, Iterator, Mapping, Optional, Tuple

import torch

from .. import _release
from ..common import dtype as mstype
from ..common.parameter import Parameter, ParameterTuple, _is_generated
from ..common.tensor import Tensor
from . import _cell_members

__all__ = ["Cell", "SequentialCell", "CellList", "CellDict", "GraphCell"]

_hook_ids = itertools.count()
_ALWAYS_CALL = set()      # ids of forward hooks registered with always_call=True (MindSpore 2.10)


def _addindent(s, n):
    lines = s.split("\n")
    if len(lines) == 1:
        return s
    first = lines.pop(0)
    return first + "\n" + "\n".join(" " * n + line for line in lines)


def _is_param_seq(value):
    return isinstance(value, (list, tuple)) and value and all(isinstance(v, Parameter) for v in value)


class _HookHandle:
    def __init__(self, hooks, hook_id):
        self._hooks, self.handle_id = hooks, hook_id

    def remove(self):
        self._hooks.pop(self.handle_id, None)


class _IncompatibleKeys(tuple):
    """``load_state_dict``'s result: ``(missing_keys, unexpected_keys)`` with those attribute names."""

    def __new__(cls, missing_keys, unexpected_keys):
        return super().__new__(cls, (missing_keys, unexpected_keys))

    @property
    def missing_keys(self):
        return self[0]

    @property
    def unexpected_keys(self):
        return self[1]

    def __repr__(self):
        if not self[0] and not self[1]:
            return "<All keys matched successfully>"
        return f"_IncompatibleKeys(missing_keys={self[0]}, unexpected_keys={self[1]})"

    __str__ = __repr__


class Cell:
    """Base class of all networks: define layers in ``__init__`` and the computation in ``construct``."""

    IGNORE_LIST = ["_scope", "_cell_init_args", "_auto_prefix", "_cells", "_params", "_create_time",
                   "_func_graph_flags", "_parameter_layout_dict", "_params_list", "_phase", "_bprop_debug",
                   "_forward_pre_hook", "_forward_hook", "_enable_forward_pre_hook", "_enable_forward_hook",
                   "_bprop_debug", "_enable_backward_hook", "_cell_backward_hook", "_is_run", "_param_prefix",
                   "_attr_synced", "pynative", "requires_grad", "cell_type"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if callable(getattr(cls, "bprop", None)) and cls.__call__ is Cell.__call__:
            cls.__call__ = Cell._call_with_bprop     # only cells defining bprop pay for the check

    def _call_with_bprop(self, *args, **kwargs):
        """A cell with a custom ``bprop(*inputs, out, dout)``: inside grad/value_and_grad its inputs' gradients are
        what bprop returns (its own Parameters get none, as in the reference)."""
        if not torch.is_grad_enabled():
            return Cell.__call__(self, *args, **kwargs)
        from ._bprop import call_with_bprop
        return call_with_bprop(self, args, kwargs)

    def __init__(self, auto_prefix=True, flags=None):
        d = self.__dict__
        d["_params"] = OrderedDict()
        d["_cells"] = OrderedDict()
        d["_buffers"] = OrderedDict()
        d["_params_list"] = OrderedDict()
        d["_primitives"] = OrderedDict()
        d["training"] = False
        d["requires_grad"] = False
        d["_auto_prefix"] = auto_prefix
        d["_param_prefix"] = ""
        d["_forward_pre_hook"] = OrderedDict()
        d["_forward_hook"] = OrderedDict()
        d["_backward_hooks"] = OrderedDict()
        d["_backward_pre_hooks"] = OrderedDict()
        d["_hook_kwargs"] = set()
        d["_cast_type"] = None
        d["_amp_level"] = ""
        d["_scope"] = None
        d["_id"] = 1
        d["_exist_objs"] = set()
        d["_exist_names"] = set()
        d["_flags"] = {}
        d["_phase"] = "train"      # as the reference: 'train' until set_train(False) on this cell
        _cell_members.on_init(self)
        if flags:
            self.add_flags(**flags)

    # ---- attribute routing ----------------------------------------------------------------
    def __getattr__(self, name):
        d = self.__dict__
        for store in ("_params", "_buffers", "_cells", "_params_list"):
            s = d.get(store)
            if s is not None and name in s:
                return s[name]
        raise AttributeError(f"The '{type(self).__name__}' object has no attribute '{name}'.")

    def __setattr__(self, name, value):
        d = self.__dict__
        if "_params" not in d:
            if isinstance(value, (Parameter, Cell)):
                raise AttributeError(f"For '{type(self).__name__}', call 'super().__init__()' in __init__ "
                                     f"before assigning '{name}'.")
            object.__setattr__(self, name, value)
            return
        if isinstance(value, Parameter):
            d.pop(name, None)
            self.insert_param_to_cell(name, value)
        elif isinstance(value, ParameterTuple):
            seen = set()
            for item in value:
                if id(item) in seen:
                    continue
                seen.add(id(item))
                if _is_generated(item.name):
                    item.name = "Parameter$" + str(d["_id"])
                    d["_id"] += 1
                self.insert_param_to_cell(item.name, item, check_name_contain_dot=False)
            object.__setattr__(self, name, value)
        elif _is_param_seq(value):
            for item in value:
                if id(item) in d["_exist_objs"]:
                    continue
                d["_exist_objs"].add(id(item))
                if item.name in d["_exist_names"]:
                    raise ValueError(f"The value {value} , its name '{item.name}' already exists. "
                                     "Please set a unique name for the parameter.")
                d["_exist_names"].add(item.name)
            object.__setattr__(self, name, value)
        elif isinstance(value, Cell):
            d.pop(name, None)
            if d["_auto_prefix"]:
                value.update_parameters_name(name + ".")
            self.insert_child_to_cell(name, value)
        else:
            params = d["_params"]
            if name in params:
                if value is not None:
                    if isinstance(value, Tensor):
                        params[name].set_data(value)
                        return
                    raise TypeError(f"Parameter '{name}' already exists in network, can not assign this type: "
                                    f"'{type(value)}' as a parameter.")
                params[name] = None
                return
            cells = d["_cells"]
            if name in cells:
                if value is not None:
                    raise TypeError(f"Sub cell '{name}' already exists in network, can not assign this type: "
                                    f"'{type(value)}' as a cell.")
                cells[name] = None
                return
            object.__setattr__(self, name, value)

    def __delattr__(self, name):
        d = self.__dict__
        if name in d["_params"]:
            del d["_params"][name]
        elif name in d["_cells"]:
            del d["_cells"][name]
        elif name in d["_buffers"]:
            del d["_buffers"][name]
        else:
            object.__delattr__(self, name)

    def __getstate__(self):
        return self.__dict__.copy()

    def __setstate__(self, state):
        self.__dict__.update(state)

    def __bool__(self):
        return True

    def __del__(self, _on_del=_cell_members.on_del):     # bound now: module globals may be gone at shutdown
        _on_del(self)

    def insert_param_to_cell(self, param_name, param, check_name_contain_dot=True):
        """Add a Parameter to this cell under ``param_name``."""
        if not param_name:
            raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not be None.")
        if check_name_contain_dot and "." in param_name:
            raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not contain'.' ")
        if "_params" not in self.__dict__:
            raise AttributeError("For 'insert_param_to_cell', please call Cell.__init__() firstly.")
        if param_name in self.__dict__ or (param_name in self._cells) or (
                hasattr(type(self), param_name) and param_name not in self._params):
            raise KeyError(f"For 'insert_param_to_cell', the {param_name} parameter already exists in the network."
                           f"Cannot insert another parameter with the same name.")
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(f"For 'insert_param_to_cell', the argument 'param' must be 'Parameter' if not None, "
                            f"but got {type(param)}.")
        if isinstance(param, Parameter) and _is_generated(param.name):
            param.name = param_name
        self._params[param_name] = param

    def insert_child_to_cell(self, child_name, child_cell):
        """Add a child Cell under ``child_name``."""
        if not isinstance(child_name, str):
            raise TypeError(f"For 'insert_child_to_cell', the type of parameter 'child_name' must be str, "
                            f"but got {type(child_name)}.")
        if not child_name or "." in child_name:
            raise KeyError("For 'insert_child_to_cell', the parameter 'child_name' can not be None and "
                           "can not contain '.' ")
        if (child_name in self.__dict__ or child_name in self._params) and child_name not in self._cells:
            raise KeyError(f"For 'insert_child_to_cell', the {child_name} child cell already exists in the network."
                           f"Cannot insert another child cell with the same name.")
        if child_cell is not None and not isinstance(child_cell, Cell):
            raise TypeError(f"For 'insert_child_to_cell', the argument 'child_cell' must be 'Cell' if not None, "
                            f"but got type {type(child_cell)}.")
        self._cells[child_name] = child_cell

    def register_buffer(self, name: str, tensor: Optional[Tensor], persistent: bool = True) -> None:
        if not isinstance(name, str) or not name or "." in name:
            raise KeyError(f"For 'register_buffer', buffer name must be a non-empty str without '.', got {name!r}")
        if tensor is not None and not isinstance(tensor, Tensor):
            raise TypeError(f"For 'register_buffer', the buffer must be a Tensor or None, got {type(tensor)}")
        self.__dict__.pop(name, None)
        self._buffers[name] = tensor
        nonpersistent = self.__dict__.setdefault("_non_persistent_buffers", set())
        if persistent:
            nonpersistent.discard(name)
        else:
            nonpersistent.add(name)

    def get_buffer(self, target: str) -> "Tensor":
        *path, name = target.split(".")
        cell = self.get_sub_cell(".".join(path)) if path else self
        if name not in cell._buffers:
            raise AttributeError(f"'{type(cell).__name__}' has no buffer '{name}'")
        return cell._buffers[name]

    def named_buffers(self, prefix: str = "", recurse: bool = True,
                      remove_duplicate: bool = True) -> Iterator[Tuple[str, Tensor]]:
        seen = set()
        cells = self.cells_and_names(name_prefix=prefix) if recurse else [(prefix, self)]
        for cname, cell in cells:
            for bname, b in cell._buffers.items():
                if b is None or (remove_duplicate and id(b) in seen):
                    continue
                seen.add(id(b))
                yield (cname + "." + bname if cname else bname), b

    def buffers(self, recurse: bool = True) -> Iterator[Tensor]:
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    def get_sub_cell(self, target: str) -> "Cell":
        if target == "":
            return self
        cell = self
        for item in target.split("."):
            if item not in cell._cells:
                raise AttributeError(f"{type(cell).__name__} has no attribute `{item}`")
            cell = cell._cells[item]
        return cell

    # ---- running ----------------------------------------------------------------------
    def construct(self, *args, **kwargs):
        raise AttributeError("For 'Cell', the method 'construct' is not defined.")

    def __call__(self, *args, **kwargs):
        d = self.__dict__
        if not (d["_forward_pre_hook"] or d["_forward_hook"] or d["_cast_type"] is not None
                or d["_backward_hooks"] or d["_backward_pre_hooks"]):
            return self.construct(*args, **kwargs)      # the common case: one test, then construct
        if (d["_backward_hooks"] or d["_backward_pre_hooks"]) and torch.is_grad_enabled():
            return self._run_with_backward_hooks(args, kwargs)     # inside grad/value_and_grad only
        return self._run_construct(args, kwargs)

    def _run_with_backward_hooks(self, args, kwargs):
        from torch.utils.hooks import BackwardHook

        def wrap_all(gs):
            return tuple(None if g is None else Tensor._make(g) for g in gs)

        def unwrap_ret(ret, where):
            if ret is None:
                return None
            ret = ret if isinstance(ret, (tuple, list)) else (ret,)
            if not all(r is None or isinstance(r, Tensor) for r in ret):
                raise TypeError(f"For '{where}', a backward hook must return None or a tuple of Tensors.")
            return tuple(None if r is None else r._t for r in ret)

        d = self.__dict__
        full = [lambda _m, gin, gout, h=h: unwrap_ret(h(self, wrap_all(gin), wrap_all(gout)), "backward_hook")
                for h in d["_backward_hooks"].values()]
        pre = [lambda _m, gout, h=h: unwrap_ret(h(self, wrap_all(gout)), "backward_pre_hook")
               for h in d["_backward_pre_hooks"].values()]
        bw = BackwardHook(self, full, pre)
        targs = bw.setup_input_hook(tuple(a._t if isinstance(a, Tensor) else a for a in args))
        args = tuple(Tensor._make(t) if isinstance(a, Tensor) else a for t, a in zip(targs, args))
        plain = not (d["_forward_pre_hook"] or d["_forward_hook"] or d["_cast_type"] is not None)
        out = self.construct(*args, **kwargs) if plain else self._run_construct(args, kwargs)
        if isinstance(out, Tensor):
            return Tensor._make(bw.setup_output_hook(out._t))
        if isinstance(out, tuple):
            touts = bw.setup_output_hook(tuple(o._t if isinstance(o, Tensor) else o for o in out))
            return tuple(Tensor._make(t) if isinstance(o, Tensor) else o for t, o in zip(touts, out))
        return out

    def register_backward_hook(self, hook_fn):
        """``hook_fn(cell, grad_input, grad_output)`` runs when the gradients of this cell's inputs are computed
        inside ``grad``/``value_and_grad``; it may return new ``grad_input``."""
        return self._register("_backward_hooks", hook_fn, "register_backward_hook")

    def register_backward_pre_hook(self, hook_fn):
        """``hook_fn(cell, grad_output)`` runs when the gradient of this cell's output arrives; it may return a new
        ``grad_output``."""
        return self._register("_backward_pre_hooks", hook_fn, "register_backward_pre_hook")

    def _run_construct(self, args, kwargs):
        d = self.__dict__
        for hid, hook in list(d["_forward_pre_hook"].items()):
            if hid in d["_hook_kwargs"]:
                ret = hook(self, args, kwargs)
                if ret is not None:
                    if not (isinstance(ret, tuple) and len(ret) == 2):
                        raise RuntimeError("forward pre hook with kwargs must return None or a tuple of "
                                           f"(new_args, new_kwargs), but got {ret}")
                    args, kwargs = ret
            else:
                ret = hook(self, args)
                if ret is not None:
                    args = ret if isinstance(ret, tuple) else (ret,)
        if d["_cast_type"] is not None:     # to_float: inputs and this cell's own float Parameters run cast
            from ..common._param_cast import restore_params, swap_params
            args = tuple(_cast_float(a, d["_cast_type"]) for a in args)
            swapped = swap_params(d["_params"], d["_cast_type"])
            try:
                out = self.construct(*args, **kwargs)
            finally:
                restore_params(swapped)
        else:
            try:
                out = self.construct(*args, **kwargs)
            except Exception:
                for hid, hook in list(d["_forward_hook"].items()):
                    if hid in _ALWAYS_CALL:
                        hook(self, args, kwargs, None) if hid in d["_hook_kwargs"] else hook(self, args, None)
                raise
        for hid, hook in list(d["_forward_hook"].items()):
            ret = hook(self, args, kwargs, out) if hid in d["_hook_kwargs"] else hook(self, args, out)
            if ret is not None:
                out = ret
        return out

    def register_saved_tensors_hooks(self, pack_hook, unpack_hook):
        """2.10: when this cell is the function given to ``grad``/``value_and_grad``, the tensors its backward
        pass saves go through ``pack_hook`` and come back through ``unpack_hook`` (``mindspore.saved_tensors_hooks``
        around that call; as in the reference, a cell called inside another function or cell is not affected);
        a second call replaces the pair."""
        object.__setattr__(self, "_saved_tensors_pack_hook", pack_hook)
        object.__setattr__(self, "_saved_tensors_unpack_hook", unpack_hook)

    def register_forward_pre_hook(self, hook_fn, with_kwargs=False, *, prepend=False):
        if not callable(hook_fn):
            raise TypeError(f"For 'register_forward_pre_hook', 'hook_fn' must be callable, got {type(hook_fn)}")
        hid = next(_hook_ids)
        self._forward_pre_hook[hid] = hook_fn
        if prepend:     # 2.10: run before the hooks registered so far
            self._forward_pre_hook.move_to_end(hid, last=False)
        if with_kwargs:
            self._hook_kwargs.add(hid)
        return _HookHandle(self._forward_pre_hook, hid)

    def register_forward_hook(self, hook_fn, with_kwargs=False, *, prepend=False, always_call=False):
        if not callable(hook_fn):
            raise TypeError(f"For 'register_forward_hook', 'hook_fn' must be callable, got {type(hook_fn)}")
        hid = next(_hook_ids)
        self._forward_hook[hid] = hook_fn
        if prepend:
            self._forward_hook.move_to_end(hid, last=False)
        if with_kwargs:
            self._hook_kwargs.add(hid)
        if always_call:     # 2.10: runs (with output None) even when construct raises
            _ALWAYS_CALL.add(hid)
        return _HookHandle(self._forward_hook, hid)

    # ---- traversal ----------------------------------------------------------------------
    def cells_and_names(self, cells=None, name_prefix=""):
        t_cells = cells if cells else set()
        if self in t_cells:
            return
        t_cells.add(self)
        yield name_prefix, self
        for name, cell in self._cells.items():
            if cell:
                prefix = name_prefix + "." + name if name_prefix else name
                yield from cell.cells_and_names(t_cells, prefix)

    def parameters_and_names(self, name_prefix="", expand=True):
        cells = self.cells_and_names(name_prefix=name_prefix) if expand else [(name_prefix, self)]
        seen = set()
        for cell_name, cell in cells:
            for par_name, par in cell._params.items():
                if par is not None and id(par) not in seen:
                    seen.add(id(par))
                    yield (cell_name + "." + par_name if cell_name else par_name), par

    def get_parameters(self, expand=True):
        for _, param in self.parameters_and_names(expand=expand):
            yield param

    def trainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if p.requires_grad]

    def untrainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if not p.requires_grad]

    def parameters_dict(self, recurse=True):
        out = OrderedDict()
        for p in self.get_parameters(expand=recurse):
            out[p.name] = p
        return out

    # ---- state_dict (the reference's torch-style interface) -----------------------------------
    def _hooks_of(self, kind):
        return self.__dict__.setdefault(kind, OrderedDict())

    def _register(self, kind, hook, where):
        if not callable(hook):
            raise TypeError(f"For '{where}', 'hook' must be callable, but got {type(hook).__name__}.")
        hid = next(_hook_ids)
        hooks = self._hooks_of(kind)
        hooks[hid] = hook
        return _HookHandle(hooks, hid)

    def register_state_dict_pre_hook(self, hook):
        """``hook(cell, prefix, keep_vars)`` runs before ``state_dict`` collects this cell's entries."""
        return self._register("_state_dict_pre_hooks", hook, "register_state_dict_pre_hook")

    def register_state_dict_post_hook(self, hook):
        """``hook(cell, state_dict, prefix, local_metadata)`` runs after, and may edit ``state_dict`` in place."""
        return self._register("_state_dict_hooks", hook, "register_state_dict_post_hook")

    def register_load_state_dict_pre_hook(self, hook):
        """``hook(cell, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs)``."""
        return self._register("_load_state_dict_pre_hooks", hook, "register_load_state_dict_pre_hook")

    def register_load_state_dict_post_hook(self, hook):
        """``hook(cell, incompatible_keys)`` runs after ``load_state_dict`` has loaded everything."""
        return self._register("_load_state_dict_post_hooks", hook, "register_load_state_dict_post_hook")

    def get_extra_state(self) -> Any:
        raise RuntimeError("Reached a code path in Cell.get_extra_state() that should never be called: implement "
                           "get_extra_state and set_extra_state in your Cell to store extra state in state_dict.")

    def set_extra_state(self, state: Any) -> None:
        raise RuntimeError("Reached a code path in Cell.set_extra_state() that should never be called: implement "
                           "get_extra_state and set_extra_state in your Cell to load extra state.")

    def _has_extra_state(self):
        return type(self).get_extra_state is not Cell.get_extra_state

    def state_dict(self, *args, destination=None, prefix='', keep_vars=False):
        """An OrderedDict of this cell's parameters, persistent buffers and extra state, keyed by attribute path
        (``fc.weight``); values are the Parameters and Tensors themselves."""
        if args:      # the legacy positional form (destination, prefix, keep_vars)
            names = ("destination", "prefix", "keep_vars")
            if len(args) > 3:
                raise TypeError(f"For 'state_dict', expected at most 3 positional arguments, got {len(args)}.")
            given = dict(zip(names, args))
            destination = given.get("destination", destination)
            prefix = given.get("prefix", prefix)
            keep_vars = given.get("keep_vars", keep_vars)
        if destination is None:
            destination = OrderedDict()
        for hook in self._hooks_of("_state_dict_pre_hooks").values():
            hook(self, prefix, keep_vars)
        for name, p in self._params.items():
            if p is not None:
                destination[prefix + name] = p
        nonpersistent = self.__dict__.get("_non_persistent_buffers", ())
        for name, b in self._buffers.items():
            if b is not None and name not in nonpersistent:
                destination[prefix + name] = b
        if self._has_extra_state():
            destination[prefix + "_extra_state"] = self.get_extra_state()
        for name, cell in self._cells.items():
            if cell is not None:
                cell.state_dict(destination=destination, prefix=prefix + name + ".", keep_vars=keep_vars)
        for hook in self._hooks_of("_state_dict_hooks").values():
            ret = hook(self, destination, prefix, {})
            if ret is not None:
                raise RuntimeError("For 'state_dict', a state_dict post hook must return None and edit the "
                                   "state_dict in place.")
        return destination

    def load_state_dict(self, state_dict: Mapping[str, Any], strict: bool = True):
        """Copy ``state_dict`` (name -> Tensor/Parameter) into this cell's parameters and buffers.

        Every entry is checked before anything is assigned: a wrong shape, or (with ``strict``) a missing or
        unexpected key raises ``StateDictError`` (a ``RuntimeError`` as in the reference, and a ``ValueError``),
        leaving the cell as it was. Returns ``(missing_keys, unexpected_keys)``.
        """
        from ..common._errors import StateDictError
        if not hasattr(state_dict, "items"):
            raise TypeError(f"For 'load_state_dict', 'state_dict' must be a mapping, but got "
                            f"{type(state_dict).__name__}.")
        state_dict = OrderedDict(state_dict)
        missing, unexpected, errors, targets = [], [], [], []
        expected = set()
        for cell_name, cell in self.cells_and_names():
            prefix = cell_name + "." if cell_name else ""
            for hook in cell._hooks_of("_load_state_dict_pre_hooks").values():
                hook(cell, state_dict, prefix, {}, strict, missing, unexpected, errors)
            nonpersistent = cell.__dict__.get("_non_persistent_buffers", ())
            slots = [(n, p) for n, p in cell._params.items() if p is not None]
            slots += [(n, b) for n, b in cell._buffers.items() if b is not None and n not in nonpersistent]
            for name, slot in slots:
                key = prefix + name
                expected.add(key)
                if key not in state_dict:
                    missing.append(key)
                    continue
                value = state_dict[key]
                if not isinstance(value, Tensor):
                    errors.append(f'While copying the parameter named "{key}", expected Tensor or Tensor-like '
                                  f"object from checkpoint but received {type(value)}")
                    continue
                shape = tuple(value.shape)
                if shape != tuple(slot.shape):
                    errors.append(f"size mismatch for {key}: copying a param with shape {shape} from checkpoint, "
                                  f"the shape in current model is {tuple(slot.shape)}.")
                    continue
                targets.append((slot, value))
            if cell._has_extra_state():
                key = prefix + "_extra_state"
                expected.add(key)
                if key in state_dict:
                    targets.append((cell, state_dict[key]))
                else:
                    missing.append(key)
        unexpected.extend(k for k in state_dict if k not in expected)
        if strict:
            if unexpected:
                errors.insert(0, "Unexpected key(s) in state_dict: " + ", ".join(f'"{k}"' for k in unexpected) + ". ")
            if missing:
                errors.insert(0, "Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ")
        if errors:
            raise StateDictError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t"
                                 + "\n\t".join(errors))
        for slot, value in targets:
            if isinstance(slot, Cell):
                slot.set_extra_state(value)
                continue
            slot._t.copy_(value._t.to(device=slot._t.device, dtype=slot._t.dtype))
        result = _IncompatibleKeys(missing, unexpected)
        for _, cell in self.cells_and_names():
            for hook in cell._hooks_of("_load_state_dict_post_hooks").values():
                hook(cell, result)
        return result

    def update_cell_prefix(self):
        """Give every sub-cell the parameter-name prefix of its attribute path (``param_prefix``)."""
        for name, cell in self.cells_and_names():
            cell.__dict__["_param_prefix"] = name

    def update_cell_type(self, cell_type):
        self.__dict__["cell_type"] = cell_type

    def update_parameters_name(self, prefix="", recurse=True):
        if not isinstance(prefix, str):
            raise TypeError(f"For 'update_parameters_name', 'prefix' must be str, but got {type(prefix).__name__}")
        for name, param in self.parameters_and_names(expand=recurse):
            if prefix != "":
                param.is_init = False
            param.name = prefix + name

    def check_names(self):
        names = set()
        for value, param in self.parameters_and_names():
            if param.name in names:
                raise ValueError(f"The value of {value} is {param}, its name '{param.name}' already exists. "
                                 "Please set a unique name for the parameter.")
            names.add(param.name)

    def name_cells(self):
        seen = set()
        out = OrderedDict()
        for name, cell in self._cells.items():
            if cell is not None and cell not in seen:
                seen.add(cell)
                out[name] = cell
        return out

    def cells(self):
        return self.name_cells().values()

    @property
    def param_prefix(self):
        return self._param_prefix

    @property
    def cls_name(self):
        return type(self).__name__

    # ---- modes and conversions -----------------------------------------------------------
    @property
    def jit_config_dict(self):
        """The options of ``set_jit_config`` (an empty dict until it is called)."""
        return self.__dict__.get("_jit_config_dict", {})

    def set_jit_config(self, jit_config):
        """Keep ``jit_config``'s options (only the first call counts, as in the reference); GRAPH_MODE compiles
        with torch.compile whatever they say."""
        if self.jit_config_dict:
            import logging

            logging.getLogger("lightspore").warning("For Cell, jit config can only be set once, ignore this setting.")
        else:
            self.__dict__["_jit_config_dict"] = jit_config.jit_config_dict

    def set_train(self, mode=True):
        self.__dict__["_phase"] = "train" if mode else "predict"     # this cell's only, as the reference's
        for _, cell in self.cells_and_names():
            cell.__dict__["training"] = bool(mode)
        return self

    @property
    def phase(self):
        return self.__dict__.get("_phase", "train")

    @phase.setter
    def phase(self, value):
        if not isinstance(value, str):
            raise TypeError(f"For 'Cell', the property 'phase' must be string type, but got type {type(value)}.")
        self.__dict__["_phase"] = value

    def set_grad(self, requires_grad=True):
        self.__dict__["requires_grad"] = requires_grad
        return self

    def add_flags(self, **flags):
        self.__dict__["_flags"].update(flags)
        for k, v in flags.items():
            object.__setattr__(self, k, v) if k not in ("training", "requires_grad") else None
        return self

    def add_flags_recursive(self, **flags):
        for _, cell in self.cells_and_names():
            cell.add_flags(**flags)
        return self

    def get_flags(self):
        return dict(self._flags)

    def apply(self, fn):
        for cell in self.cells():
            cell.apply(fn)
        fn(self)
        return self

    def to_float(self, dst_type):
        """Run this cell (inputs cast) in ``dst_type``: float16, float32 or bfloat16."""
        if dst_type not in (mstype.float16, mstype.float32, mstype.bfloat16):
            raise ValueError(f"For 'to_float', the argument 'dst_type' should be float32, float16 or bfloat16, "
                             f"but got {dst_type}.")
        for _, cell in self.cells_and_names():
            cell.__dict__["_cast_type"] = mstype.to_torch(dst_type)
        return self

    def set_boost(self, boost_type):
        return self

    def recompute(self, *, use_reentrant=True, output_recompute=False, early_stop=True, context_fn=None, **kwargs):
        """Activation checkpointing of this cell: inside grad/value_and_grad its intermediate activations are not
        kept but computed again in the backward pass (``torch.utils.checkpoint``, as ``ms.recompute``; the
        keywords are 2.10's)."""
        if use_reentrant and not output_recompute and context_fn is not None:
            raise ValueError("context_fn is only supported when use_reentrant=False.")
        self.__dict__["_recompute_opts"] = (early_stop, context_fn)
        for key in kwargs:
            if key not in ("mp_comm_recompute", "parallel_optimizer_comm_recompute", "recompute_slice_activation"):
                raise ValueError(f"For 'recompute', keyword '{key}' is not recognized! the key kwargs must be "
                                 "'mp_comm_recompute', 'parallel_optimizer_comm_recompute', "
                                 "'recompute_slice_activation'")
        import functools
        self.__dict__["construct"] = functools.partial(_recompute_construct, self)   # found before the class's
        scope = self.__dict__["_scope"]
        if scope is None:
            self.__dict__["_scope"] = "recompute_"
        elif not scope.startswith("recompute_"):
            self.__dict__["_scope"] = "recompute_" + scope

    def get_scope(self):
        """The cell's scope name in its network (None until ``generate_scope`` runs on a parent)."""
        return self.__dict__.get("_scope")

    def generate_scope(self):
        """Give every sub-cell its scope name: ``Default/<attribute path>``, with ``-<ClassName>`` after each part
        when the context's ``reserve_class_name_in_scope`` is True."""
        from .. import context
        keep_class = context.get_context("reserve_class_name_in_scope")

        def walk(cell, prefix):
            named = [(prefix + "/" + name + ("-" + type(c).__name__ if keep_class else ""), c)
                     for name, c in cell.name_cells().items()]
            for scope, c in named:
                yield scope, c
            for scope, c in named:
                yield from walk(c, scope)

        for scope, cell in walk(self, "Default"):
            own = cell.__dict__.get("_scope")
            if own is None:
                cell.__dict__["_scope"] = scope
            elif own == "recompute_":
                cell.__dict__["_scope"] = own + scope

    def shard(self, in_strategy, out_strategy=None, parameter_plan=None):
        """Parallel sharding strategy: recorded; lightspore runs the cell unsharded on one device."""
        self.__dict__["_shard"] = (in_strategy, out_strategy, parameter_plan)
        return self

    def set_inputs(self, *inputs, **kwargs):
        self.__dict__["_inputs"] = inputs

    def get_inputs(self):
        return self.__dict__.get("_inputs")

    def init_parameters_data(self, auto_parallel_mode=False):
        return {p: p for p in self.get_parameters()}

    # ---- repr --------------------------------------------------------------------------
    def extend_repr(self):
        return ""

    def _get_name(self):
        return type(self).__name__

    def __repr__(self):
        extra = self.extend_repr()
        extra_lines = extra.split("\n") if extra else []
        child_lines = []
        for key, cell in self._cells.items():
            child_lines.append("(" + key + "): " + _addindent(repr(cell), 2))
        lines = extra_lines + child_lines
        main = self._get_name() + "("
        if lines:
            if len(extra_lines) == 1 and not child_lines:
                main += extra_lines[0]
            else:
                main += "\n  " + "\n  ".join(lines) + "\n"
        return main + ")"

    def __str__(self):
        return self.__repr__()


class _ArglessCell(Cell):
    """A Cell whose constructor takes no arguments: its signature is ``()``, as the reference's for such layers."""

    def __init__(self):
        super().__init__()


def _cast_float(a, tdt):
    if isinstance(a, Tensor) and a._t.is_floating_point() and a._t.dtype != tdt:
        return Tensor._make(a._t.to(tdt))
    return a


from ._graph_cell import GraphCell  # noqa: E402  (written in nn/_graph_cell.py; nn.cell.GraphCell as in the reference)


# ---------------------------------------------------------------------------------------------
# containers
# ---------------------------------------------------------------------------------------------
def _valid_index(n, index, where):
    if not isinstance(index, int) or isinstance(index, bool):
        raise TypeError(f"For '{where}', the type of 'index' must be int, but got {type(index).__name__}.")
    if not -n <= index < n:
        raise IndexError(f"For '{where}', the value range of 'index' should be [{-n}, {n - 1}], but got {index}.")
    return index % n


def _valid_cell(cell, where):
    if not isinstance(cell, Cell):
        raise TypeError(f"For '{where}', each cell should be subclass of Cell, but got {type(cell).__name__}.")


class SequentialCell(Cell):
    """Cells run in order; built from a list of cells, an OrderedDict, or positional cells."""

    def __init__(self, *args):
        super().__init__()
        self._is_dynamic_name = []
        if len(args) == 1:
            cells = args[0]
            if isinstance(cells, list):
                for index, cell in enumerate(cells):
                    _valid_cell(cell, "SequentialCell")
                    self.insert_child_to_cell(str(index), cell)
                    cell.update_parameters_name(str(index) + ".")
                    self._is_dynamic_name.append(True)
            elif isinstance(cells, OrderedDict):
                for name, cell in cells.items():
                    _valid_cell(cell, "SequentialCell")
                    self.insert_child_to_cell(name, cell)
                    cell.update_parameters_name(name + ".")
                    self._is_dynamic_name.append(False)
            elif isinstance(cells, Cell):
                self.insert_child_to_cell("0", cells)
                cells.update_parameters_name("0.")
                self._is_dynamic_name.append(True)
            else:
                raise TypeError(f"For '{type(self).__name__}', the 'args[0]' must be list or orderedDict, "
                                f"but got {type(cells).__name__}")
        else:
            for index, cell in enumerate(args):
                _valid_cell(cell, "SequentialCell")
                self.insert_child_to_cell(str(index), cell)
                cell.update_parameters_name(str(index) + ".")
                self._is_dynamic_name.append(True)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(OrderedDict(list(self._cells.items())[index]))
        if isinstance(index, Tensor):
            index = int(index)
        index = _valid_index(len(self), index, type(self).__name__)
        return list(self._cells.values())[index]

    def __setitem__(self, index, cell):
        _valid_cell(cell, type(self).__name__)
        index = _valid_index(len(self), index, type(self).__name__)
        key = list(self._cells.keys())[index]
        cell.update_parameters_name(key + ".")
        self._cells[key] = cell

    def __delitem__(self, index):
        if isinstance(index, int):
            index = _valid_index(len(self), index, type(self).__name__)
            key = list(self._cells.keys())[index]
            del self._cells[key]
            del self._is_dynamic_name[index]
        elif isinstance(index, slice):
            keys = list(self._cells.keys())[index]
            for key in keys:
                del self._cells[key]
            del self._is_dynamic_name[index]
        else:
            raise TypeError(f"For '{type(self).__name__}', the type of index must be int or slice, "
                            f"but got {type(index).__name__}.")
        cells = self._cells
        self.__dict__["_cells"] = OrderedDict()
        for idx, cell in enumerate(cells.values()):
            if self._is_dynamic_name[idx]:
                for child_name in list(cell.__dict__["_params"].keys()):
                    p = cell.__dict__["_params"][child_name]
                    if p is not None:
                        p.name = str(idx) + "." + child_name
                self._cells[str(idx)] = cell
            else:
                self._cells[list(cells.keys())[idx]] = cell

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells.values())

    def __bool__(self):
        return len(self._cells) != 0

    def append(self, cell):
        _valid_cell(cell, type(self).__name__)
        prefix, _ = _get_prefix_and_index(self._cells)
        cell.update_parameters_name(prefix + str(len(self)) + ".")
        self._is_dynamic_name.append(True)
        self._cells[str(len(self))] = cell

    def insert(self, index, cell):
        idx = _insert_cell(self, index, cell)
        self._is_dynamic_name.insert(idx, True)
        return self

    @property
    def cell_list(self):
        """The cells in order (a new list, as the reference rebuilds it on every change)."""
        return list(self._cells.values())

    def set_grad(self, flag=True):
        self.__dict__["requires_grad"] = flag
        for cell in self._cells.values():
            cell.set_grad(flag)

    def construct(self, input_data):
        for cell in self._cells.values():
            input_data = cell(input_data)
        return input_data


def _recompute_construct(cell, *args, **kwargs):
    from ..common.recompute import _recompute
    return _recompute(type(cell).construct.__get__(cell), args, kwargs, *cell.__dict__.get("_recompute_opts", ()))


def _cell_recompute_2_7_1(self, **kwargs):
    pass


def _cell_recompute_2_10_0(self, *, use_reentrant=True, output_recompute=False, early_stop=True, context_fn=None,
                           **kwargs):
    pass


def _valid_insert_index(n, index, where):
    if not isinstance(index, int) or isinstance(index, bool):
        raise TypeError(f"For '{where}', the type of 'index' must be int, but got {type(index).__name__}.")
    if not -n <= index <= n:
        raise IndexError(f"For '{where}', the value of 'index' must be a number in range [{-n}, {n}], "
                         f"but got {index}.")
    return index % n if (n != 0 and index != n) else index


def _get_prefix_and_index(cells):
    """The name prefix before the list index in the children's parameter names, and its position."""
    prefix, index = "", 0
    found = []
    for key, cell in cells.items():
        first = next(cell.parameters_and_names(), None)
        if first is not None:
            found.append((key, first[1]))
            if len(found) == 2:
                break
    if not found:
        return prefix, index
    first_key, first_param = found[0]
    parts = first_param.name.split(".")
    for idx, part in enumerate(parts):
        if part == first_key:
            prefix = ".".join(parts[:idx])
            prefix = prefix + "." if prefix else prefix
            index = idx
            if len(found) > 1:
                second_key, second_param = found[1]
                sp = second_param.name.split(".")
                if idx < len(sp) and sp[idx] == second_key:
                    break
    return prefix, index


def _insert_cell(container, index, cell):
    """Insert ``cell`` before ``index`` in a list-like container, shifting and renaming the tail."""
    name = type(container).__name__
    idx = _valid_insert_index(len(container), index, name)
    _valid_cell(cell, name)
    cells = container._cells
    length = len(cells)
    prefix, key_index = _get_prefix_and_index(cells)
    while length > idx:
        if container._auto_prefix:
            _rename_tail(cells[str(length - 1)], prefix, length, key_index)
        cells[str(length)] = cells[str(length - 1)]
        length -= 1
    cells[str(idx)] = cell
    if container._auto_prefix:
        cell.update_parameters_name(prefix + str(idx) + ".")
    return idx


def _rename_tail(cell, prefix, new_index, key_index):
    for _, param in cell.parameters_and_names():
        param.name = prefix + str(new_index) + "." + ".".join(param.name.split(".")[key_index + 1:])


class CellList(Cell):
    """A list of cells, indexable like a Python list."""

    def __init__(self, *args, **kwargs):
        auto_prefix = kwargs.pop("auto_prefix", True)
        super().__init__(auto_prefix)
        if len(args) == 1:
            self.extend(args[0])

    def __getitem__(self, index):
        if isinstance(index, Tensor):
            index = int(index)
        if isinstance(index, slice):
            return type(self)(list(self._cells.values())[index])
        if isinstance(index, int):
            index = _valid_index(len(self), index, type(self).__name__)
            return self._cells[str(index)]
        raise TypeError(f"For '{type(self).__name__}', the type of 'index' must be int or slice, "
                        f"but got {type(index).__name__}.")

    def __setitem__(self, index, cell):
        if not isinstance(index, int):
            raise TypeError(f"For '{type(self).__name__}', the type of 'index' must be int, "
                            f"but got {type(index).__name__}.")
        _valid_cell(cell, type(self).__name__)
        index = _valid_index(len(self), index, type(self).__name__)
        if self._auto_prefix:
            prefix, _ = _get_prefix_and_index(self._cells)
            cell.update_parameters_name(prefix + str(index) + ".")
        self._cells[str(index)] = cell

    def __delitem__(self, index):
        name = type(self).__name__
        if isinstance(index, int):
            index = _valid_index(len(self), index, name)
            del self._cells[str(index)]
        elif isinstance(index, slice):
            for key in list(self._cells.keys())[index]:
                del self._cells[key]
        else:
            raise TypeError(f"For '{name}', the type of 'index' must be int or slice, "
                            f"but got {type(index).__name__}.")
        prefix, key_index = _get_prefix_and_index(self._cells)
        cells = OrderedDict()
        for idx, cell in enumerate(self._cells.values()):
            if self._auto_prefix:
                _rename_tail(cell, prefix, idx, key_index)
            cells[str(idx)] = cell
        self.__dict__["_cells"] = cells

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells.values())

    def __iadd__(self, cells):
        self.extend(cells)
        return self

    def __bool__(self):
        return len(self._cells) != 0

    def insert(self, index, cell):
        _insert_cell(self, index, cell)

    def extend(self, cells):
        name = type(self).__name__
        if not isinstance(cells, list):
            raise TypeError(f"For '{name}', the new cells wanted to append should be instance of list, "
                            f"but got {type(cells).__name__}.")
        prefix, _ = _get_prefix_and_index(self._cells)
        for cell in cells:
            if isinstance(cell, CellDict):
                raise TypeError(f"For '{name}', the type of cell can not be CellDict, but got {type(cell).__name__}.")
            _valid_cell(cell, name)
            if self._auto_prefix:
                cell.update_parameters_name(prefix + str(len(self)) + ".")
            self._cells[str(len(self))] = cell
        return self

    def append(self, cell):
        _valid_cell(cell, type(self).__name__)
        if self._auto_prefix:
            prefix, _ = _get_prefix_and_index(self._cells)
            cell.update_parameters_name(prefix + str(len(self)) + ".")
        self._cells[str(len(self))] = cell

    def set_grad(self, flag=True):
        self.__dict__["requires_grad"] = flag
        for cell in self._cells.values():
            cell.set_grad(flag)


class CellDict(Cell):
    """An ordered mapping of names to cells."""

    def __init__(self, *args, **kwargs):
        auto_prefix = kwargs.pop("auto_prefix", True)
        super().__init__(auto_prefix)
        if len(args) == 1:
            self.update(args[0])

    def __getitem__(self, key):
        return self._cells[key]

    def __setitem__(self, key, cell):
        self._validate_key(key)
        _valid_cell(cell, type(self).__name__)
        if self._auto_prefix:
            cell.update_parameters_name(key + ".")
        self.insert_child_to_cell(key, cell)

    def __delitem__(self, key):
        del self._cells[key]

    def __len__(self):
        return len(self._cells)

    def __iter__(self):
        return iter(self._cells)

    def __contains__(self, key):
        return key in self._cells

    @staticmethod
    def _validate_key(key):
        if not isinstance(key, str):
            raise TypeError(f"For 'CellDict', the type of key should be string, but got {type(key).__name__}.")
        if key in ("training", "requires_grad"):
            raise KeyError(f"For 'CellDict', the key '{key}' is reserved.")

    def clear(self):
        self._cells.clear()

    def pop(self, key):
        v = self[key]
        del self[key]
        return v

    def keys(self):
        return self._cells.keys()

    def values(self):
        return self._cells.values()

    def items(self):
        return self._cells.items()

    def update(self, cells):
        if isinstance(cells, (OrderedDict, CellDict, dict)):
            for k, v in cells.items():
                self[k] = v
        else:
            for i, kv in enumerate(cells):
                if not isinstance(kv, (list, tuple)) or len(kv) != 2:
                    raise ValueError(f"For 'CellDict.update', element #{i} should be a key-value pair of length 2.")
                self[kv[0]] = kv[1]


def _pre_hook_2_7_1(self, hook_fn, with_kwargs=False):
    pass


def _pre_hook_2_10_0(self, hook_fn, *, prepend=False, with_kwargs=False):
    pass


def _hook_2_7_1(self, hook_fn, with_kwargs=False):
    pass


def _hook_2_10_0(self, hook_fn, *, prepend=False, with_kwargs=False, always_call=False):
    pass


# prepend / always_call are new in 2.10 (which also makes with_kwargs keyword-only): the signature reported follows
# the release; the methods accept both forms
_release.signature_per_release(Cell.register_forward_pre_hook, _pre_hook_2_7_1, _pre_hook_2_10_0)
_release.signature_per_release(Cell.register_forward_hook, _hook_2_7_1, _hook_2_10_0)
_release.signature_per_release(Cell.recompute, _cell_recompute_2_7_1, _cell_recompute_2_10_0)

from . import _meta  # noqa: E402

Cell.to, Cell.to_empty = _meta.to, _meta.to_empty     # 2.10: move/cast the Parameters in place, the meta device
_cell_members.attach(Cell)   # compile/compile_and_run, offload, mixed-precision type, parallel/compiler state
