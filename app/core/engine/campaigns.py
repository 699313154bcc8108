"""Making campaigns: a recipients sheet plus a template plus options become rows in the journal.

Creation streams: rows are read, rendered and written a chunk at a time, so a
1,000,000-row sheet is never held in memory. The window reads the sheet once, in its
recipients step: `preview_campaign` renders those rows for the review without writing
anything, and `create_campaign` journals the same rows once the user confirms.
Every sheet row is kept (its number, address and original fields, for the report and
for re-sends); rows that cannot be sent are `skipped` with the importer's reason.
Re-sending makes a new campaign from an old one's unknown or failed rows, with the texts
they were given the first time.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from app.core.domain import Channel, State
from app.core.journal import Journal, NewCampaign, NewMessage
from app.core.reasons import reason_text
from app.core.segments import measure, over_limit
from app.core.templates import Template, TemplateError
from app.core.wording import language, word
from app.providers.base import Capabilities
from app.providers.registry import capabilities

# Rows rendered and written (one commit) at a time: a 1,000,000-row sheet is never held in memory,
# and each commit writes every index page its rows touched (a sheet's numbers come in no order).
CHUNK = 10_000
RESEND_STATES = (State.UNKNOWN,)
# A campaign's name where Masivo chooses it.
NAMES: dict[str, tuple[str, str]] = {"resend": ("{name} (reenvío)", "{name} (re-send)")}


class CampaignError(ValueError):
    """A campaign that cannot be made as asked: `reason` is its id, `str()` one sentence for the user."""

    def __init__(self, reason: str, sentence: str = "") -> None:
        self.reason = reason  # an id of REASONS, or a TemplateError's kind (`sentence` words it)
        super().__init__(sentence or reason_text(reason))


class RecipientLike(Protocol):
    """What creation reads from each imported row (`app.core.recipients.RecipientRow`)."""

    @property
    def row(self) -> int: ...
    @property
    def address(self) -> str: ...
    @property
    def fields(self) -> Mapping[str, str]: ...
    @property
    def status(self) -> Any: ...  # RowStatus: valid / invalid / duplicate / suppressed
    @property
    def reason(self) -> str: ...


@dataclass(frozen=True)
class CampaignPlan:
    """What the user chose: provider, channel, message and options."""

    name: str
    provider: str
    channel: Channel
    message: str  # the SMS text, or the e-mail body, with merge fields
    subject: str = ""
    sender_name: str = ""
    sender_email: str = ""
    html: bool = False
    sms_mode: str = ""
    country: str | None = None
    sheet: str | None = None
    header_row: int | None = None  # the sheet's row of headers, when the user chose it; None: detected
    phone_column: str | None = None
    email_column: str | None = None
    batch_size: int | None = None
    interval: float | None = None
    base_url: str | None = None
    start_at: float | None = None  # epoch seconds

    def options(self) -> dict[str, Any]:
        skip = {"name", "provider", "channel", "message", "subject", "start_at"}
        chosen = asdict(self).items()
        return {key: value for key, value in chosen if key not in skip and value not in (None, "")}


@dataclass(frozen=True)
class Created:
    """A new campaign and what went into it."""

    campaign_id: int
    rows: int
    valid: int
    credits: int  # SMS segments (or e-mails) the valid rows will cost

    @property
    def skipped(self) -> int:
        return self.rows - self.valid


@dataclass(frozen=True)
class Preview:
    """What a campaign would be, read from its rows without writing it: what the review shows."""

    rows: int
    valid: int
    credits: int  # SMS segments (or e-mails) the valid rows will cost
    texts: int | None  # distinct texts among valid rows (same-text providers), else None
    over_limit: int  # SMS the provider would refuse as too long (merge fields included)
    sample: NewMessage | None  # the first valid row's message

    @property
    def skipped(self) -> int:
        return self.rows - self.valid


def default_name(source: str, now: float) -> str:
    stamp = dt.datetime.fromtimestamp(now).strftime("%Y-%m-%d %H:%M")
    return f"{Path(source).stem} {stamp}" if source else stamp


def create_campaign(
    journal: Journal,
    plan: CampaignPlan,
    recipients: Iterable[RecipientLike],
    *,
    source: str = "",
    headers: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> Created:
    """Render each recipient's message and journal the campaign, a chunk at a time.

    `headers` are the sheet's columns (the merge fields); the importer's stream knows them itself.
    """
    preview = getattr(recipients, "preview", None)  # the importer knows the headers before any row
    headers = list(preview.headers) if preview is not None else list(headers)
    rows = iter(recipients)
    if headers:
        render = _renderer(plan, headers)  # a wrong field fails before the sheet is read
    first = next(rows, None)
    if first is None:
        raise CampaignError("no_recipients")
    if not headers:
        render = _renderer(plan, list(first.fields))
    caps = capabilities(plan.provider)
    new = NewCampaign(
        plan.name or default_name(source, journal.clock()),
        plan.provider,
        plan.channel.value,
        plan.message,
        plan.subject,
        plan.options(),
        source,
        plan.start_at,
    )
    campaign_id = journal.create_campaign(new)
    columns: dict[str, None] = dict.fromkeys(headers)
    total = valid = credits = 0
    try:
        every_row = chain((first,), rows)
        while chunk := list(islice(every_row, CHUNK)):
            rendered = render(chunk)
            for row in chunk:
                if len(row.fields) != len(columns):  # a ragged row brings a column no header named
                    columns.update(dict.fromkeys(row.fields))
            journal.add_messages(campaign_id, rendered.rows, **_lookups(caps))
            total += len(chunk)
            valid += rendered.valid
            credits += rendered.credits
            if progress is not None:
                progress(total)
    except BaseException:
        journal.delete_campaign(campaign_id)  # half a campaign must never be sent
        raise
    journal.finish_creation(campaign_id, list(columns))
    return Created(campaign_id, total, valid, credits)


def preview_campaign(
    plan: CampaignPlan,
    headers: Sequence[str],
    recipients: Iterable[RecipientLike],
    cancel: threading.Event | None = None,
    progress: Callable[[int], None] | None = None,
) -> Preview:
    """Render every message as `create_campaign` would and count what they cost; writes nothing."""
    render = _renderer(plan, list(headers))
    caps = capabilities(plan.provider)
    sms, limit = plan.channel is Channel.SMS, caps.max_length
    texts: set[str] | None = set() if caps.same_text_bulk else None
    rows = iter(recipients)
    total = valid = credits = too_long = 0
    sample: NewMessage | None = None
    while chunk := list(islice(rows, CHUNK)):
        if cancel is not None and cancel.is_set():
            from app.core.recipients import ImportCancelled

            raise ImportCancelled()
        rendered = render(chunk)
        total += len(chunk)
        valid += rendered.valid
        credits += rendered.credits
        for message in rendered.rows:
            if message.state is not State.PENDING:
                continue
            if sample is None:
                sample = message
            if texts is not None:
                texts.add(message.text)
            if sms and over_limit(message.text, limit):
                too_long += 1
        if progress is not None:
            progress(total)
    return Preview(total, valid, credits, None if texts is None else len(texts), too_long, sample)


def import_campaign(
    journal: Journal,
    plan: CampaignPlan,
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> Created:
    """Read a recipients sheet (streaming) and make a campaign of it; suppressed values are skipped.

    `progress(rows read, rows estimated)` and `cancel` go to the importer.
    """
    from app.core.recipients import load_recipients

    caps = capabilities(plan.provider)
    rows = load_recipients(
        path,
        channel=plan.channel,
        country=plan.country or "CL",
        sheet=plan.sheet,
        header_row=plan.header_row,
        phone_column=plan.phone_column,
        email_column=plan.email_column,
        number_digits=caps.number_digits if plan.channel is Channel.SMS else None,
        suppressed=journal.suppression.values(),
        progress=progress,
        cancel=cancel,
    )
    return create_campaign(journal, plan, rows, source=str(path))


def resend_campaign(
    journal: Journal, campaign_id: int, states: Iterable[State] = RESEND_STATES, name: str | None = None
) -> Created:
    """A new campaign of `campaign_id`'s rows in `states` (unknown by default), with the same texts."""
    old = journal.require(campaign_id)
    chosen = tuple(states)
    new = NewCampaign(
        name or word(NAMES, "resend", name=old.name),
        old.provider,
        old.channel,
        old.template,
        old.subject,
        {**old.options, "resend_of": old.id},
        old.source,
    )
    new_id = journal.create_campaign(new)
    total = credits = 0
    caps = capabilities(old.provider)
    rows = journal.messages(campaign_id, chosen)
    while chunk := list(islice(rows, CHUNK)):
        messages = [
            NewMessage(r.sheet_row, r.address, r.fields, r.text, r.subject, _credits(old.channel, r.text))
            for r in chunk
        ]
        journal.add_messages(new_id, messages, **_lookups(caps))
        total += len(messages)
        credits += sum(m.credits for m in messages)
    journal.finish_creation(new_id, old.columns)
    return Created(new_id, total, total, credits)


