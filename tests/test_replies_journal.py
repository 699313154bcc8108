"""The journal's inbox on both backends: repeats stored once, replies linked to their campaign, opt-outs."""

from __future__ import annotations

import threading

from app.core.domain import State
from app.core.journal import Journal
from app.core.journal.inbox import OPT_OUT_REASON, REPEAT_WINDOW
from app.core.journal.inbox_models import IncomingReply, IncomingStatus, RefusedRequest
from tests.webhook_support import (
    Client,
    number,
    provider_ids,
    received,
    running_receiver,
    sent_campaign,
    status,
)

NOW = 1_750_000_000.0


def reply(sender: str, text: str, at: float = NOW, ref: str = "", opt_out: bool = False) -> IncomingReply:
    return IncomingReply("itcloud" if not ref else "connectus", sender, "", text, at, ref, opt_out)


def test_a_reply_is_linked_to_the_most_recent_campaign_that_messaged_its_sender(journal: Journal) -> None:
    first = sent_campaign(journal, 3, name="primera")
    second = sent_campaign(journal, 2, name="segunda")  # messages number(0) and number(1) again
    stored = journal.inbox.store(
        [reply(number(1), "Sí"), reply(number(2), "Info"), reply("573000000000", "?")]
    )
    assert [s.new for s in stored] == [True, True, True]
    replies = {r.sender: r for r in journal.inbox.replies()}
    assert (replies[number(1)].campaign_id, replies[number(1)].sheet_row) == (second, 3)
    assert (replies[number(2)].campaign_id, replies[number(2)].campaign_name) == (first, "primera")
    assert replies[number(2)].sheet_row == 4
    assert (replies["573000000000"].campaign_id, replies["573000000000"].sheet_row) == (None, None)
    assert [r.sender for r in journal.inbox.replies(second)] == [number(1)]


def test_a_row_not_sent_yet_is_not_what_a_reply_answers(journal: Journal) -> None:
    sent = sent_campaign(journal, 1)
    sent_campaign(journal, 1, name="todavía no", send=False)  # the same number, still pending
    journal.inbox.store([reply(number(0), "Hola")])
    assert journal.inbox.replies()[0].campaign_id == sent


def test_repeats_are_stored_once(journal: Journal) -> None:
    with_ref = reply("56990324203", "Hola", ref="ec3d")
    assert [s.new for s in journal.inbox.store([with_ref, with_ref])] == [True, False]
    assert journal.inbox.store([reply("56990324203", "Hola", at=NOW + 60, ref="ec3d")])[0].new is False
    # Without a vendor id (IT Cloud): the same sender and text within the window is one reply.
    plain = reply("573152338956", "Hola")
    later = reply("573152338956", "Hola", at=NOW + REPEAT_WINDOW / 2)
    much_later = reply("573152338956", "Hola", at=NOW + 2 * REPEAT_WINDOW)
    assert [s.new for s in journal.inbox.store([plain, later, much_later])] == [True, False, True]
    status = IncomingStatus("connectus", "x1", "ENTREGADO", State.DELIVERED, NOW)
    assert [s.new for s in journal.inbox.store([status, status])] == [True, False]
    assert journal.inbox.reply_count() == 3


def test_an_opt_out_reply_suppresses_its_sender_with_the_reason_and_the_reply(journal: Journal) -> None:
    journal.suppression.add("56911111111", "sms", "pidió por teléfono")
    journal.inbox.store(
        [reply("56990324203", "¡Baja!", opt_out=True), reply("56911111111", "STOP", opt_out=True)]
    )
    entry = journal.suppression.entry("56990324203")
    assert entry is not None and entry.channel == "sms" and entry.reason == f"{OPT_OUT_REASON}: ¡Baja!"
    kept = journal.suppression.entry("56911111111")
    assert kept is not None and kept.reason == "pidió por teléfono"  # an entry already there keeps its reason
    assert [r.opt_out for r in journal.inbox.replies()] == [True, True]


def test_status_updates_move_rows_forward_only_and_wait_for_unknown_ids(journal: Journal) -> None:
    campaign = sent_campaign(journal, 2)
    ids = provider_ids(journal, campaign)
    delivered = IncomingStatus("connectus", ids[number(0)], "ENTREGADO", State.DELIVERED, NOW)
    late = IncomingStatus("connectus", ids[number(0)], "ENVIADO_A_CARRIER", State.ACCEPTED, NOW + 1)
    early = IncomingStatus("connectus", "id-999", "NO_ENTREGABLE", State.UNDELIVERED, NOW)
    outcomes = journal.inbox.store([delivered, late, early])
    assert [o.changed for o in outcomes] == [1, 0, 0]
    assert journal.counts(campaign) == {"delivered": 1, "accepted": 1}
    assert journal.inbox.status_event_counts() == (3, 1)
    assert journal.inbox.apply_pending(now=NOW) == 0  # still nobody has that id


def test_a_status_for_another_providers_campaign_is_not_applied(journal: Journal) -> None:
    campaign = sent_campaign(journal, 1, provider="wavy")
    ids = provider_ids(journal, campaign)
    journal.inbox.store([IncomingStatus("connectus", ids[number(0)], "ENTREGADO", State.DELIVERED, NOW)])
    assert journal.counts(campaign) == {"accepted": 1}


def test_refusals_are_kept_newest_first_and_cut_short(journal: Journal) -> None:
    journal.inbox.store([
        RefusedRequest("connectus_status", "GET", 405, "wrong_method", "", "", NOW),
        RefusedRequest("itcloud_inbound", "POST", 413, "body_too_large", "", "x" * 10_000, NOW + 1),
    ])  # fmt: skip
    newest, oldest = journal.inbox.refusals()
    assert (newest.reason, len(newest.excerpt)) == ("body_too_large", 2000)
    assert oldest.route == "connectus_status"


def test_suppress_many_keeps_entries_already_there(journal: Journal) -> None:
    journal.suppression.add("a@b.cl", "email", "a mano")
    assert journal.inbox.suppress_many(["A@B.cl", "c@d.cl", "c@d.cl"], "email", "importada", NOW) == 3
    assert {(e.value, e.reason) for e in journal.suppression.entries()} == {
        ("a@b.cl", "a mano"), ("c@d.cl", "importada")}  # fmt: skip


def test_the_receiver_stores_concurrent_events_on_every_backend(journal: Journal) -> None:
    campaign = sent_campaign(journal, 10)
    ids = provider_ids(journal, campaign)

    def sender(port: int, n: int) -> None:
        client = Client(port)
        for i in range(20):
            assert client.post_json("connectus_status", status(f"x{n}-{i}", "EN_COLA")).status == 200
        assert client.post_json("connectus_status", status(ids[number(n)], "ENTREGADO")).status == 200
        assert client.post_json("connectus_inbound", received(f"r{n}", number(n), "BAJA")).status == 200
        client.close()

    with running_receiver(journal) as receiver:
        threads = [threading.Thread(target=sender, args=(receiver.port, n)) for n in range(10)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert journal.counts(campaign) == {"delivered": 10}
    assert journal.inbox.status_event_counts() == (210, 200)
    assert len(journal.inbox.replies(campaign)) == 10
    assert len(journal.suppression.entries()) == 10
