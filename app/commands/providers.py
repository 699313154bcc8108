"""`masivo providers`: each provider and what it supports."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any, TextIO

from app.commands._provider import emit
from app.core.reasons import served_countries
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


def run(args: argparse.Namespace, out: TextIO) -> int:
    everything = registry.all_capabilities()
    lines = [
        f"{caps.id:<10} {caps.name:<32} {', '.join(sorted(c.value for c in caps.channels)):<10} "
        f"lote {caps.bulk_size}"
        + (f", {caps.number_digits} dígitos" if caps.number_digits else "")
        + (f", solo números de {served_countries(caps.countries, 'es')}" if caps.countries else "")
        + (f", modos SMS {' / '.join(caps.sms_modes)}" if caps.sms_modes else "")
        for caps in everything
    ]
    emit(out, args, {"providers": [describe(caps) for caps in everything]}, "\n".join(lines))
    return 0
