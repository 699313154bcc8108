"""The e-mail body's formatted-text editor: bold, italic, lists, links and images by URL, as clean HTML.

The HTML sent is generated from the document, not taken from Qt's `toHtml()`: that one is a whole
HTML 4 page of `<span style="-qt-...">` and margins that mail clients read differently, and cleaning
it means parsing it again. Walking the document's blocks and fragments gives only the tags a mail
client renders the same everywhere: `<p>`, `<br>`, `<ul>`/`<ol>`/`<li>`, `<strong>`, `<em>`,
`<a href>` and `<img src>`. Merge fields are text like any other, so `{Campo}` goes through as typed.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextListFormat,
)
from PySide6.QtWidgets import QInputDialog, QTextEdit, QToolBar, QToolButton, QVBoxLayout, QWidget

from app.gui.widgets.named import named

IMAGE_PLACEHOLDER = (160, 90)  # the box an image by URL takes in the editor: it is never fetched
_ORDERED = frozenset(
    {
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    }
)


def document_html(document: QTextDocument) -> str:
    """The document as mail-client-safe HTML.

    As the editor shows it: lines typed one under the other are one paragraph's lines (`<br>`); an
    empty line, or the space above a paragraph that came in as `<p>`, starts a new paragraph.
    """
    out: list[str] = []
    closing = ""  # the tag that closes what is open: "</p>", "</ul>", "</ol>" or nothing
    open_list = -1  # the objectIndex of the open list
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        inline = _inline(block)
        if text_list is not None:
            if open_list != text_list.objectIndex():
                out.append(closing)
                tag = "ol" if text_list.format().style() in _ORDERED else "ul"
                out.append(f"<{tag}>")
                closing, open_list = f"</{tag}>", text_list.objectIndex()
            out.append(f"<li>{inline}</li>")
        elif not inline:
            out.append(closing)
            closing, open_list = "", -1
        elif closing == "</p>" and block.blockFormat().topMargin() <= 0:
            out.append(f"<br>{inline}")  # a line of the same paragraph (no space shown above it)
        else:
            out.append(f"{closing}<p>{inline}")
            closing, open_list = "</p>", -1
        block = block.next()
    out.append(closing)
    return "".join(out)


def _inline(block: QTextBlock) -> str:
    pieces: list[str] = []
    for item in block:  # type: ignore[attr-defined]  # PySide6 iterates a block; its stubs do not say
        fragment = item.fragment()
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            source = html.escape(fmt.toImageFormat().name(), quote=True)
            pieces.append(f'<img src="{source}" alt="">' * len(fragment.text()))
            continue
        text = html.escape(fragment.text(), quote=False).replace("\u2028", "<br>")
        if fmt.fontWeight() > QFont.Weight.Medium.value:
            text = f"<strong>{text}</strong>"
        if fmt.fontItalic():
            text = f"<em>{text}</em>"
        if fmt.isAnchor() and fmt.anchorHref():
            text = f'<a href="{html.escape(fmt.anchorHref(), quote=True)}">{text}</a>'
        pieces.append(text)
    return "".join(pieces)


def placeholder_image() -> QPixmap:
    """What stands for an image by URL on screen: the recipient's mail client loads the real one."""
    pixmap = QPixmap(*IMAGE_PLACEHOLDER)
    pixmap.fill(QColor(200, 200, 200))
    return pixmap


