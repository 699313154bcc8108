"""Batches of the journal's statements rewritten as a few statements, in the shapes each database runs fast.

A thousand answers are a thousand one-row UPDATEs; sent one by one (even pipelined) each
costs a round of parsing and planning. Rewritten as one UPDATE joined to the batch's
columns as arrays (`unnest`), they cost one statement on PostgreSQL; plain multi-row
INSERTs go through COPY there. SQLite runs either as one statement over many `VALUES`
rows: fewer calls, and the database's work done in one go without the GIL, so a thread
writing the journal leaves the others running (row by row, it would wait for the GIL
after every row while another thread runs Python). Only the journal's own
simple shapes are rewritten; anything else returns None and runs as it is:

    UPDATE t SET a = ?, b = COALESCE(?, b), c = c + 1 WHERE id = ?
    INSERT INTO t (a, b) VALUES (?, ?)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

_PLAIN_INSERT = re.compile(r"INSERT INTO (\w+) \(([\w, ]+)\) VALUES \((\?(?:, \?)*)\)", re.ASCII)
_KEYED_UPDATE = re.compile(r"UPDATE (\w+) SET (.+) WHERE (\w+) = \?", re.ASCII | re.DOTALL)
_ASSIGNMENT = re.compile(r"\s*(\w+)\s*=(.*)", re.ASCII | re.DOTALL)


def copy_statement(sql: str) -> str | None:
    """`COPY t (columns) FROM STDIN` for a plain INSERT of one row of `?`s; else None."""
    plain = _PLAIN_INSERT.fullmatch(sql.strip())
    return f"COPY {plain[1]} ({plain[2]}) FROM STDIN" if plain else None


def multi_row_insert(sql: str, rows: int) -> str | None:
    """The same plain INSERT of one row of `?`s, for `rows` rows in one statement; else None."""
    plain = _PLAIN_INSERT.fullmatch(sql.strip())
    if plain is None:
        return None
    values = ", ".join([f"({plain[3]})"] * rows)
    return f"INSERT INTO {plain[1]} ({plain[2]}) VALUES {values}"


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
    joined = _joined_update(sql)
    if joined is None:
        return None
    table, key, names, assignments = joined
    _, columns = keyed_update(sql) or ("", [])
    arrays = ", ".join(f"%b::{kind}[]" for kind in types(table, columns))  # binary: cheaper to send
    return (
        f"UPDATE {table} SET {assignments.replace('%', '%%')} FROM unnest({arrays}) "
        f"AS batch({', '.join(names)}) WHERE {table}.{key} = batch.{names[-1]}"
    )


def multi_row_update(sql: str, rows: int) -> str | None:
    """One SQLite statement (3.33+) applying `rows` rows of `sql`, fed one row after another.

    Each key must appear once: a row joined twice would be updated once.
    """
    joined = _joined_update(sql)
    if joined is None:
        return None
    table, key, names, assignments = joined
    values = ", ".join(["(" + ", ".join("?" * len(names)) + ")"] * rows)
    return (
        f"WITH batch({', '.join(names)}) AS (VALUES {values}) "
        f"UPDATE {table} SET {assignments} FROM batch WHERE {table}.{key} = batch.{names[-1]}"
    )


def keys_unique(batch: Sequence[Sequence[Any]]) -> bool:
    """Whether each row of a keyed UPDATE's batch names its own key (its last value): a set-based
    UPDATE joins every row to the batch once, so a key given twice must go row by row."""
    return len({row[-1] for row in batch}) == len(batch)


def _joined_update(sql: str) -> tuple[str, str, list[str], str] | None:
    """(table, key column, the batch's column names, the SET clause reading them) of a keyed UPDATE."""
    shape = keyed_update(sql)
    update = _KEYED_UPDATE.fullmatch(sql.strip())
    if shape is None or update is None:
        return None
    names = [f"p{i}" for i in range(1, len(shape[1]) + 1)]
    marks = iter(names)
    assignments = re.sub(r"\?", lambda _: f"batch.{next(marks)}", update[2])
    return shape[0], update[3], names, assignments


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
