"""Masivo's own words in the providers' descriptions, in the user's language.

Each adapter writes its name and its form's labels in Spanish; `registry.capabilities` words them
through this catalogue (`wording.word`: id -> (Spanish, English), the id being the Spanish text).
A vendor's own term (Wavy's `UserName`, IT Cloud's `Token`) is in no catalogue and stays as it is
in both languages: the user finds it under that name on the vendor's portal.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.wording import word
from app.providers.base import Capabilities, CredentialField

LABELS: dict[str, tuple[str, str]] = {
    # --- names ---
    "Demo (simulador)": ("Demo (simulador)", "Demo (simulator)"),
    "Correo propio (SMTP)": ("Correo propio (SMTP)", "Own mail server (SMTP)"),
    # --- the vendors' fields ---
    "Usuario": ("Usuario", "User"),
    "Contraseña": ("Contraseña", "Password"),
    "ID de cuenta": ("ID de cuenta", "Account ID"),
    "Llave de API": ("Llave de API", "API key"),
    # --- a mail server's fields and choices ---
    "Servicio": ("Servicio", "Service"),
    "Otro servidor": ("Otro servidor", "Other server"),
    "Servidor SMTP": ("Servidor SMTP", "SMTP server"),
    "Puerto": ("Puerto", "Port"),
    "Seguridad": ("Seguridad", "Security"),
    "STARTTLS (puerto 587)": ("STARTTLS (puerto 587)", "STARTTLS (port 587)"),
    "TLS (puerto 465)": ("TLS (puerto 465)", "TLS (port 465)"),
    "Sin cifrar (la clave viaja legible)": (
        "Sin cifrar (la clave viaja legible)",
        "Unencrypted (the password travels readable)",
    ),
    "Contraseña (o contraseña de aplicación)": (
        "Contraseña (o contraseña de aplicación)",
        "Password (or app password)",
    ),
    "Nombre del remitente": ("Nombre del remitente", "Sender's name"),
    "Correo del remitente": ("Correo del remitente", "Sender's address"),
    "Responder a": ("Responder a", "Reply to"),
    "Mensajes por minuto": ("Mensajes por minuto", "Messages per minute"),
    "Mensajes por día": ("Mensajes por día", "Messages per day"),
    "Dirección pública del receptor (https)": (
        "Dirección pública del receptor (https)",
        "Receiver's public address (https)",
    ),
    "Buzón para bajas (mailto)": ("Buzón para bajas (mailto)", "Mailbox for unsubscribes (mailto)"),
}


def in_language(caps: Capabilities, lang: str | None = None) -> Capabilities:
    """`caps` with its name, labels and choices worded in `lang` (the user's language by default)."""
    return replace(
        caps,
        name=word(LABELS, caps.name, lang),
        credentials=tuple(_field_in(field, lang) for field in caps.credentials),
    )


def _field_in(field: CredentialField, lang: str | None) -> CredentialField:
    choices = tuple((value, word(LABELS, label, lang)) for value, label in field.choices)
    return replace(field, label=word(LABELS, field.label, lang), choices=choices)
