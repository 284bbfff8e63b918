"""pyHanko's coroutines run to the end from plain (synchronous) code, inside an event loop or not.

pyHanko signs and validates with ``async`` functions. ``asyncio.run`` refuses to start when the
calling thread already runs an event loop (an ``async`` web route, a test under Playwright's
loop); the coroutine then runs in a thread of its own, and the caller waits for it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def chay(coroutine: Coroutine[Any, Any, T]) -> T:
    """The coroutine's result, run to the end on a loop of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vanthu-ky-so") as pool:
        return pool.submit(asyncio.run, coroutine).result()


__all__ = ["chay"]
