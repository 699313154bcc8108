"""Short phrases the campaign pages share: durations, times, campaign statuses, the sending window."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QCoreApplication, QLocale, QTimeZone

from app.core.engine.pacing import window_opens_at
from app.providers.base import Capabilities

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


def duration(seconds: float | None) -> str:
    """'45 s', '3 min 05 s', '2 h 07 min'; '—' when unknown."""
    if seconds is None:
        return "—"
    if seconds < 1:
        return translate("CampaignText", "less than a second")
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return translate("CampaignText", "{h} h {m:02d} min").format(h=hours, m=minutes)
    if minutes:
        return translate("CampaignText", "{m} min {s:02d} s").format(m=minutes, s=secs)
    return translate("CampaignText", "{s} s").format(s=secs)


def local_time(epoch: float | None) -> str:
    """A moment as this computer's clock shows it: 'YYYY-MM-DD HH:MM'."""
    if epoch is None:
        return "—"
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M")


def status_label(status: str) -> str:
    """A campaign status (or the window's own: interrupted, waiting, preparing) in the window's language."""
    labels = {
        "creating": translate("CampaignText", "Being created"),
        "ready": translate("CampaignText", "Ready, not sent"),
        "running": translate("CampaignText", "Sending"),
        "sending": translate("CampaignText", "Sending"),
        "waiting": translate("CampaignText", "Waiting"),
        "paused": translate("CampaignText", "Paused"),
        "completed": translate("CampaignText", "Completed"),
        "cancelled": translate("CampaignText", "Cancelled"),
        "failed": translate("CampaignText", "Stopped by an error"),
        "interrupted": translate("CampaignText", "Interrupted"),
    }
    return labels.get(status, status)


def window_text(caps: Capabilities, now: float | None = None) -> str:
    """The provider's sending hours and, when closed now, when sending would start."""
    window = caps.window
    if window is None:
        return translate("CampaignText", "{provider} accepts messages at any hour.").format(
            provider=caps.name
        )
    text = translate(
        "CampaignText",
        "{provider} only sends between {start} and {end} ({zone}); outside those hours the "
        "campaign waits and continues by itself."
    ).format(
        provider=caps.name, start=window.start.strftime("%H:%M"), end=window.end.strftime("%H:%M"),
        zone=zone_name(window.tz),
    )  # fmt: skip
    opens = window_opens_at(window, time.time() if now is None else now)
    if opens is not None:
        closed = translate("CampaignText", "It is closed now: sending would start at {when}.")
        text += " " + closed.format(when=local_time(opens))
    return text


def zone_name(tz: str) -> str:
    """A time zone as people say it ("hora estándar de Colombia"), not its id (America/Bogota)."""
    zone = QTimeZone(tz.encode("ascii"))
    if not zone.isValid():
        return tz
    return zone.displayName(QTimeZone.TimeType.GenericTime, QTimeZone.NameType.LongName, QLocale())
