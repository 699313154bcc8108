<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Application</name>
    <message>
        <location filename="../../gui/application.py" line="54"/>
        <source>Masivo: unexpected error</source>
        <translation>Masivo: error inesperado</translation>
    </message>
    <message>
        <location filename="../../gui/application.py" line="55"/>
        <source>Something went wrong and Masivo could not finish what it was doing. Your campaigns are safe in the journal.

Details were written to:
{path}</source>
        <translation>Algo salió mal y Masivo no pudo terminar lo que estaba haciendo. Sus campañas están guardadas y a salvo.

Los detalles quedaron en:
{path}</translation>
    </message>
</context>
<context>
    <name>CampaignText</name>
    <message>
        <location filename="../../gui/campaign_text.py" line="21"/>
        <source>less than a second</source>
        <translation>menos de un segundo</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="26"/>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="28"/>
        <source>{m} min {s:02d} s</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="29"/>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="42"/>
        <source>Being created</source>
        <translation>En creación</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="43"/>
        <source>Ready, not sent</source>
        <translation>Lista, sin enviar</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="44"/>
        <location filename="../../gui/campaign_text.py" line="45"/>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="46"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="47"/>
        <source>Paused</source>
        <translation>Pausada</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="48"/>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="49"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="50"/>
        <source>Stopped by an error</source>
        <translation>Detenida por un error</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="51"/>
        <source>Interrupted</source>
        <translation>Interrumpida</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="60"/>
        <source>{provider} accepts messages at any hour.</source>
        <translation>{provider} acepta mensajes a cualquier hora.</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="63"/>
        <source>{provider} only sends between {start} and {end} ({zone}); outside those hours the campaign waits and continues by itself.</source>
        <translation>{provider} solo envía entre las {start} y las {end} ({zone}); fuera de ese horario la campaña espera y continúa sola.</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="73"/>
        <source>It is closed now: sending would start at {when}.</source>
        <translation>Ahora está fuera de horario: el envío comenzaría el {when}.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../gui/widgets/composer.py" line="68"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="69"/>
        <source>Sender name</source>
        <translation>Nombre del remitente</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="70"/>
        <source>Sender address</source>
        <translation>Correo del remitente</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="71"/>
        <source>sales@yourcompany.com</source>
        <translation>ventas@suempresa.com</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="72"/>
        <source>Edit as H&amp;TML</source>
        <translation>Editar como &amp;HTML</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="74"/>
        <source>Paste or write the HTML of an existing template: it is sent as it is.</source>
        <translation>Pegue o escriba el HTML de una plantilla existente: se envía tal cual.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="79"/>
        <source>S&amp;ubject:</source>
        <translation>As&amp;unto:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="80"/>
        <source>Sende&amp;r name:</source>
        <translation>Nombre del &amp;remitente:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="81"/>
        <source>Sender &amp;address:</source>
        <translation>C&amp;orreo del remitente:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="83"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="89"/>
        <source>Merge fields</source>
        <translation>Campos de combinación</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="91"/>
        <source>In&amp;sert field</source>
        <translation>&amp;Insertar campo</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="93"/>
        <source>Message length</source>
        <translation>Largo del mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="95"/>
        <source>Convert to GSM-7</source>
        <translation>Convertir a GSM-7</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="99"/>
        <source>Problems with the message</source>
        <translation>Problemas del mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="103"/>
        <source>Merge f&amp;ields:</source>
        <translation>&amp;Campos:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="107"/>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="212"/>
        <source>Write the message.</source>
        <translation>Escriba el mensaje.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="237"/>
        <source>Characters: {n}</source>
        <translation>Caracteres: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="241"/>
        <source>Characters: {chars} · Segments: {segments} · {encoding}</source>
        <translation>Caracteres: {chars} · Segmentos: {segments} · {encoding}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="246"/>
        <source>(because of {chars})</source>
        <translation>(por {chars})</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="250"/>
        <source>Limit: {n}</source>
        <translation>Límite: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="253"/>
        <source>TOO LONG: the provider rejects it</source>
        <translation>DEMASIADO LARGO: el proveedor lo rechaza</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="267"/>
        <source>&amp;Convert to GSM-7</source>
        <translation>&amp;Convertir a GSM-7</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/composer.py" line="269"/>
        <source>Convert to GSM-7: {before} → %Ln segment(s) per message</source>
        <translation>
            <numerusform>Convertir a GSM-7: {before} → %Ln segmento por mensaje</numerusform>
            <numerusform>Convertir a GSM-7: {before} → %Ln segmentos por mensaje</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="305"/>
        <source>Replaced: {pairs}. Ctrl+Z undoes it.</source>
        <translation>Reemplazos: {pairs}. Ctrl+Z los deshace.</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="37"/>
        <source>Send the campaign?</source>
        <translation>¿Enviar la campaña?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="41"/>
        <source>%Ln e-mail(s) will be sent with {provider}.</source>
        <translation>
            <numerusform>Se enviará %Ln correo con {provider}.</numerusform>
            <numerusform>Se enviarán %Ln correos con {provider}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="44"/>
        <source>%Ln SMS will be sent with {provider}, costing {credits}.</source>
        <translation>
            <numerusform>Se enviará %Ln SMS con {provider}, con un costo de {credits}.</numerusform>
            <numerusform>Se enviarán %Ln SMS con {provider}, con un costo de {credits}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="47"/>
        <source>Balance: %Ln credit(s).</source>
        <translation>
            <numerusform>Saldo: %Ln crédito.</numerusform>
            <numerusform>Saldo: %Ln créditos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="51"/>
        <source>It starts on {when}; keep Masivo open until then.</source>
        <translation>Comienza el {when}; deje Masivo abierto hasta entonces.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="53"/>
        <source>The provider delivers it on {when}.</source>
        <translation>El proveedor la entrega el {when}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="62"/>
        <source>&amp;Send %Ln message(s)</source>
        <translation>
            <numerusform>&amp;Enviar %Ln mensaje</numerusform>
            <numerusform>&amp;Enviar %Ln mensajes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="65"/>
        <source>Confirm and send</source>
        <translation>Confirmar y enviar</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="66"/>
        <source>&amp;Not yet</source>
        <translation>&amp;Todavía no</translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="139"/>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="145"/>
        <source>Campaign cost</source>
        <translation>Costo de la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="147"/>
        <source>Provider balance</source>
        <translation>Saldo del proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="158"/>
        <source>Counting the cost for every recipient…</source>
        <translation>Calculando el costo para cada destinatario…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="164"/>
        <source>Messages: {n} · Total credits (segments): {credits}</source>
        <translation>Mensajes: {n} · Créditos totales (segmentos): {credits}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="169"/>
        <source>{segments} segm.: {n}</source>
        <translation>{segments} segm.: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="173"/>
        <source>Distribution: {spread}</source>
        <translation>Distribución: {spread}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="175"/>
        <source>Longest message: row {row}, {chars}, %Ln segment(s)</source>
        <translation>
            <numerusform>Mensaje más largo: fila {row}, {chars}, %Ln segmento</numerusform>
            <numerusform>Mensaje más largo: fila {row}, {chars}, %Ln segmentos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="176"/>
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln carácter</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="198"/>
        <source>Converted to GSM-7 it would cost %Ln credit(s) instead of {before}.</source>
        <translation>
            <numerusform>Convertido a GSM-7 costaría %Ln crédito en vez de {before}.</numerusform>
            <numerusform>Convertido a GSM-7 costaría %Ln créditos en vez de {before}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="219"/>
        <source>Balance at {provider}: %Ln credit(s).</source>
        <translation>
            <numerusform>Saldo en {provider}: %Ln crédito.</numerusform>
            <numerusform>Saldo en {provider}: %Ln créditos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="222"/>
        <source>%Ln credit(s) missing: </source>
        <translation>
            <numerusform>Falta %Ln crédito: </numerusform>
            <numerusform>Faltan %Ln créditos: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="180"/>
        <source>Sent as UCS-2 (70 characters per segment): {n}</source>
        <translation>Enviados como UCS-2 (70 caracteres por segmento): {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="185"/>
        <source>Over the provider&apos;s limit of {limit} characters: {n} (rows {rows})</source>
        <translation>Sobre el límite del proveedor de {limit} caracteres: {n} (filas {rows})</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="192"/>
        <source>With an empty merge field: {n} (for example row {row}: {fields})</source>
        <translation>Con un campo de combinación vacío: {n} (por ejemplo, fila {row}: {fields})</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="206"/>
        <source>E-mails: {n} · Total credits: {n}</source>
        <translation>Correos: {n} · Créditos totales: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="225"/>
        <source>Enough for this campaign.</source>
        <translation>Alcanza para esta campaña.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../gui/guide.py" line="26"/>
        <source>Masivo user guide</source>
        <translation>Guía de Masivo</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="27"/>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Sent</source>
        <translation>Enviados</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Delivered</source>
        <translation>Entregados</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="68"/>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="68"/>
        <source>Unknown</source>
        <translation>Desconocidos</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="68"/>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../gui/pages/history.py" line="68"/>
        <source>Campaigns</source>
        <translation>Campañas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="81"/>
        <source>No campaigns yet.</source>
        <translation>Todavía no hay campañas.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="82"/>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="83"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="84"/>
        <source>Re-send &amp;unknown…</source>
        <translation>Reenviar &amp;desconocidos…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="85"/>
        <source>Re-&amp;send failed…</source>
        <translation>Reenviar &amp;fallidos…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="163"/>
        <source>Another campaign is sending</source>
        <translation>Otra campaña se está enviando</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="164"/>
        <source>Only one campaign sends at a time: wait for it to finish or pause it.</source>
        <translation>Solo se envía una campaña a la vez: espere a que termine o páusela.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="172"/>
        <source>{name} (re-send)</source>
        <translation>{name} (reenvío)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="198"/>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="224"/>
        <source>Resume the campaign?</source>
        <translation>¿Reanudar la campaña?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="225"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="225"/>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="77"/>
        <source>Import recipients</source>
        <translation>Importar destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="90"/>
        <source>Choose a sheet, or drag it here.</source>
        <translation>Elija una planilla o arrástrela aquí.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="92"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="93"/>
        <source>Choose file</source>
        <translation>Elegir archivo</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="96"/>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="99"/>
        <source>No header row</source>
        <translation>Sin fila de encabezados</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="100"/>
        <source>Header row</source>
        <translation>Fila de encabezados</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="103"/>
        <source>Address column</source>
        <translation>Columna de direcciones</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="108"/>
        <source>First rows of the sheet</source>
        <translation>Primeras filas de la hoja</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="111"/>
        <source>Problem with the file</source>
        <translation>Problema con el archivo</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="114"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="125"/>
        <source>&amp;Phone column:</source>
        <translation>Columna de &amp;teléfonos:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="125"/>
        <source>&amp;E-mail column:</source>
        <translation>Columna de &amp;correos:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="127"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Hoja:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="128"/>
        <source>&amp;Header row:</source>
        <translation>&amp;Fila de encabezados:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="135"/>
        <source>First rows:</source>
        <translation>Primeras filas:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="143"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Planillas ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="144"/>
        <source>Choose the recipients sheet</source>
        <translation>Elija la planilla de destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="191"/>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="218"/>
        <source>Choose the column that holds the addresses.</source>
        <translation>Elija la columna que tiene las direcciones.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../gui/pages/inbox.py" line="38"/>
        <location filename="../../gui/pages/inbox.py" line="175"/>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="72"/>
        <source>When someone answers one of your SMS, the provider can pass the answer on to Masivo: it appears here, beside the campaign and the sheet row it answers. Whoever answers only with a word like STOP or BAJA goes on the suppression list and gets no more messages. For this, Masivo keeps a small receiver running while it is open, and your provider must be told its address once (the technical set-up, for whoever manages your network, is in docs/webhooks.md).</source>
        <translation>Cuando alguien responde uno de sus SMS, el proveedor puede hacerle llegar la respuesta a Masivo: aparece aquí, junto a la campaña y la fila de la planilla que responde. Quien responda solo con una palabra como BAJA o STOP pasa a la lista de exclusión y no recibe más mensajes. Para esto, Masivo mantiene un pequeño receptor mientras está abierto, y hay que indicarle su dirección al proveedor una vez (la configuración técnica, para quien administre su red, está en docs/webhooks.md).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="83"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/inbox.py" line="130"/>
        <source>%Ln reply(ies); opted out: {opt_outs}.</source>
        <translation>
            <numerusform>%Ln respuesta; pidieron la baja: {opt_outs}.</numerusform>
            <numerusform>%Ln respuestas; pidieron la baja: {opt_outs}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="137"/>
        <source>Receiving replies and delivery updates on port {port} while this window is open.</source>
        <translation>Recibiendo respuestas y estados de entrega en el puerto {port} mientras esta ventana esté abierta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="140"/>
        <source>The receiver could not run ({problem}): another program may be using port {port}.</source>
        <translation>El receptor no pudo funcionar ({problem}): quizá otro programa usa el puerto {port}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="145"/>
        <source>This window is not receiving replies. Replies received by the server&apos;s receiver appear here; to set one up, see “masivo webhooks urls” in docs/webhooks.md.</source>
        <translation>Esta ventana no está recibiendo respuestas. Aquí aparecen las que recibe el receptor del servidor; para instalar uno, vea «masivo webhooks urls» en docs/webhooks.md.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="153"/>
        <source>Export replies</source>
        <translation>Exportar respuestas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="154"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/inbox.py" line="167"/>
        <source>%Ln reply(ies) saved in {path}.</source>
        <translation>
            <numerusform>Se guardó %Ln respuesta en {path}.</numerusform>
            <numerusform>Se guardaron %Ln respuestas en {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="168"/>
        <source>Replies saved</source>
        <translation>Respuestas guardadas</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="291"/>
        <source>The journal cannot be opened</source>
        <translation>No se puede abrir el registro de campañas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="277"/>
        <source>{problem}

Masivo will keep this session&apos;s campaigns on this computer.</source>
        <translation>{problem}

Masivo guardará las campañas de esta sesión en este computador.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278"/>
        <source>Team database unavailable</source>
        <translation>Base de datos del equipo no disponible</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>Campaign steps</source>
        <translation>Pasos de la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="186"/>
        <source>1. Provider</source>
        <translation>1. Proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="187"/>
        <source>2. Recipients</source>
        <translation>2. Destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>3. Message</source>
        <translation>3. Mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189"/>
        <source>4. Review and send</source>
        <translation>4. Revisar y enviar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>5. Tracking</source>
        <translation>5. Seguimiento</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="191"/>
        <source>Campaign history</source>
        <translation>Historial</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="192"/>
        <source>Replies</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193"/>
        <source>Suppression list</source>
        <translation>Lista de exclusión</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200"/>
        <source>Who sends your messages: choose the provider and check that its credentials work.</source>
        <translation>Quién envía sus mensajes: elija el proveedor y compruebe que sus credenciales funcionan.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201"/>
        <source>Who receives them: open the Excel sheet; every row is checked.</source>
        <translation>Quién los recibe: abra la planilla de Excel; se revisa cada fila.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>What they receive: write it once; merge fields make it personal.</source>
        <translation>Qué reciben: escríbalo una vez; los campos lo hacen personal.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="203"/>
        <source>Check the name, the count and the cost, try a test message, then send.</source>
        <translation>Revise el nombre, la cantidad y el costo, pruebe con un mensaje de prueba y envíe.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="204"/>
        <source>The campaign as it goes: sent, delivered, failed, live.</source>
        <translation>La campaña en curso: enviados, entregados y fallidos, en vivo.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="205"/>
        <source>Every campaign sent from this computer or your team.</source>
        <translation>Todas las campañas enviadas desde este computador o por su equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="206"/>
        <source>Answers to your messages, and who asked not to get more.</source>
        <translation>Las respuestas a sus mensajes, y quién pidió no recibir más.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>Numbers and addresses that never receive anything.</source>
        <translation>Números y direcciones que nunca reciben nada.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="209"/>
        <source>← &amp;Back</source>
        <translation>← A&amp;trás</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="210"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="211"/>
        <source>&amp;Next →</source>
        <translation>&amp;Siguiente →</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="212"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="384"/>
        <source>Open sheet</source>
        <translation>Abrir planilla</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="385"/>
        <source>First choose the provider and enter its credentials (step 1).</source>
        <translation>Primero elija el proveedor e ingrese sus credenciales (paso 1).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="438"/>
        <source>A campaign is sending. Masivo will pause it after the messages in flight; next time you open Masivo it offers to resume it where it stopped.</source>
        <translation>Hay una campaña enviándose. Masivo la pausará después de los mensajes en curso; la próxima vez que abra Masivo le ofrecerá reanudarla donde quedó.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="443"/>
        <source>A campaign is waiting to send (its start time or the provider&apos;s sending hours). Masivo will pause it; next time you open Masivo it offers to resume it.</source>
        <translation>Una campaña espera para enviar (su hora de inicio o el horario del proveedor). Masivo la pausará; la próxima vez que abra Masivo le ofrecerá reanudarla.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446"/>
        <source>&amp;Pause and close</source>
        <translation>&amp;Pausar y cerrar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446"/>
        <source>&amp;Keep sending</source>
        <translation>&amp;Seguir enviando</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="448"/>
        <source>Close Masivo?</source>
        <translation>¿Cerrar Masivo?</translation>
    </message>
</context>
<context>
    <name>MessageHighlighter</name>
    <message>
        <location filename="../../gui/widgets/highlighter.py" line="27"/>
        <source>Not in the GSM alphabet: the whole SMS is sent as UCS-2</source>
        <translation>No está en el alfabeto GSM: todo el SMS se envía como UCS-2</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <location filename="../../gui/pages/message.py" line="49"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="145"/>
        <source>No valid recipient yet: import a sheet in the previous step.</source>
        <translation>Todavía no hay destinatarios válidos: importe una planilla en el paso anterior.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="149"/>
        <source>Row {row} · {address}</source>
        <translation>Fila {row} · {address}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="218"/>
        <source>{name} does not report a balance.</source>
        <translation>{name} no informa el saldo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="233"/>
        <source>Asking {name} for the balance…</source>
        <translation>Consultando el saldo a {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="240"/>
        <source>Balance unknown.</source>
        <translation>Saldo desconocido.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="252"/>
        <source>The balance could not be read: {reason}</source>
        <translation>No se pudo leer el saldo: {reason}</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="146"/>
        <source>Provider id</source>
        <translation>ID del proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="146"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <location filename="../../gui/pages/provider.py" line="210"/>
        <source>Reading the saved credentials…</source>
        <translation>Leyendo las credenciales guardadas…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="58"/>
        <location filename="../../gui/pages/provider.py" line="75"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="83"/>
        <source>&amp;SMS</source>
        <translation>S&amp;MS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="84"/>
        <source>&amp;E-mail</source>
        <translation>Correo &amp;electrónico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="94"/>
        <source>&amp;Provider:</source>
        <translation>&amp;Proveedor:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="96"/>
        <source>Send by:</source>
        <translation>Enviar por:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="98"/>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="101"/>
        <source>&amp;Test connection</source>
        <translation>Probar co&amp;nexión</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="103"/>
        <source>&amp;Cancel test</source>
        <translation>&amp;Cancelar prueba</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="106"/>
        <source>Forget c&amp;redentials</source>
        <translation>&amp;Olvidar credenciales</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="109"/>
        <source>Connection status</source>
        <translation>Estado de la conexión</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="117"/>
        <source>Advanced options</source>
        <translation>Opciones avanzadas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="119"/>
        <source>A&amp;dvanced options</source>
        <translation>Opciones avanza&amp;das</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="120"/>
        <source>Provider base URL</source>
        <translation>URL base del proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="125"/>
        <source>Base UR&amp;L:</source>
        <translation>URL &amp;base:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="126"/>
        <source>Leave empty to use the provider&apos;s own address.</source>
        <translation>Déjela vacía para usar la dirección propia del proveedor.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="141"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="143"/>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="144"/>
        <source>Sends {channels}</source>
        <translation>Envía {channels}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="144"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="145"/>
        <source>shows the balance</source>
        <translation>muestra el saldo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="145"/>
        <source>no balance query</source>
        <translation>sin consulta de saldo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="146"/>
        <source>reports delivery</source>
        <translation>informa la entrega</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="146"/>
        <source>no delivery reports</source>
        <translation>sin informes de entrega</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="148"/>
        <source>up to {n} characters per SMS</source>
        <translation>hasta {n} caracteres por SMS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="196"/>
        <source>{name} needs no credentials: it simulates sending, nothing leaves this computer.</source>
        <translation>{name} no necesita credenciales: simula el envío y nada sale de este computador.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="298"/>
        <source>No keyring</source>
        <translation>Sin almacén de claves</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="304"/>
        <source>Forget the {name} credentials stored on this computer?</source>
        <translation>¿Olvidar las credenciales de {name} guardadas en este computador?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="305"/>
        <source>Forget credentials</source>
        <translation>Olvidar credenciales</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="305"/>
        <source>Forget</source>
        <translation>Olvidar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="310"/>
        <source>Credentials forgotten.</source>
        <translation>Credenciales olvidadas.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="330"/>
        <source>Connecting to {name}…</source>
        <translation>Conectando con {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="353"/>
        <source>Connection test cancelled.</source>
        <translation>Prueba de conexión cancelada.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="359"/>
        <source>Connection works. {balance}</source>
        <translation>La conexión funciona. {balance}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="365"/>
        <source>{n} SMS</source>
        <translation>{n} SMS</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/provider.py" line="367"/>
        <source>%Ln e-mail(s)</source>
        <translation>
            <numerusform>%Ln correo</numerusform>
            <numerusform>%Ln correos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="369"/>
        <source>This provider does not report a balance.</source>
        <translation>Este proveedor no informa el saldo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="370"/>
        <source>Balance: {parts}.</source>
        <translation>Saldo: {parts}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="378"/>
        <source>The connection failed: {reason}</source>
        <translation>La conexión falló: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="221"/>
        <source>(the service&apos;s)</source>
        <translation>(la del servicio)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="245"/>
        <source>Unencrypted connection</source>
        <translation>Conexión sin cifrar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="151"/>
        <source>only to numbers of {countries}</source>
        <translation>solo a números de {countries}</translation>
    </message>
</context>
<context>
    <name>ProviderSource</name>
    <message>
        <location filename="../../gui/provider_source.py" line="77"/>
        <source>Masivo could not finish this because of an unexpected error. Your campaigns are safe in the journal. Details were written to the log in {folder}.</source>
        <translation>Masivo no pudo terminar esto por un error inesperado. Sus campañas están guardadas y a salvo. Los detalles quedaron en el registro, en {folder}.</translation>
    </message>
</context>
<context>
    <name>RecipientPreview</name>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="57"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="58"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ A&amp;nterior</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="59"/>
        <source>Previous recipient</source>
        <translation>Destinatario anterior</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="60"/>
        <source>Ne&amp;xt ▶</source>
        <translation>Sigui&amp;ente ▶</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="61"/>
        <source>Next recipient</source>
        <translation>Destinatario siguiente</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="62"/>
        <source>Recipient number</source>
        <translation>Número de destinatario</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="65"/>
        <source>Recipient shown</source>
        <translation>Destinatario mostrado</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="67"/>
        <source>Subject for this recipient</source>
        <translation>Asunto para este destinatario</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="68"/>
        <source>Message for this recipient</source>
        <translation>Mensaje para este destinatario</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="69"/>
        <source>E-mail for this recipient</source>
        <translation>Correo para este destinatario</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="71"/>
        <location filename="../../gui/widgets/message_preview.py" line="75"/>
        <source>Plain-text version</source>
        <translation>Versión en texto simple</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="74"/>
        <source>As sent</source>
        <translation>Tal como se envía</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="79"/>
        <source>Empty merge fields</source>
        <translation>Campos de combinación vacíos</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="87"/>
        <source>Recipient n&amp;o.:</source>
        <translation>&amp;Destinatario n.º:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="102"/>
        <source>of {n}</source>
        <translation>de {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="119"/>
        <source>Subject: {subject}</source>
        <translation>Asunto: {subject}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="131"/>
        <source>Empty for this recipient: {fields}</source>
        <translation>Vacíos para este destinatario: {fields}</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="48"/>
        <source>Valid</source>
        <translation>Válido</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="49"/>
        <source>Invalid</source>
        <translation>Inválido</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="50"/>
        <source>Duplicate</source>
        <translation>Duplicado</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="51"/>
        <source>Suppressed</source>
        <translation>Excluido</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <location filename="../../gui/pages/recipients.py" line="51"/>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="136"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Planillas ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="138"/>
        <source>Choose the recipients sheet</source>
        <translation>Elija la planilla de destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="199"/>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="218"/>
        <source>{file} · sheet «{sheet}» · addresses in column «{column}»</source>
        <translation>{file} · hoja «{sheet}» · direcciones en la columna «{column}»</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="272"/>
        <source>Import cancelled: no recipient was loaded.</source>
        <translation>Importación cancelada: no se cargó ningún destinatario.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="277"/>
        <source>The sheet could not be imported</source>
        <translation>No se pudo importar la planilla</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="297"/>
        <source>{name}-rejected.xlsx</source>
        <translation>{name}-rechazadas.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="298"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="299"/>
        <source>Export rejected rows</source>
        <translation>Exportar filas rechazadas</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/recipients.py" line="317"/>
        <source>%Ln rejected row(s) saved to {path}. Fix them there and import that sheet.</source>
        <translation>
            <numerusform>Se guardó %Ln fila rechazada en {path}. Corríjala ahí e importe esa planilla.</numerusform>
            <numerusform>Se guardaron %Ln filas rechazadas en {path}. Corríjalas ahí e importe esa planilla.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="319"/>
        <source>Rejected rows exported</source>
        <translation>Filas rechazadas exportadas</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="323"/>
        <source>Could not write {path}: it may be open in another program. Close it, or choose another name, and try again.</source>
        <translation>No se pudo escribir {path}: puede estar abierto en otro programa. Ciérrelo o elija otro nombre, e intente de nuevo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="326"/>
        <source>Export failed</source>
        <translation>No se pudo exportar</translation>
    </message>
</context>
<context>
    <name>RecipientsPanel</name>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="40"/>
        <source>Country of the numbers</source>
        <translation>País de los números</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="44"/>
        <source>&amp;Open sheet…</source>
        <translation>A&amp;brir planilla…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="44"/>
        <source>Open sheet</source>
        <translation>Abrir planilla</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="46"/>
        <source>Use the &amp;sample sheet</source>
        <translation>Usar la planilla de &amp;ejemplo</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="49"/>
        <source>Imported sheet</source>
        <translation>Planilla importada</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="51"/>
        <source>Import progress</source>
        <translation>Avance de la importación</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="52"/>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancelar importación</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="53"/>
        <source>&amp;Export rejected rows…</source>
        <translation>E&amp;xportar filas rechazadas…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="56"/>
        <source>All: {n}</source>
        <translation>Todas: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="56"/>
        <source>Show every row</source>
        <translation>Mostrar todas las filas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="57"/>
        <source>Valid: {n}</source>
        <translation>Válidas: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="57"/>
        <source>Show valid rows</source>
        <translation>Mostrar las filas válidas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="58"/>
        <source>Invalid: {n}</source>
        <translation>Inválidas: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="58"/>
        <source>Show invalid rows</source>
        <translation>Mostrar las filas inválidas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="59"/>
        <source>Duplicates: {n}</source>
        <translation>Duplicadas: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="59"/>
        <source>Show duplicate rows</source>
        <translation>Mostrar las filas duplicadas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="60"/>
        <source>Suppressed: {n}</source>
        <translation>Excluidas: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="60"/>
        <source>Show suppressed rows</source>
        <translation>Mostrar las filas excluidas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="69"/>
        <source>Recipients</source>
        <translation>Destinatarios</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="79"/>
        <source>Countr&amp;y of the numbers:</source>
        <translation>&amp;País de los números:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="124"/>
        <source>Open an Excel, LibreOffice or CSV sheet with one recipient per row, or drag it here.</source>
        <translation>Abra una planilla de Excel, LibreOffice o CSV con un destinatario por fila, o arrástrela aquí.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="126"/>
        <source>New here? Try the sample sheet: the Demo provider sends nothing for real.</source>
        <translation>¿Primera vez? Pruebe con la planilla de ejemplo: el proveedor Demo no envía nada de verdad.</translation>
    </message>
</context>
<context>
    <name>RepliesModel</name>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>Provider</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>Opt-out</source>
        <translation>Baja</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="73"/>
        <source>Opted out</source>
        <translation>Pidió la baja</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <location filename="../../gui/pages/review_form.py" line="37"/>
        <source>Up to {size} messages per request</source>
        <translation>Hasta {size} mensajes por solicitud</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="39"/>
        <source>One message per request</source>
        <translation>Un mensaje por solicitud</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="41"/>
        <source>, one request every {seconds} s.</source>
        <translation>, una solicitud cada {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="42"/>
        <source>, with no wait between requests.</source>
        <translation>, sin espera entre solicitudes.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="56"/>
        <source>Campaign name</source>
        <translation>Nombre de la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="62"/>
        <source>Message of the first recipient</source>
        <translation>Mensaje del primer destinatario</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="67"/>
        <source>S&amp;chedule the start for</source>
        <translation>Programar el &amp;inicio para</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="69"/>
        <source>Start date and time</source>
        <translation>Fecha y hora de inicio</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="76"/>
        <source>Your number or address for a test</source>
        <translation>Su número o dirección para una prueba</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="78"/>
        <source>Send a &amp;test</source>
        <translation>Enviar &amp;prueba</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="82"/>
        <source>Preparing the campaign</source>
        <translation>Preparando la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="85"/>
        <source>&amp;Send…</source>
        <translation>&amp;Enviar…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="85"/>
        <source>Send the campaign</source>
        <translation>Enviar la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="93"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="94"/>
        <source>Provider:</source>
        <translation>Proveedor:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="95"/>
        <source>List:</source>
        <translation>Lista:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="96"/>
        <source>Recipients:</source>
        <translation>Destinatarios:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="97"/>
        <source>Cost:</source>
        <translation>Costo:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="98"/>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="106"/>
        <source>Pace:</source>
        <translation>Ritmo:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="107"/>
        <source>Estimated time:</source>
        <translation>Tiempo estimado:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="108"/>
        <source>Sending hours:</source>
        <translation>Horario de envío:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="124"/>
        <source>Campaign</source>
        <translation>Campaña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="125"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="126"/>
        <source>Pace and schedule</source>
        <translation>Ritmo y programación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="127"/>
        <source>Test message</source>
        <translation>Mensaje de prueba</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="145"/>
        <source>(named after the sheet and today&apos;s date)</source>
        <translation>(con el nombre de la planilla y la fecha de hoy)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="150"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="150"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="155"/>
        <source>+56 9 1234 5678</source>
        <translation>+56 9 1234 5678</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="157"/>
        <source>you@example.com</source>
        <translation>su.correo@ejemplo.com</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="169"/>
        <source>Preparing the campaign: composing every message…</source>
        <translation>Preparando la campaña: redactando cada mensaje…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="183"/>
        <source>Row {row}, to {address}:</source>
        <translation>Fila {row}, para {address}:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="185"/>
        <source>Subject: {subject}

</source>
        <translation>Asunto: {subject}

</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="189"/>
        <source>No row has a valid recipient.</source>
        <translation>Ninguna fila tiene un destinatario válido.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="192"/>
        <source> The message is personalized: it goes one number per request (slower).</source>
        <translation> El mensaje es personalizado: va un número por solicitud (más lento).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="196"/>
        <source>Ready to send.</source>
        <translation>Lista para enviar.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="210"/>
        <source>Sending starts as soon as you confirm.</source>
        <translation>El envío comienza apenas confirme.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="213"/>
        <source>The provider holds the messages until then: you may close Masivo.</source>
        <translation>El proveedor retiene los mensajes hasta entonces: puede cerrar Masivo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="216"/>
        <source>Masivo waits until then and must stay open.</source>
        <translation>Masivo espera hasta entonces y debe quedar abierto.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="99"/>
        <source>Sender domain:</source>
        <translation>Dominio del remitente:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gui/pages/review.py" line="117"/>
        <source>This list and this message were already sent as “{name}”. To send them again, give the campaign a new name.</source>
        <translation>Esta lista y este mensaje ya se enviaron como «{name}». Para enviarlos de nuevo, dé a la campaña un nombre nuevo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="151"/>
        <source>Choose a recipients sheet first (step Recipients).</source>
        <translation>Primero elija una planilla de destinatarios (paso Destinatarios).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="193"/>
        <source>There is already a campaign named “{name}”: choose another name.</source>
        <translation>Ya hay una campaña llamada «{name}»: elija otro nombre.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="202"/>
        <source>The campaign cannot be prepared</source>
        <translation>No se puede preparar la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="222"/>
        <source>Asking {provider} for the balance…</source>
        <translation>Consultando el saldo a {provider}…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="233"/>
        <source>The balance could not be read: {why}</source>
        <translation>No se pudo leer el saldo: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="238"/>
        <source>{provider} does not report a balance.</source>
        <translation>{provider} no informa el saldo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="302"/>
        <source>Wait until the campaign is prepared.</source>
        <translation>Espere a que la campaña esté preparada.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="306"/>
        <source>Type your own e-mail address.</source>
        <translation>Escriba su propia dirección de correo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="307"/>
        <source>Type your own mobile number, e.g. +56 9 1234 5678.</source>
        <translation>Escriba su propio número de celular, p. ej. +56 9 1234 5678.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="321"/>
        <source>Sending the test message…</source>
        <translation>Enviando el mensaje de prueba…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="329"/>
        <source>{provider} accepted the test message (id {id}).</source>
        <translation>{provider} aceptó el mensaje de prueba (ID {id}).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="350"/>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="351"/>
        <source>The scheduled time has already passed: choose a later time or send now.</source>
        <translation>La hora programada ya pasó: elija una hora posterior o envíe ahora.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="369"/>
        <source>Nothing to send</source>
        <translation>Nada que enviar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="371"/>
        <source>No row of the sheet has a valid recipient: check the address column in step Recipients.</source>
        <translation>Ninguna fila de la planilla tiene un destinatario válido: revise la columna de direcciones en el paso Destinatarios.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="378"/>
        <source>The message is too long</source>
        <translation>El mensaje es demasiado largo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="428"/>
        <source>Another campaign is sending</source>
        <translation>Otra campaña se está enviando</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="429"/>
        <source>Only one campaign sends at a time: wait for it to finish or pause it in Tracking.</source>
        <translation>Solo se envía una campaña a la vez: espere a que termine o páusela en Seguimiento.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="264"/>
        <source>Checking the sender domain&apos;s DNS…</source>
        <translation>Revisando el DNS del dominio del remitente…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/review.py" line="243"/>
        <source>%Ln credit(s) available.</source>
        <translation>
            <numerusform>%Ln crédito disponible.</numerusform>
            <numerusform>%Ln créditos disponibles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="272"/>
        <source>{provider} checks its senders itself.</source>
        <translation>{provider} revisa a sus remitentes por su cuenta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="291"/>
        <source>{days} days: {per_day} a day, the service&apos;s daily limit.</source>
        <translation>{days} días: {per_day} por día, el límite diario del servicio.</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="164"/>
        <source>More formatting</source>
        <translation>Más formato</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="158"/>
        <source>Formatting</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="123"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="128"/>
        <source>B</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="128"/>
        <source>Bold (Ctrl+B)</source>
        <translation>Negrita (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="134"/>
        <source>I</source>
        <translation>K</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="134"/>
        <source>Italic (Ctrl+I)</source>
        <translation>Cursiva (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="140"/>
        <source>• List</source>
        <translation>• Lista</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="140"/>
        <source>Bulleted list</source>
        <translation>Lista con viñetas</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="142"/>
        <source>1. List</source>
        <translation>1. Lista</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="142"/>
        <source>Numbered list</source>
        <translation>Lista numerada</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="145"/>
        <source>Link…</source>
        <translation>Enlace…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="145"/>
        <source>Make a link (Ctrl+K)</source>
        <translation>Crear un enlace (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="149"/>
        <source>Image…</source>
        <translation>Imagen…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="149"/>
        <source>Insert an image by its web address</source>
        <translation>Insertar una imagen por su dirección web</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="254"/>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="254"/>
        <source>Web address of the link (merge fields allowed):</source>
        <translation>Dirección web del enlace (admite campos):</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="257"/>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="257"/>
        <source>Web address of the image (https://…): each mail client loads it from there.</source>
        <translation>Dirección web de la imagen (https://…): cada programa de correo la carga desde allí.</translation>
    </message>
</context>
<context>
    <name>SmsModeChooser</name>
    <message>
        <location filename="../../gui/sms_mode.py" line="35"/>
        <source>Two-way</source>
        <translation>Doble vía</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="36"/>
        <source>Recipients can answer the message; their answers arrive in Replies.</source>
        <translation>Los destinatarios pueden responder el mensaje; sus respuestas llegan a Respuestas.</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="39"/>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="40"/>
        <source>The message appears at once on the phone&apos;s screen and is not kept in its inbox.</source>
        <translation>El mensaje aparece de inmediato en la pantalla del teléfono y no queda guardado en su bandeja.</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="42"/>
        <source>One-way</source>
        <translation>Una vía</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="42"/>
        <source>A plain SMS: recipients cannot answer it.</source>
        <translation>Un SMS normal: los destinatarios no pueden responderlo.</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="21"/>
        <source>SMS mode</source>
        <translation>Modalidad de envío SMS</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="25"/>
        <source>SMS mo&amp;de:</source>
        <translation>Moda&amp;lidad de envío SMS:</translation>
    </message>
</context>
<context>
    <name>StateChart</name>
    <message>
        <location filename="../../gui/widgets/state_chart.py" line="35"/>
        <source>Messages by status</source>
        <translation>Mensajes por estado</translation>
    </message>
</context>
<context>
    <name>StateGroup</name>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="53"/>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="54"/>
        <source>Accepted</source>
        <translation>Aceptado</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="55"/>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="56"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="57"/>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="58"/>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
</context>
<context>
    <name>SuppressionModel</name>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="111"/>
        <source>Number or address</source>
        <translation>Número o dirección</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="111"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="112"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="111"/>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="130"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="130"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="134"/>
        <source>Replied “{text}”</source>
        <translation>Respondió «{text}»</translation>
    </message>
</context>
<context>
    <name>SuppressionPage</name>
    <message>
        <location filename="../../gui/pages/suppression.py" line="60"/>
        <location filename="../../gui/pages/suppression.py" line="195"/>
        <source>Suppression list</source>
        <translation>Lista de exclusión</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="69"/>
        <source>Number or address</source>
        <translation>Número o dirección</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="70"/>
        <source>+56 9 1234 5678 or name@example.com</source>
        <translation>+56 9 1234 5678 o nombre@ejemplo.cl</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="71"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="72"/>
        <source>&amp;Add</source>
        <translation>A&amp;gregar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="73"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="74"/>
        <source>&amp;Import sheet…</source>
        <translation>&amp;Importar planilla…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="81"/>
        <source>&amp;Number or address:</source>
        <translation>&amp;Número o dirección:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="83"/>
        <source>R&amp;eason:</source>
        <translation>Mo&amp;tivo:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="120"/>
        <source>“{value}” is neither a phone number of {country} nor an e-mail address. Write numbers of other countries with their prefix (+57…).</source>
        <translation>«{value}» no es un número de teléfono de {country} ni una dirección de correo. Escriba los números de otros países con su prefijo (+57…).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="122"/>
        <source>Not added</source>
        <translation>No se agregó</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="134"/>
        <source>%Ln number(s) or address(es) will receive messages of new campaigns again.</source>
        <translation>
            <numerusform>%Ln número o dirección volverá a recibir los mensajes de las campañas nuevas.</numerusform>
            <numerusform>%Ln números o direcciones volverán a recibir los mensajes de las campañas nuevas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="173"/>
        <source>%Ln number(s) or address(es) on the suppression list now.</source>
        <translation>
            <numerusform>Ahora hay %Ln número o dirección de la planilla en la lista de exclusión.</numerusform>
            <numerusform>Ahora hay %Ln números o direcciones de la planilla en la lista de exclusión.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="175"/>
        <source>%Ln row(s) had no number or address that could be read.</source>
        <translation>
            <numerusform>%Ln fila no tenía un número o dirección que se pudiera leer.</numerusform>
            <numerusform>%Ln filas no tenían un número o dirección que se pudiera leer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="188"/>
        <source>%Ln number(s) and address(es) never receive anything.</source>
        <translation>
            <numerusform>%Ln número o dirección nunca recibe nada.</numerusform>
            <numerusform>%Ln números y direcciones nunca reciben nada.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="136"/>
        <source>Remove from the suppression list?</source>
        <translation>¿Quitar de la lista de exclusión?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="137"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="137"/>
        <source>Keep them</source>
        <translation>Mantenerlos</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="150"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Planillas ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="151"/>
        <source>Import a sheet to the suppression list</source>
        <translation>Importar una planilla a la lista de exclusión</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="158"/>
        <source>Imported from {file}</source>
        <translation>Importado de {file}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="177"/>
        <source>Sheet imported</source>
        <translation>Planilla importada</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="182"/>
        <source>The sheet was not imported</source>
        <translation>No se importó la planilla</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <location filename="../../gui/pages/tracking.py" line="93"/>
        <source>Campaign {id}</source>
        <translation>Campaña {id}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="94"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="162"/>
        <source>The campaign stopped</source>
        <translation>La campaña se detuvo</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="163"/>
        <source>The campaign paused</source>
        <translation>La campaña se pausó</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="169"/>
        <source>The campaign could not start</source>
        <translation>La campaña no pudo comenzar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="175"/>
        <source>Pausing after the request in flight…</source>
        <translation>Pausando después de la solicitud en curso…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="181"/>
        <source>Another campaign is sending</source>
        <translation>Otra campaña se está enviando</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="182"/>
        <source>Only one campaign sends at a time: wait for it to finish or pause it.</source>
        <translation>Solo se envía una campaña a la vez: espere a que termine o páusela.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="196"/>
        <source>Keep sending</source>
        <translation>Seguir enviando</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="197"/>
        <source>Cancel the campaign?</source>
        <translation>¿Cancelar la campaña?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="196"/>
        <source>Cancel the campaign</source>
        <translation>Cancelar la campaña</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/tracking.py" line="194"/>
        <source>Sending is on hold. %Ln recipient(s) not yet sent to will not receive the message, and the campaign cannot be resumed.</source>
        <translation>
            <numerusform>El envío está detenido. %Ln destinatario al que aún no se envió no recibirá el mensaje, y la campaña no podrá reanudarse.</numerusform>
            <numerusform>El envío está detenido. %Ln destinatarios a los que aún no se envió no recibirán el mensaje, y la campaña no podrá reanudarse.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="239"/>
        <source>Campaign {id}: {name} ({provider})</source>
        <translation>Campaña {id}: {name} ({provider})</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="255"/>
        <source>Continues at {time}.</source>
        <translation>Continúa el {time}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="277"/>
        <source>No campaign to show</source>
        <translation>No hay campaña para mostrar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="279"/>
        <source>Send a campaign from Review and send, or open one from History.</source>
        <translation>Envíe una campaña desde Revisar y enviar, o abra una desde el Historial.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="300"/>
        <source>Unknown messages may or may not have been sent: check them before re-sending them from History.</source>
        <translation>Los mensajes desconocidos pueden haberse enviado o no: revíselos antes de reenviarlos desde el Historial.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="303"/>
        <source>Resume it to send the pending messages.</source>
        <translation>Reanúdela para enviar los mensajes pendientes.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="307"/>
        <source>Masivo could not read the campaign</source>
        <translation>Masivo no pudo leer la campaña</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="33"/>
        <source>{name} - report.xlsx</source>
        <translation>{name} - informe.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="35"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="36"/>
        <source>Export report</source>
        <translation>Exportar informe</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="50"/>
        <source>The report was saved in {path}.</source>
        <translation>El informe se guardó en {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="51"/>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="55"/>
        <source>The report could not be written ({why}). If the file is open in Excel, close it and try again, or choose another folder.</source>
        <translation>No se pudo escribir el informe ({why}). Si el archivo está abierto en Excel, ciérrelo e intente de nuevo, o elija otra carpeta.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="60"/>
        <source>The report was not saved</source>
        <translation>El informe no se guardó</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="63"/>
        <source>Writing the report: {n} rows…</source>
        <translation>Escribiendo el informe: {n} filas…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_replies.py" line="68"/>
        <source>Replies: {count} (opt-outs: {opt_outs})</source>
        <translation>Respuestas: {count} (bajas: {opt_outs})</translation>
    </message>
</context>
<context>
    <name>TrackingPanel</name>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="52"/>
        <source>Messages sent</source>
        <translation>Mensajes enviados</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="54"/>
        <source>Messages by status</source>
        <translation>Mensajes por estado</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="59"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="60"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="61"/>
        <source>&amp;Cancel campaign…</source>
        <translation>&amp;Cancelar campaña…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="64"/>
        <source>E&amp;xport report…</source>
        <translation>E&amp;xportar informe…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="66"/>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="67"/>
        <source>Show messages</source>
        <translation>Mostrar mensajes</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="69"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="72"/>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="83"/>
        <source>Progress:</source>
        <translation>Avance:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="84"/>
        <source>Messages:</source>
        <translation>Mensajes:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="85"/>
        <source>Speed:</source>
        <translation>Velocidad:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="86"/>
        <source>Time left:</source>
        <translation>Tiempo restante:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="87"/>
        <source>Balance:</source>
        <translation>Saldo:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="100"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="143"/>
        <source>{rate} messages per second</source>
        <translation>{rate} mensajes por segundo</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gui/window_menus.py" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="33"/>
        <source>&amp;Open sheet…</source>
        <translation>&amp;Abrir planilla…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="36"/>
        <source>Team &amp;workspace…</source>
        <translation>&amp;Espacio de trabajo…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="39"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="43"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="43"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="47"/>
        <source>&amp;System language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="55"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="56"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="58"/>
        <source>&amp;About Masivo</source>
        <translation>&amp;Acerca de Masivo</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="60"/>
        <source>Open the &amp;log folder</source>
        <translation>Abrir la carpeta de &amp;registros</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="78"/>
        <source>The new language takes effect the next time you start Masivo.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que inicie Masivo.</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="79"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="97"/>
        <source>Masivo {version}
SMS and e-mail campaigns from a spreadsheet.

Logs: {folder}</source>
        <translation>Masivo {version}
Campañas de SMS y correo electrónico desde una planilla.

Registros: {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="98"/>
        <source>About Masivo</source>
        <translation>Acerca de Masivo</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="45"/>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="145"/>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="151"/>
        <source>Team workspace</source>
        <translation>Espacio de trabajo</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="47"/>
        <source>Leave the address empty to keep campaigns on this computer only. To share campaigns, replies and the suppression list with your team, enter the PostgreSQL address your administrator gave you. The password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Deje la dirección vacía para guardar las campañas solo en este equipo. Para compartir campañas, respuestas y la lista de exclusión con su equipo de trabajo, escriba la dirección de PostgreSQL que le dio su administrador. La contraseña se guarda en el almacén de claves de este equipo, nunca en un archivo.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="53"/>
        <source>Database address</source>
        <translation>Dirección de la base de datos</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="55"/>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="57"/>
        <source>Only if the address needs one</source>
        <translation>Solo si la dirección la pide</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="58"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Probar conexión</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="63"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="64"/>
        <source>&amp;Password:</source>
        <translation>Co&amp;ntraseña:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="80"/>
        <source>The address must start with postgresql://, e.g. {example}</source>
        <translation>La dirección debe comenzar con postgresql://, p. ej. {example}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="92"/>
        <source>No address: campaigns stay on this computer.</source>
        <translation>Sin dirección: las campañas quedan en este equipo.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="94"/>
        <source>Connecting to {address}…</source>
        <translation>Conectando con {address}…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="117"/>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Conectado: PostgreSQL {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="119"/>
        <source>The database is empty: Masivo prepares it on its next start.</source>
        <translation>La base de datos está vacía: Masivo la prepara al iniciar la próxima vez.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="121"/>
        <source>Could not connect: {problem}</source>
        <translation>No se pudo conectar: {problem}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="143"/>
        <source>The password could not be kept in this computer&apos;s keyring ({problem}). Use a .pgpass file instead.</source>
        <translation>No se pudo guardar la contraseña en el almacén de claves de este equipo ({problem}). Use un archivo .pgpass.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="150"/>
        <source>The new workspace takes effect the next time you start Masivo.</source>
        <translation>El nuevo espacio de trabajo se usa desde la próxima vez que inicie Masivo.</translation>
    </message>
</context>
<context>
    <name>_Counted</name>
    <message numerus="yes">
        <location filename="../../gui/formatting.py" line="41"/>
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln crédito</numerusform>
            <numerusform>%Ln créditos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ResumeWording</name>
    <message numerus="yes">
        <location filename="../../gui/pages/history.py" line="243"/>
        <source>The campaign “{name}” stopped with %Ln message(s) still to send. Resume it now?</source>
        <translation>
            <numerusform>La campaña «{name}» se detuvo con %Ln mensaje por enviar. ¿Reanudarla ahora?</numerusform>
            <numerusform>La campaña «{name}» se detuvo con %Ln mensajes por enviar. ¿Reanudarla ahora?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_TotalsWording</name>
    <message numerus="yes">
        <location filename="../../gui/pages/review_form.py" line="224"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln fila</numerusform>
            <numerusform>%Ln filas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/review_form.py" line="225"/>
        <source>%Ln will receive the message ({skipped} of {rows} skipped).</source>
        <translation>
            <numerusform>%Ln recibirá el mensaje (se omiten {skipped} de {rows}).</numerusform>
            <numerusform>%Ln recibirán el mensaje (se omiten {skipped} de {rows}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Wording</name>
    <message numerus="yes">
        <location filename="../../gui/pages/message.py" line="279"/>
        <source>%Ln recipient(s) would get a message longer than {provider} accepts ({segments} segments): shorten it to continue.</source>
        <translation>
            <numerusform>%Ln destinatario recibiría un mensaje más largo de lo que {provider} acepta ({segments} segmentos): acórtelo para continuar.</numerusform>
            <numerusform>%Ln destinatarios recibirían un mensaje más largo de lo que {provider} acepta ({segments} segmentos): acórtelo para continuar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/message.py" line="282"/>
        <source>%Ln recipient(s) would get a message over {provider}&apos;s limit of {limit} characters (merge fields included): shorten it to continue.</source>
        <translation>
            <numerusform>%Ln destinatario recibiría un mensaje sobre el límite de {limit} caracteres de {provider} (con los campos combinados): acórtelo para continuar.</numerusform>
            <numerusform>%Ln destinatarios recibirían un mensaje sobre el límite de {limit} caracteres de {provider} (con los campos combinados): acórtelo para continuar.</numerusform>
        </translation>
    </message>
</context>
</TS>
