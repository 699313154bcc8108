"""The main window (placeholder until the campaign flow lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from app.core.settings import Settings


class MainWindow(QMainWindow):
    """Masivo's window."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.setWindowTitle("Masivo")
        self.setCentralWidget(QLabel(self.tr("Masivo")))
        self.resize(1000, 700)
