"""`masivo campaigns`: every campaign with its status and counts (find a killed `send`'s by its --name)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TextIO

from app.commands._common import open_journal_or_fail, totals
from app.commands._provider import emit
from app.core.domain import shown_status


def run(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_journal_or_fail()
    try:
        counts = journal.all_counts()
        entries = [
            {
                "id": campaign.id,
                "name": campaign.name,
                "provider": campaign.provider,
                "channel": campaign.channel,
                "status": shown_status(campaign, holder=journal.leases.holder),
                "reason": campaign.reason,
                "created_at": dt.datetime.fromtimestamp(campaign.created_at).isoformat(timespec="seconds"),
                "counts": counts.get(campaign.id, {}),
                **totals(counts.get(campaign.id, {})),
            }
            for campaign in journal.campaigns()
        ]
    finally:
        journal.close()
    lines = [
        f"{e['id']:>5}  {e['created_at']}  {e['provider']:<10} {e['status']:<11} "
        f"{e['sent']}/{e['recipients']}  {e['name']}"
        for e in entries
    ]
    emit(out, args, {"campaigns": entries}, "\n".join(lines) or "—")
    return 0
