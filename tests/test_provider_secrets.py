"""No password of Connecta nor API key of Connectus reaches a log record or an exception's text.

Requests go over real HTTP with DEBUG logging captured. Records from Masivo's own loggers must be
clean as they are made. urllib3 logs each request line with its query string, where Connecta's GETs
carry the password (as documented): those records must come out clean from the app's log filter
(`app.core.logs.Redactor`), here a fresh one that knows no secret, only patterns. Connecta's POSTs
carry it in the JSON body and Connectus in the Basic auth header, which nothing logs.
(IT Cloud, Wavy and Convergia: tests/test_provider_secrets_b.py.)
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

from app.core.domain import Channel
from app.providers import connecta, connectus
from app.providers.base import Credentials, OutgoingMessage, Provider, SendOptions
from app.providers.http import HttpClient
from tests.fakes.connecta import FakeConnecta
from tests.fakes.connectus import FakeConnectus
from tests.fakes.server import Reply, serving
from tests.secret_checks import assert_clean, failures_of


@dataclass
class Vendor:
    module: ModuleType
    fake: Any  # FakeConnecta | FakeConnectus
    user: tuple[str, str]  # credential key of the user, the fake's attribute holding it
    secret_: tuple[str, str]  # credential key of the secret, the fake's attribute holding it

    @property
    def secret(self) -> str:
        return str(getattr(self.fake, self.secret_[1]))

    def credentials(self, secret: str) -> Credentials:
        return Credentials({self.user[0]: getattr(self.fake, self.user[1]), self.secret_[0]: secret})


VENDORS = {
    "connecta": lambda: Vendor(
        connecta, FakeConnecta(password="Cnt-Secr3t-pass-42"), ("user", "username"), ("password", "password")
    ),
    "connectus": lambda: Vendor(
        connectus,
        FakeConnectus(api_key="c7a5ecr3ta91key0000000000000000ff"),
        ("account_id", "account_id"),
        ("api_key", "api_key"),
    ),
}


@pytest.fixture(params=sorted(VENDORS))
def vendor(request: pytest.FixtureRequest) -> Vendor:
    return VENDORS[request.param]()


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    yield caplog


def make(vendor: Vendor, url: str, secret: str | None = None, read_timeout: float = 5.0) -> Provider:
    client = HttpClient(url, timeout=(2.0, read_timeout), sleep=lambda _: None, jitter=lambda: 0.5)
    provider: Provider = vendor.module.create(vendor.credentials(secret or vendor.secret), client)
    return provider


def every_call(provider: Provider) -> list[Callable[[], object]]:
    email = SendOptions(channel=Channel.EMAIL, sender_name="Sol", sender_email="ventas@sol.cl")
    pair = [OutgoingMessage(2, "56912345678", "Hola"), OutgoingMessage(3, "56912345679", "Hola")]
    calls: list[Callable[[], object]] = [
        lambda: provider.send([OutgoingMessage(1, "56912345678", "Hola")], SendOptions()),
        lambda: provider.send([OutgoingMessage(4, "ana@example.com", "Hola", subject="S")], email),
        lambda: provider.statuses(["150", "151"], Channel.SMS),
        lambda: provider.statuses(["150"], Channel.EMAIL),
        provider.balance,
        provider.test_credentials,
    ]
    if provider.capabilities.bulk_size > 1:
        calls.append(lambda: provider.send(pair, SendOptions()))
    return calls


def test_successful_requests(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    with serving(vendor.fake.handle) as server:
        failures = failures_of(every_call(make(vendor, server.url)))
        travelled = [r for r in server.requests if vendor.secret in r.body.decode() + str(r.query)]
        assert travelled or vendor.module is connectus, "the secret did travel: the test is real"
    assert failures == []
    assert_clean(vendor.secret, debug_logs, failures)


def test_wrong_credentials(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    sent = vendor.secret
    setattr(vendor.fake, vendor.secret_[1], "the-one-the-vendor-expects")
    with serving(vendor.fake.handle) as server:
        failures = failures_of(every_call(make(vendor, server.url, secret=sent)))
    assert failures and all(f.problem.reason == "wrong_credentials" for f in failures)
    assert_clean(sent, debug_logs, failures)


def test_connection_refused(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    failures = failures_of(every_call(make(vendor, f"http://127.0.0.1:{port}")))
    assert failures and all(f.problem.reason == "provider_unreachable" for f in failures)
    assert_clean(vendor.secret, debug_logs, failures)


def test_timeout(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    with serving(vendor.fake.handle) as server:
        server.faults.delay_after = lambda r: 0.6
        calls = every_call(make(vendor, server.url, read_timeout=0.2))
        failures = failures_of([calls[0], calls[4]])  # a send (POST) and a balance (GET)
    # The send is unknown; the balance, a read, was asked again before it failed.
    assert [f.problem.reason for f in failures] == ["answer_lost", "provider_unavailable"]
    assert_clean(vendor.secret, debug_logs, failures)


def test_a_vendor_echoing_the_secret_is_masked(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    echo = f"<html>Bad request: password={vendor.secret} key {vendor.secret}</html>"
    with serving(lambda r: Reply(400, echo)) as server:
        failures = failures_of(every_call(make(vendor, server.url)))
    assert failures and all(vendor.secret not in f.problem.detail and f.problem.detail for f in failures)
    assert_clean(vendor.secret, debug_logs, failures)
