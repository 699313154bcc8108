"""Every text outside Qt is worded one way: an id of a catalogue, through `wording.word`.

The source scans below read app/ with `ast`: every literal id handed to the wording function
(or to a function that words through one catalogue) must exist in that catalogue, with the
fields the sentence names; no module words a sentence by comparing the language itself.
"""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.commands.texts import TEXTS
from app.core import deliverability, email_draft, reasons, replies_sheet, templates
from app.core.engine import campaigns, report
from app.core.recipients import messages
from app.core.wording import Catalogue, word
from app.gui import rejected_export
from app.providers import labels

APP = Path(__file__).resolve().parents[1] / "app"

# Every catalogue by the name the code passes it under; `word(X, ...)` with an X not listed fails
# `test_every_catalogue_the_code_words_with_is_checked`.
CATALOGUES: dict[str, Catalogue] = {
    "REASONS": reasons.REASONS,
    "ANY_PROVIDER": reasons.ANY_PROVIDER,
    "COUNTRY_NAMES": reasons.COUNTRY_NAMES,
    "MESSAGES": messages.MESSAGES,
    "RULE_NAMES": messages.RULE_NAMES,
    "KINDS": messages.KINDS,
    "COUNTRIES": messages.COUNTRIES,
    "TEXTS": TEXTS,
    "DNS_TEXTS": deliverability.TEXTS,
    "PROBLEM_TEXTS": email_draft.PROBLEM_TEXTS,
    "TEMPLATE_ERRORS": templates.TEMPLATE_ERRORS,
    "STATE_NAMES": report.STATE_NAMES,
    "HEADERS": report.HEADERS,
    "LABELS": labels.LABELS,
    "NAMES": campaigns.NAMES,
    "TITLES": replies_sheet.TITLES,
    "REJECTED_TITLES": rejected_export.TITLES,
}
# A module's own `TEXTS` is its catalogue: deliverability's findings, the CLI's sentences.
MODULE_CATALOGUES = {
    "app.core.deliverability": {"TEXTS": "DNS_TEXTS"},
    "app.gui.rejected_export": {"TITLES": "REJECTED_TITLES"},
}
# Functions that word an id of one catalogue, by where they are defined; the value is the
# catalogue and the position of the id among the call's arguments.
WORDERS: dict[tuple[str, str], tuple[str, int]] = {
    ("app.core.reasons", "reason_text"): ("REASONS", 0),
    ("app.core.recipients.messages", "text"): ("MESSAGES", 0),
    ("app.core.recipients.sheets", "SheetError"): ("MESSAGES", 0),
    ("app.core.engine.campaigns", "CampaignError"): ("REASONS", 0),
    ("app.providers.base", "Problem"): ("REASONS", 2),
}
# Fields a wording function fills in itself, beside the caller's.
IMPLIED = {"REASONS": {"provider"}}
# Spanish deliberately names fewer fields than English here (see the entry).
LESS_IN_SPANISH = {
    # email-validator explains in English only: the Spanish sentence stands without it.
    ("MESSAGES", "email_invalid"): {"detail"},
}


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_spanish_and_english_name_the_same_fields(name: str) -> None:
    for text_id, (spanish, english) in CATALOGUES[name].items():
        missing = LESS_IN_SPANISH.get((name, text_id), set())
        assert fields(spanish) | missing == fields(english), f"{name}[{text_id!r}]: {spanish!r} / {english!r}"


def test_an_id_is_worded_in_the_language_asked_with_its_fields() -> None:
    catalogue = {"greet": ("Hola {name}, {{literal}}.", "Hello {name}, {{literal}}.")}
    assert word(catalogue, "greet", "es", name="Ana") == "Hola Ana, {literal}."
    assert word(catalogue, "greet", "en", name="Ana") == "Hello Ana, {literal}."
    assert word(catalogue, "greet", "en") == "Hello ?, {literal}."  # a missing field does not fail
    assert word(catalogue, "farewell", "en") == "farewell"  # an unknown id is shown as itself


def test_the_language_is_the_users_when_none_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MASIVO_LANG", "en_US.UTF-8")
    assert word(TEXTS, "empty_message") == "The message is empty."
    monkeypatch.setenv("MASIVO_LANG", "es_CL.UTF-8")
    assert word(TEXTS, "empty_message") == "El mensaje está vacío."


