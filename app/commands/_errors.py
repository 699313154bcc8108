"""The one error a command raises to fail in a sentence; `app.cli.run` prints it and exits with its code."""

from __future__ import annotations


class CommandError(Exception):
    """A sentence for the user and the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code
