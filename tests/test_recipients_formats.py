"""Every format a user's sheet comes in, and the shapes Excel, LibreOffice and Google Sheets give them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.core.domain import Channel
from app.core.recipients import RecipientRow, RowStatus, SheetError, inspect_sheet, load_recipients
from tests import recipients_files as make

HEADER = ["Nombre", "Celular", "Ciudad"]
ROWS = [
    ["José Peña", 56987654321, "Ñuñoa"],
    ["María Núñez", "+56 9 8765 4322", "Valparaíso"],
    ["Andrés Díaz", "9 8765 4323", "Concepción"],
]
EXPECTED = ["56987654321", "56987654322", "56987654323"]


def load(path: Path, **options: object) -> list[RecipientRow]:
    options.setdefault("channel", Channel.SMS)
    options.setdefault("country", "CL")
    with load_recipients(path, **options) as stream:  # type: ignore[arg-type]
        return list(stream)


def addresses(rows: list[RecipientRow]) -> list[str]:
    return [row.address for row in rows]


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_xlsx_reads_numbers_texts_and_accents(tmp_path: Path, suffix: str) -> None:
    rows = load(make.xlsx(tmp_path / f"clientes{suffix}", [HEADER, *ROWS]))
    assert addresses(rows) == EXPECTED
    assert [row.row for row in rows] == [2, 3, 4]
    assert all(row.status is RowStatus.VALID for row in rows)
    assert rows[0].fields == {"Nombre": "José Peña", "Celular": "56987654321", "Ciudad": "Ñuñoa"}


def test_xls_from_xlwt(tmp_path: Path) -> None:
    rows = load(make.xls(tmp_path / "clientes.xls", [HEADER, *ROWS]))
    assert addresses(rows) == EXPECTED
    assert rows[1].fields["Ciudad"] == "Valparaíso"


def test_ods_from_odfpy(tmp_path: Path) -> None:
    rows = load(make.ods(tmp_path / "clientes.ods", [HEADER, *ROWS]))
    assert addresses(rows) == EXPECTED
    assert rows[0].fields["Celular"] == "56987654321"  # a float cell shown without '.0'


CSV = "Nombre,Celular,Ciudad\nJosé Peña,56987654321,Ñuñoa\nMaría Núñez,+56 9 8765 4322,Valparaíso\n"


@pytest.mark.parametrize(
    ("name", "content", "encoding", "newline"),
    [
        ("utf8.csv", CSV, "utf-8", "\n"),
        ("bom.csv", CSV, "utf-8-sig", "\r\n"),
        ("excel-es.csv", CSV.replace(",", ";"), "cp1252", "\r\n"),
        ("latin1.csv", CSV.replace(",", ";"), "latin-1", "\n"),
        ("tabs.txt", CSV.replace(",", "\t"), "utf-8", "\n"),
        ("unicode.txt", CSV.replace(",", "\t"), "utf-16", "\r\n"),  # Excel's "Texto Unicode"
        ("mac.csv", CSV, "utf-8", "\r"),
    ],
)
def test_csv_encodings_and_delimiters(
    tmp_path: Path, name: str, content: str, encoding: str, newline: str
) -> None:
    rows = load(make.text_file(tmp_path / name, content, encoding, newline))
    assert addresses(rows) == EXPECTED[:2]
    assert rows[0].fields == {"Nombre": "José Peña", "Celular": "56987654321", "Ciudad": "Ñuñoa"}
    assert [row.row for row in rows] == [2, 3]


def test_csv_with_mixed_line_endings_and_blank_lines(tmp_path: Path) -> None:
    raw = "Nombre;Celular\r\nAna;987654321\nLuis;987654322\r\r\nEva;987654323\n"
    rows = load(make.text_file(tmp_path / "mixed.csv", raw))
    assert [(row.row, row.address) for row in rows] == [
        (2, "56987654321"),
        (3, "56987654322"),
        (5, "56987654323"),
    ]


def test_csv_decimal_commas_do_not_fool_the_delimiter(tmp_path: Path) -> None:
    raw = "Nombre;Celular;Monto\nAna;987654321;1,5\nLuis;987654322;2,25\nEva;987654323;10,0\n"
    rows = load(make.text_file(tmp_path / "montos.csv", raw, "cp1252"))
    assert [row.fields["Monto"] for row in rows] == ["1,5", "2,25", "10,0"]


def test_header_on_row_4_after_a_title_and_blank_rows(tmp_path: Path) -> None:
    sheet = [["Clientes de marzo"], [], [], HEADER, *ROWS]
    path = make.xlsx(tmp_path / "titulo.xlsx", sheet, merges=["A1:C1"])
    preview = inspect_sheet(path)
    assert preview.header_row == 4
    assert preview.headers == ("Nombre", "Celular", "Ciudad")
    rows = load(path)
    assert [row.row for row in rows] == [5, 6, 7]
    assert addresses(rows) == EXPECTED


def test_data_starting_in_column_c_keeps_sheet_row_numbers(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "desplazada.xlsx", [HEADER, *ROWS], start="C6")
    rows = load(path)
    assert [row.row for row in rows] == [7, 8, 9]
    assert rows[0].fields["Nombre"] == "José Peña"


def test_merged_header_and_data_cells(tmp_path: Path) -> None:
    sheet = [
        ["Nombre", "Contacto", None, "Ciudad"],
        [None, "Celular", "Correo", None],
        ["Ana", 987654321, "ana@correo.cl", "Temuco"],
        ["Luis", 987654322, "luis@correo.cl", None],
    ]
    # "Nombre" and "Ciudad" span both header rows; "Contacto" spans two columns; Temuco spans two rows.
    path = make.xlsx(tmp_path / "combinadas.xlsx", sheet, merges=["A1:A2", "B1:C1", "D1:D2", "D3:D4"])
    preview = inspect_sheet(path)
    assert preview.header_row == 2
    assert preview.headers == ("Nombre", "Celular", "Correo", "Ciudad")
    rows = load(path)
    assert addresses(rows) == ["56987654321", "56987654322"]
    assert [row.fields["Ciudad"] for row in rows] == ["Temuco", "Temuco"]


def test_formulas_give_their_cached_values(tmp_path: Path) -> None:
    sheet = [["Nombre", "Celular", "Total"], ["Ana", '="569"&"87654321"', "=1+1"]]
    path = make.with_cached_values(
        make.xlsx(tmp_path / "formulas.xlsx", sheet), {"B2": ("str", "56987654321"), "C2": ("n", "2")}
    )
    [row] = load(path)
    assert row.address == "56987654321"
    assert row.fields["Total"] == "2"


def test_dates_booleans_and_decimals_show_as_the_user_sees_them(tmp_path: Path) -> None:
    sheet = [
        ["Nombre", "Celular", "Vence", "Activo", "Monto"],
        ["Ana", 987654321, dt.datetime(2024, 3, 15), True, 1234.5],
    ]
    [row] = load(make.xlsx(tmp_path / "tipos.xlsx", sheet))
    assert row.fields == {
        "Nombre": "Ana",
        "Celular": "987654321",
        "Vence": "15/03/2024",
        "Activo": "VERDADERO",
        "Monto": "1234.5",
    }


def test_a_date_where_a_number_was_expected_is_named(tmp_path: Path) -> None:
    sheet = [HEADER, ["Ana", dt.datetime(2024, 3, 15), "Temuco"]]
    [row] = load(make.xlsx(tmp_path / "fecha.xlsx", sheet))
    assert row.status is RowStatus.INVALID
    assert row.reason_id == "phone_is_date"
    assert "15/03/2024" in row.reason and row.column == "Celular"


def test_hidden_sheets_are_listed_and_the_first_visible_sheet_with_data_is_chosen(tmp_path: Path) -> None:
    extra = [("Vacía", [], False), ("Oculta", [HEADER, ["x", 987654329, "y"]], True)]
    path = make.xlsx(tmp_path / "hojas.xlsx", [HEADER, *ROWS], title="Datos", extra_sheets=extra)
    preview = inspect_sheet(path)
    assert [(info.name, info.hidden) for info in preview.sheets] == [
        ("Vacía", False),
        ("Oculta", True),
        ("Datos", False),
    ]
    assert preview.sheet == "Datos"
    assert addresses(load(path, sheet="oculta")) == ["56987654329"]  # by name, any case


def test_a_missing_sheet_lists_the_sheets(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "hojas.xlsx", [HEADER, *ROWS], title="Datos")
    with pytest.raises(SheetError, match=r"«Ventas».*Datos"):
        load(path, sheet="Ventas")


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (["NOMBRE", "TELÉFONO MÓVIL", "E-mail"], ("TELÉFONO MÓVIL", "E-mail", "NOMBRE")),
        (
            ["Nombres", "Nro. Celular", "Correo electrónico"],
            ("Nro. Celular", "Correo electrónico", "Nombres"),
        ),
        (["Name", "Teléfono fijo", "WhatsApp", "Mail"], ("WhatsApp", "Mail", "Name")),
        (["Número de cliente", "Contacto", "Ciudad"], ("Contacto", None, "Contacto")),
    ],
)
def test_columns_are_detected_without_regard_to_accents_or_case(
    tmp_path: Path, header: list[str], expected: tuple[str | None, ...]
) -> None:
    data = [[1001, "987654321", "ana@correo.cl", "x"][: len(header)]]
    if header[0] == "Número de cliente":
        data = [[1001, "+56 9 8765 4321", "Temuco"]]
    preview = inspect_sheet(make.xlsx(tmp_path / "columnas.xlsx", [header, *data]))
    mapping = preview.mapping
    phone, email, name = expected
    assert (mapping.phone, mapping.email) == (phone, email)
    if name != "Contacto":
        assert mapping.name == name


def test_the_user_can_choose_the_column_by_header_or_letter(tmp_path: Path) -> None:
    sheet = [["Nombre", "Celular", "Otro número"], ["Ana", 987654321, 987654399]]
    path = make.xlsx(tmp_path / "elegir.xlsx", sheet)
    assert addresses(load(path)) == ["56987654321"]
    assert addresses(load(path, phone_column="otro numero")) == ["56987654399"]
    assert addresses(load(path, phone_column="C")) == ["56987654399"]
    with pytest.raises(SheetError, match=r"«Fono».*Nombre, Celular, Otro número"):
        load(path, phone_column="Fono")


def test_a_sheet_without_a_header_row_names_columns_by_letter(tmp_path: Path) -> None:
    path = make.xlsx(tmp_path / "sin-encabezado.xlsx", [["Ana", 987654321], ["Luis", 987654322]])
    preview = inspect_sheet(path)
    assert preview.header_row == 0
    assert preview.headers == ("Columna A", "Columna B")
    rows = load(path)
    assert [(row.row, row.address) for row in rows] == [(1, "56987654321"), (2, "56987654322")]


def test_data_in_a_column_without_header_is_kept_under_its_letter(tmp_path: Path) -> None:
    sheet = [["Nombre", "Celular"], *[[f"P{i}", 987654300 + i] for i in range(30)], ["Z", 987654399, "nota"]]
    rows = load(make.xlsx(tmp_path / "sin-titulo.xlsx", sheet))
    assert rows[-1].fields == {"Nombre": "Z", "Celular": "987654399", "Columna C": "nota"}
    assert "Columna C" not in rows[0].fields


def test_email_channel_reads_the_email_column(tmp_path: Path) -> None:
    sheet = [
        ["Nombre", "Correo"],
        ["Ana", " Ana.Perez@Correo.CL "],
        ["Luis", "luis@"],
        ["Eva", "ANA.PEREZ@correo.cl"],
    ]
    rows = load(make.xlsx(tmp_path / "correos.xlsx", sheet), channel=Channel.EMAIL)
    assert [row.status for row in rows] == [RowStatus.VALID, RowStatus.INVALID, RowStatus.DUPLICATE]
    assert rows[0].address == "ana.perez@correo.cl"
    assert rows[2].duplicate_of == 2