class UrlImagesEdit(QTextEdit):
    """A QTextEdit that never loads an image: each one shows as a grey box of the same size."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return placeholder_image()
        return super().loadResource(kind, name)


class RichEditor(QWidget):
    """A toolbar over a formatted-text editor; `html()` is the body to send.

    Signals: changed(): the text or its formatting changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = named(UrlImagesEdit(), "richMessageEdit", self.tr("Message"))
        self.edit.setTabChangesFocus(True)
        self.edit.textChanged.connect(self.changed)
        self.edit.installEventFilter(self)
        self._keys: list[tuple[QKeySequence, QToolButton]] = []
        self.bold_button = self._button("boldButton", self.tr("B"), self.tr("Bold (Ctrl+B)"), "Ctrl+B")
        self.bold_button.setCheckable(True)
        font = self.bold_button.font()
        font.setBold(True)
        self.bold_button.setFont(font)
        self.bold_button.clicked.connect(self.on_bold_clicked)
        self.italic_button = self._button("italicButton", self.tr("I"), self.tr("Italic (Ctrl+I)"), "Ctrl+I")
        self.italic_button.setCheckable(True)
        font = self.italic_button.font()
        font.setItalic(True)
        self.italic_button.setFont(font)
        self.italic_button.clicked.connect(self.on_italic_clicked)
        self.bullets_button = self._button("bulletListButton", self.tr("• List"), self.tr("Bulleted list"))
        self.bullets_button.clicked.connect(lambda: self.make_list(QTextListFormat.Style.ListDisc))
        self.numbers_button = self._button("numberedListButton", self.tr("1. List"), self.tr("Numbered list"))
        self.numbers_button.clicked.connect(lambda: self.make_list(QTextListFormat.Style.ListDecimal))
        self.link_button = self._button(
            "linkButton", self.tr("Link…"), self.tr("Make a link (Ctrl+K)"), "Ctrl+K"
        )
        self.link_button.clicked.connect(self.on_link_clicked)
        self.image_button = self._button(
            "imageButton", self.tr("Image…"), self.tr("Insert an image by its web address")
        )
        self.image_button.clicked.connect(self.on_image_clicked)
        self.url_dialog = named(QInputDialog(self), "urlDialog")
        self.url_dialog.textValueSelected.connect(self.on_url_given)
        self._asking = ""  # "link" or "image": what the open URL dialog is for
        self.edit.currentCharFormatChanged.connect(self.on_format_changed)
        self.edit.cursorPositionChanged.connect(self.on_cursor_moved)

        tools = named(QToolBar(), "formatToolBar", self.tr("Formatting"))  # what does not fit goes under »
        for button in (self.bold_button, self.italic_button, self.bullets_button, self.numbers_button,
                       self.link_button, self.image_button):  # fmt: skip
            tools.addWidget(button)
        more = tools.findChild(QToolButton, "qt_toolbar_ext_button")
        if more is not None:  # Qt's own » for the buttons that do not fit: a screen reader needs its name too
            more.setAccessibleName(self.tr("More formatting"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tools)
        layout.addWidget(self.edit, 1)

    def _button(self, name: str, text: str, tip: str, shortcut: str = "") -> QToolButton:
        button = named(QToolButton(), name, tip)
        button.setText(text)
        button.setToolTip(tip)
        if shortcut:  # read by eventFilter: Ctrl+B in the subject must not bold the body
            self._keys.append((QKeySequence(shortcut), button))
        return button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            for keys, button in self._keys:
                if pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch:
                    button.click()
                    return True
        return super().eventFilter(watched, event)

    # --- the body -----------------------------------------------------------------------------------
    def html(self) -> str:
        return document_html(self.edit.document())

    def set_html(self, body: str) -> None:
        self.edit.setHtml(body)

    def set_plain_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def keeps(self, body: str) -> bool:
        """Whether this editor gives `body` back as it is (else the body is edited as HTML, untouched)."""
        probe = QTextDocument()
        probe.setHtml(body)
        return document_html(probe) == body

    # --- the toolbar --------------------------------------------------------------------------------
    def on_format_changed(self, fmt: QTextCharFormat) -> None:
        self.bold_button.setChecked(fmt.fontWeight() > QFont.Weight.Medium.value)
        self.italic_button.setChecked(fmt.fontItalic())

    def on_cursor_moved(self) -> None:
        """At a link's end, what is typed next is not part of the link (Qt would extend it)."""
        cursor = self.edit.textCursor()
        if cursor.hasSelection() or not cursor.charFormat().isAnchor():
            return
        after = QTextCursor(cursor)
        after.movePosition(QTextCursor.MoveOperation.NextCharacter)
        if after.position() != cursor.position() and after.charFormat().isAnchor():
            return  # inside the link
        fmt = cursor.charFormat()
        fmt.setAnchor(False)
        fmt.setAnchorHref("")
        fmt.setFontUnderline(False)
        fmt.clearForeground()
        self.edit.setCurrentCharFormat(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        self.edit.mergeCurrentCharFormat(fmt)  # the selection, or what is typed next
        self.edit.setFocus()

    def on_bold_clicked(self, checked: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if checked else QFont.Weight.Normal)
        self._merge(fmt)

    def on_italic_clicked(self, checked: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(checked)
        self._merge(fmt)

    def make_list(self, style: QTextListFormat.Style) -> None:
        """The current paragraphs become a list of this style (again: they leave it)."""
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        if current is not None and current.format().style() == style:
            current.remove(cursor.block())
            plain = cursor.blockFormat()
            plain.setIndent(0)  # the list's indent stays on the paragraph otherwise
            cursor.setBlockFormat(plain)
        else:
            list_format = QTextListFormat()
            list_format.setStyle(style)
            cursor.createList(list_format)
        self.edit.setFocus()

    def on_link_clicked(self) -> None:
        self._ask("link", self.tr("Link"), self.tr("Web address of the link (merge fields allowed):"))

    def on_image_clicked(self) -> None:
        self._ask("image", self.tr("Image"), self.tr("Web address of the image (https://…): "
                                                  "each mail client loads it from there."))  # fmt: skip

    def _ask(self, what: str, title: str, label: str) -> None:
        self._asking = what
        self.url_dialog.setWindowTitle(title)
        self.url_dialog.setLabelText(label)
        self.url_dialog.setTextValue("https://")
        self.url_dialog.open()  # window-modal, not a nested event loop

    def on_url_given(self, url: str) -> None:
        url = url.strip()
        if not url or url == "https://":
            return
        cursor = self.edit.textCursor()
        if self._asking == "image":
            image = QTextImageFormat()
            image.setName(url)
            cursor.insertImage(image)
        else:
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(url)
            link.setFontUnderline(True)
            if cursor.hasSelection():
                cursor.mergeCharFormat(link)
            else:
                cursor.insertText(url, link)
            self.edit.setTextCursor(cursor)
            self.on_cursor_moved()
        self.edit.setFocus()
