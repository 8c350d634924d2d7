"""Optional progress bar for ``Model.train`` / ``Model.fit`` (a lightspore addition; off by default).

Set the environment variable ``LIGHTSPORE_PROGRESS=1`` before training and, when the ``tqdm`` package
is installed, each training epoch shows a ``tqdm`` bar on stderr with the step count and the last
loss. Nothing else changes: no argument or name is added to the reference's API, callbacks run as
before and stdout (``LossMonitor``'s lines, prints) stays exactly what the reference prints. Without
``tqdm`` the variable only logs one warning. ``LIGHTSPORE_PROGRESS`` unset, empty or ``0`` turns it off.
"""
import logging
import os
import sys

logger = logging.getLogger("lightspore")

_warned = []


def enabled():
    return os.environ.get("LIGHTSPORE_PROGRESS", "").strip().lower() not in ("", "0", "false", "off", "no")


class _NoBar:
    def step(self, outputs):
        pass

    def close(self):
        pass


class _LineSafeStdout:
    """``sys.stdout`` while a bar is shown: whole lines are written with the bar cleared first and drawn again
    after (tqdm's external_write_mode), so ``LossMonitor``'s lines and prints never land on the bar's line."""

    def __init__(self, real, tqdm):
        self._real, self._tqdm, self._pending = real, tqdm, ""

    def write(self, text):
        self._pending += text
        if "\n" in self._pending:
            lines, self._pending = self._pending.rsplit("\n", 1)
            with self._tqdm.external_write_mode(file=self._real):
                self._real.write(lines + "\n")
                self._real.flush()
        return len(text)

    def flush(self):
        self._real.flush()

    def close_pending(self):
        if self._pending:
            with self._tqdm.external_write_mode(file=self._real):
                self._real.write(self._pending)
            self._pending = ""

    def __getattr__(self, name):
        return getattr(self._real, name)


class _Bar:
    def __init__(self, tqdm, total, desc):
        self._bar = tqdm(total=total, desc=desc, file=sys.stderr, leave=True, dynamic_ncols=True)
        self._stdout = _LineSafeStdout(sys.stdout, tqdm)
        sys.stdout = self._stdout

    def step(self, outputs):
        loss = outputs[0] if isinstance(outputs, (tuple, list)) and outputs else outputs
        try:
            value = float(loss.asnumpy()) if hasattr(loss, "asnumpy") else float(loss)
            self._bar.set_postfix(loss=f"{value:.6g}", refresh=False)
        except (TypeError, ValueError):
            pass
        self._bar.update(1)

    def close(self):
        if sys.stdout is self._stdout:
            sys.stdout = self._stdout._real
        self._stdout.close_pending()
        self._bar.close()


def bar(total, desc):
    """A bar for one epoch of ``total`` steps, or a no-op when the bar is off or tqdm is missing."""
    if not enabled():
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        if not _warned:
            _warned.append(True)
            logger.warning("LIGHTSPORE_PROGRESS is set but the 'tqdm' package is not installed; no progress bar.")
        return _NoBar()
    return _Bar(tqdm, total, desc)
