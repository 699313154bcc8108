"""The SMS mode chooser of the Message step, for providers that offer modes (IT Cloud's `metodo_envio`)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app.gui.named import buddy, named


class SmsModeChooser(QWidget):
    """One-way, two-way or flash, each with a plain sentence on what it does.

    Signals: changed(str): the chosen mode ("" when the provider has none).
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = named(QComboBox(), "smsModeCombo", self.tr("SMS mode"))
        self.explanation = named(QLabel(wordWrap=True), "smsModeExplanation")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(buddy(self.tr("SMS mo&de:"), self.combo), self.combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        self.combo.currentIndexChanged.connect(self.on_index_changed)

    def _describe(self, mode: str) -> tuple[str, str]:
        """The mode's name and what it does, in the user's words."""
        if mode == "2via":
            return self.tr("Two-way"), self.tr(
                "Recipients can answer the message; their answers arrive in Replies."
            )
        if mode == "flash":
            return self.tr("Flash"), self.tr(
                "The message appears at once on the phone's screen and is not kept in its inbox."
            )
        return self.tr("One-way"), self.tr("A plain SMS: recipients cannot answer it.")

    def configure(self, modes: tuple[str, ...], chosen: str) -> None:
        """Offer `modes` (hidden when there are none) and select `chosen`, else the first."""
        self.combo.blockSignals(True)
        self.combo.clear()
        for mode in modes:
            self.combo.addItem(self._describe(mode)[0], mode)
        index = self.combo.findData(chosen) if chosen in modes else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.setVisible(bool(modes))
        self.on_index_changed()

    def mode(self) -> str:
        data = self.combo.currentData()
        return str(data) if data else ""

    def on_index_changed(self) -> None:
        mode = self.mode()
        self.explanation.setText(self._describe(mode)[1] if mode else "")
        self.changed.emit(mode)
