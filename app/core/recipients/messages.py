"""What import says about a file or a row, in Spanish and English, in one table.

Texts take `{name}`-style parameters. `SheetError` carries one of the file-level
sentences; a rejected `RecipientRow` carries a row-level one and its id.
"""

from __future__ import annotations

from app.core.reasons import reason_text
from app.core.wording import word

# id: (Spanish, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # --- the file --------------------------------------------------------------------------------------
    "file_missing": ("No se encuentra el archivo {file}.", "The file {file} does not exist."),
    "file_is_folder": ("{file} es una carpeta, no una planilla.", "{file} is a folder, not a spreadsheet."),
    "file_locked": (
        "No se puede abrir {file}: puede estar abierto en otro programa o sin permiso de lectura; "
        "ciérrelo e intente de nuevo.",
        "Cannot open {file}: it may be open in another program or not readable; close it and try again.",
    ),
    "file_empty": ("El archivo {file} está vacío (0 bytes).", "The file {file} is empty (0 bytes)."),
    "file_password": (
        "{file} está protegido con contraseña: ábralo en Excel, quite la contraseña "
        "(Archivo > Información > Proteger libro) y guárdelo de nuevo.",
        "{file} is protected with a password: open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save it again.",
    ),
    "file_damaged": (
        "{file} está dañado o incompleto (¿se copió o descargó entero?): "
        "ábralo en Excel y guárdelo de nuevo.",
        "{file} is damaged or incomplete (was it fully copied or downloaded?): "
        "open it in Excel and save it again.",
    ),
    "file_not_sheet": (
        "{file} no es una planilla ({kind}): use un archivo .xlsx, .xls, .ods o .csv.",
        "{file} is not a spreadsheet ({kind}): use an .xlsx, .xls, .ods or .csv file.",
    ),
    "file_web_page": (
        "{file} es una página web o un XML con extensión de planilla: ábralo en Excel y guárdelo como .xlsx.",
        "{file} is a web page or XML file named like a spreadsheet: open it in Excel and save it as .xlsx.",
    ),
    "file_unreadable": (
        "No se pudo leer {file} como planilla ({detail}): ábralo en Excel y guárdelo como .xlsx.",
        "Could not read {file} as a spreadsheet ({detail}): open it in Excel and save it as .xlsx.",
    ),
    "binary_kind": ("archivo binario", "binary file"),
    "file_failed": (
        "No se pudo leer el archivo: ábralo en Excel, guárdelo de nuevo como .xlsx e intente otra vez.",
        "The file could not be read: open it in Excel, save it again as .xlsx and retry.",
    ),
    "file_no_data": ("{file} no tiene datos en ninguna hoja.", "{file} has no data on any sheet."),
    "csv_broken": (
        "{file} está mal formado cerca de la fila {row} ({detail}): guárdelo de nuevo desde Excel.",
        "{file} is malformed near row {row} ({detail}): save it again from Excel.",
    ),
    "sheet_missing": (
        "No existe la hoja «{sheet}» en {file}; hojas: {sheets}.",
        "There is no sheet “{sheet}” in {file}; sheets: {sheets}.",
    ),
    "sheet_empty": ("La hoja «{sheet}» está vacía.", "The sheet “{sheet}” is empty."),
    "headers_only": (
        "La hoja «{sheet}» solo tiene encabezados (fila {row}): no hay destinatarios debajo.",
        "The sheet “{sheet}” has only headers (row {row}): there are no recipients below them.",
    ),
    "column_missing": (
        "No hay una columna «{column}» en la hoja «{sheet}»; columnas: {columns}.",
        "There is no column “{column}” on the sheet “{sheet}”; columns: {columns}.",
    ),
    "no_phone_column": (
        "No se encontró la columna de celulares en la hoja «{sheet}»: indique cuál es (columnas: {columns}).",
        "No column of mobile numbers was found on the sheet “{sheet}”: choose one (columns: {columns}).",
    ),
    "no_email_column": (
        "No se encontró la columna de correos en la hoja «{sheet}»: indique cuál es (columnas: {columns}).",
        "No column of e-mail addresses was found on the sheet “{sheet}”: choose one (columns: {columns}).",
    ),
    "unknown_country": (
        "Código de país desconocido «{country}»: use dos letras, por ejemplo CL, CO o MX.",
        "Unknown country code “{country}”: use two letters, for example CL, CO or MX.",
    ),
    "column_name": ("Columna {letter}", "Column {letter}"),
    # --- a cell, as a merge field shows it ---------------------------------------------------------------
    "cell_true": ("VERDADERO", "TRUE"),
    "cell_false": ("FALSO", "FALSE"),
    # --- a row ------------------------------------------------------------------------------------------
    "phone_empty": ("Falta el número: la celda está vacía.", "The number is missing: the cell is empty."),
    "phone_not_number": ("«{value}» no es un número de teléfono.", "“{value}” is not a phone number."),
    "phone_is_date": (
        "La celda tiene una fecha ({value}), no un número: revise que la columna sea la de celulares.",
        "The cell holds a date ({value}), not a number: check that this is the column of mobile numbers.",
    ),
    "phone_decimals": (
        "«{value}» tiene decimales: no es un número de teléfono.",
        "“{value}” has decimals: it is not a phone number.",
    ),
    "phone_lost_digits": (
        "El número quedó en notación científica ({value}) y perdió dígitos: en Excel dé formato de texto "
        "a la columna y vuelva a exportar.",
        "The number was saved in scientific notation ({value}) and lost digits: format the column as text "
        "in Excel and export it again.",
    ),
    "phone_bad_country_code": (
        "El número empieza con un código de país que no existe.",
        "The number starts with a country code that does not exist.",
    ),
    "phone_too_short": (
        "Le faltan dígitos para ser un celular de {country} (regla: {rule}).",
        "It has too few digits for a mobile number of {country} (rule: {rule}).",
    ),
    "phone_too_long": (
        "Tiene dígitos de más para ser un celular de {country} (regla: {rule}).",
        "It has too many digits for a mobile number of {country} (rule: {rule}).",
    ),
    "phone_bad_length": (
        "No tiene un largo posible para un celular de {country} (regla: {rule}).",
        "Its length is not possible for a mobile number of {country} (rule: {rule}).",
    ),
    "phone_not_valid": (
        "No pertenece a ningún rango de numeración asignado en {country} (regla: válido).",
        "It belongs to no assigned number range of {country} (rule: valid).",
    ),
    "phone_not_mobile": (
        "Es un {kind}, no un celular: no recibe SMS.",
        "It is a {kind}, not a mobile number: it cannot receive SMS.",
    ),
    "phone_digits": (
        "El proveedor exige números de {digits} dígitos con el código de país; este tiene {count}.",
        "The provider requires numbers of {digits} digits with the country code; this one has {count}.",
    ),
    "phone_unlisted": (
        "Se enviará, pero su rango no figura en la numeración conocida de {country} (regla: posible).",
        "It will be sent, but its range is not in the known numbering plan of {country} (rule: possible).",
    ),
    "email_empty": (
        "Falta el correo: la celda está vacía.",
        "The e-mail address is missing: the cell is empty.",
    ),
    "email_no_at": (
        "«{value}» no tiene @: no es un correo.",
        "“{value}” has no @: it is not an e-mail address.",
    ),
    "email_many": (
        "La celda tiene más de una dirección: deje una por fila.",
        "The cell holds more than one address: leave one per row.",
    ),
    "email_no_domain": (
        "Al dominio le falta la terminación (.com, .cl, …).",
        "The domain lacks its ending (.com, .cl, …).",
    ),
    "email_invalid": ("La dirección de correo no es válida.", "The e-mail address is not valid ({detail})."),
    "duplicate": ("Repite el destinatario de la fila {row}.", "Repeats the recipient of row {row}."),
}