# --- rendering --------------------------------------------------------------------------------------


class Rendered(NamedTuple):
    """A chunk of sheet rows as the journal's rows, with what the sendable ones will cost."""

    rows: list[NewMessage]
    valid: int
    credits: int  # SMS segments, or e-mails


Renderer = Callable[[Sequence[RecipientLike]], Rendered]


def _renderer(plan: CampaignPlan, columns: list[str]) -> Renderer:
    try:
        body = Template(plan.message, columns)
        subject = Template(plan.subject, columns) if plan.channel is Channel.EMAIL else None
    except TemplateError as exc:
        raise CampaignError(exc.kind, exc.text(language())) from None
    if subject is None:
        return functools.partial(_render_sms, body)
    return functools.partial(_render_email, body, subject, html.escape if plan.html else None)


def _render_sms(body: Template, chunk: Sequence[RecipientLike]) -> Rendered:
    fmt, values = body.compiled()  # a third of the cost of `render`: a million rows pass through here
    rows: list[NewMessage] = []
    valid = credits = 0
    for row in chunk:
        if row.status != "valid":  # RowStatus is a StrEnum
            rows.append(_skipped(row))
            continue
        fields = row.fields
        try:
            text = fmt % values(fields)
        except KeyError:  # a row without one of the columns (a ragged sheet): the field is empty
            text = body.render(fields)
        cost = measure(text)[2]
        rows.append(NewMessage(row.row, row.address, fields, text, credits=cost))
        valid += 1
        credits += cost
    return Rendered(rows, valid, credits)


