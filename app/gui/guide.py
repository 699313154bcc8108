"""Help > User guide: the short guide for a shop owner, in the window's language (app/resources/guide/)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.core.paths import resources_dir
from app.gui.widgets.named import named

GUIDES = {"es": "guia_es.md", "en": "guide_en.md"}


def guide_text(lang: str) -> str:
    """The guide's Markdown in `lang` (Spanish for anything else)."""
    path = resources_dir() / "guide" / GUIDES.get(lang, GUIDES["es"])
    return path.read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """The user guide, rendered; not modal, so the window can be used beside it."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Masivo user guide"))
        self.browser = named(QTextBrowser(), "guideText", self.tr("User guide"))
        self.browser.setMarkdown(guide_text(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 48, em * 40)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
