"""``mindspore.version``: the MindSpore release whose API lightspore provides."""
__version__ = '2.7.1'
