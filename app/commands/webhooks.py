"""`masivo webhooks serve|urls|rotate`: the receiver of status updates and replies providers push."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import TextIO

from app.commands._common import open_journal_or_fail
from app.commands._provider import CommandError, emit
from app.commands.texts import TEXTS
from app.core.journal.inbox_models import Stored
from app.core.logs import REDACTOR
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.settings import open_settings
from app.core.unsubscribe import STORE_ID, ensure_secret
from app.core.wording import word
from app.providers.base import Credentials
from app.webhooks.routes import ROUTES, ensure_tokens, rotate_tokens, urls

log = logging.getLogger(__name__)


def run(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "serve":
        return serve(args, out)
    if args.action == "urls":
        return show_urls(args, out)
    if args.action == "unsubscribe-key":
        return unsubscribe_key(args, out)
    return rotate(args, out)


def no_keyring() -> CommandError:
    return CommandError(word(TEXTS, "receiver_needs_keyring"), 2)


def tokens_or_fail(store: CredentialStore | None = None) -> dict[str, str]:
    try:
        return ensure_tokens(store or CredentialStore())
    except KeyringUnavailable:
        raise no_keyring() from None


def unsubscribe_secret(store: CredentialStore | None = None) -> str:
    """The secret that checks e-mail's one-click unsubscribe links (made on first use); "" when the
    keyring cannot keep one: the receiver then serves without that route."""
    try:
        return ensure_secret(store or CredentialStore())
    except KeyringUnavailable:
        log.warning("no unsubscribe secret in the keyring: one-click unsubscribe links are not answered")
        return ""


def unsubscribe_key(args: argparse.Namespace, out: TextIO) -> int:
    """Show the unsubscribe secret, or `--set` it from stdin: the computers that send e-mail and the
    one that runs the receiver must share it (the links are signed where the campaign is sent)."""
    store = CredentialStore()
    try:
        if args.set:
            secret = sys.stdin.readline().strip() if sys.stdin else ""
            if len(secret) < 32:
                raise CommandError(word(TEXTS, "unsubscribe_key_too_short"), 2)
            store.save(STORE_ID, Credentials({"secret": secret}))
            emit(out, args, {"stored": True}, word(TEXTS, "unsubscribe_key_stored"))
            return 0
        secret = ensure_secret(store)
    except KeyringUnavailable:
        raise no_keyring() from None
    emit(out, args, {"key": secret}, secret)
    return 0


def serve(args: argparse.Namespace, out: TextIO) -> int:
    """Receive until SIGINT/SIGTERM, then stop cleanly (requests in flight finish first)."""
    from app.webhooks.server import Receiver

    tokens = tokens_or_fail()
    secret = unsubscribe_secret()
    journal = open_journal_or_fail()
    receiver = Receiver(journal, tokens, host=args.host, port=args.port, unsubscribe_secret=secret,
                        words=open_settings().get("opt_out_words"), on_stored=_log_stored)  # fmt: skip
    stop = threading.Event()
    try:
        with _stderr_warnings(), _stop_on_signals(stop):
            try:
                receiver.start()
            except OSError as exc:
                raise CommandError(
                    word(TEXTS, "cannot_listen", host=args.host, port=args.port, error=exc.strerror or exc), 2
                ) from None
            try:
                _announce(args, out, receiver.url, receiver.port)
                while not stop.wait(0.5):
                    pass
            finally:
                receiver.stop()  # requests in flight are answered first
        done = word(TEXTS, "receiver_stopped", stored=receiver.writer.stored)
        print(done, file=sys.stderr if getattr(args, "json", False) else out)
        return 0
    finally:
        journal.close()


def _announce(args: argparse.Namespace, out: TextIO, url: str, port: int) -> None:
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(word(TEXTS, "receiver_plain_http"), file=sys.stderr)
    started = {"url": url, "host": args.host, "port": port}
    emit(out, args, started, word(TEXTS, "receiver_listening", url=url))
    out.flush()


def show_urls(args: argparse.Namespace, out: TextIO) -> int:
    base = args.base_url.strip()
    if not base.startswith(("https://", "http://")):
        raise CommandError(word(TEXTS, "not_a_web_address", base=base), 2)
    found = urls(base, tokens_or_fail())
    lines = [f"{route.label}:\n  {found[route.name]}" for route in ROUTES]
    if base.startswith("http://"):
        lines.append(word(TEXTS, "webhook_url_plain_http"))
    emit(out, args, found, "\n".join(lines))
    return 0


def rotate(args: argparse.Namespace, out: TextIO) -> int:
    try:
        rotate_tokens(CredentialStore())
    except KeyringUnavailable:
        raise no_keyring() from None
    text = word(TEXTS, "receiver_keys_renewed")
    emit(out, args, {"rotated": [route.name for route in ROUTES]}, text)
    return 0


def _log_stored(outcomes: Sequence[Stored]) -> None:
    """What the operator's log says per group (counts, no numbers or texts: they are personal data)."""
    replies = [o.reply for o in outcomes if o.new and o.reply is not None]
    opt_outs = sum(1 for reply in replies if reply.opt_out)
    if replies:
        log.info("%d replies stored (%d opt-outs)", len(replies), opt_outs)


@contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop` (the main thread then stops the receiver cleanly)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    names = [name for name in ("SIGINT", "SIGTERM", "SIGBREAK") if hasattr(signal, name)]
    previous = {name: signal.signal(getattr(signal, name), handler) for name in names}
    try:
        yield
    finally:
        for name, old in previous.items():
            signal.signal(getattr(signal, name), old)


@contextmanager
def _stderr_warnings() -> Iterator[None]:
    """Warnings and errors on stderr too (journald keeps them); through the redactor, like the log file."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.addFilter(REDACTOR)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
