"""The journal's schema, as one numbered list of migrations shared by every backend.

Statements are plain SQL; `{pk}` (an auto-numbered primary key), `{key}` (a primary key
given by the writer) and `{float}` (a double-precision number, for epoch-second
timestamps) are filled in by each backend. A migration is applied once, in order,
inside one transaction, and its number recorded in `schema_migrations`. Never edit a
released migration: add one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "campaigns, messages with their history, suppression list",
        (
            """CREATE TABLE campaigns (
                id {pk},
                name TEXT NOT NULL,
                provider TEXT NOT NULL,
                channel TEXT NOT NULL,
                template TEXT NOT NULL,
                subject TEXT NOT NULL DEFAULT '',
                options TEXT NOT NULL DEFAULT '{{}}',
                columns TEXT NOT NULL DEFAULT '[]',
                source TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                start_at {float},
                resume_at {float},
                created_at {float} NOT NULL,
                updated_at {float} NOT NULL,
                finished_at {float},
                heartbeat_at {float}
            )""",
            "CREATE INDEX campaigns_name ON campaigns (name)",
            # A row's state is rewritten at every step: it lives in a narrow table, so each step writes
            # little; what never changes after the import (the sheet row, the text) lives beside it.
            """CREATE TABLE messages (
                id {pk},
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                text_key BIGINT,
                credits INTEGER NOT NULL DEFAULT 1,
                provider_id TEXT,
                error_code TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT '',
                status_code TEXT NOT NULL DEFAULT '',
                attempts INTEGER NOT NULL DEFAULT 0,
                sent_at {float},
                answered_at {float},
                final_at {float},
                updated_at {float} NOT NULL
            )""",
            """CREATE TABLE message_contents (
                message_id {key},
                sheet_row INTEGER NOT NULL,
                address TEXT NOT NULL,
                fields TEXT NOT NULL,
                text TEXT NOT NULL,
                subject TEXT NOT NULL DEFAULT ''
            )""",
            # The send queue: pending rows of a campaign in sheet order, and per-state counts from the index.
            "CREATE INDEX messages_queue ON messages (campaign_id, state, id)",
            # Same-text bulks (IT Cloud) take pending rows sharing a text; only their campaigns set it.
            "CREATE INDEX messages_text_queue ON messages (campaign_id, text_key, state, id) "
            "WHERE text_key IS NOT NULL",
            "CREATE INDEX messages_provider_id ON messages (provider_id) WHERE provider_id IS NOT NULL",
            """CREATE TABLE message_events (
                id {pk},
                message_id BIGINT NOT NULL,
                at {float} NOT NULL,
                state TEXT NOT NULL,
                code TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL DEFAULT ''
            )""",
            "CREATE INDEX message_events_message ON message_events (message_id)",
            # The rows whose requests are leaving (see queue.py): at most one claim per campaign.
            """CREATE TABLE claims (
                campaign_id BIGINT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
                ids TEXT NOT NULL,
                at {float} NOT NULL
            )""",
            """CREATE TABLE suppression (
                value TEXT PRIMARY KEY,
                channel TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT '',
                added_at {float} NOT NULL
            )""",
        ),
    ),
    Migration(
        2,
        "replies and status updates pushed by providers, requests the receiver refused",
        (
            # A reply is linked to the last row that messaged its sender: rows are found by address.
            "CREATE INDEX message_contents_address ON message_contents (address)",
            # `event_key` is unique: a provider's repeated delivery of one event is stored once.
            """CREATE TABLE replies (
                id {pk},
                event_key TEXT NOT NULL UNIQUE,
                received_at {float} NOT NULL,
                provider TEXT NOT NULL,
                sender TEXT NOT NULL,
                recipient TEXT NOT NULL DEFAULT '',
                text TEXT NOT NULL,
                provider_ref TEXT NOT NULL DEFAULT '',
                campaign_id BIGINT,
                message_id BIGINT,
                opt_out INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX replies_sender ON replies (sender, received_at)",
            "CREATE INDEX replies_campaign ON replies (campaign_id, id)",
            # `pending`: the update came before any row had its id (its answer was not journaled yet).
            """CREATE TABLE status_events (
                id {pk},
                event_key TEXT NOT NULL UNIQUE,
                received_at {float} NOT NULL,
                provider TEXT NOT NULL,
                provider_id TEXT NOT NULL,
                code TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT '',
                pending INTEGER NOT NULL DEFAULT 0
            )""",
            "CREATE INDEX status_events_pending ON status_events (received_at) WHERE pending = 1",
            """CREATE TABLE webhook_refusals (
                id {pk},
                received_at {float} NOT NULL,
                route TEXT NOT NULL,
                method TEXT NOT NULL,
                http_status INTEGER NOT NULL,
                reason TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT '',
                excerpt TEXT NOT NULL DEFAULT ''
            )""",
        ),
    ),
    Migration(
        3,
        "campaign leases: one sender per campaign, fencing every send (see lease.py)",
        (
            # One row per campaign ever sent; `token` only grows (a released lease keeps it, expired).
            # `process_space`: where `pid` means something (boot, PID namespace): a dead holder is seen there.
            """CREATE TABLE campaign_leases (
                campaign_id BIGINT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
                token BIGINT NOT NULL,
                user_name TEXT NOT NULL,
                machine TEXT NOT NULL,
                pid INTEGER NOT NULL,
                acquired_at {float} NOT NULL,
                renewed_at {float} NOT NULL,
                expires_at {float} NOT NULL,
                process_space TEXT NOT NULL DEFAULT ''
            )""",
        ),
    ),
    Migration(
        4,
        "look rows up by provider id and by address only where the provider pushes events",
        (
            # Only a vendor that posts to the receiver needs these lookups: statuses name a row by
            # the vendor's id (messages.pushed), replies by the number (message_contents.pushed).
            # Kept for every row, they cost a random B-tree insert per message (Wavy's ids are
            # UUIDs; a sheet's numbers come in no order): most of a bulk send's journal time.
            # Rows written before this migration keep their lookups (the default).
            "ALTER TABLE messages ADD COLUMN pushed INTEGER NOT NULL DEFAULT 1",
            "ALTER TABLE message_contents ADD COLUMN pushed INTEGER NOT NULL DEFAULT 1",
            "DROP INDEX messages_provider_id",
            "CREATE INDEX messages_pushed_id ON messages (provider_id) "
            "WHERE pushed = 1 AND provider_id IS NOT NULL",
            "DROP INDEX message_contents_address",
            "CREATE INDEX message_contents_pushed_address ON message_contents (address) WHERE pushed = 1",
        ),
    ),
    Migration(
        5,
        "a bulk's answers journaled as one record with the next claim, written to their rows just after",
        (
            # Writing a thousand answers to their rows takes longer than the request they wait for;
            # as one record they commit with the next claim and reach the rows while it is in flight.
            # `size`: the answers in the record (their rows count as leaving until they are written).
            """CREATE TABLE answers (
                id {pk},
                campaign_id BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
                at {float} NOT NULL,
                sent_at {float},
                size INTEGER NOT NULL,
                results TEXT NOT NULL
            )""",
            "CREATE INDEX answers_campaign ON answers (campaign_id, id)",
        ),
    ),
    Migration(
        6,
        "the same-text queue holds pending rows only",
        (
            # It is read only for pending rows of one text; with the state in the key, every answer
            # moved the row's entry (a delete and an insert), now it only leaves the index.
            "DROP INDEX messages_text_queue",
            "CREATE INDEX messages_text_queue ON messages (campaign_id, text_key, id) "
            "WHERE state = 'pending' AND text_key IS NOT NULL",
        ),
    ),
    Migration(
        7,
        "the bulk a row was sent in, where the provider reads a whole bulk's statuses in one call",
        (
            # Connectus' `id_delivery` ("Revisar estado de envío masivo de SMS"): every reader of
            # the journal, not only the adapter that sent the bulk, asks for it in one call.
            "ALTER TABLE messages ADD COLUMN bulk_id TEXT",
        ),
    ),
    Migration(
        8,
        "the send queue holds pending rows only; a campaign's rows are found by an index without their state",
        (
            # Every step of a row (claimed, answered, delivered) changes its state, and with the state
            # in the queue's key each step moved the row's entry (a delete and an insert): a third of
            # a bulk's journal time. Now a claim only removes the entry, and no later step touches an
            # index. `state` stays in the key though it is always 'pending': with two equalities to
            # match, SQLite's planner takes this index, not messages_campaign, for the queue's reads.
            "DROP INDEX messages_queue",
            "CREATE INDEX messages_queue ON messages (campaign_id, state, id) WHERE state = 'pending'",
            # Counting a campaign's states, finding its unknown or accepted rows: by campaign, then the row.
            "CREATE INDEX messages_campaign ON messages (campaign_id)",
        ),
    ),
)

LATEST = MIGRATIONS[-1].version
