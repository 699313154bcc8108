"""Speed of e-mail through SMTP (issue 22). Run: `.venv/bin/python bench/bench_smtp.py [--messages N]`.

A local SMTP server (aiosmtpd with STARTTLS and AUTH, as the tests use) runs in its own process,
so that its Python does not share our GIL. Against it, with pacing off:
- a bare `smtplib` loop over one logged-in connection, sending the same personalized
  multipart messages (built with `email.message.EmailMessage`): the ceiling;
- Masivo: a journaled campaign sent by the dispatcher through the `smtp` adapter
  (one connection, a journal claim before each group, the answers journaled);
  target at least 80% of the bare loop's messages per second;
- peak memory of the send (tracemalloc, in a run of its own) for two list sizes: it must not
  grow with the list.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import smtplib
import ssl
import sys
import tempfile
import time
import tracemalloc
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.core.campaigns import CampaignPlan, create_campaign  # noqa: E402
from app.core.dispatcher import Dispatcher  # noqa: E402
from app.core.journal import open_journal  # noqa: E402
from app.core.pacing import Pace  # noqa: E402
from app.providers.base import Channel, Credentials  # noqa: E402
from app.providers.smtp import create  # noqa: E402
from tests.dispatcher_support import Row  # noqa: E402
from tests.fakes.smtp import PASSWORD, USER  # noqa: E402

BODY = (
    "<p>Hola <b>{nombre}</b>,</p>"
    "<p>Su cuota de {monto} vence el 15. <a href='https://x.cl/p'>Pague aquí</a>.</p>"
)
SUBJECT = "Su cuota de {monto}, {nombre}"


# --- the server, in its own process ----------------------------------------------------------------
class Counting:
    """Reads each message and forgets it (the server's memory stays flat)."""

    def __init__(self) -> None:
        self.count = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.count += 1
        return "250 2.0.0 OK queued"


def _serve(folder: str, pipe: Any) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    from tests.fakes.smtp import free_port, make_certificate

    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's own deprecation notes
    cert, key = make_certificate(Path(folder))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.password.decode() == PASSWORD
        return AuthResult(success=ok, handled=False)

    handler = Counting()
    security = dict(
        tls_context=context, require_starttls=True, authenticator=authenticate, auth_required=True
    )
    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), **security)
    controller.start()
    pipe.send((controller.port, str(cert)))
    pipe.recv()  # until the parent says stop
    pipe.send(handler.count)
    controller.stop()


# --- the two senders --------------------------------------------------------------------------------------
def fields(i: int) -> dict[str, str]:
    return {
        "nombre": f"Cliente {i}",
        "monto": f"${10_000 + i:,}".replace(",", "."),
        "correo": f"c{i}@example.com",
    }


def bare_loop(port: int, context: ssl.SSLContext, count: int) -> float:
    """Messages per second of a plain smtplib loop on one connection."""
    from app.core.email_draft import html_to_text

    smtp = smtplib.SMTP("127.0.0.1", port)
    smtp.starttls(context=context)
    smtp.login(USER, PASSWORD)
    start = time.perf_counter()
    for i in range(count):
        values = fields(i)
        html = BODY.format(**values)
        message = EmailMessage()
        message["From"] = f"Tienda <{USER}>"
        message["To"] = values["correo"]
        message["Subject"] = SUBJECT.format(**values)
        message["Message-ID"] = make_msgid(domain="empresa.cl")
        message.set_content(html_to_text(html))
        message.add_alternative(html, subtype="html")
        smtp.send_message(message)
    took = time.perf_counter() - start
    smtp.quit()
    return count / took


def masivo(
    port: int, context: ssl.SSLContext, count: int, folder: Path, measure_memory: bool = False
) -> float:
    """Messages per second of a journaled campaign sent by the dispatcher; or the send's peak bytes."""
    journal = open_journal(str(folder / f"journal-{count}-{measure_memory}.sqlite3"))
    rows = [Row(i + 2, fields(i)["correo"], fields(i)) for i in range(count)]
    plan = CampaignPlan("bench", "smtp", Channel.EMAIL, BODY, subject=SUBJECT, html=True)
    campaign = create_campaign(journal, plan, rows).campaign_id
    del rows
    credentials = Credentials({
        "preset": "other", "host": "127.0.0.1", "port": str(port), "security": "starttls", "user": USER,
        "password": PASSWORD, "from_name": "Tienda", "from_email": USER,
        "unsubscribe_url": "https://masivo.empresa.cl", "unsubscribe_secret": "bench-secret",
    })  # fmt: skip
    provider = create(credentials, ssl_context=context)
    if measure_memory:
        tracemalloc.start()
    start = time.perf_counter()
    result = Dispatcher(journal, campaign, provider, pace=Pace.off()).run()
    took = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if measure_memory else 0
    tracemalloc.stop()
    provider.close()
    journal.close()
    assert result.counts.get("accepted") == count, result.counts
    return float(peak) if measure_memory else count / took


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-smtp-"))
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(str(folder), child), daemon=True)
    server.start()
    port, cert = parent.recv()
    context = ssl.create_default_context(cafile=cert)
    try:
        count = args.messages
        bare_loop(port, context, 200)  # warm both sides
        bare = bare_loop(port, context, count)
        ours = masivo(port, context, count, folder)
        print(f"{count:,} personalized messages, one connection, STARTTLS + AUTH, pacing off")
        print(f"  bare smtplib loop : {bare:8.0f} messages/s")
        share = f"{ours / bare:.0%} of the bare loop (target >= 80%)"
        print(f"  Masivo (journaled): {ours:8.0f} messages/s  = {share}")
        small, large = count // 5, count
        peaks = {n: masivo(port, context, n, folder, measure_memory=True) for n in (small, large)}
        for n, peak in peaks.items():
            print(f"  peak memory of the send, {n:>6,} recipients: {peak / 1e6:6.1f} MB (tracemalloc)")
        print(f"  ratio large/small list: {peaks[large] / peaks[small]:.2f} (independent of the list: ~1)")
    finally:
        parent.send("stop")
        received = parent.recv()
        server.join(10)
    print(f"  the server received {received:,} messages")


if __name__ == "__main__":
    main()
