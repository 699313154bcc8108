"""A fake Convergia SMS web service, following its "guía rápida" (section 3, INSTRUCCIONES) to the letter.

`GET /?username=&password=&number=&message=&extra=` sends one SMS and answers a text whose first
number is the code of the list. The document never shows that text, only that an id is "regresado
al detonar la misma": `answer` picks the shape (the id labeled, a bare code, or a text that ends in
the phone number and carries no id), so the adapter is tested against each.
`GET /estatus_mensaje.php?username=&password=&messageid=` answers 0, 2, 3, 5 or 6. The account
has a quota of messages (204 beyond it) and any documented code can be forced.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from tests.fakes.server import Reply, Request

SEND_PATH = "/"
STATUS_PATH = "/estatus_mensaje.php"
MAX_TEXT = 612  # the document gives no figure; the fake needs one to answer 105

SEND_WORDS = {
    100: "Mensaje Enviado Correctamente",
    101: "API User no incluido en la cadena original.",
    102: "API Password no incluido en la cadena original.",
    103: "Texto del SMS no incluido en la cadena original.",
    104: "Número celular del SMS no incluido en la cadena original.",
    105: "Tamaño de mensaje excedido",
    109: "Error En red",
    110: "Error En red",
    200: "Error de Sistema",
    201: "Usuario o password incorrectos.",
    202: "IP No permitida para esta acción",
    204: "Numero de mensajes permitidos superado",
    205: "Trafico no permitido",
    254: "Error al enviar el mensaje.",
    305: "Error de Sistema",
    306: "Error de Sistema",
    307: "Numero incorrecto",
}
PENDING, FAILED, DELIVERED, AUTH_ERROR, NOT_FOUND = 0, 2, 3, 5, 6


@dataclass
class Sent:
    id: int
    number: str
    message: str
    extra: str | None
    status: int = PENDING


@dataclass
class FakeConvergia:
    """State of the fake account; `handle` is served by `tests.fakes.server`."""

    user: str = "empresa_mx"
    password: str = "clave-Convergia-31"
    quota: int = 10_000
    ip_allowed: bool = True
    force: dict[str, int] = field(default_factory=dict)  # number -> send code to answer
    answer: str = "labeled"  # "labeled": "100 - ... ID: 880001"; "bare": "100"; "echo": ends in the number
    sent: dict[int, Sent] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(880001))

    def handle(self, request: Request) -> Reply:
        if request.method != "GET":
            return Reply(405, "Method Not Allowed")
        if request.path == SEND_PATH:
            return Reply(200, self.send(request))
        if request.path == STATUS_PATH:
            return Reply(200, str(self.status(request)))
        return Reply(404, "Not Found")

    def send(self, request: Request) -> str:
        code = self._send_code(request)
        if code != 100:
            return f"{code} - {SEND_WORDS[code]}"
        number, message = request.arg("number") or "", request.arg("message") or ""
        sent = Sent(next(self._ids), number, message, request.arg("extra"))
        self.sent[sent.id] = sent
        self.quota -= 1
        if self.answer == "bare":
            return "100"
        if self.answer == "echo":
            return f"100 - {SEND_WORDS[100]} al {number}"
        return f"100 - {SEND_WORDS[100]}. ID: {sent.id}"

    def _send_code(self, request: Request) -> int:
        user, password = request.arg("username"), request.arg("password")
        message, number = request.arg("message"), request.arg("number")
        checks = [
            (not user, 101),
            (not password, 102),
            (not message, 103),
            (not number, 104),
            (user != self.user or password != self.password, 201),
            (not self.ip_allowed, 202),
            (number in self.force, self.force.get(number or "", 0)),
            (len(message or "") > MAX_TEXT, 105),
            (not (number or "").isdigit() or len(number or "") != 12, 307),
            (self.quota <= 0, 204),
        ]
        return next((code for failed, code in checks if failed), 100)

    def status(self, request: Request) -> int:
        if request.arg("username") != self.user or request.arg("password") != self.password:
            return AUTH_ERROR
        messageid = request.arg("messageid") or ""
        sent = self.sent.get(int(messageid)) if messageid.isdigit() else None
        return NOT_FOUND if sent is None else sent.status
