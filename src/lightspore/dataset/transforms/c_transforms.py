"""Mirror of ``mindspore.dataset.transforms.c_transforms`` (its names are in _mirrors.json)."""
from lightspore._mirror import mirror

mirror(globals())
