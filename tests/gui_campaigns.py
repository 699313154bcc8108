"""What the campaign-page tests share: a sheet, a journal, a demo whose deliveries come at once, a runner."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook

from app.core.domain import Channel
from app.core.engine.campaigns import CampaignPlan, create_campaign
from app.core.journal import Journal, open_journal
from app.core.recipients import RowStatus, load_recipients
from app.core.settings import Settings
from app.gui.models.draft import CampaignDraft, ReadSheet
from app.gui.runner import CampaignRunner
from app.providers.base import Balance, OutgoingMessage, Provider, SendOptions, SendResult, StatusUpdate
from app.providers.demo import DemoProvider
from app.providers.registry import capabilities

NAMES = ("Ana", "Bruno", "Carla", "Diego", "Elena", "Felipe", "Gabriela", "Hugo", "Inés", "Julián")


def fast_clock(speed: float = 10_000.0) -> Callable[[], float]:
    """A clock running `speed` times faster than the real one: the demo's 3-second deliveries come at once."""
    start = time.time()
    return lambda: start + (time.time() - start) * speed


def demo(balance: int = 1_000_000) -> DemoProvider:
    return DemoProvider(clock=fast_clock(), balance=balance)


def phone(i: int) -> str:
    return f"+56 9 {1000 + i // 10000:04d} {i % 10000:04d}"


def write_sheet(path: Path, rows: int, *, invalid: Sequence[int] = ()) -> Path:
    """A recipients sheet: Nombre, Celular, Ciudad; rows listed in `invalid` get a number that cannot be."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Clientes")
    sheet.append(["Nombre", "Celular", "Ciudad"])
    for i in range(rows):
        number = "12" if i in invalid else phone(i)
        sheet.append([NAMES[i % len(NAMES)], number, "Santiago"])
    book.save(path)
    return path


def draft_for(
    sheet: Path, message: str = "Hola {Nombre}, tenemos una oferta para usted.", *, read: bool = True
) -> CampaignDraft:
    """The draft the steps leave for Review: `sheet` read as the recipients step reads it."""
    draft = CampaignDraft(
        provider_id="demo",
        channel=Channel.SMS,
        country="CL",
        recipients_path=sheet,
        phone_column="Celular",
        columns=["Nombre", "Celular", "Ciudad"],
        template_text=message,
    )
    return read_sheet(draft) if read else draft


def read_sheet(draft: CampaignDraft) -> CampaignDraft:
    """What the recipients step leaves in the draft: every row of its sheet, validated."""
    assert draft.recipients_path is not None
    sms = draft.channel is Channel.SMS
    rows = load_recipients(
        draft.recipients_path,
        channel=draft.channel,
        country=draft.country,
        phone_column=draft.phone_column,
        email_column=draft.email_column,
        number_digits=capabilities(draft.provider_id).number_digits if sms else None,
    )
    draft.read = ReadSheet(tuple(rows.preview.headers), list(rows))
    draft.valid_count = sum(1 for row in draft.read.rows if row.status is RowStatus.VALID)
    return draft


def journal_at(folder: Path) -> Journal:
    return open_journal(str(folder / "journal.sqlite3"))


def make_campaign(
    journal: Journal, rows: int, name: str = "Prueba", provider: str = "demo", start_at: float | None = None
) -> int:
    """A ready campaign of `rows` valid recipients, without a sheet."""

    class Row:
        def __init__(self, i: int) -> None:
            self.row, self.address = i + 2, f"5691{i:08d}"  # twelve digits: IT Cloud's rule too
            self.fields = {"Nombre": NAMES[i % len(NAMES)], "Celular": self.address}
            self.status, self.reason = "valid", ""

    plan = CampaignPlan(name, provider, Channel.SMS, "Hola {Nombre}", start_at=start_at)
    return create_campaign(journal, plan, [Row(i) for i in range(rows)]).campaign_id


def runner_for(journal: Journal, settings: Settings, provider: Provider, **options: object) -> CampaignRunner:
    """A runner whose every adapter is `provider`, watching quickly."""
    return CampaignRunner(
        journal, settings, providers=lambda provider_id, base_url: provider, poll_every=0.05,
        balance_every=0.0, **options,  # type: ignore[arg-type]
    )  # fmt: skip


class Gated:
    """A provider that holds its `hold_at`-th send until the test releases it: a run caught mid-way."""

    def __init__(self, inner: Provider, hold_at: int, hold_for: float = 10.0) -> None:
        self.inner, self.hold_at, self.hold_for = inner, hold_at, hold_for
        self.capabilities = inner.capabilities
        self.sends = 0
        self.reached, self.release = threading.Event(), threading.Event()

    def send(self, batch: Sequence[OutgoingMessage], options: SendOptions) -> list[SendResult]:
        self.sends += 1
        if self.sends == self.hold_at:
            self.reached.set()
            self.release.wait(self.hold_for)
        return self.inner.send(batch, options)

    def statuses(self, provider_ids: Sequence[str], channel: Channel) -> list[StatusUpdate]:
        return self.inner.statuses(provider_ids, channel)

    def balance(self) -> Balance:
        return self.inner.balance()

    def test_credentials(self) -> Balance:
        return self.inner.test_credentials()

    def close(self) -> None:
        pass
