"""Batches of the journal's statements in the shapes PostgreSQL runs fast, for the PostgreSQL backend.

A thousand answers are a thousand one-row UPDATEs; sent one by one (even pipelined) each
costs a round of parsing and planning. Rewritten as one UPDATE joined to the batch's
columns as arrays (`unnest`), they cost one statement. Plain multi-row INSERTs go
through COPY. Only the journal's own simple shapes are rewritten; anything else returns
None and runs as it is:

    UPDATE t SET a = ?, b = COALESCE(?, b), c = c + 1 WHERE id = ?
    INSERT INTO t (a, b) VALUES (?, ?)
"""

from __future__ import annotations

import re
from collections.abc import Callable

_PLAIN_INSERT = re.compile(r"INSERT INTO (\w+) \(([\w, ]+)\) VALUES \((\?(?:, \?)*)\)", re.ASCII)
_KEYED_UPDATE = re.compile(r"UPDATE (\w+) SET (.+) WHERE (\w+) = \?", re.ASCII | re.DOTALL)
_ASSIGNMENT = re.compile(r"\s*(\w+)\s*=(.*)", re.ASCII | re.DOTALL)


def copy_statement(sql: str) -> str | None:
    """`COPY t (columns) FROM STDIN` for a plain INSERT of one row of `?`s; else None."""
    plain = _PLAIN_INSERT.fullmatch(sql.strip())
    return f"COPY {plain[1]} ({plain[2]}) FROM STDIN" if plain else None


def keyed_update(sql: str) -> tuple[str, list[str]] | None:
    """(table, the column each `?` is written to or compared with) for `UPDATE t SET ... WHERE key = ?`."""
    update = _KEYED_UPDATE.fullmatch(sql.strip())
    if update is None:
        return None
    columns: list[str] = []
    for part in _top_level_parts(update[2]):
        assignment = _ASSIGNMENT.fullmatch(part)
        if assignment is None:
            return None
        columns += [assignment[1]] * assignment[2].count("?")
    columns.append(update[3])
    return (update[1], columns) if sql.count("?") == len(columns) else None


def set_based_update(sql: str, types: Callable[[str, list[str]], list[str]]) -> str | None:
    """One statement (psycopg placeholders) that applies a whole batch of `sql`, fed one array per `?`.

    `types(table, columns)` gives the SQL type of each of these columns of the table.
    """
    shape = keyed_update(sql)
    if shape is None:
        return None
    table, columns = shape
    update = _KEYED_UPDATE.fullmatch(sql.strip())
    assert update is not None
    names = [f"p{i}" for i in range(1, len(columns) + 1)]
    marks = iter(names)
    assignments = re.sub(r"\?", lambda _: f"batch.{next(marks)}", update[2]).replace("%", "%%")
    arrays = ", ".join(f"%b::{kind}[]" for kind in types(table, columns))  # binary: cheaper to send
    return (
        f"UPDATE {table} SET {assignments} FROM unnest({arrays}) AS batch({', '.join(names)}) "
        f"WHERE {table}.{update[3]} = batch.{names[-1]}"
    )


def _top_level_parts(text: str) -> list[str]:
    """`text` split at the commas outside parentheses and quotes."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "()":
            depth += 1 if char == "(" else -1
        elif not quoted and not depth and char == ",":
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts
