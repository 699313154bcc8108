"""Every SQL statement of the journal, named, in one place (like listmonk's queries.sql).

Plain portable SQL with `?` placeholders: the same text runs on SQLite and, through
its backend, on PostgreSQL. Only `backend.py` holds backend-specific statements.
A row is split in two tables: `messages` (its state, rewritten at each step) and
`message_contents` (what the import wrote once: sheet row, address, fields, text).
"""

from __future__ import annotations

from app.core.domain import STATE_RANK

CAMPAIGN_COLUMNS = (
    "id, name, provider, channel, template, subject, options, columns, source, status, reason, detail, "
    "start_at, resume_at, created_at, updated_at, finished_at, heartbeat_at"
)
MESSAGE_COLUMNS = (
    "m.id, c.sheet_row, c.address, c.fields, c.text, c.subject, m.state, m.provider_id, m.error_code, "
    "m.reason, m.detail, m.status_code, m.attempts, m.sent_at, m.answered_at, m.final_at"
)
WITH_CONTENTS = "messages m JOIN message_contents c ON c.message_id = m.id"
# The rank of a row's current state, for the "never backwards" rule of status updates.
STATE_RANK_SQL = (
    "CASE state " + " ".join(f"WHEN '{s}' THEN {r}" for s, r in STATE_RANK.items()) + " ELSE 0 END"
)

