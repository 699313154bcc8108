"""The Message step: the counter on every keystroke, non-GSM marks and conversion, fields, preview, cost."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.domain import Channel
from app.core.recipients import load_recipients
from app.core.settings import Settings
from app.gui.models.draft import CampaignDraft
from app.gui.models.recipients_model import RecipientsModel
from app.gui.pages.message import MessagePage
from app.gui.provider_source import ProviderSource
from app.gui.widgets.highlighter import NON_GSM_BACKGROUND
from tests.fakes.dialogs import Host
from tests.fakes.sheets import HEADERS, VALID, write_sheet

EMAIL_ROWS = (
    ("Ana Pérez", "ana@example.com", "10.000"),
    ("Bruno <Díaz> & Cía", "bruno@example.com", "2.500"),
)


def make_page(
    qtbot: QtBot, settings: Settings, sheet: Path, channel: Channel = Channel.SMS, provider: str = "demo"
) -> MessagePage:
    host = Host()
    qtbot.addWidget(host)
    model = RecipientsModel(host)
    with load_recipients(sheet, channel=channel, country="CL") as rows:
        model.reset(rows.preview.headers)
        model.append(list(rows))
    draft = CampaignDraft(provider_id=provider, channel=channel, columns=list(model.headers))
    page = MessagePage(draft, settings, model, ProviderSource(settings), host)
    page.host = host  # type: ignore[attr-defined]  # keeps the host (and its dialogs) alive with the page
    host.show()
    page.enter()
    return page


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying any character (QTest's keyClicks knows only ASCII keys)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def editor(page: QWidget) -> QPlainTextEdit:
    return page.findChild(QPlainTextEdit, "messageEdit")


def counter(page: QWidget) -> str:
    return page.findChild(QLabel, "counterLabel").text()


def test_the_counter_line_follows_every_keystroke(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    qtbot.keyClicks(editor(page), "Hola")
    assert counter(page).startswith("Characters: 4 · Segments: 1 · GSM-7")
    assert "Limit: 1.600" in counter(page)  # the demo provider's declared limit
    qtbot.keyClicks(editor(page), " " * 160)
    assert "Segments: 2" in counter(page)
    assert page.is_complete()
    assert page.draft.template_text == "Hola" + " " * 160


def test_merge_fields_insert_and_render_per_recipient(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    fields = page.findChild(QListWidget, "mergeFieldList")
    assert [fields.item(i).text() for i in range(fields.count())] == list(HEADERS)
    qtbot.keyClicks(editor(page), "Hola ")
    fields.setCurrentRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "insertFieldButton"), Qt.MouseButton.LeftButton)
    assert editor(page).toPlainText() == "Hola {Nombre}"
    preview = page.findChild(QTextBrowser, "smsPreview")
    qtbot.waitUntil(lambda: preview.toPlainText() == "Hola Ana Pérez")  # redrawn once typing pauses
    assert counter(page).startswith("Characters: 14 ·")  # counted for the recipient shown
    qtbot.mouseClick(page.findChild(QPushButton, "nextRecipientButton"), Qt.MouseButton.LeftButton)
    assert preview.toPlainText() == "Hola Bruno Díaz"
    assert "Row 3" in page.findChild(QLabel, "recipientLabel").text()


def test_an_unknown_field_is_explained(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    qtbot.keyClicks(editor(page), "Hola {Apellido}")
    error = page.findChild(QLabel, "templateErrorLabel").text()
    assert "{Apellido}" in error and "Nombre, Teléfono, Monto" in error
    assert not page.is_complete()


def test_non_gsm_characters_are_highlighted_and_convertible(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    type_text(editor(page), "Canción “única” 😀")
    assert "UCS-2" in counter(page) and "«ó»" in counter(page)
    formats = editor(page).document().firstBlock().layout().formats()
    marked = {(f.start, f.length) for f in formats if f.format.background().color() == NON_GSM_BACKGROUND}
    # ó at 5, “ú at 8-9 (one range: Qt joins neighbours), ” at 14, the emoji: two UTF-16 units at 16.
    assert marked == {(5, 1), (8, 2), (14, 1), (16, 2)}
    convert = page.findChild(QPushButton, "convertButton")
    assert not convert.isVisible(), "offered though the emoji keeps the message UCS-2: it would not help"
    editor(page).setPlainText("Canción “única”")
    assert convert.isVisible()
    qtbot.mouseClick(convert, Qt.MouseButton.LeftButton)
    assert editor(page).toPlainText() == 'Cancion "unica"'
    assert "GSM-7" in counter(page)
    assert "Ctrl+Z" in page.findChild(QLabel, "convertedLabel").text()
    editor(page).undo()
    assert editor(page).toPlainText() == "Canción “única”"
    assert page.findChild(QLabel, "convertedLabel").text() == "", "the note outlives the undo"
    marked = {f.start for f in editor(page).document().firstBlock().layout().formats()
              if f.format.background().color() == NON_GSM_BACKGROUND}  # fmt: skip
    assert 5 in marked, "the highlights did not come back with the undo"


def test_conversion_is_not_offered_when_a_merged_value_keeps_the_message_ucs2(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    type_text(editor(page), "Hola {Nombre}, “oferta”")
    convert = page.findChild(QPushButton, "convertButton")
    assert convert.isVisible()  # Ana Pérez: GSM-7 once the quotes are plain
    qtbot.mouseClick(page.findChild(QPushButton, "nextRecipientButton"), Qt.MouseButton.LeftButton)
    assert "Díaz" in page.composer.rendered()
    assert not convert.isVisible(), "offered for Bruno Díaz, whose í keeps the message UCS-2 anyway"


def test_the_cost_counts_every_recipient_against_the_balance(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    with qtbot.waitSignal(page.cost_ready, timeout=10_000):
        qtbot.keyClicks(editor(page), "x" * 155 + " {Monto}")  # 161 or 162 characters: two segments
    cost = page.findChild(QLabel, "costLabel").text()
    assert f"Messages: {VALID} · Total credits (segments): {2 * VALID}" in cost
    assert f"Distribution: 2 segm.: {VALID}" in cost
    assert "Longest message: row 2, 162 character(s), 2 segment(s)" in cost
    qtbot.waitUntil(lambda: "1.000.000" in page.findChild(QLabel, "balanceLabel").text())
    assert "Enough for this campaign" in page.findChild(QLabel, "balanceLabel").text()


@pytest.mark.logs_errors
def test_email_needs_subject_and_sender_for_connecta_and_previews_html(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "mail.xlsx", EMAIL_ROWS, ("Nombre", "Correo", "Monto"))
    page = make_page(qtbot, settings, sheet, Channel.EMAIL, provider="connecta")
    assert page.findChild(QLineEdit, "subjectEdit").isVisible()
    qtbot.keyClick(page.findChild(QCheckBox, "htmlCheck"), Qt.Key.Key_Space)  # an existing template's HTML
    assert editor(page).isVisible()
    type_text(editor(page), "<p>Hola <b>{Nombre}</b></p>")
    problems = page.findChild(QLabel, "templateErrorLabel").text()
    assert "asunto" in problems and "remitente" in problems
    assert not page.is_complete()
    type_text(page.findChild(QLineEdit, "subjectEdit"), "Su saldo, {Nombre}")
    qtbot.keyClicks(page.findChild(QLineEdit, "senderNameEdit"), "Tienda")
    qtbot.keyClicks(page.findChild(QLineEdit, "senderEmailEdit"), "ventas@tienda.cl")
    assert page.is_complete(), page.findChild(QLabel, "templateErrorLabel").text()
    qtbot.mouseClick(page.findChild(QPushButton, "nextRecipientButton"), Qt.MouseButton.LeftButton)
    html = page.findChild(QTextBrowser, "emailPreview")
    assert html.toPlainText() == "Hola Bruno <Díaz> & Cía"  # escaped into the HTML, shown as typed
    assert page.findChild(QPlainTextEdit, "plainPreview").toPlainText() == "Hola Bruno <Díaz> & Cía"
    assert page.findChild(QLabel, "subjectPreview").text() == "Subject: Su saldo, Bruno <Díaz> & Cía"
    assert (page.draft.subject, page.draft.sender_email, page.draft.html) == (
        "Su saldo, {Nombre}",
        "ventas@tienda.cl",
        True,
    )


def test_a_keystroke_in_a_1000_character_message_updates_the_counter_within_a_frame(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    page = make_page(qtbot, settings, write_sheet(tmp_path / "s.xlsx"))
    edit = editor(page)
    edit.setPlainText(("Hola {Nombre}, su saldo es ${Monto}: pague en línea. " * 20)[:1000])
    edit.moveCursor(QTextCursor.MoveOperation.End)
    times = []
    for _ in range(40):
        before = counter(page)
        started = time.perf_counter()
        type_text(edit, "á")
        times.append(time.perf_counter() - started)
        assert counter(page) != before
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(f"\nkeystroke to counter line, 1,000 characters: median {median:.2f} ms, worst {worst:.2f} ms")
    assert median < 16, f"a keystroke took {median:.1f} ms (median) to update the counter"


def test_the_sms_mode_is_offered_only_where_the_provider_has_modes(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QComboBox

    sheet = write_sheet(tmp_path / "s.xlsx")
    demo = make_page(qtbot, settings, sheet)
    assert not demo.sms_mode.isVisibleTo(demo) and demo.draft.sms_mode == ""
    page = make_page(qtbot, settings, sheet, provider="itcloud")
    combo = page.findChild(QComboBox, "smsModeCombo")
    assert page.sms_mode.isVisibleTo(page)
    assert [combo.itemText(i) for i in range(combo.count())] == ["One-way", "Two-way", "Flash"]
    assert page.draft.sms_mode == "1via"
    combo.setCurrentIndex(1)
    assert page.draft.sms_mode == "2via"
    assert "answers arrive in Replies" in page.sms_mode.explanation.text()
    combo.setCurrentIndex(2)
    assert page.draft.sms_mode == "flash" and "not kept in its inbox" in page.sms_mode.explanation.text()
    page.enter()  # coming back to the step keeps the choice
    assert combo.currentText() == "Flash"
