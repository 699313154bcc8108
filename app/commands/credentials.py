"""`masivo credentials set|delete|test PROVIDER`: credentials live only in the OS keyring."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TextIO

from app.commands._provider import CommandError, emit, failure_message, open_provider
from app.core.reasons import reason_text
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.providers import registry
from app.providers.base import Credentials, ProviderFailure


def read_secret(label: str) -> str:
    """From stdin when it is not a terminal (scripts), else a hidden prompt."""
    if sys.stdin is None or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n") if sys.stdin else ""
    return getpass.getpass(f"{label}: ")


def set_credentials(args: argparse.Namespace, out: TextIO, store: CredentialStore) -> int:
    caps = registry.capabilities(args.provider)
    if not caps.credentials:
        raise CommandError(f"{caps.name} no necesita credenciales.", 0)
    user_field = next(field for field in caps.credentials if not field.secret)
    secret_field = next(field for field in caps.credentials if field.secret)
    secret = read_secret(secret_field.label)
    if not secret:
        raise CommandError(f"{secret_field.label} vacío: no se guardó nada.", 2)
    try:
        store.save(args.provider, Credentials({user_field.key: args.user, secret_field.key: secret}))
    except KeyringUnavailable:
        raise CommandError(reason_text("no_keyring"), 2) from None
    emit(out, args, {"provider": args.provider, "stored": True}, f"Credenciales de {caps.name} guardadas.")
    if caps.plain_http:
        print(reason_text("plain_http", caps.name), file=sys.stderr)
    return 0


def delete_credentials(args: argparse.Namespace, out: TextIO, store: CredentialStore) -> int:
    try:
        deleted = store.delete(args.provider)
    except KeyringUnavailable:
        raise CommandError(reason_text("no_keyring"), 2) from None
    text = "Credenciales borradas." if deleted else "No había credenciales guardadas."
    emit(out, args, {"provider": args.provider, "deleted": deleted}, text)
    return 0


def test_credentials(args: argparse.Namespace, out: TextIO, store: CredentialStore) -> int:
    caps = registry.capabilities(args.provider)
    provider = open_provider(args.provider, args.base_url, store)
    try:
        balance = provider.test_credentials()
    except ProviderFailure as failure:
        raise CommandError(failure_message(failure, caps.name)) from None
    finally:
        provider.close()
    data = {"provider": args.provider, "ok": True, "sms": balance.sms, "email": balance.email}
    emit(out, args, data, f"Conexión con {caps.name} correcta.")
    return 0


ACTIONS = {"set": set_credentials, "delete": delete_credentials, "test": test_credentials}


def run(args: argparse.Namespace, out: TextIO, store: CredentialStore | None = None) -> int:
    return ACTIONS[args.action](args, out, store or CredentialStore())
