"""`masivo balance --provider P`: credits left."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from app.commands._provider import emit, failure_message, open_provider
from app.commands.texts import TEXTS
from app.core.wording import word
from app.providers import registry
from app.providers.base import ProviderFailure


def run(args: argparse.Namespace, out: TextIO) -> int:
    caps = registry.capabilities(args.provider)
    try:
        provider = open_provider(args.provider, args.base_url)
        try:
            balance = provider.balance()
        finally:
            provider.close()
    except ProviderFailure as failure:
        print(failure_message(failure, caps.name), file=sys.stderr)
        return 1
    data = {"provider": args.provider, "sms": balance.sms, "email": balance.email}

    def shown(value: int | None) -> str:
        return "—" if value is None else str(value)

    line = word(TEXTS, "balance_line", name=caps.name, sms=shown(balance.sms), email=shown(balance.email))
    emit(out, args, data, line)
    return 0
