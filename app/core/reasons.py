"""Plain-language reasons, in Spanish and English, for every problem a user can meet.

Adapters and the engine speak in reason ids (`Problem.reason`); this table is the one
place that words them, so the CLI, the report and the window say the same thing.
Each text says what happened and what to do. `{provider}` is the provider's name.
"""

from __future__ import annotations

import locale
import os

# id: (Spanish, English)
REASONS: dict[str, tuple[str, str]] = {
    "wrong_credentials": (
        "Usuario o clave incorrectos: revise las credenciales del proveedor {provider}.",
        "Wrong user or password: check the {provider} credentials.",
    ),
    "no_balance": (
        "Saldo insuficiente: recargue su cuenta en {provider} y reanude la campaña.",
        "Insufficient balance: top up your {provider} account and resume the campaign.",
    ),
    "account_blocked": (
        "La cuenta no tiene permitido este envío: contacte a su ejecutivo de {provider}.",
        "The account is not allowed to send this: contact your {provider} account manager.",
    ),
    "ip_not_allowed": (
        "{provider} no acepta envíos desde esta dirección IP: pida que la autoricen.",
        "{provider} does not accept requests from this IP address: ask them to allow it.",
    ),
    "message_quota": (
        "Se superó la cantidad de mensajes permitidos en {provider}: contacte al proveedor.",
        "The number of messages allowed by {provider} was exceeded: contact the provider.",
    ),
    "outside_window": (
        "Fuera del horario permitido por la CRC (08:00 a 21:00, hora de Colombia): "
        "la campaña espera y continúa sola cuando se abra el horario.",
        "Outside the hours allowed by the CRC (08:00 to 21:00, Colombia time): "
        "the campaign waits and continues by itself when the window opens.",
    ),
    "invalid_number": (
        "Número de destino inválido: corrija el número en la planilla.",
        "Invalid destination number: fix the number in the sheet.",
    ),
    "unknown_operator": (
        "El número no pertenece a ningún operador conocido: revise el número.",
        "The number belongs to no known carrier: check the number.",
    ),
    "number_blocklisted": (
        "El número está en la lista de bloqueo del proveedor (pidió no recibir mensajes).",
        "The number is on the provider's block list (it asked not to receive messages).",
    ),
    "content_rejected": (
        "Mensaje rechazado por su contenido (palabras reservadas): contacte a su ejecutivo de {provider}.",
        "Message rejected for its content (reserved words): contact your {provider} account manager.",
    ),
    "link_not_allowed": (
        "El mensaje contiene un enlace y la cuenta no tiene ese servicio: quite el enlace o pida activarlo.",
        "The message contains a link and the account lacks that service: remove it or ask to enable it.",
    ),
    "message_too_long": (
        "El mensaje supera el largo máximo que acepta {provider}: acórtelo.",
        "The message is longer than {provider} accepts: shorten it.",
    ),
    "missing_field": (
        "Falta un dato obligatorio en el envío (mensaje, número, asunto o remitente): complételo.",
        "A required field is missing (message, number, subject or sender): fill it in.",
    ),
    "invalid_sms_mode": (
        "Modo de envío SMS no válido: elija 1 vía, 2 vías o flash.",
        "Invalid SMS mode: choose one-way, two-way or flash.",
    ),
    "too_many_numbers": (
        "Demasiados números en una sola petición: reduzca el tamaño del lote.",
        "Too many numbers in one request: use a smaller batch size.",
    ),
    "maintenance": (
        "{provider} está en mantenimiento: se reintentará más tarde; no se cobró el mensaje.",
        "{provider} is under maintenance: it will be retried later; the message was not charged.",
    ),
    "provider_error": (
        "Error interno de {provider}: reintente más tarde o contacte al proveedor.",
        "{provider} reported an internal error: retry later or contact the provider.",
    ),
    "provider_unavailable": (
        "{provider} no está disponible en este momento: la campaña se pausó; reanúdela más tarde.",
        "{provider} is unavailable right now: the campaign was paused; resume it later.",
    ),
    "provider_unreachable": (
        "No se pudo conectar con {provider}: revise su conexión a Internet y la URL del proveedor.",
        "Could not connect to {provider}: check your Internet connection and the provider's URL.",
    ),
    "answer_lost": (
        "No llegó la respuesta de {provider}: el mensaje pudo o no haberse enviado. "
        "Queda como desconocido y no se reenvía solo; revíselo antes de reenviarlo.",
        "No answer came from {provider}: the message may or may not have been sent. "
        "It is marked unknown and is never re-sent by itself; check it before re-sending.",
    ),
    "maybe_sent": (
        "{provider} respondió con un error después de recibir el envío: el mensaje pudo o no haberse "
        "enviado. Queda como desconocido y no se reenvía solo; revíselo antes de reenviarlo.",
        "{provider} answered with an error after it received the request: the message may or may not "
        "have been sent. It is marked unknown and is never re-sent by itself; check it before re-sending.",
    ),
    "tls_failed": (
        "La conexión segura con {provider} falló (certificado no válido): revise la URL del proveedor.",
        "The secure connection to {provider} failed (invalid certificate): check the provider's URL.",
    ),
    "network_error": (
        "Error de red en {provider}: se reintentará más tarde.",
        "Network error at {provider}: it will be retried later.",
    ),
    "rate_limited": (
        "{provider} pidió bajar el ritmo de envío: se reintentará más despacio.",
        "{provider} asked to slow down: it will be retried more slowly.",
    ),
    "refused": (
        "{provider} rechazó la petición: vea el detalle y corrija el dato indicado.",
        "{provider} refused the request: see the detail and fix what it names.",
    ),
    "unexpected_answer": (
        "{provider} respondió algo inesperado: el resultado queda como desconocido; vea el registro.",
        "{provider} gave an unexpected answer: the result is marked unknown; see the log.",
    ),
    "not_found": (
        "{provider} no encuentra ese mensaje.",
        "{provider} cannot find that message.",
    ),
    "expired": ("El mensaje expiró sin ser entregado.", "The message expired undelivered."),
    "carrier_error": (
        "Error de comunicación con el operador móvil.",
        "Communication error with the mobile carrier.",
    ),
    "rejected_by_carrier": (
        "El operador móvil rechazó el mensaje.",
        "The mobile carrier rejected the message.",
    ),
    "destination_optout": (
        "El destinatario pidió no recibir mensajes (opt-out).",
        "The recipient opted out of messages.",
    ),
    "destination_limit": (
        "El destinatario alcanzó el límite de mensajes permitidos.",
        "The recipient reached its message limit.",
    ),
    "invalid_text": ("El texto del mensaje no es válido.", "The message text is not valid."),
    "no_keyring": (
        "No hay un almacén de claves del sistema disponible: la clave se guardará solo en memoria "
        "durante esta sesión y deberá ingresarla de nuevo la próxima vez.",
        "No system keyring is available: the secret is kept in memory for this session only "
        "and must be entered again next time.",
    ),
    "no_credentials": (
        "Faltan las credenciales de {provider}: ingréselas en la configuración del proveedor.",
        "The {provider} credentials are missing: enter them in the provider settings.",
    ),
    "plain_http": (
        "Atención: {provider} usa HTTP sin cifrar y su clave viaja sin protección por la red.",
        "Warning: {provider} uses unencrypted HTTP and your password crosses the network unprotected.",
    ),
    "suppressed": (
        "El destinatario está en la lista de exclusión (pidió no recibir mensajes).",
        "The recipient is on the suppression list (asked not to receive messages).",
    ),
    # --- the campaign engine ---
    "low_balance": (
        "El saldo de {provider} no alcanza para toda la campaña: se enviará hasta agotarlo y la campaña "
        "se pausará; recargue para completarla.",
        "The {provider} balance is not enough for the whole campaign: it will send until it runs out and "
        "pause; top up to complete it.",
    ),
    "paused_by_user": (
        "Campaña pausada: reanúdela cuando quiera; continúa donde quedó.",
        "Campaign paused: resume it whenever you like; it continues where it stopped.",
    ),
    "cancelled_by_user": (
        "Campaña cancelada: los destinatarios pendientes no recibirán el mensaje.",
        "Campaign cancelled: the pending recipients will not receive the message.",
    ),
    "scheduled": (
        "La campaña espera la hora programada: deje Masivo abierto hasta entonces.",
        "The campaign is waiting for its scheduled time: keep Masivo open until then.",
    ),
    "interrupted": (
        "El envío se interrumpió (cierre o caída de Masivo) justo cuando este mensaje salía: pudo o no "
        "haberse enviado. No se reenvía solo; revíselo antes de reenviarlo.",
        "Sending was interrupted (Masivo closed or crashed) just as this message left: it may or may not "
        "have been sent. It is never re-sent by itself; check it before re-sending.",
    ),
    "internal_error": (
        "Error interno de Masivo: la campaña se detuvo; vea el registro y reanúdela.",
        "Masivo hit an internal error: the campaign stopped; see the log and resume it.",
    ),
    "campaign_incomplete": (
        "La campaña no terminó de crearse (se interrumpió la lectura de la planilla): créela de nuevo.",
        "The campaign was never fully created (reading the sheet was interrupted): create it again.",
    ),
    "campaign_cancelled": (
        "La campaña fue cancelada y no se puede reanudar: reenvíe sus pendientes como una campaña nueva.",
        "The campaign was cancelled and cannot be resumed: re-send its pending rows as a new campaign.",
    ),
    # The team database (issue 12): one sender per campaign, and a database that can go away.
    "campaign_busy": (
        "Otra persona o ventana está enviando esta campaña: no se envió nada. Puede seguir su avance.",
        "Someone else (or another window) is sending this campaign: nothing was sent. You can watch it.",
    ),
    "lease_lost": (
        "Este equipo dejó de enviar la campaña (estuvo sin conexión o suspendido y otro equipo la "
        "retomó): no se envía nada más desde aquí.",
        "This computer stopped sending the campaign (it was offline or asleep and another one took it "
        "over): nothing more is sent from here.",
    ),
    "database_unavailable": (
        "Se perdió la conexión con la base de datos del equipo: la campaña se pausó. Reanúdela cuando "
        "vuelva la conexión; lo ya enviado queda registrado.",
        "The connection to the team database was lost: the campaign paused. Resume it when the "
        "connection is back; what was already sent is recorded.",
    ),
    # A read that failed (a connection test, a balance, a status look-up): nothing was sent, so
    # these never say "may or may not have been sent" nor "the campaign was paused".
    "url_not_found": (
        "No hay un servicio de {provider} en esa dirección (HTTP 404): revise la URL del proveedor.",
        "There is no {provider} service at that address (HTTP 404): check the provider's URL.",
    ),
    "access_denied": (
        "{provider} negó el acceso (HTTP 401/403): revise las credenciales y que la URL sea la de su cuenta.",
        "{provider} denied access (HTTP 401/403): check the credentials and that the URL is your account's.",
    ),
    "connect_timeout": (
        "{provider} no aceptó la conexión a tiempo: revise su conexión a Internet y la URL del proveedor.",
        "{provider} did not accept the connection in time: check your Internet connection and the URL.",
    ),
    "no_answer_in_time": (
        "{provider} no respondió a tiempo: puede estar lento o caído; intente de nuevo en unos minutos.",
        "{provider} did not answer in time: it may be slow or down; try again in a few minutes.",
    ),
    "connection_cut": (
        "La conexión con {provider} se cortó antes de su respuesta: intente de nuevo.",
        "The connection to {provider} was cut before it answered: try again.",
    ),
    "server_error": (
        "{provider} tuvo un error en su servidor: intente de nuevo más tarde.",
        "{provider} had an error on its server: try again later.",
    ),
    "unreadable_answer": (
        "{provider} respondió algo que Masivo no reconoce: revise la URL del proveedor.",
        "{provider} answered something Masivo does not recognise: check the provider's URL.",
    ),
    "refused_read": (
        "{provider} rechazó la consulta sin decir por qué: revise las credenciales y la URL.",
        "{provider} refused the request without saying why: check the credentials and the URL.",
    ),
}

