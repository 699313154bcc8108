"""An e-mail campaign's message: subject, sender, body in plain text or HTML, with merge fields.

Merge fields work in the subject and the body as in SMS templates. In an HTML body each value is
HTML-escaped, so a name like `Pérez & Hijos <Ltda>` cannot break the markup. Every HTML message
has a plain-text version for mail clients that do not show HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Literal

from app.core.templates import Template
from app.core.wording import word

DraftProblem = Literal["no_subject", "no_body", "no_sender_name", "no_sender_email", "bad_sender_email"]

PROBLEM_TEXTS: dict[str, tuple[str, str]] = {
    "no_subject": ("Falta el asunto del correo.", "The e-mail has no subject."),
    "no_body": ("El correo no tiene contenido.", "The e-mail has no body."),
    "no_sender_name": (
        "Falta el nombre del remitente: este proveedor lo exige.",
        "The sender name is missing: this provider requires it.",
    ),
    "no_sender_email": (
        "Falta la dirección del remitente: este proveedor la exige.",
        "The sender address is missing: this provider requires it.",
    ),
    "bad_sender_email": (
        "La dirección del remitente no es válida: revísela (ejemplo: ventas@suempresa.cl).",
        "The sender address is not valid: check it (example: sales@yourcompany.com).",
    ),
}


def problem_text(problem: DraftProblem, lang: str) -> str:
    """A draft problem as one sentence in Spanish ('es') or English ('en')."""
    return word(PROBLEM_TEXTS, problem, lang)


@dataclass(frozen=True)
class EmailDraft:
    """What the user composed; fields are resolved when it is compiled against the sheet's columns."""

    subject: str
    body: str
    html: bool = False
    sender_name: str = ""
    sender_email: str = ""

    def problems(self, sender_required: bool) -> list[DraftProblem]:
        """What must be fixed before sending; Connecta requires the sender, Connectus does not."""
        found: list[DraftProblem] = []
        if not self.subject.strip():
            found.append("no_subject")
        if not self.body.strip():
            found.append("no_body")
        if sender_required and not self.sender_name.strip():
            found.append("no_sender_name")
        if sender_required and not self.sender_email.strip():
            found.append("no_sender_email")
        if self.sender_email.strip() and not _valid_address(self.sender_email.strip()):
            found.append("bad_sender_email")
        return found


def _valid_address(address: str) -> bool:
    from email_validator import EmailNotValidError, validate_email  # 50 ms import: only when needed

    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@dataclass(frozen=True)
class RenderedEmail:
    """One recipient's e-mail, ready for a provider."""

    subject: str
    body: str
    html: bool

    def plain_text(self) -> str:
        """The plain-text version: the body itself, or the HTML body turned into readable text."""
        return html_to_text(self.body) if self.html else self.body


class EmailTemplate:
    """A draft compiled against the sheet's columns; raises `TemplateError` like `Template`."""

    def __init__(self, draft: EmailDraft, columns: Sequence[str] | None = None) -> None:
        self.draft = draft
        self.subject = Template(draft.subject, columns)
        self.body = Template(draft.body, columns)

    @property
    def columns(self) -> tuple[str, ...]:
        """The columns used by the subject and the body, each once."""
        return tuple(dict.fromkeys(self.subject.columns + self.body.columns))

    def render(self, fields: Mapping[str, str]) -> RenderedEmail:
        """The e-mail for one recipient."""
        # A subject is plain text even in an HTML e-mail: its values are never escaped.
        body = self.body.render(fields, html.escape if self.draft.html else None)
        return RenderedEmail(self.subject.render(fields), body, self.draft.html)

    def empty_fields(self, fields: Mapping[str, str]) -> tuple[str, ...]:
        """The used columns that are empty for this recipient."""
        return tuple(dict.fromkeys(self.subject.empty_fields(fields) + self.body.empty_fields(fields)))


def render_email(
    draft: EmailDraft, fields: Mapping[str, str], columns: Sequence[str] | None = None
) -> RenderedEmail:
    """The e-mail for one recipient (compiles the draft each call: for a whole list use `EmailTemplate`)."""
    return EmailTemplate(draft, columns).render(fields)


# --- HTML to plain text ---------------------------------------------------------------------------

_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "div",
        "dl",
        "dt",
        "dd",
        "footer",
        "form",
        "header",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tr",
        "ul",
    }
)
_HIDDEN = frozenset({"head", "script", "style", "title", "template"})


class _TextExtractor(HTMLParser):
    """Collects the readable text of an HTML body: paragraphs, line breaks, list items, link targets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.hidden = 0
        self.links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.chunks.append("\n")
        elif tag == "li":
            self.chunks.append("\n- ")
        elif tag in _BLOCKS:
            self.chunks.append("\n\n")
        elif tag == "td" or tag == "th":
            self.chunks.append(" ")
        elif tag == "img":
            self.chunks.append(dict(attrs).get("alt") or "")
        if tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.chunks.append("\n\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith(("#", "mailto:", "javascript:")) and href not in self.chunks[-1:]:
                self.chunks.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.chunks.append(re.sub(r"\s+", " ", data))


def html_to_text(body: str) -> str:
    """Readable plain text of an HTML body (the fallback part of an HTML e-mail)."""
    extractor = _TextExtractor()
    extractor.feed(body)
    extractor.close()
    lines = (line.strip() for line in "".join(extractor.chunks).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
