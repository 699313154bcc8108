"""The CLI with the business's own mail server: credentials, a login test, a campaign, no leaked secret."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import run
from app.core.logs import REDACTOR
from app.core.secrets import CredentialStore
from app.core.unsubscribe import STORE_ID
from tests.fakes.sheets import email_sheet
from tests.fakes.smtp import PASSWORD, USER, FakeSmtpServer, smtp_server

from .conftest import MemoryKeyring


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSmtpServer]:
    with smtp_server(tmp_path) as running:
        monkeypatch.setenv("SSL_CERT_FILE", str(running.cert))  # trusted like a real server's certificate
        yield running


def masivo(monkeypatch: pytest.MonkeyPatch, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    errors = io.StringIO()
    monkeypatch.setattr("sys.stderr", errors)
    out = io.StringIO()
    code = run(list(argv), out=out)
    return code, out.getvalue(), errors.getvalue()


def store_smtp(monkeypatch: pytest.MonkeyPatch, server: FakeSmtpServer, password: str) -> tuple[int, ...]:
    return masivo(
        monkeypatch, "credentials", "set", "smtp", "--user", USER,
        "--field", "preset=other", "--field", f"host={server.host}", "--field", f"port={server.port}",
        "--field", "from_name=Tienda Ñuñoa", "--field", f"from_email={USER}",
        "--field", "unsubscribe_url=https://masivo.empresa.cl",
        stdin=password + "\n",
    )  # fmt: skip


def test_a_campaign_through_the_cli_and_no_secret_anywhere(
    monkeypatch: pytest.MonkeyPatch, server: FakeSmtpServer, tmp_path: Path, masivo_home: Path,
    memory_keyring: MemoryKeyring,
) -> None:  # fmt: skip
    outputs: list[Any] = []
    outputs.append(store_smtp(monkeypatch, server, PASSWORD))
    assert outputs[-1][0] == 0
    stored = json.loads(memory_keyring.entries[("masivo", "smtp")])
    assert stored["host"] == server.host and stored["preset"] == "other" and stored["password"] == PASSWORD

    outputs.append(masivo(monkeypatch, "credentials", "test", "smtp"))
    assert outputs[-1][0] == 0, outputs[-1]
    assert REDACTOR.redact(f"preset other, port {server.port}") == f"preset other, port {server.port}"
    assert PASSWORD not in REDACTOR.redact(f"login {PASSWORD}")

    body = tmp_path / "oferta.html"
    body.write_text("<p>Hola <b>{Nombre}</b>, tenemos una oferta.</p>", encoding="utf-8")
    sheet = email_sheet(tmp_path / "clientes.xlsx", 5)
    outputs.append(masivo(monkeypatch, "send", "--provider", "smtp", "--channel", "email", "--recipients",
                          str(sheet), "--message-file", str(body), "--html", "--subject", "Oferta {Nombre}",
                          "--yes", "--json"))  # fmt: skip
    assert outputs[-1][0] == 0, outputs[-1]
    assert sorted(server.recipients()) == [f"cliente{i}@example.com" for i in range(5)]
    mail = server.received[0].message
    assert mail.get_content_type() == "multipart/alternative"
    assert mail["List-Unsubscribe"].strip().startswith("<https://masivo.empresa.cl/email/unsubscribe/")

    outputs.append(masivo(monkeypatch, "email-check", "--from", USER, "--nameserver", "127.0.0.1:9"))
    secret = CredentialStore().load(STORE_ID)
    assert secret is not None and secret["secret"], "the unsubscribe secret lives in the keyring"
    for value in (PASSWORD, secret["secret"]):
        for _, out, err in outputs:
            assert value not in out and value not in err
        for path in masivo_home.rglob("*"):
            if path.is_file():
                assert value.encode() not in path.read_bytes(), f"{path.name} holds a secret"


def test_a_wrong_password_says_so_in_plain_words(
    monkeypatch: pytest.MonkeyPatch, server: FakeSmtpServer, masivo_home: Path
) -> None:
    store_smtp(monkeypatch, server, "not-the-password")
    code, out, err = masivo(monkeypatch, "credentials", "test", "smtp")
    assert code != 0
    assert "Usuario o clave incorrectos" in err and "not-the-password" not in out + err
    assert server.received == []


def test_an_unknown_field_is_refused(monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring) -> None:
    code, _, err = masivo(monkeypatch, "credentials", "set", "smtp", "--user", USER, "--field", "colour=red",
                          stdin="x\n")  # fmt: skip
    assert code == 2 and "colour" in err and memory_keyring.entries == {}
    code, _, err = masivo(monkeypatch, "credentials", "set", "smtp", "--user", USER, "--field",
                          "security=maybe", stdin="x\n")  # fmt: skip
    assert code == 2 and "starttls" in err


def test_an_unencrypted_server_is_saved_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    code, _, err = masivo(monkeypatch, "credentials", "set", "smtp", "--user", USER, "--field",
                          "security=plain", stdin="x\n")  # fmt: skip
    assert code == 0 and "legibles por la red" in err and memory_keyring.entries
    code, _, err = masivo(monkeypatch, "credentials", "set", "smtp", "--user", USER, "--field",
                          "security=tls", stdin="x\n")  # fmt: skip
    assert code == 0 and "legibles" not in err


def test_the_unsubscribe_key_moves_to_the_receivers_computer(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    code, shown, _ = masivo(monkeypatch, "webhooks", "unsubscribe-key", "--json")
    key = json.loads(shown)["key"]
    assert code == 0 and len(key) >= 32
    assert masivo(monkeypatch, "webhooks", "unsubscribe-key", "--json")[1] == shown, "made once, then kept"
    memory_keyring.entries.clear()  # the server's keyring
    assert masivo(monkeypatch, "webhooks", "unsubscribe-key", "--set", stdin="short\n")[0] == 2
    assert masivo(monkeypatch, "webhooks", "unsubscribe-key", "--set", stdin=key + "\n")[0] == 0
    assert CredentialStore().load(STORE_ID) is not None
    assert json.loads(masivo(monkeypatch, "webhooks", "unsubscribe-key", "--json")[1])["key"] == key
