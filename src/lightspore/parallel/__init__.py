"""``mindspore.parallel``: lightspore builds data parallelism only (on ``torch.distributed``); the context lives in
``parallel._auto_parallel_context`` and its helpers in ``parallel._utils``. Sharding, layouts and pipelines
(semi-auto/auto parallel) are not built, so their names are absent."""
