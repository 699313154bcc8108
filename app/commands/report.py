"""`masivo report CAMPAIGN --out FILE.xlsx`: the original sheet plus what happened to every row."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from app.commands._common import find_campaign, open_journal_or_fail
from app.commands._provider import CommandError, emit
from app.core.engine.report import write_report
from app.core.reasons import say


def run(args: argparse.Namespace, out: TextIO) -> int:
    return report(args, out)


def report(args: argparse.Namespace, out: TextIO) -> int:
    target = Path(args.out)
    if target.suffix.lower() != ".xlsx":
        raise CommandError(
            say(
                "El reporte se escribe como .xlsx: use --out ARCHIVO.xlsx.",
                "The report is written as .xlsx: use --out FILE.xlsx.",
            ),
            2,
        )
    journal = open_journal_or_fail()
    try:
        campaign = find_campaign(journal, args.campaign)
        try:
            rows = write_report(journal, campaign.id, target)
        except OSError as exc:
            raise CommandError(cannot_write(target, exc), 1) from None
    finally:
        journal.close()
    data = {"campaign": campaign.id, "out": str(target), "rows": rows}
    emit(out, args, data, say(f"Reporte de {rows} filas en {target}.", f"Report of {rows} rows in {target}."))
    return 0


def cannot_write(target: Path, exc: OSError) -> str:
    """Why the report could not be written, and what to do, in one sentence."""
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return say(
            f"{target} es una carpeta: indique el archivo, por ejemplo --out {target / 'reporte.xlsx'}.",
            f"{target} is a folder: name the file, for example --out {target / 'report.xlsx'}.",
        )
    if isinstance(exc, PermissionError):
        return say(
            f"No hay permiso para escribir {target}: elija otra carpeta, o cierre el archivo si está abierto "
            "en Excel.",
            f"No permission to write {target}: choose another folder, or close the file if Excel has it "
            "open.",
        )
    return say(
        f"No se pudo escribir {target} ({exc.strerror or exc}).",
        f"Could not write {target} ({exc.strerror or exc}).",
    )
