"""What the review page does on worker threads: make the campaign from the draft, read a balance, send a test.

No widgets here: each function takes plain values, runs on a `Worker` and returns a
plain result, so the page stays responsive while a 100,000-row sheet is journaled.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.domain import CampaignStatus, Channel, State
from app.core.engine.campaigns import CampaignPlan, default_name, import_campaign
from app.core.journal import Journal
from app.core.segments import over_limit
from app.gui.models.draft import CampaignDraft
from app.gui.worker import Expected
from app.providers.base import Balance, OutgoingMessage, Provider, SendOptions, SendResult
from app.providers.registry import capabilities

DraftKey = tuple[object, ...]


class NameTaken(Expected):
    """Another campaign already has the name the user typed."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


@dataclass(frozen=True)
class Prepared:
    """A campaign journaled from the draft, ready to send, and what the review shows of it."""

    key: DraftKey
    campaign_id: int
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
    """Everything a prepared campaign depends on: when it changes, the campaign is made again."""
    path = draft.recipients_path
    stamp = path.stat().st_mtime_ns if path is not None and path.exists() else None
    return (str(path), stamp, plan_for(draft))


def prepare(
    journal: Journal,
    plan: CampaignPlan,
    path: Path,
    key: DraftKey,
    previous: int | None,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> Prepared:
    """Journal the campaign (replacing an earlier unsent one) and read what the review shows."""
    if previous is not None:
        discard(journal, previous)
    plan = dataclasses.replace(plan, name=unique_name(journal, plan, path))
    created = import_campaign(journal, plan, path, progress=progress, cancel=cancel)
    campaign_id = created.campaign_id
    sample = next(iter(journal.messages(campaign_id, [State.PENDING])), None)
    texts = journal.pending_texts(campaign_id) if capabilities(plan.provider).same_text_bulk else None
    name = journal.require(campaign_id).name
    counted = (key, campaign_id, name, created.rows, created.valid, created.credits, texts)
    over = count_over_limit(journal, campaign_id, plan) if sample is not None else 0
    if sample is None:
        return Prepared(*counted)
    return Prepared(*counted, sample.address, sample.sheet_row, sample.text, sample.subject, over)


def count_over_limit(journal: Journal, campaign_id: int, plan: CampaignPlan) -> int:
    """How many of the campaign's SMS are over the provider's length limit (or segments.MAX_SEGMENTS)."""
    if plan.channel is not Channel.SMS:
        return 0
    limit = capabilities(plan.provider).max_length
    return sum(1 for row in journal.messages(campaign_id, [State.PENDING]) if over_limit(row.text, limit))


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
