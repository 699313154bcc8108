"""The streaming import: one status per row, duplicates, suppression, progress, cancel, bounded memory."""

from __future__ import annotations

import gc
import threading
import tracemalloc
from pathlib import Path

import pytest

from app.core.domain import Channel
from app.core.recipients import (
    ImportCancelled,
    RecipientRow,
    RowStatus,
    Summary,
    inspect_sheet,
    load_recipients,
)
from tests import recipients_files as make


def load(path: Path, **options: object) -> list[RecipientRow]:
    options.setdefault("channel", Channel.SMS)
    options.setdefault("country", "CL")
    with load_recipients(path, **options) as stream:  # type: ignore[arg-type]
        return list(stream)


def big_csv(path: Path, rows: int) -> Path:
    lines = ["Nombre;Celular;Ciudad"] + [f"Cliente {i};9{8 + i % 2}{i:07d};Temuco" for i in range(rows)]
    return make.text_file(path, "\n".join(lines) + "\n")


def test_every_row_ends_in_exactly_one_status_and_none_is_dropped(tmp_path: Path) -> None:
    sheet = [
        ["Nombre", "Celular"],
        ["Ana", "+56 9 8765 4321"],
        ["Luis", "hola"],
        ["Eva", 56987654321],  # Ana's number as Excel stores it
        ["Sin número", None],
        [None, None],  # an empty row is not a recipient
        ["Exc", "9 8765 4399"],
        ["Otra", "987654321"],
    ]
    rows = load(make.xlsx(tmp_path / "todo.xlsx", sheet), suppressed=frozenset({"56987654399"}))
    assert [(row.row, row.status) for row in rows] == [
        (2, RowStatus.VALID),
        (3, RowStatus.INVALID),
        (4, RowStatus.DUPLICATE),
        (5, RowStatus.INVALID),
        (7, RowStatus.SUPPRESSED),
        (8, RowStatus.DUPLICATE),
    ]
    assert [row.duplicate_of for row in rows] == [None, None, 2, None, None, 2]
    assert rows[2].reason == "Repite el destinatario de la fila 2."
    assert rows[3].reason_id == "phone_empty" and rows[3].column == "Celular"
    assert rows[4].reason == "El destinatario está en la lista de exclusión (pidió no recibir mensajes)."
    assert all(row.reason for row in rows if row.status is not RowStatus.VALID)


def test_the_summary_counts_and_lists_the_rejected_rows(tmp_path: Path) -> None:
    sheet = [["Nombre", "Celular"], ["Ana", 987654321], ["Luis", "x"], ["Eva", 987654321], ["Pia", 987654322]]
    summary = Summary()
    for row in load(make.xlsx(tmp_path / "resumen.xlsx", sheet), suppressed={"56987654322"}):
        summary.add(row)
    assert summary.as_dict() == {
        "rows": 4,
        "valid": 1,
        "invalid": 1,
        "duplicates": 1,
        "suppressed": 1,
        "errors": [
            {"row": 3, "column": "Celular", "reason": "«x» no es un número de teléfono."},
            {"row": 4, "column": "Celular", "reason": "Repite el destinatario de la fila 2."},
            {
                "row": 5,
                "column": "Celular",
                "reason": "El destinatario está en la lista de exclusión (pidió no recibir mensajes).",
            },
        ],
    }


def test_email_duplicates_and_suppression_ignore_case(tmp_path: Path) -> None:
    sheet = [["Correo"], ["Ana@Correo.cl"], ["ana@correo.CL"], ["BAJA@correo.cl"]]
    rows = load(
        make.xlsx(tmp_path / "correos.xlsx", sheet), channel=Channel.EMAIL, suppressed={"baja@correo.cl"}
    )
    assert [row.status for row in rows] == [RowStatus.VALID, RowStatus.DUPLICATE, RowStatus.SUPPRESSED]


