"""The ``vanthu`` command line: its entry point, which starts the commands in ``lenh``.

Start-up is most of what a one-file ``vanthu render`` costs: importing WeasyPrint, pydantic,
python-docx and fontTools creates about 140,000 container objects that live until the process
ends. The garbage collector would walk them again and again while they are created, and once
more at exit, to find no garbage (about 250 ms together on a 2-core machine, measured with
``hyperfine``). So the entry point imports the commands with the collector paused, then moves
what the imports made into the permanent generation (``gc.freeze``) before collecting normally
for the command itself; and when the command is done it freezes everything, so that the exit
does not walk what the command loaded (WeasyPrint, SQLAlchemy) only to find it alive.
"""

from __future__ import annotations

import gc


def main() -> None:
    """Entry point of the ``vanthu`` command (and of ``python -m vanthu``).

    Ctrl-C while the commands are still being imported ends with status 130, as it does later.
    """
    gc.disable()
    try:
        from .lenh import chay
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    finally:
        gc.freeze()
        gc.enable()
    try:
        chay()
    finally:
        gc.freeze()
