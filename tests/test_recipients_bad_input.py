"""Every bad file the issue lists: a clear sentence or a correct result, never a traceback or a hang."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.domain import Channel
from app.core.recipients import RecipientRow, RowStatus, SheetError, inspect_sheet, load_recipients
from tests import recipients_files as make

HEADER = ["Nombre", "Celular"]
GOOD = [HEADER, ["Ana", 987654321], ["Luis", 987654322]]

pytestmark = pytest.mark.timeout(60)


def load(path: Path, **options: object) -> list[RecipientRow]:
    options.setdefault("country", "CL")
    with load_recipients(path, channel=Channel.SMS, **options) as stream:  # type: ignore[arg-type]
        return list(stream)


def refused(path: Path) -> SheetError:
    """The error `load_recipients` raises for `path`: before any row is read, in one sentence."""
    with pytest.raises(SheetError) as caught:
        load_recipients(path, channel=Channel.SMS, country="CL")
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return caught.value


def test_empty_file(tmp_path: Path) -> None:
    for name in ("vacio.xlsx", "vacio.csv"):
        (tmp_path / name).write_bytes(b"")
        error = refused(tmp_path / name)
        assert error.message_id == "file_empty"
        assert "vacío" in str(error)


def test_a_csv_renamed_xlsx_is_read_as_the_csv_it_is(tmp_path: Path) -> None:
    path = make.text_file(tmp_path / "renombrado.xlsx", "Nombre;Celular\nAna;987654321\n", "cp1252")
    assert [row.address for row in load(path)] == ["56987654321"]


def test_prose_renamed_xlsx_says_no_phone_column_was_found(tmp_path: Path) -> None:
    path = make.text_file(
        tmp_path / "carta.xlsx", "Estimado cliente:\nle escribimos para informarle\nSaludos\n"
    )
    error = refused(path)
    assert error.message_id == "no_phone_column"


def test_an_image_renamed_xlsx_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "foto.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "no es una planilla (PNG)" in str(refused(path))


def test_a_word_document_renamed_xlsx_is_named(tmp_path: Path) -> None:
    path = tmp_path / "carta.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "(Word)" in str(refused(path))


def test_a_web_page_saved_as_xls(tmp_path: Path) -> None:
    path = make.text_file(
        tmp_path / "reporte.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>"
    )
    assert refused(path).message_id == "file_web_page"


def test_a_truncated_xlsx_is_damaged(tmp_path: Path) -> None:
    whole = make.xlsx(tmp_path / "entera.xlsx", GOOD).read_bytes()
    path = tmp_path / "cortada.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    error = refused(path)
    assert error.message_id == "file_damaged"
    assert "dañado o incompleto" in str(error)


def test_a_password_protected_xlsx_says_so(tmp_path: Path) -> None:
    plain = make.xlsx(tmp_path / "plana.xlsx", GOOD)
    path = make.encrypted_xlsx(tmp_path / "protegida.xlsx", plain)
    error = refused(path)
    assert error.message_id == "file_password"
    assert "contraseña" in str(error)


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    assert refused(tmp_path / "no-existe.xlsx").message_id == "file_missing"
    (tmp_path / "carpeta.xlsx").mkdir()
    assert refused(tmp_path / "carpeta.xlsx").message_id == "file_is_folder"


def test_a_sheet_with_headers_only(tmp_path: Path) -> None:
    error = refused(make.xlsx(tmp_path / "solo-encabezados.xlsx", [HEADER]))
    assert error.message_id == "headers_only"
    assert "fila 1" in str(error)
    assert refused(make.text_file(tmp_path / "solo.csv", "Nombre;Celular\n")).message_id == "headers_only"


def test_an_empty_first_sheet_is_skipped(tmp_path: Path) -> None:
    path = make.xlsx(
        tmp_path / "primera-vacia.xlsx", GOOD, title="Datos", extra_sheets=[("Hoja1", [], False)]
    )
    assert inspect_sheet(path).sheet == "Datos"
    assert len(load(path)) == 2


def test_a_workbook_without_any_data(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "nada.xlsx", [], extra_sheets=[("Hoja1", [], False)])
    assert refused(path).message_id == "file_no_data"


def test_a_chosen_sheet_that_is_empty(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "vacia.xlsx", GOOD, title="Datos", extra_sheets=[("Hoja1", [], False)])
    with pytest.raises(SheetError, match="«Hoja1» está vacía"):
        load(path, sheet="Hoja1")


def test_16384_columns(tmp_path: Path) -> None:
    width = 16_384
    header = [f"Campo {i}" for i in range(width)]
    header[5], header[-1] = "Nombre", "Celular"
    row = ["x"] * width
    row[5], row[-1] = "Ana", 987654321
    rows = load(make.xlsx(tmp_path / "anchisima.xlsx", [header, row, row]))
    assert [r.status for r in rows] == [RowStatus.VALID, RowStatus.DUPLICATE]
    assert len(rows[0].fields) == width
    assert rows[0].fields["Celular"] == "987654321" and rows[0].column == "Celular"


def test_a_cell_with_32767_characters(tmp_path: Path) -> None:
    long_text = "ñ" * 32_767
    sheet = [["Nombre", "Celular", "Nota"], ["Ana", 987654321, long_text], ["Luis", long_text, "x"]]
    ok, bad = load(make.xlsx(tmp_path / "larga.xlsx", sheet))
    assert ok.status is RowStatus.VALID and ok.fields["Nota"] == long_text
    assert bad.status is RowStatus.INVALID
    assert len(bad.reason) < 200  # the cell is quoted cut short, not whole


def test_a_csv_with_an_unclosed_quote_names_the_row(tmp_path: Path) -> None:
    body = 'Nombre;Celular\nAna;987654321\nLuis;"987654322\n' + "relleno;1\n" * 30_000
    path = make.text_file(tmp_path / "comilla.csv", body)
    with pytest.raises(SheetError, match="mal formado cerca de la fila 3") as caught:
        load(path)
    assert caught.value.message_id == "csv_broken"


def test_a_csv_in_latin1_with_semicolons(tmp_path: Path) -> None:
    raw = "Nombre;Teléfono;Comuna\nMaría Peña;+56 9 8765 4321;Ñuñoa\n"
    [row] = load(make.text_file(tmp_path / "latin1.csv", raw, "latin-1"))
    assert row.fields == {"Nombre": "María Peña", "Teléfono": "+56 9 8765 4321", "Comuna": "Ñuñoa"}


def test_a_csv_with_a_bom_keeps_the_first_header_clean(tmp_path: Path) -> None:
    raw = "Celular,Nombre\n987654321,Ana\n"
    [row] = load(make.text_file(tmp_path / "bom.csv", raw, "utf-8-sig"))
    assert list(row.fields) == ["Celular", "Nombre"]


def test_unknown_country_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(SheetError, match="«ZZ»"):
        load(make.xlsx(tmp_path / "ok.xlsx", GOOD), country="ZZ")
