"""Numbers and short phrases as the user's language writes them (1.234.567 in Spanish)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject

from app.core.settings import Settings

_LOCALES = {
    "es": QLocale(QLocale.Language.Spanish, QLocale.Country.Chile),
    "en": QLocale(QLocale.Language.English),
}


def ui_lang(settings: Settings) -> str:
    """'es' or 'en': the language the window speaks (reason texts follow it too)."""
    from app.gui.application import ui_language

    return ui_language(settings)


def use_locale(lang: str) -> None:
    """Qt's own number and date formats (%Ln in plural sentences, date editors) in the window's language."""
    QLocale.setDefault(_LOCALES.get(lang, _LOCALES["es"]))


def number(value: int, lang: str) -> str:
    """An integer with the language's thousands separator."""
    return _LOCALES.get(lang, _LOCALES["es"]).toString(value)


def credits_text(credits: int) -> str:
    """ "1 credit", "5.000 credits": a balance or a cost, in the window's language and number format."""
    return _Counted().credits(credits)


class _Counted(QObject):
    """Counted nouns several pages show alone: lupdate marks a string plural ("numerus") only in `self.tr`."""

    def credits(self, n: int) -> str:
        return self.tr("%Ln credit(s)", "", n)
