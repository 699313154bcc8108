"""The inbox's SQL: replies, pushed status updates and refused requests (schema: migration 2).

Portable SQL with `?` placeholders, like `queries.py`. A repeated delivery is stored once:
each event has a unique key, and `ON CONFLICT ... DO NOTHING RETURNING id` gives no row
for a repeat (SQLite >= 3.35 and PostgreSQL both speak it).
"""

from __future__ import annotations

# --- replies -----------------------------------------------------------------------------------------
INSERT_REPLY = (
    "INSERT INTO replies (event_key, received_at, provider, sender, recipient, text, provider_ref, "
    "campaign_id, message_id, opt_out) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (event_key) DO NOTHING RETURNING id"
)
# A reply without a vendor id (IT Cloud) delivered again: same sender and text, moments apart.
SAME_REPLY_SINCE = (
    "SELECT id FROM replies WHERE sender = ? AND received_at >= ? AND provider = ? AND text = ? LIMIT 1"
)
# The row that last messaged a number: the campaign a reply answers (rows of pushing providers).
LAST_ROW_TO = (
    "SELECT m.id, m.campaign_id, k.name, c.sheet_row FROM message_contents c "
    "JOIN messages m ON m.id = c.message_id JOIN campaigns k ON k.id = m.campaign_id "
    "WHERE c.address = ? AND c.pushed = 1 AND m.sent_at IS NOT NULL "
    "ORDER BY m.sent_at DESC, m.id DESC LIMIT 1"
)
_REPLY_COLUMNS = (
    "SELECT r.id, r.received_at, r.provider, r.sender, r.recipient, r.text, r.campaign_id, k.name, "
    "c.sheet_row, r.opt_out FROM replies r LEFT JOIN campaigns k ON k.id = r.campaign_id "
    "LEFT JOIN message_contents c ON c.message_id = r.message_id "
)
REPLY_BY_ID = _REPLY_COLUMNS + "WHERE r.id = ?"
REPLIES_AFTER = _REPLY_COLUMNS + "WHERE r.id > ? ORDER BY r.received_at, r.id"
REPLIES_OF_CAMPAIGN = _REPLY_COLUMNS + "WHERE r.campaign_id = ? AND r.id > ? ORDER BY r.received_at, r.id"
COUNT_REPLIES = "SELECT COUNT(*) FROM replies"
# An opt-out keeps an entry already there (its reason, typed by someone, says more than a reply).
SUPPRESS_IF_ABSENT = (
    "INSERT INTO suppression (value, channel, reason, added_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (value) DO NOTHING"
)

# --- status updates ----------------------------------------------------------------------------------
INSERT_STATUS_EVENT = (
    "INSERT INTO status_events (event_key, received_at, provider, provider_id, code, state, pending) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING RETURNING id"
)
MESSAGE_OF_PROVIDER_ID = (
    "SELECT 1 FROM messages m JOIN campaigns k ON k.id = m.campaign_id "
    "WHERE m.provider_id = ? AND m.pushed = 1 AND k.provider = ? LIMIT 1"
)
SET_STATUS_EVENT_DONE = "UPDATE status_events SET pending = 0 WHERE id = ?"
# Updates that came before their message's answer was journaled, now that a row has their id.
PENDING_NOW_MATCHING = (
    "SELECT e.id, e.provider, e.provider_id, e.code, e.state, e.received_at FROM status_events e "
    "WHERE e.pending = 1 AND e.received_at >= ? "
    "AND EXISTS (SELECT 1 FROM messages m WHERE m.provider_id = e.provider_id AND m.pushed = 1) "
    "ORDER BY e.id LIMIT ?"
)
COUNT_STATUS_EVENTS = "SELECT COUNT(*), COALESCE(SUM(pending), 0) FROM status_events"

# --- refused requests --------------------------------------------------------------------------------
INSERT_REFUSAL = (
    "INSERT INTO webhook_refusals (received_at, route, method, http_status, reason, detail, excerpt) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
REFUSALS = (
    "SELECT received_at, route, method, http_status, reason, detail, excerpt FROM webhook_refusals "
    "ORDER BY id DESC LIMIT ?"
)

# --- the suppression list, in bulk -------------------------------------------------------------------
SUPPRESS_MANY = SUPPRESS_IF_ABSENT
