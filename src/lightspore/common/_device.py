"""The torch device new tensors are created on (set by ``set_context(device_target=...)``)."""
import torch

_state = {"device": torch.device("cpu")}


def current_device():
    return _state["device"]


def set_current_device(dev):
    _state["device"] = torch.device(dev)
