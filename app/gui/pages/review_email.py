"""The review step's e-mail part, off the GUI thread: the account's pace and the sender domain's DNS.

A provider such as SMTP carries its account's pace and daily limit on the adapter (the user's
preset and figures), not in the registry's capabilities: the expected finish needs them. Its
`service` names what the deliverability check looks for. No Qt here: a worker runs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.pacing import Pace, estimate, quota_days
from app.providers.base import Capabilities, Provider
from app.providers.smtp_presets import Preset

if TYPE_CHECKING:  # dnspython loads only when an e-mail campaign is reviewed
    from app.core.deliverability import DeliverabilityCheck, Report

MARKS = {"ok": "✔", "warning": "!", "error": "✘"}


@dataclass(frozen=True)
class EmailReview:
    caps: Capabilities  # the account's: pace and daily limit
    report: Report | None  # None: not a service the check knows, or no sender address


def system_check() -> DeliverabilityCheck:
    """A check asking the system's DNS resolver."""
    from app.core.deliverability import DeliverabilityCheck

    return DeliverabilityCheck()


def report_lines(report: Report, lang: str) -> list[str]:
    """The domain, then one marked sentence per check."""
    return [report.domain + ":", *(f"{MARKS[f.level.value]} {f.sentence(lang)}" for f in report.findings)]


def review_email(provider: Provider, sender: str, check: DeliverabilityCheck | None = None) -> EmailReview:
    service = getattr(provider, "service", None)
    sender = sender or str(getattr(provider, "default_sender", ""))
    if not isinstance(service, Preset) or "@" not in sender:
        return EmailReview(provider.capabilities, None)
    sender_domain_check = check or system_check()
    return EmailReview(provider.capabilities, sender_domain_check.run(sender, service))


def expected_seconds(caps: Capabilities, interval: float | None, messages: int) -> tuple[float, int]:
    """Seconds of sending at the account's pace, and the days its daily limit spreads them over."""
    guess = estimate(caps, Pace.for_provider(caps, interval), messages)
    return guess.seconds, quota_days(caps.per_day, messages)
