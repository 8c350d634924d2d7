"""``python -m lightspore.msrun``: MindSpore's ``msrun`` launcher on torch's elastic agent.

    python -m lightspore.msrun --worker_num=2 --local_worker_num=2 --log_dir=msrun_log --join=True train.py

starts two workers running ``train.py`` (``import mindspore`` resolved to lightspore), one
``msrun_log/worker_<rank>.log`` each, with the flags, defaults and checks of MindSpore 2.7.1's msrun.
"""
from ._launcher import main

__all__ = ["main"]
