<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts that its Dutch catalogue (qtbase_nl.qm, shipped with PySide6) lacks: Qt 6
     renamed them (an accelerator '&' added) and the Dutch catalogue kept the old source text,
     so the file dialog said 'Look in:' and 'Files of type:' between Dutch texts. Written by
     hand; `make translations` does not touch this file; `make qm` compiles it. -->
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestanden van &amp;type:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Station</translation>
    </message>
</context>
</TS>
