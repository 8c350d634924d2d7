"""``get_worker_info``: inside a DataLoader worker, its id, the number of workers, its seed and its dataset copy
(torch's worker bookkeeping, since the workers are torch.utils.data's); None in the main process."""
from torch.utils.data import get_worker_info

__all__ = ["get_worker_info"]
