<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/gui/application.py" line="49"/>
        <source>Masivo: unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/gui/application.py" line="50"/>
        <source>Something went wrong and Masivo could not finish what it was doing. Your campaigns are safe in the journal.

Details were written to:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/gui/main_window.py" line="17"/>
        <source>Masivo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
