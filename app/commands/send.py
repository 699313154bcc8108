"""`masivo send`: make a campaign from a recipients sheet and a message, then send it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TextIO

from app.commands._common import TerminalBar, duration, open_journal_or_fail, read_message
from app.commands._engine import drive, run_in_terminal
from app.commands._provider import CommandError, open_provider
from app.commands.preview import limit_words
from app.commands.texts import TEXTS
from app.core.domain import Channel, State
from app.core.engine.campaigns import CampaignError, CampaignPlan, Created, import_campaign
from app.core.engine.pacing import Pace, estimate
from app.core.journal import Journal
from app.core.segments import over_limit
from app.core.settings import open_settings
from app.core.wording import word
from app.providers import registry
from app.providers.base import Capabilities


def run(args: argparse.Namespace, out: TextIO) -> int:
    return run_in_terminal(send, args, out)


def send(args: argparse.Namespace, out: TextIO) -> int:
    caps = registry.capabilities(args.provider)
    plan = plan_from(args, caps)
    if not args.yes and not sys.stdin.isatty():
        raise CommandError(
            word(TEXTS, "no_terminal_to_confirm"),
            2,
        )
    provider = open_provider(args.provider, args.base_url)  # missing credentials fail before the import
    journal = open_journal_or_fail()
    try:
        created = import_sheet(journal, plan, args)
        refuse_over_limit(journal, created, caps, plan.channel)
        describe(journal, created, caps, plan)
        if not args.yes and not confirm():
            journal.delete_campaign(created.campaign_id)
            print(word(TEXTS, "nothing_sent"), file=sys.stderr)
            return 1
        return drive(journal, created.campaign_id, provider, args, out)
    finally:
        provider.close()
        journal.close()


def plan_from(args: argparse.Namespace, caps: Capabilities) -> CampaignPlan:
    """The user's choices, checked: each mistake is one sentence and exit code 2."""
    channel = Channel(args.channel)
    if channel not in caps.channels:
        raise CommandError(word(TEXTS, "channel_not_sent", name=caps.name, channel=channel.value), 2)
    if channel is Channel.EMAIL and not (args.subject or "").strip():
        raise CommandError(word(TEXTS, "subject_missing"), 2)
    if (
        channel is Channel.EMAIL
        and caps.email_sender_required
        and not ((args.sender_name or "").strip() and (args.sender_email or "").strip())
    ):
        raise CommandError(
            word(TEXTS, "sender_required", name=caps.name),
            2,
        )
    sms_mode = getattr(args, "sms_mode", None) or ""
    if sms_mode and (channel is not Channel.SMS or sms_mode not in caps.sms_modes):
        raise CommandError(
            word(TEXTS, "no_sms_modes", name=caps.name),
            2,
        )
    if args.batch_size is not None and args.batch_size < 1:
        raise CommandError(word(TEXTS, "batch_size_too_small"), 2)
    if args.interval is not None and args.interval < 0:
        raise CommandError(word(TEXTS, "interval_negative"), 2)
    return CampaignPlan(
        name=args.name or "",
        provider=caps.id,
        channel=channel,
        message=message_to_send(args),
        subject=args.subject or "",
        sender_name=args.sender_name or "",
        sender_email=args.sender_email or "",
        html=bool(getattr(args, "html", False)),
        sms_mode=sms_mode,
        country=(args.country or open_settings().get("country") or "CL").upper(),
        sheet=args.sheet,
        batch_size=args.batch_size,
        interval=args.interval,
        base_url=args.base_url,
        start_at=parse_at(args.at),
    )


def message_to_send(args: argparse.Namespace) -> str:
    """The template, which must not be empty: an empty SMS would still cost a segment per recipient."""
    text = read_message(args)
    if not text.strip():
        raise CommandError(word(TEXTS, "empty_message"), 2)
    return text


def parse_at(value: str | None) -> float | None:
    """`--at 'YYYY-MM-DD HH:MM'` in local time, as epoch seconds."""
    if not value:
        return None
    for layout in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(value.strip(), layout).astimezone().timestamp()
        except ValueError:
            continue
    raise CommandError(
        word(TEXTS, "invalid_date_time", value=value),
        2,
    )


def import_sheet(journal: Journal, plan: CampaignPlan, args: argparse.Namespace) -> Created:
    from app.core.recipients import ImportCancelled, SheetError

    bar = TerminalBar(word(TEXTS, "reading_bar"), enabled=not args.json)
    try:
        return import_campaign(
            journal, plan, args.recipients, progress=lambda done, total: bar.update(done, total)
        )
    except (SheetError, CampaignError) as exc:
        raise CommandError(str(exc), 2) from None
    except ImportCancelled:
        raise CommandError(word(TEXTS, "reading_cancelled"), 1) from None
    finally:
        bar.finish()


def refuse_over_limit(journal: Journal, created: Created, caps: Capabilities, channel: Channel) -> None:
    """No campaign whose messages the provider would cut or refuse: it is removed, with which rows, exit 2."""
    if channel is not Channel.SMS:
        return
    rows = [record.sheet_row for record in journal.messages(created.campaign_id, [State.PENDING])
            if over_limit(record.text, caps.max_length)]  # fmt: skip
    if not rows:
        return
    journal.delete_campaign(created.campaign_id)
    more = len(rows) - 10
    shown = ", ".join(map(str, rows[:10])) + (word(TEXTS, "and_more", more=more) if more > 0 else "")
    raise CommandError(
        word(
            TEXTS,
            "over_limit_nothing_sent",
            count=len(rows),
            name=caps.name,
            limit=limit_words(caps),
            shown=shown,
        ),
        2,
    )


def describe(journal: Journal, created: Created, caps: Capabilities, plan: CampaignPlan) -> None:
    """What is about to be sent, on stderr: rows, credits, the time it takes at the provider's pace."""
    texts = journal.pending_texts(created.campaign_id) if caps.same_text_bulk else None
    pace = Pace.for_provider(caps, plan.interval)
    guess = estimate(caps, pace, created.valid, texts)
    print(
        word(
            TEXTS,
            "campaign_created",
            campaign_id=created.campaign_id,
            valid=created.valid,
            skipped=created.skipped,
            credits=created.credits,
            duration=duration(guess.seconds),
        ),
        file=sys.stderr,
    )
    if guess.one_per_request and caps.same_text_bulk:
        print(
            word(TEXTS, "personalized_one_by_one"),
            file=sys.stderr,
        )
    if plan.start_at and not caps.schedules:
        print(
            word(TEXTS, "waits_for_schedule"),
            file=sys.stderr,
        )


def confirm() -> bool:
    answer = input(word(TEXTS, "send_now")).strip().lower()
    return answer in ("s", "si", "sí", "y", "yes")
