"""A fake IT Cloud Services, following its document "ENVIO SMS DESDE OTROS SISTEMA" v4 to the letter.

`sendsms` (GET or POST) takes `user`, `token`, `GSM` (numbers separated by commas), `SMSText` and the
optional `metodo_envio`; it answers a bare code for one number, else one `number,code` line per
number. `query.php` answers the balance or -1. It keeps a balance, answers -2 outside 08:00-21:00
Bogota time by an injectable clock, and gives any documented code on demand.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from tests.fakes.server import Reply, Request

SEND_PATH = "/sms/back_sms/public/api/sendsms"
BALANCE_PATH = "/itcloud/api/sendsms/query.php"
BOGOTA = ZoneInfo("America/Bogota")
MAX_TEXT = 765
MAX_NUMBERS = 5000
MODES = ("1via", "2via", "flash")
RESERVED_WORDS = ("casino", "prestamo inmediato")
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def in_window(now: dt.datetime) -> bool:
    """The CRC window: 8 am to 9 pm, Colombia time."""
    local = now.astimezone(BOGOTA).time()
    return dt.time(8, 0) <= local < dt.time(21, 0)


@dataclass
class Sent:
    code: int
    number: str
    text: str
    mode: str


@dataclass
class FakeItCloud:
    """State of the fake account; `handle` is served by `tests.fakes.server`."""

    user: str = "cliente@example.com"
    token: str = "59k45nabeeqvi8wn2ja9"
    balance: int = 10_000
    clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    separator: str = "<br>\n"  # between the lines of a multi-number answer
    bare_single: bool = True  # one number answers the bare code (else `number,code`)
    links_allowed: bool = False
    administrator: bool = False  # the balance query "no aplica" to an administrator profile
    blocklist: set[str] = field(default_factory=set)
    whole_code: int | None = None  # a code to answer for the whole request, e.g. -6 (maintenance)
    codes: dict[str, int] = field(default_factory=dict)  # a code to answer for one number
    sent: list[Sent] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(12102253))

    def handle(self, request: Request) -> Reply:
        if request.method not in ("GET", "POST"):
            return Reply(405, "Method Not Allowed")
        if request.path == SEND_PATH:
            return Reply(200, self.send(request))
        if request.path == BALANCE_PATH:
            return Reply(200, self.query(request))
        return Reply(404, "Not Found")

    def send(self, request: Request) -> str:
        if request.arg("user") != self.user or request.arg("token") != self.token:
            return "-1"
        # "si no se envia esta variable, por defecto queda 1via"; a value outside the options is -11,
        # "Esta variable debe tener una de estas opciones '1via' '2via' 'flash'" (the quotes are prose).
        mode = request.arg("metodo_envio")
        if mode is not None and mode not in MODES:
            return "-11"
        text = request.arg("SMSText") or ""
        if not text.strip() or len(text) > MAX_TEXT:
            return "-5"
        numbers = (request.arg("GSM") or "").split(",")
        if len(numbers) > MAX_NUMBERS:
            return "-7"
        if self.whole_code is not None:
            return str(self.whole_code)
        if not in_window(self.clock()):
            return "-2"
        codes = [(number, self._code(number, text, mode or "1via")) for number in numbers]
        if len(codes) == 1 and self.bare_single:
            return str(codes[0][1])
        return self.separator.join(f"{number},{code}" for number, code in codes)

    def _code(self, number: str, text: str, mode: str) -> int:
        if number in self.codes:
            return self.codes[number]
        if not (number.isdigit() and len(number) == 12):
            return -4
        if number[2:5] == "380":  # the document's example of a number with no operator
            return 0
        if number in self.blocklist:
            return -8
        if any(word in text.lower() for word in RESERVED_WORDS):
            return -9
        if LINK.search(text) and not self.links_allowed:
            return -10
        if self.balance <= 0:
            return -3
        self.balance -= 1
        code = next(self._ids)
        self.sent.append(Sent(code, number, text, mode))
        return code

    def query(self, request: Request) -> str:
        # Section 2's table: `User` and `token` (its example's `password=` is not the table's word).
        # "Esto no aplica para cuentas con perfil de administrador": such an account reads -1.
        if request.arg("user") != self.user or request.arg("token") != self.token or self.administrator:
            return "-1"
        return str(self.balance)
