"""Many rows at once (`insert_many`, `update_many`) land as the same rows one by one, on each backend."""

from __future__ import annotations

from app.core.domain import State
from app.core.journal import Journal, NewCampaign, NewMessage, queries
from app.providers.base import Effect, Problem, SendResult

ROWS = 2 * 1000 + 300  # more than one statement's worth (MAX_ROWS_PER_STATEMENT)
BATCH = 50


def test_a_multi_row_insert_stays_within_sqlite_s_limit_of_variables(journal: Journal) -> None:
    columns = [f"c{i}" for i in range(40)]
    if journal.backend.name == "sqlite":
        journal.backend.execute(f"CREATE TABLE wide ({', '.join(columns)})")
    else:
        journal.backend.execute(f"CREATE TEMPORARY TABLE wide ({', '.join(c + ' INTEGER' for c in columns)})")
    with journal.backend.transaction():
        journal.backend.insert_many("wide", columns, [list(range(n, n + 40)) for n in range(ROWS)])
    assert journal.backend.query("SELECT COUNT(*), SUM(c39) FROM wide") == [(ROWS, sum(range(39, ROWS + 39)))]


def _campaign(journal: Journal, name: str, one_by_one: bool) -> int:
    campaign = journal.create_campaign(NewCampaign(name, "demo", "sms", "x"))
    rows = [
        NewMessage(i, f"5690{i:05d}", {"n": f"N{i}"}, f"texto {i}", credits=1 + i % 2) for i in range(ROWS)
    ]
    if one_by_one:
        for row in rows:
            journal.add_messages(campaign, [row])
    else:
        journal.add_messages(campaign, rows)
    return campaign


def _answers(keys: list[int]) -> list[SendResult]:
    lost = Problem("read_timeout", Effect.UNKNOWN, "answer_lost")
    refused = Problem("-4", Effect.SKIP, "invalid_number", "número inválido")
    return [
        SendResult(k, State.ACCEPTED, f"p{i}")
        if i % 3 == 0
        else SendResult(k, State.UNKNOWN, problem=lost)
        if i % 3 == 1
        else SendResult(k, State.REJECTED, None, refused)
        for i, k in enumerate(keys)
    ]


def _as_written(journal: Journal, campaign: int) -> list[tuple[object, ...]]:
    return [
        (
            m.sheet_row,
            m.address,
            m.fields,
            m.text,
            m.state,
            m.provider_id,
            m.error_code,
            m.reason,
            m.detail,
            m.attempts,
            m.sent_at is not None,
            m.final_at is not None,
        )
        for m in journal.messages(campaign)
    ]


def test_a_batch_lands_like_the_same_rows_one_by_one(journal: Journal) -> None:
    batched, single = _campaign(journal, "batched", False), _campaign(journal, "single", True)
    assert _as_written(journal, batched) == _as_written(journal, single)
    claims = {c: [m.key for m in journal.queue.claim(c, ROWS).messages] for c in (batched, single)}
    journal.queue.record(_answers(claims[batched]))
    answers = _answers(claims[single])
    for start in range(0, len(answers), BATCH):  # in small batches
        journal.queue.record(answers[start : start + BATCH])
    assert _as_written(journal, batched) == _as_written(journal, single)
    assert journal.counts(batched) == {"accepted": 767, "unknown": 767, "rejected": 766}


def test_a_key_given_twice_in_a_batch_is_updated_twice(journal: Journal) -> None:
    campaign = _campaign(journal, "c", False)
    keys = [m.id for m in journal.messages(campaign)][:BATCH]
    twice = [*keys, keys[0]]
    now = journal.clock()
    rows = [(State.UNKNOWN.value, None, "", "", "", 1, None, None, now, key) for key in twice]
    with journal.backend.transaction():
        journal.backend.update_many(queries.SET_OUTCOME, rows)
    attempts = {m.id: m.attempts for m in journal.messages(campaign)}
    assert attempts[keys[0]] == 2 and attempts[keys[1]] == 1
