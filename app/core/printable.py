"""Text from outside (a reply, a refused request) made safe for a terminal or a log line.

A reply may carry ESC sequences that drive the terminal showing it, a CR that overwrites
the line, a CR/LF that forges a log entry, or Unicode direction overrides that reorder
what is shown. Each is written as an escape instead (`\\x1b`, `\\r`, `\\n`, `\\u202e`);
a tab and every printable character, accents and emoji included, stay as they are.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidirectional embeddings and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def printable(text: str) -> str:
    """`text` with every control character escaped: one line, nothing a terminal would obey."""
    return _UNSAFE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match[0]
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
