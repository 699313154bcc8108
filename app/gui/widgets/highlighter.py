"""Marks, as the user types, the characters that make an SMS cost more (non-GSM) and the merge fields."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QApplication

from app.core.segments import count, utf16_spans

FIELD = re.compile(r"\{[^{}]+\}")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # characters that take two UTF-16 units (emoji)
# The one hard-coded colour: a marker-pen yellow that reads on light and dark themes alike.
NON_GSM_BACKGROUND = QColor(255, 213, 79)


class MessageHighlighter(QSyntaxHighlighter):
    """Highlights non-GSM characters (SMS only) and `{Field}`s, block by block as Qt asks."""

    def __init__(self, document: QTextDocument, sms: bool = True) -> None:
        super().__init__(document)
        self.sms = sms
        self.non_gsm = QTextCharFormat()
        self.non_gsm.setBackground(NON_GSM_BACKGROUND)
        self.non_gsm.setForeground(QColor(0, 0, 0))
        self.non_gsm.setToolTip(self.tr("Not in the GSM alphabet: the whole SMS is sent as UCS-2"))
        self.field = QTextCharFormat()
        self.field.setFontWeight(QFont.Weight.Bold)
        self.field.setForeground(QApplication.palette().color(QPalette.ColorRole.Link))

    def set_sms(self, sms: bool) -> None:
        if sms != self.sms:
            self.sms = sms
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        # Qt counts positions in UTF-16 units, Python in code points: they differ only past an emoji.
        wide = not text.isascii() and ASTRAL.search(text) is not None

        def at(index: int) -> int:
            return len(text[:index].encode("utf-16-le", "surrogatepass")) >> 1 if wide else index

        for match in FIELD.finditer(text):
            start = at(match.start())
            self.setFormat(start, at(match.end()) - start, self.field)
        if self.sms:  # even ASCII has a non-GSM character: the backtick
            for start, length in utf16_spans(text, count(text).non_gsm):
                self.setFormat(start, length, self.non_gsm)
