"""What the campaign commands say when a team shares the database: who is sending a campaign, since when."""

from __future__ import annotations

import datetime as dt

from app.commands.texts import TEXTS
from app.core.journal import CampaignBusy
from app.core.wording import word

BUSY = 3  # exit code: another sender holds the campaign; nothing was sent


def busy_message(busy: CampaignBusy) -> str:
    """One sentence: who holds the campaign (user, machine, process), since when, and how to watch it."""
    holder = busy.holder
    since = dt.datetime.fromtimestamp(holder.since).strftime("%Y-%m-%d %H:%M:%S")
    return word(
        TEXTS,
        "campaign_sent_elsewhere",
        campaign_id=busy.campaign_id,
        user=holder.user,
        machine=holder.machine,
        pid=holder.pid,
        since=since,
    )
