"""What a campaign's requests need besides its rows: the send options and the balance check."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.core.journal import Campaign, Journal
from app.providers.base import Balance, Capabilities, Channel, Provider, SendOptions


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
