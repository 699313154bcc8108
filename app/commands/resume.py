"""`masivo resume CAMPAIGN`: continue a paused or interrupted campaign where it stopped."""

from __future__ import annotations

import argparse
from typing import TextIO

from app.commands._common import find_campaign, open_journal_or_fail
from app.commands._engine import drive, run_in_terminal
from app.commands._provider import CommandError, open_provider
from app.core.domain import CampaignStatus
from app.core.reasons import say


def run(args: argparse.Namespace, out: TextIO) -> int:
    return run_in_terminal(resume, args, out)


def resume(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_journal_or_fail()
    try:
        campaign = find_campaign(journal, args.campaign)
        if campaign.status is CampaignStatus.CANCELLED:
            raise CommandError(
                say(
                    "La campaña fue cancelada y no se puede reanudar.",
                    "The campaign was cancelled and cannot be resumed.",
                ),
                2,
            )
        if campaign.status is CampaignStatus.CREATING:
            raise CommandError(
                say(
                    "La campaña no terminó de crearse: créela de nuevo.",
                    "The campaign was never fully created: create it again.",
                ),
                2,
            )
        if args.base_url:
            journal.update_options(campaign.id, base_url=args.base_url)
        provider = open_provider(campaign.provider, args.base_url or campaign.option("base_url"))
        try:
            return drive(journal, campaign.id, provider, args, out)
        finally:
            provider.close()
    finally:
        journal.close()
