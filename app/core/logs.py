"""The rotating log file, and the one masking every secret passes through: `REDACTOR`.

It masks values the app knows are secret (registered by the credential store as it
reads or writes them, and by every adapter's `create`: `base.register_secrets`), in every
form a request or an echoing error page may show them: plain, URL- and form-encoded,
JSON- and HTML-escaped, base64, and inside a Basic authorization header. As a second
line of defence it masks anything that looks like one: `password=`/`token=`-style
parameters, Basic/Bearer authorization headers, and the vendors' auth headers.
It filters log records, and `Problem` details (evidence for the journal, the report, the
CLI and the window) pass through `REDACTOR.redact` as they are made.
"""

from __future__ import annotations

import base64
import html
import io
import json
import logging
import logging.handlers
import re
import threading
from pathlib import Path
from urllib.parse import quote, quote_plus

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
        self._ordered: list[str] = []
        self._lock = threading.Lock()

    def add(self, secret: str, user: str = "") -> None:
        """Mask `secret` in every form it may travel in; `user` also masks the Basic header of the pair."""
        # Very short values would mask ordinary words; the patterns still cover them in context.
        if len(secret) < 4:
            return
        forms = set(encodings(secret))
        if user:
            forms.add(base64.b64encode(f"{user}:{secret}".encode()).decode())
        with self._lock:
            self._secrets |= {form for form in forms if len(form) >= 4}
            self._ordered = sorted(self._secrets, key=len, reverse=True)  # longest first: forms overlap

    def redact(self, text: str) -> str:
        """`text` with every known secret, and anything that looks like one, masked."""
        for secret in self._ordered:  # replaced whole by `add`: safe to read without the lock
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


def encodings(secret: str) -> list[str]:
    """The forms a secret takes in a URL, a form body, a JSON body, an HTML page, or base64."""
    return [
        secret,
        quote(secret, safe=""),
        quote(secret),  # keeps "/", as `requests` does in a path
        quote_plus(secret),  # query strings and form bodies (urlencode)
        quote_plus(secret, safe="/"),
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        html.escape(secret),
        base64.b64encode(secret.encode()).decode(),
    ]


REDACTOR = Redactor()  # process-wide: the credential store and every adapter register secrets here


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
