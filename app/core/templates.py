"""Message templates with merge fields: `Hola {Nombre}, su saldo es {Monto}.`

A field names a column of the recipients sheet; it matches ignoring case, accents and extra
spaces (`{nombre}` finds the column "Nombre", `{telefono}` finds "Teléfono"). `{{` and `}}`
write literal braces. A template is compiled once into a %-format string and a getter of its
columns, so rendering one recipient's message costs about a microsecond.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal

from app.core.wording import word

ErrorKind = Literal["unknown_field", "ambiguous_field", "empty_field", "unclosed_brace", "unopened_brace"]


def field_key(name: str) -> str:
    """How a field and a column header are compared: no accents, no case, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


class TemplateError(ValueError):
    """A template that cannot be sent as written: which problem, where, and what to do."""

    def __init__(self, kind: ErrorKind, position: int, name: str = "", known: Sequence[str] = ()) -> None:
        self.kind = kind
        self.position = position  # 0-based index in the template text
        self.name = name  # the field as written, for field errors
        self.known = tuple(known)  # the sheet's columns, or the columns the field matched
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The error as one sentence in Spanish ('es') or English ('en')."""
        where, columns = self.position + 1, ", ".join(self.known) or "-"
        return word(TEMPLATE_ERRORS, self.kind, lang, name=self.name, where=where, columns=columns)


# kind: (Spanish, English); `{{` and `}}` are literal braces, `{name}` the field as written.
TEMPLATE_ERRORS: dict[str, tuple[str, str]] = {
    "unknown_field": (
        "El campo {{{name}}} (carácter {where}) no es una columna de la planilla. Columnas: {columns}.",
        "The field {{{name}}} (character {where}) is not a column of the sheet. Columns: {columns}.",
    ),
    "ambiguous_field": (
        "El campo {{{name}}} (carácter {where}) coincide con varias columnas ({columns}): "
        "renombre una de ellas en la planilla.",
        "The field {{{name}}} (character {where}) matches several columns ({columns}): "
        "rename one of them in the sheet.",
    ),
    "empty_field": (
        '"{{}}" en el carácter {where} no nombra ninguna columna: escriba el nombre de una '
        'columna entre las llaves, o "{{{{" para una llave literal.',
        '"{{}}" at character {where} names no column: write a column name between the braces, '
        'or "{{{{" for a literal brace.',
    ),
    "unclosed_brace": (
        'La llave "{{" del carácter {where} no se cierra: ciérrela con "}}" después del nombre '
        'del campo, o escriba "{{{{" para una llave literal.',
        'The brace "{{" at character {where} is never closed: close it with "}}" after the field '
        'name, or write "{{{{" for a literal brace.',
    ),
    "unopened_brace": (
        'La llave "}}" del carácter {where} no tiene apertura: escriba "}}}}" para una llave literal.',
        'The brace "}}" at character {where} has no opening brace: write "}}}}" for a literal brace.',
    ),
}


@dataclass(frozen=True)
class Field:
    """One merge field as written in the template: `{ Nombre }` at `start`, up to `end`."""

    name: str  # stripped of the spaces inside the braces
    start: int
    end: int


def parse(text: str) -> tuple[tuple[str | Field, ...], tuple[Field, ...]]:
    """The template's parts (literal texts and fields, in order) and its fields; raises `TemplateError`."""
    parts: list[str | Field] = []
    fields: list[Field] = []
    literal: list[str] = []
    at, n = 0, len(text)
    while at < n:
        brace = _next_brace(text, at)
        literal.append(text[at:brace])
        if brace == n:
            break
        if text.startswith("{{", brace) or text.startswith("}}", brace):
            literal.append(text[brace])
            at = brace + 2
            continue
        if text[brace] == "}":
            raise TemplateError("unopened_brace", brace)
        close = text.find("}", brace + 1)
        opening = text.find("{", brace + 1)
        if close < 0 or 0 <= opening < close:
            raise TemplateError("unclosed_brace", brace)
        name = text[brace + 1 : close].strip()
        if not name:
            raise TemplateError("empty_field", brace)
        parts.append("".join(literal))
        literal = []
        field = Field(name, brace, close + 1)
        parts.append(field)
        fields.append(field)
        at = close + 1
    parts.append("".join(literal))
    return tuple(p for p in parts if p != ""), tuple(fields)


def _next_brace(text: str, start: int) -> int:
    found = [i for i in (text.find("{", start), text.find("}", start)) if i >= 0]
    return min(found) if found else len(text)


