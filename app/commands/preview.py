"""`masivo preview`: characters, encoding, SMS segments and credits of a message, before sending.

Without `--recipients` it counts the template as typed (`{{` as one brace; a merge field as
its `{Name}`). With `--recipients` it renders the message for every valid row of the sheet:
the top-level counts then describe the longest message (`longest_row`), and `messages`,
`total_segments` (= credits), `max_segments` and `over_limit_count` the whole list.
Exit code 0; 1 when some message is over the provider's limit; 2 for bad input.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from typing import Any, TextIO

from app.commands._common import read_message
from app.commands._provider import CommandError
from app.commands.texts import TEXTS
from app.core.preview import CampaignPreview, Row, preview_campaign
from app.core.segments import MAX_SEGMENTS, SegmentCount, count, gsm_conversion
from app.core.templates import Template, TemplateError
from app.core.wording import language, word
from app.providers import registry
from app.providers.base import Capabilities

SHOWN_ROWS = 10  # rows listed in text output before "and N more"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The `preview` command; bad input is one sentence on stderr and exit code 2."""
    return preview(args, out)


def preview(args: argparse.Namespace, out: TextIO) -> int:
    """Count the message (and render it per recipient with --recipients), then print the result."""
    caps = registry.capabilities(args.provider)
    text = read_message(args)
    try:
        template = Template(text)
    except TemplateError as exc:
        raise CommandError(exc.text(language()), 2) from None
    if args.recipients is None:
        shown = template.shown()
        counted = count(shown)
        data = counts_json(counted, caps.max_length)
        lines = [message_line(counted), limit_line(counted, caps), *conversion_lines(counted, shown)]
        if template.fields:
            lines.append(word(TEXTS, "length_varies"))
    else:
        campaign, skipped = preview_sheet(args, text, caps)
        counted = count(campaign.longest_text if campaign.messages else template.shown())
        data = {
            **counts_json(counted, caps.max_length),
            **campaign_json(campaign),
            "skipped_rows": skipped,
        }
        typed = conversion_lines(count(text), text, template=True)
        lines = [*campaign_lines(campaign, skipped, caps), *typed]
    if args.json:
        out.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        out.write("\n".join(line for line in lines if line) + "\n")
    return 1 if data["over_limit"] or data.get("over_limit_count") else 0


def preview_sheet(args: argparse.Namespace, text: str, caps: Capabilities) -> tuple[CampaignPreview, int]:
    """The campaign preview over the sheet's valid rows, and how many rows will not be sent."""
    from app.core.domain import Channel
    from app.core.recipients import RowStatus, SheetError, load_recipients
    from app.core.settings import open_settings

    country = (args.country or open_settings().get("country") or "CL").upper()
    skipped = 0
    try:
        stream = load_recipients(
            args.recipients, channel=Channel.SMS, country=country, number_digits=caps.number_digits
        )
    except SheetError as exc:
        raise CommandError(str(exc), 2) from None
    with stream:
        try:
            template = Template(text, stream.preview.headers)
        except TemplateError as exc:
            raise CommandError(exc.text(language()), 2) from None

        def valid_rows() -> Iterator[Row]:
            nonlocal skipped
            for recipient in stream:
                if recipient.status is RowStatus.VALID:
                    yield recipient.row, recipient.fields
                else:
                    skipped += 1

        try:
            campaign = preview_campaign(template, valid_rows(), caps.max_length)
        except SheetError as exc:
            raise CommandError(str(exc), 2) from None
    return campaign, skipped


def counts_json(counted: SegmentCount, limit: int | None) -> dict[str, Any]:
    """One message's counts under the issue's JSON keys (positions are 0-based code points)."""
    return {
        "encoding": counted.encoding,
        "characters": counted.characters,
        "units": counted.units,
        "segments": counted.segments,
        "limit": counted.character_limit(limit),  # the provider's, or what MAX_SEGMENTS carry
        "over_limit": counted.over_limit(limit),
        "non_gsm": [{"position": at, "char": char} for at, char in counted.non_gsm],
    }


def campaign_json(campaign: CampaignPreview) -> dict[str, Any]:
    """The whole list's totals: the issue's keys, then the details the window shows too."""
    return {
        "messages": campaign.messages,
        "total_segments": campaign.total_segments,
        "max_segments": campaign.max_segments,
        "over_limit_count": campaign.over_limit_count,
        "over_limit_rows": campaign.over_limit_rows,
        "distribution": {str(segments): n for segments, n in sorted(campaign.distribution.items())},
        "ucs2_messages": campaign.ucs2_messages,
        "ucs2_rows": campaign.ucs2_rows,
        "longest_row": campaign.longest_row,
        "empty_fields": [{"row": row, "columns": list(columns)} for row, columns in campaign.empty_fields],
    }