def _render_email(
    body: Template, subject: Template, escape: Callable[[str], str] | None, chunk: Sequence[RecipientLike]
) -> Rendered:
    rows: list[NewMessage] = []
    valid = 0
    for row in chunk:
        if row.status != "valid":
            rows.append(_skipped(row))
            continue
        fields = row.fields
        text = body.render(fields, escape)
        rows.append(NewMessage(row.row, row.address, fields, text, subject.render(fields)))
        valid += 1
    return Rendered(rows, valid, valid)  # one credit an e-mail


def _skipped(row: RecipientLike) -> NewMessage:
    """A row that cannot be sent (invalid, duplicate, suppressed): kept, with the importer's reason."""
    reason = str(getattr(row, "reason_id", "") or row.status)
    return NewMessage(
        row.row, row.address or "", row.fields, "", state=State.SKIPPED, reason=reason, detail=row.reason
    )


def _lookups(caps: Capabilities) -> dict[str, bool]:
    """How the journal files the rows: by text for same-text bulks, and what the vendor's events name."""
    return {
        "group_by_text": caps.same_text_bulk,
        "by_provider_id": caps.pushes_statuses,
        "by_address": caps.pushes_replies,
    }


def _credits(channel: str, text: str) -> int:
    return measure(text)[2] if channel == Channel.SMS.value else 1