def resolve(fields: Sequence[Field], columns: Sequence[str]) -> dict[Field, str]:
    """The column header each field names; raises `TemplateError` for the first unknown or ambiguous one."""
    by_key: dict[str, list[str]] = {}
    for column in columns:
        by_key.setdefault(field_key(column), []).append(column)
    headers: dict[Field, str] = {}
    for field in fields:
        matches = by_key.get(field_key(field.name), [])
        if not matches:
            raise TemplateError("unknown_field", field.start, field.name, columns)
        if len(matches) > 1:
            raise TemplateError("ambiguous_field", field.start, field.name, matches)
        headers[field] = matches[0]
    return headers


def check(text: str, columns: Sequence[str]) -> list[TemplateError]:
    """Every problem of a template at once, for the composer to mark (an unbalanced brace stops it)."""
    try:
        _, fields = parse(text)
    except TemplateError as error:
        return [error]
    problems = []
    for field in fields:
        try:
            resolve([field], columns)
        except TemplateError as error:
            problems.append(error)
    return problems


class Template:
    """A message with merge fields, checked against the sheet's columns and compiled for fast rendering.

    Raises `TemplateError` when the text has an unbalanced brace or names a field that is not
    one of `columns`. Without `columns`, fields are matched against each rendered row's keys.
    """

    def __init__(self, text: str, columns: Sequence[str] | None = None) -> None:
        self.text = text
        self.parts, self.fields = parse(text)
        self._headers = resolve(self.fields, columns) if columns is not None else None
        # '%' in the literal text is doubled so that the template becomes one %-format string.
        self._format = "".join(p.replace("%", "%%") if isinstance(p, str) else "%s" for p in self.parts)
        self._plain = None if self.fields else "".join(p for p in self.parts if isinstance(p, str))
        self._get: Callable[[Mapping[str, str]], tuple[str, ...]] | None = None
        if self._headers is not None and self.fields:
            self._get = _tuple_getter([self._headers[f] for f in self.fields])

    @property
    def columns(self) -> tuple[str, ...]:
        """The column headers the template uses, each once, in order of first use."""
        names = self._headers.values() if self._headers is not None else (f.name for f in self.fields)
        return tuple(dict.fromkeys(names))

    def shown(self) -> str:
        """The text as the user reads it: literal braces resolved, fields left as `{Name}`."""
        return "".join(p if isinstance(p, str) else "{" + p.name + "}" for p in self.parts)

    def render(self, fields: Mapping[str, str], escape: Callable[[str], str] | None = None) -> str:
        """The message for one recipient; `escape` (e.g. `html.escape`) is applied to each value."""
        if self._plain is not None:
            return self._plain
        values = self.values(fields)
        return self.fill(values if escape is None else tuple(map(escape, values)))

    def compiled(self) -> tuple[str, Callable[[Mapping[str, str]], tuple[str, ...]]]:
        """For loops over many rows: `fmt % get(fields)` is the message; `KeyError` means a missing column."""
        return self._format, self._get or self.values

    def fill(self, values: tuple[str, ...]) -> str:
        """The message with `values` (as returned by `values`) put in place of the fields."""
        return self._plain if self._plain is not None else self._format % values

    def values(self, fields: Mapping[str, str]) -> tuple[str, ...]:
        """Each field's value for this recipient, in template order; a missing column is empty."""
        if self._get is not None:
            try:
                return self._get(fields)
            except KeyError:
                pass
        if not self.fields:
            return ()
        headers = self._headers if self._headers is not None else resolve(self.fields, list(fields))
        return tuple(str(fields.get(headers[f], "")) for f in self.fields)

    def empty_fields(self, fields: Mapping[str, str]) -> tuple[str, ...]:
        """The used columns whose value is empty (or blank) for this recipient: a warning, not an error."""
        if not self.fields:
            return ()
        values = self.values(fields)
        if all(v and not v.isspace() for v in values):
            return ()
        names = self._headers.values() if self._headers is not None else (f.name for f in self.fields)
        return tuple(dict.fromkeys(n for n, v in zip(names, values, strict=True) if not v.strip()))


def _tuple_getter(headers: list[str]) -> Callable[[Mapping[str, str]], tuple[str, ...]]:
    """A C-level getter of several keys that returns a tuple even for one key."""
    if len(headers) == 1:
        (header,) = headers
        return lambda fields: (fields[header],)
    getter: Callable[[Mapping[str, str]], tuple[str, ...]] = itemgetter(*headers)
    return getter
