"""`masivo resume CAMPAIGN`: continue a paused or interrupted campaign where it stopped."""

from __future__ import annotations

import argparse
from typing import TextIO

from app.commands._common import find_campaign, open_journal_or_fail
from app.commands._engine import drive, run_in_terminal
from app.commands._provider import CommandError, open_provider
from app.commands.texts import TEXTS
from app.core.domain import CampaignStatus
from app.core.wording import word


def run(args: argparse.Namespace, out: TextIO) -> int:
    return run_in_terminal(resume, args, out)


def resume(args: argparse.Namespace, out: TextIO) -> int:
    journal = open_journal_or_fail()
    try:
        campaign = find_campaign(journal, args.campaign)
        if campaign.status is CampaignStatus.CANCELLED:
            raise CommandError(
                word(TEXTS, "cannot_resume_cancelled"),
                2,
            )
        if campaign.status is CampaignStatus.CREATING:
            raise CommandError(
                word(TEXTS, "cannot_resume_incomplete"),
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
