"""SIGTERM and SIGINT (a logout, `kill`, Ctrl+C in the terminal) close the window cleanly: no
question is asked and nothing is saved behind the runner's back; an unsaved edit stays in
the draft journal and is offered on the next start; the logbook is checkpointed and closed
and the window lock let go.

Python runs a signal handler only when the interpreter gets control, which it does not while
Qt waits for events; `signal.set_wakeup_fd` makes the C handler write a byte to a socket
that a QSocketNotifier watches, so the handler runs at once."""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

log = logging.getLogger(__name__)

SIGNALS = (signal.SIGTERM, signal.SIGINT)


class _Wakeup(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.reader, self.writer = socket.socketpair()
        for end in (self.reader, self.writer):
            end.setblocking(False)
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)
        signal.set_wakeup_fd(self.writer.fileno(), warn_on_full_buffer=False)

    def _drain(self, *_args) -> None:
        try:
            while self.reader.recv(64):
                pass
        except OSError:
            pass  # drained; the Python handler runs as this slot returns


_wakeups: list[_Wakeup] = []  # one per process, kept alive as long as it runs


def quit_on_signals(close_quietly: Callable[[], None]) -> None:
    """On SIGTERM or SIGINT, call close_quietly() from the event loop."""
    if not _wakeups:
        _wakeups.append(_Wakeup())

    def handle(signum, _frame) -> None:
        log.info("received %s: closing without saving or asking", signal.Signals(signum).name)
        QTimer.singleShot(0, close_quietly)

    for number in SIGNALS:
        signal.signal(number, handle)
