"""Opt-out replies: which texts are one, the setting's words, and a number that asks to stop mid-campaign."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from app.core.domain import Channel, State
from app.core.journal import Journal
from app.providers.base import Capabilities, OutgoingMessage, SendResult
from app.webhooks.optout import DEFAULT_WORDS, is_opt_out, normalize, opt_out_words
from tests.backends import sqlite_journal  # noqa: F401 (the `journal` fixture)
from tests.dispatcher_support import FakeClock, Scripted, make_campaign, run
from tests.webhook_support import Client, received, running_receiver

WORDS = opt_out_words(DEFAULT_WORDS)
ONE_BY_ONE = Capabilities("connectus", "Connectus", frozenset({Channel.SMS}), "x://", ())


@pytest.mark.parametrize(
    "text",
    ["BAJA", "baja", "Baja.", "¡¡Baja!!", "  stop  ", "SALIR\n", "cancelar", "Desuscribir", "UNSUBSCRIBE",
     "Alto", "ÁLTO", "bája", "*STOP*", "Stop!!!"],
)  # fmt: skip
def test_a_reply_that_says_only_an_opt_out_word_is_one(text: str) -> None:
    assert is_opt_out(text, WORDS)


@pytest.mark.parametrize(
    "text", ["", "Hola", "no me den de baja", "BAJA precios", "stop it please", "altos", "bajar", "STOP STOP"]
)
def test_a_reply_that_says_more_or_something_else_is_not(text: str) -> None:
    assert not is_opt_out(text, WORDS)


def test_the_words_come_from_the_setting() -> None:
    words = opt_out_words("Basta; no más,\n  FIN ")
    assert words == {"basta", "no mas", "fin"}
    assert is_opt_out("¡No más!", words) and is_opt_out("fin", words) and not is_opt_out("baja", words)
    assert normalize("  Ñandú, ¿QUÉ?  ") == "nandu que"


def test_a_number_that_opts_out_during_a_campaign_gets_nothing_afterwards(journal: Journal) -> None:
    campaign = make_campaign(journal, 6, provider="connectus")  # numbers 5691000000{0..5}, one request each
    leaving_first, later = "56910000000", "56910000003"
    with running_receiver(journal) as receiver:
        client = Client(receiver.port)

        def answer(batch: Sequence[OutgoingMessage]) -> list[SendResult]:
            if batch[0].to == leaving_first:  # while the first message is leaving, two numbers opt out
                for sender, text in ((later, "BAJA"), (leaving_first, "Stop.")):
                    reply = received(f"in-{sender}", sender, text)
                    assert client.post_json("connectus_inbound", reply).status == 200
            return [SendResult(m.key, State.ACCEPTED, f"id-{m.key}") for m in batch]

        provider = Scripted(ONE_BY_ONE, FakeClock(), answer=answer)
        result, _ = run(journal, campaign, provider, batch_size=1)
        assert (
            client.post_json("connectus_inbound", received("after", leaving_first, "Gracias")).status == 200
        )
        client.close()
    sent_to = [m.to for _, batch in provider.requests for m in batch]
    assert later not in sent_to, "a number that opted out still got a message"
    assert sent_to.count(leaving_first) == 1  # its message had already left: it is not taken back
    assert result.counts == {"accepted": 5, "skipped": 1}
    skipped = [r for r in journal.messages(campaign) if r.state is State.SKIPPED]
    assert [(r.address, r.reason) for r in skipped] == [(later, "suppressed")]
    replies = {r.text: r for r in journal.inbox.replies()}
    assert replies["Gracias"].campaign_id == campaign and replies["Gracias"].sheet_row == 2
    assert replies["BAJA"].campaign_id is None  # nothing was ever sent to it
    assert [text for text, r in replies.items() if r.opt_out] == ["BAJA", "Stop."]
