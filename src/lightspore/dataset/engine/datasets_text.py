"""Mirror of ``mindspore.dataset.engine.datasets_text`` (its names are in _mirrors.json)."""
from lightspore._mirror import mirror

mirror(globals())
