"""`masivo status CAMPAIGN [--refresh]`: a campaign's counts by state, after asking the provider if told."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from app.commands._common import find_campaign, open_journal_or_fail
from app.commands._provider import CommandError, emit, failure_message, open_provider
from app.commands.texts import TEXTS
from app.core.domain import shown_status
from app.core.engine.poller import Poller
from app.core.reasons import reason_text
from app.core.wording import word
from app.providers import registry
from app.providers.base import ProviderFailure


def run(args: argparse.Namespace, out: TextIO) -> int:
    return status(args, out)


def status(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_journal_or_fail()
    try:
        campaign = find_campaign(journal, args.campaign)
        caps = registry.capabilities(campaign.provider)
        if args.refresh:
            provider = open_provider(campaign.provider, args.base_url or campaign.option("base_url"))
            try:
                result = Poller(journal, provider).poll_once(campaign.id)
            except ProviderFailure as failure:
                raise CommandError(failure_message(failure, caps.name), 1) from None
            finally:
                provider.close()
            if result.problem is not None:
                print(
                    f"{reason_text(result.problem.reason, caps.name)} [{result.problem.code}]",
                    file=sys.stderr,
                )
            elif not caps.has_status:
                print(
                    word(TEXTS, "no_delivery_statuses", name=caps.name),
                    file=sys.stderr,
                )
        counts = journal.counts(campaign.id)
        current = journal.require(campaign.id)
        shown = shown_status(current, holder=journal.leases.holder)
        data = {
            "campaign": current.id,
            "name": current.name,
            "status": shown,
            "reason": current.reason,
            "counts": counts,
        }
        listing = ", ".join(f"{state} {n}" for state, n in sorted(counts.items())) or "—"
        emit(out, args, data, f"{current.id} «{current.name}» ({shown}): {listing}")
        return 0
    finally:
        journal.close()
