"""What the command-line tests share: running `masivo` in this process."""

from __future__ import annotations

import io
import json
from typing import Any

from app.cli import run


def masivo(*argv: str) -> tuple[int, Any]:
    """Run a command in-process; the parsed JSON it printed (or its text)."""
    out = io.StringIO()
    code = run(list(argv), out=out)
    text = out.getvalue()
    try:
        return code, json.loads(text)
    except ValueError:
        return code, text
