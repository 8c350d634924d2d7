"""MindSpore 2.10's ``device=`` argument (``ms.tensor``, ``mint.rand*``): 'CPU' (the current device) or 'meta'
(torch's meta device: shape and dtype without storage)."""
_DEVICES = ("CPU", "meta")


def torch_device(device, where):
    """The torch device for MindSpore's ``device`` argument: None (the default device) or 'meta'."""
    if device is None or device == "CPU":
        return None
    if device == "meta":
        return "meta"
    raise ValueError(f"Only {_DEVICES} is supported for device, but got {device}.")
