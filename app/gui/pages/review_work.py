"""What the review page does on worker threads: preview the campaign, make it once confirmed, read a balance,
send a test.

No widgets here: each function takes plain values, runs on a `Worker` and returns a
plain result, so the page stays responsive while a 100,000-row sheet is rendered.
Both the preview and the campaign come from the rows the recipients step read
(`CampaignDraft.read`): the sheet is read once, and nothing is journaled before the
user confirms.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.domain import CampaignStatus, Channel, State
from app.core.engine.campaigns import CampaignPlan, Created, create_campaign, default_name, preview_campaign
from app.core.journal import Journal
from app.gui.models.draft import CampaignDraft, ReadSheet
from app.gui.worker import Expected
from app.providers.base import Balance, OutgoingMessage, Provider, SendOptions, SendResult

DraftKey = tuple[object, ...]


class NameTaken(Expected):
    """Another campaign already has the name the user typed."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True)
class Prepared:
    """What the review shows of the campaign the draft would make (nothing of it is journaled yet)."""

    key: DraftKey
    plan: CampaignPlan  # named: the name it will be created with
    read: ReadSheet
    name: str
    rows: int
    valid: int
    credits: int
    texts: int | None  # distinct texts among valid rows (same-text providers), else None
    sample_address: str = ""
    sample_row: int = 0
    sample_text: str = ""
    sample_subject: str = ""
    over_limit: int = 0  # SMS the provider would refuse as too long (merge fields included)

    @property
    def skipped(self) -> int:
        return self.rows - self.valid


def plan_for(draft: CampaignDraft) -> CampaignPlan:
    """The engine's plan for what the user chose in the flow."""
    start = draft.start_at.timestamp() if draft.start_at is not None else None
    return CampaignPlan(
        name=draft.name.strip(),
        provider=draft.provider_id,
        channel=draft.channel,
        message=draft.template_text,
        subject=draft.subject if draft.channel is Channel.EMAIL else "",
        sender_name=draft.sender_name,
        sender_email=draft.sender_email,
        html=draft.html,
        sms_mode=draft.sms_mode,
        country=draft.country,
        sheet=draft.sheet,
        header_row=draft.header_row,
        phone_column=draft.phone_column,
        email_column=draft.email_column,
        batch_size=draft.batch_size,
        interval=draft.interval,
        base_url=draft.base_url,
        start_at=start,
    )


def draft_key(draft: CampaignDraft) -> DraftKey:
    """Everything a preview depends on: when it changes, the review is made again."""
    return (draft.read, plan_for(draft))


def sent_key(draft: CampaignDraft) -> DraftKey:
    """The list and the message as the user knows them: the same file, unchanged, is the same list."""
    path = draft.recipients_path
    stamp = path.stat().st_mtime_ns if path is not None and path.exists() else None
    return (str(path), stamp, plan_for(draft))


def prepare(
    journal: Journal,
    plan: CampaignPlan,
    read: ReadSheet,
    path: Path,
    key: DraftKey,
    cancel: threading.Event | None = None,
    progress: Callable[[int], None] | None = None,
) -> Prepared:
    """What the review shows of the campaign `read`'s rows would make: reads names, writes nothing."""
    plan = dataclasses.replace(plan, name=unique_name(journal, plan, path))
    preview = preview_campaign(plan, read.headers, read.rows, cancel, progress)
    counted = (key, plan, read, plan.name, preview.rows, preview.valid, preview.credits, preview.texts)
    sample = preview.sample
    if sample is None:
        return Prepared(*counted)
    shown = (sample.address, sample.sheet_row, sample.text, sample.subject)
    return Prepared(*counted, *shown, preview.over_limit)


def create(journal: Journal, prepared: Prepared, source: Path | None) -> Created:
    """Journal the confirmed campaign from the previewed rows (NameTaken if the name went meanwhile)."""
    if _taken(journal, prepared.name):
        raise NameTaken(prepared.name)
    read = prepared.read
    return create_campaign(journal, prepared.plan, read.rows, source=str(source or ""), headers=read.headers)


def unique_name(journal: Journal, plan: CampaignPlan, path: Path) -> str:
    """The name the user typed (NameTaken if another campaign has it), else the sheet's and the date,
    numbered when taken: a campaign is found by its name in the history, the reports and the CLI."""
    if plan.name:
        if _taken(journal, plan.name):
            raise NameTaken(plan.name)
        return plan.name
    name = base = default_name(str(path), journal.clock())
    number = 1
    while _taken(journal, name):
        number += 1
        name = f"{base} ({number})"
    return name


def _taken(journal: Journal, name: str) -> bool:
    found = journal.find_campaign(name)
    return found is not None and found.name == name


def discard(journal: Journal, campaign_id: int) -> None:
    """Delete a prepared campaign the user never sent (one that ever ran stays in the history)."""
    campaign = journal.campaign(campaign_id)
    if campaign is not None and campaign.status is CampaignStatus.READY:
        journal.delete_campaign(campaign_id)


def read_balance(provider: Provider, channel: Channel) -> int | None:
    """Credits left for this channel (None: the provider does not say)."""
    if not provider.capabilities.has_balance:
        return None
    balance: Balance = provider.balance()
    return balance.email if channel is Channel.EMAIL else balance.sms


def send_test(provider: Provider, draft: CampaignDraft, to: str, text: str, subject: str) -> SendResult:
    """One message to the user's own number or address, outside any campaign."""
    options = SendOptions(
        channel=draft.channel,
        sender_name=draft.sender_name,
        sender_email=draft.sender_email,
        html=draft.html,
        sms_mode=draft.sms_mode,
        campaign_name=draft.name or "Masivo",
    )
    results = provider.send([OutgoingMessage(0, to, text, subject)], options)
    return results[0] if results else SendResult(0, State.UNKNOWN)
