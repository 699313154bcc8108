"""`masivo providers`: each provider and what it supports."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any, TextIO

from app.commands._provider import emit
from app.commands.texts import TEXTS
from app.core.reasons import served_countries
from app.core.wording import word
from app.providers import registry
from app.providers.base import Capabilities


def describe(caps: Capabilities) -> dict[str, Any]:
    data = dataclasses.asdict(caps)
    data["channels"] = sorted(channel.value for channel in caps.channels)
    data["credentials"] = [
        {"key": field.key, "label": field.label, "secret": field.secret} for field in caps.credentials
    ]
    if caps.window:
        data["window"] = {
            "tz": caps.window.tz,
            "start": caps.window.start.isoformat("minutes"),
            "end": caps.window.end.isoformat("minutes"),
        }
    return data


def _line(caps: Capabilities) -> str:
    """One provider in one line: id, name, channels, bulk size, and what it demands of numbers."""
    channels = ", ".join(sorted(c.value for c in caps.channels))
    line = word(
        TEXTS, "provider_line", id=caps.id, name=caps.name, channels=channels, bulk_size=caps.bulk_size
    )
    if caps.number_digits:
        line += word(TEXTS, "provider_digits", digits=caps.number_digits)
    if caps.countries:
        line += word(TEXTS, "provider_countries", countries=served_countries(caps.countries))
    if caps.sms_modes:
        line += word(TEXTS, "provider_sms_modes", modes=" / ".join(caps.sms_modes))
    return line


def run(args: argparse.Namespace, out: TextIO) -> int:
    everything = registry.all_capabilities()
    lines = [_line(caps) for caps in everything]
    emit(out, args, {"providers": [describe(caps) for caps in everything]}, "\n".join(lines))
    return 0
