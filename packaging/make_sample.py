"""Write app/resources/sample_recipients.xlsx: the sheet a first-time user can try Masivo with.

    .venv/bin/python packaging/make_sample.py

Chilean customers as a small shop keeps them: mobile numbers in every shape people
type (numbers Excel stored as numbers, "+56 9 …", "9 …", with dashes), names with
accents, a city and an amount for merge fields, and a few rows the import rejects
with a reason (a number too short, a toll-free line, a repeated customer, no number).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

RESOURCES = Path(__file__).resolve().parents[1] / "app" / "resources"
HEADERS = ["Nombre", "Apellido", "Celular", "Correo", "Ciudad", "Monto", "Vencimiento"]
ROWS: list[list[object]] = [
    ["María José", "Pérez", 56982345671, "mjperez@correo.cl", "Santiago", 25990, dt.date(2025, 3, 15)],
    [
        "Joaquín",
        "Muñoz",
        "+56 9 8765 4321",
        "joaquin.munoz@correo.cl",
        "Valparaíso",
        14500,
        dt.date(2025, 3, 20),
    ],
    [
        "Sofía",
        "González",
        "9 5432 1987",
        "sofia.gonzalez@correo.cl",
        "Concepción",
        8990,
        dt.date(2025, 3, 31),
    ],
    ["Benjamín", "Rojas", 942871653, "brojas@correo.cl", "Temuco", 32000, dt.date(2025, 4, 5)],
    ["Isidora", "Díaz", "+56 9 4512 7788", "isidora.diaz@correo.cl", "Ñuñoa", 19990, dt.date(2025, 3, 18)],
    ["Tomás", "Soto", "98451-2763", "tomas.soto@correo.cl", "La Serena", 5500, dt.date(2025, 4, 1)],
    [
        "Florencia",
        "Contreras",
        56958127364,
        "fcontreras@correo.cl",
        "Antofagasta",
        47250,
        dt.date(2025, 3, 25),
    ],
    [
        "Agustín",
        "Silva",
        "+56 (9) 2765 3841",
        "agustin.silva@correo.cl",
        "Rancagua",
        12990,
        dt.date(2025, 4, 10),
    ],
    [
        "Valentina",
        "Martínez",
        "9-8123-4567",
        "valentina.martinez@correo.cl",
        "Talca",
        27800,
        dt.date(2025, 3, 28),
    ],
    ["Matías", "Sepúlveda", 984736251, "msepulveda@correo.cl", "Puerto Montt", 9990, dt.date(2025, 4, 2)],
    [
        "Catalina",
        "Morales",
        "+56987123456",
        "catalina.morales@correo.cl",
        "Viña del Mar",
        15600,
        dt.date(2025, 4, 8),
    ],
    ["Vicente", "Fuentes", "9 4938 2716", "vfuentes@correo.cl", "Chillán", 21000, dt.date(2025, 3, 22)],
    ["Antonia", "Araya", 56952837461, "antonia.araya@correo.cl", "Iquique", 6490, dt.date(2025, 4, 15)],
    [
        "Martín",
        "Espinoza",
        "+56 9 2817 6354",
        "martin.espinoza@correo.cl",
        "Osorno",
        38900,
        dt.date(2025, 3, 30),
    ],
    ["Emilia", "Castillo", "95827-3164", "emilia.castillo@correo.cl", "Arica", 11250, dt.date(2025, 4, 12)],
    ["Lucas", "Núñez", 988172635, "lucas.nunez@correo.cl", "Copiapó", 17400, dt.date(2025, 4, 3)],
    [
        "Josefa",
        "Tapia",
        "+56 9 5172 8394",
        "josefa.tapia@correo.cl",
        "Los Ángeles",
        29990,
        dt.date(2025, 3, 27),
    ],
    ["Cristóbal", "Reyes", "9 8264 1937", "creyes@correo.cl", "Punta Arenas", 45000, dt.date(2025, 4, 20)],
    ["Amanda", "Jiménez", 56947281635, "amanda.jimenez@correo.cl", "Coquimbo", 7990, dt.date(2025, 4, 6)],
    ["Maximiliano", "Vargas", "+56 9 8395 1726", "mvargas@correo.cl", "Curicó", 13500, dt.date(2025, 3, 19)],
    [
        "Trinidad",
        "Carrasco",
        "9 4271 8365",
        "trinidad.carrasco@correo.cl",
        "Valdivia",
        22990,
        dt.date(2025, 4, 9),
    ],
    # Rows the import refuses, each with a reason the recipients view shows:
    ["Joaquín", "Muñoz", 987654321, "joaquin.munoz@correo.cl", "Valparaíso", 14500, dt.date(2025, 3, 20)],
    ["Ignacio", "Bravo", "12345", "ignacio.bravo@correo.cl", "Quilpué", 9900, dt.date(2025, 4, 4)],
    ["Fernanda", "Vega", "", "fernanda.vega@correo.cl", "Calama", 16800, dt.date(2025, 4, 11)],
    ["Atención", "Clientes", "800 123 456", "atencion@correo.cl", "Santiago", 0, dt.date(2025, 4, 30)],
]


def build(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Clientes"
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="2F5597")
    for row in ROWS:
        sheet.append(row)
    for index, width in enumerate([14, 12, 18, 30, 14, 10, 13], start=1):
        sheet.column_dimensions[chr(64 + index)].width = width
    for (cell,) in sheet.iter_rows(min_row=2, min_col=6, max_col=6):
        cell.number_format = '"$"#,##0'
    for (cell,) in sheet.iter_rows(min_row=2, min_col=7, max_col=7):
        cell.number_format = "dd/mm/yyyy"
    sheet.freeze_panes = "A2"
    book.save(path)
    return path


if __name__ == "__main__":
    print(build(RESOURCES / "sample_recipients.xlsx"))
