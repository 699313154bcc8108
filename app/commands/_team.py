"""What the campaign commands say when a team shares the database: who is sending a campaign, since when."""

from __future__ import annotations

import datetime as dt

from app.core.journal import CampaignBusy
from app.core.reasons import say

BUSY = 3  # exit code: another sender holds the campaign; nothing was sent


def busy_message(busy: CampaignBusy) -> str:
    """One sentence: who holds the campaign (user, machine, process), since when, and how to watch it."""
    holder = busy.holder
    since = dt.datetime.fromtimestamp(holder.since).strftime("%Y-%m-%d %H:%M:%S")
    return say(
        f"La campaña {busy.campaign_id} la está enviando {holder.user} en {holder.machine} "
        f"(proceso {holder.pid}) desde {since}: no se envió nada. "
        f"Siga su avance con «masivo status {busy.campaign_id}».",
        f"Campaign {busy.campaign_id} is being sent by {holder.user} on {holder.machine} "
        f"(process {holder.pid}) since {since}: nothing was sent. "
        f"Watch it with “masivo status {busy.campaign_id}”.",
    )
