"""A page's place in the window's stack, built the first time it is needed.

Most pages are never opened in a session, and building one imports what it works with (the
spreadsheet readers, the report writer, the campaign engine): the window opens faster when each
page and its imports wait for the first click on its step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.gui.pages import Page


class LazyPage(QWidget):
    """Holds the page that `build` makes on first use; `on_built` wires it into the window then."""

    def __init__(self, build: Callable[[], Page], on_built: Callable[[Page], None]) -> None:
        super().__init__()
        self._build, self._on_built = build, on_built
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def page(self) -> Page:
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
            self._on_built(self._page)
        return self._page

    def drop(self) -> None:
        """Forget the page (it shuts down); the next use builds it again, in the language now installed."""
        page, self._page = self._page, None
        if page is not None:
            if hasattr(page, "shutdown"):
                page.shutdown()
            self._layout.removeWidget(page)
            page.hide()
            page.deleteLater()

    def built(self) -> Page | None:
        """The page if it was built, else None (closing the window builds nothing)."""
        return self._page

    def is_complete(self) -> bool:
        # A page never built was never filled in (its state lives in its own widgets).
        return self._page is not None and self._page.is_complete()
