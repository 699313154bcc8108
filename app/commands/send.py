"""`masivo send`: make a campaign from a recipients sheet and a message, then send it."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TextIO

from app.commands._common import TerminalBar, duration, open_journal_or_fail, read_message, say
from app.commands._engine import drive, run_in_terminal
from app.commands._provider import CommandError, open_provider
from app.commands.preview import limit_words
from app.core.campaigns import CampaignError, CampaignPlan, Created, import_campaign
from app.core.journal import Journal
from app.core.pacing import Pace, estimate
from app.core.segments import over_limit
from app.core.settings import open_settings
from app.providers import registry
from app.providers.base import Capabilities, Channel, State


def run(args: argparse.Namespace, out: TextIO) -> int:
    return run_in_terminal(send, args, out)


def send(args: argparse.Namespace, out: TextIO) -> int:
    caps = registry.capabilities(args.provider)
    plan = plan_from(args, caps)
    if not args.yes and not sys.stdin.isatty():
        raise CommandError(
            say(
                "Sin terminal no se puede confirmar: agregue --yes para enviar.",
                "There is no terminal to confirm on: add --yes to send.",
            ),
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
            print(say("No se envió nada.", "Nothing was sent."), file=sys.stderr)
            return 1
        return drive(journal, created.campaign_id, provider, args, out)
    finally:
        provider.close()
        journal.close()


def plan_from(args: argparse.Namespace, caps: Capabilities) -> CampaignPlan:
    """The user's choices, checked: each mistake is one sentence and exit code 2."""
    channel = Channel(args.channel)
    if channel not in caps.channels:
        raise CommandError(
            say(f"{caps.name} no envía {channel.value}.", f"{caps.name} does not send {channel.value}."), 2
        )
    if channel is Channel.EMAIL and not (args.subject or "").strip():
        raise CommandError(
            say("Falta el asunto del correo: use --subject.", "The e-mail needs --subject."), 2
        )
    if (
        channel is Channel.EMAIL
        and caps.email_sender_required
        and not ((args.sender_name or "").strip() and (args.sender_email or "").strip())
    ):
        raise CommandError(
            say(
                f"{caps.name} exige el nombre y la dirección del remitente: "
                "use --sender-name y --sender-email.",
                f"{caps.name} requires the sender's name and address: use --sender-name and --sender-email.",
            ),
            2,
        )
    sms_mode = getattr(args, "sms_mode", None) or ""
    if sms_mode and (channel is not Channel.SMS or sms_mode not in caps.sms_modes):
        raise CommandError(
            say(
                f"{caps.name} no ofrece modos de envío SMS (--sms-mode).",
                f"{caps.name} offers no SMS modes (--sms-mode).",
            ),
            2,
        )
    if args.batch_size is not None and args.batch_size < 1:
        raise CommandError(say("--batch-size debe ser 1 o más.", "--batch-size must be 1 or more."), 2)
    if args.interval is not None and args.interval < 0:
        raise CommandError(say("--interval no puede ser negativo.", "--interval cannot be negative."), 2)
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
        raise CommandError(say("El mensaje está vacío.", "The message is empty."), 2)
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
        say(
            f"Fecha y hora no válidas «{value}»: use AAAA-MM-DD HH:MM.",
            f"Invalid date and time “{value}”: use YYYY-MM-DD HH:MM.",
        ),
        2,
    )


def import_sheet(journal: Journal, plan: CampaignPlan, args: argparse.Namespace) -> Created:
    from app.core.recipients import ImportCancelled, SheetError

    bar = TerminalBar(say("Leyendo", "Reading"), enabled=not args.json)
    try:
        return import_campaign(
            journal, plan, args.recipients, progress=lambda done, total: bar.update(done, total)
        )
    except (SheetError, CampaignError) as exc:
        raise CommandError(str(exc), 2) from None
    except ImportCancelled:
        raise CommandError(say("Lectura cancelada.", "Reading cancelled."), 1) from None
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
    shown = ", ".join(map(str, rows[:10])) + (say(f" y {more} más", f" and {more} more") if more > 0 else "")
    raise CommandError(
        say(
            f"{len(rows)} mensajes superan el límite de {caps.name} ({limit_words(caps)}): filas {shown}. "
            "Acorte el mensaje (vea «masivo preview»); no se envió nada.",
            f"{len(rows)} messages are over the {caps.name} limit ({limit_words(caps)}): rows {shown}. "
            "Shorten the message (see “masivo preview”); nothing was sent.",
        ),
        2,
    )


def describe(journal: Journal, created: Created, caps: Capabilities, plan: CampaignPlan) -> None:
    """What is about to be sent, on stderr: rows, credits, the time it takes at the provider's pace."""
    texts = journal.pending_texts(created.campaign_id) if caps.same_text_bulk else None
    pace = Pace.for_provider(caps, plan.interval)
    guess = estimate(caps, pace, created.valid, texts)
    print(
        say(
            f"Campaña {created.campaign_id}: {created.valid} destinatarios válidos, "
            f"{created.skipped} omitidos, {created.credits} créditos; "
            f"tiempo estimado {duration(guess.seconds)}.",
            f"Campaign {created.campaign_id}: {created.valid} valid recipients, {created.skipped} skipped, "
            f"{created.credits} credits; estimated time {duration(guess.seconds)}.",
        ),
        file=sys.stderr,
    )
    if guess.one_per_request and caps.same_text_bulk:
        print(
            say(
                "El mensaje es personalizado: se envía un número por petición (más lento).",
                "The message is personalized: it goes one number a request (slower).",
            ),
            file=sys.stderr,
        )
    if plan.start_at and not caps.schedules:
        print(
            say(
                "La campaña espera la hora programada: deje esta ventana abierta hasta entonces.",
                "The campaign waits for its scheduled time: keep this window open until then.",
            ),
            file=sys.stderr,
        )


def confirm() -> bool:
    answer = input(say("¿Enviar ahora? [s/N] ", "Send now? [y/N] ")).strip().lower()
    return answer in ("s", "si", "sí", "y", "yes")
