"""The rotating log file, and the filter that keeps every secret out of it.

The filter redacts values the app knows are secret (registered by the credential
store as it reads or writes them) and, as a second line of defence, anything that
looks like one: `password=`/`token=`-style parameters, Basic/Bearer authorization
headers, and the vendors' auth headers.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import re
import threading
from pathlib import Path

from app.core.paths import private_dir, private_file
from app.core.printable import printable

MASK = "***"
_SECRET_PARAMS = r"password|passwd|pass|token|api_key|apikey|key|secret|authenticationtoken|authorization"
PATTERNS = (
    # query strings and form bodies: password=..., &token=...
    re.compile(rf"(?i)(\b(?:{_SECRET_PARAMS})=)[^&\s'\"]+"),
    # JSON and dict reprs: "password": "...", 'token': '...'
    re.compile(rf"(?i)([\"'](?:{_SECRET_PARAMS})[\"']\s*:\s*[\"'])[^\"']*"),
    # headers: Authorization: Basic xxx / AuthenticationToken: xxx
    re.compile(r"(?i)(authorization:?\s*(?:basic|bearer)\s+)[A-Za-z0-9+/=._-]+"),
    re.compile(r"(?i)(authenticationtoken:?\s*)\S+"),
)


class Redactor(logging.Filter):
    """Masks known secrets and secret-looking parameters in every record it sees."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add(self, secret: str) -> None:
        # Very short values would mask ordinary words; the patterns still cover them in context.
        if len(secret) >= 4:
            with self._lock:
                self._secrets.add(secret)

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        for pattern in PATTERNS:
            text = pattern.sub(rf"\g<1>{MASK}", text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        if record.exc_info:
            # Format the traceback now, redacted, so the handler never formats the raw one.
            formatter = logging.Formatter()
            record.exc_text = self.redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


REDACTOR = Redactor()  # process-wide: the credential store registers secrets here


class OneLine(logging.Filter):
    """A message is one line: a CR/LF or ESC in a reply or a refused field cannot forge or hide an entry.

    Runs after the redactor (which has merged the arguments); a traceback, kept apart in
    `exc_text`, keeps its lines.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = printable(record.getMessage())
        record.args = None
        return True


ONE_LINE = OneLine()


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, the first and each one a rotation starts, is made 0600 before it is opened."""

    def _open(self) -> io.TextIOWrapper:
        private_file(Path(self.baseFilename))
        return super()._open()


def setup_logging(folder: Path, level: int = logging.INFO) -> Path:
    """Log to a rotating file in `folder`; every handler passes through the redactor."""
    private_dir(folder)
    path = folder / "masivo.log"
    root = logging.getLogger()
    if any(getattr(h, "masivo", False) for h in root.handlers):
        return path
    handler = PrivateRotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.masivo = True  # type: ignore[attr-defined]
    handler.addFilter(REDACTOR)
    handler.addFilter(ONE_LINE)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level, level) if root.level else level)
    # Libraries log through their own loggers: make sure none bypasses the filter at the root.
    for other in root.handlers:
        for check in (REDACTOR, ONE_LINE):
            if check not in other.filters:
                other.addFilter(check)
    return path
