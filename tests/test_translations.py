"""The translations: every message translated with its placeholders, the .ts files in step with the code,
and the real window speaking Spanish with no two controls shown together sharing a mnemonic."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.core.domain import Channel
from app.core.settings import open_settings
from app.gui.application import install_translations
from app.gui.dialogs.confirm_send import ConfirmSendDialog, SendSummary
from app.gui.dialogs.import_dialog import ImportDialog
from app.gui.main_window import FLOW, REVIEW, MainWindow
from tests.fakes.dialogs import ScriptedDialogs

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "app" / "resources" / "translations"
LANGUAGES = ("es", "en")
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%L?\d+")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
UPDATE_HINT = "run `python packaging/translations.py --update` and translate the new strings in the .ts files"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    forms: tuple[str, ...]  # the translation, or its plural forms
    finished: bool


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            plural = translation.findall("numerusform")
            forms = tuple(f.text or "" for f in plural) if plural else (translation.text or "",)
            finished = translation.get("type") not in ("unfinished", "obsolete", "vanished")
            source = message.findtext("source", "")
            messages.append(Message(context.findtext("name", ""), source, forms, finished))
    return messages


def translations_script() -> ModuleType:
    """packaging/translations.py as a module (packaging/ is no package: it would shadow PyPI's one)."""
    script = ROOT / "packaging" / "translations.py"
    spec = importlib.util.spec_from_file_location("masivo_translations", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found.group(1).lower() if found else None


# --- the .ts files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_finished_translation(language: str) -> None:
    messages = read_ts(TRANSLATIONS / f"masivo_{language}.ts")
    assert messages
    missing = [f"{m.context}: {m.source!r}" for m in messages if not m.finished or not all(m.forms)]
    assert not missing, f"{len(missing)} untranslated in masivo_{language}.ts:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_tags_and_mnemonics_of_their_source(language: str) -> None:
    wrong = []
    for m in read_ts(TRANSLATIONS / f"masivo_{language}.ts"):
        for form in m.forms:
            for pattern in (PLACEHOLDER, HTML_TAG):
                if Counter(pattern.findall(form)) != Counter(pattern.findall(m.source)):
                    wrong.append(f"{m.context}: {m.source!r} -> {form!r}")
            if (mnemonic(m.source) is None) != (mnemonic(form) is None):
                wrong.append(f"{m.context}: mnemonic of {m.source!r} -> {form!r}")
    assert not wrong, "\n".join(wrong)


def test_ts_files_hold_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    committed = {(m.context, m.source) for m in read_ts(TRANSLATIONS / "masivo_es.ts")}
    assert {(m.context, m.source) for m in read_ts(TRANSLATIONS / "masivo_en.ts")} == committed
    fresh = tmp_path / "masivo_es.ts"
    shutil.copy(TRANSLATIONS / "masivo_es.ts", fresh)
    translations_script().update([fresh], silent=True)
    in_code = {(m.context, m.source) for m in read_ts(fresh)}
    new = sorted(in_code - committed)
    gone = sorted(committed - in_code)
    assert not new, f"strings in the code missing from the .ts files ({UPDATE_HINT}):\n{new}"
    assert not gone, f"strings in the .ts files no longer in the code ({UPDATE_HINT}):\n{gone}"


def test_every_translatable_call_in_the_gui_has_literal_strings() -> None:
    """lupdate reads only literals: `tr(text)` or a helper wrapping translate() hides strings from it."""
    hidden = []
    for path in sorted((ROOT / "app" / "gui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            owner = func.value if isinstance(func, ast.Attribute) else None
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "tr":
                needed = node.args[:1]
            elif name == "translate" and (owner is None or getattr(owner, "id", "").endswith("Application")):
                needed = node.args[:2]
            else:
                continue
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in needed]
            if not needed or not all(literal):
                hidden.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not hidden, "translatable calls lupdate cannot read (use string literals):\n" + "\n".join(hidden)


# --- the window in each language -------------------------------------------------------------------
@pytest.fixture(scope="session")
def compiled() -> None:
    translations_script().compile_all()


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, compiled: None, qapp: QApplication) -> Iterator[str]:
    """The window's language, loaded as the application loads it; English again after the test."""
    translators = install_translations(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


def open_window(qtbot: QtBot, language: str) -> MainWindow:
    settings = open_settings()
    settings.set("language", language)
    window = MainWindow(settings, dialogs=ScriptedDialogs())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.show()
    for step in range(len(window.holders)):  # every page, though each is built on its first show
        window.page(step)
    return window


def shown_texts(root: QWidget) -> Iterator[str]:
    """Every text a user may see or hear in `root`: labels, buttons, titles, items, headers, names."""
    for widget in [root, *root.findChildren(QWidget)]:
        for getter in ("text", "title", "placeholderText", "accessibleName", "toolTip", "windowTitle"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    text = value()
                except TypeError:  # a getter that needs arguments
                    continue
                if isinstance(text, str) and text:
                    yield text
        for item in ("itemText", "tabText"):  # combo boxes, tabs
            if callable(getattr(widget, item, None)):
                yield from (getattr(widget, item)(i) for i in range(widget.count()))  # type: ignore[attr-defined]
        if isinstance(widget, QHeaderView) and widget.model() is not None:  # table column titles
            model, orientation = widget.model(), widget.orientation()
            yield from (str(model.headerData(i, orientation) or "") for i in range(widget.count()))


def test_the_window_speaks_the_chosen_language(qtbot: QtBot, language: str) -> None:
    window = open_window(qtbot, language)
    steps = [window.step_list.item(i).text() for i in range(window.step_list.count())]
    menus = [action.text() for action in window.menuBar().actions()]
    if language == "es":
        assert steps == ["1. Proveedor", "2. Destinatarios", "3. Mensaje", "4. Revisar y enviar",
                         "5. Seguimiento", "Historial", "Respuestas", "Lista de exclusión"]  # fmt: skip
        assert window.title_label.text() == "Proveedor"
        assert (window.back_button.text(), window.next_button.text()) == ("← A&trás", "&Siguiente →")
        assert menus == ["&Archivo", "&Ver", "A&yuda"]
    else:
        assert steps[:2] == ["1. Provider", "2. Recipients"]
        assert menus == ["&File", "&View", "&Help"]
    spanish = read_ts(TRANSLATIONS / "masivo_es.ts")
    english_only = {m.source for m in spanish} - {m.forms[0] for m in spanish}
    other = english_only if language == "es" else {m.forms[0] for m in spanish} - {m.source for m in spanish}
    left = sorted({text for text in shown_texts(window) if text in other})
    assert not left, f"texts not in the window's language ({language}): {left}"


def duplicated_mnemonics(controls: list[tuple[str, str]]) -> list[str]:
    """`controls` are (letter, text); the texts that share a letter."""
    by_letter: dict[str, list[str]] = {}
    for letter, text in controls:
        by_letter.setdefault(letter, []).append(text)
    return [" / ".join(texts) for texts in by_letter.values() if len(texts) > 1]


def lettered(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(letter, text) of the texts that have a mnemonic."""
    return [(letter, text) for text in texts if (letter := mnemonic(text))]


def mnemonics_in(root: QWidget) -> list[tuple[str, str]]:
    """The mnemonics of `root`'s controls, hidden ones too (they show on other states of the same page)."""
    texts = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return lettered(texts)


def test_no_two_controls_shown_together_share_a_mnemonic(qtbot: QtBot, language: str) -> None:
    window = open_window(qtbot, language)
    menus = lettered(a.text() for a in window.menuBar().actions())
    clashes = []
    for menu in window.menuBar().findChildren(QMenu):  # the View menu's Language submenu too
        clashes += [f"menu {menu.title()}: {c}" for c in duplicated_mnemonics(lettered(
            a.text() for a in menu.actions()))]  # fmt: skip
    for step, page in enumerate(window.built_pages()):
        navigation: list[QPushButton] = []
        if step in FLOW:  # Back and Next show below the flow's pages; Review has its own Send instead
            navigation = [window.back_button] + ([window.next_button] if step != REVIEW else [])
        shown = menus + mnemonics_in(page) + lettered(button.text() for button in navigation)
        clashes += [f"{type(page).__name__}: {c}" for c in duplicated_mnemonics(shown)]
    for channel in Channel:
        dialog = ImportDialog(channel, "CL", language, str(ROOT), window)
        clashes += [f"ImportDialog: {c}" for c in duplicated_mnemonics(mnemonics_in(dialog))]
    confirm = ConfirmSendDialog(SendSummary("Promo", "Demo", False, 1200, 1200, 5000), window)
    clashes += [f"ConfirmSendDialog: {c}" for c in duplicated_mnemonics(mnemonics_in(confirm))]
    assert not clashes, f"controls shown together share a mnemonic ({language}):\n" + "\n".join(clashes)
