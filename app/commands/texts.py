"""What the command line says in its own words: id -> (Spanish, English), with `{named}` fields.

Worded with `app.core.wording.word(TEXTS, id, **fields)`; problems the core reports keep their
own catalogues (`REASONS`, the recipients' `MESSAGES`) and are worded through them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # --- the command line itself ---
    "not_a_port": (
        "«{text}» no es un puerto: use un número de 1 a 65535.",
        "“{text}” is not a port: use a number from 1 to 65535.",
    ),
    "interrupted": ("Interrumpido.", "Interrupted."),
    "unexpected_error": (
        "Error inesperado en «masivo {command}»; el detalle quedó en {log_file}",
        "Unexpected error in “masivo {command}”; the details are in {log_file}",
    ),
    # --- masivo credentials ---
    "no_credentials_needed": ("{name} no necesita credenciales.", "{name} needs no credentials."),
    "secret_empty": ("{label} vacío: no se guardó nada.", "{label} is empty: nothing was saved."),
    "credentials_saved": ("Credenciales de {name} guardadas.", "{name} credentials saved."),
    "unknown_field": (
        "Campo desconocido «{key}»: use CLAVE=VALOR con una de {names}.",
        "Unknown field “{key}”: use KEY=VALUE with one of {names}.",
    ),
    "invalid_field_value": (
        "Valor no válido para {key}: use uno de {options}.",
        "Invalid value for {key}: use one of {options}.",
    ),
    "credentials_deleted": ("Credenciales borradas.", "Credentials deleted."),
    "no_credentials_saved": ("No había credenciales guardadas.", "There were no saved credentials."),
    "connection_ok": ("Conexión con {name} correcta.", "Connected to {name}."),
    "smtp_plain_saved": (
        "Sin cifrado, su usuario, su clave y cada mensaje viajarán legibles por la red: úselo solo con "
        "un servidor de su red local que no ofrezca TLS (--field security=starttls o tls si lo ofrece).",
        "Without encryption, your user, password and every message will cross the network readable: use "
        "it only with a server on your local network that offers no TLS (--field security=starttls or "
        "tls if it does).",
    ),
    # --- masivo balance ---
    "balance_line": ("{name}: SMS {sms}, correo {email}", "{name}: SMS {sms}, e-mail {email}"),
    # --- what every command says about a campaign or a file ---
    "no_such_campaign": (
        "No existe la campaña «{ref}»: vea la lista con «masivo campaigns».",
        "There is no campaign “{ref}”: list them with “masivo campaigns”.",
    ),
    "status_completed": ("completada", "completed"),
    "status_paused": ("pausada", "paused"),
    "status_cancelled": ("cancelada", "cancelled"),
    "status_failed": ("detenida por un error", "stopped by an error"),
    "campaign_summary": (
        "Campaña {campaign} «{name}»: {status}. Enviados {sent}, fallidos {failed}, desconocidos "
        "{unknown}, omitidos {skipped}, pendientes {pending}.",
        "Campaign {campaign} “{name}”: {status}. Sent {sent}, failed {failed}, unknown {unknown}, "
        "skipped {skipped}, pending {pending}.",
    ),
    "to_continue": ("Para continuar: ", "To continue: "),
    "no_message_file": ("No existe el archivo {file}.", "There is no file {file}."),
    "message_file_unreadable": (
        "No se puede leer {file} como texto UTF-8 ({error}).",
        "Cannot read {file} as UTF-8 text ({error}).",
    ),
    # --- masivo providers ---
    "provider_line": (
        "{id:<10} {name:<32} {channels:<10} lote {bulk_size}",
        "{id:<10} {name:<32} {channels:<10} batch {bulk_size}",
    ),
    "provider_digits": (", {digits} dígitos", ", {digits} digits"),
    "provider_countries": (", solo números de {countries}", ", only numbers of {countries}"),
    "provider_sms_modes": (", modos SMS {modes}", ", SMS modes {modes}"),
    # --- a campaign running in the terminal ---
    "pausing_after_request": ("Pausando después del envío en curso…", "Pausing after the request in flight…"),
    "sending_interrupted": (
        "Envío interrumpido. Vea sus campañas con «masivo campaigns» y continúe con «masivo resume N».",
        "Sending interrupted. List your campaigns with “masivo campaigns”; continue with “masivo resume N”.",
    ),
    "sending_bar": ("Enviando", "Sending"),
    "continues_at": ("Continúa: {until}.", "Continues: {until}."),
    # --- a campaign another sender holds ---
    "campaign_sent_elsewhere": (
        "La campaña {campaign_id} la está enviando {user} en {machine} (proceso {pid}) desde {since}: no "
        "se envió nada. Siga su avance con «masivo status {campaign_id}».",
        "Campaign {campaign_id} is being sent by {user} on {machine} (process {pid}) since {since}: "
        "nothing was sent. Watch it with “masivo status {campaign_id}”.",
    ),
    # --- masivo send ---
    "no_terminal_to_confirm": (
        "Sin terminal no se puede confirmar: agregue --yes para enviar.",
        "There is no terminal to confirm on: add --yes to send.",
    ),
    "nothing_sent": ("No se envió nada.", "Nothing was sent."),
    "channel_not_sent": ("{name} no envía {channel}.", "{name} does not send {channel}."),
    "subject_missing": ("Falta el asunto del correo: use --subject.", "The e-mail needs --subject."),
    "sender_required": (
        "{name} exige el nombre y la dirección del remitente: use --sender-name y --sender-email.",
        "{name} requires the sender's name and address: use --sender-name and --sender-email.",
    ),
    "no_sms_modes": (
        "{name} no ofrece modos de envío SMS (--sms-mode).",
        "{name} offers no SMS modes (--sms-mode).",
    ),
    "batch_size_too_small": ("--batch-size debe ser 1 o más.", "--batch-size must be 1 or more."),
    "interval_negative": ("--interval no puede ser negativo.", "--interval cannot be negative."),
    "empty_message": ("El mensaje está vacío.", "The message is empty."),
    "invalid_date_time": (
        "Fecha y hora no válidas «{value}»: use AAAA-MM-DD HH:MM.",
        "Invalid date and time “{value}”: use YYYY-MM-DD HH:MM.",
    ),
    "reading_bar": ("Leyendo", "Reading"),
    "reading_cancelled": ("Lectura cancelada.", "Reading cancelled."),
    "over_limit_nothing_sent": (
        "{count} mensajes superan el límite de {name} ({limit}): filas {shown}. Acorte el mensaje (vea "
        "«masivo preview»); no se envió nada.",
        "{count} messages are over the {name} limit ({limit}): rows {shown}. Shorten the message (see "
        "“masivo preview”); nothing was sent.",
    ),
    "campaign_created": (
        "Campaña {campaign_id}: {valid} destinatarios válidos, {skipped} omitidos, {credits} créditos; "
        "tiempo estimado {duration}.",
        "Campaign {campaign_id}: {valid} valid recipients, {skipped} skipped, {credits} credits; "
        "estimated time {duration}.",
    ),
    "personalized_one_by_one": (
        "El mensaje es personalizado: se envía un número por petición (más lento).",
        "The message is personalized: it goes one number a request (slower).",
    ),
    "waits_for_schedule": (
        "La campaña espera la hora programada: deje esta ventana abierta hasta entonces.",
        "The campaign waits for its scheduled time: keep this window open until then.",
    ),
    "send_now": ("¿Enviar ahora? [s/N] ", "Send now? [y/N] "),
    # --- masivo resume ---
    "cannot_resume_cancelled": (
        "La campaña fue cancelada y no se puede reanudar.",
        "The campaign was cancelled and cannot be resumed.",
    ),
    "cannot_resume_incomplete": (
        "La campaña no terminó de crearse: créela de nuevo.",
        "The campaign was never fully created: create it again.",
    ),
    # --- masivo status ---
    "no_delivery_statuses": (
        "{name} no informa estados de entrega.",
        "{name} does not report delivery statuses.",
    ),
    # --- masivo check ---
    "check_interrupted": ("Revisión interrumpida.", "Check interrupted."),
    "check_counts": (
        "Filas: {rows}; válidas: {valid}, inválidas: {invalid}, duplicadas: {duplicates}, excluidas: "
        "{suppressed}.",
        "Rows: {rows}; valid: {valid}, invalid: {invalid}, duplicates: {duplicates}, suppressed: "
        "{suppressed}.",
    ),
    "check_unlisted_ranges": (
        "{notes} de las válidas están en rangos que la numeración conocida no lista (regla: posible): se "
        "enviarán.",
        "{notes} of the valid ones lie in ranges the known numbering plan does not list (rule: "
        "possible): they will be sent.",
    ),
    "check_more_rows": (
        "  … y {hidden} más (--json las lista todas).",
        "  … and {hidden} more (--json lists all).",
    ),
    "suppression_unreadable": (
        "Aviso: no se pudo leer la lista de exclusión ({error}).",
        "Warning: could not read the suppression list ({error}).",
    ),
    "check_header_row": ("encabezados en la fila {row}", "headers on row {row}"),
    "check_no_header_row": ("sin fila de encabezados", "no header row"),
    "check_where": (
        "hoja «{sheet}» ({header}, columna «{column}»)",
        "sheet «{sheet}» ({header}, column «{column}»)",
    ),
    "check_row_error": ("  Fila {row}, «{column}»: {reason}", "  Row {row}, «{column}»: {reason}"),
    "check_bar_rows": ("filas", "rows"),
    # --- masivo preview ---
    "length_varies": (
        "El mensaje tiene campos de combinación: su largo cambia con cada destinatario (use --recipients).",
        "The message has merge fields: its length changes per recipient (use --recipients).",
    ),
    "septets": ("septetos", "septets"),
    "utf16_units": ("unidades UTF-16", "UTF-16 units"),
    "message_counts": (
        "{characters} caracteres, {encoding} ({units} {unit}): {segments} segmento(s) de hasta {size}.",
        "{characters} characters, {encoding} ({units} {unit}): {segments} segment(s) of up to {size}.",
    ),
    "provider_limit": ("Límite de {name}: {limit} caracteres.", "{name} limit: {limit} characters."),
    "over_length_limit": (
        "Supera el límite de {name}: {max_length} caracteres por mensaje; acórtelo.",
        "Over the {name} limit of {max_length} characters a message: shorten it.",
    ),
    "over_segment_limit": (
        "Supera el límite de {name}: {max_segments} segmentos por mensaje (este tiene {segments}); acórtelo.",
        "Over the {name} limit of {max_segments} segments a message (this one has {segments}): shorten it.",
    ),
    "length_and_segments_limit": (
        "{max_length} caracteres, {max_segments} segmentos",
        "{max_length} characters, {max_segments} segments",
    ),
    "segments_limit": ("{max_segments} segmentos", "{max_segments} segments"),
    "and_more": (" y {more} más", " and {more} more"),
    "in_message_text": ("en el texto del mensaje ", "in the message text "),
    "ucs2_characters": (
        "Caracteres que obligan a UCS-2 (70 por segmento en vez de 160) {where}y su posición: {listed}.",
        "Characters that force UCS-2 (70 a segment instead of 160) {where}and their position: {listed}.",
    ),
    "converted_to": (
        "Convertido a {encoding} ({changes}): {before} → {after} segmento(s){without_fields}.",
        "Converted to {encoding} ({changes}): {before} → {after} segment(s){without_fields}.",
    ),
    "campaign_segments": (
        "{messages} mensajes, {total_segments} segmentos en total (= créditos). Segmentos por mensaje: "
        "{spread}.",
        "{messages} messages, {total_segments} segments in total (= credits). Segments a message: {spread}.",
    ),
    "ucs2_messages": (
        "{count} mensajes van en UCS-2 (70 caracteres por segmento): filas {rows}.",
        "{count} messages go as UCS-2 (70 characters a segment): rows {rows}.",
    ),
    "longest_message": (
        "El más largo: fila {longest_row}, {longest_characters} caracteres, {max_segments} segmento(s) "
        "como máximo.",
        "The longest: row {longest_row}, {longest_characters} characters; at most {max_segments} segment(s).",
    ),
    "over_limit_rows": (
        "{count} mensajes superan el límite de {name} ({limit}) y serían rechazados: filas {rows}.",
        "{count} messages are over the {name} limit ({limit}) and would be rejected: rows {rows}.",
    ),
    "empty_fields": (
        "Atención: campos vacíos ({columns}) en las filas {rows}.",
        "Warning: empty fields ({columns}) in rows {rows}.",
    ),
    "rows_not_sent": (
        "{skipped} filas no se enviarán (inválidas o repetidas): vea «masivo check».",
        "{skipped} rows will not be sent (invalid or repeated): see “masivo check”.",
    ),
    "without_fields": (" sin los campos", " without the fields"),
    # --- masivo report ---
    "report_needs_xlsx": (
        "El reporte se escribe como .xlsx: use --out ARCHIVO.xlsx.",
        "The report is written as .xlsx: use --out FILE.xlsx.",
    ),
    "report_written": ("Reporte de {rows} filas en {target}.", "Report of {rows} rows in {target}."),
    "report_target_is_folder": (
        "{target} es una carpeta: indique el archivo, por ejemplo --out {example}.",
        "{target} is a folder: name the file, for example --out {example}.",
    ),
    "report_no_permission": (
        "No hay permiso para escribir {target}: elija otra carpeta, o cierre el archivo si está abierto "
        "en Excel.",
        "No permission to write {target}: choose another folder, or close the file if Excel has it open.",
    ),
    "report_unwritable": ("No se pudo escribir {target} ({error}).", "Could not write {target} ({error})."),
    "report_file_name": ("reporte.xlsx", "report.xlsx"),
    # --- masivo replies ---
    "no_replies": ("No se han recibido respuestas.", "No replies received."),
    "reply_campaign_row": (
        "campaña {campaign_id}, fila {sheet_row}",
        "campaign {campaign_id}, row {sheet_row}",
    ),
    "opt_out_mark": ("  [BAJA]", "  [OPT-OUT]"),
    # --- masivo suppression ---
    "suppression_added": (
        "{value} agregado a la lista de exclusión.",
        "{value} added to the suppression list.",
    ),
    "suppression_removed": (
        "{value} quitado de la lista de exclusión.",
        "{value} removed from the suppression list.",
    ),
    "suppression_not_listed": ("{value} no estaba en la lista.", "{value} was not on the list."),
    "not_number_nor_email": (
        "«{raw}» no es un número de {region} ni un correo válido.",
        "“{raw}” is neither a {region} phone number nor a valid e-mail address.",
    ),
    # --- masivo db ---
    "schema_upgraded": (
        "Esquema {before} → {schema_version} ({applied} migraciones aplicadas).",
        "Schema {before} → {schema_version} ({applied} migrations applied).",
    ),
    "backup_copy": ("Copia de respaldo: {backup}", "Backup copy: {backup}"),
    "database_info": (
        "Base de datos: {name}, {location} (esquema {schema_version}).",
        "Database: {name}, {location} (schema {schema_version}).",
    ),
    "migrations_pending": (
        "Hay migraciones pendientes (hasta {latest}): masivo db upgrade",
        "Migrations are pending (up to {latest}): masivo db upgrade",
    ),
    # --- masivo email-check ---
    "not_an_email": (
        "«{sender}» no es una dirección de correo (ejemplo: ventas@empresa.cl).",
        "“{sender}” is not an e-mail address (example: sales@company.com).",
    ),
    "domain_with_service": ("{domain} con {service}:", "{domain} with {service}:"),
    "ready_to_send": ("Listo para enviar.", "Ready to send."),
    "fix_marked": ("Corrija lo marcado con ✘ antes de enviar.", "Fix what is marked ✘ before sending."),
    "invalid_nameserver_port": ("Puerto no válido en «{nameserver}».", "Invalid port in “{nameserver}”."),
    # --- masivo selftest ---
    "selftest_passed": ("todo en orden", "all checks passed"),
    "selftest_failed": ("fallaron {failed} de {total} revisiones", "{failed} of {total} checks failed"),
    # --- masivo webhooks ---
    "receiver_needs_keyring": (
        "No hay un almacén de claves del sistema (keyring) en este equipo, y el receptor guarda allí las "
        "claves secretas de sus URL: vea en docs/webhooks.md cómo usar uno en un servidor.",
        "This computer has no system keyring, where the receiver keeps the secret keys of its URLs: see "
        "docs/webhooks.md for how to use one on a server.",
    ),
    "unsubscribe_key_too_short": (
        "Clave vacía o demasiado corta: no se guardó.",
        "The key is empty or too short: nothing was stored.",
    ),
    "unsubscribe_key_stored": ("Clave de bajas guardada.", "Unsubscribe key stored."),
    "cannot_listen": (
        "No se pudo escuchar en {host}:{port} ({error}): ¿otro programa usa ese puerto? Elija otro con "
        "--port.",
        "Cannot listen on {host}:{port} ({error}): is another program using that port? Choose another "
        "with --port.",
    ),
    "receiver_stopped": (
        "Receptor detenido: {stored} eventos guardados.",
        "Receiver stopped: {stored} events stored.",
    ),
    "receiver_plain_http": (
        "Atención: el receptor habla HTTP sin cifrar; póngalo tras un proxy con TLS (docs/webhooks.md) "
        "en vez de exponerlo.",
        "Warning: the receiver speaks unencrypted HTTP; put it behind a TLS proxy (docs/webhooks.md) "
        "instead of exposing it.",
    ),
    "receiver_listening": (
        "Recibiendo en {url} (Ctrl+C para detener).",
        "Receiving on {url} (Ctrl+C to stop).",
    ),
    "not_a_web_address": (
        "«{base}» no es una dirección web: escriba la dirección pública del receptor, p. ej. "
        "https://masivo.miempresa.cl",
        "“{base}” is not a web address: give the receiver's public address, e.g. https://masivo.example.com",
    ),
    "webhook_url_plain_http": (
        "Atención: con http:// la clave secreta viaja sin cifrar; use https://.",
        "Warning: with http:// the secret key travels in clear; use https://.",
    ),
    "receiver_keys_renewed": (
        "Se crearon claves nuevas: las URL anteriores ya no funcionan. Reinicie el receptor, vea las URL "
        "nuevas con «masivo webhooks urls --base-url URL» y péguelas en la consola de cada proveedor.",
        "New keys were made: the old URLs no longer work. Restart the receiver, see the new URLs with "
        "“masivo webhooks urls --base-url URL” and paste them into each provider's console.",
    ),
}
