"""``python -m vanthu``: the same as the ``vanthu`` command."""

from .cli import main

main()
