"""'Export report': the campaign's report sheet written on a worker where the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from app.core.journal import Campaign, Journal
from app.core.report import write_report
from app.core.settings import Settings
from app.gui.dialogs import dialogs_for
from app.gui.provider_source import failure_text
from app.gui.worker import Task
from app.gui.workers import Workers


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrackingPage", text)


def export_report(
    page: QWidget,
    button: QPushButton,
    workers: Workers,
    journal: Journal,
    settings: Settings,
    campaign: Campaign,
    lang: str,
) -> None:
    """Ask where, write the report on a worker, then say where it is (or why it could not be written)."""
    folder = Path(settings.get("last_folder") or Path.home())
    suggested = folder / _tr("{name} - report.xlsx").format(name=safe_name(campaign.name))
    workbook = _tr("Excel workbook (*.xlsx)")
    target = dialogs_for(page).save_file(page, _tr("Export report"), suggested, workbook)
    if target is None:
        return
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    settings.set("last_folder", str(target.parent))
    button.setEnabled(False)

    def export(task: Task) -> Path:
        write_report(journal, campaign.id, target, lang=lang)
        return target

    def exported(_: object) -> None:
        text = _tr("The report was saved in {path}.").format(path=str(target))
        dialogs_for(page).inform(page, _tr("Report saved"), text)

    def failed(exc: object) -> None:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else failure_text(exc, lang)
        text = _tr("The report could not be written ({why}). If the file is open in Excel, close it and "
                   "try again, or choose another folder.").format(why=why)  # fmt: skip
        dialogs_for(page).warn(page, _tr("The report was not saved"), text)

    worker = workers.run(export, exported, failed)
    worker.done.connect(lambda: button.setEnabled(True))


def safe_name(name: str) -> str:
    """A campaign name usable as a file name on every system."""
    return "".join("_" if c in '<>:"/\\|?*' else c for c in name).strip() or "masivo"
