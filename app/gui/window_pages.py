"""The window's steps, and how each one's page is made: on its first show, importing only then.

The Provider step is made with the window; every other step needs the journal (opened after
the window's first paint), so it can be shown only once the window `is_open()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.gui.pages import Page
from app.gui.pages.provider import ProviderPage

if TYPE_CHECKING:
    from app.gui.main_window import MainWindow

PROVIDER, RECIPIENTS, MESSAGE, REVIEW, TRACKING, HISTORY = range(6)
INBOX, SUPPRESSION = 6, 7  # beside the flow, like the history
STEPS = range(8)
FLOW = (PROVIDER, RECIPIENTS, MESSAGE, REVIEW)  # the steps Back and Next walk through


def make_page(window: MainWindow, step: int) -> Page:
    """The page of `step`, its module imported now."""
    draft, settings = window.draft, window.settings
    if step == PROVIDER:
        return ProviderPage(draft, settings, window.store, keyring_read=window.keyring_read)
    if step == RECIPIENTS:
        from app.gui.pages.recipients import RecipientsPage

        return RecipientsPage(draft, settings, window.journal, window.sample)
    if step == MESSAGE:
        from app.gui.pages.message import MessagePage

        return MessagePage(draft, settings, window.recipients_page.model, window.runner.providers)
    if step == REVIEW:
        from app.gui.pages.review import ReviewPage

        return ReviewPage(draft, settings, window.journal, runner=window.runner)
    if step == TRACKING:
        from app.gui.pages.tracking import TrackingPage

        return TrackingPage(settings, window.journal, runner=window.runner)
    if step == HISTORY:
        from app.gui.pages.history import HistoryPage

        return HistoryPage(settings, window.journal, runner=window.runner)
    if step == INBOX:
        from app.gui.pages.inbox import InboxPage

        return InboxPage(settings, window.journal, window.receiver)
    from app.gui.pages.suppression import SuppressionPage

    return SuppressionPage(settings, window.journal)


def wire_page(window: MainWindow, page: Page) -> None:
    """Connect a page just made to the window."""
    page.completeness_changed.connect(window.update_navigation)
    for signal in ("campaign_started", "open_campaign"):  # Review's Send, History's Open
        if hasattr(page, signal):
            getattr(page, signal).connect(window.show_campaign)
    replies = getattr(page, "replies", None)  # Tracking lists the campaign's replies as they come
    if replies is not None:
        window.receiver.replies_stored.connect(replies.on_replies)
