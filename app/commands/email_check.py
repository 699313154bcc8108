"""`masivo email-check --from ventas@empresa.cl`: may the mail service send for the sender's domain?

Exit code 0 when nothing blocks sending (warnings may remain), 1 when a record is missing or
wrong, 2 for a bad address or option.
"""

from __future__ import annotations

import argparse
from typing import TextIO

import dns.resolver

from app.commands._common import say
from app.commands._provider import CommandError, emit
from app.core.deliverability import DeliverabilityCheck, Level, Report
from app.core.reasons import language
from app.core.secrets import CredentialStore, KeyringUnavailable
from app.providers.smtp_presets import preset

MARKS = {Level.OK: "✔", Level.WARNING: "!", Level.ERROR: "✘"}


def run(args: argparse.Namespace, out: TextIO) -> int:
    sender = args.sender.strip()
    local, at, domain = sender.rpartition("@")
    if not (local and at and "." in domain):
        raise CommandError(say(
            f"«{sender}» no es una dirección de correo (ejemplo: ventas@empresa.cl).",
            f"“{sender}” is not an e-mail address (example: sales@company.com).",
        ), 2)  # fmt: skip
    service = preset(args.service or stored_preset())
    report = DeliverabilityCheck(resolver(args.nameserver)).run(sender, service, args.dkim_selector)
    emit(out, args, report.as_dict(language()), text(report))
    return 0 if report.passed else 1


def text(report: Report) -> str:
    lang = language()
    head = say(f"{report.domain} con {report.service}:", f"{report.domain} with {report.service}:")
    lines = [f"  {MARKS[finding.level]} {finding.sentence(lang)}" for finding in report.findings]
    verdict = say("Listo para enviar.", "Ready to send.")
    if not report.passed:
        verdict = say("Corrija lo marcado con ✘ antes de enviar.", "Fix what is marked ✘ before sending.")
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
            raise CommandError(
                say(f"Puerto no válido en «{nameserver}».", f"Invalid port in “{nameserver}”."), 2
            )
        chosen.port = int(port)
    return chosen
