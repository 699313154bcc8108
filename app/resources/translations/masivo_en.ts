<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../../gui/application.py" line="54"/>
        <source>Masivo: unexpected error</source>
        <translation>Masivo: unexpected error</translation>
    </message>
    <message>
        <location filename="../../gui/application.py" line="55"/>
        <source>Something went wrong and Masivo could not finish what it was doing. Your campaigns are safe in the journal.

Details were written to:
{path}</source>
        <translation>Something went wrong and Masivo could not finish what it was doing. Your campaigns are safe in the journal.

Details were written to:
{path}</translation>
    </message>
</context>
<context>
    <name>CampaignText</name>
    <message>
        <location filename="../../gui/campaign_text.py" line="21"/>
        <source>less than a second</source>
        <translation>less than a second</translation>
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
        <translation>Being created</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="43"/>
        <source>Ready, not sent</source>
        <translation>Ready, not sent</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="44"/>
        <location filename="../../gui/campaign_text.py" line="45"/>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="46"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="47"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="48"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="49"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="50"/>
        <source>Stopped by an error</source>
        <translation>Stopped by an error</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="51"/>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="60"/>
        <source>{provider} accepts messages at any hour.</source>
        <translation>{provider} accepts messages at any hour.</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="63"/>
        <source>{provider} only sends between {start} and {end} ({zone}); outside those hours the campaign waits and continues by itself.</source>
        <translation>{provider} only sends between {start} and {end} ({zone}); outside those hours the campaign waits and continues by itself.</translation>
    </message>
    <message>
        <location filename="../../gui/campaign_text.py" line="73"/>
        <source>It is closed now: sending would start at {when}.</source>
        <translation>It is closed now: sending would start at {when}.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../gui/widgets/composer.py" line="68"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="69"/>
        <source>Sender name</source>
        <translation>Sender name</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="70"/>
        <source>Sender address</source>
        <translation>Sender address</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="71"/>
        <source>sales@yourcompany.com</source>
        <translation>sales@yourcompany.com</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="72"/>
        <source>Edit as H&amp;TML</source>
        <translation>Edit as H&amp;TML</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="74"/>
        <source>Paste or write the HTML of an existing template: it is sent as it is.</source>
        <translation>Paste or write the HTML of an existing template: it is sent as it is.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="79"/>
        <source>S&amp;ubject:</source>
        <translation>S&amp;ubject:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="80"/>
        <source>Sende&amp;r name:</source>
        <translation>Sende&amp;r name:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="81"/>
        <source>Sender &amp;address:</source>
        <translation>Sender &amp;address:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="83"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="89"/>
        <source>Merge fields</source>
        <translation>Merge fields</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="91"/>
        <source>In&amp;sert field</source>
        <translation>In&amp;sert field</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="93"/>
        <source>Message length</source>
        <translation>Message length</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="95"/>
        <source>Convert to GSM-7</source>
        <translation>Convert to GSM-7</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="99"/>
        <source>Problems with the message</source>
        <translation>Problems with the message</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="103"/>
        <source>Merge f&amp;ields:</source>
        <translation>Merge f&amp;ields:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="107"/>
        <source>&amp;Message:</source>
        <translation>&amp;Message:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="212"/>
        <source>Write the message.</source>
        <translation>Write the message.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="237"/>
        <source>Characters: {n}</source>
        <translation>Characters: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="241"/>
        <source>Characters: {chars} · Segments: {segments} · {encoding}</source>
        <translation>Characters: {chars} · Segments: {segments} · {encoding}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="246"/>
        <source>(because of {chars})</source>
        <translation>(because of {chars})</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="250"/>
        <source>Limit: {n}</source>
        <translation>Limit: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="253"/>
        <source>TOO LONG: the provider rejects it</source>
        <translation>TOO LONG: the provider rejects it</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="267"/>
        <source>&amp;Convert to GSM-7</source>
        <translation>&amp;Convert to GSM-7</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/composer.py" line="269"/>
        <source>Convert to GSM-7: {before} → %Ln segment(s) per message</source>
        <translation>
            <numerusform>Convert to GSM-7: {before} → %Ln segment per message</numerusform>
            <numerusform>Convert to GSM-7: {before} → %Ln segments per message</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/widgets/composer.py" line="305"/>
        <source>Replaced: {pairs}. Ctrl+Z undoes it.</source>
        <translation>Replaced: {pairs}. Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>ConfirmSendDialog</name>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="37"/>
        <source>Send the campaign?</source>
        <translation>Send the campaign?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="41"/>
        <source>%Ln e-mail(s) will be sent with {provider}.</source>
        <translation>
            <numerusform>%Ln e-mail will be sent with {provider}.</numerusform>
            <numerusform>%Ln e-mails will be sent with {provider}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="44"/>
        <source>%Ln SMS will be sent with {provider}, costing {credits}.</source>
        <translation>
            <numerusform>%Ln SMS will be sent with {provider}, costing {credits}.</numerusform>
            <numerusform>%Ln SMS will be sent with {provider}, costing {credits}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="47"/>
        <source>Balance: %Ln credit(s).</source>
        <translation>
            <numerusform>Balance: %Ln credit.</numerusform>
            <numerusform>Balance: %Ln credits.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="51"/>
        <source>It starts on {when}; keep Masivo open until then.</source>
        <translation>It starts on {when}; keep Masivo open until then.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="53"/>
        <source>The provider delivers it on {when}.</source>
        <translation>The provider delivers it on {when}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/confirm_send.py" line="62"/>
        <source>&amp;Send %Ln message(s)</source>
        <translation>
            <numerusform>&amp;Send %Ln message</numerusform>
            <numerusform>&amp;Send %Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="65"/>
        <source>Confirm and send</source>
        <translation>Confirm and send</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/confirm_send.py" line="66"/>
        <source>&amp;Not yet</source>
        <translation>&amp;Not yet</translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="139"/>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="145"/>
        <source>Campaign cost</source>
        <translation>Campaign cost</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="147"/>
        <source>Provider balance</source>
        <translation>Provider balance</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="158"/>
        <source>Counting the cost for every recipient…</source>
        <translation>Counting the cost for every recipient…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="164"/>
        <source>Messages: {n} · Total credits (segments): {credits}</source>
        <translation>Messages: {n} · Total credits (segments): {credits}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="169"/>
        <source>{segments} segm.: {n}</source>
        <translation>{segments} segm.: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="173"/>
        <source>Distribution: {spread}</source>
        <translation>Distribution: {spread}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="175"/>
        <source>Longest message: row {row}, {chars}, %Ln segment(s)</source>
        <translation>
            <numerusform>Longest message: row {row}, {chars}, %Ln segment</numerusform>
            <numerusform>Longest message: row {row}, {chars}, %Ln segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="176"/>
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="198"/>
        <source>Converted to GSM-7 it would cost %Ln credit(s) instead of {before}.</source>
        <translation>
            <numerusform>Converted to GSM-7 it would cost %Ln credit instead of {before}.</numerusform>
            <numerusform>Converted to GSM-7 it would cost %Ln credits instead of {before}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="219"/>
        <source>Balance at {provider}: %Ln credit(s).</source>
        <translation>
            <numerusform>Balance at {provider}: %Ln credit.</numerusform>
            <numerusform>Balance at {provider}: %Ln credits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/widgets/message_preview.py" line="222"/>
        <source>%Ln credit(s) missing: </source>
        <translation>
            <numerusform>%Ln credit is missing: </numerusform>
            <numerusform>%Ln credits are missing: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="180"/>
        <source>Sent as UCS-2 (70 characters per segment): {n}</source>
        <translation>Sent as UCS-2 (70 characters per segment): {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="185"/>
        <source>Over the provider&apos;s limit of {limit} characters: {n} (rows {rows})</source>
        <translation>Over the provider&apos;s limit of {limit} characters: {n} (rows {rows})</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="192"/>
        <source>With an empty merge field: {n} (for example row {row}: {fields})</source>
        <translation>With an empty merge field: {n} (for example row {row}: {fields})</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="206"/>
        <source>E-mails: {n} · Total credits: {n}</source>
        <translation>E-mails: {n} · Total credits: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="225"/>
        <source>Enough for this campaign.</source>
        <translation>Enough for this campaign.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../gui/guide.py" line="26"/>
        <source>Masivo user guide</source>
        <translation>Masivo user guide</translation>
    </message>
    <message>
        <location filename="../../gui/guide.py" line="27"/>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="66"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="67"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="68"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="68"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../gui/models/history_model.py" line="68"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../gui/pages/history.py" line="68"/>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="81"/>
        <source>No campaigns yet.</source>
        <translation>No campaigns yet.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="82"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="83"/>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="84"/>
        <source>Re-send &amp;unknown…</source>
        <translation>Re-send &amp;unknown…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="85"/>
        <source>Re-&amp;send failed…</source>
        <translation>Re-&amp;send failed…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="163"/>
        <source>Another campaign is sending</source>
        <translation>Another campaign is sending</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="164"/>
        <source>Only one campaign sends at a time: wait for it to finish or pause it.</source>
        <translation>Only one campaign sends at a time: wait for it to finish or pause it.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="172"/>
        <source>{name} (re-send)</source>
        <translation>{name} (re-send)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="198"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="224"/>
        <source>Resume the campaign?</source>
        <translation>Resume the campaign?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="225"/>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../gui/pages/history.py" line="225"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="77"/>
        <source>Import recipients</source>
        <translation>Import recipients</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="90"/>
        <source>Choose a sheet, or drag it here.</source>
        <translation>Choose a sheet, or drag it here.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="92"/>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choose file…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="93"/>
        <source>Choose file</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="96"/>
        <source>Sheet</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="99"/>
        <source>No header row</source>
        <translation>No header row</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="100"/>
        <source>Header row</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="103"/>
        <source>Address column</source>
        <translation>Address column</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="108"/>
        <source>First rows of the sheet</source>
        <translation>First rows of the sheet</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="111"/>
        <source>Problem with the file</source>
        <translation>Problem with the file</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="114"/>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="125"/>
        <source>&amp;Phone column:</source>
        <translation>&amp;Phone column:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="125"/>
        <source>&amp;E-mail column:</source>
        <translation>&amp;E-mail column:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="127"/>
        <source>&amp;Sheet:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="128"/>
        <source>&amp;Header row:</source>
        <translation>&amp;Header row:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="135"/>
        <source>First rows:</source>
        <translation>First rows:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="143"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Spreadsheets ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="144"/>
        <source>Choose the recipients sheet</source>
        <translation>Choose the recipients sheet</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="191"/>
        <source>Reading {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_dialog.py" line="218"/>
        <source>Choose the column that holds the addresses.</source>
        <translation>Choose the column that holds the addresses.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../gui/pages/inbox.py" line="38"/>
        <location filename="../../gui/pages/inbox.py" line="175"/>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="72"/>
        <source>When someone answers one of your SMS, the provider can pass the answer on to Masivo: it appears here, beside the campaign and the sheet row it answers. Whoever answers only with a word like STOP or BAJA goes on the suppression list and gets no more messages. For this, Masivo keeps a small receiver running while it is open, and your provider must be told its address once (the technical set-up, for whoever manages your network, is in docs/webhooks.md).</source>
        <translation>When someone answers one of your SMS, the provider can pass the answer on to Masivo: it appears here, beside the campaign and the sheet row it answers. Whoever answers only with a word like STOP or BAJA goes on the suppression list and gets no more messages. For this, Masivo keeps a small receiver running while it is open, and your provider must be told its address once (the technical set-up, for whoever manages your network, is in docs/webhooks.md).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="83"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/inbox.py" line="130"/>
        <source>%Ln reply(ies); opted out: {opt_outs}.</source>
        <translation>
            <numerusform>%Ln reply; opted out: {opt_outs}.</numerusform>
            <numerusform>%Ln replies; opted out: {opt_outs}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="137"/>
        <source>Receiving replies and delivery updates on port {port} while this window is open.</source>
        <translation>Receiving replies and delivery updates on port {port} while this window is open.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="140"/>
        <source>The receiver could not run ({problem}): another program may be using port {port}.</source>
        <translation>The receiver could not run ({problem}): another program may be using port {port}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="145"/>
        <source>This window is not receiving replies. Replies received by the server&apos;s receiver appear here; to set one up, see “masivo webhooks urls” in docs/webhooks.md.</source>
        <translation>This window is not receiving replies. Replies received by the server&apos;s receiver appear here; to set one up, see “masivo webhooks urls” in docs/webhooks.md.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="153"/>
        <source>Export replies</source>
        <translation>Export replies</translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="154"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/inbox.py" line="167"/>
        <source>%Ln reply(ies) saved in {path}.</source>
        <translation>
            <numerusform>%Ln reply was saved in {path}.</numerusform>
            <numerusform>%Ln replies were saved in {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/inbox.py" line="168"/>
        <source>Replies saved</source>
        <translation>Replies saved</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="291"/>
        <source>The journal cannot be opened</source>
        <translation>The journal cannot be opened</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="277"/>
        <source>{problem}

Masivo will keep this session&apos;s campaigns on this computer.</source>
        <translation>{problem}

Masivo will keep this session&apos;s campaigns on this computer.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278"/>
        <source>Team database unavailable</source>
        <translation>Team database unavailable</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>Campaign steps</source>
        <translation>Campaign steps</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="186"/>
        <source>1. Provider</source>
        <translation>1. Provider</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="187"/>
        <source>2. Recipients</source>
        <translation>2. Recipients</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>3. Message</source>
        <translation>3. Message</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189"/>
        <source>4. Review and send</source>
        <translation>4. Review and send</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="190"/>
        <source>5. Tracking</source>
        <translation>5. Tracking</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="191"/>
        <source>Campaign history</source>
        <translation>Campaign history</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="192"/>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="193"/>
        <source>Suppression list</source>
        <translation>Suppression list</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200"/>
        <source>Who sends your messages: choose the provider and check that its credentials work.</source>
        <translation>Who sends your messages: choose the provider and check that its credentials work.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="201"/>
        <source>Who receives them: open the Excel sheet; every row is checked.</source>
        <translation>Who receives them: open the Excel sheet; every row is checked.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>What they receive: write it once; merge fields make it personal.</source>
        <translation>What they receive: write it once; merge fields make it personal.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="203"/>
        <source>Check the name, the count and the cost, try a test message, then send.</source>
        <translation>Check the name, the count and the cost, try a test message, then send.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="204"/>
        <source>The campaign as it goes: sent, delivered, failed, live.</source>
        <translation>The campaign as it goes: sent, delivered, failed, live.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="205"/>
        <source>Every campaign sent from this computer or your team.</source>
        <translation>Every campaign sent from this computer or your team.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="206"/>
        <source>Answers to your messages, and who asked not to get more.</source>
        <translation>Answers to your messages, and who asked not to get more.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="207"/>
        <source>Numbers and addresses that never receive anything.</source>
        <translation>Numbers and addresses that never receive anything.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="209"/>
        <source>← &amp;Back</source>
        <translation>← &amp;Back</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="210"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="211"/>
        <source>&amp;Next →</source>
        <translation>&amp;Next →</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="212"/>
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="384"/>
        <source>Open sheet</source>
        <translation>Open sheet</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="385"/>
        <source>First choose the provider and enter its credentials (step 1).</source>
        <translation>First choose the provider and enter its credentials (step 1).</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="438"/>
        <source>A campaign is sending. Masivo will pause it after the messages in flight; next time you open Masivo it offers to resume it where it stopped.</source>
        <translation>A campaign is sending. Masivo will pause it after the messages in flight; next time you open Masivo it offers to resume it where it stopped.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="443"/>
        <source>A campaign is waiting to send (its start time or the provider&apos;s sending hours). Masivo will pause it; next time you open Masivo it offers to resume it.</source>
        <translation>A campaign is waiting to send (its start time or the provider&apos;s sending hours). Masivo will pause it; next time you open Masivo it offers to resume it.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446"/>
        <source>&amp;Pause and close</source>
        <translation>&amp;Pause and close</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446"/>
        <source>&amp;Keep sending</source>
        <translation>&amp;Keep sending</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="448"/>
        <source>Close Masivo?</source>
        <translation>Close Masivo?</translation>
    </message>
</context>
<context>
    <name>MessageHighlighter</name>
    <message>
        <location filename="../../gui/widgets/highlighter.py" line="27"/>
        <source>Not in the GSM alphabet: the whole SMS is sent as UCS-2</source>
        <translation>Not in the GSM alphabet: the whole SMS is sent as UCS-2</translation>
    </message>
</context>
<context>
    <name>MessagePage</name>
    <message>
        <location filename="../../gui/pages/message.py" line="49"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="145"/>
        <source>No valid recipient yet: import a sheet in the previous step.</source>
        <translation>No valid recipient yet: import a sheet in the previous step.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="149"/>
        <source>Row {row} · {address}</source>
        <translation>Row {row} · {address}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="218"/>
        <source>{name} does not report a balance.</source>
        <translation>{name} does not report a balance.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="233"/>
        <source>Asking {name} for the balance…</source>
        <translation>Asking {name} for the balance…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="240"/>
        <source>Balance unknown.</source>
        <translation>Balance unknown.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/message.py" line="252"/>
        <source>The balance could not be read: {reason}</source>
        <translation>The balance could not be read: {reason}</translation>
    </message>
</context>
<context>
    <name>MessagesModel</name>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Recipient</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="145"/>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="146"/>
        <source>Provider id</source>
        <translation>Provider id</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="146"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <location filename="../../gui/pages/provider.py" line="210"/>
        <source>Reading the saved credentials…</source>
        <translation>Reading the saved credentials…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="58"/>
        <location filename="../../gui/pages/provider.py" line="75"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="83"/>
        <source>&amp;SMS</source>
        <translation>&amp;SMS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="84"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="94"/>
        <source>&amp;Provider:</source>
        <translation>&amp;Provider:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="96"/>
        <source>Send by:</source>
        <translation>Send by:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="98"/>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="101"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="103"/>
        <source>&amp;Cancel test</source>
        <translation>&amp;Cancel test</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="106"/>
        <source>Forget c&amp;redentials</source>
        <translation>Forget c&amp;redentials</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="109"/>
        <source>Connection status</source>
        <translation>Connection status</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="117"/>
        <source>Advanced options</source>
        <translation>Advanced options</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="119"/>
        <source>A&amp;dvanced options</source>
        <translation>A&amp;dvanced options</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="120"/>
        <source>Provider base URL</source>
        <translation>Provider base URL</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="125"/>
        <source>Base UR&amp;L:</source>
        <translation>Base UR&amp;L:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="126"/>
        <source>Leave empty to use the provider&apos;s own address.</source>
        <translation>Leave empty to use the provider&apos;s own address.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="141"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="143"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="144"/>
        <source>Sends {channels}</source>
        <translation>Sends {channels}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="144"/>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="145"/>
        <source>shows the balance</source>
        <translation>shows the balance</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="145"/>
        <source>no balance query</source>
        <translation>no balance query</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="146"/>
        <source>reports delivery</source>
        <translation>reports delivery</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="146"/>
        <source>no delivery reports</source>
        <translation>no delivery reports</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="148"/>
        <source>up to {n} characters per SMS</source>
        <translation>up to {n} characters per SMS</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="196"/>
        <source>{name} needs no credentials: it simulates sending, nothing leaves this computer.</source>
        <translation>{name} needs no credentials: it simulates sending, nothing leaves this computer.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="298"/>
        <source>No keyring</source>
        <translation>No keyring</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="304"/>
        <source>Forget the {name} credentials stored on this computer?</source>
        <translation>Forget the {name} credentials stored on this computer?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="305"/>
        <source>Forget credentials</source>
        <translation>Forget credentials</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="305"/>
        <source>Forget</source>
        <translation>Forget</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="310"/>
        <source>Credentials forgotten.</source>
        <translation>Credentials forgotten.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="330"/>
        <source>Connecting to {name}…</source>
        <translation>Connecting to {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="353"/>
        <source>Connection test cancelled.</source>
        <translation>Connection test cancelled.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="359"/>
        <source>Connection works. {balance}</source>
        <translation>Connection works. {balance}</translation>
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
            <numerusform>%Ln e-mail</numerusform>
            <numerusform>%Ln e-mails</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="369"/>
        <source>This provider does not report a balance.</source>
        <translation>This provider does not report a balance.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="370"/>
        <source>Balance: {parts}.</source>
        <translation>Balance: {parts}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="378"/>
        <source>The connection failed: {reason}</source>
        <translation>The connection failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="221"/>
        <source>(the service&apos;s)</source>
        <translation>(the service&apos;s)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="245"/>
        <source>Unencrypted connection</source>
        <translation>Unencrypted connection</translation>
    </message>
    <message>
        <location filename="../../gui/pages/provider.py" line="151"/>
        <source>only to numbers of {countries}</source>
        <translation>only to numbers of {countries}</translation>
    </message>
</context>
<context>
    <name>ProviderSource</name>
    <message>
        <location filename="../../gui/provider_source.py" line="77"/>
        <source>Masivo could not finish this because of an unexpected error. Your campaigns are safe in the journal. Details were written to the log in {folder}.</source>
        <translation>Masivo could not finish this because of an unexpected error. Your campaigns are safe in the journal. Details were written to the log in {folder}.</translation>
    </message>
</context>
<context>
    <name>RecipientPreview</name>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="57"/>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="58"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Previous</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="59"/>
        <source>Previous recipient</source>
        <translation>Previous recipient</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="60"/>
        <source>Ne&amp;xt ▶</source>
        <translation>Ne&amp;xt ▶</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="61"/>
        <source>Next recipient</source>
        <translation>Next recipient</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="62"/>
        <source>Recipient number</source>
        <translation>Recipient number</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="65"/>
        <source>Recipient shown</source>
        <translation>Recipient shown</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="67"/>
        <source>Subject for this recipient</source>
        <translation>Subject for this recipient</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="68"/>
        <source>Message for this recipient</source>
        <translation>Message for this recipient</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="69"/>
        <source>E-mail for this recipient</source>
        <translation>E-mail for this recipient</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="71"/>
        <location filename="../../gui/widgets/message_preview.py" line="75"/>
        <source>Plain-text version</source>
        <translation>Plain-text version</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="74"/>
        <source>As sent</source>
        <translation>As sent</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="79"/>
        <source>Empty merge fields</source>
        <translation>Empty merge fields</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="87"/>
        <source>Recipient n&amp;o.:</source>
        <translation>Recipient n&amp;o.:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="102"/>
        <source>of {n}</source>
        <translation>of {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="119"/>
        <source>Subject: {subject}</source>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/message_preview.py" line="131"/>
        <source>Empty for this recipient: {fields}</source>
        <translation>Empty for this recipient: {fields}</translation>
    </message>
</context>
<context>
    <name>RecipientsModel</name>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="48"/>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="49"/>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="50"/>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="51"/>
        <source>Suppressed</source>
        <translation>Suppressed</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../gui/models/recipients_model.py" line="53"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RecipientsPage</name>
    <message>
        <location filename="../../gui/pages/recipients.py" line="51"/>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="136"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Spreadsheets ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="138"/>
        <source>Choose the recipients sheet</source>
        <translation>Choose the recipients sheet</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="199"/>
        <source>Reading {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="218"/>
        <source>{file} · sheet «{sheet}» · addresses in column «{column}»</source>
        <translation>{file} · sheet «{sheet}» · addresses in column «{column}»</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="272"/>
        <source>Import cancelled: no recipient was loaded.</source>
        <translation>Import cancelled: no recipient was loaded.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="277"/>
        <source>The sheet could not be imported</source>
        <translation>The sheet could not be imported</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="297"/>
        <source>{name}-rejected.xlsx</source>
        <translation>{name}-rejected.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="298"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="299"/>
        <source>Export rejected rows</source>
        <translation>Export rejected rows</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/recipients.py" line="317"/>
        <source>%Ln rejected row(s) saved to {path}. Fix them there and import that sheet.</source>
        <translation>
            <numerusform>%Ln rejected row was saved to {path}. Fix it there and import that sheet.</numerusform>
            <numerusform>%Ln rejected rows were saved to {path}. Fix them there and import that sheet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="319"/>
        <source>Rejected rows exported</source>
        <translation>Rejected rows exported</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="323"/>
        <source>Could not write {path}: it may be open in another program. Close it, or choose another name, and try again.</source>
        <translation>Could not write {path}: it may be open in another program. Close it, or choose another name, and try again.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/recipients.py" line="326"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>RecipientsPanel</name>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="40"/>
        <source>Country of the numbers</source>
        <translation>Country of the numbers</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="44"/>
        <source>&amp;Open sheet…</source>
        <translation>&amp;Open sheet…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="44"/>
        <source>Open sheet</source>
        <translation>Open sheet</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="46"/>
        <source>Use the &amp;sample sheet</source>
        <translation>Use the &amp;sample sheet</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="49"/>
        <source>Imported sheet</source>
        <translation>Imported sheet</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="51"/>
        <source>Import progress</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="52"/>
        <source>&amp;Cancel import</source>
        <translation>&amp;Cancel import</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="53"/>
        <source>&amp;Export rejected rows…</source>
        <translation>&amp;Export rejected rows…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="56"/>
        <source>All: {n}</source>
        <translation>All: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="56"/>
        <source>Show every row</source>
        <translation>Show every row</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="57"/>
        <source>Valid: {n}</source>
        <translation>Valid: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="57"/>
        <source>Show valid rows</source>
        <translation>Show valid rows</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="58"/>
        <source>Invalid: {n}</source>
        <translation>Invalid: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="58"/>
        <source>Show invalid rows</source>
        <translation>Show invalid rows</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="59"/>
        <source>Duplicates: {n}</source>
        <translation>Duplicates: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="59"/>
        <source>Show duplicate rows</source>
        <translation>Show duplicate rows</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="60"/>
        <source>Suppressed: {n}</source>
        <translation>Suppressed: {n}</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="60"/>
        <source>Show suppressed rows</source>
        <translation>Show suppressed rows</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="69"/>
        <source>Recipients</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="79"/>
        <source>Countr&amp;y of the numbers:</source>
        <translation>Countr&amp;y of the numbers:</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="124"/>
        <source>Open an Excel, LibreOffice or CSV sheet with one recipient per row, or drag it here.</source>
        <translation>Open an Excel, LibreOffice or CSV sheet with one recipient per row, or drag it here.</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/recipients_panel.py" line="126"/>
        <source>New here? Try the sample sheet: the Demo provider sends nothing for real.</source>
        <translation>New here? Try the sample sheet: the Demo provider sends nothing for real.</translation>
    </message>
</context>
<context>
    <name>RepliesModel</name>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="36"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="35"/>
        <source>Opt-out</source>
        <translation>Opt-out</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="73"/>
        <source>Opted out</source>
        <translation>Opted out</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <location filename="../../gui/pages/review_form.py" line="37"/>
        <source>Up to {size} messages per request</source>
        <translation>Up to {size} messages per request</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="39"/>
        <source>One message per request</source>
        <translation>One message per request</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="41"/>
        <source>, one request every {seconds} s.</source>
        <translation>, one request every {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="42"/>
        <source>, with no wait between requests.</source>
        <translation>, with no wait between requests.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="56"/>
        <source>Campaign name</source>
        <translation>Campaign name</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="62"/>
        <source>Message of the first recipient</source>
        <translation>Message of the first recipient</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="67"/>
        <source>S&amp;chedule the start for</source>
        <translation>S&amp;chedule the start for</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="69"/>
        <source>Start date and time</source>
        <translation>Start date and time</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="76"/>
        <source>Your number or address for a test</source>
        <translation>Your number or address for a test</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="78"/>
        <source>Send a &amp;test</source>
        <translation>Send a &amp;test</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="82"/>
        <source>Preparing the campaign</source>
        <translation>Preparing the campaign</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="85"/>
        <source>&amp;Send…</source>
        <translation>&amp;Send…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="85"/>
        <source>Send the campaign</source>
        <translation>Send the campaign</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="93"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="94"/>
        <source>Provider:</source>
        <translation>Provider:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="95"/>
        <source>List:</source>
        <translation>List:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="96"/>
        <source>Recipients:</source>
        <translation>Recipients:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="97"/>
        <source>Cost:</source>
        <translation>Cost:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="98"/>
        <source>Balance:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="106"/>
        <source>Pace:</source>
        <translation>Pace:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="107"/>
        <source>Estimated time:</source>
        <translation>Estimated time:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="108"/>
        <source>Sending hours:</source>
        <translation>Sending hours:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="124"/>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="125"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="126"/>
        <source>Pace and schedule</source>
        <translation>Pace and schedule</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="127"/>
        <source>Test message</source>
        <translation>Test message</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="145"/>
        <source>(named after the sheet and today&apos;s date)</source>
        <translation>(named after the sheet and today&apos;s date)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="150"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
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
        <translation>you@example.com</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="169"/>
        <source>Preparing the campaign: composing every message…</source>
        <translation>Preparing the campaign: composing every message…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="183"/>
        <source>Row {row}, to {address}:</source>
        <translation>Row {row}, to {address}:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="185"/>
        <source>Subject: {subject}

</source>
        <translation>Subject: {subject}

</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="189"/>
        <source>No row has a valid recipient.</source>
        <translation>No row has a valid recipient.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="192"/>
        <source> The message is personalized: it goes one number per request (slower).</source>
        <translation> The message is personalized: it goes one number per request (slower).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="196"/>
        <source>Ready to send.</source>
        <translation>Ready to send.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="210"/>
        <source>Sending starts as soon as you confirm.</source>
        <translation>Sending starts as soon as you confirm.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="213"/>
        <source>The provider holds the messages until then: you may close Masivo.</source>
        <translation>The provider holds the messages until then: you may close Masivo.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="216"/>
        <source>Masivo waits until then and must stay open.</source>
        <translation>Masivo waits until then and must stay open.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review_form.py" line="99"/>
        <source>Sender domain:</source>
        <translation>Sender domain:</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gui/pages/review.py" line="117"/>
        <source>This list and this message were already sent as “{name}”. To send them again, give the campaign a new name.</source>
        <translation>This list and this message were already sent as “{name}”. To send them again, give the campaign a new name.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="151"/>
        <source>Choose a recipients sheet first (step Recipients).</source>
        <translation>Choose a recipients sheet first (step Recipients).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="193"/>
        <source>There is already a campaign named “{name}”: choose another name.</source>
        <translation>There is already a campaign named “{name}”: choose another name.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="202"/>
        <source>The campaign cannot be prepared</source>
        <translation>The campaign cannot be prepared</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="222"/>
        <source>Asking {provider} for the balance…</source>
        <translation>Asking {provider} for the balance…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="233"/>
        <source>The balance could not be read: {why}</source>
        <translation>The balance could not be read: {why}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="238"/>
        <source>{provider} does not report a balance.</source>
        <translation>{provider} does not report a balance.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="302"/>
        <source>Wait until the campaign is prepared.</source>
        <translation>Wait until the campaign is prepared.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="306"/>
        <source>Type your own e-mail address.</source>
        <translation>Type your own e-mail address.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="307"/>
        <source>Type your own mobile number, e.g. +56 9 1234 5678.</source>
        <translation>Type your own mobile number, e.g. +56 9 1234 5678.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="321"/>
        <source>Sending the test message…</source>
        <translation>Sending the test message…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="329"/>
        <source>{provider} accepted the test message (id {id}).</source>
        <translation>{provider} accepted the test message (id {id}).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="350"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="351"/>
        <source>The scheduled time has already passed: choose a later time or send now.</source>
        <translation>The scheduled time has already passed: choose a later time or send now.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="369"/>
        <source>Nothing to send</source>
        <translation>Nothing to send</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="371"/>
        <source>No row of the sheet has a valid recipient: check the address column in step Recipients.</source>
        <translation>No row of the sheet has a valid recipient: check the address column in step Recipients.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="378"/>
        <source>The message is too long</source>
        <translation>The message is too long</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="428"/>
        <source>Another campaign is sending</source>
        <translation>Another campaign is sending</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="429"/>
        <source>Only one campaign sends at a time: wait for it to finish or pause it in Tracking.</source>
        <translation>Only one campaign sends at a time: wait for it to finish or pause it in Tracking.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="264"/>
        <source>Checking the sender domain&apos;s DNS…</source>
        <translation>Checking the sender domain&apos;s DNS…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/review.py" line="243"/>
        <source>%Ln credit(s) available.</source>
        <translation>
            <numerusform>%Ln credit available.</numerusform>
            <numerusform>%Ln credits available.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="272"/>
        <source>{provider} checks its senders itself.</source>
        <translation>{provider} checks its senders itself.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/review.py" line="291"/>
        <source>{days} days: {per_day} a day, the service&apos;s daily limit.</source>
        <translation>{days} days: {per_day} a day, the service&apos;s daily limit.</translation>
    </message>
</context>
<context>
    <name>RichEditor</name>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="164"/>
        <source>More formatting</source>
        <translation>More formatting</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="158"/>
        <source>Formatting</source>
        <translation>Formatting</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="123"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="128"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="128"/>
        <source>Bold (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="134"/>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="134"/>
        <source>Italic (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="140"/>
        <source>• List</source>
        <translation>• List</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="140"/>
        <source>Bulleted list</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="142"/>
        <source>1. List</source>
        <translation>1. List</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="142"/>
        <source>Numbered list</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="145"/>
        <source>Link…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="145"/>
        <source>Make a link (Ctrl+K)</source>
        <translation>Make a link (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="149"/>
        <source>Image…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="149"/>
        <source>Insert an image by its web address</source>
        <translation>Insert an image by its web address</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="254"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="254"/>
        <source>Web address of the link (merge fields allowed):</source>
        <translation>Web address of the link (merge fields allowed):</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="257"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/rich_editor.py" line="257"/>
        <source>Web address of the image (https://…): each mail client loads it from there.</source>
        <translation>Web address of the image (https://…): each mail client loads it from there.</translation>
    </message>
</context>
<context>
    <name>SmsModeChooser</name>
    <message>
        <location filename="../../gui/sms_mode.py" line="35"/>
        <source>Two-way</source>
        <translation>Two-way</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="36"/>
        <source>Recipients can answer the message; their answers arrive in Replies.</source>
        <translation>Recipients can answer the message; their answers arrive in Replies.</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="39"/>
        <source>Flash</source>
        <translation>Flash</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="40"/>
        <source>The message appears at once on the phone&apos;s screen and is not kept in its inbox.</source>
        <translation>The message appears at once on the phone&apos;s screen and is not kept in its inbox.</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="42"/>
        <source>One-way</source>
        <translation>One-way</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="42"/>
        <source>A plain SMS: recipients cannot answer it.</source>
        <translation>A plain SMS: recipients cannot answer it.</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="21"/>
        <source>SMS mode</source>
        <translation>SMS mode</translation>
    </message>
    <message>
        <location filename="../../gui/sms_mode.py" line="25"/>
        <source>SMS mo&amp;de:</source>
        <translation>SMS mo&amp;de:</translation>
    </message>
</context>
<context>
    <name>StateChart</name>
    <message>
        <location filename="../../gui/widgets/state_chart.py" line="35"/>
        <source>Messages by status</source>
        <translation>Messages by status</translation>
    </message>
</context>
<context>
    <name>StateGroup</name>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="53"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="54"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="55"/>
        <source>Delivered</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="56"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="57"/>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../gui/models/campaign_model.py" line="58"/>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
</context>
<context>
    <name>SuppressionModel</name>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="111"/>
        <source>Number or address</source>
        <translation>Number or address</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="111"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="112"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="111"/>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="130"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="130"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../gui/models/inbox_models.py" line="134"/>
        <source>Replied “{text}”</source>
        <translation>Replied “{text}”</translation>
    </message>
</context>
<context>
    <name>SuppressionPage</name>
    <message>
        <location filename="../../gui/pages/suppression.py" line="60"/>
        <location filename="../../gui/pages/suppression.py" line="195"/>
        <source>Suppression list</source>
        <translation>Suppression list</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="69"/>
        <source>Number or address</source>
        <translation>Number or address</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="70"/>
        <source>+56 9 1234 5678 or name@example.com</source>
        <translation>+56 9 1234 5678 or name@example.com</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="71"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="72"/>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="73"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="74"/>
        <source>&amp;Import sheet…</source>
        <translation>&amp;Import sheet…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="81"/>
        <source>&amp;Number or address:</source>
        <translation>&amp;Number or address:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="83"/>
        <source>R&amp;eason:</source>
        <translation>R&amp;eason:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="120"/>
        <source>“{value}” is neither a phone number of {country} nor an e-mail address. Write numbers of other countries with their prefix (+57…).</source>
        <translation>“{value}” is neither a phone number of {country} nor an e-mail address. Write numbers of other countries with their prefix (+57…).</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="122"/>
        <source>Not added</source>
        <translation>Not added</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="134"/>
        <source>%Ln number(s) or address(es) will receive messages of new campaigns again.</source>
        <translation>
            <numerusform>%Ln number or address will receive messages of new campaigns again.</numerusform>
            <numerusform>%Ln numbers or addresses will receive messages of new campaigns again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="173"/>
        <source>%Ln number(s) or address(es) on the suppression list now.</source>
        <translation>
            <numerusform>%Ln number or address is on the suppression list now.</numerusform>
            <numerusform>%Ln numbers or addresses are on the suppression list now.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="175"/>
        <source>%Ln row(s) had no number or address that could be read.</source>
        <translation>
            <numerusform>%Ln row had no number or address that could be read.</numerusform>
            <numerusform>%Ln rows had no number or address that could be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/suppression.py" line="188"/>
        <source>%Ln number(s) and address(es) never receive anything.</source>
        <translation>
            <numerusform>%Ln number or address never receives anything.</numerusform>
            <numerusform>%Ln numbers and addresses never receive anything.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="136"/>
        <source>Remove from the suppression list?</source>
        <translation>Remove from the suppression list?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="137"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="137"/>
        <source>Keep them</source>
        <translation>Keep them</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="150"/>
        <source>Spreadsheets ({patterns})</source>
        <translation>Spreadsheets ({patterns})</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="151"/>
        <source>Import a sheet to the suppression list</source>
        <translation>Import a sheet to the suppression list</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="158"/>
        <source>Imported from {file}</source>
        <translation>Imported from {file}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="177"/>
        <source>Sheet imported</source>
        <translation>Sheet imported</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppression.py" line="182"/>
        <source>The sheet was not imported</source>
        <translation>The sheet was not imported</translation>
    </message>
</context>
<context>
    <name>TrackingPage</name>
    <message>
        <location filename="../../gui/pages/tracking.py" line="93"/>
        <source>Campaign {id}</source>
        <translation>Campaign {id}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="94"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="162"/>
        <source>The campaign stopped</source>
        <translation>The campaign stopped</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="163"/>
        <source>The campaign paused</source>
        <translation>The campaign paused</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="169"/>
        <source>The campaign could not start</source>
        <translation>The campaign could not start</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="175"/>
        <source>Pausing after the request in flight…</source>
        <translation>Pausing after the request in flight…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="181"/>
        <source>Another campaign is sending</source>
        <translation>Another campaign is sending</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="182"/>
        <source>Only one campaign sends at a time: wait for it to finish or pause it.</source>
        <translation>Only one campaign sends at a time: wait for it to finish or pause it.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="196"/>
        <source>Keep sending</source>
        <translation>Keep sending</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="197"/>
        <source>Cancel the campaign?</source>
        <translation>Cancel the campaign?</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="196"/>
        <source>Cancel the campaign</source>
        <translation>Cancel the campaign</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/tracking.py" line="194"/>
        <source>Sending is on hold. %Ln recipient(s) not yet sent to will not receive the message, and the campaign cannot be resumed.</source>
        <translation>
            <numerusform>Sending is on hold. %Ln recipient not yet sent to will not receive the message, and the campaign cannot be resumed.</numerusform>
            <numerusform>Sending is on hold. %Ln recipients not yet sent to will not receive the message, and the campaign cannot be resumed.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="239"/>
        <source>Campaign {id}: {name} ({provider})</source>
        <translation>Campaign {id}: {name} ({provider})</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="255"/>
        <source>Continues at {time}.</source>
        <translation>Continues at {time}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="277"/>
        <source>No campaign to show</source>
        <translation>No campaign to show</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="279"/>
        <source>Send a campaign from Review and send, or open one from History.</source>
        <translation>Send a campaign from Review and send, or open one from History.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="300"/>
        <source>Unknown messages may or may not have been sent: check them before re-sending them from History.</source>
        <translation>Unknown messages may or may not have been sent: check them before re-sending them from History.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="303"/>
        <source>Resume it to send the pending messages.</source>
        <translation>Resume it to send the pending messages.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking.py" line="307"/>
        <source>Masivo could not read the campaign</source>
        <translation>Masivo could not read the campaign</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="33"/>
        <source>{name} - report.xlsx</source>
        <translation>{name} - report.xlsx</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="35"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="36"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="50"/>
        <source>The report was saved in {path}.</source>
        <translation>The report was saved in {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="51"/>
        <source>Report saved</source>
        <translation>Report saved</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="55"/>
        <source>The report could not be written ({why}). If the file is open in Excel, close it and try again, or choose another folder.</source>
        <translation>The report could not be written ({why}). If the file is open in Excel, close it and try again, or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="60"/>
        <source>The report was not saved</source>
        <translation>The report was not saved</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_export.py" line="63"/>
        <source>Writing the report: {n} rows…</source>
        <translation>Writing the report: {n} rows…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_replies.py" line="68"/>
        <source>Replies: {count} (opt-outs: {opt_outs})</source>
        <translation>Replies: {count} (opt-outs: {opt_outs})</translation>
    </message>
</context>
<context>
    <name>TrackingPanel</name>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="52"/>
        <source>Messages sent</source>
        <translation>Messages sent</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="54"/>
        <source>Messages by status</source>
        <translation>Messages by status</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="59"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="60"/>
        <source>&amp;Resume</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="61"/>
        <source>&amp;Cancel campaign…</source>
        <translation>&amp;Cancel campaign…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="64"/>
        <source>E&amp;xport report…</source>
        <translation>E&amp;xport report…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="66"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="67"/>
        <source>Show messages</source>
        <translation>Show messages</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="69"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="72"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="83"/>
        <source>Progress:</source>
        <translation>Progress:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="84"/>
        <source>Messages:</source>
        <translation>Messages:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="85"/>
        <source>Speed:</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="86"/>
        <source>Time left:</source>
        <translation>Time left:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="87"/>
        <source>Balance:</source>
        <translation>Balance:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="100"/>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <location filename="../../gui/pages/tracking_panel.py" line="143"/>
        <source>{rate} messages per second</source>
        <translation>{rate} messages per second</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../gui/window_menus.py" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="33"/>
        <source>&amp;Open sheet…</source>
        <translation>&amp;Open sheet…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="36"/>
        <source>Team &amp;workspace…</source>
        <translation>Team &amp;workspace…</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="39"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="43"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="43"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="47"/>
        <source>&amp;System language</source>
        <translation>&amp;System language</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="55"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="56"/>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="58"/>
        <source>&amp;About Masivo</source>
        <translation>&amp;About Masivo</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="60"/>
        <source>Open the &amp;log folder</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="78"/>
        <source>The new language takes effect the next time you start Masivo.</source>
        <translation>The new language takes effect the next time you start Masivo.</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="79"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="97"/>
        <source>Masivo {version}
SMS and e-mail campaigns from a spreadsheet.

Logs: {folder}</source>
        <translation>Masivo {version}
SMS and e-mail campaigns from a spreadsheet.

Logs: {folder}</translation>
    </message>
    <message>
        <location filename="../../gui/window_menus.py" line="98"/>
        <source>About Masivo</source>
        <translation>About Masivo</translation>
    </message>
</context>
<context>
    <name>WorkspaceDialog</name>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="45"/>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="145"/>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="151"/>
        <source>Team workspace</source>
        <translation>Team workspace</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="47"/>
        <source>Leave the address empty to keep campaigns on this computer only. To share campaigns, replies and the suppression list with your team, enter the PostgreSQL address your administrator gave you. The password is kept in this computer&apos;s keyring, never in a file.</source>
        <translation>Leave the address empty to keep campaigns on this computer only. To share campaigns, replies and the suppression list with your team, enter the PostgreSQL address your administrator gave you. The password is kept in this computer&apos;s keyring, never in a file.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="53"/>
        <source>Database address</source>
        <translation>Database address</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="55"/>
        <source>Database password</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="57"/>
        <source>Only if the address needs one</source>
        <translation>Only if the address needs one</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="58"/>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="63"/>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="64"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="80"/>
        <source>The address must start with postgresql://, e.g. {example}</source>
        <translation>The address must start with postgresql://, e.g. {example}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="92"/>
        <source>No address: campaigns stay on this computer.</source>
        <translation>No address: campaigns stay on this computer.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="94"/>
        <source>Connecting to {address}…</source>
        <translation>Connecting to {address}…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="117"/>
        <source>Connected: PostgreSQL {version}.</source>
        <translation>Connected: PostgreSQL {version}.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="119"/>
        <source>The database is empty: Masivo prepares it on its next start.</source>
        <translation>The database is empty: Masivo prepares it on its next start.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="121"/>
        <source>Could not connect: {problem}</source>
        <translation>Could not connect: {problem}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="143"/>
        <source>The password could not be kept in this computer&apos;s keyring ({problem}). Use a .pgpass file instead.</source>
        <translation>The password could not be kept in this computer&apos;s keyring ({problem}). Use a .pgpass file instead.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/workspace_dialog.py" line="150"/>
        <source>The new workspace takes effect the next time you start Masivo.</source>
        <translation>The new workspace takes effect the next time you start Masivo.</translation>
    </message>
</context>
<context>
    <name>_Counted</name>
    <message numerus="yes">
        <location filename="../../gui/formatting.py" line="41"/>
        <source>%Ln credit(s)</source>
        <translation>
            <numerusform>%Ln credit</numerusform>
            <numerusform>%Ln credits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ResumeWording</name>
    <message numerus="yes">
        <location filename="../../gui/pages/history.py" line="243"/>
        <source>The campaign “{name}” stopped with %Ln message(s) still to send. Resume it now?</source>
        <translation>
            <numerusform>The campaign “{name}” stopped with %Ln message still to send. Resume it now?</numerusform>
            <numerusform>The campaign “{name}” stopped with %Ln messages still to send. Resume it now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_TotalsWording</name>
    <message numerus="yes">
        <location filename="../../gui/pages/review_form.py" line="224"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/review_form.py" line="225"/>
        <source>%Ln will receive the message ({skipped} of {rows} skipped).</source>
        <translation>
            <numerusform>%Ln will receive the message ({skipped} of {rows} skipped).</numerusform>
            <numerusform>%Ln will receive the message ({skipped} of {rows} skipped).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Wording</name>
    <message numerus="yes">
        <location filename="../../gui/pages/message.py" line="279"/>
        <source>%Ln recipient(s) would get a message longer than {provider} accepts ({segments} segments): shorten it to continue.</source>
        <translation>
            <numerusform>%Ln recipient would get a message longer than {provider} accepts ({segments} segments): shorten it to continue.</numerusform>
            <numerusform>%Ln recipients would get a message longer than {provider} accepts ({segments} segments): shorten it to continue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/pages/message.py" line="282"/>
        <source>%Ln recipient(s) would get a message over {provider}&apos;s limit of {limit} characters (merge fields included): shorten it to continue.</source>
        <translation>
            <numerusform>%Ln recipient would get a message over {provider}&apos;s limit of {limit} characters (merge fields included): shorten it to continue.</numerusform>
            <numerusform>%Ln recipients would get a message over {provider}&apos;s limit of {limit} characters (merge fields included): shorten it to continue.</numerusform>
        </translation>
    </message>
</context>
</TS>