def message_line(counted: SegmentCount) -> str:
    """Characters, encoding, units and segments as one sentence."""
    gsm = counted.encoding == "GSM-7"
    unit = word(TEXTS, "septets") if gsm else word(TEXTS, "utf16_units")
    size = (160 if gsm else 70) if counted.segments == 1 else (153 if gsm else 67)
    return word(
        TEXTS,
        "message_counts",
        characters=counted.characters,
        encoding=counted.encoding,
        units=counted.units,
        unit=unit,
        segments=counted.segments,
        size=size,
    )


def limit_line(counted: SegmentCount, caps: Capabilities) -> str:
    """The provider's limit (its own, or MAX_SEGMENTS), and whether the message is over it."""
    if counted.over_limit(caps.max_length):
        return over_limit_sentence(caps, counted)
    limit = counted.character_limit(caps.max_length)
    return word(TEXTS, "provider_limit", name=caps.name, limit=limit)


def over_limit_sentence(caps: Capabilities, counted: SegmentCount) -> str:
    """One message over the provider's limit (its characters, or MAX_SEGMENTS), and what to do."""
    if caps.max_length is not None and counted.characters > caps.max_length:
        return word(TEXTS, "over_length_limit", name=caps.name, max_length=caps.max_length)
    return word(
        TEXTS, "over_segment_limit", name=caps.name, max_segments=MAX_SEGMENTS, segments=counted.segments
    )


def limit_words(caps: Capabilities) -> str:
    """The provider's limit in words: its characters if its document names them, and MAX_SEGMENTS."""
    if caps.max_length:
        return word(TEXTS, "length_and_segments_limit", max_length=caps.max_length, max_segments=MAX_SEGMENTS)
    return word(TEXTS, "segments_limit", max_segments=MAX_SEGMENTS)


def conversion_lines(counted: SegmentCount, text: str, template: bool = False) -> list[str]:
    """Which characters force UCS-2 and what converting them to GSM-7 would cost."""
    if not counted.non_gsm:
        return []
    listed = ", ".join(f"«{char}» ({at + 1})" for at, char in counted.non_gsm[:SHOWN_ROWS])
    more = len(counted.non_gsm) - SHOWN_ROWS
    listed += word(TEXTS, "and_more", more=more) if more > 0 else ""
    where = word(TEXTS, "in_message_text") if template else ""
    lines = [word(TEXTS, "ucs2_characters", where=where, listed=listed)]
    offer = gsm_conversion(text)
    if offer.replacements:
        changes = ", ".join(f"{char}→{new or '∅'}" for char, new in offer.replacements)
        lines.append(
            word(
                TEXTS,
                "converted_to",
                encoding=offer.after.encoding,
                changes=changes,
                before=offer.before.segments,
                after=offer.after.segments,
                without_fields=word(TEXTS, "without_fields") if template else "",
            )
        )
    return lines


def campaign_lines(campaign: CampaignPreview, skipped: int, caps: Capabilities) -> list[str]:
    """Credits, distribution, UCS-2 rows, the longest message, over-limit and empty-field rows."""
    spread = ", ".join(f"{segments}: {n}" for segments, n in sorted(campaign.distribution.items()))
    lines = [
        word(
            TEXTS,
            "campaign_segments",
            messages=campaign.messages,
            total_segments=campaign.total_segments,
            spread=spread or "-",
        )
    ]
    if campaign.ucs2_rows:
        rows = shown_rows(campaign.ucs2_rows)
        lines.append(word(TEXTS, "ucs2_messages", count=campaign.ucs2_messages, rows=rows))
    if campaign.longest_row is not None:
        lines.append(
            word(
                TEXTS,
                "longest_message",
                longest_row=campaign.longest_row,
                longest_characters=campaign.longest_characters,
                max_segments=campaign.max_segments,
            )
        )
    if campaign.over_limit_rows:
        rows = shown_rows(campaign.over_limit_rows)
        limit = limit_words(caps)
        lines.append(
            word(
                TEXTS,
                "over_limit_rows",
                count=campaign.over_limit_count,
                name=caps.name,
                limit=limit,
                rows=rows,
            )
        )
    if campaign.empty_fields:
        columns = ", ".join(dict.fromkeys(c for _, empty in campaign.empty_fields for c in empty))
        rows = shown_rows([row for row, _ in campaign.empty_fields])
        lines.append(word(TEXTS, "empty_fields", columns=columns, rows=rows))
    if skipped:
        lines.append(word(TEXTS, "rows_not_sent", skipped=skipped))
    return lines


def shown_rows(rows: list[int]) -> str:
    """The first rows of a list, then how many more."""
    listed = ", ".join(map(str, rows[:SHOWN_ROWS]))
    more = len(rows) - SHOWN_ROWS
    return listed + (word(TEXTS, "and_more", more=more) if more > 0 else "")