# --- campaigns ---------------------------------------------------------------------------------------
INSERT_CAMPAIGN = (
    "INSERT INTO campaigns (name, provider, channel, template, subject, options, source, status, start_at, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
CAMPAIGN_BY_ID = f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE id = ?"
CAMPAIGNS_BY_NAME = f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns WHERE name = ? ORDER BY id DESC"
ALL_CAMPAIGNS = f"SELECT {CAMPAIGN_COLUMNS} FROM campaigns ORDER BY id"
SET_CAMPAIGN_COLUMNS = "UPDATE campaigns SET columns = ?, updated_at = ? WHERE id = ?"
SET_CAMPAIGN_OPTIONS = "UPDATE campaigns SET options = ?, updated_at = ? WHERE id = ?"
SET_CAMPAIGN_STATUS = (
    "UPDATE campaigns SET status = ?, reason = ?, detail = ?, resume_at = ?, finished_at = ?, "
    "updated_at = ?, heartbeat_at = ? WHERE id = ?"
)
TOUCH_CAMPAIGN = "UPDATE campaigns SET heartbeat_at = ? WHERE id = ?"
DELETE_CAMPAIGN = "DELETE FROM campaigns WHERE id = ?"
DELETE_CAMPAIGN_EVENTS = (
    "DELETE FROM message_events WHERE message_id IN (SELECT id FROM messages WHERE campaign_id = ?)"
)
DELETE_CAMPAIGN_CONTENTS = (
    "DELETE FROM message_contents WHERE message_id IN (SELECT id FROM messages WHERE campaign_id = ?)"
)
DELETE_CAMPAIGN_MESSAGES = "DELETE FROM messages WHERE campaign_id = ?"

# --- counts ------------------------------------------------------------------------------------------
COUNT_STATES = "SELECT state, COUNT(*) FROM messages WHERE campaign_id = ? GROUP BY state"
COUNT_ALL_STATES = "SELECT campaign_id, state, COUNT(*) FROM messages GROUP BY campaign_id, state"
# Messages a provider's campaigns sent since a moment (a mail service's daily limit); a scan of the
# provider's campaigns' rows, once a run.
SENT_SINCE = (
    "SELECT COUNT(*) FROM messages WHERE sent_at >= ? "
    "AND campaign_id IN (SELECT id FROM campaigns WHERE provider = ?)"
)
PENDING_CREDITS = "SELECT COALESCE(SUM(credits), 0) FROM messages WHERE campaign_id = ? AND state = 'pending'"
PENDING_TEXTS = (
    f"SELECT COUNT(DISTINCT c.text) FROM {WITH_CONTENTS} WHERE m.campaign_id = ? AND m.state = 'pending'"
)

# --- rows entering a campaign ------------------------------------------------------------------------
# Rows written many at a time (`Backend.insert_many`): the table and its columns.
NEW_MESSAGES = (
    "messages",
    ("id", "campaign_id", "state", "text_key", "credits", "reason", "detail", "updated_at", "pushed"),
)
NEW_CONTENTS = (
    "message_contents",
    ("message_id", "sheet_row", "address", "fields", "text", "subject", "pushed"),
)

# --- the send queue ----------------------------------------------------------------------------------
# Next pending rows in sheet order, each with whether its address is on the suppression list now.
_NEXT = (
    f"SELECT m.id, c.address, c.text, c.subject, s.value FROM {WITH_CONTENTS} "
    "LEFT JOIN suppression s ON s.value = c.address WHERE m.campaign_id = ? AND m.state = 'pending' "
)
NEXT_PENDING = _NEXT + "ORDER BY m.id LIMIT ?"
FIRST_PENDING_TEXT = (
    f"SELECT m.text_key, c.text FROM {WITH_CONTENTS} WHERE m.campaign_id = ? AND m.state = 'pending' "
    "ORDER BY m.id LIMIT 1"
)
NEXT_PENDING_WITH_TEXT_KEY = _NEXT + "AND m.text_key = ? ORDER BY m.id LIMIT ?"
# The same without a text key (a campaign made for another provider): correct, but scans the queue.
NEXT_PENDING_WITH_TEXT = _NEXT + "AND c.text = ? ORDER BY m.id LIMIT ?"
ANY_PENDING = "SELECT 1 FROM messages WHERE campaign_id = ? AND state = 'pending' LIMIT 1"
IDS_IN_STATE = "SELECT id FROM messages WHERE campaign_id = ? AND state = ? ORDER BY id"
SET_ACCEPTED = (
    "UPDATE messages SET state = 'accepted', provider_id = ?, bulk_id = ?, attempts = attempts + 1, "
    "answered_at = ?, updated_at = ? WHERE id = ?"
)
# Any other answer, or a row moved by the engine (to pending, unknown or skipped).
SET_OUTCOME = (
    "UPDATE messages SET state = ?, provider_id = COALESCE(?, provider_id), error_code = ?, reason = ?, "
    "detail = ?, attempts = attempts + ?, answered_at = COALESCE(?, answered_at), final_at = ?, "
    "updated_at = ? WHERE id = ?"
)
# Journals before schema 7 kept leaving rows in one claim per campaign (a JSON list of ids) and a
# bulk's answers as one record until written to their rows (queue.py reads them once, after a crash).
OPEN_CLAIM = "SELECT ids, at FROM claims WHERE campaign_id = ?"
DELETE_CLAIM = "DELETE FROM claims WHERE campaign_id = ?"
ANSWERS_OF = "SELECT id, at, sent_at, results FROM answers WHERE campaign_id = ? ORDER BY id"
DELETE_CAMPAIGN_ANSWERS = "DELETE FROM answers WHERE campaign_id = ?"
NEW_EVENTS = ("message_events", ("message_id", "at", "state", "code", "reason"))
EVENTS_OF = "SELECT at, state, code, reason FROM message_events WHERE message_id = ? ORDER BY id"

# --- statuses after acceptance -----------------------------------------------------------------------
AWAITING_STATUS = (
    "SELECT id, provider_id, bulk_id FROM messages WHERE campaign_id = ? AND state = 'accepted' "
    "AND provider_id IS NOT NULL AND id > ? ORDER BY id LIMIT ?"
)
# Rows accepted without an id (Convergia's answers that name none) can never be asked about.
AWAITING_COUNT = (
    "SELECT COUNT(*) FROM messages WHERE campaign_id = ? AND state = 'accepted' AND provider_id IS NOT NULL"
)
# A pushed or polled status moves a row only forward (the last `?` is the new state's rank).
_APPLY = (
    "UPDATE messages SET state = ?, status_code = ?, reason = COALESCE(NULLIF(?, ''), reason), "
    "final_at = COALESCE(?, final_at), updated_at = ? "
)
# Polled: the poller asked about rows it read, by their own ids.
APPLY_POLLED = _APPLY + f"WHERE id = ? AND {STATE_RANK_SQL} < ? RETURNING id"
# Pushed: only the vendor's id names the row; `pushed = 1` lets the planner use messages_pushed_id.
APPLY_PUSHED = _APPLY + f"WHERE provider_id = ? AND pushed = 1 AND {STATE_RANK_SQL} < ? RETURNING id"
APPLY_PUSHED_OF = _APPLY + (
    f"WHERE provider_id = ? AND pushed = 1 AND {STATE_RANK_SQL} < ? "
    "AND campaign_id IN (SELECT id FROM campaigns WHERE provider = ?) RETURNING id"
)
# The same state again with the vendor's newer word (EN_COLA -> ENVIADO_A_CARRIER): keep the word only.
REFRESH_POLLED_CODE = "UPDATE messages SET status_code = ?, updated_at = ? WHERE id = ? AND state = ?"
REFRESH_PUSHED_CODE = (
    "UPDATE messages SET status_code = ?, updated_at = ? WHERE provider_id = ? AND pushed = 1 AND state = ?"
)

# --- reading rows ------------------------------------------------------------------------------------
MESSAGES_PAGE = (
    f"SELECT {MESSAGE_COLUMNS} FROM {WITH_CONTENTS} WHERE m.campaign_id = ? AND m.id > ? "
    "ORDER BY m.id LIMIT ?"
)
MESSAGE_BY_ID = f"SELECT {MESSAGE_COLUMNS} FROM {WITH_CONTENTS} WHERE m.id = ?"

# --- suppression list --------------------------------------------------------------------------------
UPSERT_SUPPRESSION = (
    "INSERT INTO suppression (value, channel, reason, added_at) VALUES (?, ?, ?, ?) "
    # Listed again without a reason: the first reason stays ("pidió BAJA"), as the first date always does.
    "ON CONFLICT (value) DO UPDATE SET channel = excluded.channel, "
    "reason = CASE WHEN excluded.reason = '' THEN suppression.reason ELSE excluded.reason END"
)
DELETE_SUPPRESSION = "DELETE FROM suppression WHERE value = ?"
SUPPRESSION_ENTRIES = "SELECT value, channel, reason, added_at FROM suppression ORDER BY added_at, value"
SUPPRESSION_VALUES = "SELECT value FROM suppression"
SUPPRESSION_ENTRY = "SELECT value, channel, reason, added_at FROM suppression WHERE value = ?"


def messages_in_states_page(count: int) -> str:
    """Rows of a campaign in any of `count` states, a page at a time, in sheet order."""
    marks = ", ".join("?" * count)
    return (
        f"SELECT {MESSAGE_COLUMNS} FROM {WITH_CONTENTS} WHERE m.campaign_id = ? AND m.state IN ({marks}) "
        "AND m.id > ? ORDER BY m.id LIMIT ?"
    )


def set_sending(count: int) -> str:
    """`count` rows whose request is about to leave: from this commit on, they may have reached the
    provider (one statement for a bulk's rows: half the time of one statement a row)."""
    marks = ", ".join("?" * count)
    return f"UPDATE messages SET state = 'sending', sent_at = ?, updated_at = ? WHERE id IN ({marks})"