def test_reasons_follow_the_language(tmp_path: Path) -> None:
    sheet = [["Name", "Mobile"], ["Ann", "hello"], ["Bo", "9 1234 5678"]]
    bad, noted = load(make.xlsx(tmp_path / "en.xlsx", sheet), lang="en")
    assert bad.reason == "“hello” is not a phone number."
    assert noted.status is RowStatus.VALID
    assert noted.reason.endswith("known numbering plan of Chile (rule: possible).")


def test_progress_is_reported_and_ends_at_the_total(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    rows = load(
        big_csv(tmp_path / "progreso.csv", 5_000), progress=lambda done, total: calls.append((done, total))
    )
    assert len(rows) == 5_000
    assert calls[-1] == (5_000, 5_000)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(0 < done <= total for done, total in calls)
    assert len(calls) >= 2


def test_progress_on_an_xlsx_estimates_the_total(tmp_path: Path) -> None:
    sheet = [["Nombre", "Celular"]] + [[f"C{i}", 56980000000 + i] for i in range(5_000)]
    calls: list[tuple[int, int]] = []
    load(
        make.xlsx(tmp_path / "progreso.xlsx", sheet), progress=lambda done, total: calls.append((done, total))
    )
    first_done, first_total = calls[0]
    assert first_done < first_total <= 5_001
    assert calls[-1] == (5_000, 5_000)


def test_cancel_stops_the_import(tmp_path: Path) -> None:
    cancel = threading.Event()
    seen = 0
    with (
        pytest.raises(ImportCancelled),
        load_recipients(
            big_csv(tmp_path / "cancelar.csv", 20_000),
            channel=Channel.SMS,
            country="CL",
            progress=lambda done, total: cancel.set(),
            cancel=cancel,
        ) as stream,
    ):
        for _ in stream:
            seen += 1
    assert 0 < seen < 20_000


def test_stopping_early_closes_the_file(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "temprano.csv", 100)
    stream = load_recipients(path, channel=Channel.SMS, country="CL")
    first = next(iter(stream))
    assert first.row == 2
    stream.close()
    del stream
    gc.collect()  # an unclosed file would raise ResourceWarning here (warnings are errors)


def test_streaming_keeps_memory_flat(tmp_path: Path) -> None:
    path = big_csv(tmp_path / "grande.csv", 15_000)
    load(big_csv(tmp_path / "calentar.csv", 10))  # metadata and regexes load once, outside the measure
    gc.collect()
    tracemalloc.start()
    try:
        count = 0
        with load_recipients(path, channel=Channel.SMS, country="CL") as stream:
            for row in stream:
                count += row.status is RowStatus.VALID
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 15_000
    # 15,000 rows kept as Python objects would take ~10 MB; streaming keeps the numbers seen (~1.5 MB).
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_preview_for_the_import_dialog(tmp_path: Path) -> None:
    sheet = [["Listado"], [], ["Nombre", "Celular", "Correo"]] + [
        [f"C{i}", 987654300 + i, ""] for i in range(40)
    ]
    preview = inspect_sheet(make.xlsx(tmp_path / "vista.xlsx", sheet))
    assert (preview.kind, preview.sheet, preview.header_row) == ("xlsx", "Clientes", 3)
    assert preview.headers == ("Nombre", "Celular", "Correo")
    assert (preview.mapping.phone, preview.mapping.email, preview.mapping.name) == (
        "Celular",
        "Correo",
        "Nombre",
    )
    assert len(preview.rows) == 20 and preview.rows[0] == (
        4,
        {"Nombre": "C0", "Celular": "987654300", "Correo": ""},
    )
    assert preview.estimated_rows == 40


def test_the_header_row_can_be_chosen(tmp_path: Path) -> None:
    sheet = [["Nombre", "Celular"], ["Tipo", "Número"], ["Ana", 987654321]]
    path = make.xlsx(tmp_path / "dos-encabezados.xlsx", sheet)
    assert inspect_sheet(path).header_row == 1
    preview = inspect_sheet(path, header_row=2)
    assert preview.headers == ("Tipo", "Número")
    rows = load(path, header_row=2, phone_column="Número")
    assert [(row.row, row.address) for row in rows] == [(3, "56987654321")]
