"""``mindspore.nn.wrap``: training and evaluation wrappers."""
from .cell_wrapper import (
    ForwardValueAndGrad,
    ParameterUpdate,
    TrainOneStepCell,
    WithEvalCell,
    WithGradCell,
    WithLossCell,
)

__all__ = ["ForwardValueAndGrad", "TrainOneStepCell", "WithLossCell", "WithGradCell", "WithEvalCell",
           "ParameterUpdate"]
from .loss_scale import DynamicLossScaleUpdateCell, FixedLossScaleUpdateCell, TrainOneStepWithLossScaleCell  # noqa: E402

__all__ += ["TrainOneStepWithLossScaleCell", "DynamicLossScaleUpdateCell", "FixedLossScaleUpdateCell"]
from .grad_accumulation import GradAccumulationCell  # noqa: E402
from .grad_reducer import DistributedGradReducer  # noqa: E402

__all__ += ["DistributedGradReducer"]

__all__ += ["GradAccumulationCell"]
