"""`masivo credentials set|delete|test PROVIDER`: credentials live only in the OS keyring."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from typing import TextIO

from app.commands._provider import CommandError, emit, failure_message, open_provider
from app.commands.texts import TEXTS
from app.core.reasons import reason_text
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.wording import word
from app.providers import registry
from app.providers.base import CredentialField, Credentials, ProviderFailure


def read_secret(label: str) -> str:
    """From stdin when it is not a terminal (scripts), else a hidden prompt."""
    if sys.stdin is None or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n") if sys.stdin else ""
    return getpass.getpass(f"{label}: ")


def set_credentials(args: argparse.Namespace, out: TextIO, store: CredentialStore) -> int:
    caps = registry.capabilities(args.provider)
    if not caps.credentials:
        raise CommandError(word(TEXTS, "no_credentials_needed", name=caps.name), 0)
    plain = [field for field in caps.credentials if not field.secret]
    user_field = next((field for field in plain if field.key == "user"), plain[0])
    secret_field = next(field for field in caps.credentials if field.secret)
    values = other_fields(caps.credentials, getattr(args, "field", []))
    secret = read_secret(secret_field.label)
    if not secret:
        raise CommandError(word(TEXTS, "secret_empty", label=secret_field.label), 2)
    values.update({user_field.key: args.user, secret_field.key: secret})
    try:
        store.save(args.provider, Credentials(values))
    except KeyringUnavailable:
        raise CommandError(reason_text("no_keyring"), 2) from None
    saved = word(TEXTS, "credentials_saved", name=caps.name)
    emit(out, args, {"provider": args.provider, "stored": True}, saved)
    if caps.plain_http:
        print(reason_text("plain_http", caps.name), file=sys.stderr)
    if values.get("security") == "plain":  # the window asks first; a script is told
        print(word(TEXTS, "smtp_plain_saved"), file=sys.stderr)
    return 0


def other_fields(fields: Sequence[CredentialField], given: Sequence[str]) -> dict[str, str]:
    """The fields besides the user and the secret: each field's default, then `KEY=VALUE` pairs."""
    values = {field.key: field.default for field in fields if field.default}
    known = {field.key: field for field in fields if not field.secret}
    for pair in given:
        key, sep, value = pair.partition("=")
        field = known.get(key.strip())
        if not sep or field is None:
            names = ", ".join(known)
            raise CommandError(word(TEXTS, "unknown_field", key=key, names=names), 2)
        if field.choices and value not in {choice for choice, _ in field.choices}:
            options = ", ".join(choice for choice, _ in field.choices)
            raise CommandError(word(TEXTS, "invalid_field_value", key=key, options=options), 2)
        values[field.key] = value.strip()
    return values


def delete_credentials(args: argparse.Namespace, out: TextIO, store: CredentialStore) -> int:
    try:
        deleted = store.delete(args.provider)
    except KeyringUnavailable:
        raise CommandError(reason_text("no_keyring"), 2) from None
    text = word(TEXTS, "credentials_deleted" if deleted else "no_credentials_saved")
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
    emit(out, args, data, word(TEXTS, "connection_ok", name=caps.name))
    return 0


ACTIONS = {"set": set_credentials, "delete": delete_credentials, "test": test_credentials}


def run(args: argparse.Namespace, out: TextIO, store: CredentialStore | None = None) -> int:
    return ACTIONS[args.action](args, out, store or CredentialStore())
