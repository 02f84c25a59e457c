"""A bound on the time one article may take to analyse, shared by the file build and the store's workers.

Rules are linear by design, but a text nobody foresaw (a sentence of thousands of names, a page of digits)
must not hold a whole build: past the bound the article is given up and reported like an unreadable one.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


class TooSlow(BaseException):
    """Raised by the timer in the middle of an analysis; a BaseException, so no ``except Exception`` in the
    pipeline swallows it."""


@contextmanager
def within(seconds: float):
    """Interrupt the body after ``seconds`` with ``TooSlow`` (a real-time timer; only in a main thread,
    where signals are delivered: elsewhere, and for 0, no bound)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def too_slow_message(seconds: float) -> str:
    return f"took more than {seconds:g} s to analyse (--article-timeout sets the bound)"
