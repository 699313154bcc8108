"""The journal's failures that callers act on: the database is away, or another sender has the campaign."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.journal.backend import JournalError


class DatabaseUnavailable(JournalError):
    """The team database cannot be reached now (network, server down); whatever was asked did not happen,
    or, for a commit, may or may not have happened."""


@dataclass(frozen=True)
class Holder:
    """Who holds a campaign's lease: the operator, the machine, the process, and since when."""

    user: str
    machine: str
    pid: int
    since: float

    def describe(self) -> str:
        return f"{self.user}@{self.machine} (proceso {self.pid})"


class CampaignBusy(JournalError):
    """Another sender holds the campaign's lease: nothing was sent."""

    def __init__(self, campaign_id: int, holder: Holder) -> None:
        super().__init__(f"Campaign {campaign_id} is being sent by {holder.describe()}.")
        self.campaign_id, self.holder = campaign_id, holder


class LeaseLost(JournalError):
    """This sender's lease on the campaign expired or was taken over: it must send nothing more."""

    def __init__(self, campaign_id: int) -> None:
        super().__init__(f"This sender no longer holds campaign {campaign_id}.")
        self.campaign_id = campaign_id
