"""What a campaign's requests need besides its rows: the send options, the balance check, the
cause of a bare refusal, and a look-up of messages whose answer was lost."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from app.core.domain import Channel, State
from app.core.journal import Campaign, Journal
from app.providers.base import (
    Balance,
    Capabilities,
    FindsSent,
    OutgoingMessage,
    Problem,
    Provider,
    ProviderFailure,
    SendOptions,
    SendResult,
)

log = logging.getLogger(__name__)


def send_options(campaign: Campaign, caps: Capabilities, now: float) -> SendOptions:
    """The options every request of `campaign` carries; a future start goes to providers that schedule."""
    deliver_at = None
    if caps.schedules and campaign.start_at and campaign.start_at > now:
        deliver_at = dt.datetime.fromtimestamp(campaign.start_at).astimezone()
    return SendOptions(
        channel=Channel(campaign.channel),
        sender_name=str(campaign.option("sender_name", "")),
        sender_email=str(campaign.option("sender_email", "")),
        html=bool(campaign.option("html", False)),
        deliver_at=deliver_at,
        sms_mode=str(campaign.option("sms_mode", "")),
        campaign_name=campaign.name,
    )


@dataclass(frozen=True)
class BalanceCheck:
    """The provider's credits against what the pending rows will cost."""

    balance: Balance
    needed: int
    available: int | None  # None: the provider does not say

    @property
    def enough(self) -> bool:
        return self.available is None or self.available >= self.needed


def balance_check(journal: Journal, campaign_id: int, provider: Provider) -> BalanceCheck:
    """Ask the provider for its balance (raises `ProviderFailure`) and compare it with the campaign's cost."""
    campaign = journal.require(campaign_id)
    balance = provider.balance()
    available = balance.email if campaign.channel == Channel.EMAIL.value else balance.sms
    return BalanceCheck(balance, journal.pending_credits(campaign_id), available)


def refusal_cause(provider: Provider, channel: Channel, problem: Problem, needed: int) -> Problem:
    """A refusal that does not say why (`refused`) is read against the balance, once: when the balance
    cannot pay a credit for each message of the refused request, the campaign pauses for credit,
    which the user can act on, instead of a bare "refused".

    Connectus documents no out-of-credit answer; its refusal of a bulk it cannot pay is one of these.
    """
    if problem.reason != "refused" or not provider.capabilities.has_balance:
        return problem
    try:
        balance = provider.balance()
    except ProviderFailure as failure:
        log.warning("balance after a refusal unknown (%s)", failure.problem.code)
        return problem
    available = balance.email if channel is Channel.EMAIL else balance.sms
    if available is not None and available < needed:
        return replace(problem, reason="no_balance")
    return problem


def look_up(
    provider: Provider, batch: Sequence[OutgoingMessage], answered: list[SendResult], campaign_id: int
) -> list[SendResult]:
    """Settle unknown answers from the provider's own records, where it can find a message by the
    reference Masivo chose: found means accepted with its id; not found stays unknown."""
    unknown = {result.key for result in answered if result.state is State.UNKNOWN}
    if not unknown or not provider.capabilities.finds_sent or not isinstance(provider, FindsSent):
        return answered
    try:
        found = provider.find_sent([message for message in batch if message.key in unknown])
    except ProviderFailure as failure:
        log.warning("campaign %d: looking up unknown messages failed (%s)", campaign_id, failure.problem.code)
        return answered
    if found:
        log.info(
            "campaign %d: %d of %d unknown messages found at the provider",
            campaign_id,
            len(found),
            len(unknown),
        )
    return [
        SendResult(result.key, State.ACCEPTED, provider_id=found[result.key])
        if result.state is State.UNKNOWN and result.key in found
        else result
        for result in answered
    ]
