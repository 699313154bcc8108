"""The pages of the campaign flow: Provider, Recipients, Message, Review, Tracking."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.gui.models.draft import CampaignDraft


class Page(QWidget):
    """One step of the flow.

    Signals:
        completeness_changed(bool): whether the user may go on to the next step.
    """

    completeness_changed = Signal(bool)
    title = "Page"

    def __init__(self, draft: CampaignDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft

    def enter(self) -> None:
        """Called each time the page is shown: refresh from the draft."""

    def is_complete(self) -> bool:
        return True
