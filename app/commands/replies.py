"""`masivo replies [--campaign C]`: replies received, oldest first, with the campaign and row they answer."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any, TextIO

from app.commands._common import find_campaign, open_journal_or_fail
from app.commands._provider import emit
from app.commands.texts import TEXTS
from app.core.journal.inbox_models import Reply
from app.core.printable import printable
from app.core.wording import word


def run(args: argparse.Namespace, out: TextIO) -> int:
    return replies(args, out)


def replies(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_journal_or_fail()
    try:
        campaign_id = find_campaign(journal, args.campaign).id if args.campaign else None
        found = journal.inbox.replies(campaign_id)
    finally:
        journal.close()
    lines = [_line(reply) for reply in found]
    nothing = word(TEXTS, "no_replies")
    emit(out, args, {"replies": [reply_object(reply) for reply in found]}, "\n".join(lines) or nothing)
    return 0


def reply_object(reply: Reply) -> dict[str, Any]:
    """A reply as `--json` prints it."""
    return {
        "received_at": when(reply.received_at),
        "provider": reply.provider,
        "from": reply.sender,
        "to": reply.recipient,
        "text": reply.text,
        "campaign": reply.campaign_id,
        "campaign_name": reply.campaign_name,
        "row": reply.sheet_row,
        "opt_out": reply.opt_out,
    }


def when(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch).isoformat(timespec="seconds")


def _line(reply: Reply) -> str:
    where = (
        word(TEXTS, "reply_campaign_row", campaign_id=reply.campaign_id, sheet_row=reply.sheet_row)
        if reply.campaign_id is not None
        else "—"
    )
    mark = word(TEXTS, "opt_out_mark") if reply.opt_out else ""
    # What a sender wrote reaches the terminal escaped: an ESC or CR in a reply cannot drive it.
    sender, text = printable(reply.sender), printable(reply.text)
    return f"{when(reply.received_at)}  {reply.provider}  {sender}  ({where})  {text}{mark}"