# Reasons worded for a send, and the sentence a failed read gets instead (see `read_reason`).
_SEND_ONLY = {
    "answer_lost": "no_answer_in_time",
    "maybe_sent": "server_error",
    "provider_unavailable": "server_error",
    "unexpected_answer": "unreadable_answer",
}
_READ_CODES = {
    "http_404": "url_not_found",
    "http_401": "access_denied",
    "http_403": "access_denied",
    "connect_timeout": "connect_timeout",
    "read_timeout": "no_answer_in_time",
    "connection_dropped": "connection_cut",
}


def read_reason(code: str, reason: str, detail: str = "") -> str:
    """The reason to show for a failed read: by the transport's code first (a 404 is a wrong URL,
    whatever the adapter made of it), then the adapter's reason reworded when it speaks of a send."""
    if code in _READ_CODES:
        return _READ_CODES[code]
    if code.startswith("http_5"):
        return "server_error"
    if reason == "refused" and not detail:  # "see the detail" only when there is one
        return "refused_read"
    return _SEND_ONLY.get(reason, reason)


def read_text(code: str, reason: str, detail: str, provider: str = "", lang: str | None = None) -> str:
    """The sentence for a failed read, with the vendor's detail unless the sentence already says it all."""
    text = reason_text(read_reason(code, reason, detail), provider, lang)
    return f"{text} ({detail})" if detail and code not in _READ_CODES else text


def language() -> str:
    """'es' or 'en', following MASIVO_LANG, then the OS language; Spanish by default."""
    chosen = os.environ.get("MASIVO_LANG") or os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    if not chosen:
        chosen = locale.getlocale()[0] or ""
    return "en" if chosen.lower().startswith("en") else "es"


def reason_text(reason: str, provider: str = "", lang: str | None = None) -> str:
    """The sentence for a reason id; an unknown id is shown as itself rather than lost."""
    texts = REASONS.get(reason)
    if texts is None:
        return reason
    english = (lang or language()) == "en"
    text = texts[1] if english else texts[0]
    return text.replace("{provider}", provider or ("the provider" if english else "el proveedor"))
