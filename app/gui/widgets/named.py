"""Give a control the stable object name tests find it by and the name screen readers say."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible_name: str = "") -> W:
    """`widget`, named; the accessible name defaults to its visible text without the mnemonic '&'."""
    widget.setObjectName(object_name)
    text = getattr(widget, "text", None)
    spoken = accessible_name or (text().replace("&", "") if callable(text) else "")
    if spoken:
        widget.setAccessibleName(spoken)
    return widget


def buddy(text: str, widget: QWidget) -> QLabel:
    """A form label whose mnemonic ('&') moves the focus to `widget`."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
