"""The 2.10 names ``UntypedStorage``, ``register_saved_tensors_hooks``, the core limits, ``set_cpu_affinity``,
``ms_memory_recycle``, ``set_dump``, ``memory_replay``, ``PluggableAllocator``/``MemPool``/``use_mem_pool`` and
``Cell.register_parameter_forward_hook`` against the 2.10 reference's CPU build (tests/golden/gen_runtime_210.py)."""
from _golden import json_case_suite

import lightspore as ms

test_all_cases_have_golden, test_case = json_case_suite("runtime_210_cases", "runtime_210_2.10.0.json", ms)


def test_limits_read_back_what_was_set():
    """The core limits are kept and read back (the reference's CPU build returns uninitialised numbers)."""
    ms.set_device_limit(1, 8, 16)
    assert ms.get_device_limit(1) == {"cube_core_num": 8, "vector_core_num": 16}
    s = ms.runtime.Stream()
    assert ms.get_stream_limit(s) == {"cube_core_num": -1, "vector_core_num": -1}
    with ms.StreamLimitCtx(s, 4, 5):
        assert ms.get_stream_limit(s) == {"cube_core_num": 4, "vector_core_num": 5}
    assert ms.get_stream_limit(s) == {"cube_core_num": -1, "vector_core_num": -1}
    ms.set_stream_limit(s, 2, 3)
    ms.reset_stream_limit(s)
    assert ms.get_stream_limit(s) == {"cube_core_num": -1, "vector_core_num": -1}