# --- the source scans ---------------------------------------------------------------------------------


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(APP.rglob("*.py")):
        parts = path.relative_to(APP.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, ast.parse(path.read_text(encoding="utf-8"), str(path))


def names_in(module: str, tree: ast.Module) -> dict[str, tuple[str, str]]:
    """Each name a module uses -> (the module that defines it, its name there)."""
    found = {
        node.name: (module, node.name)
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.ClassDef)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                found[alias.asname or alias.name] = (node.module, alias.name)
    return found


def wording_calls(module: str, tree: ast.Module) -> Iterator[tuple[str, ast.expr | None, ast.Call, bool]]:
    """(catalogue, the id's argument, the call, whether its keywords are the fields) of each call
    that words an id of a catalogue (a Problem's reason is worded later, with no fields)."""
    names = names_in(module, tree)
    own = MODULE_CATALOGUES.get(module, {})
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        origin = names.get(node.func.id)
        if origin == ("app.core.wording", "word") and node.args and isinstance(node.args[0], ast.Name):
            catalogue, position = own.get(node.args[0].id, node.args[0].id), 1
        elif origin in WORDERS:
            catalogue, position = WORDERS[origin]
        else:
            continue
        id_arg = node.args[position] if len(node.args) > position else None
        problem = origin == ("app.providers.base", "Problem")
        if problem and id_arg is None:
            id_arg = next((k.value for k in node.keywords if k.arg == "reason"), None)
        yield catalogue, id_arg, node, not problem


def literal_ids() -> list[tuple[str, str, str, set[str] | None]]:
    """(where, catalogue, id, the fields given by keyword) of each call with a literal id; the fields
    are None where they cannot be read (some come by **, or a Problem's)."""
    found = []
    for module, tree in modules():
        for catalogue, id_arg, call, by_keyword in wording_calls(module, tree):
            if isinstance(id_arg, ast.Constant) and isinstance(id_arg.value, str):
                given: set[str] | None = {k.arg for k in call.keywords if k.arg is not None}
                if not by_keyword or any(k.arg is None for k in call.keywords):
                    given = None
                found.append((f"{module}:{call.lineno}", catalogue, id_arg.value, given))
    return found


def test_the_scan_finds_the_calls_it_checks() -> None:
    found = {(catalogue, text_id) for _, catalogue, text_id, _ in literal_ids()}
    # One of each way of wording: the CLI's catalogue, a reason, a row message, a sheet error,
    # a campaign error and a provider's code table.
    assert ("TEXTS", "no_terminal_to_confirm") in found
    assert ("REASONS", "country_not_served") in found
    assert ("MESSAGES", "column_name") in found
    assert ("MESSAGES", "headers_only") in found
    assert ("REASONS", "no_recipients") in found
    assert ("REASONS", "wrong_credentials") in found


def test_every_id_the_code_words_exists_with_the_fields_it_is_given() -> None:
    wrong = []
    for where, catalogue, text_id, given in literal_ids():
        entry = CATALOGUES.get(catalogue, {}).get(text_id)  # an unknown catalogue: see the test below
        if entry is None:
            wrong.append(f"{where}: {catalogue} has no {text_id!r}")
        elif given is not None:
            given = given - {"lang"}
            if catalogue == "MESSAGES" and "region" in given:  # the country's name, in the user's language
                given = given - {"region"} | {"country"}
            needed = fields(entry[1]) - IMPLIED.get(catalogue, set())
            if needed != given - IMPLIED.get(catalogue, set()):
                wrong.append(
                    f"{where}: {catalogue}[{text_id!r}] names {sorted(needed)}, given {sorted(given)}"
                )
    assert not wrong, "\n".join(wrong)


def test_every_catalogue_the_code_words_with_is_checked() -> None:
    used = {catalogue for module, tree in modules() for catalogue, *_ in wording_calls(module, tree)}
    assert used - set(CATALOGUES) == set()


# A sentence picked by comparing the language in place, or the removed two-language helper.
IN_PLACE = re.compile(r"""(==|!=)\s*["'](en|es)["']|["'](en|es)["']\s*(==|!=)|\bsay\(|\benglish\b""")


# Where comparing the language picks no sentence: Qt's own translations for Latin American Spanish.
NOT_WORDING = {
    "app/gui/application.py": 'qt = LatinAmericanQt(app) if language == "es" else QTranslator(app)'
}


def test_no_module_words_a_sentence_by_comparing_the_language() -> None:
    found = []
    for path in sorted(APP.rglob("*.py")):
        if path == APP / "core" / "wording.py":
            continue  # the one place that picks Spanish or English
        where = path.relative_to(APP.parent).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if IN_PLACE.search(line.split("#")[0]) and line.strip() != NOT_WORDING.get(where):
                found.append(f"{where}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


# What the command line says to its user: each of these calls' text argument (by position).
SAYS = {"CommandError": 0, "ArgumentTypeError": 0, "emit": 3, "print": 0, "tell": 1}


def written_in_place(node: ast.expr) -> bool:
    """A sentence in the code itself: a string or f-string with words in it, or such pieces joined."""
    if isinstance(node, ast.BinOp):
        return written_in_place(node.left) or written_in_place(node.right)
    if isinstance(node, ast.JoinedStr):
        return any(written_in_place(part) for part in node.values)
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(c.isalpha() for c in node.value)
    )


def test_the_command_line_says_nothing_in_one_language_only() -> None:
    found = []
    for path in [*sorted((APP / "commands").glob("*.py")), APP / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            position = SAYS.get(name)
            if position is not None and len(node.args) > position and written_in_place(node.args[position]):
                found.append(f"{path.relative_to(APP.parent)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert not found, "\n".join(found)
