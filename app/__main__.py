"""Entry point: `masivo` with no arguments opens the window; with a command, runs it headless."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "gui":
        # Only the window imports Qt: headless commands must run on servers without display libraries.
        from app.gui.application import run_window

        return run_window(args[1:])
    from app.cli import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
