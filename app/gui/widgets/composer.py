"""The message editor: SMS or e-mail, merge fields to insert, the live counter line and the GSM conversion.

Everything here runs on each keystroke, on the GUI thread, so it stays within one frame
(16 ms) for a 1,000-character message: one template parse, one render for the recipient
shown in the preview, one segment count. Whole-campaign figures are the page's, on a worker.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.domain import Channel
from app.core.email_draft import EmailDraft, EmailTemplate, problem_text
from app.core.segments import SegmentCount, count, to_gsm
from app.core.templates import Template, TemplateError
from app.gui.formatting import number
from app.gui.widgets.highlighter import MessageHighlighter
from app.gui.widgets.named import buddy, named
from app.gui.widgets.rich_editor import RichEditor

NON_GSM_SHOWN = 5  # characters named in the counter line


class Composer(QWidget):
    """Compose the message; `template` / `email_template` hold the last version that compiles.

    Signals: changed(): the message, subject or sender changed (already re-counted).
    """

    changed = Signal()

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.channel = Channel.SMS
        self.max_length: int | None = None
        self.sender_required = False
        self.columns: list[str] = []
        self.sample: Mapping[str, str] | None = None  # the previewed recipient's fields
        self.template: Template | None = None
        self.email_template: EmailTemplate | None = None
        self.problems: list[str] = []
        self.over_limit = False  # the shown recipient's SMS is longer than the provider takes
        self._converting = False
        self.blocking = ""  # the page's reason the message cannot go (over the provider's limit)
        self._build()
        self.highlighter = MessageHighlighter(self.message_edit.document())
        self.rich_highlighter = MessageHighlighter(self.rich.edit.document(), sms=False)
        self._last_editor: QWidget = self.message_edit

    def _build(self) -> None:
        self.subject_edit = named(QLineEdit(), "subjectEdit", self.tr("Subject"))
        self.sender_name_edit = named(QLineEdit(), "senderNameEdit", self.tr("Sender name"))
        self.sender_email_edit = named(QLineEdit(), "senderEmailEdit", self.tr("Sender address"))
        self.sender_email_edit.setPlaceholderText(self.tr("sales@yourcompany.com"))
        self.html_check = named(QCheckBox(self.tr("Edit as H&TML")), "htmlCheck")
        self.html_check.setToolTip(
            self.tr("Paste or write the HTML of an existing template: it is sent as it is.")
        )
        self.email_box = QWidget()
        email_form = QFormLayout(self.email_box)
        email_form.setContentsMargins(0, 0, 0, 0)
        email_form.addRow(buddy(self.tr("S&ubject:"), self.subject_edit), self.subject_edit)
        email_form.addRow(buddy(self.tr("Sende&r name:"), self.sender_name_edit), self.sender_name_edit)
        email_form.addRow(buddy(self.tr("Sender &address:"), self.sender_email_edit), self.sender_email_edit)
        email_form.addRow("", self.html_check)
        self.message_edit = named(QPlainTextEdit(), "messageEdit", self.tr("Message"))
        self.message_edit.setTabChangesFocus(True)  # Tab leaves the editor: keyboard users are not trapped
        self.rich = RichEditor()  # an e-mail's body, unless it is edited as HTML
        self.body_stack = QStackedWidget()
        self.body_stack.addWidget(self.message_edit)
        self.body_stack.addWidget(self.rich)
        self.field_list = named(QListWidget(), "mergeFieldList", self.tr("Merge fields"))
        self.field_list.itemActivated.connect(lambda item: self.insert_field(item.text()))
        self.insert_button = named(QPushButton(self.tr("In&sert field")), "insertFieldButton")
        self.insert_button.clicked.connect(self.on_insert_clicked)
        self.counter_label = named(QLabel(), "counterLabel", self.tr("Message length"))
        self.counter_label.setWordWrap(True)  # a long line must not widen the window
        self.convert_button = named(QPushButton(), "convertButton", self.tr("Convert to GSM-7"))
        self.convert_button.clicked.connect(self.on_convert_clicked)
        self.converted_label = named(QLabel(), "convertedLabel")
        self.converted_label.setWordWrap(True)
        self.error_label = named(QLabel(), "templateErrorLabel", self.tr("Problems with the message"))
        self.error_label.setWordWrap(True)

        fields = QVBoxLayout()
        fields.addWidget(buddy(self.tr("Merge f&ields:"), self.field_list))
        fields.addWidget(self.field_list, 1)
        fields.addWidget(self.insert_button)
        editor = QVBoxLayout()
        self.message_label = buddy(self.tr("&Message:"), self.message_edit)
        editor.addWidget(self.message_label)
        editor.addWidget(self.body_stack, 1)
        editor.addWidget(self.counter_label)
        editor.addWidget(self.convert_button)
        editor.addWidget(self.converted_label)
        editor.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addLayout(editor, 3)
        row.addLayout(fields, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.email_box)
        layout.addLayout(row, 1)
        for edit in (self.subject_edit, self.sender_name_edit, self.sender_email_edit):
            edit.textChanged.connect(self.recount)
        self.html_check.toggled.connect(self.on_html_toggled)
        self.message_edit.textChanged.connect(self.recount)
        self.rich.changed.connect(self.recount)
        for watched in (self.subject_edit, self.message_edit, self.rich.edit):
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._last_editor = watched  # a field goes where the user was writing: subject or body
        return super().eventFilter(watched, event)

    # --- set by the page ----------------------------------------------------------------------------
    def configure(
        self, channel: Channel, max_length: int | None, sender_required: bool, columns: list[str]
    ) -> None:
        """The campaign's channel, the provider's limits and the sheet's columns."""
        self.channel, self.max_length, self.sender_required = channel, max_length, sender_required
        self.columns = list(columns)
        self.email_box.setVisible(channel is Channel.EMAIL)
        self._show_body()
        self.highlighter.set_sms(channel is Channel.SMS)
        self.field_list.clear()
        self.field_list.addItems(self.columns)
        self.insert_button.setEnabled(bool(self.columns))
        self.recount()

    def load(self, draft: EmailDraft) -> None:
        """Show a message written earlier (the last session's draft); `configure` counts it."""
        for edit, text in ((self.subject_edit, draft.subject), (self.sender_name_edit, draft.sender_name),
                           (self.sender_email_edit, draft.sender_email)):  # fmt: skip
            edit.setText(text)
        as_html = draft.html and not self.rich.keeps(draft.body)  # what the editor would change stays HTML
        self.html_check.blockSignals(True)
        self.html_check.setChecked(as_html)
        self.html_check.blockSignals(False)
        self.message_edit.setPlainText(draft.body)
        if draft.html:
            self.rich.set_html(draft.body)
        else:  # an SMS, or an e-mail written in plain text before the editor had formatting
            self.rich.set_plain_text(draft.body)
        self._show_body()

    def set_sample(self, fields: Mapping[str, str] | None) -> None:
        """The recipient the counter line is about (the message itself did not change)."""
        self.sample = fields
        self._show_count(self.text())

    def _rich_shown(self) -> bool:
        return self.channel is Channel.EMAIL and not self.html_check.isChecked()

    def _show_body(self) -> None:
        shown = self.rich.edit if self._rich_shown() else self.message_edit
        self.body_stack.setCurrentWidget(self.rich if shown is self.rich.edit else self.message_edit)
        self.message_label.setBuddy(shown)

    def on_html_toggled(self, as_html: bool) -> None:
        """Switch the body between the formatted editor and its HTML, carrying the text across."""
        edit = self.message_edit if as_html else self.rich.edit
        edit.blockSignals(True)  # one recount below, with the editor shown
        if as_html:
            self.message_edit.setPlainText(self.rich.html())
        else:  # formatting the editor does not have (tables, colours) is left out from here on
            self.rich.set_html(self.message_edit.toPlainText())
        edit.blockSignals(False)
        self._show_body()
        self.recount()

    # --- on every keystroke -------------------------------------------------------------------------
    def text(self) -> str:
        """The SMS, or the e-mail's body as HTML (from the formatted editor, or as written)."""
        return self.rich.html() if self._rich_shown() else self.message_edit.toPlainText()

    def recount(self) -> None:
        """Compile the message, count it for the previewed recipient, say what is wrong; then `changed`."""
        if not self._converting:  # an edit or Ctrl+Z after the conversion: its note no longer holds
            self.converted_label.clear()
        text = self.text()
        errors: list[str] = []
        try:
            if self.channel is Channel.EMAIL:
                draft = self.email_draft()
                self.email_template = EmailTemplate(draft, self.columns)
                errors = [problem_text(p, self.lang) for p in draft.problems(self.sender_required)]
            else:
                self.template = Template(text, self.columns)
        except TemplateError as exc:
            self.template = self.email_template = None
            errors.append(exc.text(self.lang))
        if not text.strip() and self.channel is Channel.SMS:
            errors.append(self.tr("Write the message."))
        self.problems = errors
        self._show_problems()
        self._show_count(text)
        self.changed.emit()

    def set_blocking(self, text: str) -> None:
        """A reason found by counting the whole campaign (\"\" when there is none)."""
        self.blocking = text
        self._show_problems()

    def _show_problems(self) -> None:
        shown = [*self.problems, self.blocking] if self.blocking else self.problems
        self.error_label.setText("\n".join(shown))

    def rendered(self) -> str:
        """The SMS as the previewed recipient gets it (the text as typed while it does not compile)."""
        if self.template is None or self.sample is None:
            return self.text() if self.template is None else self.template.shown()
        return self.template.render(self.sample)

    def _show_count(self, text: str) -> None:
        self.over_limit = False
        if self.channel is Channel.EMAIL:
            typed = self.rich.edit.toPlainText() if self._rich_shown() else text
            self.counter_label.setText(self.tr("Characters: {n}").format(n=number(len(typed), self.lang)))
            self.convert_button.hide()
            return
        counted = count(self.rendered())
        line = self.tr("Characters: {chars} · Segments: {segments} · {encoding}").format(
            chars=number(counted.characters, self.lang), segments=counted.segments, encoding=counted.encoding
        )
        if counted.non_gsm:
            shown = dict.fromkeys(char for _, char in counted.non_gsm)
            line += " " + self.tr("(because of {chars})").format(
                chars=" ".join(f"«{c}»" for c in list(shown)[:NON_GSM_SHOWN])
            )
        if self.max_length is not None:
            line += " · " + self.tr("Limit: {n}").format(n=number(self.max_length, self.lang))
        if counted.over_limit(self.max_length):
            self.over_limit = True
            line += " · " + self.tr("TOO LONG: the provider rejects it")
        self.counter_label.setText(line)
        self._offer_conversion(text, counted)

    def _offer_conversion(self, text: str, before: SegmentCount) -> None:
        if not before.non_gsm or to_gsm(text) == text:
            self.convert_button.hide()
            return
        after = count(self._rendered_converted())
        # Only when it helps this recipient's message, merged values included ("María" keeps UCS-2).
        if after.segments >= before.segments and after.encoding == before.encoding:
            self.convert_button.hide()
            return
        # The figures go in the tooltip: a button does not wrap, and a long one would widen the window.
        self.convert_button.setText(self.tr("&Convert to GSM-7"))
        self.convert_button.setToolTip(
            self.tr("Convert to GSM-7: {before} → %Ln segment(s) per message", "", after.segments).format(
                before=before.segments
            )
        )
        self.convert_button.show()

    def _rendered_converted(self) -> str:
        """What `rendered()` would give after the conversion, without compiling the converted text again.

        The conversion rewrites the literal text only: field names still match (accents do not
        count), and the recipients' values are sent as they are.
        """
        template = self.template
        if template is None:
            return to_gsm(self.text())
        values = iter(template.values(self.sample)) if self.sample is not None else None
        pieces = [
            to_gsm(part) if isinstance(part, str) else next(values) if values else "{" + part.name + "}"
            for part in template.parts
        ]
        return "".join(pieces)

    # --- actions ------------------------------------------------------------------------------------
    def on_convert_clicked(self) -> None:
        """Replace what has a GSM-7 equivalent, as one undoable edit (Ctrl+Z brings the text back)."""
        text = self.text()
        converted = to_gsm(text)
        replaced = dict.fromkeys((c, to_gsm(c)) for c in text if to_gsm(c) != c)
        cursor = QTextCursor(self.message_edit.document())
        self._converting = True
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(converted)
        cursor.endEditBlock()
        self._converting = False
        pairs = ", ".join(f"{a} → {b or '∅'}" for a, b in list(replaced)[:12])
        self.converted_label.setText(self.tr("Replaced: {pairs}. Ctrl+Z undoes it.").format(pairs=pairs))

    def on_insert_clicked(self) -> None:
        item = self.field_list.currentItem() or self.field_list.item(0)
        if item is not None:
            self.insert_field(item.text())

    def insert_field(self, header: str) -> None:
        """Put `{header}` at the cursor of the subject or the message, whichever the user was writing."""
        token = "{" + header + "}"
        if self._last_editor is self.subject_edit and self.channel is Channel.EMAIL:
            self.subject_edit.insert(token)
            self.subject_edit.setFocus()
        else:
            edit = self.rich.edit if self._rich_shown() else self.message_edit
            edit.insertPlainText(token)
            edit.setFocus()

    def email_draft(self) -> EmailDraft:
        return EmailDraft(
            self.subject_edit.text(),
            self.text(),
            True,  # HTML from the editor or as written; the plain-text part is made from it
            self.sender_name_edit.text().strip(),
            self.sender_email_edit.text().strip(),
        )
