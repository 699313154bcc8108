"""Plain-language reasons, in Spanish and English, for every problem a user can meet.

Adapters and the engine speak in reason ids (`Problem.reason`); this table is the one
place that words them, so the CLI, the report and the window say the same thing.
Each text says what happened and what to do. `{provider}` is the provider's name.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.wording import word

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
    "wavy_admin_user": (
        "Este usuario de {provider} es administrador: los administradores no envían mensajes, ni por el "
        "portal ni por la API. Use el UserName y el token de un usuario de una subcuenta.",
        "This {provider} user is an administrator: administrators cannot send messages, through the "
        "portal or the API. Use the UserName and token of a sub-account's user.",
    ),
    "traffic_not_allowed": (
        "{provider} no permite tráfico hacia este número (código 205, «Tráfico no permitido»).",
        "{provider} does not allow traffic to this number (code 205, “Tráfico no permitido”).",
    ),
    "status_not_pollable": (
        "{provider} aceptó el mensaje sin devolver su identificador: su estado de entrega no se puede "
        "consultar; véalo en el portal de {provider}.",
        "{provider} accepted the message without returning its id: its delivery status cannot be "
        "asked for; see it on the {provider} portal.",
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
    # --- e-mail through the business's own mail server (SMTP) ---
    "smtp_dns": (
        "No se encontró el servidor de correo: revise el nombre del servidor (por ejemplo smtp.gmail.com).",
        "The mail server was not found: check the server name (for example smtp.gmail.com).",
    ),
    "smtp_busy": (
        "El servidor de correo pidió esperar (respuesta temporal 4xx): se reintentará más tarde; "
        "el mensaje no fue aceptado.",
        "The mail server asked to wait (a temporary 4xx reply): it will be retried later; "
        "the message was not accepted.",
    ),
    "app_password_needed": (
        "El servidor pide una contraseña de aplicación: créela en la seguridad de su cuenta "
        "(Google o Microsoft) y úsela aquí en lugar de su clave habitual.",
        "The server asks for an app password: create one in your account's security settings "
        "(Google or Microsoft) and use it here instead of your usual password.",
    ),
    "smtp_auth_disabled": (
        "El envío autenticado por SMTP está desactivado para este buzón: pida al administrador "
        "de Microsoft 365 que active «SMTP autenticado» para esta cuenta.",
        "Authenticated SMTP is turned off for this mailbox: ask the Microsoft 365 administrator "
        "to enable 'Authenticated SMTP' for this account.",
    ),
    "smtp_no_auth": (
        "El servidor no ofrece iniciar sesión en esta conexión: elija STARTTLS o TLS en «Seguridad».",
        "The server offers no login on this connection: choose STARTTLS or TLS under 'Security'.",
    ),
    "smtp_no_starttls": (
        "El servidor no ofrece STARTTLS en este puerto: pruebe TLS en el puerto 465.",
        "The server offers no STARTTLS on this port: try TLS on port 465.",
    ),
    "sender_refused": (
        "El servidor no acepta enviar desde esa dirección de remitente: use la dirección de la "
        "cuenta o una autorizada en ella.",
        "The server does not accept that sender address: use the account's address or one authorized on it.",
    ),
    "recipient_refused": (
        "El servidor de correo rechazó este destinatario (vea el detalle): revise la dirección.",
        "The mail server refused this recipient (see the detail): check the address.",
    ),
    "message_refused": (
        "El servidor de correo rechazó este mensaje (vea el detalle).",
        "The mail server refused this message (see the detail).",
    ),
    "daily_quota": (
        "Se alcanzó el límite diario de envíos del servicio de correo: la campaña continúa sola mañana.",
        "The mail service's daily sending limit was reached: the campaign continues by itself tomorrow.",
    ),
    "smtp_plain": (
        "Sin cifrado, su usuario, su clave y cada mensaje viajan legibles por la red. Úselo solo "
        "con un servidor de su red local que no ofrezca TLS. ¿Continuar sin cifrar?",
        "Without encryption, your user, password and every message cross the network readable. "
        "Use it only with a server on your local network that offers no TLS. Go on unencrypted?",
    ),
    "no_sender": (
        "Falta la dirección del remitente: complétela en la configuración del proveedor.",
        "The sender address is missing: fill it in in the provider settings.",
    ),
    # --- the campaign engine ---
    "balance_unreadable": (
        "{provider} no informó el saldo (respondió -1 a la consulta de saldo, que no aplica a cuentas de "
        "administrador): el envío sigue y cada mensaje dirá si fue aceptado.",
        "{provider} did not report the balance (it answered -1 to the balance query, which does not apply "
        "to administrator accounts): sending goes on and each message says whether it was accepted.",
    ),
    "credentials_unconfirmed": (
        "{provider} respondió -1 a la consulta de saldo: el usuario o el token no son correctos, o la "
        "cuenta es de administrador (la consulta no aplica a ellas). Revíselos en la plataforma de "
        "{provider}; el primer envío lo confirmará.",
        "{provider} answered -1 to the balance query: the user or the token is wrong, or the account is "
        "an administrator one (the query does not apply to those). Check them on the {provider} "
        "platform; the first send will confirm it.",
    ),
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
    "busy_read": (
        "{provider} pidió esperar (respuesta temporal): intente de nuevo en unos minutos.",
        "{provider} asked to wait (a temporary answer): try again in a few minutes.",
    ),
    "refused_read": (
        "{provider} rechazó la consulta sin decir por qué: revise las credenciales y la URL.",
        "{provider} refused the request without saying why: check the credentials and the URL.",
    ),
    # Said once, above a sheet's rows, instead of on each row (issue 19).
    "country_not_served": (
        "{provider} envía solo a números de {countries}, y esta planilla se lee como {country}: "
        "elija {first_country} como país de la planilla, u otro proveedor. Los números de otros "
        "países no se envían.",
        "{provider} sends only to numbers of {countries}, and this sheet is read as {country}: "
        "choose {first_country} as the sheet's country, or another provider. Numbers of "
        "other countries are not sent.",
    ),
    "no_recipients": ("La planilla no tiene destinatarios.", "The sheet has no recipients."),
}

# Reasons worded for a send, and the sentence a failed read gets instead (see `read_reason`).
_SEND_ONLY = {
    "answer_lost": "no_answer_in_time",
    "maybe_sent": "server_error",
    "provider_unavailable": "server_error",
    "unexpected_answer": "unreadable_answer",
    "smtp_busy": "busy_read",  # a 4xx at login: nothing is retried after a connection test
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


# The countries a provider serves only (`Capabilities.countries`), as the notices name them.
COUNTRY_NAMES = {"CO": ("Colombia (+57)", "Colombia (+57)")}
# Who `{provider}` is when a sentence is worded without one.
ANY_PROVIDER = {"provider": ("el proveedor", "the provider")}


def served_countries(countries: Sequence[str], lang: str | None = None) -> str:
    """ "Colombia (+57)": the countries a provider sends to, for its notices."""
    return ", ".join(word(COUNTRY_NAMES, code, lang) for code in countries)


def country_notice(provider: str, countries: Sequence[str], country: str, lang: str | None = None) -> str:
    """One sentence when a sheet read as `country` goes to a provider that serves other countries only;
    "" when it does not apply."""
    if not countries or country.upper() in countries:
        return ""
    where = served_countries(countries, lang)
    first = where.split(" (")[0]
    fields = {"countries": where, "country": country.upper(), "first_country": first}
    return reason_text("country_not_served", provider, lang, **fields)


def reason_text(reason: str, provider: str = "", lang: str | None = None, **fields: object) -> str:
    """The sentence for a reason id; an unknown id is shown as itself rather than lost."""
    provider = provider or word(ANY_PROVIDER, "provider", lang)
    return word(REASONS, reason, lang, provider=provider, **fields)
