"""mindspore.dataset.engine.datasets_audio: the speech and music dataset readers."""
from .._loaders_audio import (
    CMUArcticDataset,
    GTZANDataset,
    LibriTTSDataset,
    LJSpeechDataset,
    SpeechCommandsDataset,
    TedliumDataset,
    YesNoDataset,
)

__all__ = ["CMUArcticDataset", "LibriTTSDataset", "GTZANDataset", "LJSpeechDataset", "SpeechCommandsDataset",
           "YesNoDataset",
           "TedliumDataset"]
