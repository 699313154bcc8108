"""'Export report': the campaign's report sheet written on a worker where the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from app.core.engine.report import write_report
from app.core.journal import Campaign, Journal
from app.core.settings import Settings
from app.gui.dialogs import dialogs_for
from app.gui.formatting import number
from app.gui.provider_source import failure_text
from app.gui.worker import Task
from app.gui.workers import Workers

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


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
    report_name = translate("TrackingPage", "{name} - report.xlsx")
    suggested = folder / report_name.format(name=safe_name(campaign.name))
    workbook = translate("TrackingPage", "Excel workbook (*.xlsx)")
    title = translate("TrackingPage", "Export report")
    target = dialogs_for(page).save_file(page, title, suggested, workbook)
    if target is None:
        return
    if target.suffix.lower() != ".xlsx":
        target = target.with_suffix(".xlsx")
    settings.set("last_folder", str(target.parent))
    button.setEnabled(False)

    def export(task: Task) -> Path:
        write_report(journal, campaign.id, target, lang=lang, progress=task.progress)
        return target

    def exported(_: object) -> None:
        text = translate("TrackingPage", "The report was saved in {path}.").format(path=str(target))
        dialogs_for(page).inform(page, translate("TrackingPage", "Report saved"), text)

    def failed(exc: object) -> None:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else failure_text(exc, lang)
        text = translate(
            "TrackingPage",
            "The report could not be written ({why}). If the file is open in Excel, close it and "
            "try again, or choose another folder.",
        ).format(why=why)
        dialogs_for(page).warn(page, translate("TrackingPage", "The report was not saved"), text)

    label = button.text()
    writing = translate("TrackingPage", "Writing the report: {n} rows…")
    worker = workers.run(export, exported, failed)
    worker.progress.connect(lambda rows: button.setText(writing.format(n=number(int(rows), lang))))

    def done() -> None:
        button.setText(label)
        button.setEnabled(True)

    worker.done.connect(done)


def safe_name(name: str) -> str:
    """A campaign name usable as a file name on every system."""
    return "".join("_" if c in '<>:"/\\|?*' else c for c in name).strip() or "masivo"
