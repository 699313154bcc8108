"""Short phrases the campaign pages share: durations, times, campaign statuses, the sending window."""

from __future__ import annotations

import datetime as dt
import time

from PySide6.QtCore import QCoreApplication

from app.core.pacing import window_opens_at
from app.providers.base import Capabilities


def _tr(text: str) -> str:
    return QCoreApplication.translate("CampaignText", text)


def duration(seconds: float | None) -> str:
    """'45 s', '3 min 05 s', '2 h 07 min'; '—' when unknown."""
    if seconds is None:
        return "—"
    if seconds < 1:
        return _tr("less than a second")
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _tr("{h} h {m:02d} min").format(h=hours, m=minutes)
    if minutes:
        return _tr("{m} min {s:02d} s").format(m=minutes, s=secs)
    return _tr("{s} s").format(s=secs)


def local_time(epoch: float | None) -> str:
    """A moment as this computer's clock shows it: 'YYYY-MM-DD HH:MM'."""
    if epoch is None:
        return "—"
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M")


def status_label(status: str) -> str:
    """A campaign status (or the window's own: interrupted, waiting, preparing) in the window's language."""
    labels = {
        "creating": _tr("Being created"),
        "ready": _tr("Ready, not sent"),
        "running": _tr("Sending"),
        "sending": _tr("Sending"),
        "waiting": _tr("Waiting"),
        "paused": _tr("Paused"),
        "completed": _tr("Completed"),
        "cancelled": _tr("Cancelled"),
        "failed": _tr("Stopped by an error"),
        "interrupted": _tr("Interrupted"),
    }
    return labels.get(status, status)


def window_text(caps: Capabilities, now: float | None = None) -> str:
    """The provider's sending hours and, when closed now, when sending would start."""
    window = caps.window
    if window is None:
        return _tr("{provider} accepts messages at any hour.").format(provider=caps.name)
    text = _tr(
        "{provider} only sends between {start} and {end} ({zone} time); outside those hours the "
        "campaign waits and continues by itself."
    ).format(
        provider=caps.name, start=window.start.strftime("%H:%M"), end=window.end.strftime("%H:%M"),
        zone=window.tz,
    )  # fmt: skip
    opens = window_opens_at(window, time.time() if now is None else now)
    if opens is not None:
        text += " " + _tr("It is closed now: sending would start at {when}.").format(when=local_time(opens))
    return text
