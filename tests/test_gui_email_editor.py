"""The e-mail body's formatted-text editor: toolbar clicks, merge fields, the HTML sent, its plain text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.email_draft import EmailDraft, html_to_text
from app.core.settings import Settings
from app.gui.main_window import MESSAGE, MainWindow
from app.gui.widgets.composer import Composer
from app.gui.widgets.rich_editor import IMAGE_PLACEHOLDER, document_html
from tests.fakes.dialogs import ScriptedDialogs
from tests.fakes.sheets import write_sheet
from tests.gui_window import click, import_sheet, next_step
from tests.test_gui_composer import EMAIL_ROWS, type_text

LOGO = "https://tienda.cl/logo.png"
SENT = (
    "<p>Hola <strong>{Nombre}</strong>!</p>"
    "<ul><li>Envío gratis</li><li>Cuotas</li></ul>"
    '<p>Vea <a href="https://tienda.cl/?c={Nombre}">la tienda</a> hoy.<br>'
    '<img src="https://tienda.cl/logo.png" alt=""></p>'
)


def tool(parent: QWidget, name: str) -> QToolButton:
    button = parent.findChild(QToolButton, name)
    assert button is not None and button.isVisible(), f"no visible tool button {name}"
    return button


def give_url(qtbot: QtBot, parent: QWidget, url: str) -> None:
    dialog = parent.findChild(QInputDialog, "urlDialog")
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue(url)
    dialog.accept()


def test_a_formatted_email_is_sent_as_clean_html_with_its_plain_text_and_preview(
    qtbot: QtBot, settings: Settings, tmp_path: Path
) -> None:
    sheet = write_sheet(tmp_path / "correos.xlsx", EMAIL_ROWS, ("Nombre", "Correo", "Monto"))
    window = MainWindow(settings, dialogs=ScriptedDialogs(), sample=sheet)
    qtbot.addWidget(window)
    window.resize(1024, 700)  # the smallest screen Masivo is made for (offscreen's own is 800 wide)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.show()
    qtbot.mouseClick(window.findChild(QRadioButton, "emailRadio"), Qt.MouseButton.LeftButton)
    import_sheet(qtbot, window, sheet)
    next_step(qtbot, window, MESSAGE)
    page = window.message_page
    assert not page.findChild(QPlainTextEdit, "messageEdit").isVisible()  # no raw HTML to write
    edit = page.findChild(QTextEdit, "richMessageEdit")
    assert edit.isVisible()
    edit.setFocus()

    qtbot.keyClicks(edit, "Hola ")
    qtbot.keyClick(page.findChild(QWidget, "subjectEdit"), Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not tool(page, "boldButton").isChecked()  # the editor's keys work in the editor only
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert tool(page, "boldButton").isChecked()
    qtbot.mouseClick(tool(page, "boldButton"), Qt.MouseButton.LeftButton)  # off, then on by a click
    qtbot.mouseClick(tool(page, "boldButton"), Qt.MouseButton.LeftButton)
    page.findChild(QListWidget, "mergeFieldList").setCurrentRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "insertFieldButton"), Qt.MouseButton.LeftButton)
    assert tool(page, "boldButton").isChecked()
    qtbot.mouseClick(tool(page, "boldButton"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(edit, "!")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.mouseClick(tool(page, "bulletListButton"), Qt.MouseButton.LeftButton)
    type_text(edit, "Envío gratis")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "Cuotas")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.mouseClick(tool(page, "bulletListButton"), Qt.MouseButton.LeftButton)  # again: out of the list
    qtbot.keyClicks(edit, "Vea la tienda")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len("la tienda"))
    edit.setTextCursor(cursor)
    qtbot.mouseClick(tool(page, "linkButton"), Qt.MouseButton.LeftButton)
    give_url(qtbot, page, "https://tienda.cl/?c={Nombre}")
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, " hoy.")
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a line break
    qtbot.mouseClick(tool(page, "imageButton"), Qt.MouseButton.LeftButton)
    give_url(qtbot, page, LOGO)

    assert page.draft.template_text == SENT
    assert page.draft.html
    assert page.is_complete() is False  # no subject yet
    qtbot.keyClicks(page.findChild(QWidget, "subjectEdit"), "Ofertas")
    assert page.is_complete(), page.composer.problems

    preview = page.findChild(QTextBrowser, "emailPreview")
    qtbot.waitUntil(lambda: "Ana Pérez" in preview.toPlainText())
    plain = page.findChild(QPlainTextEdit, "plainPreview").toPlainText()
    assert plain == (
        "Hola Ana Pérez!\n\n- Envío gratis\n- Cuotas\n\nVea la tienda (https://tienda.cl/?c=Ana Pérez) hoy."
    )
    html = preview.toHtml()
    assert "font-weight:700" in html and "https://tienda.cl/logo.png" in html  # bold, the image by URL
    for view in (preview, edit):  # the image is not fetched: a box of its own stands for it
        image = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(LOGO))
        assert image is not None and image.size().toTuple() == IMAGE_PLACEHOLDER

    qtbot.waitUntil(window.next_button.isEnabled, timeout=10_000)
    click(qtbot, window.next_button)
    qtbot.waitUntil(lambda: window.review_page.prepared is not None, timeout=20_000)
    prepared = window.review_page.prepared
    assert prepared is not None
    ana = SENT.replace("{Nombre}", "Ana Pérez")
    assert prepared.sample_text == ana  # the campaign's first message: the HTML, merged
    assert html_to_text(ana) == plain  # the mail's text part comes from the one function


def composer(qtbot: QtBot, body: str) -> Composer:
    from app.core.domain import Channel

    widget = Composer("en")
    qtbot.addWidget(widget)
    widget.load(EmailDraft("Asunto", body, html=True))
    widget.configure(Channel.EMAIL, None, False, ["Nombre", "Id"])
    widget.show()
    return widget


def test_merge_fields_survive_qt_html_both_in_the_text_and_in_a_link(qtbot: QtBot) -> None:
    body = '<p>Hola {Nombre}, <a href="https://x.cl/p?id={Id}&amp;s=1">su pedido {Id}</a></p>'
    widget = composer(qtbot, body)
    assert widget.rich.edit.isVisible()
    assert widget.text() == body
    again = QTextEdit()
    again.setHtml(widget.rich.edit.toHtml())  # Qt's own HTML, read back
    assert document_html(again.document()) == body
    assert widget.email_template is not None
    assert widget.email_template.columns == ("Nombre", "Id")


def test_an_existing_html_template_is_kept_as_written_and_the_toggle_carries_the_text(qtbot: QtBot) -> None:
    table = "<table><tr><td style='color:red'>{Nombre}</td></tr></table>"
    widget = composer(qtbot, table)  # the editor would lose the table: it opens as HTML, untouched
    check = widget.findChild(QCheckBox, "htmlCheck")
    assert check.isChecked()
    raw = widget.findChild(QPlainTextEdit, "messageEdit")
    assert raw.isVisible() and widget.text() == table
    qtbot.keyClick(check, Qt.Key.Key_Space)  # to the formatted editor: the text comes along
    assert widget.rich.edit.isVisible()
    assert widget.text() == "<p>{Nombre}</p>"
    qtbot.keyClick(check, Qt.Key.Key_Space)
    assert raw.toPlainText() == "<p>{Nombre}</p>"
    raw.selectAll()
    qtbot.keyClicks(raw, "<p>Hola <b>{Nombre}</b></p>")
    assert widget.email_draft() == EmailDraft("Asunto", "<p>Hola <b>{Nombre}</b></p>", True)
