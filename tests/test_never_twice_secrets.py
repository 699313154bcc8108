"""No evidence carries a secret: a mixed workload against each vendor's fake whose error pages echo the
request (its line, headers and body), then every byte Masivo wrote or printed is searched for every
form of the secret: plain, URL- and form-encoded, JSON-escaped, base64, and the Basic header.

The secrets hold the characters that encodings change (`/ + & = % " space`), so that a form the
masking misses shows up; each test also proves the secret did travel in the form it searches for.
"""

from __future__ import annotations

import base64
import io
import json
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest

from app.cli import run
from app.core.secrets import CredentialStore
from app.providers.base import Credentials
from tests.engine_support import NOON, PROVIDERS, SEND_PATHS, Account
from tests.fakes.connecta import FakeConnecta
from tests.fakes.connectus import FakeConnectus
from tests.fakes.convergia import FakeConvergia
from tests.fakes.itcloud import FakeItCloud
from tests.fakes.server import Request, serving
from tests.test_never_twice import colombian_sheet

SECRET = 'Zq7/p+w&d=9 %41"x'


def special_account(provider: str) -> Account:
    """A fake account whose secret only survives a request if every encoding was done right."""
    if provider == "connecta":
        fake: object = FakeConnecta(password=SECRET)
        return Account(provider, fake, {"user": "empresa", "password": SECRET})
    if provider == "connectus":
        fake = FakeConnectus(api_key=SECRET)
        return Account(provider, fake, {"account_id": FakeConnectus.account_id, "api_key": SECRET})
    if provider == "itcloud":
        fake = FakeItCloud(token=SECRET, clock=lambda: NOON)
        return Account(provider, fake, {"user": FakeItCloud.user, "token": SECRET})
    if provider == "wavy":
        from tests.fakes.wavy import FakeWavy

        fake = FakeWavy(token=SECRET, clock=iter(range(0, 10**6, 2)).__next__)
        return Account(provider, fake, {"user": FakeWavy.user, "token": SECRET})
    fake = FakeConvergia(password=SECRET)
    return Account(provider, fake, {"user": FakeConvergia.user, "password": SECRET})


def forms(user: str) -> dict[str, bytes]:
    """Every form of SECRET that a request, an echoing page or careless code may show."""
    texts = {
        "plain": SECRET,
        "quote": quote(SECRET, safe=""),
        "quote_plus": quote_plus(SECRET),  # query strings and form bodies
        "json": json.dumps(SECRET)[1:-1],
        "base64": base64.b64encode(SECRET.encode()).decode(),
        "basic": base64.b64encode(f"{user}:{SECRET}".encode()).decode(),
    }
    return {name: text.encode() for name, text in texts.items()}


def mixed_faults(lock: threading.Lock) -> Callable[[Request], int | None]:
    """Echoing error pages: on the 1st read (500, asked again), the 2nd and 5th sends (502: unknown),
    and the 4th send (400: a refusal that pauses, or rejects the one message)."""
    counts = {"send": 0, "read": 0}

    def fault(request: Request) -> int | None:
        with lock:
            kind = "send" if request.path in SEND_PATHS else "read"
            counts[kind] += 1
            if kind == "read":
                return 500 if counts["read"] == 1 else None
            return {2: 502, 4: 400, 5: 502}.get(counts["send"])

    return fault


@pytest.mark.parametrize("provider_id", PROVIDERS)
@pytest.mark.usefixtures("sending_window_open")
def test_no_form_of_a_secret_reaches_the_data_folder_report_or_output(
    provider_id: str, masivo_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    account = special_account(provider_id)
    user = next(v for k, v in account.credentials.items() if k in ("user", "account_id"))
    sheet = colombian_sheet(tmp_path / "clientes.xlsx", 12)
    report = tmp_path / "informe.xlsx"
    outputs: list[str] = []
    with serving(account.fake.handle) as server:  # type: ignore[attr-defined]
        CredentialStore().save(provider_id, Credentials(dict(account.credentials)))
        server.faults.echo_before = mixed_faults(threading.Lock())
        first = masivo(outputs,
            "send", "--provider", provider_id, "--recipients", str(sheet), "--message", "Hola {Nombre}",
            "--country", "CO", "--base-url", server.url, "--batch-size", "2", "--interval", "0", "--yes",
        )  # fmt: skip
        campaign = "1"
        for _ in range(3):  # paused by the refusal: resume until it completes
            if masivo(outputs, "resume", campaign, "--json") != 1:
                break
        masivo(outputs, "status", campaign, "--refresh")
        server.faults.echo_before = lambda request: 400
        masivo(outputs, "credentials", "test", provider_id, "--base-url", server.url)
        server.faults.echo_before = lambda request: 403
        masivo(outputs, "balance", "--provider", provider_id, "--base-url", server.url)
        masivo(outputs, "report", campaign, "--out", str(report))
        travelled = b"\n".join(
            request.line.encode() + repr(sorted(request.headers.items())).encode() + request.body
            for request in server.requests
        )
    assert first == 4, "the echoed 502s left unknown messages: exit code 4"
    captured = capsys.readouterr()
    evidence = {
        **{str(path): path.read_bytes() for path in masivo_home.rglob("*") if path.is_file()},
        **{f"report:{name}": data for name, data in unzipped(report).items()},
        "stdout": ("".join(outputs) + captured.out).encode(),
        "stderr": captured.err.encode(),
    }
    assert any(form in travelled for form in forms(user).values()), "the secret never travelled"
    leaks = [
        f"{where} holds the {name} form, or a piece of it"
        for where, data in evidence.items()
        for name, form in forms(user).items()
        if any(piece in data for piece in pieces(form))
    ]
    assert leaks == []
    assert any(b"***" in data for data in evidence.values()), "nothing was masked: the test proves nothing"


def pieces(form: bytes, size: int = 10) -> list[bytes]:
    """Every run of `size` bytes of a form: a cut excerpt must not keep part of a secret either."""
    return [form[start : start + size] for start in range(max(1, len(form) - size + 1))]


def unzipped(path: Path) -> dict[str, bytes]:
    """An .xlsx is a zip file: its members, uncompressed, are what a reader sees."""
    with zipfile.ZipFile(path) as book:
        return {name: book.read(name) for name in book.namelist()}


def masivo(outputs: list[str], *argv: str) -> int:
    out = io.StringIO()
    code = run(list(argv), out=out)
    outputs.append(out.getvalue())
    return code
