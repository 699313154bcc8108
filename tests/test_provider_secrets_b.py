"""No token or password of IT Cloud, Wavy or Convergia reaches a log record or an exception's text.

Requests go over real HTTP with DEBUG logging captured. Records from Masivo's own loggers must be
clean as they are made. urllib3 logs each request line, query string included (Convergia and IT
Cloud's balance carry the secret there, as documented): those records must come out clean from the
app's log filter (`app.core.logs.Redactor`), here a fresh one that knows no secret, only patterns.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

from app.providers import convergia, itcloud, wavy
from app.providers.base import Channel, Credentials, OutgoingMessage, Provider, SendOptions
from app.providers.http import HttpClient
from tests.fakes.convergia import FakeConvergia
from tests.fakes.itcloud import BOGOTA, FakeItCloud
from tests.fakes.server import Reply, serving
from tests.fakes.wavy import FakeWavy
from tests.secret_checks import assert_clean, failures_of


@dataclass
class Vendor:
    module: ModuleType
    fake: Any  # FakeItCloud | FakeWavy | FakeConvergia
    secret_key: str  # the credential key holding the secret, also the fake's attribute for it

    @property
    def secret(self) -> str:
        return str(getattr(self.fake, self.secret_key))

    def credentials(self, secret: str | None = None) -> Credentials:
        chosen = self.secret if secret is None else secret
        return Credentials({"user": self.fake.user, self.secret_key: chosen})


def itcloud_in_window() -> FakeItCloud:
    return FakeItCloud(clock=lambda: dt.datetime(2025, 3, 4, 10, 0, tzinfo=BOGOTA))


VENDORS = {
    "itcloud": lambda: Vendor(itcloud, itcloud_in_window(), "token"),
    "wavy": lambda: Vendor(wavy, FakeWavy(token="wavy-Secr3t-token-91"), "token"),
    "convergia": lambda: Vendor(convergia, FakeConvergia(password="Conv-Secr3t-pass-77"), "password"),
}
NUMBER = "573102111111"


@pytest.fixture(params=sorted(VENDORS))
def vendor(request: pytest.FixtureRequest) -> Vendor:
    return VENDORS[request.param]()


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    yield caplog


def make(vendor: Vendor, url: str, secret: str | None = None, read_timeout: float = 5.0) -> Provider:
    client = HttpClient(url, timeout=(2.0, read_timeout), sleep=lambda _: None, jitter=lambda: 0.5)
    provider: Provider = vendor.module.create(vendor.credentials(secret), client)
    return provider


def every_call(provider: Provider) -> list[Callable[[], object]]:
    pair = [OutgoingMessage(2, NUMBER, "Hola"), OutgoingMessage(3, "573102111112", "Hola")]
    calls: list[Callable[[], object]] = [
        lambda: provider.send([OutgoingMessage(1, NUMBER, "Hola")], SendOptions()),
        lambda: provider.statuses(["1", "2"], Channel.SMS),
        provider.balance,
        provider.test_credentials,
    ]
    if provider.capabilities.bulk_size > 1:
        calls.append(lambda: provider.send(pair, SendOptions()))
    return calls


def test_successful_requests(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    with serving(vendor.fake.handle) as server:
        failures = failures_of(every_call(make(vendor, server.url)))
        sent = [r.body.decode() + str(r.query) + str(r.headers) for r in server.requests]
        assert any(vendor.secret in text for text in sent), "the secret did travel: the test is real"
    assert_clean(vendor.secret, debug_logs, failures)


def test_wrong_credentials(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    secret = vendor.secret
    setattr(vendor.fake, vendor.secret_key, "the-one-the-vendor-expects")
    with serving(vendor.fake.handle) as server:
        failures = failures_of(every_call(make(vendor, server.url, secret=secret)))
    # IT Cloud's balance -1 cannot prove the token wrong (administrator accounts read -1 too).
    said = {"wrong_credentials", "balance_unreadable", "credentials_unconfirmed"}
    expected = said if vendor.module.__name__.endswith("itcloud") else {"wrong_credentials"}
    assert failures and {f.problem.reason for f in failures} <= expected
    setattr(vendor.fake, vendor.secret_key, secret)  # the secret the adapter sent, for assert_clean
    assert_clean(vendor.secret, debug_logs, failures)


def test_connection_refused(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = make(vendor, f"http://127.0.0.1:{port}")
    failures = failures_of(every_call(provider))
    assert failures and all(f.problem.reason == "provider_unreachable" for f in failures)
    assert_clean(vendor.secret, debug_logs, failures)


def test_timeout(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    with serving(vendor.fake.handle) as server:
        server.faults.delay_after = lambda r: 0.6
        failures = failures_of(every_call(make(vendor, server.url, read_timeout=0.2))[:1])
    assert [f.problem.reason for f in failures] == ["answer_lost"]
    assert_clean(vendor.secret, debug_logs, failures)


def test_a_vendor_echoing_the_secret_is_masked(vendor: Vendor, debug_logs: pytest.LogCaptureFixture) -> None:
    echo = f"<html>Bad request: password={vendor.secret} token {vendor.secret}</html>"
    with serving(lambda r: Reply(404, echo)) as server:
        failures = failures_of(every_call(make(vendor, server.url)))
    assert failures and all(f.problem.detail for f in failures)
    assert_clean(vendor.secret, debug_logs, failures)
