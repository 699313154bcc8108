"""`masivo providers`, `credentials` and `balance`, against the IT Cloud fake over real HTTP."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from app.cli import run
from tests.fakes.itcloud import FakeItCloud
from tests.fakes.server import FakeServer, serving

from .conftest import MemoryKeyring


@pytest.fixture
def fake() -> FakeItCloud:
    return FakeItCloud(balance=4321)


@pytest.fixture
def server(fake: FakeItCloud) -> Iterator[FakeServer]:
    with serving(fake.handle) as server:
        yield server


def cli(*argv: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    code = run(list(argv), out=out)
    return code, out.getvalue()


def test_providers_json_lists_every_capability(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = cli("providers", "--json", monkeypatch=monkeypatch)
    assert code == 0
    providers = {p["id"]: p for p in json.loads(out)["providers"]}
    assert set(providers) == {"demo", "connecta", "connectus", "itcloud", "wavy", "convergia", "smtp"}
    assert providers["itcloud"]["number_digits"] == 12
    assert providers["itcloud"]["window"] == {"tz": "America/Bogota", "start": "08:00", "end": "21:00"}
    assert [f["key"] for f in providers["itcloud"]["credentials"]] == ["user", "token"]


def test_set_then_balance_then_delete(
    fake: FakeItCloud, server: FakeServer, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _ = cli(
        "credentials", "set", "itcloud", "--user", fake.user, stdin=fake.token + "\n", monkeypatch=monkeypatch
    )
    assert code == 0
    assert fake.token in memory_keyring.entries[("masivo", "itcloud")]
    code, out = cli(
        "balance", "--provider", "itcloud", "--base-url", server.url, "--json", monkeypatch=monkeypatch
    )
    assert code == 0
    assert json.loads(out) == {"provider": "itcloud", "sms": 4321, "email": None}
    code, out = cli(
        "credentials", "test", "itcloud", "--base-url", server.url, "--json", monkeypatch=monkeypatch
    )
    assert code == 0 and json.loads(out)["ok"] is True
    code, out = cli("credentials", "delete", "itcloud", "--json", monkeypatch=monkeypatch)
    assert json.loads(out) == {"provider": "itcloud", "deleted": True}
    assert memory_keyring.entries == {}


def test_wrong_token_is_one_plain_sentence(
    fake: FakeItCloud, server: FakeServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(
        "credentials",
        "set",
        "itcloud",
        "--user",
        fake.user,
        stdin="wrong-token-123\n",
        monkeypatch=monkeypatch,
    )
    code, _ = cli("credentials", "test", "itcloud", "--base-url", server.url, monkeypatch=monkeypatch)
    err = capsys.readouterr().err
    assert code == 1
    # IT Cloud's balance -1 cannot tell a wrong token from an administrator account: it says both.
    assert "el usuario o el token no son correctos" in err and len(err.strip().splitlines()) == 1
    assert "wrong-token-123" not in err and "Traceback" not in err


def test_missing_credentials_say_what_to_do(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = cli("balance", "--provider", "wavy", monkeypatch=monkeypatch)
    assert code == 2
    assert "masivo credentials set wavy" in capsys.readouterr().err


def test_demo_needs_no_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = cli("balance", "--provider", "demo", "--json", monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["sms"] > 0


def test_providers_say_itcloud_sends_to_colombia_only(monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = cli("providers", monkeypatch=monkeypatch)
    [itcloud] = [line for line in out.splitlines() if line.startswith("itcloud")]
    assert "solo números de Colombia (+57)" in itcloud and "modos SMS 1via / 2via / flash" in itcloud
    _, out = cli("providers", "--json", monkeypatch=monkeypatch)
    providers = {p["id"]: p for p in json.loads(out)["providers"]}
    assert providers["itcloud"]["countries"] == ["CO"] and providers["demo"]["countries"] == []
