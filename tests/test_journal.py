"""The journal: migrations, the write-before-send order of the queue, recovery, statuses, suppression."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.domain import CampaignStatus, State
from app.core.journal import (
    LATEST,
    Journal,
    JournalError,
    NewCampaign,
    NewMessage,
    inbox_queries,
    models,
    open_journal,
    queries,
)
from app.core.journal import backend as backend_module
from app.core.journal import journal as journal_module
from app.core.journal.migrations import MIGRATIONS
from app.providers.base import Effect, Problem, SendResult, StatusUpdate


def campaign_with(
    journal: Journal,
    texts: list[str],
    *,
    group_by_text: bool = False,
    name: str = "c",
    provider: str = "demo",
    by_provider_id: bool = False,
) -> int:
    campaign = journal.create_campaign(NewCampaign(name, provider, "sms", "Hola {nombre}"))
    rows = [
        NewMessage(i + 2, f"5691234{i:04d}", {"nombre": f"N{i}", "celular": f"5691234{i:04d}"}, text)
        for i, text in enumerate(texts)
    ]
    journal.add_messages(campaign, rows, group_by_text=group_by_text, by_provider_id=by_provider_id)
    journal.finish_creation(campaign, ["nombre", "celular"])
    return campaign


def accepted(journal: Journal, campaign: int, *provider_ids: str) -> list[int]:
    keys = [m.key for m in journal.queue.claim(campaign, len(provider_ids)).messages]
    journal.queue.record(
        [SendResult(key, State.ACCEPTED, pid) for key, pid in zip(keys, provider_ids, strict=True)]
    )
    return keys


def test_open_journal_default_is_the_data_folder_and_migrates_once(masivo_home: Path) -> None:
    journal = open_journal()
    assert (masivo_home / "journal.sqlite3").exists()
    assert journal.schema_version() == LATEST
    assert journal.backend.migrate() == 0
    journal.close()


def test_a_journal_from_a_newer_masivo_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    open_journal(str(path)).close()
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", (LATEST + 1,))
    with pytest.raises(JournalError, match="newer Masivo"):
        open_journal(str(path))


def test_the_journal_is_in_wal_mode(journal: Journal) -> None:
    if journal.backend.name != "sqlite":
        pytest.skip("SQLite only")
    assert journal.backend.query("PRAGMA journal_mode")[0][0] == "wal"


def test_campaign_lifecycle_and_lookup(journal: Journal) -> None:
    first = campaign_with(journal, ["a", "b"], name="promo")
    second = campaign_with(journal, ["c"], name="promo")
    campaign = journal.require(first)
    assert campaign.status is CampaignStatus.READY
    assert campaign.columns == ("nombre", "celular")
    assert journal.find_campaign(str(first)).id == first  # type: ignore[union-attr]
    assert journal.find_campaign("promo").id == second  # type: ignore[union-attr]
    assert journal.find_campaign("nope") is None
    assert journal.counts(first) == {"pending": 2}
    assert journal.all_counts() == {first: {"pending": 2}, second: {"pending": 1}}
    journal.update_options(first, batch_size=10)
    assert journal.require(first).option("batch_size") == 10
    journal.delete_campaign(second)
    assert journal.campaign(second) is None


def test_claim_journals_sending_before_anything_leaves(journal: Journal, journal_url: str) -> None:
    campaign = campaign_with(journal, ["t1", "t2", "t3"])
    claim = journal.queue.claim(campaign, 2)
    assert [m.text for m in claim.messages] == ["t1", "t2"]
    # Another process opening the journal already sees them leaving: the commit happened.
    other = open_journal(journal_url)
    assert other.counts(campaign) == {"sending": 2, "pending": 1}
    assert [m.state for m in other.messages(campaign)] == [State.SENDING, State.SENDING, State.PENDING]
    assert [m.id for m in other.messages(campaign, [State.SENDING])] == [m.key for m in claim.messages]
    other.close()
    assert [e.state for e in journal.history(claim.messages[0].key)] == [State.SENDING]
    # Rows on their way are never claimed again: the next claim takes the pending one only.
    assert [m.text for m in journal.queue.claim(campaign, 5).messages] == ["t3"]


def test_results_release_and_unknown(journal: Journal) -> None:
    campaign = campaign_with(journal, ["a", "b", "c", "d"])
    keys = [m.key for m in journal.queue.claim(campaign, 4).messages]
    problem = Problem("-4", Effect.SKIP, "invalid_number")
    journal.queue.record(
        [SendResult(keys[0], State.ACCEPTED, "p1"), SendResult(keys[1], State.REJECTED, problem=problem)]
    )
    journal.queue.release([keys[2]], Problem("http_500", Effect.RETRY, "provider_unavailable"))
    journal.queue.mark_unknown([keys[3]], Problem("read_timeout", Effect.UNKNOWN, "answer_lost"))
    assert journal.counts(campaign) == {"accepted": 1, "rejected": 1, "pending": 1, "unknown": 1}
    rejected = journal.message(keys[1])
    assert rejected is not None and (rejected.error_code, rejected.reason) == ("-4", "invalid_number")
    assert rejected.final_at is not None and rejected.attempts == 1
    accepted = journal.message(keys[0])
    assert accepted is not None and accepted.provider_id == "p1" and accepted.final_at is None
    assert [e.state for e in journal.history(keys[2])] == [State.SENDING, State.PENDING]
    # The released row is claimed again; the unknown one never is.
    assert [m.key for m in journal.queue.claim(campaign, 10).messages] == [keys[2]]


def test_begin_run_turns_rows_left_sending_into_unknown(journal: Journal) -> None:
    campaign = campaign_with(journal, ["a", "b", "c"])
    journal.queue.claim(campaign, 2)  # ... and the process dies here
    assert journal.begin_run(campaign) == 2
    assert journal.counts(campaign) == {"unknown": 2, "pending": 1}
    assert journal.require(campaign).status is CampaignStatus.RUNNING
    unknown = next(iter(journal.messages(campaign, [State.UNKNOWN])))
    assert unknown.reason == "interrupted"


def test_suppressed_rows_are_skipped_at_claim(journal: Journal) -> None:
    campaign = campaign_with(journal, ["a", "b", "c"])
    journal.suppression.add("56912340001", "sms", "BAJA")
    claim = journal.queue.claim(campaign, 3)
    assert claim.skipped == 1
    assert [m.to for m in claim.messages] == ["56912340000", "56912340002"]
    skipped = next(iter(journal.messages(campaign, [State.SKIPPED])))
    assert (skipped.address, skipped.reason) == ("56912340001", "suppressed")


def test_same_text_claims_group_rows_by_rendered_text(journal: Journal) -> None:
    campaign = campaign_with(journal, ["x", "y", "x", "y", "x"], group_by_text=True)
    first = journal.queue.claim(campaign, 1000, same_text=True)
    assert [m.text for m in first.messages] == ["x", "x", "x"]
    answers = [SendResult(m.key, State.ACCEPTED, f"id{m.key}") for m in first.messages]
    journal.queue.record(answers)
    second = journal.queue.claim(campaign, 1000, same_text=True)
    assert [m.text for m in second.messages] == ["y", "y"]
    assert journal.counts(campaign) == {"accepted": 3, "sending": 2}
    journal.queue.release([m.key for m in second.messages])
    assert [m.text for m in journal.queue.claim(campaign, 1000, same_text=True).messages] == ["y", "y"]


def test_what_a_crash_left_in_a_schema_6_journal_is_never_sent_again(journal: Journal) -> None:
    """Before schema 7 a claim listed its leaving rows (pending on disk) and a bulk's answers were
    logged as one record with the next claim: reopening after such a crash settles both."""
    campaign = campaign_with(journal, ["a", "b", "c", "d", "e"])
    a, b, c, d, e = (m.id for m in journal.messages(campaign))
    logged = [[[a, "p1"]], [[b, "rejected", None, "-4", "invalid_number", ""]]]
    journal.backend.execute(
        "INSERT INTO answers (campaign_id, at, sent_at, size, results) VALUES (?, ?, ?, ?, ?)",
        (campaign, 1.0, 1.0, 2, json.dumps(logged)),
    )
    journal.backend.execute(
        "INSERT INTO claims (campaign_id, ids, at) VALUES (?, ?, ?)", (campaign, f"[{c},{d}]", 2.0)
    )
    assert journal.begin_run(campaign) == 2
    assert journal.counts(campaign) == {"accepted": 1, "rejected": 1, "unknown": 2, "pending": 1}
    rejected, accepted = journal.message(b), journal.message(a)
    assert rejected is not None and (rejected.error_code, rejected.reason) == ("-4", "invalid_number")
    assert accepted is not None and accepted.provider_id == "p1"
    assert [m.key for m in journal.queue.claim(campaign, 5).messages] == [e]


def test_polled_statuses_only_move_forward(journal: Journal) -> None:
    campaign = campaign_with(journal, ["a", "b"])
    keys = accepted(journal, campaign, "id-1", "id-2")
    assert journal.awaiting_status(campaign) == [(keys[0], "id-1", None), (keys[1], "id-2", None)]
    changed = journal.apply_polled(
        [
            (keys[0], StatusUpdate("id-1", State.DELIVERED, "ENTREGADO")),
            (keys[1], StatusUpdate("id-2", State.ACCEPTED, "EN_COLA")),
        ]
    )
    assert changed == 1
    # A late "sent to carrier" does not undo "delivered"; a newer word for the same state is kept.
    assert journal.apply_polled([(keys[0], StatusUpdate("id-1", State.ACCEPTED, "ENVIADO_A_CARRIER"))]) == 0
    delivered = journal.message(keys[0])
    assert delivered is not None and delivered.state is State.DELIVERED
    assert delivered.status_code == "ENTREGADO" and delivered.final_at is not None
    queued = journal.message(keys[1])
    assert queued is not None and (queued.state, queued.status_code) == (State.ACCEPTED, "EN_COLA")
    assert journal.awaiting_status(campaign) == [(keys[1], "id-2", None)]
    assert [e.state for e in journal.history(keys[0])] == [State.SENDING, State.ACCEPTED, State.DELIVERED]


def test_pushed_statuses_find_rows_by_provider_id_only_where_the_provider_pushes(journal: Journal) -> None:
    pushing = campaign_with(journal, ["a", "b"], provider="connectus", by_provider_id=True)
    polled = campaign_with(journal, ["c"], provider="wavy")
    keys = accepted(journal, pushing, "id-1", "id-2")
    (wavy_key,) = accepted(journal, polled, "id-3")
    assert journal.apply_statuses([StatusUpdate("id-1", State.DELIVERED, "ENTREGADO")]) == 1
    assert journal.apply_statuses([StatusUpdate("id-1", State.ACCEPTED, "ENVIADO_A_CARRIER")]) == 0
    assert journal.apply_statuses([StatusUpdate("id-2", State.DELIVERED)], provider="itcloud") == 0
    assert (
        journal.apply_statuses([StatusUpdate("id-2", State.ACCEPTED, "EN_COLA")], provider="connectus") == 0
    )
    assert journal.message(keys[1]).status_code == "EN_COLA"  # type: ignore[union-attr]
    assert journal.apply_statuses([StatusUpdate("id-2", State.DELIVERED)], provider="connectus") == 1
    # Wavy posts nothing: its rows have no lookup by id to keep up (their status is polled, by row).
    assert journal.apply_statuses([StatusUpdate("id-3", State.DELIVERED)]) == 0
    assert journal.message(wavy_key).state is State.ACCEPTED  # type: ignore[union-attr]


def test_lookups_and_queues_use_their_indexes(journal: Journal) -> None:
    if journal.backend.name != "sqlite":
        pytest.skip("SQLite's query plans")

    def plan(sql: str, params: tuple[object, ...]) -> str:
        return " ".join(str(row[-1]) for row in journal.backend.query("EXPLAIN QUERY PLAN " + sql, params))

    assert "messages_pushed_id" in plan(queries.APPLY_PUSHED, ("delivered", "", "", 1.0, 1.0, "id", 5))
    assert "messages_pushed_id" in plan(inbox_queries.MESSAGE_OF_PROVIDER_ID, ("id", "connectus"))
    assert "message_contents_pushed_address" in plan(inbox_queries.LAST_ROW_TO, ("56912345678",))
    # The same-text queue holds pending rows only (migration 6), and the claims still find them by it.
    assert "messages_text_queue" in plan(queries.NEXT_PENDING_WITH_TEXT_KEY, (1, 5, 10))
    # The send queue holds pending rows only (migration 8): the claims read it, not the whole campaign.
    assert "INDEX messages_queue (campaign_id=? AND state=?)" in plan(queries.NEXT_PENDING, (1, 10))
    assert "INDEX messages_queue (campaign_id=? AND state=?)" in plan(queries.ANY_PENDING, (1,))
    assert "INDEX messages_queue (campaign_id=? AND state=?)" in plan(queries.PENDING_CREDITS, (1,))
    assert "messages_campaign" in plan(queries.COUNT_STATES, (1,))


def test_a_journal_from_before_migration_4_keeps_every_lookup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.sqlite3"
    with monkeypatch.context() as patch:
        patch.setattr(backend_module, "MIGRATIONS", MIGRATIONS[:3])
        backend = backend_module.SqliteBackend(path)
        backend.migrate()
    with backend.transaction():
        backend.execute(
            "INSERT INTO campaigns (id, name, provider, channel, template, subject, options, source, status, "
            "created_at, updated_at) VALUES (1, 'old', 'connectus', 'sms', 'x', '', '{}', '', 'ready', 0, 0)"
        )
        backend.execute(
            "INSERT INTO messages (id, campaign_id, state, provider_id, sent_at, updated_at) "
            "VALUES (1, 1, 'accepted', 'id-9', 1, 1)"
        )
        backend.execute(
            "INSERT INTO message_contents (message_id, sheet_row, address, fields, text) "
            "VALUES (1, 2, '56912345678', '{}', 'x')"
        )
    backend.close()
    journal = open_journal(str(path))
    assert journal.schema_version() == LATEST
    assert journal.backend.query(inbox_queries.LAST_ROW_TO, ("56912345678",))[0][0] == 1
    assert journal.apply_statuses([StatusUpdate("id-9", State.DELIVERED)], provider="connectus") == 1
    journal.close()


def test_messages_are_read_a_page_at_a_time(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(journal_module, "PAGE", 3)
    campaign = campaign_with(journal, [f"t{i}" for i in range(8)])
    assert [m.text for m in journal.messages(campaign)] == [f"t{i}" for i in range(8)]
    keys = [m.key for m in journal.queue.claim(campaign, 4).messages]
    journal.queue.mark_unknown(keys, Problem("x", Effect.UNKNOWN, "answer_lost"))
    unknown = list(journal.messages(campaign, [State.UNKNOWN, State.REJECTED]))
    assert [m.id for m in unknown] == keys
    assert unknown[0].fields == {"nombre": "N0", "celular": "56912340000"}


def test_suppression_list(journal: Journal) -> None:
    journal.suppression.add("56911111111", "sms", "BAJA")
    entry = journal.suppression.add(" Ana@Example.COM ", "email", "pidió no recibir")
    assert entry.value == "ana@example.com"
    assert journal.suppression.values() == frozenset({"56911111111", "ana@example.com"})
    assert [e.value for e in journal.suppression.entries()] == ["56911111111", "ana@example.com"]
    journal.suppression.add("56911111111", "sms", "STOP")  # again: same entry, new reason
    assert journal.suppression.entry("56911111111").reason == "STOP"  # type: ignore[union-attr]
    assert journal.suppression.remove("ANA@example.com")
    assert not journal.suppression.remove("ana@example.com")
    assert journal.suppression.values() == frozenset({"56911111111"})


def test_pending_credits_and_texts(journal: Journal) -> None:
    campaign = journal.create_campaign(NewCampaign("c", "demo", "sms", "x"))
    journal.add_messages(
        campaign,
        [
            NewMessage(2, "1", {}, "a", credits=2),
            NewMessage(3, "2", {}, "a", credits=2),
            NewMessage(4, "3", {}, "b"),
            NewMessage(5, "", {}, "", state=State.SKIPPED, reason="phone_empty"),
        ],
    )
    assert journal.pending_credits(campaign) == 5
    assert journal.pending_texts(campaign) == 2


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )
)
def test_the_journals_json_is_the_standard_librarys(value: object) -> None:
    assert models.dumps(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
