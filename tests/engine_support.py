"""What the engine tests share: each provider's fake account, its adapter over HTTP, campaigns, counts.

`received()` reads what a fake provider actually took (address, text), which is the
evidence that every recipient got its message exactly once.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core.domain import Channel
from app.core.engine.campaigns import CampaignPlan, create_campaign
from app.core.journal import Journal
from app.providers import registry
from app.providers.base import Credentials, Provider
from tests.fakes.connecta import FakeConnecta
from tests.fakes.connectus import FakeConnectus
from tests.fakes.convergia import FakeConvergia
from tests.fakes.itcloud import FakeItCloud
from tests.fakes.server import FakeServer, serving
from tests.fakes.wavy import FakeWavy

PROVIDERS = ("connecta", "connectus", "itcloud", "wavy", "convergia")
BOGOTA = ZoneInfo("America/Bogota")
NOON = dt.datetime(2025, 3, 10, 12, 0, tzinfo=BOGOTA)  # inside IT Cloud's sending window
SEND_PATHS = {
    "/send_sms",
    "/api_v1/send_sms",
    "/api_v1/send_sms_bulk",
    "/sms/back_sms/public/api/sendsms",
    "/v1/send-sms",
    "/v1/send-bulk-sms",
    "/",
}


@dataclass
class Account:
    """A fake provider account: its state, the credentials it takes, and what it received."""

    provider: str
    fake: Any
    credentials: dict[str, str]

    def received(self) -> list[tuple[str, str]]:
        """(number, text) of every message the fake processed, in no particular order."""
        fake = self.fake
        if self.provider == "connecta":
            return [
                (s.fields["numero"], s.fields["mensaje"]) for s in fake.sent.values() if s.channel == "sms"
            ]
        if self.provider == "connectus":
            return [(str(t.fields["dst_number"]), t.fields["sms_content"]) for t in fake.sms.values()]
        if self.provider == "itcloud":
            return [(s.number, s.text) for s in fake.sent]
        if self.provider == "wavy":
            return [(row["destination"], row["messageText"]) for row in fake.messages.values()]
        return [(s.number, s.message) for s in fake.sent.values()]

    def set_balance(self, credits: int) -> None:
        fake = self.fake
        if self.provider == "connecta":
            fake.credits["sms"] = credits
        elif self.provider == "connectus":
            fake.sms_balance = credits
        elif self.provider == "itcloud":
            fake.balance = credits
        elif self.provider == "wavy":
            fake.credit = credits
        else:
            fake.quota = credits


def account(provider: str, credits: int = 100_000) -> Account:
    """A fake account with plenty of credit (IT Cloud's clock is at noon in Bogota)."""
    if provider == "connecta":
        fake: Any = FakeConnecta(credits={"sms": credits, "email": credits})
        return Account(provider, fake, {"user": fake.username, "password": fake.password})
    if provider == "connectus":
        fake = FakeConnectus(sms_balance=credits, email_balance=credits)
        return Account(provider, fake, {"account_id": fake.account_id, "api_key": fake.api_key})
    if provider == "itcloud":
        fake = FakeItCloud(balance=credits, clock=lambda: NOON)
        return Account(provider, fake, {"user": fake.user, "token": fake.token})
    if provider == "wavy":
        fake = FakeWavy(credit=credits)
        return Account(provider, fake, {"user": fake.user, "token": fake.token})
    fake = FakeConvergia(quota=credits)
    return Account(provider, fake, {"user": fake.user, "password": fake.password})


@contextmanager
def provider_server(provider: str, credits: int = 100_000) -> Iterator[tuple[Account, FakeServer]]:
    fake_account = account(provider, credits)
    with serving(fake_account.fake.handle) as server:
        yield fake_account, server


def adapter(fake_account: Account, server: FakeServer, read_timeout: float = 10.0) -> Provider:
    """The real adapter, talking HTTP to the fake; the client's retry backoff does not wait."""
    return registry.create(
        fake_account.provider,
        Credentials(dict(fake_account.credentials)),
        server.url,
        timeout=(2.0, read_timeout),
        sleep=lambda seconds: None,
    )


@dataclass
class Row:
    row: int
    address: str
    fields: dict[str, str]
    status: str = "valid"
    reason: str = ""


def number(i: int) -> str:
    """Twelve digits, as every provider takes them (IT Cloud and Convergia require exactly 12)."""
    return f"5731{i:08d}"


def text_for(i: int, provider: str) -> str:
    """The rendered text of row `i`: IT Cloud's few shared texts group into bulks, others are personal."""
    return f"Hola grupo {i % 3}, oferta del mes" if provider == "itcloud" else f"Hola N{i}, oferta del mes"


def make_campaign(journal: Journal, provider: str, count: int, invalid: int = 0, **options: Any) -> int:
    """A campaign of `count` valid rows (and `invalid` rows that must never be sent)."""
    message = (
        "Hola grupo {grupo}, oferta del mes" if provider == "itcloud" else "Hola {nombre}, oferta del mes"
    )
    rows = [
        Row(i + 2, number(i), {"nombre": f"N{i}", "grupo": str(i % 3), "celular": number(i)})
        for i in range(count)
    ]
    rows += [
        Row(count + i + 2, "12", {"nombre": "x", "grupo": "0", "celular": "12"}, "invalid", "bad")
        for i in range(invalid)
    ]
    plan = CampaignPlan("engine test", provider, Channel.SMS, message, **options)
    return create_campaign(journal, plan, rows).campaign_id


def duplicates(received: list[tuple[str, str]]) -> dict[str, int]:
    """Numbers the provider took more than once."""
    return {n: c for n, c in Counter(address for address, _ in received).items() if c > 1}


class NoWaitClock:
    """A clock that starts at noon in Bogota and moves only when the engine sleeps (backoffs, waits)."""

    def __init__(self) -> None:
        self.now = NOON.timestamp()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def every_send(server: FakeServer) -> list[Any]:
    return [r for r in server.requests if r.path in SEND_PATHS]


def write_sheet(path: Path, count: int) -> list[str]:
    """An .xlsx of `count` Chilean mobiles as people type them; returns the numbers as providers get them."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nombre", "Celular"])
    numbers = []
    for i in range(count):
        digits = f"569{10_000_000 + i}"
        sheet.append([f"Cliente {i}", f"+56 9 {digits[3:7]} {digits[7:]}"])
        numbers.append(digits)
    book.save(path)
    return numbers
