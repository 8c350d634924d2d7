"""Mirror of ``mindspore.dataset.engine.samplers`` (its names are in _mirrors.json)."""
from lightspore._mirror import mirror

mirror(globals())
