"""mindspore.dataset.engine.datasets_audio: the speech and music dataset readers."""
from .._loaders_audio import GTZANDataset, LJSpeechDataset, SpeechCommandsDataset, YesNoDataset

__all__ = ["GTZANDataset", "LJSpeechDataset", "SpeechCommandsDataset", "YesNoDataset"]
