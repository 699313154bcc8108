"""`masivo email-check --from ventas@empresa.cl`: may the mail service send for the sender's domain?

Exit code 0 when nothing blocks sending (warnings may remain), 1 when a record is missing or
wrong, 2 for a bad address or option.
"""

from __future__ import annotations

import argparse
from typing import TextIO

import dns.resolver

from app.commands._provider import CommandError, emit
from app.commands.texts import TEXTS
from app.core.deliverability import DeliverabilityCheck, Level, Report
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.core.wording import language, word
from app.providers.smtp_presets import preset

MARKS = {Level.OK: "✔", Level.WARNING: "!", Level.ERROR: "✘"}


def run(args: argparse.Namespace, out: TextIO) -> int:
    sender = args.sender.strip()
    local, at, domain = sender.rpartition("@")
    if not (local and at and "." in domain):
        raise CommandError(word(TEXTS, "not_an_email", sender=sender), 2)
    service = preset(args.service or stored_preset())
    report = DeliverabilityCheck(resolver(args.nameserver)).run(sender, service, args.dkim_selector)
    emit(out, args, report.as_dict(language()), text(report))
    return 0 if report.passed else 1


def text(report: Report) -> str:
    lang = language()
    head = word(TEXTS, "domain_with_service", domain=report.domain, service=report.service)
    lines = [f"  {MARKS[finding.level]} {finding.sentence(lang)}" for finding in report.findings]
    verdict = word(TEXTS, "ready_to_send")
    if not report.passed:
        verdict = word(TEXTS, "fix_marked")
    return "\n".join([head, *lines, verdict])


def stored_preset() -> str:
    """The smtp provider's preset, when its settings are stored; else "other"."""
    try:
        stored = CredentialStore().load("smtp")
    except KeyringUnavailable:
        return "other"
    return stored["preset"] if stored is not None else "other"


def resolver(nameserver: str | None) -> dns.resolver.Resolver | None:
    """The system's resolver, or one asking `IP[:PORT]`."""
    if not nameserver:
        return None
    host, _, port = nameserver.rpartition(":") if nameserver.count(":") == 1 else (nameserver, "", "")
    chosen = dns.resolver.Resolver(configure=False)
    chosen.nameservers = [host or nameserver]
    if port:
        if not port.isdigit():
            raise CommandError(word(TEXTS, "invalid_nameserver_port", nameserver=nameserver), 2)
        chosen.port = int(port)
    return chosen
