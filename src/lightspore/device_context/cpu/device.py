"""CPU availability: always, one device."""


def is_available():
    """The CPU backend is always available."""
    return True


def device_count():
    """The CPU counts as one device."""
    return 1