RULE_NAMES: dict[str, tuple[str, str]] = {"valid": ("válido", "valid"), "possible": ("posible", "possible")}
KINDS: dict[str, tuple[str, str]] = {
    "fixed_line": ("teléfono fijo", "fixed line"),
    "toll_free": ("número gratuito (800)", "toll-free number"),
    "premium_rate": ("número de tarificación adicional", "premium-rate number"),
    "shared_cost": ("número de costo compartido", "shared-cost number"),
    "voip": ("número de voz por Internet", "VoIP number"),
    "personal_number": ("número personal", "personal number"),
    "pager": ("buscapersonas", "pager"),
    "uan": ("número corporativo", "corporate number"),
    "voicemail": ("buzón de voz", "voicemail number"),
    "unknown": ("número de tipo desconocido", "number of unknown type"),
}


def text(message_id: str, lang: str | None = None, **params: object) -> str:
    """The sentence for `message_id` in `lang` ('es'/'en'; the user's language by default)."""
    if message_id == "suppressed":
        return reason_text("suppressed", lang=lang)
    params = dict(params)
    if "value" in params:
        params["value"] = _shorten(str(params["value"]))
    if "region" in params:
        params["country"] = country_name(str(params["region"]), lang)
    if "rule" in params:
        params["rule"] = word(RULE_NAMES, str(params["rule"]), lang)
    if message_id == "phone_not_mobile":
        kind = str(params.get("kind"))
        params["kind"] = word(KINDS, kind if kind in KINDS else "unknown", lang)
    return word(MESSAGES, message_id, lang, **params)


def _shorten(value: str, limit: int = 40) -> str:
    """A cell quoted in a sentence: long cells (up to 32,767 characters) are cut."""
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


# Importing phonenumbers' locale table costs ~2.5 s: the countries Masivo serves are named here.
COUNTRIES: dict[str, tuple[str, str]] = {
    "AR": ("Argentina", "Argentina"), "BO": ("Bolivia", "Bolivia"), "BR": ("Brasil", "Brazil"),
    "CL": ("Chile", "Chile"), "CO": ("Colombia", "Colombia"), "CR": ("Costa Rica", "Costa Rica"),
    "CU": ("Cuba", "Cuba"), "DO": ("República Dominicana", "Dominican Republic"),
    "EC": ("Ecuador", "Ecuador"),
    "ES": ("España", "Spain"), "GT": ("Guatemala", "Guatemala"), "HN": ("Honduras", "Honduras"),
    "MX": ("México", "Mexico"), "NI": ("Nicaragua", "Nicaragua"), "PA": ("Panamá", "Panama"),
    "PE": ("Perú", "Peru"), "PR": ("Puerto Rico", "Puerto Rico"), "PY": ("Paraguay", "Paraguay"),
    "SV": ("El Salvador", "El Salvador"), "US": ("Estados Unidos", "United States"),
    "UY": ("Uruguay", "Uruguay"), "VE": ("Venezuela", "Venezuela"), "CA": ("Canadá", "Canada"),
}  # fmt: skip


def country_name(region: str, lang: str | None = None) -> str:
    """'Chile' for 'CL' in the user's language; the code itself for a country not listed."""
    # Not phonenumbers' geodata: importing it costs seconds and 4 MB of every installer.
    return word(COUNTRIES, region, lang)
